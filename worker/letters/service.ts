import { type Paragraph, TextRun } from "docx";
import { desc, eq } from "drizzle-orm";
import { structures, usagerDecisions } from "../../db/schema";
import type { StaffCtx } from "../auth/staff";
import type { Db } from "../db";
import { storeDocument } from "../documents/service";
import type { Env } from "../env";
import { AppError } from "../errors";
import { formatDateFr } from "../rules/dates";
import { LETTERS, type LetterKind } from "../rules/letters";
import { LIENS_AYANT_DROIT, MOTIFS_RADIATION, type MotifRadiation, nomComplet } from "../rules/usager";
import { today, usagerOf } from "../usagers/service";
import { blank, DOCX_MIME, letterHead, line, runs, toDocx } from "./docx";

const né = (civilite: string) => (civilite === "Mme" ? "née" : "né");

/**
 * Builds the letter from the file's current data, archives it (encrypted) in R2 as a document of
 * the file, and returns its id for download. Only the letters the file's statut allows (worker/rules/letters).
 */
export async function generateLetter(db: Db, env: Env, ctx: StaffCtx, usagerId: number, kind: LetterKind, now: Date) {
  const u = await usagerOf(db, ctx.structureId, usagerId);
  if (LETTERS[kind].statut !== u.statut) throw new AppError("INVALID_STATE");
  const s = (await db.query.structures.findFirst({ where: eq(structures.id, ctx.structureId) }))!;
  const date = today(ctx, now);
  const name = nomComplet(u) + (s.optionSurnom && u.surnom ? ` (${u.surnom})` : "");
  const postal = [
    name,
    ...(s.optionNomStructure ? [s.nom] : []),
    ...(s.optionNumeroBoite ? [`Boîte ${u.customRef}`] : []),
    ...(s.courrierAdresse && s.courrierCodePostal && s.courrierVille
      ? [s.courrierAdresse, `${s.courrierCodePostal} ${s.courrierVille}`]
      : [s.adresse, ...(s.complementAdresse ? [s.complementAdresse] : []), `${s.codePostal} ${s.ville}`]),
  ];
  const head = letterHead(s, [name, `ID : ${u.customRef}`], date);
  const signature = [
    blank(),
    line(`${s.responsablePrenom} ${s.responsableNom}`, { align: "right" }),
    line(s.responsableFonction, { align: "right" }),
    line("Signature et cachet", { align: "right" }),
  ];

  const title = LETTERS[kind].label;
  let body: Paragraph[];
  if (kind === "attestation") {
    const ayantsDroit = u.ayantsDroit;
    body = [
      line("ATTESTATION POSTALE", { bold: true, align: "center", size: 28, spaceAfter: 240 }),
      runs([
        // The structure's name in quotes, after the fonction: « Directeur de CCAS de CCAS de … »
        // or « Directrice de Association … » never come out, whatever the kind of structure.
        new TextRun(
          `Je soussigné(e), ${s.responsablePrenom} ${s.responsableNom}, ${s.responsableFonction}, au nom de la structure « ${s.nom} », atteste que `,
        ),
        new TextRun({ text: name, bold: true }),
        new TextRun(
          `, ${né(u.civilite)} le ${formatDateFr(u.dateNaissance)} à ${u.lieuNaissance}, est domicilié(e) auprès de notre structure pour la période du ${formatDateFr(u.decisionDebut!)} au ${formatDateFr(u.decisionFin!)}` +
            (ayantsDroit.length > 0 ? ", ainsi que ses ayants droit :" : "."),
        ),
      ]),
      // The ayants droit are covered by the same domiciliation: the attestation certifies them too.
      ...ayantsDroit.map((a, i) =>
        line(`${a.nom.toUpperCase()} ${a.prenom}, né(e) le ${formatDateFr(a.dateNaissance)} (${LIENS_AYANT_DROIT[a.lien]})`, {
          spaceAfter: i === ayantsDroit.length - 1 ? 160 : 0,
        }),
      ),
      line("Son adresse postale est :", { spaceAfter: 120 }),
      ...postal.map((p) => line(p, { bold: true })),
      blank(),
      line("Cette attestation est délivrée pour servir et valoir ce que de droit."),
      ...signature,
    ];
  } else {
    const decision = u.decisionFin!;
    const [last] = await db
      .select({ motif: usagerDecisions.motif, motifDetails: usagerDecisions.motifDetails })
      .from(usagerDecisions)
      .where(eq(usagerDecisions.usagerId, u.id))
      .orderBy(desc(usagerDecisions.id))
      .limit(1);
    const motif = [MOTIFS_RADIATION[last?.motif as MotifRadiation], last?.motifDetails].filter(Boolean).join(" — ");
    body = [
      runs([new TextRun({ text: "Objet : Radiation de votre domiciliation", bold: true })], 240),
      line(u.civilite === "Mme" ? "Madame," : "Monsieur,", { spaceAfter: 160 }),
      runs([
        new TextRun(
          `Nous vous informons qu'il a été mis fin à votre domiciliation auprès de ${s.nom} à compter du ${formatDateFr(decision)}.`,
        ),
      ]),
      runs([new TextRun({ text: "Motif : ", bold: true }), new TextRun(motif)]),
      runs([
        new TextRun({ text: "Voies de recours : ", bold: true }),
        new TextRun(
          `vous pouvez contester cette décision dans un délai de deux mois à compter de sa notification, par un recours gracieux auprès de ${s.nom}, ou par un recours contentieux devant le tribunal administratif compétent.`,
        ),
      ]),
      runs([new TextRun("Nous restons à votre disposition pour vous orienter vers une autre structure de domiciliation.")]),
      ...signature,
    ];
  }
  const bytes = await toDocx(title, [...head, ...body]);
  return storeDocument(
    db,
    env,
    ctx,
    { usagerId, label: `${title} du ${formatDateFr(date)}`, kind, mimeType: DOCX_MIME, bytes, shared: false },
    now,
  );
}
