import { FIELD_MAX } from "../../../../worker/rules/fields";
import { RadioGroupField, TextField } from "../Field";
import type { FormState } from "../form";

export interface ContactValues {
  telephone: string;
  email: string;
  contactByPhone: "oui" | "non";
}

/** The contact fields' texts, also the labels of the fiche's read-only rows (DossierTab). */
export const CONTACT_TEXTS = {
  telephone: {
    label: "Téléphone mobile",
    hint: "Numéro de mobile français (06 ou 07).",
  },
  email: { label: "Adresse e-mail" },
  contactByPhone: {
    label: "Accepte de recevoir des SMS",
    hint: "L'accord du domicilié est enregistré ; Ancrage n'envoie encore aucun SMS.",
  },
} as const;

const OUI_NON = [
  { value: "oui" as const, label: "Oui" },
  { value: "non" as const, label: "Non" },
];

/**
 * Phone, e-mail and SMS consent: in the état civil form, and alone for the roles that may edit only
 * them. `pathPrefix` is where the server puts their errors ("contact." for the contact-only form).
 */
export function ContactFields(props: {
  form: FormState;
  pathPrefix?: string;
  values: ContactValues;
  onValue: <K extends keyof ContactValues>(field: K, value: ContactValues[K]) => void;
}) {
  const path = (field: keyof ContactValues) => `${props.pathPrefix ?? ""}${field}`;
  return (
    <>
      <div class="field-row">
        <TextField
          form={props.form}
          path={path("telephone")}
          label={CONTACT_TEXTS.telephone.label}
          hint={CONTACT_TEXTS.telephone.hint}
          type="tel"
          inputmode="tel"
          value={props.values.telephone}
          onValue={(v) => props.onValue("telephone", v)}
          maxLength={FIELD_MAX.telephone}
          autocomplete="off"
        />
        <TextField
          form={props.form}
          path={path("email")}
          label={CONTACT_TEXTS.email.label}
          type="email"
          spellcheck={false}
          value={props.values.email}
          onValue={(v) => props.onValue("email", v)}
          maxLength={FIELD_MAX.email}
          autocomplete="off"
        />
      </div>
      <RadioGroupField
        form={props.form}
        path={path("contactByPhone")}
        label={CONTACT_TEXTS.contactByPhone.label}
        hint={CONTACT_TEXTS.contactByPhone.hint}
        required
        inline
        options={OUI_NON}
        value={props.values.contactByPhone}
        onValue={(v) => props.onValue("contactByPhone", v)}
      />
    </>
  );
}
