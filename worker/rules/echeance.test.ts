import { describe, expect, it } from "vitest";
import { addMonths, calendarDateIn, daysBetween, isCalendarDate } from "./dates";
import { defaultDateFin, echeanceOf, echeanceState, isEcheanceDepassee } from "./echeance";

describe("calendar dates", () => {
  it("takes the day in the structure's timezone, not UTC", () => {
    const lateUtc = new Date("2026-03-31T22:30:00Z");
    expect(calendarDateIn("Europe/Paris", lateUtc)).toBe("2026-04-01");
    expect(calendarDateIn("America/Cayenne", lateUtc)).toBe("2026-03-31");
    expect(calendarDateIn("Indian/Reunion", new Date("2026-12-31T20:30:00Z"))).toBe("2027-01-01");
  });
  it("counts days across daylight-saving changes", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
  });
  it("validates real dates only", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2025-02-29")).toBe(false);
    expect(isCalendarDate("2025-13-01")).toBe(false);
  });
  it("clamps month arithmetic to the month's last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
  });
});

describe("default period", () => {
  it("is start + 1 year − 1 day", () => {
    expect(defaultDateFin("2026-11-26")).toBe("2027-11-25");
    expect(defaultDateFin("2026-01-01")).toBe("2026-12-31");
    expect(defaultDateFin("2027-03-01")).toBe("2028-02-29");
    expect(defaultDateFin("2024-02-29")).toBe("2025-02-28");
    expect(defaultDateFin("2028-02-28")).toBe("2029-02-27");
  });
});

describe("échéance", () => {
  it("is inclusive: the end day is still covered, overdue from the day after", () => {
    expect(isEcheanceDepassee("2026-11-26", "2026-11-26")).toBe(false);
    expect(isEcheanceDepassee("2026-11-26", "2026-11-27")).toBe(true);
    expect(echeanceState("2026-11-26", "2026-11-26")).toEqual({ days: 0, level: "danger" });
    expect(echeanceState("2026-11-26", "2026-11-27")).toEqual({ days: -1, level: "depassee" });
  });
  it("is red under 16 days and amber under 61", () => {
    expect(echeanceState("2026-12-11", "2026-11-26")).toEqual({ days: 15, level: "danger" });
    expect(echeanceState("2026-12-12", "2026-11-26")).toEqual({ days: 16, level: "warning" });
    expect(echeanceState("2027-01-25", "2026-11-26")).toEqual({ days: 60, level: "warning" });
    expect(echeanceState("2027-01-26", "2026-11-26")).toEqual({ days: 61, level: "ok" });
  });
  it("follows the decision: VALIDE end, refusal/radiation date, renewal keeps the previous end", () => {
    const valide = { statut: "VALIDE" as const, dateDebut: "2026-01-10", dateFin: "2027-01-09" };
    expect(echeanceOf("PREMIERE_DOM", [valide])).toEqual({ date: "2027-01-09", active: true });
    expect(echeanceOf("PREMIERE_DOM", [{ statut: "RADIE", dateDebut: "2026-05-01", dateFin: "2026-05-01" }, valide])).toEqual({
      date: "2026-05-01",
      active: false,
    });
    expect(echeanceOf("RENOUVELLEMENT", [{ statut: "INSTRUCTION", dateDebut: null, dateFin: null }, valide])).toEqual({
      date: "2027-01-09",
      active: true,
    });
    expect(echeanceOf("PREMIERE_DOM", [{ statut: "INSTRUCTION", dateDebut: null, dateFin: null }])).toEqual({ date: null, active: false });
  });
});

describe("start of a day in a timezone", () => {
  it("is local midnight, summer and winter", async () => {
    const { startOfDayInstant } = await import("./dates");
    expect(startOfDayInstant("2026-07-14", "Europe/Paris").toISOString()).toBe("2026-07-13T22:00:00.000Z");
    expect(startOfDayInstant("2026-12-25", "Europe/Paris").toISOString()).toBe("2026-12-24T23:00:00.000Z");
    expect(startOfDayInstant("2026-03-29", "Europe/Paris").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDayInstant("2026-05-01", "Indian/Reunion").toISOString()).toBe("2026-04-30T20:00:00.000Z");
  });
});
