import { describe, expect, it } from "vitest";
import { departementFromCodePostal, isValidCodePostal, isValidSiret, timeZoneFromDepartement } from "./structure";

describe("SIRET", () => {
  it("accepts a SIRET whose Luhn key is right", () => {
    expect(isValidSiret("73282932000074")).toBe(true);
  });
  it("refuses a wrong key, wrong length or letters", () => {
    expect(isValidSiret("73282932000075")).toBe(false);
    expect(isValidSiret("7328293200007")).toBe(false);
    expect(isValidSiret("7328293200007A")).toBe(false);
  });
  it("follows La Poste's own rule for its establishments", () => {
    expect(isValidSiret("35600000000010")).toBe(true);
    expect(isValidSiret("35600000000049")).toBe(false);
  });
});

describe("postcodes", () => {
  it("derives département and timezone, overseas included", () => {
    expect(isValidCodePostal("75013")).toBe(true);
    expect(isValidCodePostal("00100")).toBe(false);
    expect(departementFromCodePostal("20090")).toBe("2A");
    expect(departementFromCodePostal("20200")).toBe("2B");
    expect(departementFromCodePostal("97400")).toBe("974");
    expect(timeZoneFromDepartement("974")).toBe("Indian/Reunion");
    expect(timeZoneFromDepartement("59")).toBe("Europe/Paris");
  });
});
