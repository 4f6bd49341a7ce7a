import { type Accessor, createContext, useContext } from "solid-js";
import { isStaleWrite, type Outputs } from "../../api";
import type { Colleague } from "./colleagues";

export type Fiche = Outputs["usagers"]["get"];
export type FicheTab = "vue" | "courriers" | "dossier" | "documents" | "historique";

export interface FicheState {
  fiche: Accessor<Fiche>;
  /** Reads the file again (after a change, or when a colleague changed it meanwhile). */
  reload(): Promise<void>;
  /**
   * Runs a write that carries the fiche's version. On success the fiche is reloaded; when the
   * file changed meanwhile (409) it is reloaded too, and the French message goes to the caller.
   */
  run<T>(write: (version: number) => Promise<T>): Promise<T>;
  showTab(tab: FicheTab): void;
  /** Incremented by every write of the fiche, so tabs showing derived lists (historique) refresh. */
  changes: Accessor<number>;
  /** Active colleagues (référent, rendez-vous), read once per fiche. */
  colleagues: Accessor<Colleague[]>;
}

export const FicheContext = createContext<FicheState>();

export function useFiche(): FicheState {
  const ctx = useContext(FicheContext);
  if (!ctx) throw new Error("useFiche() outside of a fiche");
  return ctx;
}

export function createRun(fiche: Accessor<Fiche>, reload: () => Promise<void>, bump: () => void) {
  return async <T>(write: (version: number) => Promise<T>): Promise<T> => {
    try {
      const result = await write(fiche().usager.version);
      bump();
      await reload();
      return result;
    } catch (error) {
      if (isStaleWrite(error)) await reload();
      throw error;
    }
  };
}
