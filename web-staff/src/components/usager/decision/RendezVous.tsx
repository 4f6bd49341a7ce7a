import { Show } from "solid-js";
import { createStore } from "solid-js/store";
import { api } from "../../../api";
import { useStaff } from "../../../session";
import { ErrorMessage } from "../../Alerts";
import { Button } from "../../Button";
import { RadioGroupField, SelectField, TextField } from "../../Field";
import { createFormState } from "../../form";
import { colleagueName } from "../colleagues";
import { useFiche } from "../fiche";

/** "Maintenant" goes straight to the entretien step; a later date is set with a colleague. */
export function RendezVous(props: { onDone: (message: string) => void }) {
  const staff = useStaff();
  const ctx = useFiche();
  const colleagues = useFiche().colleagues;
  const form = createFormState("rdv");
  const [values, setValues] = createStore({ mode: "maintenant" as "maintenant" | "date", at: "", userId: String(staff.me().id) });
  const u = () => ctx.fiche().usager;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      await ctx.run((version) =>
        api.usagers.setRendezVous.mutate({
          usagerId: u().id,
          version,
          rdv:
            values.mode === "maintenant"
              ? { maintenant: true }
              : {
                  maintenant: false,
                  // datetime-local is the browser's local time; the server receives the instant.
                  at: (values.at ? new Date(values.at).toISOString() : undefined) as unknown as Date,
                  userId: Number(values.userId),
                },
        }),
      );
      props.onDone(values.mode === "maintenant" ? "Rendez-vous enregistré : l'entretien peut commencer." : "Rendez-vous fixé.");
    });
  };

  const body = () => (
    <form class="form form--compact" novalidate onSubmit={submit}>
      <ErrorMessage message={form.error()} />
      <RadioGroupField
        form={form}
        path="rdv.maintenant"
        label="Quand a lieu le rendez-vous ?"
        inline
        options={[
          { value: "maintenant", label: "Maintenant" },
          { value: "date", label: "À une date" },
        ]}
        value={values.mode}
        onValue={(v) => setValues("mode", v as "maintenant" | "date")}
      />
      <Show when={values.mode === "date"}>
        <div class="field-row">
          <TextField
            form={form}
            path="rdv.at"
            label="Date et heure"
            type="datetime-local"
            required
            value={values.at}
            onValue={(v) => setValues("at", v)}
          />
          <SelectField
            form={form}
            path="rdv.userId"
            label="Avec"
            required
            options={colleagues().map((c) => ({ value: String(c.id), label: colleagueName(c) }))}
            value={values.userId}
            onValue={(v) => setValues("userId", v)}
          />
        </div>
      </Show>
      <div class="form__actions">
        <Button type="submit" variant="secondary" busy={form.busy()}>
          Enregistrer le rendez-vous
        </Button>
      </div>
    </form>
  );

  return (
    <div class="subsection">
      <h3>Rendez-vous</h3>
      <Show when={u().etape >= 2 && u().rdvAt} fallback={body()}>
        <details class="disclosure">
          <summary>Modifier le rendez-vous</summary>
          {body()}
        </details>
      </Show>
    </div>
  );
}
