import { For, type JSX, Show } from "solid-js";
import type { FormState } from "./form";

interface BaseProps {
  form: FormState;
  /** The input path, as the server names it in fieldErrors ("structure.siret"). */
  path: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** The asterisk beside the label; a sign-in form whose two fields are obviously needed goes without. */
  requiredMark?: boolean;
  class?: string;
  /** Read by screen readers after the visible label, e.g. which row of a repeated group. */
  labelSuffix?: string;
}

/** ids of the hint and of the error, which the control lists in aria-describedby. */
function describedBy(props: BaseProps): string | undefined {
  const ids: string[] = [];
  if (props.hint) ids.push(`${props.form.id(props.path)}-aide`);
  if (props.form.fieldError(props.path)) ids.push(`${props.form.id(props.path)}-erreur`);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function fieldClass(props: BaseProps, base: string): string {
  return [base, props.form.fieldError(props.path) ? "field--invalid" : "", props.class ?? ""].filter(Boolean).join(" ");
}

function Label(props: BaseProps) {
  return (
    <span class="field-label">
      <label for={props.form.id(props.path)}>
        {props.label}
        <Show when={props.labelSuffix}>
          <span class="visually-hidden"> {props.labelSuffix}</span>
        </Show>
      </label>
      <Show when={props.required && props.requiredMark !== false}>
        <span class="required-mark" aria-hidden="true">
          {" *"}
        </span>
      </Show>
    </span>
  );
}

function HintAndError(props: BaseProps) {
  return (
    <>
      <Show when={props.hint}>
        <p class="field-hint" id={`${props.form.id(props.path)}-aide`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.form.fieldError(props.path)}>
        {(message) => (
          <p class="field-error" id={`${props.form.id(props.path)}-erreur`}>
            {message()}
          </p>
        )}
      </Show>
    </>
  );
}

export interface TextFieldProps extends BaseProps {
  value: string;
  onValue: (value: string) => void;
  type?: "text" | "email" | "password" | "tel" | "datetime-local";
  autocomplete?: JSX.HTMLAutocomplete;
  inputmode?: JSX.HTMLAttributes<HTMLInputElement>["inputmode"];
  maxLength?: number;
  spellcheck?: boolean;
  onBlur?: () => void;
}

/** A labelled input with its hint and the server's message for its path. */
export function TextField(props: TextFieldProps) {
  return (
    <div class={fieldClass(props, "field")}>
      <Label {...props} />
      <HintAndError {...props} />
      <input
        id={props.form.id(props.path)}
        name={props.path}
        type={props.type ?? "text"}
        value={props.value}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        required={props.required}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        maxLength={props.maxLength}
        spellcheck={props.spellcheck}
        onBlur={() => props.onBlur?.()}
        aria-invalid={props.form.fieldError(props.path) ? "true" : undefined}
        aria-describedby={describedBy(props)}
      />
    </div>
  );
}

export interface SelectFieldProps extends BaseProps {
  value: string;
  onValue: (value: string) => void;
  options: readonly { value: string; label: string }[];
  /** The empty first choice, for a value that must be picked deliberately. */
  placeholder?: string;
}

export function SelectField(props: SelectFieldProps) {
  return (
    <div class={fieldClass(props, "field")}>
      <Label {...props} />
      <HintAndError {...props} />
      <select
        id={props.form.id(props.path)}
        name={props.path}
        required={props.required}
        onChange={(e) => props.onValue(e.currentTarget.value)}
        aria-invalid={props.form.fieldError(props.path) ? "true" : undefined}
        aria-describedby={describedBy(props)}
      >
        <Show when={props.placeholder !== undefined}>
          <option value="" selected={props.value === ""}>
            {props.placeholder}
          </option>
        </Show>
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}

export interface CheckboxFieldProps extends BaseProps {
  checked: boolean;
  onChecked: (checked: boolean) => void;
}

/** A checkbox with its label on the right and, below, its explanation. */
export function CheckboxField(props: CheckboxFieldProps) {
  return (
    <div class={fieldClass(props, "field field--checkbox")}>
      <input
        id={props.form.id(props.path)}
        name={props.path}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChecked(e.currentTarget.checked)}
        required={props.required}
        aria-invalid={props.form.fieldError(props.path) ? "true" : undefined}
        aria-describedby={describedBy(props)}
      />
      <div class="field--checkbox__text">
        <Label {...props} />
        <HintAndError {...props} />
      </div>
    </div>
  );
}

/** The legend that explains the asterisk, once per form. */
export function RequiredNote() {
  return <p class="required-note">Les champs marqués d'un astérisque (*) sont obligatoires.</p>;
}

/** A calendar date typed as JJ/MM/AAAA (faster to type than a date picker, read out plainly). */
export function DateField(props: Omit<TextFieldProps, "type" | "inputmode" | "autocomplete">) {
  return (
    <TextField
      {...props}
      hint={props.hint ?? "Format : JJ/MM/AAAA."}
      inputmode="numeric"
      autocomplete="off"
      maxLength={10}
      class={`field--date ${props.class ?? ""}`}
    />
  );
}

export interface TextAreaFieldProps extends BaseProps {
  value: string;
  onValue: (value: string) => void;
  maxLength?: number;
  rows?: number;
}

export function TextAreaField(props: TextAreaFieldProps) {
  return (
    <div class={fieldClass(props, "field")}>
      <Label {...props} />
      <HintAndError {...props} />
      <textarea
        id={props.form.id(props.path)}
        name={props.path}
        rows={props.rows ?? 4}
        value={props.value}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={props.form.fieldError(props.path) ? "true" : undefined}
        aria-describedby={describedBy(props)}
      />
    </div>
  );
}

export interface RadioGroupFieldProps<T extends string> extends BaseProps {
  value: T | null;
  onValue: (value: T) => void;
  options: readonly { value: T; label: string }[];
  /** Side by side (Oui / Non) rather than one per line. */
  inline?: boolean;
}

/**
 * Radio buttons in a fieldset whose legend is the question. The first radio carries the path's id,
 * so the error summary's link lands on the group. "Required" is said by each radio (a fieldset,
 * role group, cannot carry aria-required).
 */
export function RadioGroupField<T extends string>(props: RadioGroupFieldProps<T>) {
  const optionId = (index: number) => (index === 0 ? props.form.id(props.path) : `${props.form.id(props.path)}-${index}`);
  return (
    <fieldset class={fieldClass(props, "field field--radios")} aria-describedby={describedBy(props)}>
      <legend class="field-label">
        {props.label}
        <Show when={props.labelSuffix}>
          <span class="visually-hidden"> {props.labelSuffix}</span>
        </Show>
        <Show when={props.required && props.requiredMark !== false}>
          <span class="required-mark" aria-hidden="true">
            {" *"}
          </span>
        </Show>
      </legend>
      <HintAndError {...props} />
      <div class={props.inline ? "radios radios--inline" : "radios"}>
        <For each={props.options}>
          {(option, index) => (
            <div class="radio">
              <input
                type="radio"
                id={optionId(index())}
                name={props.form.id(props.path)}
                value={option.value}
                checked={props.value === option.value}
                required={props.required}
                onChange={() => props.onValue(option.value)}
                aria-invalid={props.form.fieldError(props.path) ? "true" : undefined}
              />
              <label for={optionId(index())}>{option.label}</label>
            </div>
          )}
        </For>
      </div>
    </fieldset>
  );
}
