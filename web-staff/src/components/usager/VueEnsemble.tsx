import { createSignal, For, Match, Show, Switch } from "solid-js";
import { formatDateFr } from "../../../../worker/rules/dates";
import { USAGER_STATUT_LABELS } from "../../../../worker/rules/echeance";
import { LETTER_PERMISSION, LETTERS, type LetterKind, lettersFor } from "../../../../worker/rules/letters";
import { ETAPES, MOTIFS_RADIATION, MOTIFS_REFUS, ORIENTATIONS, TYPE_DOM_LABELS } from "../../../../worker/rules/usager";
import { api, apiFailure } from "../../api";
import { useStaff } from "../../session";
import { ErrorMessage } from "../Alerts";
import { Button } from "../Button";
import { formatDate, formatDateTime, formatShortDateTime, isoOf } from "../dates";
import { Icon } from "../Icon";
import { colleagueName } from "./colleagues";
import { DecisionActions } from "./decision/DecisionActions";
import { type Fiche, useFiche } from "./fiche";
import { echeanceClass, echeanceDelay, pendingMailText, statutBadgeClass } from "./format";
import { NotesSection } from "./Notes";

type Decision = Fiche["decisions"][number];

/** The "Vue d'ensemble" tab: where the file stands, what to do next, mail waiting, notes. */
export function VueEnsemble() {
  return (
    <div class="fiche-grid">
      <div class="fiche-grid__main">
        <Situation />
        <DecisionActions />
        <DecisionHistory />
      </div>
      <div class="fiche-grid__aside">
        <MailWaiting />
        <Letters />
        <NotesSection />
      </div>
    </div>
  );
}

function Situation() {
  const ctx = useFiche();
  const colleagues = useFiche().colleagues;
  const f = () => ctx.fiche();
  const u = () => f().usager;
  const underInstruction = () => u().statut === "INSTRUCTION" || u().statut === "ATTENTE_DECISION";
  const rdvWith = () => colleagues().find((c) => c.id === u().rdvUserId);

  return (
    <section class="section" aria-labelledby="titre-situation">
      <h2 id="titre-situation">Situation</h2>
      <dl class="details">
        <div class="details__row">
          <dt>Statut</dt>
          <dd>
            <span class={statutBadgeClass(u().statut)}>{USAGER_STATUT_LABELS[u().statut]}</span>
            <Show when={u().statut === "ATTENTE_DECISION"}>
              <span class="muted"> — demande déposée, en attente de décision</span>
            </Show>
          </dd>
        </div>
        <div class="details__row">
          <dt>Type de demande</dt>
          <dd>{TYPE_DOM_LABELS[u().typeDom]}</dd>
        </div>
        <Show when={underInstruction()}>
          <div class="details__row">
            <dt>Étape de la demande</dt>
            <dd>
              <ol class="steps">
                <For each={ETAPES.slice(0, 5)}>
                  {(label, index) => (
                    <li
                      class="steps__step"
                      classList={{ "steps__step--done": index() < u().etape, "steps__step--current": index() === u().etape }}
                      aria-current={index() === u().etape ? "step" : undefined}
                    >
                      <Show when={index() < u().etape}>
                        <span class="visually-hidden">Terminée : </span>
                      </Show>
                      <Show when={index() === u().etape}>
                        <span class="visually-hidden">Étape en cours : </span>
                      </Show>
                      {label}
                    </li>
                  )}
                </For>
              </ol>
            </dd>
          </div>
        </Show>
        <Show when={u().statut === "VALIDE" && u().decisionDebut && u().decisionFin}>
          <div class="details__row">
            <dt>Période de domiciliation</dt>
            <dd>
              du {formatDateFr(u().decisionDebut!)} au {formatDateFr(u().decisionFin!)}
            </dd>
          </div>
        </Show>
        <div class="details__row">
          <dt>Échéance</dt>
          <dd>
            <Switch fallback={<span class="muted">Aucune</span>}>
              <Match when={f().echeance}>
                {(e) => (
                  <span class={echeanceClass(e().level)}>
                    <time datetime={e().date}>{formatDateFr(e().date)}</time>
                    <span class="echeance__delay">{echeanceDelay(e().days)}</span>
                  </span>
                )}
              </Match>
              <Match when={u().statut === "RADIE" && u().decisionFin}>Radié le {formatDateFr(u().decisionFin!)}</Match>
              <Match when={u().statut === "REFUS" && u().decisionFin}>Refusé le {formatDateFr(u().decisionFin!)}</Match>
            </Switch>
          </dd>
        </div>
        <div class="details__row">
          <dt>Dernier passage</dt>
          <dd>
            <Show when={u().dernierPassage} fallback={<span class="muted">Aucun passage enregistré</span>}>
              {(at) => <time datetime={isoOf(at())}>{formatDate(at())}</time>}
            </Show>
          </dd>
        </div>
        <div class="details__row">
          <dt>Référent</dt>
          <dd>{f().referent ? colleagueName(f().referent!) : <span class="muted">Aucun référent</span>}</dd>
        </div>
        <Show when={u().statut === "INSTRUCTION" && u().rdvAt}>
          {(at) => (
            <div class="details__row">
              <dt>Rendez-vous</dt>
              <dd>
                <time datetime={isoOf(at())}>{formatDateTime(at())}</time>
                <Show when={rdvWith()}>{(c) => <> avec {colleagueName(c())}</>}</Show>
              </dd>
            </div>
          )}
        </Show>
        <Show when={u().datePremiereDom}>
          {(date) => (
            <div class="details__row">
              <dt>Première domiciliation</dt>
              <dd>{formatDateFr(date())}</dd>
            </div>
          )}
        </Show>
      </dl>
    </section>
  );
}

