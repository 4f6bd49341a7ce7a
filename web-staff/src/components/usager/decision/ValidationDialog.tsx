import { createEffect, on, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { defaultDateFin } from "../../../../../worker/rules/echeance";
import { FIELD_MAX } from "../../../../../worker/rules/fields";
import { api } from "../../../api";
import { ConfirmDialog } from "../../ConfirmDialog";
import { DateField, TextField } from "../../Field";
import { createFormState } from "../../form";
import { useFiche } from "../fiche";
import { parseTypedDate, toIsoDate, toTypedDate } from "../format";
import { type DecisionDialogProps, focusResult } from "./dialog";

/** « Valider » : the domiciliation's period, one year by default, and the ID printed on the mail. */
export function ValidationDialog(props: DecisionDialogProps) {
  const ctx = useFiche();
  const form = createFormState("validation");
  const today = () => ctx.fiche().today;
  const initial = () => ({
    dateDebut: toTypedDate(today()),
    dateFin: toTypedDate(defaultDateFin(today())),
    customRef: ctx.fiche().usager.customRef,
  });
  const [values, setValues] = createStore(initial());
  // Fresh values each time the dialog opens (this effect runs before the dialog's own).
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        form.reset();
        setValues(initial());
      },
    ),
  );

  const onStart = (typed: string) => {
    setValues("dateDebut", typed);
    const start = parseTypedDate(typed);
    // Changing the start recomputes the end: one year minus one day.
    if (start) setValues("dateFin", toTypedDate(defaultDateFin(start)));
  };

  const shorterThanAYear = () => {
    const start = parseTypedDate(values.dateDebut);
    const end = parseTypedDate(values.dateFin);
    return Boolean(start && end && end < defaultDateFin(start));
  };

  const confirm = () =>
    void form.submit(async () => {
      await ctx.run((version) =>
        api.usagers.validate.mutate({
          usagerId: ctx.fiche().usager.id,
          version,
          dateDebut: toIsoDate(values.dateDebut),
          dateFin: toIsoDate(values.dateFin),
          customRef: values.customRef,
        }),
      );
      props.onDone(`Domiciliation acceptée du ${values.dateDebut} au ${values.dateFin}.`);
      props.onClose();
    });

  return (
    <ConfirmDialog
      open={props.open}
      title="Valider la domiciliation"
      confirmLabel="Valider la domiciliation"
      busyLabel="Validation…"
      busy={form.busy()}
      error={form.error()}
      onConfirm={confirm}
      onCancel={props.onClose}
      focusAfterClose={focusResult}
    >
      <p>La domiciliation est accordée pour la période suivante. L'attestation postale pourra ensuite être imprimée.</p>
      <div class="field-row">
        <DateField form={form} path="dateDebut" label="Date de début" required value={values.dateDebut} onValue={onStart} />
        <DateField
          form={form}
          path="dateFin"
          label="Date de fin"
          hint="Format : JJ/MM/AAAA. Par défaut un an moins un jour après le début."
          required
          value={values.dateFin}
          onValue={(v) => setValues("dateFin", v)}
        />
      </div>
      <div role="status">
        <Show when={shorterThanAYear()}>
          <p class="alert alert--warning">D'après la réglementation, une attestation de domiciliation doit être valable pendant un an.</p>
        </Show>
      </div>
      <TextField
        form={form}
        path="customRef"
        label="Identifiant personnalisé"
        hint="L'identifiant imprimé sur les courriers du domicilié."
        value={values.customRef}
        onValue={(v) => setValues("customRef", v)}
        maxLength={FIELD_MAX.customRef}
        class="field--medium"
      />
    </ConfirmDialog>
  );
}
