import { AlignmentType, Document, Packer, Paragraph, type ParagraphChild, TextRun } from "docx";
import { type CalendarDate, formatDateLongFr } from "../rules/dates";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Plain paragraphs of a letter: text is always inserted as text runs, never as markup. */
export function line(text: string, opts: { bold?: boolean; size?: number; align?: "left" | "right" | "center"; spaceAfter?: number } = {}) {
  return new Paragraph({
    alignment: opts.align === "right" ? AlignmentType.RIGHT : opts.align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: opts.spaceAfter ?? 0 },
    children: [new TextRun({ text, bold: opts.bold, size: opts.size })],
  });
}

export function runs(children: ParagraphChild[], spaceAfter = 160) {
  return new Paragraph({ spacing: { after: spaceAfter }, children });
}

export const blank = () => line("");

export interface LetterStructure {
  nom: string;
  adresse: string;
  complementAdresse: string | null;
  codePostal: string;
  ville: string;
}

/** The sender block and the "Le <date>," line that open every letter. */
export function letterHead(s: LetterStructure, recipient: string[], date: CalendarDate): Paragraph[] {
  return [
    line(s.nom, { bold: true }),
    line(s.adresse),
    ...(s.complementAdresse ? [line(s.complementAdresse)] : []),
    line(`${s.codePostal} ${s.ville}`),
    blank(),
    ...recipient.map((r, i) => line(r, { align: "right", bold: i === 0 })),
    blank(),
    line(`Le ${formatDateLongFr(date)},`, { spaceAfter: 240 }),
  ];
}

export async function toDocx(title: string, paragraphs: Paragraph[]): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new Document({
    creator: "Ancrage",
    title,
    styles: { default: { document: { run: { font: "Arial", size: 22 } } } },
    sections: [{ children: paragraphs }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