function MailWaiting() {
  const ctx = useFiche();
  const u = () => ctx.fiche().usager;
  return (
    <section class="section section--compact" aria-labelledby="titre-courrier-attente">
      <h2 id="titre-courrier-attente">Courrier en attente</h2>
      <Show when={pendingMailText(u())} fallback={<p class="muted">Aucun courrier en attente.</p>}>
        {(text) => (
          <p class="mail-waiting">
            <Icon name="mail" />
            {text()}
          </p>
        )}
      </Show>
      <Button variant="link" class="button--small" onClick={() => ctx.showTab("courriers")}>
        Voir les courriers
      </Button>
    </section>
  );
}

/** Starts the download of a stored document (the server answers it as an attachment). */
export function downloadDocument(id: number) {
  const link = document.createElement("a");
  link.href = `/fichiers/documents/${id}`;
  link.download = "";
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** Letters generated from the file's data (.docx), archived in the Documents tab. */
function Letters() {
  const staff = useStaff();
  const ctx = useFiche();
  const [busy, setBusy] = createSignal<LetterKind | null>(null);
  const [done, setDone] = createSignal<{ id: number; label: string } | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const available = () => lettersFor(ctx.fiche().usager.statut);

  const generate = async (kind: LetterKind) => {
    setBusy(kind);
    setError(null);
    setDone(null);
    try {
      const doc = await api.documents.generateLetter.mutate({ usagerId: ctx.fiche().usager.id, kind });
      setDone({ id: doc.id, label: LETTERS[kind].label });
      downloadDocument(doc.id);
    } catch (caught) {
      setError(apiFailure(caught).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Show when={staff.can(LETTER_PERMISSION)}>
      <section class="section section--compact" aria-labelledby="titre-courriers-imprimer">
        <h2 id="titre-courriers-imprimer">Courriers à imprimer</h2>
        <Show
          when={available().length > 0}
          fallback={
            <p class="muted">L'attestation postale est disponible pour un dossier actif, le courrier de radiation pour un dossier radié.</p>
          }
        >
          <div class="row-actions">
            <For each={available()}>
              {(kind) => (
                <Button variant="secondary" busy={busy() === kind} busyLabel="Génération…" onClick={() => generate(kind)}>
                  {LETTERS[kind].label}
                </Button>
              )}
            </For>
          </div>
          <p class="field-hint">Document Word (.docx), archivé dans l'onglet Documents.</p>
        </Show>
        <ErrorMessage message={error()} />
        <div role="status">
          <Show when={done()}>
            {(d) => (
              <p class="letter-done">
                {d().label} générée.{" "}
                <a href={`/fichiers/documents/${d().id}`} download="">
                  Télécharger de nouveau<span class="visually-hidden"> : {d().label}</span>
                </a>
              </p>
            )}
          </Show>
        </div>
      </section>
    </Show>
  );
}

function decisionMotif(d: Decision): string | null {
  if (!d.motif) return null;
  const labels: Record<string, string> = d.statut === "REFUS" ? MOTIFS_REFUS : d.statut === "RADIE" ? MOTIFS_RADIATION : {};
  const motif = labels[d.motif] ?? d.motif;
  return d.motifDetails ? `${motif} : ${d.motifDetails}` : motif;
}

function decisionPeriod(d: Decision): string {
  if (d.statut === "VALIDE" && d.dateDebut && d.dateFin) return `du ${formatDateFr(d.dateDebut)} au ${formatDateFr(d.dateFin)}`;
  if ((d.statut === "REFUS" || d.statut === "RADIE") && d.dateFin) return `le ${formatDateFr(d.dateFin)}`;
  return "—";
}

function DecisionHistory() {
  const ctx = useFiche();
  return (
    <section class="section">
      <h2 id="titre-decisions">Historique des décisions</h2>
      <section class="table-wrap" tabindex="0" aria-labelledby="titre-decisions">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Décision</th>
              <th scope="col">Période</th>
              <th scope="col">Motif, orientation</th>
              <th scope="col">Par</th>
            </tr>
          </thead>
          <tbody>
            <For each={ctx.fiche().decisions}>
              {(d) => (
                <tr>
                  <td class="nowrap">
                    <time datetime={isoOf(d.createdAt)}>{formatShortDateTime(d.createdAt)}</time>
                  </td>
                  <td>
                    {USAGER_STATUT_LABELS[d.statut]}
                    <span class="table__sub">{TYPE_DOM_LABELS[d.typeDom]}</span>
                  </td>
                  <td>{decisionPeriod(d)}</td>
                  <td>
                    {decisionMotif(d) ?? <span class="muted">—</span>}
                    <Show when={d.orientation}>
                      <span class="table__sub">
                        Orientation : {ORIENTATIONS[d.orientation as keyof typeof ORIENTATIONS] ?? d.orientation}
                        {d.orientationDetails ? ` (${d.orientationDetails})` : ""}
                      </span>
                    </Show>
                  </td>
                  <td>{d.userName ?? "—"}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
    </section>
  );
}
