import { A } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { FIELD_MAX } from "../../../../../worker/rules/fields";
import { api } from "../../../api";
import { SelectField, TextField } from "../../Field";
import type { FormState } from "../../form";
import { type Colleague, colleagueName } from "../colleagues";
import { customRefChanged, type EtatCivilValues, type Holder, type SetField } from "./values";

/**
 * Who follows the file and the ID printed on its mail. Leaving the ID field says at once whether
 * another file already holds it (a warning: the ID may still be saved).
 */
export function SuiviFields(props: {
  form: FormState;
  values: EtatCivilValues;
  set: SetField;
  initial: EtatCivilValues;
  resetKey?: unknown;
  excludeId?: number;
  colleagues: Colleague[];
  creating: boolean;
}) {
  const form = props.form;
  const values = props.values;
  const set = props.set;
  const creating = () => props.creating;
  const [refHolders, setRefHolders] = createSignal<Holder[]>([]);
  createEffect(
    on(
      () => props.resetKey,
      () => setRefHolders([]),
      { defer: true },
    ),
  );

  const checkCustomRef = async () => {
    if (!customRefChanged(values, props.initial)) {
      setRefHolders([]);
      return;
    }
    try {
      setRefHolders(await api.usagers.customRefHolders.query({ customRef: values.customRef.trim(), excludeId: props.excludeId }));
    } catch {
      setRefHolders([]);
    }
  };

  return (
    <fieldset class="fieldset">
      <legend>Suivi du dossier</legend>
      <div class="field-row">
        <SelectField
          form={form}
          path="referentId"
          label="Référent"
          hint="Membre de l'équipe qui suit ce dossier."
          placeholder="Aucun référent"
          options={props.colleagues.map((c) => ({ value: String(c.id), label: colleagueName(c) }))}
          value={values.referentId}
          onValue={set("referentId")}
        />
        <div class="field-group">
          <TextField
            form={form}
            path="customRef"
            label="Identifiant personnalisé"
            hint={
              creating()
                ? "Facultatif : laissé vide, l'identifiant est le numéro d'ordre du dossier."
                : "L'identifiant imprimé sur les courriers (laissé vide, il ne change pas)."
            }
            value={values.customRef}
            onValue={set("customRef")}
            onBlur={checkCustomRef}
            maxLength={FIELD_MAX.customRef}
            autocomplete="off"
          />
          <div role="status">
            <Show when={refHolders().length > 0}>
              <p class="field-warning">
                Cet identifiant est déjà utilisé par{" "}
                <For each={refHolders()}>
                  {(h, i) => (
                    <>
                      {i() > 0 ? ", " : ""}
                      <A href={`/usagers/${h.id}`} target="_blank" rel="noopener">
                        {h.nom.toUpperCase()} {h.prenom}
                        <span class="visually-hidden"> (s'ouvre dans un nouvel onglet)</span>
                      </A>
                    </>
                  )}
                </For>
                . Vous pouvez l'enregistrer quand même.
              </p>
            </Show>
          </div>
        </div>
      </div>
    </fieldset>
  );
}
