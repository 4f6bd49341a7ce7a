import { FIELD_MAX } from "../../../../../worker/rules/fields";
import type { Civilite } from "../../../../../worker/rules/usager";
import { DateField, RadioGroupField, TextField } from "../../Field";
import type { FormState } from "../../form";
import type { EtatCivilValues, SetField } from "./values";

const CIVILITE_OPTIONS = [
  { value: "M." as Civilite, label: "Monsieur" },
  { value: "Mme" as Civilite, label: "Madame" },
];

/** Who the person is: civilité, names, birth, nationality and language. */
export function IdentiteFields(props: { form: FormState; values: EtatCivilValues; set: SetField }) {
  const form = props.form;
  const values = props.values;
  const set = props.set;
  return (
    <fieldset class="fieldset">
      <legend>Identité</legend>
      <RadioGroupField
        form={form}
        path="civilite"
        label="Civilité"
        required
        inline
        options={CIVILITE_OPTIONS}
        value={values.civilite}
        onValue={set("civilite")}
      />
      <div class="field-row">
        <TextField
          form={form}
          path="nom"
          label="Nom"
          required
          value={values.nom}
          onValue={set("nom")}
          maxLength={FIELD_MAX.nom}
          autocomplete="off"
        />
        <TextField
          form={form}
          path="prenom"
          label="Prénom"
          required
          value={values.prenom}
          onValue={set("prenom")}
          maxLength={FIELD_MAX.prenom}
          autocomplete="off"
        />
      </div>
      <TextField
        form={form}
        path="surnom"
        label="Nom d'usage / Surnom"
        value={values.surnom}
        onValue={set("surnom")}
        maxLength={FIELD_MAX.surnom}
        autocomplete="off"
      />
      <div class="field-row">
        <DateField
          form={form}
          path="dateNaissance"
          label="Date de naissance"
          required
          value={values.dateNaissance}
          onValue={set("dateNaissance")}
        />
        <TextField
          form={form}
          path="lieuNaissance"
          label="Lieu de naissance"
          hint="Précisez le pays si à l'étranger."
          required
          value={values.lieuNaissance}
          onValue={set("lieuNaissance")}
          maxLength={FIELD_MAX.lieuNaissance}
          autocomplete="off"
        />
      </div>
      <div class="field-row">
        <TextField
          form={form}
          path="nationalite"
          label="Nationalité"
          value={values.nationalite}
          onValue={set("nationalite")}
          maxLength={FIELD_MAX.nationalite}
          autocomplete="off"
        />
        <TextField
          form={form}
          path="langue"
          label="Langue parlée"
          value={values.langue}
          onValue={set("langue")}
          maxLength={FIELD_MAX.langue}
          autocomplete="off"
        />
      </div>
    </fieldset>
  );
}
