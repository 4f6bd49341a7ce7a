import type { Fiche } from "./fiche";

/**
 * SLOT for the mail actions of the next issue (reception, distribution, appel, visite, procurations,
 * transfert, NPAI, "Accès au portail usager"). It renders nothing yet — no button that does nothing.
 *
 * The Courriers tab already places it above the pending counts. When the actions exist, render
 * them here inside `<section class="section" aria-labelledby="titre-actions-courrier">` with an
 * `<h2 id="titre-actions-courrier">`, and call `onChanged()` after each write so the tab's counts and
 * history reload (it reloads the fiche and the interaction history).
 */
export function CourrierActions(_props: { fiche: Fiche; onChanged: () => void }) {
  return null;
}
