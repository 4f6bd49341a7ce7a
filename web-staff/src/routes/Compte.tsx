import { For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { ROLE_LABELS } from "../../../worker/rules/roles";
import { api } from "../api";
import { FormError, StatusMessage } from "../components/Alerts";
import { Button } from "../components/Button";
import { formatDateTime } from "../components/dates";
import { TextField } from "../components/Field";
import { bindFields, createFormState } from "../components/form";
import { PASSWORD_HINT, passwordMismatch } from "../components/passwords";
import { usePageTitle } from "../components/title";
import { useStaff } from "../session";

export function Compte() {
  usePageTitle(() => "Mon compte");
  const staff = useStaff();
  const me = staff.me;

  const rows = (): [string, string][] => [
    ["Nom", me().nom],
    ["Prénom", me().prenom],
    ["Adresse e-mail", me().email],
    ["Fonction", me().fonction],
    ["Rôle", ROLE_LABELS[me().role]],
    ["Structure", me().structure.nom],
    ["Dernière connexion", me().lastLoginAt ? formatDateTime(me().lastLoginAt!) : "Jamais"],
    ["Mot de passe modifié le", me().passwordUpdatedAt ? formatDateTime(me().passwordUpdatedAt!) : "Jamais"],
  ];

  return (
    <>
      <h1>Mon compte</h1>
      <Show when={me().emailReused}>
        {(reuse) => (
          <div class="alert alert--warning">
            <p class="alert__title">Votre adresse e-mail a été utilisée par quelqu'un d'autre</p>
            <p>
              Le {formatDateTime(reuse().at)}, une{" "}
              {reuse().via === "invitation" ? "autre structure a tenté d'inviter" : "inscription de structure a été tentée avec"} votre
              adresse e-mail. Rien n'a été créé et votre compte n'a pas changé. Si vous n'en êtes pas à l'origine, aucune action n'est
              nécessaire ; vous pouvez changer votre mot de passe ci-dessous par précaution.
            </p>
          </div>
        )}
      </Show>
      <section class="section" aria-labelledby="titre-infos">
        <h2 id="titre-infos">Mes informations</h2>
        <dl class="details">
          <For each={rows()}>
            {([label, value]) => (
              <div class="details__row">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            )}
          </For>
        </dl>
        <p class="muted">
          Pour corriger votre nom, votre adresse e-mail ou votre rôle, adressez-vous à l'administrateur de votre structure.
        </p>
      </section>
      <PasswordSection email={me().email} onChanged={staff.refetchMe} />
    </>
  );
}

function PasswordSection(props: { email: string; onChanged: () => void }) {
  const form = createFormState("mot-de-passe");
  const empty = { current: "", next: "", confirmation: "" };
  const [values, setValues] = createStore({ ...empty });
  const bind = bindFields(form, values, setValues);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void form.submit(
      async () => {
        await api.compte.changePassword.mutate({ current: values.current, next: values.next });
        setValues({ ...empty });
        props.onChanged();
        return "Votre mot de passe a été modifié. Vos sessions ouvertes sur d'autres appareils ont été fermées.";
      },
      passwordMismatch(values.next, values.confirmation, "confirmation"),
    );
  };

  return (
    <section class="section" aria-labelledby="titre-mot-de-passe">
      <h2 id="titre-mot-de-passe">Changer mon mot de passe</h2>
      <FormError form={form} />
      <form class="form" novalidate onSubmit={submit}>
        {/* Lets password managers file the new password under this account. */}
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: out of the tab order too; only password managers read it. */}
        <input type="email" class="visually-hidden" autocomplete="username" value={props.email} readOnly tabindex="-1" aria-hidden="true" />
        <TextField
          {...bind.value("current")}
          label="Mot de passe actuel"
          required
          requiredMark={false}
          type="password"
          autocomplete="current-password"
          class="field--medium"
        />
        <TextField
          {...bind.value("next")}
          label="Nouveau mot de passe"
          hint={PASSWORD_HINT}
          required
          requiredMark={false}
          type="password"
          autocomplete="new-password"
          class="field--medium"
        />
        <TextField
          {...bind.value("confirmation")}
          label="Confirmation"
          hint="Saisissez de nouveau le nouveau mot de passe."
          required
          requiredMark={false}
          type="password"
          autocomplete="new-password"
          class="field--medium"
        />
        <StatusMessage message={form.success()} />
        <div class="form__actions">
          <Button type="submit" busy={form.busy()}>
            Changer mon mot de passe
          </Button>
        </div>
      </form>
    </section>
  );
}
