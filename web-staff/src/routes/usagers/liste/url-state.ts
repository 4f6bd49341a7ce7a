import { useSearchParams } from "@solidjs/router";
import type { inferRouterInputs } from "@trpc/server";
import { createMemo } from "solid-js";
import type { AppRouter } from "../../../../../worker/router";
import { ECHEANCE_FILTERS, type EcheanceFilter } from "../../../../../worker/rules/echeance";
import { SEARCH_MIN_LENGTH } from "../../../../../worker/rules/search";
import { ENTRETIEN_FILTERS, USAGER_TABS, type UsagerTab } from "../../../../../worker/rules/usager";

/** The list query with every default filled in. */
export type ListInput = Required<inferRouterInputs<AppRouter>["usagers"]["list"]>;

export const SORTS = { ref: "ID", nom: "Nom", echeance: "Échéance", passage: "Dernier passage" } as const;
export type Sort = keyof typeof SORTS;
export const PASSAGES = { PLUS_2_MOIS: "Plus de 2 mois", PLUS_3_MOIS: "Plus de 3 mois" } as const;
export const ECHEANCES = Object.fromEntries(Object.entries(ECHEANCE_FILTERS).map(([key, f]) => [key, f.label])) as Record<
  EcheanceFilter,
  string
>;
export const RADIE_DEPUIS = { PLUS_1_AN: "Plus d'un an", PLUS_2_ANS: "Plus de 2 ans" } as const;
/** The rendez-vous of the entretien only matters while the request is in instruction. */
export const withEntretien = (tab: UsagerTab) => tab === "TOUS" || tab === "INSTRUCTION";

const pick = <T extends string>(value: string | undefined, allowed: Record<T, unknown>): T | undefined =>
  value !== undefined && Object.hasOwn(allowed, value) ? (value as T) : undefined;

export type Params = Partial<
  Record<"onglet" | "q" | "passage" | "echeance" | "radie" | "entretien" | "courrier" | "referent" | "tri" | "ordre" | "page", string>
>;

/** What the search box searches for: nothing under 2 characters (the list then shows everyone). */
export function effectiveQuery(value: string): string {
  const q = value.trim();
  return q.length >= SEARCH_MIN_LENGTH ? q : "";
}

/** The list's whole state lives in the query string: reload, back and shared links show the same page. */
function inputOf(p: Params): ListInput {
  const tab = pick(p.onglet, USAGER_TABS) ?? "TOUS";
  const page = Number(p.page);
  const referent = p.referent === "AUCUN" ? "AUCUN" : Number(p.referent) > 0 ? Number(p.referent) : null;
  return {
    tab,
    q: effectiveQuery(p.q ?? ""),
    passage: pick(p.passage, PASSAGES) ?? null,
    echeance: pick(p.echeance, ECHEANCES) ?? null,
    radieDepuis: tab === "RADIES" ? (pick(p.radie, RADIE_DEPUIS) ?? null) : null,
    entretien: withEntretien(tab) ? (pick(p.entretien, ENTRETIEN_FILTERS) ?? null) : null,
    courrier: p.courrier === "1" ? true : null,
    referentId: referent,
    sort: pick(p.tri, SORTS) ?? "nom",
    order: p.ordre === "desc" ? "desc" : "asc",
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function hasFilters(i: ListInput): boolean {
  return Boolean(i.q || i.passage || i.echeance || i.radieDepuis || i.entretien || i.courrier || i.referentId);
}

/** The list's state read from the URL, and the ways to change it. */
export function createListUrl() {
  const [params, setParams] = useSearchParams<Params>();
  const input = createMemo(() => inputOf(params), undefined, { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  return {
    params,
    input,
    /** Changing a filter goes back to page 1; typing in the search box does not stack history entries. */
    update: (change: Params, replace = false) => setParams({ ...change, page: undefined }, { replace }),
    setPage: (page: number) => setParams({ page: page > 1 ? String(page) : undefined }),
    clearFilters: () =>
      setParams({
        q: undefined,
        passage: undefined,
        echeance: undefined,
        radie: undefined,
        entretien: undefined,
        courrier: undefined,
        referent: undefined,
        page: undefined,
      }),
  };
}

export type ListUrl = ReturnType<typeof createListUrl>;
