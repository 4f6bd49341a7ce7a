import { createEffect, createSignal, Match, onCleanup, Show, Switch } from "solid-js";
import { normalizeLogin } from "../../../worker/rules/portail-password";
import { api, type Failure, failureMessage, failureOf, fieldMessage } from "../api";
import { LiveMessage } from "../components/Alert";
import { Field, PasswordField } from "../components/Field";
import { NewPasswordFields } from "../components/NewPasswordFields";
import { flash, setFlash } from "../flash";
import { t } from "../i18n";
import { navigate, ROUTES } from "../router";
import { markSignedIn } from "../session";

const LOGIN_FORMAT = /^[A-Z]{8}$/;

/** "?login=ABCDEFGH", the QR code of the access letter: letters only, upper case. */
function loginFromUrl(): string {
  const raw = new URLSearchParams(location.search).get("login") ?? "";
  return normalizeLogin(raw)
    .replace(/[^A-Z]/g, "")
    .slice(0, 8);
}

/**
 * "Connexion", then — with a temporary password — "C'est votre première connexion…": the seed's
 * two screens. The temporary password stays in memory only, for the first-login call.
 */
export function Connexion() {
  const d = t;
  const [step, setStep] = createSignal<"signin" | "first">("signin");
  const [login, setLogin] = createSignal(loginFromUrl());
  const [password, setPassword] = createSignal("");
  const [shared, setShared] = createSignal(false);
  const [nouveau, setNouveau] = createSignal("");
  const [confirmation, setConfirmation] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<Failure>();
  const [errors, setErrors] = createSignal<Record<string, (() => string) | undefined>>({});
  let loginInput: HTMLInputElement | undefined;
  let passwordInput: HTMLInputElement | undefined;
  let nouveauInput: HTMLInputElement | undefined;
  let confirmationInput: HTMLInputElement | undefined;
  let firstHeading: HTMLHeadingElement | undefined;

  createEffect(() => {
    document.title = d().common.pageTitle(d().signIn.title);
  });
  // The "signed out" note is for this visit of the page only.
  onCleanup(() => setFlash(undefined));

  const message = () => {
    const f = failure();
    return f ? failureMessage(f, d()) : undefined;
  };
  const messageLang = () => {
    const f = failure();
    return f?.kind === "server" && d().code !== "fr" && message() === f.message ? "fr" : undefined;
  };
  const fieldError = (field: string, pw?: { value: string; previous: string }) => {
    const own = errors()[field];
    if (own) return own();
    const f = failure();
    return f ? fieldMessage(f, field, d(), pw) : undefined;
  };

  /** Editing a field answers the previous error: it is cleared (the checklist stays live). */
  const edit = (set: (v: string) => void) => (value: string) => {
    set(value);
    setFailure(undefined);
    setErrors({});
  };

  function backToSignIn() {
    setStep("signin");
    setPassword("");
    setNouveau("");
    setConfirmation("");
    setFailure(undefined);
    setErrors({});
    requestAnimationFrame(() => passwordInput?.focus());
  }

  async function submitSignIn(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const id = normalizeLogin(login());
    const errs: Record<string, () => string> = {};
    if (!id) errs.login = () => d().signIn.loginRequired;
    else if (!LOGIN_FORMAT.test(id)) errs.login = () => d().signIn.loginFormat;
    if (!password()) errs.password = () => d().signIn.passwordRequired;
    setErrors(errs);
    setFailure(undefined);
    if (errs.login) return loginInput?.focus();
    if (errs.password) return passwordInput?.focus();
    setBusy(true);
    try {
      const result = await api.monEspace.signIn.mutate({ login: id, password: password(), appareilPartage: shared() });
      setLogin(id);
      if (result.status === "premiereConnexion") {
        setStep("first");
        requestAnimationFrame(() => firstHeading?.focus());
      } else {
        await markSignedIn(id, shared());
        navigate(ROUTES.dashboard, { replace: true });
      }
    } catch (error) {
      setFailure(failureOf(error));
      setPassword("");
      passwordInput?.focus();
    } finally {
      setBusy(false);
    }
  }

  async function submitFirstLogin(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const errs: Record<string, () => string> = {};
    if (!confirmation()) errs.confirmation = () => d().firstLogin.confirmationRequired;
    else if (confirmation() !== nouveau()) errs.confirmation = () => d().firstLogin.mismatch;
    setErrors(errs);
    setFailure(undefined);
    if (errs.confirmation) return confirmationInput?.focus();
    // The checklist guides; the server decides (every rule, plus the common-password list).
    setBusy(true);
    try {
      await api.monEspace.firstLogin.mutate({
        login: login(),
        password: password(),
        nouveau: nouveau(),
        confirmation: confirmation(),
        appareilPartage: shared(),
      });
      await markSignedIn(login(), shared());
      navigate(ROUTES.dashboard, { replace: true });
    } catch (error) {
      const f = failureOf(error);
      if (f.kind === "server" && f.appCode === "PORTAIL_LOGIN_INVALID") {
        // The temporary password no longer works (reset by the structure, or locked): start again.
        backToSignIn();
        setFailure(f);
        return;
      }
      setFailure(f);
      if (f.kind === "server" && f.fieldErrors.nouveau) nouveauInput?.focus();
      else if (f.kind === "server" && f.fieldErrors.confirmation) confirmationInput?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="page page--narrow">
      <h1>{d().signIn.title}</h1>
      <p class="lead">{d().signIn.intro}</p>
      <LiveMessage kind="status" message={flash()?.(d())} />

      <Switch>
        <Match when={step() === "signin"}>
          <form class="card form" novalidate onSubmit={submitSignIn} aria-busy={busy()}>
            <p class="hint">{d().common.requiredNote}</p>
            <LiveMessage kind="error" message={message()} lang={messageLang()} />
            <Field
              id="login"
              ref={(el) => (loginInput = el)}
              label={d().signIn.login}
              hint={d().signIn.loginHint}
              value={login()}
              onInput={edit(setLogin)}
              dir="ltr"
              autocomplete="username"
              autocapitalize="characters"
              maxLength={16}
              required
              error={fieldError("login")}
            />
            <PasswordField
              id="password"
              ref={(el) => (passwordInput = el)}
              label={d().signIn.password}
              value={password()}
              onInput={edit(setPassword)}
              autocomplete="current-password"
              required
              error={fieldError("password")}
            />
            <div class="check">
              <input
                id="shared"
                type="checkbox"
                checked={shared()}
                onChange={(e) => setShared(e.currentTarget.checked)}
                aria-describedby="shared-aide"
              />
              <label for="shared">{d().signIn.shared}</label>
              <p class="hint" id="shared-aide">
                {d().signIn.sharedHint}
              </p>
            </div>
            <div class="actions">
              <button type="submit" class="btn btn--primary" aria-disabled={busy()}>
                <Show when={busy()} fallback={d().signIn.submit}>
                  <span class="spinner" aria-hidden="true" />
                  {d().signIn.busy}
                </Show>
              </button>
            </div>
          </form>
          <section class="card forgot" aria-labelledby="oubli">
            <h2 id="oubli">{d().signIn.forgotTitle}</h2>
            <p>{d().signIn.forgotText}</p>
          </section>
        </Match>

        <Match when={step() === "first"}>
          <form class="card form" novalidate onSubmit={submitFirstLogin} aria-busy={busy()}>
            <h2 id="premiere" tabindex="-1" ref={firstHeading}>
              {d().firstLogin.intro}
            </h2>
            <p class="hint">{d().common.requiredNote}</p>
            <LiveMessage kind="error" message={message()} lang={messageLang()} />
            <Field
              id="login"
              label={d().signIn.login}
              value={login()}
              onInput={() => {}}
              readOnly
              autocomplete="username"
              required
              dir="ltr"
            />
            <NewPasswordFields
              password={{
                id: "nouveau",
                ref: (el) => (nouveauInput = el),
                label: d().firstLogin.nouveau,
                value: nouveau(),
                onInput: edit(setNouveau),
                error: fieldError("nouveau", { value: nouveau(), previous: password() }),
              }}
              confirmation={{
                id: "confirmation",
                ref: (el) => (confirmationInput = el),
                label: d().firstLogin.confirmation,
                value: confirmation(),
                onInput: edit(setConfirmation),
                error: fieldError("confirmation"),
              }}
              previous={password()}
              differentLabel={d().rules.different}
            />
            <div class="actions">
              <button type="button" class="btn btn--secondary" onClick={backToSignIn}>
                {d().firstLogin.cancel}
              </button>
              <button type="submit" class="btn btn--primary" aria-disabled={busy()}>
                <Show when={busy()} fallback={d().firstLogin.submit}>
                  <span class="spinner" aria-hidden="true" />
                  {d().firstLogin.busy}
                </Show>
              </button>
            </div>
          </form>
        </Match>
      </Switch>
    </div>
  );
}
