import { Show } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import type { inferRouterInputs } from "@trpc/server";
import type { AppRouter } from "../../../worker/router";
import type { Outputs } from "../api";
import { FIELD_MAX } from "../../../worker/rules/fields";
import { STRUCTURE_TYPE_LABELS, STRUCTURE_TYPES, type StructureType } from "../../../worker/rules/structure";
import { CheckboxField, SelectField, TextField } from "./Field";
import { parseInteger, type FormState } from "./form";

export type StructureInfoInput = inferRouterInputs<AppRouter>["structures"]["update"];

/** What the structure form holds while typing: text as typed, numbers parsed on submit. */
export interface StructureValues {
  nom: string;
  type: StructureType | "";
  adresse: string;
  complementAdresse: string;
  codePostal: string;
  ville: string;
  telephone: string;
  email: string;
  responsableNom: string;
  responsablePrenom: string;
  responsableFonction: string;
  capacite: string;
  agrement: string;
  pasDeSiret: boolean;
  siret: string;
  courrierDifferent: boolean;
  courrierAdresse: string;
  courrierCodePostal: string;
  courrierVille: string;
}

export const EMPTY_STRUCTURE: StructureValues = {
  nom: "",
  type: "",
  adresse: "",
  complementAdresse: "",
  codePostal: "",
  ville: "",
  telephone: "",
  email: "",
  responsableNom: "",
  responsablePrenom: "",
  responsableFonction: "",
  capacite: "",
  agrement: "",
  pasDeSiret: false,
  siret: "",
  courrierDifferent: false,
  courrierAdresse: "",
  courrierCodePostal: "",
  courrierVille: "",
};

export function structureValuesOf(s: Outputs["structures"]["mine"]): StructureValues {
  return {
    nom: s.nom,
    type: s.type,
    adresse: s.adresse,
    complementAdresse: s.complementAdresse ?? "",
    codePostal: s.codePostal,
    ville: s.ville,
    telephone: s.telephone,
    email: s.email,
    responsableNom: s.responsable.nom,
    responsablePrenom: s.responsable.prenom,
    responsableFonction: s.responsable.fonction,
    capacite: String(s.capacite),
    agrement: s.agrement ?? "",
    pasDeSiret: s.pasDeSiret,
    siret: s.siret ?? "",
    courrierDifferent: s.adresseCourrier !== null,
    courrierAdresse: s.adresseCourrier?.adresse ?? "",
    courrierCodePostal: s.adresseCourrier?.codePostal ?? "",
    courrierVille: s.adresseCourrier?.ville ?? "",
  };
}

export function structureInputOf(v: StructureValues): StructureInfoInput {
  return {
    nom: v.nom,
    // An unpicked type is sent as is: the server answers with the field's own French message.
    type: v.type as StructureType,
    adresse: v.adresse,
    complementAdresse: v.complementAdresse,
    codePostal: v.codePostal,
    ville: v.ville,
    telephone: v.telephone,
    email: v.email,
    responsable: { nom: v.responsableNom, prenom: v.responsablePrenom, fonction: v.responsableFonction },
    capacite: parseInteger(v.capacite),
    agrement: v.agrement,
    pasDeSiret: v.pasDeSiret,
    siret: v.pasDeSiret ? null : v.siret,
    adresseCourrier: v.courrierDifferent
      ? { adresse: v.courrierAdresse, codePostal: v.courrierCodePostal, ville: v.courrierVille }
      : null,
  };
}

const TYPE_OPTIONS = STRUCTURE_TYPES.map((value) => ({ value, label: STRUCTURE_TYPE_LABELS[value] }));

/**
 * The structure's information, shared by the public sign-up (paths under "structure.") and the
 * administrator's edit page (paths at the root), so both show the server's messages in place.
 */
