import { type JSX, splitProps } from "solid-js";

export interface ButtonProps extends JSX.ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: "primary" | "secondary" | "danger" | "danger-outline" | "link";
  /** While a request runs: the busy label replaces the text and clicks are ignored. */
  busy?: boolean;
  busyLabel?: string;
}

/**
 * A button that stays focusable while busy (aria-disabled rather than disabled): a disabled
 * button would drop the keyboard focus to the top of the page in the middle of a submission.
 */
export function Button(props: ButtonProps) {
  const [local, rest] = splitProps(props, ["variant", "busy", "busyLabel", "children", "class", "onClick", "type"]);
  return (
    <button
      {...rest}
      type={local.type ?? "button"}
      class={`button button--${local.variant ?? "primary"}${local.class ? ` ${local.class}` : ""}`}
      aria-disabled={local.busy ? "true" : rest["aria-disabled"]}
      aria-busy={local.busy ? "true" : undefined}
      onClick={(event) => {
        if (local.busy) {
          event.preventDefault();
          return;
        }
        if (typeof local.onClick === "function") local.onClick(event);
      }}
    >
      {local.busy ? (local.busyLabel ?? "Enregistrement…") : local.children}
    </button>
  );
}
