import { createEffect, For, on, Show } from "solid-js";
import type { FormState } from "./form";

/**
 * The form's error summary: the sentence, then each field's message as a link to the field.
 * It takes the focus when it appears, so keyboard and screen-reader users land on it.
 */
export function FormError(props: { form: FormState }) {
  let box: HTMLDivElement | undefined;
  createEffect(
    on(props.form.error, (message) => {
      if (message) queueMicrotask(() => box?.focus());
    }),
  );
  const entries = () => Object.entries(props.form.fieldErrors());

  const goTo = (event: MouseEvent, path: string) => {
    const target = document.getElementById(props.form.id(path));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: "center" });
    target.focus();
  };

  return (
    <Show when={props.form.error()}>
      {(message) => (
        <div class="alert alert--error" role="alert" tabindex="-1" ref={box}>
          <p class="alert__title">{message()}</p>
          <Show when={entries().length > 0}>
            <ul class="alert__list">
              <For each={entries()}>
                {([path, text]) => (
                  <li>
                    <Show when={document.getElementById(props.form.id(path))} fallback={text}>
                      <a href={`#${props.form.id(path)}`} onClick={(e) => goTo(e, path)}>
                        {text}
                      </a>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </div>
      )}
    </Show>
  );
}

/** A one-line error outside a form (a list that failed to load, an action refused). */
export function ErrorMessage(props: { message: string | null | undefined }) {
  return (
    <Show when={props.message}>
      <div class="alert alert--error" role="alert">
        <p class="alert__title">{props.message}</p>
      </div>
    </Show>
  );
}

/**
 * Confirms that something was saved; polite, it does not interrupt. With an id it can take the
 * focus when the control that triggered the action has disappeared.
 */
export function StatusMessage(props: { message: string | null | undefined; id?: string }) {
  return (
    <Show when={props.message}>
      <div class="alert alert--success" role="status" id={props.id} tabindex={props.id ? -1 : undefined}>
        <p class="alert__title">{props.message}</p>
      </div>
    </Show>
  );
}

/** What a list shows while it loads: announced once, no spinner to watch. */
export function Loading(props: { label?: string }) {
  return (
    <p class="loading" role="status">
      {props.label ?? "Chargement…"}
    </p>
  );
}
