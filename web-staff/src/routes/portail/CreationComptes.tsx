import { createSignal, For, onCleanup, Show } from "solid-js";
import { api, apiFailure } from "../../api";
import { ErrorMessage, StatusMessage } from "../../components/Alerts";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { startDownload } from "../../components/download";
import { plural } from "../../components/usager/format";

interface Lot {
  key: string;
  created: number;
}

/**
 * "Créer les comptes de tous les domiciliés actifs": the server creates them by lots of 100, each
 * with one .docx of letters (one per page); the page calls it again until none remain, downloads
 * every lot at once and keeps a link to each (a browser may hold back a second automatic download).
 */
export function BulkCreation(props: { portalEnabled: boolean; showSettings: () => void; onProgress: () => void }) {
  const [confirming, setConfirming] = createSignal(false);
  const [running, setRunning] = createSignal(false);
  const [stopAsked, setStopAsked] = createSignal(false);
  const [created, setCreated] = createSignal(0);
  const [remaining, setRemaining] = createSignal<number | null>(null);
  const [lots, setLots] = createSignal<Lot[]>([]);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);

  // Leaving the page would stop the creation between two lots: the browser asks first.
  const warnOnLeave = (event: BeforeUnloadEvent) => {
    if (running()) event.preventDefault();
  };
  addEventListener("beforeunload", warnOnLeave);
  onCleanup(() => removeEventListener("beforeunload", warnOnLeave));

  const lotUrl = (key: string) => `/fichiers/portail/lot?cle=${encodeURIComponent(key)}`;
  const progressText = () => {
    const left = remaining();
    return `${plural(created(), "compte créé", "comptes créés")}, ${plural(left ?? 0, "restant", "restants")}`;
  };

  const run = async () => {
    setConfirming(false);
    setRunning(true);
    setStopAsked(false);
    setError(null);
    setDone(null);
    setCreated(0);
    setRemaining(null);
    setLots([]);
    try {
      for (;;) {
        const result = await api.portail.bulkCreate.mutate();
        setCreated((n) => n + result.created);
        setRemaining(result.remaining);
        if (result.documentKey) {
          const key = result.documentKey;
          setLots((l) => [...l, { key, created: result.created }]);
          startDownload(lotUrl(key));
        }
        props.onProgress();
        if (result.remaining <= 0 || result.created === 0) break;
        if (stopAsked()) {
          setDone(
            `Création interrompue : ${progressText()}. Les documents des comptes déjà créés sont téléchargés ; relancez la création pour les domiciliés restants.`,
          );
          return;
        }
      }
      setDone(
        created() === 0
          ? "Tous les domiciliés actifs ont déjà un compte du portail : aucun compte créé."
          : `Création terminée : ${plural(created(), "compte créé", "comptes créés")}. Les documents Word ont été téléchargés : imprimez chaque lettre et remettez-la à son domicilié.`,
      );
    } catch (caught) {
      setError(
        `${apiFailure(caught).message} ${created() > 0 ? `Déjà fait : ${progressText()}. ` : ""}Vous pouvez relancer la création : elle reprend avec les domiciliés restants.`,
      );
    } finally {
      setRunning(false);
      queueMicrotask(() => document.getElementById("creation-comptes-resultat")?.focus());
    }
  };

  return (
    <section class="section" aria-labelledby="titre-creation-comptes">
      <h2 id="titre-creation-comptes">Créer les comptes de tous les domiciliés actifs</h2>
      <p class="section__intro">
        Un compte du portail est créé pour chaque domicilié actif qui n'en a pas encore, avec un identifiant et un mot de passe temporaire.
        Les lettres d'accès sont téléchargées en documents Word (une lettre par page, par lots de 100) : imprimez-les et remettez chacune à
        son domicilié.
      </p>
      <Show
        when={props.portalEnabled}
        fallback={
          <p class="notice">
            Le portail usager est désactivé pour votre structure : activez-le d'abord dans l'onglet{" "}
            <Button variant="link" onClick={props.showSettings}>
              Paramètres du portail
            </Button>
            .
          </p>
        }
      >
        <div class="form__actions">
          <Button busy={running()} busyLabel="Création en cours…" onClick={() => setConfirming(true)}>
            Créer les comptes de tous les domiciliés actifs
          </Button>
          <Show when={running()}>
            <Button variant="secondary" aria-disabled={stopAsked() ? "true" : undefined} onClick={() => setStopAsked(true)}>
              {stopAsked() ? "Arrêt après ce lot…" : "Interrompre après ce lot"}
            </Button>
          </Show>
        </div>
      </Show>

      <Show when={running() || lots().length > 0}>
        <div class="bulk-progress" role="status">
          {/* Indeterminate until the first answer tells how many remain. */}
          <Show when={remaining() !== null} fallback={<progress aria-label="Création des comptes du portail" />}>
            <progress aria-label="Création des comptes du portail" max={Math.max(1, created() + (remaining() ?? 0))} value={created()} />
          </Show>
          <p>{remaining() === null ? "Création des premiers comptes…" : progressText()}</p>
        </div>
      </Show>
      <div id="creation-comptes-resultat" tabindex="-1">
        <ErrorMessage message={error()} />
        <StatusMessage message={done()} />
      </div>
      <Show when={lots().length > 0}>
        <h3 class="bulk-progress__title">Documents à imprimer</h3>
        <ul class="bulk-progress__lots">
          <For each={lots()}>
            {(lot, index) => (
              <li>
                <a href={lotUrl(lot.key)} download="">
                  Télécharger à nouveau le lot {index() + 1}
                </a>{" "}
                ({plural(lot.created, "lettre", "lettres")})
              </li>
            )}
          </For>
        </ul>
      </Show>

      <ConfirmDialog
        open={confirming()}
        title="Créer les comptes de tous les domiciliés actifs ?"
        confirmLabel="Créer les comptes"
        onCancel={() => setConfirming(false)}
        onConfirm={() => void run()}
      >
        <p>Cette opération peut prendre plusieurs minutes : gardez cette page ouverte jusqu'à la fin.</p>
        <p>
          Chaque domicilié actif sans compte reçoit un identifiant et un mot de passe temporaire. Les documents Word sont téléchargés au fur
          et à mesure : ils contiennent les mots de passe, gardez-les en lieu sûr jusqu'à leur remise.
        </p>
      </ConfirmDialog>
    </section>
  );
}
