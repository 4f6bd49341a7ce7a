import { createEffect, createSignal, For, on, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { PROCURATIONS_MAX } from "../../../../worker/rules/courrier";
import { formatDateFr } from "../../../../worker/rules/dates";
import { FIELD_MAX } from "../../../../worker/rules/fields";
import { api, apiFailure, isStaleWrite, type Outputs } from "../../api";
import { ErrorMessage, Loading, StatusMessage } from "../Alerts";
import { Button } from "../Button";
import { ConfirmDialog } from "../ConfirmDialog";
import { DateField, TextField } from "../Field";
import { bindFields, createFormState } from "../form";
import { PeriodFields, periodErrors } from "../PeriodFields";
import { useFiche } from "../usager/fiche";
import { toIsoDate, toTypedDate } from "../usager/format";
import { mandataireName, PROCURATION_STATE_LABELS, periodText, withBareFieldPaths } from "./labels";

export type Procuration = Outputs["courrier"]["procurations"][number];

const RESULT_ID = "procurations-resultat";

interface Values {
  nom: string;
  prenom: string;
  dateNaissance: string;
  dateDebut: string;
  dateFin: string;
}

const empty = (): Values => ({ nom: "", prenom: "", dateNaissance: "", dateDebut: "", dateFin: "" });

/**
 * "Procurations (5 maximum)", as in the reference: who may take the mail, valid from the first day
 * through the last. Every change carries the file's version and lands in its history.
 */
export function ProcurationsSection(props: {
  procurations: Procuration[] | undefined;
  loadError: string | null;
  onChanged: () => Promise<void>;
}) {
  const ctx = useFiche();
  const [editing, setEditing] = createSignal<Procuration | "new" | null>(null);
  const [toDelete, setToDelete] = createSignal<Procuration | null>(null);
  const [deleting, setDeleting] = createSignal(false);
  const [deleteError, setDeleteError] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const list = () => props.procurations ?? [];
  const full = () => list().length >= PROCURATIONS_MAX;

  const done = async (message: string) => {
    setNotice(message);
    await props.onChanged();
  };
  /** A colleague changed the file meanwhile: the fiche is reloaded by `run`, the list here too. */
  const refreshIfStale = (error: unknown): never => {
    if (isStaleWrite(error)) void props.onChanged();
    throw error;
  };

  const remove = async () => {
    const p = toDelete();
    if (!p) return;
    setDeleting(true);
    setDeleteError(null);
    try {
      await ctx
        .run((version) => api.courrier.saveProcuration.mutate({ action: "delete", usagerId: ctx.fiche().usager.id, version, id: p.id }))
        .catch(refreshIfStale);
      setToDelete(null);
      await done(`Procuration de ${mandataireName(p)} supprimée.`);
    } catch (caught) {
      setDeleteError(apiFailure(caught).message);
    } finally {
      setDeleting(false);
    }
  };

  return (
    <section class="section section--compact" aria-labelledby="titre-procurations">
      <h2 id="titre-procurations">Procurations ({PROCURATIONS_MAX} maximum)</h2>
      <StatusMessage message={notice()} id={RESULT_ID} />
      <Show when={props.procurations} fallback={props.loadError ? <ErrorMessage message={props.loadError} /> : <Loading />}>
        <Show when={list().length > 0} fallback={<p class="muted">Aucune procuration.</p>}>
          <ul class="procurations">
            <For each={list()}>
              {(p) => (
                <li class="procuration">
                  <div class="procuration__head">
                    <span class="procuration__name">{mandataireName(p)}</span>
                    <span class={PROCURATION_STATE_LABELS[p.state].badge}>{PROCURATION_STATE_LABELS[p.state].label}</span>
                  </div>
                  <p class="procuration__meta">
                    Né(e) le {formatDateFr(p.dateNaissance)} — procuration {periodText(p)}
                  </p>
                  <div class="row-actions">
                    <Button
                      variant="secondary"
                      class="button--small"
                      onClick={() => {
                        setNotice(null);
                        setEditing(p);
                      }}
                    >
                      Modifier<span class="visually-hidden"> la procuration de {mandataireName(p)}</span>
                    </Button>
                    <Button
                      variant="danger-outline"
                      class="button--small"
                      onClick={() => {
                        setNotice(null);
                        setDeleteError(null);
                        setToDelete(p);
                      }}
                    >
                      Supprimer<span class="visually-hidden"> la procuration de {mandataireName(p)}</span>
                    </Button>
                  </div>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show
          when={!full()}
          fallback={<p class="field-hint">{PROCURATIONS_MAX} procurations au maximum : supprimez-en une pour en ajouter une autre.</p>}
        >
          <Button
            variant="secondary"
            class="button--small"
            onClick={() => {
              setNotice(null);
              setEditing("new");
            }}
          >
            Ajouter une procuration
          </Button>
        </Show>
      </Show>

      <ProcurationDialog editing={editing()} onClose={() => setEditing(null)} onDone={done} onError={refreshIfStale} />
      <ConfirmDialog
        open={toDelete() !== null}
        title="Supprimer la procuration ?"
        confirmLabel="Supprimer la procuration"
        cancelLabel="Conserver"
        busyLabel="Suppression…"
        danger
        busy={deleting()}
        error={deleteError()}
        onConfirm={remove}
        onCancel={() => setToDelete(null)}
        focusAfterClose={() => document.getElementById(RESULT_ID)}
      >
        <Show when={toDelete()}>
          {(p) => (
            <p>
              {mandataireName(p())} ne pourra plus retirer le courrier de ce domicilié. La suppression est gardée dans l'historique du
              dossier.
            </p>
          )}
        </Show>
      </ConfirmDialog>
    </section>
  );
}

function ProcurationDialog(props: {
  editing: Procuration | "new" | null;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
  onError: (error: unknown) => never;
}) {
  const ctx = useFiche();
  const form = createFormState("procuration");
  const [values, setValues] = createStore<Values>(empty());
  const bind = bindFields(form, values, setValues);
  const isNew = () => props.editing === "new";

  createEffect(
    on(
      () => props.editing,
      (editing) => {
        if (!editing) return;
        form.reset();
        if (editing === "new") setValues({ ...empty(), dateDebut: toTypedDate(ctx.fiche().today) });
        else
          setValues({
            nom: editing.nom,
            prenom: editing.prenom,
            dateNaissance: toTypedDate(editing.dateNaissance),
            dateDebut: toTypedDate(editing.dateDebut),
            dateFin: toTypedDate(editing.dateFin),
          });
        // After the dialog's own focus (its confirm button): the first field, to type at once.
        queueMicrotask(() => document.getElementById(form.id("nom"))?.focus());
      },
    ),
  );

  const confirm = () => {
    const editing = props.editing;
    if (!editing) return;
    void form.submit(
      async () => {
        const procuration = {
          nom: values.nom,
          prenom: values.prenom,
          dateNaissance: toIsoDate(values.dateNaissance),
          dateDebut: toIsoDate(values.dateDebut),
          dateFin: toIsoDate(values.dateFin),
        };
        const usagerId = ctx.fiche().usager.id;
        await ctx
          .run((version) =>
            withBareFieldPaths(
              "procuration.",
              editing === "new"
                ? api.courrier.saveProcuration.mutate({ action: "create", usagerId, version, procuration })
                : api.courrier.saveProcuration.mutate({ action: "update", usagerId, version, id: editing.id, procuration }),
            ),
          )
          .catch(props.onError);
        props.onClose();
        await props.onDone(
          `Procuration ${editing === "new" ? "ajoutée" : "modifiée"} : ${mandataireName(procuration)}, ${periodText(procuration)}.`,
        );
      },
      periodErrors(values.dateDebut, values.dateFin),
    );
  };

  return (
    <ConfirmDialog
      open={props.editing !== null}
      title={isNew() ? "Ajouter une procuration" : "Modifier la procuration"}
      confirmLabel={isNew() ? "Ajouter la procuration" : "Enregistrer"}
      busy={form.busy()}
      error={form.error()}
      onConfirm={confirm}
      onCancel={props.onClose}
      focusAfterClose={() => document.getElementById(RESULT_ID)}
    >
      <p>Le mandataire peut retirer le courrier du domicilié du premier au dernier jour inclus.</p>
      <div class="field-row">
        <TextField {...bind.value("nom")} label="Nom du mandataire" required maxLength={FIELD_MAX.nom} autocomplete="off" />
        <TextField {...bind.value("prenom")} label="Prénom du mandataire" required maxLength={FIELD_MAX.prenom} autocomplete="off" />
      </div>
      <DateField {...bind.value("dateNaissance")} label="Date de naissance" required />
      <PeriodFields start={bind.value("dateDebut")} end={bind.value("dateFin")} />
    </ConfirmDialog>
  );
}
