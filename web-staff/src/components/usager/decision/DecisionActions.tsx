import { createSignal, Match, Show, Switch } from "solid-js";
import { canUndo, type DecisionAction, mayDo, UNDO_PERMISSION } from "../../../../../worker/rules/decisions";
import { ETAPES } from "../../../../../worker/rules/usager";
import { api, apiFailure } from "../../../api";
import { useStaff } from "../../../session";
import { ErrorMessage, StatusMessage } from "../../Alerts";
import { Button } from "../../Button";
import { useFiche } from "../fiche";
import { RESULT_ID } from "./dialog";
import { EtapeChooser } from "./EtapeChooser";
import { RefusalDialog } from "./RefusalDialog";
import { RendezVous } from "./RendezVous";
import { UndoDialog } from "./UndoDialog";
import { ValidationDialog } from "./ValidationDialog";

type DialogKind = "valider" | "refuser" | "annuler";

/**
 * What can be done on the request, by statut and role (worker/rules/decisions): rendez-vous,
 * submission, validation, refusal, undo of the last decision. Each act has its own dialog.
 */
export function DecisionActions() {
  const staff = useStaff();
  const ctx = useFiche();
  const u = () => ctx.fiche().usager;
  const may = (action: DecisionAction) => mayDo(staff.me().role, action, u().statut);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [submitting, setSubmitting] = createSignal(false);
  const [dialog, setDialog] = createSignal<DialogKind | null>(null);

  const announce = (message: string) => {
    setError(null);
    setNotice(message);
    queueMicrotask(() => document.getElementById(RESULT_ID)?.focus());
  };

  const submitDemande = async () => {
    setSubmitting(true);
    setNotice(null);
    setError(null);
    try {
      await ctx.run((version) => api.usagers.submit.mutate({ usagerId: u().id, version }));
      announce("Demande soumise : elle est maintenant à valider par un gestionnaire ou un administrateur.");
    } catch (caught) {
      setError(apiFailure(caught).message);
    } finally {
      setSubmitting(false);
    }
  };

  const open = (kind: DialogKind) => {
    setNotice(null);
    setError(null);
    setDialog(kind);
  };

  const decisionButtons = () => (
    <>
      <Show when={may("valider")}>
        <Button onClick={() => open("valider")}>Valider</Button>
      </Show>
      <Show when={may("refuser")}>
        <Button variant="danger-outline" onClick={() => open("refuser")}>
          Refuser
        </Button>
      </Show>
    </>
  );

  const heading = () => (u().statut === "INSTRUCTION" || u().statut === "ATTENTE_DECISION" ? "Demande en cours" : "Décision");

  return (
    <section class="section" aria-labelledby="titre-demande">
      <h2 id="titre-demande">{heading()}</h2>
      <StatusMessage message={notice()} id={RESULT_ID} />
      <ErrorMessage message={error()} />
      <Switch>
        <Match when={u().statut === "INSTRUCTION"}>
          <p>
            Instruction du dossier ({u().typeDom === "RENOUVELLEMENT" ? "renouvellement" : "première demande"}) : étape «{" "}
            {ETAPES[u().etape]} ».
          </p>
          <Show when={may("soumettre")}>
            <RendezVous onDone={announce} />
            <div class="subsection">
              <h3>Entretien et pièces justificatives</h3>
              <p>L'entretien se remplit dans l'onglet « Dossier » ; les pièces justificatives s'ajoutent dans l'onglet « Documents ».</p>
              <div class="row-actions">
                <Button variant="secondary" class="button--small" onClick={() => ctx.showTab("dossier")}>
                  Remplir l'entretien
                </Button>
                <Button variant="secondary" class="button--small" onClick={() => ctx.showTab("documents")}>
                  Ajouter des pièces
                </Button>
              </div>
              <EtapeChooser onDone={announce} />
            </div>
            <div class="subsection">
              <h3>Décision</h3>
              <p class="muted">
                Soumettez la demande quand le dossier est complet
                {may("valider") ? ", ou statuez directement." : " : un gestionnaire ou un administrateur statuera."}
              </p>
              <div class="row-actions">
                <Button variant={may("valider") ? "secondary" : "primary"} busy={submitting()} busyLabel="Envoi…" onClick={submitDemande}>
                  Soumettre la demande
                </Button>
                {decisionButtons()}
              </div>
            </div>
          </Show>
        </Match>
        <Match when={u().statut === "ATTENTE_DECISION"}>
          <p>Demande déposée, en attente de décision.</p>
          <Show when={may("valider")} fallback={<p class="notice">La personne référente dans votre structure est invitée à statuer.</p>}>
            <div class="row-actions">{decisionButtons()}</div>
          </Show>
        </Match>
        <Match when={u().statut === "VALIDE"}>
          <p>Domiciliation acceptée.</p>
        </Match>
        <Match when={u().statut === "REFUS"}>
          <p>Demande refusée. Une nouvelle demande peut être ouverte avec « Demande de renouvellement ».</p>
        </Match>
        <Match when={u().statut === "RADIE"}>
          <p>Domicilié radié. Une nouvelle demande peut être ouverte avec « Demande de renouvellement ».</p>
        </Match>
      </Switch>

      <Show when={staff.can(UNDO_PERMISSION) && canUndo(ctx.fiche().decisions.length)}>
        <div class="subsection subsection--separated">
          <Button variant="link" class="button--small" onClick={() => open("annuler")}>
            Annuler la dernière décision
          </Button>
        </div>
      </Show>

      <ValidationDialog open={dialog() === "valider"} onClose={() => setDialog(null)} onDone={announce} />
      <RefusalDialog open={dialog() === "refuser"} onClose={() => setDialog(null)} onDone={announce} />
      <UndoDialog open={dialog() === "annuler"} onClose={() => setDialog(null)} onDone={announce} />
    </section>
  );
}
