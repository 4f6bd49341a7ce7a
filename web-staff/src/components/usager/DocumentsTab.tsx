import { createEffect, createResource, createSignal, For, Match, on, Show, Switch } from "solid-js";
import { DOCUMENT_KINDS, DOCUMENT_MESSAGES, DOCUMENT_TYPES, documentPermission, uploadProblem } from "../../../../worker/rules/documents";
import { FIELD_MAX } from "../../../../worker/rules/fields";
import { api, apiFailure, type Outputs } from "../../api";
import { useStaff } from "../../session";
import { ErrorMessage, FormError, Loading, StatusMessage } from "../Alerts";
import { Button } from "../Button";
import { ConfirmDialog } from "../ConfirmDialog";
import { formatShortDateTime, isoOf } from "../dates";
import { CheckboxField, TextField } from "../Field";
import { createFormState } from "../form";
import { useFiche } from "./fiche";
import { formatSize } from "./format";

type Doc = Outputs["documents"]["list"][number];

const RESULT_ID = "documents-resultat";
const ACCEPT = Object.values(DOCUMENT_TYPES)
  .flatMap((t) => t.extensions.map((e) => `.${e}`))
  .join(",");
const formatLabel = (mime: string) => (mime in DOCUMENT_TYPES ? DOCUMENT_TYPES[mime as keyof typeof DOCUMENT_TYPES].label : "Word (.docx)");

/** What the browser can tell before sending; the server checks the content and decides. */
function fileProblem(file: File | null): string | null {
  return file ? uploadProblem(file) : DOCUMENT_MESSAGES.missing;
}