export function StructureInfoFields(props: {
  form: FormState;
  values: StructureValues;
  setValues: SetStoreFunction<StructureValues>;
  /** "structure." on the sign-up form, "" on the edit form. */
  pathPrefix: string;
}) {
  const p = (path: string) => `${props.pathPrefix}${path}`;
  const set = <K extends keyof StructureValues>(key: K) => (value: StructureValues[K]) => props.setValues(key, value);

  return (
    <>
      <fieldset class="fieldset">
        <legend>La structure</legend>
        <TextField
          form={props.form}
          path={p("nom")}
          label="Nom de la structure"
          required
          value={props.values.nom}
          onValue={set("nom")}
          autocomplete="organization"
          maxLength={FIELD_MAX.structureNom}
        />
        <SelectField
          form={props.form}
          path={p("type")}
          label="Type de structure"
          required
          placeholder="Choisir un type"
          options={TYPE_OPTIONS}
          value={props.values.type}
          onValue={(v) => props.setValues("type", v as StructureType | "")}
        />
        <TextField
          form={props.form}
          path={p("capacite")}
          label="Capacité de domiciliation"
          hint="Nombre de personnes que la structure peut domicilier."
          required
          inputmode="numeric"
          class="field--short"
          value={props.values.capacite}
          onValue={set("capacite")}
        />
        <TextField
          form={props.form}
          path={p("agrement")}
          label="Numéro d'agrément"
          hint="Pour les organismes agréés : numéro de l'agrément préfectoral."
          value={props.values.agrement}
          onValue={set("agrement")}
          class="field--medium"
          maxLength={FIELD_MAX.agrement}
        />
        <Show when={!props.values.pasDeSiret}>
          <TextField
            form={props.form}
            path={p("siret")}
            label="Numéro SIRET"
            hint="14 chiffres, espaces acceptés."
            required
            inputmode="numeric"
            class="field--medium"
            value={props.values.siret}
            onValue={set("siret")}
          />
        </Show>
        <CheckboxField
          form={props.form}
          path={p("pasDeSiret")}
          label="Pas de SIRET"
          hint="Cochez si la structure n'a pas de numéro SIRET."
          checked={props.values.pasDeSiret}
          onChecked={set("pasDeSiret")}
        />
      </fieldset>

      <fieldset class="fieldset">
        <legend>Coordonnées</legend>
        <TextField
          form={props.form}
          path={p("adresse")}
          label="Adresse"
          required
          value={props.values.adresse}
          onValue={set("adresse")}
          autocomplete="address-line1"
          maxLength={FIELD_MAX.adresse}
        />
        <TextField
          form={props.form}
          path={p("complementAdresse")}
          label="Complément d'adresse"
          hint="Bâtiment, étage, boîte postale…"
          value={props.values.complementAdresse}
          onValue={set("complementAdresse")}
          autocomplete="address-line2"
          maxLength={FIELD_MAX.complementAdresse}
        />
        <div class="field-row">
          <TextField
            form={props.form}
            path={p("codePostal")}
            label="Code postal"
            required
            inputmode="numeric"
            class="field--short"
            value={props.values.codePostal}
            onValue={set("codePostal")}
            autocomplete="postal-code"
            maxLength={FIELD_MAX.codePostal}
          />
          <TextField
            form={props.form}
            path={p("ville")}
            label="Ville"
            required
            value={props.values.ville}
            onValue={set("ville")}
            autocomplete="address-level2"
            maxLength={FIELD_MAX.ville}
          />
        </div>
        <TextField
          form={props.form}
          path={p("telephone")}
          label="Téléphone"
          hint="Exemple : 01 23 45 67 89"
          required
          type="tel"
          class="field--medium"
          value={props.values.telephone}
          onValue={set("telephone")}
          autocomplete="tel"
        />
        <TextField
          form={props.form}
          path={p("email")}
          label="Adresse e-mail de la structure"
          required
          type="email"
          value={props.values.email}
          onValue={set("email")}
          autocomplete="email"
          spellcheck={false}
        />
        <CheckboxField
          form={props.form}
          path={p("adresseCourrier")}
          label="Adresse de réception du courrier différente"
          hint="Cochez si le courrier des domiciliés arrive à une autre adresse que celle de la structure."
          checked={props.values.courrierDifferent}
          onChecked={set("courrierDifferent")}
        />
        <Show when={props.values.courrierDifferent}>
          <div class="subfields">
            <TextField
              form={props.form}
              path={p("adresseCourrier.adresse")}
              label="Adresse de réception"
              required
              value={props.values.courrierAdresse}
              onValue={set("courrierAdresse")}
              maxLength={FIELD_MAX.adresse}
            />
            <div class="field-row">
              <TextField
                form={props.form}
                path={p("adresseCourrier.codePostal")}
                label="Code postal de réception"
                required
                inputmode="numeric"
                class="field--short"
                value={props.values.courrierCodePostal}
                onValue={set("courrierCodePostal")}
                maxLength={FIELD_MAX.codePostal}
              />
              <TextField
                form={props.form}
                path={p("adresseCourrier.ville")}
                label="Ville de réception"
                required
                value={props.values.courrierVille}
                onValue={set("courrierVille")}
                maxLength={FIELD_MAX.ville}
              />
            </div>
          </div>
        </Show>
      </fieldset>

      <fieldset class="fieldset">
        <legend>Responsable de la structure</legend>
        <div class="field-row">
          <TextField
            form={props.form}
            path={p("responsable.nom")}
            label="Nom du responsable"
            required
            value={props.values.responsableNom}
            onValue={set("responsableNom")}
            maxLength={FIELD_MAX.responsableNom}
          />
          <TextField
            form={props.form}
            path={p("responsable.prenom")}
            label="Prénom du responsable"
            required
            value={props.values.responsablePrenom}
            onValue={set("responsablePrenom")}
            maxLength={FIELD_MAX.responsablePrenom}
          />
        </div>
        <TextField
          form={props.form}
          path={p("responsable.fonction")}
          label="Fonction du responsable"
          hint="Exemple : Directrice du CCAS"
          required
          value={props.values.responsableFonction}
          onValue={set("responsableFonction")}
          maxLength={FIELD_MAX.responsableFonction}
        />
      </fieldset>
    </>
  );
}
