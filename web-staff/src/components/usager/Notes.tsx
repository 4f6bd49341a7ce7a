import { createEffect, createSignal, For, Match, on, Show, Switch } from "solid-js";
import { FIELD_MAX } from "../../../../worker/rules/fields";
import { api, apiFailure, type Outputs } from "../../api";
import { useStaff } from "../../session";
import { ErrorMessage, Loading, StatusMessage } from "../Alerts";
import { Button } from "../Button";
import { ConfirmDialog } from "../ConfirmDialog";
import { formatDateTime, isoOf } from "../dates";
import { TextAreaField } from "../Field";
import { createFormState } from "../form";
import { Icon } from "../Icon";
import { useFiche } from "./fiche";

type Note = Outputs["usagers"]["notes"]["notes"][number];
type NoteAction = "pin" | "unpin" | "archive" | "unarchive" | "delete";

const RESULT_ID = "notes-resultat";
const DONE: Record<NoteAction, string> = {
  pin: "Note épinglée : elle s'affiche en haut du dossier.",
  unpin: "La note n'est plus épinglée.",
  archive: "Note archivée.",
  unarchive: "Note désarchivée.",
  delete: "Note supprimée.",
};

/** Internal notes: anyone adds; instructeurs and up pin one, archive, delete. */
export function NotesSection() {
  const staff = useStaff();
  const ctx = useFiche();
  const form = createFormState("note");
  const [message, setMessage] = createSignal("");
  const [archived, setArchived] = createSignal(false);
  const [notes, setNotes] = createSignal<Note[]>([]);
  const [nextBefore, setNextBefore] = createSignal<number | null>(null);
  const [loading, setLoading] = createSignal(true);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [actionError, setActionError] = createSignal<string | null>(null);
  const [busyNote, setBusyNote] = createSignal<number | null>(null);
  const [toDelete, setToDelete] = createSignal<Note | null>(null);
  const [deleting, setDeleting] = createSignal(false);
  const usagerId = () => ctx.fiche().usager.id;

  const load = async (more = false) => {
    setLoading(true);
    setLoadError(null);
    try {
      const page = await api.usagers.notes.query({ usagerId: usagerId(), archived: archived(), before: more ? nextBefore() : null });
      setNotes(more ? [...notes(), ...page.notes] : page.notes);
      setNextBefore(page.nextBefore);
    } catch (caught) {
      setLoadError(apiFailure(caught).message);
    } finally {
      setLoading(false);
    }
  };
  // Reloaded too after any write of the file (an undone decision leaves a note).
  createEffect(on([archived, usagerId, ctx.changes], () => void load()));

  const add = (event: SubmitEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      await api.usagers.addNote.mutate({ usagerId: usagerId(), message: message() });
      setMessage("");
      setNotice(null);
      if (archived()) setArchived(false);
      else await load();
      return "Note ajoutée.";
    });
  };

  const change = async (note: Note, action: NoteAction) => {
    setBusyNote(note.id);
    setActionError(null);
    setNotice(null);
    try {
      await api.usagers.changeNote.mutate({ noteId: note.id, action });
      setNotice(DONE[action]);
      // The note's buttons change or disappear: the focus goes to the result.
      queueMicrotask(() => document.getElementById(RESULT_ID)?.focus());
      await Promise.all([load(), ctx.reload()]);
    } catch (caught) {
      setActionError(apiFailure(caught).message);
    } finally {
      setBusyNote(null);
    }
  };

  const confirmDelete = async () => {
    const note = toDelete();
    if (!note) return;
    setDeleting(true);
    await change(note, "delete");
    setDeleting(false);
    setToDelete(null);
  };

  return (
    <section class="section section--compact" aria-labelledby="titre-notes">
      <h2 id="titre-notes">Notes</h2>
      <Show when={staff.can("note.add")}>
        <form class="form form--compact" novalidate onSubmit={add}>
          <ErrorMessage message={form.error()} />
          <StatusMessage message={form.success()} />
          <TextAreaField
            form={form}
            path="message"
            label="Nouvelle note"
            hint="1 000 caractères au maximum. Visible de l'équipe seulement ; n'y écrivez pas de données sensibles (santé, opinions…)."
            rows={3}
            maxLength={FIELD_MAX.note}
            value={message()}
            onValue={setMessage}
          />
          <div class="form__actions">
            <Button type="submit" variant="secondary" class="button--small" busy={form.busy()}>
              Ajouter la note
            </Button>
          </div>
        </form>
      </Show>

      <div class="notes__toolbar">
        <h3 class="notes__title">{archived() ? "Notes archivées" : "Notes actives"}</h3>
        <Button variant="link" class="button--small" onClick={() => setArchived(!archived())}>
          {archived() ? "Voir les notes actives" : "Voir les notes archivées"}
        </Button>
      </div>
      <StatusMessage message={notice()} id={RESULT_ID} />
      <ErrorMessage message={actionError()} />
      <Switch>
        <Match when={loadError()}>
          <ErrorMessage message={loadError()} />
        </Match>
        <Match when={loading() && notes().length === 0}>
          <Loading />
        </Match>
        <Match when={notes().length === 0}>
          <p class="muted">{archived() ? "Aucune note archivée." : "Aucune note."}</p>
        </Match>
        <Match when={true}>
          <ul class="notes">
            <For each={notes()}>
              {(note) => (
                <li class="note" classList={{ "note--pinned": note.pinned }}>
                  <Show when={note.pinned}>
                    <p class="note__flag">
                      <Icon name="pin" /> Épinglée
                    </p>
                  </Show>
                  <p class="note__message preserve-lines">{note.message}</p>
                  <p class="note__meta">
                    {note.createdByName}, <time datetime={isoOf(note.createdAt)}>{formatDateTime(note.createdAt)}</time>
                    <Show when={note.archived && note.archivedAt}>
                      {" "}
                      — archivée{note.archivedBy ? ` par ${note.archivedBy}` : ""} le {formatDateTime(note.archivedAt!)}
                    </Show>
                  </p>
                  <Show when={staff.can("note.manage")}>
                    <div class="row-actions">
                      <Show when={!note.archived}>
                        <Button
                          variant="secondary"
                          class="button--small"
                          busy={busyNote() === note.id}
                          busyLabel="…"
                          onClick={() => change(note, note.pinned ? "unpin" : "pin")}
                        >
                          {note.pinned ? "Désépingler" : "Épingler"}
                        </Button>
                      </Show>
                      <Button
                        variant="secondary"
                        class="button--small"
                        busy={busyNote() === note.id}
                        busyLabel="…"
                        onClick={() => change(note, note.archived ? "unarchive" : "archive")}
                      >
                        {note.archived ? "Désarchiver" : "Archiver"}
                      </Button>
                      <Button variant="danger-outline" class="button--small" onClick={() => setToDelete(note)}>
                        Supprimer<span class="visually-hidden"> la note</span>
                      </Button>
                    </div>
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <Show when={nextBefore() !== null}>
            <Button variant="secondary" class="button--small" busy={loading()} busyLabel="Chargement…" onClick={() => load(true)}>
              Charger plus
            </Button>
          </Show>
        </Match>
      </Switch>

      <ConfirmDialog
        open={toDelete() !== null}
        title="Supprimer cette note ?"
        confirmLabel="Supprimer la note"
        busyLabel="Suppression…"
        danger
        busy={deleting()}
        onConfirm={confirmDelete}
        onCancel={() => setToDelete(null)}
        focusAfterClose={() => document.getElementById(RESULT_ID)}
      >
        <p>La note est supprimée définitivement (l'historique du dossier garde la trace de la suppression).</p>
        <blockquote class="quote preserve-lines">{toDelete()?.message}</blockquote>
      </ConfirmDialog>
    </section>
  );
}
