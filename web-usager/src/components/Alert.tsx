import { Show } from "solid-js";

/**
 * A message region that exists from the start (so screen readers watch it) and is filled when
 * something happens: role=alert for errors, role=status for news that can wait.
 */
export function LiveMessage(props: { message?: string; kind: "error" | "status" | "success"; id?: string; lang?: string }) {
  return (
    <div id={props.id} role={props.kind === "error" ? "alert" : "status"} class="live">
      <Show when={props.message}>
        <p class={`message message--${props.kind}`} lang={props.lang}>
          {props.message}
        </p>
      </Show>
    </div>
  );
}
