import { createSignal, type JSX, Show } from "solid-js";
import { t } from "../i18n";

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: "text" | "password";
  autocomplete?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  readOnly?: boolean;
  /** Ids of other elements describing the field (a checklist). */
  describedBy?: string;
  inputMode?: "text" | "numeric";
  autocapitalize?: "off" | "characters";
  maxLength?: number;
  ref?: (el: HTMLInputElement) => void;
  after?: JSX.Element;
  lang?: string;
  /** "ltr" for values that are always Latin (the identifiant), also in right-to-left languages. */
  dir?: "ltr" | "rtl" | "auto";
}

/** A labelled input with its hint and its error, linked for screen readers. */
export function Field(props: FieldProps) {
  const hintId = () => (props.hint ? `${props.id}-aide` : undefined);
  const errorId = () => (props.error ? `${props.id}-erreur` : undefined);
  const described = () => [hintId(), props.describedBy, errorId()].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field" classList={{ "field--error": !!props.error }}>
      {/* The asterisk stays outside the label: the field's name is exactly the seed's label. */}
      <div class="label-row">
        <label for={props.id} id={`${props.id}-label`}>
          {props.label}
        </label>
        <Show when={props.required}>
          <span class="req" aria-hidden="true">
            *
          </span>
        </Show>
      </div>
      <Show when={props.hint}>
        <p class="hint" id={hintId()}>
          {props.hint}
        </p>
      </Show>
      <div class="input-row">
        <input
          id={props.id}
          ref={props.ref}
          type={props.type ?? "text"}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
          autocomplete={props.autocomplete}
          required={props.required}
          readOnly={props.readOnly}
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={described()}
          inputMode={props.inputMode}
          autocapitalize={props.autocapitalize}
          spellcheck={false}
          maxLength={props.maxLength}
          dir={props.dir}
        />
        {props.after}
      </div>
      <Show when={props.error}>
        <p class="field-error" id={errorId()} lang={props.lang}>
          <span aria-hidden="true">⚠ </span>
          <span>{props.error}</span>
        </p>
      </Show>
    </div>
  );
}

/**
 * A password input with a "show" button (typing a password on a small phone screen is hard).
 * The button is named by its text and described by the field's label ("Afficher", "Votre mot de passe").
 */
export function PasswordField(props: Omit<FieldProps, "type" | "after">) {
  const [shown, setShown] = createSignal(false);
  return (
    <Field
      {...props}
      type={shown() ? "text" : "password"}
      after={
        <button
          type="button"
          class="toggle"
          aria-controls={props.id}
          aria-describedby={`${props.id}-label`}
          onClick={() => setShown(!shown())}
        >
          {shown() ? t().common.hide : t().common.show}
        </button>
      }
    />
  );
}
