import { createResource, For, Match, onMount, Switch } from "solid-js";
import { api, type Outputs } from "../api";
import { ErrorMessage, Loading } from "../components/Alerts";
import { formatShortDateTime, isoOf } from "../components/dates";
import { RequirePermission } from "../components/RequirePermission";
import { usePageTitle } from "../components/title";
import { AUDIT_ACTION_LABELS, type AuditAction } from "../../../worker/rules/audit-actions";
import { createCursorPages, LoadMore } from "../components/LoadMore";

type Entry = Outputs["journal"]["list"]["entries"][number];

export function Journal() {
  usePageTitle(() => "Journal");
  return (
    <RequirePermission permission="journal.read" title="Journal">
      <JournalContent />
    </RequirePermission>
  );
}

function actionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action as AuditAction] ?? action;
}

function actorLabel(entry: Entry): string {
  switch (entry.actorKind) {
    case "platform":
      return `${entry.actorName ?? "Équipe Ancrage"} (plateforme)`;
    case "system":
      return "Ancrage (automatique)";
    case "anonymous":
      return entry.actorName ? `${entry.actorName} (non connecté)` : "Personne non connectée";
    default:
      return entry.actorName ?? "—";
  }
}

function JournalContent() {
  // The journal only names the target by id: members are named from the team list.
  const [members] = createResource(() => api.equipe.list.query().catch(() => []));
  const journal = createCursorPages<Entry>(
    (before) => api.journal.list.query({ before }).then((p) => ({ rows: p.entries, nextBefore: p.nextBefore })),
    "journal-compte",
  );
  const { rows: entries, loading, loaded, error, load } = journal;
  onMount(() => void load());

  const targetLabel = (entry: Entry): string => {
    if (!entry.targetType || !entry.targetId) return "—";
    if (entry.targetType === "structure") return "La structure";
    if (entry.targetType === "staff") {
      const member = (members.latest ?? []).find((m) => String(m.id) === entry.targetId);
      return member ? `${member.prenom} ${member.nom}` : `Membre n° ${entry.targetId}`;
    }
    return `${entry.targetType} n° ${entry.targetId}`;
  };

  return (
    <>
      <h1>Journal</h1>
      <p class="lead">Connexions et modifications enregistrées pour la structure, de la plus récente à la plus ancienne.</p>
      <Switch>
        <Match when={error() && !loaded()}>
          <ErrorMessage message={error()} />
        </Match>
        <Match when={!loaded()}>
          <Loading />
        </Match>
        <Match when={entries().length === 0}>
          <p class="empty">Aucune entrée dans le journal pour l'instant.</p>
        </Match>
        <Match when={true}>
          <div class="table-wrap" tabindex="0" role="region" aria-label="Entrées du journal">
            <table class="table">
              <caption class="visually-hidden">Entrées du journal</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Action</th>
                  <th scope="col">Par</th>
                  <th scope="col">Cible</th>
                  <th scope="col">IP</th>
                </tr>
              </thead>
              <tbody>
                <For each={entries()}>
                  {(entry) => (
                    <tr>
                      <td class="nowrap">
                        <time datetime={isoOf(entry.at)}>{formatShortDateTime(entry.at)}</time>
                      </td>
                      <td>{actionLabel(entry.action)}</td>
                      <td>{actorLabel(entry)}</td>
                      <td>{targetLabel(entry)}</td>
                      <td class="nowrap">{entry.ip ?? "—"}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <LoadMore
            id="journal-compte"
            shown={entries().length}
            noun="entrée"
            endText=" : début du journal atteint."
            hasMore={journal.hasMore()}
            loading={loading()}
            error={loaded() ? error() : null}
            onMore={() => load(true)}
          />
        </Match>
      </Switch>
    </>
  );
}
