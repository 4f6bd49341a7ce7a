import type { inferRouterInputs } from "@trpc/server";
import type { AppRouter } from "../../../../../worker/router";
import type { Civilite, LienAyantDroit } from "../../../../../worker/rules/usager";
import type { Outputs } from "../../../api";
import { toIsoDate, toIsoDateOrNull, toTypedDate } from "../format";

export type EtatCivilInput = inferRouterInputs<AppRouter>["usagers"]["create"];
type Usager = Outputs["usagers"]["get"]["usager"];
export type Duplicate = Outputs["usagers"]["duplicates"][number];
export type Holder = Outputs["usagers"]["customRefHolders"][number];

export interface AyantDroitValues {
  key: number;
  nom: string;
  prenom: string;
  dateNaissance: string;
  lien: LienAyantDroit | "";
}

/** What the form holds while typing: text as typed, converted on submit. */
export interface EtatCivilValues {
  civilite: Civilite | null;
  nom: string;
  prenom: string;
  surnom: string;
  dateNaissance: string;
  lieuNaissance: string;
  nationalite: string;
  langue: string;
  telephone: string;
  email: string;
  contactByPhone: "oui" | "non";
  numeroDistribution: string;
  referentId: string;
  customRef: string;
  ayantsDroit: AyantDroitValues[];
}

let nextKey = 1;

/** An empty ayant droit, keyed so that its fields keep their state while the list changes. */
export function newAyantDroit(): AyantDroitValues {
  return { key: nextKey++, nom: "", prenom: "", dateNaissance: "", lien: "" };
}

export const EMPTY_ETAT_CIVIL: EtatCivilValues = {
  civilite: null,
  nom: "",
  prenom: "",
  surnom: "",
  dateNaissance: "",
  lieuNaissance: "",
  nationalite: "",
  langue: "",
  telephone: "",
  email: "",
  // Consent to SMS is opt-in: "Non" until the person says yes.
  contactByPhone: "non",
  numeroDistribution: "",
  referentId: "",
  customRef: "",
  ayantsDroit: [],
};

export function etatCivilValuesOf(u: Usager): EtatCivilValues {
  return {
    civilite: u.civilite,
    nom: u.nom,
    prenom: u.prenom,
    surnom: u.surnom ?? "",
    dateNaissance: toTypedDate(u.dateNaissance),
    lieuNaissance: u.lieuNaissance,
    nationalite: u.nationalite ?? "",
    langue: u.langue ?? "",
    telephone: u.telephone ?? "",
    email: u.email ?? "",
    contactByPhone: u.contactByPhone ? "oui" : "non",
    numeroDistribution: u.numeroDistribution ?? "",
    referentId: u.referentId ? String(u.referentId) : "",
    customRef: u.customRef,
    ayantsDroit: u.ayantsDroit.map((a) => ({ key: nextKey++, ...a, dateNaissance: toTypedDate(a.dateNaissance) })),
  };
}

export function toInput(v: EtatCivilValues): EtatCivilInput {
  return {
    civilite: (v.civilite ?? undefined) as Civilite,
    nom: v.nom,
    prenom: v.prenom,
    surnom: v.surnom,
    dateNaissance: toIsoDate(v.dateNaissance),
    lieuNaissance: v.lieuNaissance,
    nationalite: v.nationalite,
    langue: v.langue,
    telephone: v.telephone,
    email: v.email,
    contactByPhone: v.contactByPhone === "oui",
    numeroDistribution: v.numeroDistribution,
    referentId: v.referentId ? Number(v.referentId) : null,
    customRef: v.customRef,
    ayantsDroit: v.ayantsDroit.map((a) => ({
      nom: a.nom,
      prenom: a.prenom,
      dateNaissance: toIsoDateOrNull(a.dateNaissance) ?? (undefined as unknown as string),
      lien: (a.lien || undefined) as LienAyantDroit,
    })),
  };
}

/** The fields one sets by name; the ayants droit have their own list. */
export type EditableField = keyof Omit<EtatCivilValues, "ayantsDroit">;
export type SetField = <K extends EditableField>(key: K) => (value: EtatCivilValues[K]) => void;

/** The ID was typed and differs from the saved one: worth checking whether another file holds it. */
export function customRefChanged(values: EtatCivilValues, initial: EtatCivilValues): boolean {
  return values.customRef.trim() !== "" && values.customRef.trim() !== initial.customRef.trim();
}
