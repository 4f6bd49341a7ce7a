import { createEffect, on } from "solid-js";
import { createStore } from "solid-js/store";
import { api } from "../../api";
import { FormError, StatusMessage } from "../Alerts";
import { Button } from "../Button";
import { RequiredNote } from "../Field";
import { createFormState } from "../form";
import { ContactFields, type ContactValues } from "./ContactFields";
import { useFiche } from "./fiche";

/**
 * Phone, e-mail and SMS consent, for the roles that may edit them but not the rest of the état
 * civil (usager.contact without usager.instruct: agent and facteur, reference B.2).
 */
export function ContactForm() {
  const ctx = useFiche();
  const u = () => ctx.fiche().usager;
  const form = createFormState("contact");
  const saved = (): ContactValues => ({
    telephone: u().telephone ?? "",
    email: u().email ?? "",
    contactByPhone: u().contactByPhone ? "oui" : "non",
  });
  const [values, setValues] = createStore(saved());
  // The saved file (or a colleague's change) shows again after each write.
  createEffect(
    on(
      () => u().version,
      () => setValues(saved()),
      { defer: true },
    ),
  );

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      const contact = { telephone: values.telephone, email: values.email, contactByPhone: values.contactByPhone === "oui" };
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
        <ContactFields form={form} pathPrefix="contact." values={values} onValue={(field, value) => setValues(field, value)} />
        <div class="form__actions">
          <Button type="submit" busy={form.busy()} busyLabel="Enregistrement…">
            Enregistrer les coordonnées
          </Button>
        </div>
      </form>
    </>
  );
}
