import type { inferRouterInputs } from "@trpc/server";
import { Show } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import type { AppRouter } from "../../../worker/router";
import { FIELD_MAX } from "../../../worker/rules/fields";
import { STRUCTURE_TYPE_LABELS, STRUCTURE_TYPES, type StructureType } from "../../../worker/rules/structure";
import type { Outputs } from "../api";
import { CheckboxField, SelectField, TextField } from "./Field";
import { bindFields, type FormState, parseInteger } from "./form";

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
    adresseCourrier: v.courrierDifferent ? { adresse: v.courrierAdresse, codePostal: v.courrierCodePostal, ville: v.courrierVille } : null,
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
  const bind = bindFields(props.form, props.values, props.setValues, props.pathPrefix);

  return (
    <>
      <fieldset class="fieldset">
        <legend>La structure</legend>
        <TextField
          {...bind.value("nom")}
          label="Nom de la structure"
          required
          autocomplete="organization"
          maxLength={FIELD_MAX.structureNom}
        />
        <SelectField {...bind.value("type")} label="Type de structure" required placeholder="Choisir un type" options={TYPE_OPTIONS} />
        <TextField
          {...bind.value("capacite")}
          label="Capacité de domiciliation"
          hint="Nombre de personnes que la structure peut domicilier."
          required
          inputmode="numeric"
          class="field--short"
        />
        <TextField
          {...bind.value("agrement")}
          label="Numéro d'agrément"
          hint="Pour les organismes agréés : numéro de l'agrément préfectoral."
          class="field--medium"
          maxLength={FIELD_MAX.agrement}
        />
        <Show when={!props.values.pasDeSiret}>
          <TextField
            {...bind.value("siret")}
            label="Numéro SIRET"
            hint="14 chiffres, espaces acceptés."
            required
            inputmode="numeric"
            class="field--medium"
          />
        </Show>
        <CheckboxField {...bind.checked("pasDeSiret")} label="Pas de SIRET" hint="Cochez si la structure n'a pas de numéro SIRET." />
      </fieldset>

      <fieldset class="fieldset">
        <legend>Coordonnées</legend>
        <TextField {...bind.value("adresse")} label="Adresse" required autocomplete="address-line1" maxLength={FIELD_MAX.adresse} />
        <TextField
          {...bind.value("complementAdresse")}
          label="Complément d'adresse"
          hint="Bâtiment, étage, boîte postale…"
          autocomplete="address-line2"
          maxLength={FIELD_MAX.complementAdresse}
        />
        <div class="field-row">
          <TextField
            {...bind.value("codePostal")}
            label="Code postal"
            required
            inputmode="numeric"
            class="field--short"
            autocomplete="postal-code"
            maxLength={FIELD_MAX.codePostal}
          />
          <TextField {...bind.value("ville")} label="Ville" required autocomplete="address-level2" maxLength={FIELD_MAX.ville} />
        </div>
        <TextField
          {...bind.value("telephone")}
          label="Téléphone"
          hint="Exemple : 01 23 45 67 89"
          required
          type="tel"
          class="field--medium"
          autocomplete="tel"
        />
        <TextField
          {...bind.value("email")}
          label="Adresse e-mail de la structure"
          required
          type="email"
          autocomplete="email"
          spellcheck={false}
        />
        <CheckboxField
          {...bind.checked("courrierDifferent", "adresseCourrier")}
          label="Adresse de réception du courrier différente"
          hint="Cochez si le courrier des domiciliés arrive à une autre adresse que celle de la structure."
        />
        <Show when={props.values.courrierDifferent}>
          <div class="subfields">
            <TextField
              {...bind.value("courrierAdresse", "adresseCourrier.adresse")}
              label="Adresse de réception"
              required
              maxLength={FIELD_MAX.adresse}
            />
            <div class="field-row">
              <TextField
                {...bind.value("courrierCodePostal", "adresseCourrier.codePostal")}
                label="Code postal de réception"
                required
                inputmode="numeric"
                class="field--short"
                maxLength={FIELD_MAX.codePostal}
              />
              <TextField
                {...bind.value("courrierVille", "adresseCourrier.ville")}
                label="Ville de réception"
                required
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
            {...bind.value("responsableNom", "responsable.nom")}
            label="Nom du responsable"
            required
            maxLength={FIELD_MAX.responsableNom}
          />
          <TextField
            {...bind.value("responsablePrenom", "responsable.prenom")}
            label="Prénom du responsable"
            required
            maxLength={FIELD_MAX.responsablePrenom}
          />
        </div>
        <TextField
          {...bind.value("responsableFonction", "responsable.fonction")}
          label="Fonction du responsable"
          hint="Exemple : Directrice du CCAS"
          required
          maxLength={FIELD_MAX.responsableFonction}
        />
      </fieldset>
    </>
  );
}
