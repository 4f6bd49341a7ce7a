import { createStore } from "solid-js/store";
import { FormError } from "./Alerts";
import { Button } from "./Button";
import { TextField } from "./Field";
import { createFormState } from "./form";

/** The sign-in form, shared by the staff and the platform operators' pages. */
export function SignInForm(props: { idPrefix: string; onSignIn: (credentials: { email: string; password: string }) => Promise<void> }) {
  const form = createFormState(props.idPrefix);
  const [values, setValues] = createStore({ email: "", password: "" });
  return (
    <>
      <FormError form={form} />
      <form
        class="form"
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit(async () => {
            await props.onSignIn({ ...values });
            return undefined;
          });
        }}
      >
        <TextField
          form={form}
          path="email"
          label="Adresse e-mail"
          type="email"
          required
          requiredMark={false}
          autocomplete="username"
          spellcheck={false}
          value={values.email}
          onValue={(v) => setValues("email", v)}
        />
        <TextField
          form={form}
          path="password"
          label="Mot de passe"
          type="password"
          required
          requiredMark={false}
          autocomplete="current-password"
          value={values.password}
          onValue={(v) => setValues("password", v)}
        />
        <div class="form__actions">
          <Button type="submit" busy={form.busy()} busyLabel="Connexion…">
            Se connecter
          </Button>
        </div>
      </form>
    </>
  );
}
