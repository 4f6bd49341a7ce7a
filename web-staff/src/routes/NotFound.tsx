import { A } from "@solidjs/router";
import { PublicLayout } from "../components/PublicLayout";
import { usePageTitle } from "../components/title";

export function NotFound() {
  usePageTitle(() => "Page introuvable");
  return (
    <PublicLayout>
      <div class="card card--narrow">
        <h1>Page introuvable</h1>
        <p>L'adresse demandée ne correspond à aucune page d'Ancrage. Elle a peut-être été mal recopiée.</p>
        <p>
          <A href="/">Retour à l'accueil</A>
        </p>
      </div>
    </PublicLayout>
  );
}
