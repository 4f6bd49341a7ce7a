import { createResource, createSignal, Show } from "solid-js";
import { waitingMailTotal } from "../../../../worker/rules/courrier";
import { formatDateFr } from "../../../../worker/rules/dates";
import { api, apiFailure } from "../../api";
import { StatusMessage } from "../Alerts";
import { Button } from "../Button";
import "../courrier/courrier.css";
import { DeleteLastDialog } from "../courrier/DeleteLastDialog";
import { DistributionDialog } from "../courrier/DistributionDialog";
import { NpaiToggle } from "../courrier/Npai";
import { PresenceDialog, type PresenceType } from "../courrier/PresenceDialog";
import { ProcurationsSection } from "../courrier/Procurations";
import { ReceptionDialog } from "../courrier/ReceptionDialog";
import { TransfertSection } from "../courrier/Transfert";
import type { Fiche } from "./fiche";

const RESULT_ID = "courrier-resultat";
type Dialog = "reception" | "distribution" | "supprimer" | null;

/**
 * The mail actions of the fiche's Courriers tab: reception, distribution, appel,
 * visite, deletion of the last operation, NPAI for a radié, then procurations and transfer.
 * Interaction writes call `onChanged()` (the tab reloads the fiche and its history); versioned
 * writes (procurations, transfert, NPAI) go through the fiche's `run`, which does the same.
 */
export function CourrierActions(props: { fiche: Fiche; onChanged: () => void }) {
  const u = () => props.fiche.usager;
  const [dialog, setDialog] = createSignal<Dialog>(null);
  const [presence, setPresence] = createSignal<PresenceType | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [procurations, { refetch }] = createResource(
    () => u().id,
    (usagerId) => api.courrier.procurations.query({ usagerId }),
  );
  const waiting = () => waitingMailTotal(u());
  const resultFocus = () => document.getElementById(RESULT_ID);

  const open = (kind: Exclude<Dialog, null>) => {
    setNotice(null);
    setDialog(kind);
  };
  const done = (message: string) => {
    setNotice(message);
    props.onChanged();
  };

  return (
    <>
      <section class="section" aria-labelledby="titre-actions-courrier">
        <h2 id="titre-actions-courrier">Courrier et passages</h2>
        <Show when={u().npaiDepuis}>
          {(since) => (
            <div class="alert alert--warning">
              <p class="alert__title">N'habite plus à l'adresse indiquée, pli non distribuable</p>
              <p class="alert__text">
                « Ne plus accepter le courrier » est activé depuis le {formatDateFr(since())} : le nouveau courrier est refusé.
              </p>
            </div>
          )}
        </Show>
        <StatusMessage message={notice()} id={RESULT_ID} />
        <div class="courrier-actions">
          <Button onClick={() => open("reception")}>Nouveaux courriers</Button>
          <Show when={waiting() > 0}>
            <Button variant="secondary" onClick={() => open("distribution")}>
              Distribuer les courriers
            </Button>
          </Show>
          <Button
            variant="secondary"
            onClick={() => {
              setNotice(null);
              setPresence("appel");
            }}
          >
            Appel
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              setNotice(null);
              setPresence("visite");
            }}
          >
            Visite
          </Button>
          <Button variant="link" class="courrier-actions__undo" onClick={() => open("supprimer")}>
            Supprimer la dernière opération
          </Button>
        </div>
        <Show when={u().statut === "RADIE" || u().npaiDepuis}>
          <NpaiToggle onDone={setNotice} />
        </Show>
      </section>

      <div class="courrier-options">
        <ProcurationsSection
          procurations={procurations.error ? undefined : procurations.latest}
          loadError={procurations.error ? apiFailure(procurations.error).message : null}
          onChanged={async () => void (await refetch())}
        />
        <TransfertSection />
      </div>

      <ReceptionDialog
        open={dialog() === "reception"}
        usager={u()}
        onClose={() => setDialog(null)}
        onDone={done}
        focusAfterClose={resultFocus}
      />
      <DistributionDialog
        open={dialog() === "distribution"}
        fiche={props.fiche}
        onClose={() => setDialog(null)}
        onDone={done}
        focusAfterClose={resultFocus}
      />
      <DeleteLastDialog
        open={dialog() === "supprimer"}
        usagerId={u().id}
        onClose={() => setDialog(null)}
        onDone={done}
        focusAfterClose={() => (notice() ? resultFocus() : null)}
      />
      <PresenceDialog type={presence()} usagerId={u().id} onClose={() => setPresence(null)} onDone={done} focusAfterClose={resultFocus} />
    </>
  );
}
