import { createEffect, on } from "solid-js";
import { AUDIT_ACTION_LABELS, type AuditAction } from "../../../../worker/rules/audit-actions";
import { formatDateFr } from "../../../../worker/rules/dates";
import { USAGER_STATUT_LABELS, type UsagerStatut } from "../../../../worker/rules/echeance";
import { ETAPES, MOTIFS_RADIATION, MOTIFS_REFUS } from "../../../../worker/rules/usager";
import { api, type Outputs } from "../../api";
import { CursorTable } from "../CursorTable";
import { formatDateTime, formatShortDateTime, isoOf } from "../dates";
import { createCursorPages } from "../LoadMore";
import { type Colleague, colleagueName } from "./colleagues";
import { useFiche } from "./fiche";

type Entry = Outputs["usagers"]["history"]["entries"][number];

const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);
const period = (d: Record<string, unknown>) => {
  const debut = str(d.dateDebut);
  const fin = str(d.dateFin);
  if (debut && fin && debut !== fin) return `du ${formatDateFr(debut)} au ${formatDateFr(fin)}`;
  if (fin) return `le ${formatDateFr(fin)}`;
  return null;
};

/** A short French summary of an entry's details, from what each action records. */
function summary(entry: Entry, colleagues: Colleague[]): string | null {
  const d = (entry.details ?? {}) as Record<string, unknown>;
  switch (entry.action as AuditAction) {
    case "USAGER_VALIDATED":
      return period(d);
    case "USAGER_REFUSED": {
      const motif = str(d.motif);
      return [period(d), motif ? (MOTIFS_REFUS[motif as keyof typeof MOTIFS_REFUS] ?? motif) : null, str(d.motifDetails)]
        .filter(Boolean)
        .join(" — ");
    }
    case "USAGER_RADIATED": {
      const motif = str(d.motif);
      return [period(d), motif ? (MOTIFS_RADIATION[motif as keyof typeof MOTIFS_RADIATION] ?? motif) : null, str(d.motifDetails)]
        .filter(Boolean)
        .join(" — ");
    }
    case "USAGER_RENEWAL":
      return d.typeDom === "RENOUVELLEMENT" ? "Renouvellement" : "Nouvelle première demande";
    case "USAGER_DECISION_UNDONE": {
      const statut = str(d.statut);
      return statut
        ? `Décision annulée : ${USAGER_STATUT_LABELS[statut as UsagerStatut] ?? statut}${period(d) ? ` ${period(d)}` : ""}`
        : null;
    }
    case "USAGER_RDV_SET":
      return str(d.at) ? `Rendez-vous le ${formatDateTime(str(d.at)!)}` : null;
    case "USAGER_ETAPE_SET":
      return typeof d.etape === "number" ? (ETAPES[d.etape] ?? null) : null;
    case "USAGER_REFERENT_CHANGED": {
      if (d.referentId === null) return "Aucun référent";
      const c = colleagues.find((x) => x.id === d.referentId);
      return c ? colleagueName(c) : null;
    }
    case "NOTE_ADDED":
    case "NOTE_PINNED":
    case "NOTE_UNPINNED":
    case "NOTE_ARCHIVED":
    case "NOTE_UNARCHIVED":
    case "NOTE_DELETED": {
      const message = str(d.message);
      return message ? `« ${message.length > 120 ? `${message.slice(0, 120)}…` : message} »` : null;
    }
    case "DOCUMENT_RENAMED":
      return str(d.from) && str(d.label) ? `« ${str(d.from)} » → « ${str(d.label)} »` : null;
    case "DOCUMENT_UPLOADED":
    case "DOCUMENT_SHARED":
    case "DOCUMENT_UNSHARED":
    case "DOCUMENT_DELETED":
    case "DOCUMENT_DOWNLOADED":
    case "LETTER_GENERATED":
      return str(d.label) ?? str(d.from);
    default:
      return null;
  }
}

/** The "Historique" tab: everything done on the file, from the audit data, newest first. */
export function HistoriqueTab() {
  const ctx = useFiche();
  const colleagues = useFiche().colleagues;
  const historique = createCursorPages<Entry>(
    (before) =>
      api.usagers.history.query({ usagerId: ctx.fiche().usager.id, before }).then((p) => ({ rows: p.entries, nextBefore: p.nextBefore })),
    "historique-compte",
  );
  createEffect(on(ctx.changes, () => void historique.load()));

  return (
    <section class="section">
      <h2 id="titre-historique">Historique du dossier</h2>
      <p class="section__intro">Décisions, notes, documents et modifications, du plus récent au plus ancien.</p>
      <CursorTable
        pages={historique}
        labelledBy="titre-historique"
        columns={["Date", "Action", "Par", "Détails"]}
        empty="Aucune opération enregistrée."
        noun="opération"
        endText=" : début de l'historique atteint."
      >
        {(entry) => (
          <tr>
            <td class="nowrap">
              <time datetime={isoOf(entry.at)}>{formatShortDateTime(entry.at)}</time>
            </td>
            <td>{AUDIT_ACTION_LABELS[entry.action as AuditAction] ?? entry.action}</td>
            <td>{entry.actorName ?? "—"}</td>
            <td>{summary(entry, colleagues()) ?? <span class="muted">—</span>}</td>
          </tr>
        )}
      </CursorTable>
    </section>
  );
}
