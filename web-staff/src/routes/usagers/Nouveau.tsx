import { A, useNavigate } from "@solidjs/router";
import { api } from "../../api";
import { RequirePermission } from "../../components/RequirePermission";
import { usePageTitle } from "../../components/title";
import { createColleagues } from "../../components/usager/colleagues";
import { EtatCivilForm } from "../../components/usager/etat-civil/EtatCivilForm";
import { EMPTY_ETAT_CIVIL } from "../../components/usager/etat-civil/values";

/** /usagers/nouveau — a new domicilié: état civil first, the file then opens at the rendez-vous step. */
export function NouvelUsager() {
  usePageTitle(() => "Nouveau domicilié");
  return (
    <RequirePermission permission="usager.instruct" title="Nouveau domicilié">
      <NouvelUsagerContent />
    </RequirePermission>
  );
}

function NouvelUsagerContent() {
  const navigate = useNavigate();
  const colleagues = createColleagues();
  return (
    <>
      <p class="breadcrumb">
        <A href="/usagers">Domiciliés</A>
        <span aria-hidden="true"> › </span>
        <span>Nouveau domicilié</span>
      </p>
      <h1>Nouveau domicilié</h1>
      <p class="lead">
        Saisissez l'état civil de la personne. Le dossier est ensuite instruit depuis sa fiche : rendez-vous, entretien, pièces
        justificatives, décision.
      </p>
      <section class="section">
        <EtatCivilForm
          idPrefix="nouveau"
          initial={EMPTY_ETAT_CIVIL}
          colleagues={colleagues()}
          submitLabel="Créer le dossier"
          busyLabel="Création…"
          onSubmit={async (input) => {
            const created = await api.usagers.create.mutate(input);
            navigate(`/usagers/${created.id}`, { state: { created: true } });
          }}
        />
      </section>
    </>
  );
}
