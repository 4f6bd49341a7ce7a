import { createEffect, on } from "solid-js";
import { createStore } from "solid-js/store";
import { api } from "../../../api";
import { ConfirmDialog } from "../../ConfirmDialog";
import { createFormState } from "../../form";
import { emptyRefus, RefusFields, type RefusValues } from "../DecisionFields";
import { useFiche } from "../fiche";
import { toIsoDate } from "../format";
import { type DecisionDialogProps, focusResult } from "./dialog";

/** « Refuser » : the date, the motif and where the person is sent. */
export function RefusalDialog(props: DecisionDialogProps) {
  const ctx = useFiche();
  const form = createFormState("refus");
  const [values, setValues] = createStore<RefusValues>(emptyRefus(ctx.fiche().today));
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        form.reset();
        setValues(emptyRefus(ctx.fiche().today));
      },
    ),
  );

  const confirm = () =>
    void form.submit(async () => {
      await ctx.run((version) =>
        api.usagers.refuse.mutate({
          usagerId: ctx.fiche().usager.id,
          version,
          date: toIsoDate(values.date),
          motif: (values.motif || undefined) as never,
          motifDetails: values.motifDetails,
          orientation: values.orientation || null,
          orientationDetails: values.orientationDetails,
        }),
      );
      props.onDone("Demande refusée. Notifiez le refus par écrit, avec ses motifs et les voies de recours.");
      props.onClose();
    });

  return (
    <ConfirmDialog
      open={props.open}
      title="Refuser la demande"
      confirmLabel="Refuser la demande"
      busyLabel="Enregistrement…"
      danger
      busy={form.busy()}
      error={form.error()}
      onConfirm={confirm}
      onCancel={props.onClose}
      focusAfterClose={focusResult}
    >
      <RefusFields form={form} values={values} setValues={setValues} />
    </ConfirmDialog>
  );
}
