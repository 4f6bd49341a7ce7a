import { type Accessor, createSignal } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import { apiFailure } from "../api";

export interface FormState {
  /** The id of the control for an input path: the same path keys the server's fieldErrors. */
  id(path: string): string;
  fieldError(path: string): string | undefined;
  fieldErrors: Accessor<Record<string, string>>;
  /** The form-level error sentence, shown in the alert summary. */
  error: Accessor<string | null>;
  /** The success sentence, shown in a status region. */
  success: Accessor<string | null>;
  busy: Accessor<boolean>;
  /**
   * Runs a submission: checks `localErrors` first (things only the browser knows, such as a
   * mismatched confirmation), then the request; its French errors land beside their fields.
   * The action returns the success sentence, if any.
   */
  submit(action: () => Promise<string | undefined>, localErrors?: Record<string, string>): Promise<boolean>;
  reset(): void;
}

/** The server's own wording for the same situation, so both read alike. */
const INVALID_FORM_MESSAGE = "Certains champs sont invalides : vérifiez le formulaire.";

export function createFormState(idPrefix: string): FormState {
  const [fieldErrors, setFieldErrors] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [success, setSuccess] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const reset = () => {
    setFieldErrors({});
    setError(null);
    setSuccess(null);
  };

  return {
    id: (path) => `${idPrefix}-${path.replace(/\./g, "-")}`,
    fieldError: (path) => fieldErrors()[path],
    fieldErrors,
    error,
    success,
    busy,
    reset,
    async submit(action, localErrors) {
      if (busy()) return false;
      reset();
      if (localErrors && Object.keys(localErrors).length > 0) {
        setFieldErrors(localErrors);
        setError(INVALID_FORM_MESSAGE);
        return false;
      }
      setBusy(true);
      try {
        const message = await action();
        if (message) setSuccess(message);
        return true;
      } catch (caught) {
        const failure = apiFailure(caught);
        setFieldErrors(failure.fieldErrors);
        setError(failure.message);
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}

/** Numbers typed in a text box: an empty or malformed value is sent as NaN so the server names it. */
export function parseInteger(value: string): number {
  const trimmed = value.trim().replace(/\s/g, "");
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** What a TextField, DateField, TextAreaField or SelectField needs from its form and store. */
export interface ValueBinding {
  form: FormState;
  path: string;
  readonly value: string;
  onValue: (value: string) => void;
}

type KeysWith<T, V> = { [K in keyof T]: T[K] extends V ? K : never }[keyof T] & string;

/**
 * Ties a form's fields to the keys of its store, so that a field says only what is its own (label,
 * hint, type): `<TextField {...bind.value("nom")} label="Nom" />`. The path names the control's id
 * and the server's message for it; it is the key, under `pathPrefix`, unless the server nests it
 * elsewhere (`bind.value("responsableNom", "responsable.nom")`).
 */
export function bindFields<T extends object>(form: FormState, values: T, setValues: SetStoreFunction<T>, pathPrefix = "") {
  const set = setValues as <K extends keyof T>(key: K, value: T[K]) => void;
  return {
    /** For a TextField, DateField, TextAreaField or SelectField (whose options are the key's own values). */
    value<K extends KeysWith<T, string>>(key: K, path: string = key): ValueBinding {
      return {
        form,
        path: pathPrefix + path,
        get value() {
          return values[key] as string;
        },
        onValue: (value: string) => set(key, value as T[K]),
      };
    },
    /** For a CheckboxField. */
    checked<K extends KeysWith<T, boolean>>(key: K, path: string = key) {
      return {
        form,
        path: pathPrefix + path,
        get checked() {
          return values[key] as boolean;
        },
        onChecked: (checked: boolean) => set(key, checked as T[K]),
      };
    },
  };
}
