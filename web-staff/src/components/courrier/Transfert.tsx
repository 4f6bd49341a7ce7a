import { createEffect, createSignal, on, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { formatDateFr } from "../../../../worker/rules/dates";
import { FIELD_MAX } from "../../../../worker/rules/fields";
import { api, apiFailure } from "../../api";
import { StatusMessage } from "../Alerts";
import { Button } from "../Button";
import { ConfirmDialog } from "../ConfirmDialog";
import { TextAreaField, TextField } from "../Field";
import { bindFields, createFormState } from "../form";
import { PeriodFields, periodErrors } from "../PeriodFields";
import { useFiche } from "../usager/fiche";
import { toIsoDate, toTypedDate } from "../usager/format";
import { withBareFieldPaths } from "./labels";

const RESULT_ID = "transfert-resultat";

/** "Transfert du courrier", as in the reference: one address the mail is forwarded to between two dates. */
export function TransfertSection() {
  const ctx = useFiche();
  const u = () => ctx.fiche().usager;
  const [editing, setEditing] = createSignal(false);
  const [deleting, setDeleting] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [deleteError, setDeleteError] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);

  const state = () => {
    const { transfertDebut: debut, transfertFin: fin } = u();
    const today = ctx.fiche().today;
    if (!debut || !fin) return null;
    if (today < debut) return { label: "À venir", badge: "badge badge--pending" };
    if (today > fin) return { label: "Terminé", badge: "badge badge--radie" };
    return { label: "Actif", badge: "badge badge--active" };
  };

  const remove = async () => {
    setBusy(true);
    setDeleteError(null);
    try {
      await ctx.run((version) => api.courrier.saveTransfert.mutate({ usagerId: u().id, version, transfert: null }));
      setDeleting(false);
      setNotice("Transfert du courrier supprimé.");
    } catch (caught) {
      setDeleteError(apiFailure(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="section section--compact" aria-labelledby="titre-transfert">
      <h2 id="titre-transfert">Transfert du courrier</h2>
      <StatusMessage message={notice()} id={RESULT_ID} />
      <Show
        when={u().transfertNom}
        fallback={
          <>
            <p class="muted">Aucun transfert du courrier.</p>
            <Button
              variant="secondary"
              class="button--small"
              onClick={() => {
                setNotice(null);
                setEditing(true);
              }}
            >
              Ajouter un transfert
            </Button>
          </>
        }
      >
        <dl class="details details--compact">
          <div class="details__row">
            <dt>Transféré à</dt>
            <dd>
              {u().transfertNom} <Show when={state()}>{(s) => <span class={s().badge}>{s().label}</span>}</Show>
            </dd>
          </div>
          <div class="details__row">
            <dt>Adresse</dt>
            <dd class="preserve-lines">{u().transfertAdresse}</dd>
          </div>
          <div class="details__row">
            <dt>Période</dt>
            <dd>
              du {formatDateFr(u().transfertDebut!)} au {formatDateFr(u().transfertFin!)}
            </dd>
          </div>
        </dl>
        <div class="row-actions">
          <Button
            variant="secondary"
            class="button--small"
            onClick={() => {
              setNotice(null);
              setEditing(true);
            }}
          >
            Modifier le transfert
          </Button>
          <Button
            variant="danger-outline"
            class="button--small"
            onClick={() => {
              setNotice(null);
              setDeleteError(null);
              setDeleting(true);
            }}
          >
            Supprimer le transfert
          </Button>
        </div>
      </Show>

      <TransfertDialog open={editing()} onClose={() => setEditing(false)} onDone={setNotice} />
      <ConfirmDialog
        open={deleting()}
        title="Supprimer le transfert du courrier ?"
        confirmLabel="Supprimer le transfert"
        cancelLabel="Conserver"
        busyLabel="Suppression…"
        danger
        busy={busy()}
        error={deleteError()}
        onConfirm={remove}
        onCancel={() => setDeleting(false)}
        focusAfterClose={() => document.getElementById(RESULT_ID)}
      >
        <p>Le courrier ne sera plus noté comme transféré à {u().transfertNom}. La suppression est gardée dans l'historique du dossier.</p>
      </ConfirmDialog>
    </section>
  );
}

function TransfertDialog(props: { open: boolean; onClose: () => void; onDone: (message: string) => void }) {
  const ctx = useFiche();
  const form = createFormState("transfert");
  const [values, setValues] = createStore({ nom: "", adresse: "", dateDebut: "", dateFin: "" });
  const bind = bindFields(form, values, setValues);
  const u = () => ctx.fiche().usager;

  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        form.reset();
        setValues({
          nom: u().transfertNom ?? "",
          adresse: u().transfertAdresse ?? "",
          dateDebut: toTypedDate(u().transfertDebut ?? ctx.fiche().today),
          dateFin: toTypedDate(u().transfertFin),
        });
        queueMicrotask(() => document.getElementById(form.id("nom"))?.focus());
      },
    ),
  );

  const confirm = () => {
    const local = periodErrors(values.dateDebut, values.dateFin);
    if (values.adresse.trim().length > 0 && values.adresse.trim().length < 10) local.adresse = "Adresse : 10 caractères au minimum.";
    const isNew = !u().transfertNom;
    void form.submit(async () => {
      await ctx.run((version) =>
        withBareFieldPaths(
          "transfert.",
          api.courrier.saveTransfert.mutate({
            usagerId: u().id,
            version,
            transfert: {
              nom: values.nom,
              adresse: values.adresse,
              dateDebut: toIsoDate(values.dateDebut),
              dateFin: toIsoDate(values.dateFin),
            },
          }),
        ),
      );
      props.onClose();
      props.onDone(
        `Transfert du courrier ${isNew ? "enregistré" : "modifié"} : ${values.nom}, du ${values.dateDebut} au ${values.dateFin}.`,
      );
    }, local);
  };

  return (
    <ConfirmDialog
      open={props.open}
      title={u().transfertNom ? "Modifier le transfert du courrier" : "Transfert du courrier"}
      confirmLabel="Enregistrer le transfert"
      busy={form.busy()}
      error={form.error()}
      onConfirm={confirm}
      onCancel={props.onClose}
      focusAfterClose={() => document.getElementById(RESULT_ID)}
    >
      <p>Pendant cette période, le courrier remis est noté comme transféré à cette adresse.</p>
      <TextField
        {...bind.value("nom")}
        label="Nom de l'établissement ou de la personne"
        required
        maxLength={FIELD_MAX.transfertNom}
        autocomplete="off"
      />
      <TextAreaField
        {...bind.value("adresse")}
        label="Adresse"
        hint="De 10 à 400 caractères."
        required
        maxLength={FIELD_MAX.transfertAdresse}
        rows={3}
      />
      <PeriodFields start={bind.value("dateDebut")} end={bind.value("dateFin")} />
    </ConfirmDialog>
  );
}