/** The "Documents" tab: pièces justificatives and generated letters. */
export function DocumentsTab() {
  const staff = useStaff();
  const ctx = useFiche();
  const usagerId = () => ctx.fiche().usager.id;
  const [docs, { refetch }] = createResource(usagerId, (id) => api.documents.list.query({ usagerId: id }));
  createEffect(on(ctx.changes, () => void refetch(), { defer: true }));
  const [notice, setNotice] = createSignal<string | null>(null);
  const [actionError, setActionError] = createSignal<string | null>(null);
  const [pending, setPending] = createSignal<{ kind: "rename" | "delete"; doc: Doc } | null>(null);
  const [newLabel, setNewLabel] = createSignal("");
  const [busyShare, setBusyShare] = createSignal<number | null>(null);
  const renameForm = createFormState("renommer");
  const [deleting, setDeleting] = createSignal(false);
  const [deleteError, setDeleteError] = createSignal<string | null>(null);
  let succeeded = false;

  const canDownload = (doc: Doc) => staff.can(documentPermission(doc.kind));

  const done = (message: string) => {
    setActionError(null);
    setNotice(message);
    void refetch();
  };

  const toggleShare = async (doc: Doc) => {
    setBusyShare(doc.id);
    setNotice(null);
    setActionError(null);
    try {
      await api.documents.setShared.mutate({ id: doc.id, shared: !doc.shared });
      done(doc.shared ? `« ${doc.label} » n'est plus partagé avec le domicilié.` : `« ${doc.label} » est partagé avec le domicilié.`);
    } catch (caught) {
      setActionError(apiFailure(caught).message);
    } finally {
      setBusyShare(null);
    }
  };

  const open = (kind: "rename" | "delete", doc: Doc) => {
    succeeded = false;
    renameForm.reset();
    setDeleteError(null);
    setNewLabel(doc.label);
    setNotice(null);
    setPending({ kind, doc });
  };

  const confirm = async () => {
    const action = pending();
    if (!action) return;
    if (action.kind === "rename") {
      await renameForm.submit(async () => {
        await api.documents.rename.mutate({ id: action.doc.id, label: newLabel() });
        succeeded = true;
        done(`Document renommé en « ${newLabel().trim()} ».`);
        setPending(null);
      });
      return;
    }
    setDeleting(true);
    setDeleteError(null);
    try {
      await api.documents.remove.mutate({ id: action.doc.id });
      succeeded = true;
      done(`« ${action.doc.label} » est supprimé.`);
      setPending(null);
    } catch (caught) {
      setDeleteError(apiFailure(caught).message);
    } finally {
      setDeleting(false);
    }
  };

  return (
    <>
      <section class="section">
        <h2 id="titre-documents">Documents</h2>
        <StatusMessage message={notice()} id={RESULT_ID} />
        <ErrorMessage message={actionError()} />
        <Switch>
          <Match when={docs.error}>
            <ErrorMessage message={apiFailure(docs.error).message} />
          </Match>
          <Match when={docs.latest?.length === 0}>
            <p class="empty">Aucun document pour ce domicilié.</p>
          </Match>
          <Match when={docs.latest}>
            {(list) => (
              <section class="table-wrap" tabindex="0" aria-labelledby="titre-documents" aria-busy={docs.loading ? "true" : undefined}>
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">Nom</th>
                      <th scope="col">Type</th>
                      <th scope="col">Ajouté le</th>
                      <th scope="col">Partagé</th>
                      <th scope="col">Actions</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list()}>
                      {(doc) => (
                        <tr>
                          <th scope="row">
                            {doc.label}
                            <span class="table__sub">
                              {formatLabel(doc.mimeType)}, {formatSize(doc.size)}
                            </span>
                          </th>
                          <td>{DOCUMENT_KINDS[doc.kind].label}</td>
                          <td>
                            <time datetime={isoOf(doc.createdAt)}>{formatShortDateTime(doc.createdAt)}</time>
                            <span class="table__sub">par {doc.createdByName}</span>
                          </td>
                          <td>{doc.shared ? "Oui" : "Non"}</td>
                          <td>
                            <div class="row-actions">
                              <Show when={canDownload(doc)}>
                                <a class="button button--secondary button--small" href={`/fichiers/documents/${doc.id}`} download="">
                                  Télécharger<span class="visually-hidden"> {doc.label}</span>
                                </a>
                              </Show>
                              <Show when={staff.can("document.manage")}>
                                <Button variant="secondary" class="button--small" onClick={() => open("rename", doc)}>
                                  Renommer<span class="visually-hidden"> {doc.label}</span>
                                </Button>
                                <Button
                                  variant="secondary"
                                  class="button--small"
                                  busy={busyShare() === doc.id}
                                  busyLabel="…"
                                  onClick={() => toggleShare(doc)}
                                >
                                  {doc.shared ? "Ne plus partager" : "Partager"}
                                  <span class="visually-hidden"> {doc.label}</span>
                                </Button>
                                <Button variant="danger-outline" class="button--small" onClick={() => open("delete", doc)}>
                                  Supprimer<span class="visually-hidden"> {doc.label}</span>
                                </Button>
                              </Show>
                            </div>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </section>
            )}
          </Match>
          <Match when={docs.loading}>
            <Loading />
          </Match>
        </Switch>
      </section>

      <Show when={staff.can("document.manage")}>
        <UploadSection
          onUploaded={(label) => {
            done(`« ${label} » est ajouté aux documents.`);
          }}
        />
      </Show>

      <ConfirmDialog
        open={pending() !== null}
        title={pending()?.kind === "delete" ? `Supprimer « ${pending()!.doc.label} » ?` : "Renommer le document"}
        confirmLabel={pending()?.kind === "delete" ? "Supprimer le document" : "Renommer"}
        busyLabel={pending()?.kind === "delete" ? "Suppression…" : "Enregistrement…"}
        danger={pending()?.kind === "delete"}
        busy={pending()?.kind === "delete" ? deleting() : renameForm.busy()}
        error={pending()?.kind === "delete" ? deleteError() : renameForm.error()}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
        focusAfterClose={() => (succeeded ? document.getElementById(RESULT_ID) : null)}
      >
        <Show when={pending()?.kind === "delete"}>
          <p>Le fichier est supprimé définitivement. L'historique du dossier garde la trace de la suppression.</p>
        </Show>
        <Show when={pending()?.kind === "rename"}>
          <TextField
            form={renameForm}
            path="label"
            label="Nom du document"
            hint="Entre 2 et 100 caractères."
            required
            value={newLabel()}
            onValue={setNewLabel}
            maxLength={FIELD_MAX.documentLabel}
          />
        </Show>
      </ConfirmDialog>
    </>
  );
}

function UploadSection(props: { onUploaded: (label: string) => void }) {
  const ctx = useFiche();
  const form = createFormState("document");
  const [file, setFile] = createSignal<File | null>(null);
  const [label, setLabel] = createSignal("");
  const [shared, setShared] = createSignal(false);
  let input: HTMLInputElement | undefined;

  const onFile = (picked: File | null) => {
    setFile(picked);
    // The file's name is a good default label (without its extension).
    if (picked && !label().trim()) setLabel(picked.name.replace(/\.[^.]+$/, "").slice(0, FIELD_MAX.documentLabel));
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const problem = fileProblem(file());
    const local: Record<string, string> = {};
    if (problem) local.file = problem;
    void form.submit(async () => {
      const fd = new FormData();
      fd.set("usagerId", String(ctx.fiche().usager.id));
      fd.set("label", label());
      fd.set("shared", String(shared()));
      fd.set("file", file()!);
      await api.documents.upload.mutate(fd);
      const saved = label().trim();
      setFile(null);
      setLabel("");
      setShared(false);
      if (input) input.value = "";
      props.onUploaded(saved);
    }, local);
  };

  const fileError = () => form.fieldError("file");

  return (
    <section class="section" aria-labelledby="titre-ajout-document">
      <h2 id="titre-ajout-document">Ajouter un document</h2>
      <FormError form={form} />
      <form class="form" novalidate onSubmit={submit} aria-busy={form.busy() ? "true" : undefined}>
        <div class="field" classList={{ "field--invalid": Boolean(fileError()) }}>
          <span class="field-label">
            <label for={form.id("file")}>Fichier</label>
            <span class="required-mark" aria-hidden="true">
              {" *"}
            </span>
          </span>
          <p class="field-hint" id={`${form.id("file")}-aide`}>
            PDF, JPG ou PNG, 10 Mo au maximum.
          </p>
          <Show when={fileError()}>
            <p class="field-error" id={`${form.id("file")}-erreur`}>
              {fileError()}
            </p>
          </Show>
          <input
            ref={input}
            id={form.id("file")}
            name="file"
            type="file"
            accept={ACCEPT}
            required
            aria-invalid={fileError() ? "true" : undefined}
            aria-describedby={`${form.id("file")}-aide${fileError() ? ` ${form.id("file")}-erreur` : ""}`}
            onChange={(e) => onFile(e.currentTarget.files?.[0] ?? null)}
          />
        </div>
        <TextField
          form={form}
          path="label"
          label="Nom du document"
          hint="Par exemple : Pièce d'identité, Justificatif de ressources. Entre 2 et 100 caractères."
          required
          value={label()}
          onValue={setLabel}
          maxLength={FIELD_MAX.documentLabel}
          class="field--medium"
        />
        <CheckboxField
          form={form}
          path="shared"
          label="Partager avec le domicilié"
          hint="Le document sera visible sur son espace Mon Ancrage, si le portail est activé pour lui."
          checked={shared()}
          onChecked={setShared}
        />
        <div class="form__actions">
          <Button type="submit" busy={form.busy()} busyLabel="Envoi en cours…">
            Ajouter le document
          </Button>
          <Show when={form.busy()}>
            <span class="upload-progress" role="status">
              <progress aria-label="Envoi du document" />
              <span>Envoi et vérification du fichier…</span>
            </span>
          </Show>
        </div>
      </form>
    </section>
  );
}
