import { describe, expect, it } from "vitest";
import { documentPermission, sniffDocument, uploadProblem } from "./documents";
import { lettersFor } from "./letters";

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);

describe("uploads", () => {
  it("accepts a PDF, JPG or PNG name up to 10 Mo", () => {
    expect(uploadProblem({ name: "piece.PDF", size: 1000 })).toBeNull();
    expect(uploadProblem({ name: "photo.jpeg", size: 10 * 1024 * 1024 })).toBeNull();
  });
  it("names the problem: another type, over 10 Mo, empty", () => {
    expect(uploadProblem({ name: "lettre.docx", size: 1000 })).toBe("Fichier : seuls les documents PDF, JPG et PNG sont acceptés.");
    expect(uploadProblem({ name: "scan.png", size: 10 * 1024 * 1024 + 1 })).toBe("Fichier : 10 Mo au maximum.");
    expect(uploadProblem({ name: "scan.png", size: 0 })).toBe("Fichier : le fichier est vide.");
  });
  it("recognises the content, and refuses a name that says otherwise", () => {
    expect(sniffDocument(PDF, "a.pdf")).toBe("application/pdf");
    expect(sniffDocument(PNG, "a.png")).toBe("image/png");
    expect(sniffDocument(PNG, "a.pdf")).toBeNull();
    expect(sniffDocument(new Uint8Array([0x3c, 0x68, 0x74, 0x6d, 0x6c]), "a.pdf")).toBeNull();
  });
  it("uploaded pièces are opened by instructeurs and up, letters by everyone who prints them", () => {
    expect(documentPermission("upload")).toBe("document.manage");
    expect(documentPermission("attestation")).toBe("usager.letters");
    expect(documentPermission("radiation")).toBe("usager.letters");
  });
});

describe("letters", () => {
  it("an active file has its attestation postale, a radiated one its radiation letter, the others none", () => {
    expect(lettersFor("VALIDE")).toEqual(["attestation"]);
    expect(lettersFor("RADIE")).toEqual(["radiation"]);
    expect(lettersFor("INSTRUCTION")).toEqual([]);
    expect(lettersFor("ATTENTE_DECISION")).toEqual([]);
    expect(lettersFor("REFUS")).toEqual([]);
  });
});
