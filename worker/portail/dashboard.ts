import { and, asc, desc, eq, sql } from "drizzle-orm";
import { interactions, portailAccounts, procurations, structures, usagers } from "../../db/schema";
import type { UsagerCaller } from "../auth/usager";
import { pendingOf } from "../courrier/service";
import type { Db } from "../db";
import { listSharedDocuments } from "../documents/service";
import { procurationState, RECEPTION_TYPES } from "../rules/courrier";
import { calendarDateIn } from "../rules/dates";
import { echeanceState } from "../rules/echeance";
import { currentMessagesQuery } from "./messages";

/** Everything Mon Ancrage's dashboard shows, in one round trip (reference A.8). */
export async function dashboard(db: Db, caller: UsagerCaller, session: { shared: boolean }, now: Date) {
  const today = calendarDateIn(caller.timeZone, now);
  const [rows, pending, procs, messages, documents] = await db.batch([
    db
      .select({
        civilite: usagers.civilite,
        nom: usagers.nom,
        prenom: usagers.prenom,
        customRef: usagers.customRef,
        statut: usagers.statut,
        echeance: usagers.echeance,
        decisionFin: usagers.decisionFin,
        dernierPassage: usagers.dernierPassage,
        nbCourrier: usagers.nbCourrier,
        nbColis: usagers.nbColis,
        nbAvis: usagers.nbAvis,
        telephone: usagers.telephone,
        email: usagers.email,
        transfertNom: usagers.transfertNom,
        transfertAdresse: usagers.transfertAdresse,
        transfertDebut: usagers.transfertDebut,
        transfertFin: usagers.transfertFin,
        login: portailAccounts.login,
        // Aliased: D1 returns batch rows as objects, where a second "nom" would replace the first.
        structure: {
          nom: sql<string>`${structures.nom}`.as("structure_nom"),
          adresse: sql<string>`${structures.adresse}`.as("structure_adresse"),
          codePostal: sql<string>`${structures.codePostal}`.as("structure_code_postal"),
          ville: sql<string>`${structures.ville}`.as("structure_ville"),
          telephone: sql<string>`${structures.telephone}`.as("structure_telephone"),
        },
      })
      .from(usagers)
      // The account and the structure come with the file: fewer statements in the round trip.
      .innerJoin(portailAccounts, eq(portailAccounts.id, caller.accountId))
      .innerJoin(structures, eq(structures.id, usagers.structureId))
      .where(and(eq(usagers.id, caller.usagerId), eq(usagers.structureId, caller.structureId))),
    db
      .select({ type: interactions.type, nb: interactions.nb, content: interactions.content, createdAt: interactions.createdAt })
      .from(interactions)
      .where(and(eq(interactions.usagerId, caller.usagerId), pendingOf(RECEPTION_TYPES)))
      .orderBy(desc(interactions.id))
      .limit(100),
    db
      .select({ nom: procurations.nom, prenom: procurations.prenom, dateDebut: procurations.dateDebut, dateFin: procurations.dateFin })
      .from(procurations)
      .where(eq(procurations.usagerId, caller.usagerId))
      .orderBy(asc(procurations.id)),
    currentMessagesQuery(db, caller.structureId, today),
    listSharedDocuments(db, caller),
  ]);
  const { login, structure, ...u } = rows[0]!;
  return {
    usager: u,
    login,
    appareilPartage: session.shared,
    timeZone: caller.timeZone,
    today,
    echeance: u.echeance ? { date: u.echeance, ...echeanceState(u.echeance, today) } : null,
    pending,
    procurations: procs.map((p) => ({ ...p, state: procurationState(p, today) })),
    transfert:
      u.transfertNom && u.transfertDebut && u.transfertFin
        ? {
            nom: u.transfertNom,
            adresse: u.transfertAdresse,
            dateDebut: u.transfertDebut,
            dateFin: u.transfertFin,
            actif: u.transfertDebut <= today && today <= u.transfertFin,
          }
        : null,
    structure,
    messages,
    documents,
  };
}
