import { AlignmentType, BorderStyle, Document, ImageRun, type ISectionOptions, Packer, PageBreak, Paragraph, TextRun } from "docx";
import { type CalendarDate, formatDateLongFr } from "../rules/dates";
import { blank, type LetterStructure, line } from "./docx";
import { qrPng } from "./qr-png";

export interface PortalLetter {
  structure: LetterStructure;
  usager: { prenom: string; nom: string; customRef: string };
  portalUrl: string;
  login: string;
  temporaryPassword: string;
  date: CalendarDate;
}

/** The portal link carried by the QR code: the login is pre-filled, never the password. */
export function portalLoginUrl(portalUrl: string, login: string): string {
  const url = new URL(portalUrl);
  url.searchParams.set("login", login);
  return url.toString();
}

const boxed = (text: string, bold = false) =>
  new Paragraph({
    spacing: { before: 120, after: 120 },
    border: {
      top: { style: BorderStyle.SINGLE, size: 8, color: "1F4E79" },
      bottom: { style: BorderStyle.SINGLE, size: 8, color: "1F4E79" },
      left: { style: BorderStyle.SINGLE, size: 8, color: "1F4E79" },
      right: { style: BorderStyle.SINGLE, size: 8, color: "1F4E79" },
    },
    children: [new TextRun({ text, bold })],
  });

/** "Jean Test": the person's name as the seed's letter writes it. */
function prenomNom(u: PortalLetter["usager"]): string {
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return `${cap(u.prenom)} ${cap(u.nom)}`;
}

/** One letter (the seed's "Accès à votre espace domicilié"): French page, then the English panel. */
async function letterSection(l: PortalLetter): Promise<ISectionOptions> {
  const qr = await qrPng(portalLoginUrl(l.portalUrl, l.login));
  const s = l.structure;
  const adresse = [s.adresse, s.complementAdresse].filter(Boolean).join(", ");
  const children = [
    line("Mon Ancrage", { bold: true, size: 32, align: "center", spaceAfter: 200 }),
    line(s.nom, { bold: true }),
    line(adresse),
    line(`${s.codePostal}, ${s.ville}`),
    line(prenomNom(l.usager), { align: "right", bold: true }),
    line(l.usager.customRef, { align: "right" }),
    blank(),
    line(`Le ${formatDateLongFr(l.date)},`, { spaceAfter: 160 }),
    line("Objet : Accès à votre espace domicilié", { bold: true, spaceAfter: 120 }),
    line("Voici les informations d'accès à votre espace domicilié.", { spaceAfter: 120 }),
    line(`Lien du site : ${l.portalUrl}`),
    line("ou scannez le QR code avec votre téléphone"),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: "png",
          data: qr,
          transformation: { width: 130, height: 130 },
          altText: { name: "QR code", title: "QR code", description: portalLoginUrl(l.portalUrl, l.login) },
        }),
      ],
    }),
    new Paragraph({ children: [new TextRun("Identifiant : "), new TextRun({ text: l.login, bold: true, size: 28 })] }),
    new Paragraph({
      spacing: { after: 120 },
      children: [new TextRun("Mot de passe temporaire : "), new TextRun({ text: l.temporaryPassword, bold: true, size: 28 })],
    }),
    line("NOTES : vous devrez choisir un nouveau mot de passe lors de votre première connexion.", { spaceAfter: 200 }),
    line("SIGNATURE", { bold: true, spaceAfter: 360 }),
    line("ALLER SUR SON ESPACE USAGER SUR INTERNET", { bold: true }),
    line(l.portalUrl),
    line("Depuis n'importe quel navigateur de téléphone, tablette ou ordinateur", { spaceAfter: 80 }),
    line("1. Entrez votre identifiant"),
    line("2. Entrez votre mot de passe"),
    line("3. Cliquez sur « Connexion »"),
    line(">>> Vous verrez alors si vous avez du courrier en attente."),
    boxed(
      "Même si vous n'avez pas de courrier, vous devez obligatoirement vous présenter au minimum une fois tous les trois mois au service de la Domiciliation.",
      true,
    ),
    new Paragraph({ children: [new PageBreak()] }),
    line("GO ON YOUR INTERNET USER SPACE", { bold: true }),
    line(l.portalUrl),
    line("From any phone, tablet or computer browser", { spaceAfter: 80 }),
    line("1. Enter your login"),
    line("2. Enter your password"),
    line("3. Click on « Connexion » to log in"),
    line(">>> You will see if you have waiting mail."),
    boxed(
      "Even if you do not have mail, you must necessarily come at least once every three months to the Domiciliation department.",
      true,
    ),
  ];
  return {
    properties: { page: { margin: { top: 850, bottom: 850, left: 1000, right: 1000 } } },
    children,
  };
}

/** One .docx holding one letter per person (each starting on a new page). */
export async function portalLettersDocx(letters: PortalLetter[]): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new Document({
    creator: "Ancrage",
    title: "Accès à votre espace domicilié",
    styles: { default: { document: { run: { font: "Arial", size: 21 } } } },
    sections: await Promise.all(letters.map(letterSection)),
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
