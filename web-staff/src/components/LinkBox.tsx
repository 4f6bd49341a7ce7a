import { createSignal, createUniqueId } from "solid-js";
import { Button } from "./Button";
import { formatDateTime, isoOf } from "./dates";

/**
 * A single-use link for a colleague. Ancrage sends no e-mail: the administrator copies the link
 * and hands it over, so it is shown whole, selectable, with its expiry. It heads the page's content,
 * under its h1: its title is an h2, at the size of an h3.
 */
export function LinkBox(props: { title: string; link: string; expiresAt: string; onClose?: () => void }) {
  const inputId = createUniqueId();
  const [copied, setCopied] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.link);
      setCopied("Lien copié dans le presse-papiers.");
    } catch {
      // Clipboard refused (permissions, older browser): select the text for a manual copy.
      input?.focus();
      input?.select();
      setCopied("Copie automatique impossible : le lien est sélectionné, copiez-le avec Ctrl+C.");
    }
  };

  return (
    <section class="link-box" aria-labelledby={`${inputId}-titre`}>
      <h2 id={`${inputId}-titre`} class="link-box__title">
        {props.title}
      </h2>
      <p class="field-hint">
        Transmettez ce lien à la personne par un moyen sûr. Il ne sert qu'une fois et remplace les liens donnés avant lui.
      </p>
      <div class="field">
        <span class="field-label">
          <label for={inputId}>Lien à transmettre</label>
        </span>
        <div class="link-box__row">
          <input
            id={inputId}
            ref={input}
            type="text"
            readOnly
            value={props.link}
            onFocus={(e) => e.currentTarget.select()}
            aria-describedby={`${inputId}-validite`}
          />
          <Button variant="secondary" onClick={copy}>
            Copier le lien
          </Button>
        </div>
        <p class="field-hint" id={`${inputId}-validite`}>
          Valable jusqu'au <time datetime={isoOf(props.expiresAt)}>{formatDateTime(props.expiresAt)}</time>.
        </p>
      </div>
      <p class="link-box__status" role="status">
        {copied()}
      </p>
      {props.onClose && (
        <Button variant="link" onClick={() => props.onClose?.()}>
          Masquer le lien
        </Button>
      )}
    </section>
  );
}
