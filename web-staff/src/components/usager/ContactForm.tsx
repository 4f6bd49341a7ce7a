import { createEffect, createSignal, on } from "solid-js";
import { api } from "../../api";
import { FormError, StatusMessage } from "../Alerts";
import { Button } from "../Button";
import { RadioGroupField, RequiredNote, TextField } from "../Field";
import { createFormState } from "../form";
import { CONTACT_TEXTS } from "./EtatCivilForm";
import { useFiche } from "./fiche";

const OUI_NON = [
  { value: "oui" as const, label: "Oui" },
  { value: "non" as const, label: "Non" },
];

/**
 * Phone, e-mail and SMS consent, for the roles that may edit them but not the rest of the état
 * civil (usager.contact without usager.instruct: agent and facteur, reference B.2).
 */
export function ContactForm() {
  const ctx = useFiche();
  const u = () => ctx.fiche().usager;
  const form = createFormState("contact");
  const [telephone, setTelephone] = createSignal(u().telephone ?? "");
  const [email, setEmail] = createSignal(u().email ?? "");
  const [consent, setConsent] = createSignal<"oui" | "non">(u().contactByPhone ? "oui" : "non");
  // The saved file (or a colleague's change) shows again after each write.
  createEffect(
    on(
      () => u().version,
      () => {
        setTelephone(u().telephone ?? "");
        setEmail(u().email ?? "");
        setConsent(u().contactByPhone ? "oui" : "non");
      },
      { defer: true },
    ),
  );

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      const contact = { telephone: telephone(), email: email(), contactByPhone: consent() === "oui" };
      await ctx.run((version) => api.usagers.updateContact.mutate({ usagerId: u().id, version, contact }));
      return "Coordonnées enregistrées.";
    });
  };

  return (
    <>
      <h3>Contact</h3>
      <RequiredNote />
      <FormError form={form} />
      <StatusMessage message={form.success()} />
      <form class="form" novalidate onSubmit={submit} aria-busy={form.busy() ? "true" : undefined}>
        <div class="field-row">
          <TextField
            form={form}
            path="contact.telephone"
            label={CONTACT_TEXTS.telephone.label}
            hint={CONTACT_TEXTS.telephone.hint}
            type="tel"
            inputmode="tel"
            value={telephone()}
            onValue={setTelephone}
            maxLength={20}
            autocomplete="off"
          />
          <TextField
            form={form}
            path="contact.email"
            label={CONTACT_TEXTS.email.label}
            type="email"
            spellcheck={false}
            value={email()}
            onValue={setEmail}
            maxLength={254}
            autocomplete="off"
          />
        </div>
        <RadioGroupField
          form={form}
          path="contact.contactByPhone"
          label={CONTACT_TEXTS.contactByPhone.label}
          hint={CONTACT_TEXTS.contactByPhone.hint}
          required
          inline
          options={OUI_NON}
          value={consent()}
          onValue={setConsent}
        />
        <div class="form__actions">
          <Button type="submit" busy={form.busy()} busyLabel="Enregistrement…">
            Enregistrer les coordonnées
          </Button>
        </div>
      </form>
    </>
  );
}
