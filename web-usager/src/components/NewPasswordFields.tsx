import { PORTAIL_PASSWORD_RULES } from "../../../worker/rules/portail-password";
import { t } from "../i18n";
import { Checklist } from "./Checklist";
import { PasswordField } from "./Field";

interface Input {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  ref: (el: HTMLInputElement) => void;
}

/**
 * A new password, the seed's live checklist, and its confirmation: the first login and the
 * password change share them. `previous` is the password the new one must differ from, and
 * `differentLabel` names it (temporary or current).
 */
export function NewPasswordFields(props: { password: Input; confirmation: Input; previous: string; differentLabel: string }) {
  const checklist = () =>
    PORTAIL_PASSWORD_RULES.map((r) => ({
      key: r.key,
      label: r.key === "different" ? props.differentLabel : t().rules[r.key],
      ok: r.test(props.password.value, props.previous),
    }));
  return (
    <>
      <PasswordField
        id={props.password.id}
        ref={props.password.ref}
        label={props.password.label}
        value={props.password.value}
        onInput={props.password.onInput}
        autocomplete="new-password"
        required
        describedBy="regles"
        error={props.password.error}
      />
      <Checklist id="regles" items={checklist()} touched={props.password.value.length > 0} />
      <PasswordField
        id={props.confirmation.id}
        ref={props.confirmation.ref}
        label={props.confirmation.label}
        value={props.confirmation.value}
        onInput={props.confirmation.onInput}
        autocomplete="new-password"
        required
        error={props.confirmation.error}
      />
    </>
  );
}
