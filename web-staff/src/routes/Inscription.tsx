import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { FIELD_MAX } from "../../../worker/rules/fields";
import { FONCTIONS } from "../../../worker/rules/roles";
import { api } from "../api";
import { FormError } from "../components/Alerts";
import { Button } from "../components/Button";
import { CheckboxField, RequiredNote, SelectField, TextField } from "../components/Field";
import { bindFields, createFormState } from "../components/form";
import { PublicLayout } from "../components/PublicLayout";
import { PASSWORD_HINT, passwordMismatch } from "../components/passwords";
import { EMPTY_STRUCTURE, StructureInfoFields, structureInputOf } from "../components/StructureInfoFields";
import { usePageTitle } from "../components/title";

const FONCTION_OPTIONS = FONCTIONS.map((f) => ({ value: f, label: f }));

/** Public sign-up of a structure with its first administrator, as in the reference. */
export function Inscription() {
  usePageTitle(() => "Inscrire ma structure");
  const form = createFormState("inscription");
  const [structure, setStructure] = createStore({ ...EMPTY_STRUCTURE });
  const [admin, setAdmin] = createStore({ nom: "", prenom: "", email: "", fonction: "", password: "", confirmation: "" });
  const bind = bindFields(form, admin, setAdmin, "admin.");
  const [cgu, setCgu] = createSignal(false);
  const [done, setDone] = createSignal(false);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void form.submit(
      async () => {
        await api.structures.register.mutate({
          structure: structureInputOf(structure),
          admin: {
            nom: admin.nom,
            prenom: admin.prenom,
            email: admin.email,
            fonction: admin.fonction as (typeof FONCTIONS)[number],
            password: admin.password,
          },
          // Sent as ticked or not: the server words the refusal.
          acceptCgu: cgu() as true,
        });
        setDone(true);
        window.scrollTo(0, 0);
        document.getElementById("contenu")?.focus({ preventScroll: true });
      },
      passwordMismatch(admin.password, admin.confirmation, "admin.confirmation"),
    );
  };

  return (
    <PublicLayout wide>
      <Show
        when={!done()}
        fallback={
          <div class="card">
            <h1>Demande envoyée</h1>
            <div class="alert alert--success" role="status">
              <p class="alert__title">
                Votre demande d'inscription a bien été enregistrée. L'équipe Ancrage va l'examiner ; vous pourrez vous connecter dès sa
                validation.
              </p>
              <p>
                Si cette adresse e-mail est déjà celle d'un compte Ancrage, aucune nouvelle structure n'est créée : le titulaire du compte
                en est averti dans l'application.
              </p>
            </div>
            <p>
              <A href="/connexion">Retour à la page de connexion</A>
            </p>
          </div>
        }
      >
        <div class="card">
          <h1>Inscrire ma structure</h1>
          <p class="lead">
            Les CCAS, CIAS et organismes agréés peuvent utiliser Ancrage gratuitement. L'équipe Ancrage vérifie chaque demande avant
            d'ouvrir l'accès.
          </p>
          <RequiredNote />
          <FormError form={form} />
          <form class="form" novalidate onSubmit={submit}>
            <StructureInfoFields form={form} values={structure} setValues={setStructure} pathPrefix="structure." />

            <fieldset class="fieldset">
              <legend>Votre compte administrateur</legend>
              <p class="fieldset__intro">
                Vous serez l'administrateur de la structure dans Ancrage : vous inviterez ensuite vos collègues.
              </p>
              <div class="field-row">
                <TextField {...bind.value("nom")} label="Nom" required autocomplete="family-name" maxLength={FIELD_MAX.staffNom} />
                <TextField {...bind.value("prenom")} label="Prénom" required autocomplete="given-name" maxLength={FIELD_MAX.staffPrenom} />
              </div>
              <TextField
                {...bind.value("email")}
                label="Adresse e-mail"
                hint="Elle vous servira d'identifiant."
                required
                type="email"
                autocomplete="username"
                spellcheck={false}
              />
              <SelectField
                {...bind.value("fonction")}
                label="Fonction"
                required
                placeholder="Choisir une fonction"
                options={FONCTION_OPTIONS}
                class="field--medium"
              />
              <TextField
                {...bind.value("password")}
                label="Mot de passe"
                hint={PASSWORD_HINT}
                required
                type="password"
                autocomplete="new-password"
                class="field--medium"
              />
              <TextField
                {...bind.value("confirmation")}
                label="Confirmation du mot de passe"
                required
                type="password"
                autocomplete="new-password"
                class="field--medium"
              />
            </fieldset>

            <CheckboxField
              form={form}
              path="acceptCgu"
              label="J'accepte les conditions générales d'utilisation d'Ancrage"
              required
              checked={cgu()}
              onChecked={setCgu}
            />

            <div class="form__actions">
              <Button type="submit" busy={form.busy()} busyLabel="Envoi en cours…">
                Envoyer ma demande
              </Button>
              <A href="/connexion" class="button button--link">
                Annuler
              </A>
            </div>
          </form>
        </div>
      </Show>
    </PublicLayout>
  );
}
