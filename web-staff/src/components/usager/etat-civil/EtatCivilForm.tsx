import { createEffect, createSignal, on, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { normalizeSearch } from "../../../../../worker/rules/search";
import { api } from "../../../api";
import { FormError, StatusMessage } from "../../Alerts";
import { Button } from "../../Button";
import { RequiredNote } from "../../Field";
import { createFormState } from "../../form";
import type { Colleague } from "../colleagues";
import { AyantsDroitFields } from "./AyantsDroitFields";
import { ContactFieldset } from "./ContactFieldset";
import { DuplicateWarning } from "./DuplicateWarning";
import { IdentiteFields } from "./IdentiteFields";
import { SuiviFields } from "./SuiviFields";
import { customRefChanged, type Duplicate, type EtatCivilInput, type EtatCivilValues, type Holder, type SetField, toInput } from "./values";

/**
 * État civil, contact and ayants droit of a domicilié: the creation page and the "Dossier" tab
 * use it alike. Before saving it looks for possible duplicates (same nom and prénom, accents and
 * case ignored) and for the ID already printed on another file, and asks to confirm.
 */
export function EtatCivilForm(props: {
  idPrefix: string;
  initial: EtatCivilValues;
  /** Changes when the saved file changes (its version): the fields then show the saved data again. */
  resetKey?: unknown;
  /** The file being edited, left out of the duplicate checks. */
  excludeId?: number;
  colleagues: Colleague[];
  submitLabel: string;
  busyLabel: string;
  /** Saves; returns the success sentence, throws the server's error (shown beside the fields). */
  onSubmit: (input: EtatCivilInput) => Promise<string | undefined>;
}) {
  const form = createFormState(props.idPrefix);
  const [values, setValues] = createStore<EtatCivilValues>(structuredClone(props.initial));
  const [checking, setChecking] = createSignal(false);
  const [warning, setWarning] = createSignal<{ duplicates: Duplicate[]; holders: Holder[] } | null>(null);
  let warningBox: HTMLDivElement | undefined;

  createEffect(
    on(
      () => props.resetKey,
      () => {
        setValues(structuredClone(props.initial));
        setWarning(null);
      },
      { defer: true },
    ),
  );

  const set: SetField = (key) => (value) => {
    setValues(key, value as never);
    if (key === "nom" || key === "prenom" || key === "customRef") setWarning(null);
  };

  /** Possible duplicates and ID holders; nothing when the names did not change on an existing file. */
  const preCheck = async () => {
    const namesChanged =
      normalizeSearch(values.nom) !== normalizeSearch(props.initial.nom) ||
      normalizeSearch(values.prenom) !== normalizeSearch(props.initial.prenom);
    const [duplicates, holders] = await Promise.all([
      namesChanged && values.nom.trim() && values.prenom.trim()
        ? api.usagers.duplicates.query({ nom: values.nom.trim(), prenom: values.prenom.trim(), excludeId: props.excludeId })
        : Promise.resolve([]),
      customRefChanged(values, props.initial)
        ? api.usagers.customRefHolders.query({ customRef: values.customRef.trim(), excludeId: props.excludeId })
        : Promise.resolve([]),
    ]);
    return { duplicates, holders };
  };

  const save = async () => {
    setWarning(null);
    await form.submit(() => props.onSubmit(toInput(values)));
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (form.busy() || checking()) return;
    form.reset();
    setChecking(true);
    let found: { duplicates: Duplicate[]; holders: Holder[] } = { duplicates: [], holders: [] };
    try {
      found = await preCheck();
    } catch {
      // The check is a courtesy: if it fails, the server still validates what is sent.
    } finally {
      setChecking(false);
    }
    if (found.duplicates.length > 0 || found.holders.length > 0) {
      setWarning(found);
      queueMicrotask(() => warningBox?.focus());
      return;
    }
    await save();
  };

  const creating = () => props.excludeId === undefined;

  return (
    <>
      <RequiredNote />
      <FormError form={form} />
      <StatusMessage message={form.success()} />
      <form class="form" novalidate onSubmit={submit} aria-busy={form.busy() || checking() ? "true" : undefined}>
        <IdentiteFields form={form} values={values} set={set} />
        <ContactFieldset form={form} values={values} set={set} />
        <SuiviFields
          form={form}
          values={values}
          set={set}
          initial={props.initial}
          resetKey={props.resetKey}
          excludeId={props.excludeId}
          colleagues={props.colleagues}
          creating={creating()}
        />
        <AyantsDroitFields form={form} values={values} setValues={setValues} />

        <Show when={warning()}>
          {(found) => (
            <DuplicateWarning
              found={found()}
              customRef={values.customRef}
              creating={creating()}
              busy={form.busy()}
              onSave={save}
              onEdit={() => {
                setWarning(null);
                document.getElementById(form.id("nom"))?.focus();
              }}
              ref={(element) => (warningBox = element)}
            />
          )}
        </Show>

        <Show when={!warning()}>
          <div class="form__actions">
            <Button type="submit" busy={form.busy() || checking()} busyLabel={checking() ? "Vérification…" : props.busyLabel}>
              {props.submitLabel}
            </Button>
          </div>
        </Show>
      </form>
    </>
  );
}
