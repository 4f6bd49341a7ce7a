import { For, Show } from "solid-js";
import { produce, type SetStoreFunction } from "solid-js/store";
import { FIELD_MAX } from "../../../../../worker/rules/fields";
import { LIENS_AYANT_DROIT, type LienAyantDroit } from "../../../../../worker/rules/usager";
import { Button } from "../../Button";
import { DateField, SelectField, TextField } from "../../Field";
import type { FormState } from "../../form";
import { type EtatCivilValues, newAyantDroit } from "./values";

const LIEN_OPTIONS = (Object.keys(LIENS_AYANT_DROIT) as LienAyantDroit[]).map((value) => ({ value, label: LIENS_AYANT_DROIT[value] }));

/** The people in the domicilié's care: added and removed one by one, focus following. */
export function AyantsDroitFields(props: { form: FormState; values: EtatCivilValues; setValues: SetStoreFunction<EtatCivilValues> }) {
  const form = props.form;
  const values = props.values;
  const setValues = props.setValues;
  let addButton: HTMLButtonElement | undefined;

  const addAyantDroit = () => {
    setValues("ayantsDroit", (list) => [...list, newAyantDroit()]);
    const index = values.ayantsDroit.length - 1;
    queueMicrotask(() => document.getElementById(form.id(`ayantsDroit.${index}.nom`))?.focus());
  };

  const removeAyantDroit = (index: number) => {
    setValues(
      "ayantsDroit",
      produce((list) => {
        list.splice(index, 1);
      }),
    );
    queueMicrotask(() => addButton?.focus());
  };

  return (
    <fieldset class="fieldset">
      <legend>Ayants droit</legend>
      <p class="fieldset__intro">Personnes à la charge du domicilié (conjoint, enfants…).</p>
      <Show when={values.ayantsDroit.length === 0}>
        <p class="muted">Aucun ayant droit.</p>
      </Show>
      <ol class="ayants-droit">
        <For each={values.ayantsDroit}>
          {(a, index) => {
            const suffix = () => `de l'ayant droit ${index() + 1}`;
            const p = (field: string) => `ayantsDroit.${index()}.${field}`;
            return (
              <li class="ayant-droit">
                <fieldset class="ayant-droit__fieldset">
                  <legend class="ayant-droit__title">Ayant droit {index() + 1}</legend>
                  <div class="field-row">
                    <TextField
                      form={form}
                      path={p("nom")}
                      label="Nom"
                      labelSuffix={suffix()}
                      required
                      value={a.nom}
                      onValue={(v) => setValues("ayantsDroit", index(), "nom", v)}
                      maxLength={FIELD_MAX.nom}
                      autocomplete="off"
                    />
                    <TextField
                      form={form}
                      path={p("prenom")}
                      label="Prénom"
                      labelSuffix={suffix()}
                      required
                      value={a.prenom}
                      onValue={(v) => setValues("ayantsDroit", index(), "prenom", v)}
                      maxLength={FIELD_MAX.prenom}
                      autocomplete="off"
                    />
                  </div>
                  <div class="field-row">
                    <DateField
                      form={form}
                      path={p("dateNaissance")}
                      label="Date de naissance"
                      labelSuffix={suffix()}
                      required
                      value={a.dateNaissance}
                      onValue={(v) => setValues("ayantsDroit", index(), "dateNaissance", v)}
                    />
                    <SelectField
                      form={form}
                      path={p("lien")}
                      label="Lien"
                      labelSuffix={suffix()}
                      required
                      placeholder="Choisir un lien"
                      options={LIEN_OPTIONS}
                      value={a.lien}
                      onValue={(v) => setValues("ayantsDroit", index(), "lien", v as LienAyantDroit)}
                    />
                  </div>
                  <div>
                    <Button variant="danger-outline" class="button--small" onClick={() => removeAyantDroit(index())}>
                      Retirer<span class="visually-hidden"> l'ayant droit {index() + 1}</span>
                    </Button>
                  </div>
                </fieldset>
              </li>
            );
          }}
        </For>
      </ol>
      <div>
        <Button ref={addButton} variant="secondary" onClick={addAyantDroit}>
          Ajouter un ayant droit
        </Button>
      </div>
    </fieldset>
  );
}
