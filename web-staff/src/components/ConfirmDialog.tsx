import { createEffect, createUniqueId, type JSX } from "solid-js";
import { ErrorMessage } from "./Alerts";
import { Button } from "./Button";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  busyLabel?: string;
  cancelLabel?: string;
  /** Red confirm button; the focus then starts on "Annuler", the harmless choice. */
  danger?: boolean;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  /** Where the focus goes on closing, when not back to the opener (e.g. the message of the result). */
  focusAfterClose?: () => HTMLElement | null;
  children?: JSX.Element;
}

const FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]";

/** The controls Tab stops on, in order: of a radio group, only the checked radio (or the first). */
function tabStops(root: HTMLElement): HTMLElement[] {
  const all = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.checkVisibility(),
  );
  return all.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== "radio" || !el.name) return true;
    const group = all.filter((o): o is HTMLInputElement => o instanceof HTMLInputElement && o.type === "radio" && o.name === el.name);
    return el === (group.find((o) => o.checked) ?? group[0]);
  });
}

/**
 * A modal confirmation on the native `<dialog>`: showModal() makes the rest of the page inert;
 * Escape cancels. Tab from the last control comes back to the first (and Shift+Tab the other
 * way) rather than leaving the page for the browser's toolbar. The focus goes back to what
 * opened it, or to the main content when that control is gone (a deleted row).
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const titleId = createUniqueId();
  const bodyId = createUniqueId();
  let dialog: HTMLDialogElement | undefined;
  let cancelButton: HTMLButtonElement | undefined;
  let confirmButton: HTMLButtonElement | undefined;
  let opener: Element | null = null;

  createEffect(() => {
    if (!dialog) return;
    if (props.open && !dialog.open) {
      opener = document.activeElement;
      dialog.showModal();
      const first = dialog.querySelector<HTMLElement>("[data-autofocus]");
      (first ?? (props.danger ? cancelButton : confirmButton))?.focus();
    } else if (!props.open && dialog.open) {
      dialog.close();
    }
  });

  const restoreFocus = () => {
    const chosen = props.focusAfterClose?.();
    const target = chosen ?? (opener instanceof HTMLElement && opener.isConnected ? opener : document.getElementById("contenu"));
    target?.focus();
    opener = null;
  };

  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape: closing is ours to decide, so the parent's state stays the single truth.
        event.preventDefault();
        if (!props.busy) props.onCancel();
      }}
      onClose={restoreFocus}
      onKeyDown={(event) => {
        if (event.key !== "Tab" || !dialog) return;
        const stops = tabStops(dialog);
        const edge = event.shiftKey ? stops[0] : stops[stops.length - 1];
        if (!edge || (document.activeElement !== edge && document.activeElement !== dialog)) return;
        event.preventDefault();
        (event.shiftKey ? stops[stops.length - 1] : stops[0])!.focus();
      }}
    >
      <form
        method="dialog"
        class="dialog__form"
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!props.busy) props.onConfirm();
        }}
      >
        <h2 id={titleId} class="dialog__title">
          {props.title}
        </h2>
        <div id={bodyId} class="dialog__body">
          {props.children}
        </div>
        <ErrorMessage message={props.error} />
        <div class="dialog__actions">
          <Button
            ref={confirmButton}
            type="submit"
            variant={props.danger ? "danger" : "primary"}
            busy={props.busy}
            busyLabel={props.busyLabel}
          >
            {props.confirmLabel}
          </Button>
          <Button ref={cancelButton} variant="secondary" onClick={() => !props.busy && props.onCancel()}>
            {props.cancelLabel ?? "Annuler"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
