import { For } from "solid-js";

/**
 * An e-mail address in a narrow table column: it may wrap after "@" and before dots instead of
 * widening the table or breaking in the middle of a word.
 */
export function Email(props: { value: string }) {
  const parts = () => props.value.split(/(?<=@)|(?=\.)/);
  return (
    <span class="email">
      <For each={parts()}>
        {(part, index) => (
          <>
            {index() > 0 && <wbr />}
            {part}
          </>
        )}
      </For>
    </span>
  );
}
