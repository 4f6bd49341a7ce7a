import { createResource, onMount } from "solid-js";
import { AUDIT_ACTION_LABELS, type AuditAction } from "../../../worker/rules/audit-actions";
import { api, type Outputs } from "../api";
import { CursorTable } from "../components/CursorTable";
import { formatShortDateTime, isoOf } from "../components/dates";
import { createCursorPages } from "../components/LoadMore";
import { RequirePermission } from "../components/RequirePermission";
import { usePageTitle } from "../components/title";

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
  onMount(() => void journal.load());

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
      <CursorTable
        pages={journal}
        label="Entrées du journal"
        columns={["Date", "Action", "Par", "Cible", "IP"]}
        empty="Aucune entrée dans le journal pour l'instant."
        noun="entrée"
        endText=" : début du journal atteint."
      >
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
      </CursorTable>
    </>
  );
}
