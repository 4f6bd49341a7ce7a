import { createResource } from "solid-js";
import { api, type Outputs } from "../../api";

export type Colleague = Outputs["equipe"]["colleagues"][number];

/** Active colleagues of the structure (id and name only), to pick a référent or a rendez-vous. */
export function createColleagues() {
  const [colleagues] = createResource(() => api.equipe.colleagues.query().catch(() => [] as Colleague[]));
  return () => colleagues.latest ?? [];
}

export function colleagueName(c: { prenom: string; nom: string }): string {
  return `${c.prenom} ${c.nom}`;
}
