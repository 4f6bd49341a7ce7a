import type { Database } from "better-sqlite3";

export interface CounterRow {
  id: number;
  nb_courrier: number;
  nb_colis: number;
  nb_avis: number;
  /** Recounted pending courriers, colis and avis de passage. */
  c: number;
  p: number;
  a: number;
}
export function countersWithRecount(db: Database, structureId: number): CounterRow[];
export function counterMismatches(rows: CounterRow[]): CounterRow[];
