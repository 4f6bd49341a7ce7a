import { A } from "@solidjs/router";
import { createResource, createSignal, Match, onCleanup, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import { api, apiFailure } from "../api";
import { ErrorMessage, FormError, Loading } from "../components/Alerts";
import { Button } from "../components/Button";
import { TextField } from "../components/Field";
import { bindFields, createFormState } from "../components/form";
import { PublicLayout } from "../components/PublicLayout";
import { PASSWORD_HINT, passwordMismatch } from "../components/passwords";
import { usePageTitle } from "../components/title";

/**
 * Where an invitation or reset link leads. The token sits in the URL fragment, which the browser
 * never sends to a server; it is read here and only posted to the API.
 */
export function Invitation() {
  usePageTitle(() => "Choisir mon mot de passe");
  const readToken = () => window.location.hash.replace(/^#/, "");
  const [token, setToken] = createSignal(readToken());
  const [link, { refetch }] = createResource(token, (t) => api.equipe.describeLink.query({ token: t }));
  const form = createFormState("invitation");
  const [values, setValues] = createStore({ password: "", confirmation: "" });
  const bind = bindFields(form, values, setValues);
  const [done, setDone] = createSignal(false);

  // Another link pasted into the same tab only changes the fragment: no page load happens.
  const onHashChange = () => {
    setDone(false);
    form.reset();
    setValues({ password: "", confirmation: "" });
    // The same link again (already used in this tab) must be checked again, not read from memory.
    if (readToken() === token()) void refetch();
    else setToken(readToken());
  };
  window.addEventListener("hashchange", onHashChange);
  onCleanup(() => window.removeEventListener("hashchange", onHashChange));

  // A malformed token fails input validation: its field message says more than the form one.
  const linkError = () => {
    const failure = apiFailure(link.error);
    return failure.fieldErrors.token ? "Ce lien n'est pas valide : vérifiez qu'il a été copié en entier." : failure.message;
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void form.submit(
      async () => {
        await api.equipe.usePasswordLink.mutate({ token: token(), password: values.password });
        // The link is spent: drop it from the address bar and the history entry.
        history.replaceState(history.state, "", window.location.pathname);
        setDone(true);
      },
      passwordMismatch(values.password, values.confirmation, "confirmation"),
    );
  };

  return (
    <PublicLayout>
      <div class="card card--narrow">
        <Switch>
          <Match when={done()}>
            <h1>Mot de passe enregistré</h1>
            <div class="alert alert--success" role="status">
              <p class="alert__title">Votre mot de passe est enregistré : vous pouvez maintenant vous connecter.</p>
            </div>
            <p>
              <A href="/connexion" class="button button--primary">
                Se connecter
              </A>
            </p>
          </Match>
          <Match when={token() === ""}>
            <h1>Lien non valide</h1>
            <ErrorMessage message="Ce lien est incomplet : ouvrez-le en entier, tel que votre administrateur vous l'a transmis." />
            <p>
              <A href="/connexion">Aller à la page de connexion</A>
            </p>
          </Match>
          <Match when={link.error}>
            <h1>Lien non valide</h1>
            <ErrorMessage message={linkError()} />
            <p>
              <A href="/connexion">Aller à la page de connexion</A>
            </p>
          </Match>
          <Match when={link.loading}>
            <h1>Choisissez votre mot de passe</h1>
            <Loading label="Vérification du lien…" />
          </Match>
          <Match when={link()}>
            {(info) => (
              <>
                <p class="lead">
                  <Show
                    when={info().purpose === "invitation"}
                    fallback={`Bonjour ${info().prenom}, vous pouvez choisir un nouveau mot de passe pour votre compte de la structure ${info().structureNom}.`}
                  >
                    {`Bonjour ${info().prenom}, vous êtes invité(e) à rejoindre l'équipe de la structure ${info().structureNom} sur Ancrage.`}
                  </Show>
                </p>
                <h1>Choisissez votre mot de passe</h1>
                <p>
                  Votre identifiant de connexion : <strong>{info().email}</strong>
                </p>
                <FormError form={form} />
                <form class="form" novalidate onSubmit={submit}>
                  {/* Lets password managers store the new password under the right account. */}
                  {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: out of the tab order too; only password managers read it. */}
                  <input
                    type="email"
                    class="visually-hidden"
                    autocomplete="username"
                    value={info().email}
                    readOnly
                    tabindex="-1"
                    aria-hidden="true"
                  />
                  <TextField
                    {...bind.value("password")}
                    label="Mot de passe"
                    hint={PASSWORD_HINT}
                    required
                    requiredMark={false}
                    type="password"
                    autocomplete="new-password"
                  />
                  <TextField
                    {...bind.value("confirmation")}
                    label="Confirmation du mot de passe"
                    required
                    requiredMark={false}
                    type="password"
                    autocomplete="new-password"
                  />
                  <div class="form__actions">
                    <Button type="submit" busy={form.busy()}>
                      Enregistrer mon mot de passe
                    </Button>
                  </div>
                </form>
              </>
            )}
          </Match>
        </Switch>
      </div>
    </PublicLayout>
  );
}
