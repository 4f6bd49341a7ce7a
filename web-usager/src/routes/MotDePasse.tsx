import { createEffect, createSignal, Show } from "solid-js";
import { api, type Failure, failureMessage, failureOf, fieldMessage, isUnauthenticated } from "../api";
import { LiveMessage } from "../components/Alert";
import { PasswordField } from "../components/Field";
import { NewPasswordFields } from "../components/NewPasswordFields";
import { t } from "../i18n";
import { linkClick, navigate, ROUTES } from "../router";
import { forgetSession } from "../session";

/**
 * "Changer mon mot de passe" (the reference has none): the seed's checklist, whose first rule
 * becomes "different from the current one" — the same shared test, against the current password.
 */
export function MotDePasse() {
  const d = t;
  const [current, setCurrent] = createSignal("");
  const [next, setNext] = createSignal("");
  const [confirmation, setConfirmation] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<Failure>();
  const [errors, setErrors] = createSignal<Record<string, (() => string) | undefined>>({});
  const [done, setDone] = createSignal(false);
  let currentInput: HTMLInputElement | undefined;
  let nextInput: HTMLInputElement | undefined;
  let confirmationInput: HTMLInputElement | undefined;

  createEffect(() => {
    document.title = d().common.pageTitle(d().password.title);
  });

  /** Editing a field answers the previous error: it is cleared (the checklist stays live). */
  const edit = (set: (v: string) => void) => (value: string) => {
    set(value);
    setFailure(undefined);
    setErrors({});
    setDone(false);
  };

  const fieldError = (field: string, pw?: { value: string; previous: string }) => {
    const own = errors()[field];
    if (own) return own();
    const f = failure();
    return f ? fieldMessage(f, field, d(), pw) : undefined;
  };
  const message = () => {
    const f = failure();
    if (!f) return undefined;
    return f.kind === "network" ? d().password.offline : failureMessage(f, d());
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setDone(false);
    const errs: Record<string, () => string> = {};
    if (!current()) errs.current = () => d().password.currentRequired;
    if (!confirmation()) errs.confirmation = () => d().firstLogin.confirmationRequired;
    else if (confirmation() !== next()) errs.confirmation = () => d().firstLogin.mismatch;
    setErrors(errs);
    setFailure(undefined);
    if (errs.current) return currentInput?.focus();
    if (errs.confirmation) return confirmationInput?.focus();
    setBusy(true);
    try {
      await api.monEspace.changePassword.mutate({ current: current(), next: next(), confirmation: confirmation() });
      setCurrent("");
      setNext("");
      setConfirmation("");
      setDone(true);
    } catch (error) {
      const f = failureOf(error);
      if (isUnauthenticated(f)) {
        await forgetSession();
        navigate(ROUTES.signIn, { replace: true });
        return;
      }
      setFailure(f);
      if (f.kind === "server" && f.fieldErrors.current) currentInput?.focus();
      else if (f.kind === "server" && f.fieldErrors.next) nextInput?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="page page--narrow">
      <p class="back">
        <a href={ROUTES.dashboard} onClick={linkClick}>
          <span aria-hidden="true">{d().dir === "rtl" ? "→ " : "← "}</span>
          {d().password.back}
        </a>
      </p>
      <h1>{d().password.title}</h1>
      <p class="lead">{d().password.intro}</p>
      <LiveMessage kind="success" message={done() ? d().password.done : undefined} />
      <form class="card form" novalidate onSubmit={submit} aria-busy={busy()}>
        <p class="hint">{d().common.requiredNote}</p>
        <LiveMessage kind="error" message={message()} />
        <PasswordField
          id="current"
          ref={(el) => (currentInput = el)}
          label={d().password.current}
          value={current()}
          onInput={edit(setCurrent)}
          autocomplete="current-password"
          required
          error={fieldError("current")}
        />
        <NewPasswordFields
          password={{
            id: "next",
            ref: (el) => (nextInput = el),
            label: d().password.nouveau,
            value: next(),
            onInput: edit(setNext),
            error: fieldError("next", { value: next(), previous: current() }),
          }}
          confirmation={{
            id: "confirmation",
            ref: (el) => (confirmationInput = el),
            label: d().password.confirmation,
            value: confirmation(),
            onInput: edit(setConfirmation),
            error: fieldError("confirmation"),
          }}
          previous={current()}
          differentLabel={d().rules.differentCurrent}
        />
        <div class="actions">
          <button type="submit" class="btn btn--primary" aria-disabled={busy()}>
            <Show when={busy()} fallback={d().password.submit}>
              <span class="spinner" aria-hidden="true" />
              {d().password.busy}
            </Show>
          </button>
        </div>
      </form>
    </div>
  );
}
