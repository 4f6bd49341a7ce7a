import { describe, expect, it } from "vitest";
import { optionalPlainText, plainText } from "./validation";

describe("plainText", () => {
  const note = plainText("Note", 20);

  it("drops markup and keeps the words, trimmed", () => {
    expect(note.parse("  <b>Passe</b> le mardi <script>x</script> ")).toBe("Passe le mardi x");
  });
  it("calls a text made only of markup missing", () => {
    const result = note.safeParse("<b></b> ");
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe("Note : ce champ est obligatoire.");
  });
  it("counts the length without the markup", () => {
    expect(note.parse("<i>12345678901234567890</i>")).toBe("12345678901234567890");
    expect(note.safeParse("123456789012345678901").error!.issues[0]!.message).toBe("Note : 20 caractères au maximum.");
  });
  it("drops control characters too", () => {
    expect(note.parse("a\u0000b")).toBe("ab");
  });
});

describe("optionalPlainText", () => {
  const comment = optionalPlainText("Commentaire", 20);

  it("is null when nothing but markup was typed, or nothing at all", () => {
    expect(comment.parse("<br>")).toBeNull();
    expect(comment.parse("")).toBeNull();
    expect(comment.parse(undefined)).toBeNull();
  });
  it("keeps the text around the tags", () => {
    expect(comment.parse("Colis <u>abîmé</u>")).toBe("Colis abîmé");
  });
});
