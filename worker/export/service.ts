import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { staffUsers, usagers } from "../../db/schema";
import type { StaffCtx } from "../auth/staff";
import type { Db } from "../db";
import { audit } from "../journal/log";
import { dateFormat, formatDateFr } from "../rules/dates";
import { USAGER_STATUT_LABELS } from "../rules/echeance";
import { LIENS_AYANT_DROIT, TYPE_DOM_LABELS, USAGER_TABS, type UsagerTab } from "../rules/usager";

/**
 * One CSV cell: quoted, and a leading = + - @ (or tab / CR) neutralised so a spreadsheet never runs
 * a name as a formula (CSV injection).
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

const AYANTS_DROIT_COLUMNS = 8;
const HEADER = [
  "ID",
  "Civilité",
  "Nom",
  "Prénom",
  "Nom d'usage / Surnom",
  "Date de naissance",
  "Lieu de naissance",
  "Téléphone",
  "E-mail",
  "Langue",
  "Nationalité",
  "Numéro de distribution",
  "Statut",
  "Type de demande",
  "Date de début",
  "Date de fin",
  "Première domiciliation",
  "Dernier passage",
  "Référent",
  "Courriers en attente",
  "Colis en attente",
  "Avis de passage en attente",
  "Nombre d'ayants droit",
  ...Array.from({ length: AYANTS_DROIT_COLUMNS }, (_, i) => [
    `Ayant droit ${i + 1} nom`,
    `Ayant droit ${i + 1} prénom`,
    `Ayant droit ${i + 1} date de naissance`,
    `Ayant droit ${i + 1} lien`,
  ]).flat(),
];

/** The structure's files as a CSV for Excel (";" separator, UTF-8 with BOM), by list tab (reference B.12). */
export async function exportUsagersCsv(db: Db, ctx: StaffCtx, tab: UsagerTab, now: Date) {
  const referents = new Map(
    (
      await db
        .select({ id: staffUsers.id, nom: staffUsers.nom, prenom: staffUsers.prenom })
        .from(staffUsers)
        .where(eq(staffUsers.structureId, ctx.structureId))
    ).map((r) => [r.id, `${r.prenom} ${r.nom}`]),
  );
  const statuts = USAGER_TABS[tab].statuts;
  const lines = [HEADER.map(csvCell).join(";")];
  let lastId = 0;
  for (;;) {
    const page = await db
      .select()
      .from(usagers)
      .where(
        and(eq(usagers.structureId, ctx.structureId), gt(usagers.id, lastId), statuts ? inArray(usagers.statut, [...statuts]) : undefined),
      )
      .orderBy(asc(usagers.id))
      .limit(1000);
    for (const u of page) {
      const ayants = u.ayantsDroit.slice(0, AYANTS_DROIT_COLUMNS);
      const row = [
        u.customRef,
        u.civilite,
        u.nom,
        u.prenom,
        u.surnom,
        formatDateFr(u.dateNaissance),
        u.lieuNaissance,
        u.telephone,
        u.email,
        u.langue,
        u.nationalite,
        u.numeroDistribution,
        USAGER_STATUT_LABELS[u.statut],
        TYPE_DOM_LABELS[u.typeDom],
        u.decisionDebut ? formatDateFr(u.decisionDebut) : "",
        u.decisionFin ? formatDateFr(u.decisionFin) : "",
        u.datePremiereDom ? formatDateFr(u.datePremiereDom) : "",
        u.dernierPassage ? dateFormat("fr-FR", { timeZone: ctx.timeZone }).format(u.dernierPassage) : "",
        u.referentId ? (referents.get(u.referentId) ?? "") : "",
        u.nbCourrier,
        u.nbColis,
        u.nbAvis,
        u.ayantsDroit.length,
        ...Array.from({ length: AYANTS_DROIT_COLUMNS }, (_, i) => {
          const a = ayants[i];
          return a ? [a.nom, a.prenom, formatDateFr(a.dateNaissance), LIENS_AYANT_DROIT[a.lien]] : ["", "", "", ""];
        }).flat(),
      ];
      lines.push(row.map(csvCell).join(";"));
    }
    if (page.length < 1000) break;
    lastId = page[page.length - 1]!.id;
  }
  await audit(db, {
    action: "EXPORT_USAGERS",
    structureId: ctx.structureId,
    actor: ctx.actor,
    details: { onglet: tab, lignes: lines.length - 1 },
    at: now,
  });
  // A fresh ArrayBuffer underneath (workers-types type encode() more loosely than the DOM does).
  const bytes = new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`) as Uint8Array<ArrayBuffer>;
  const date = dateFormat("fr-CA", { timeZone: ctx.timeZone }).format(now);
  return { bytes, mimeType: "text/csv; charset=utf-8", fileName: `Export Ancrage ${date}.csv` };
}
