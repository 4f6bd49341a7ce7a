import { createSignal } from "solid-js";
import { formatDateFr } from "../../../../../worker/rules/dates";
import { USAGER_STATUT_LABELS } from "../../../../../worker/rules/echeance";
import { api, apiFailure } from "../../../api";
import { ConfirmDialog } from "../../ConfirmDialog";
import { useFiche } from "../fiche";
import { type DecisionDialogProps, focusResult } from "./dialog";

/** « Annuler la dernière décision » : says which decision goes and which one comes back. */
export function UndoDialog(props: DecisionDialogProps) {
  const ctx = useFiche();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const last = () => ctx.fiche().decisions[0];
  const previous = () => ctx.fiche().decisions[1];
  const describe = (d: { statut: keyof typeof USAGER_STATUT_LABELS; dateDebut: string | null; dateFin: string | null } | undefined) =>
    d
      ? `« ${USAGER_STATUT_LABELS[d.statut]} »${d.dateDebut && d.dateFin && d.statut === "VALIDE" ? ` du ${formatDateFr(d.dateDebut)} au ${formatDateFr(d.dateFin)}` : ""}`
      : "";

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await ctx.run((version) => api.usagers.undoDecision.mutate({ usagerId: ctx.fiche().usager.id, version }));
      props.onDone("La dernière décision est annulée ; une note en garde la trace.");
      props.onClose();
    } catch (caught) {
      setError(apiFailure(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      open={props.open}
      title="Annuler la dernière décision ?"
      confirmLabel="Annuler la décision"
      cancelLabel="Conserver"
      busyLabel="Annulation…"
      danger
      busy={busy()}
      error={error()}
      onConfirm={confirm}
      onCancel={() => {
        setError(null);
        props.onClose();
      }}
      focusAfterClose={focusResult}
    >
      <p>
        La décision {describe(last())} est supprimée et la précédente, {describe(previous())}, est rétablie. Une note garde la trace de
        cette annulation.
      </p>
    </ConfirmDialog>
  );
}
