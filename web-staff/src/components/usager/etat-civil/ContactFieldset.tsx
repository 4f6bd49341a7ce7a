import { FIELD_MAX } from "../../../../../worker/rules/fields";
import { TextField } from "../../Field";
import type { FormState } from "../../form";
import { ContactFields } from "../ContactFields";
import type { EtatCivilValues, SetField } from "./values";

/** How to reach the person: phone, e-mail, SMS consent, and the postal distribution number. */
export function ContactFieldset(props: { form: FormState; values: EtatCivilValues; set: SetField }) {
  const form = props.form;
  const values = props.values;
  const set = props.set;
  return (
    <fieldset class="fieldset">
      <legend>Contact</legend>
      <ContactFields form={form} values={values} onValue={(field, value) => set(field)(value as EtatCivilValues[typeof field])} />
      <TextField
        form={form}
        path="numeroDistribution"
        label="Numéro de distribution"
        hint="Numéro de boîte postale ou TSA, par exemple BP 102 ou TSA 11000."
        value={values.numeroDistribution}
        onValue={set("numeroDistribution")}
        maxLength={FIELD_MAX.numeroDistribution}
        class="field--medium"
        autocomplete="off"
      />
    </fieldset>
  );
}
