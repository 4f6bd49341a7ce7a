import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import {
  STRUCTURE_REFUS_MOTIFS,
  STRUCTURE_STATUT_LABELS,
  STRUCTURE_TYPE_LABELS,
  type StructureStatut,
} from "../../../worker/rules/structure";
import { api, apiFailure, isUnauthenticated, type Outputs } from "../api";
import { ErrorMessage, Loading, StatusMessage } from "../components/Alerts";
import { Button } from "../components/Button";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { formatShortDateTime, isoOf } from "../components/dates";
import { Email } from "../components/Email";
import { PublicLayout } from "../components/PublicLayout";
import { SignInForm } from "../components/SignInForm";
import { usePageTitle } from "../components/title";

type PlatformStructure = Outputs["plateforme"]["structures"][number];
type Motif = (typeof STRUCTURE_REFUS_MOTIFS)[number];

const STATUTS = Object.keys(STRUCTURE_STATUT_LABELS) as StructureStatut[];
const RESULT_ID = "plateforme-resultat";

/** The platform operators' page: structures waiting for validation, and the decisions taken. */
export function Plateforme() {
  usePageTitle(() => "Espace plateforme");
  const [me, { refetch, mutate }] = createResource(() => api.plateforme.me.query());

  const signedOut = () => me.error && isUnauthenticated(me.error);

  return (
    <PublicLayout wide subtitle="Espace plateforme" brandHref="/plateforme">
      <Switch>
        <Match when={signedOut()}>
          <div class="card card--narrow">
            <h1>Espace plateforme</h1>
            <p class="muted">Réservé à l'équipe Ancrage, qui valide les inscriptions des structures.</p>
            <SignInForm
              idPrefix="plateforme"
              onSignIn={async (credentials) => {
                await api.plateforme.signIn.mutate(credentials);
                await refetch();
              }}
            />
          </div>
        </Match>
        <Match when={me.error}>
          <ErrorMessage message={apiFailure(me.error).message} />
          <Button variant="secondary" onClick={() => refetch()}>
            Réessayer
          </Button>
        </Match>
        <Match when={me.latest}>
          {(operator) => (
            <PlatformHome
              operator={operator()}
              onSignedOut={() => {
                mutate(undefined);
                void refetch();
              }}
            />
          )}
        </Match>
        <Match when={me.loading}>
          <Loading />
        </Match>
      </Switch>
    </PublicLayout>
  );
}

function PlatformHome(props: { operator: Outputs["plateforme"]["me"]; onSignedOut: () => void }) {
  const [statut, setStatut] = createSignal<StructureStatut>("EN_ATTENTE");
  // Each answer carries its tab: after a decision the table stays in place while it refreshes,
  // but another tab's rows are never shown under the wrong heading.
  const [list, { refetch }] = createResource(statut, async (s) => ({
    statut: s,
    rows: await api.plateforme.structures.query({ statut: s }),
  }));
  const rows = () => (list.latest?.statut === statut() ? list.latest.rows : undefined);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [pending, setPending] = createSignal<{ kind: "validate" | "refuse"; structure: PlatformStructure } | null>(null);
  const [motif, setMotif] = createSignal<Motif | "">("");
  const [busy, setBusy] = createSignal(false);
  const [dialogError, setDialogError] = createSignal<string | null>(null);
  const [signingOut, setSigningOut] = createSignal(false);
  const tabs: HTMLButtonElement[] = [];
  let succeeded = false;

  const signOut = async () => {
    setSigningOut(true);
    try {
      await api.plateforme.signOut.mutate();
    } catch {
      // An expired session is as good as a closed one.
    }
    setSigningOut(false);
    props.onSignedOut();
  };

  // Tabs as in the WAI-ARIA pattern: arrows move between them, Tab goes into the panel.
  const onTabKey = (event: KeyboardEvent, index: number) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: STATUTS.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = (target + STATUTS.length) % STATUTS.length;
    setStatut(STATUTS[next]!);
    tabs[next]?.focus();
  };

  const open = (kind: "validate" | "refuse", structure: PlatformStructure) => {
    succeeded = false;
    setDialogError(null);
    setMotif("");
    setPending({ kind, structure });
  };

  const confirm = async () => {
    const action = pending();
    if (!action) return;
    if (action.kind === "refuse" && motif() === "") {
      setDialogError("Motif : choisissez une valeur de la liste.");
      return;
    }
    setBusy(true);
    setDialogError(null);
    try {
      if (action.kind === "validate") {
        await api.plateforme.validate.mutate({ id: action.structure.id });
        setNotice(`La structure ${action.structure.nom} est validée : ses membres peuvent se connecter.`);
      } else {
        await api.plateforme.refuse.mutate({ id: action.structure.id, motif: motif() as Motif });
        setNotice(`La structure ${action.structure.nom} est refusée (${motif()}).`);
      }
      succeeded = true;
      setPending(null);
      void refetch();
    } catch (caught) {
      setDialogError(apiFailure(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div class="page-heading">
        <h1>Espace plateforme</h1>
        <div class="page-heading__aside">
          <span>{props.operator.nom}</span>
          <Button variant="secondary" class="button--small" busy={signingOut()} busyLabel="Déconnexion…" onClick={signOut}>
            Se déconnecter
          </Button>
        </div>
      </div>
      <StatusMessage message={notice()} id={RESULT_ID} />

      <div class="tabs" role="tablist" aria-label="Statut des structures">
        <For each={STATUTS}>
          {(s, index) => (
            <button
              ref={(el) => (tabs[index()] = el)}
              type="button"
              role="tab"
              id={`onglet-${s}`}
              class="tabs__tab"
              aria-selected={statut() === s}
              aria-controls="panneau-structures"
              tabindex={statut() === s ? 0 : -1}
              onClick={() => {
                setNotice(null);
                setStatut(s);
              }}
              onKeyDown={(e) => onTabKey(e, index())}
            >
              {STRUCTURE_STATUT_LABELS[s]}
            </button>
          )}
        </For>
      </div>
      <div class="tabs__panel" role="tabpanel" id="panneau-structures" aria-labelledby={`onglet-${statut()}`}>
        <Switch>
          <Match when={list.error}>
            <ErrorMessage message={apiFailure(list.error).message} />
          </Match>
          <Match when={rows()?.length === 0}>
            <p class="empty">Aucune structure dans cette catégorie.</p>
          </Match>
          <Match when={rows()}>
            {(rows) => (
              <section class="table-wrap" tabindex="0" aria-label={`Structures : ${STRUCTURE_STATUT_LABELS[statut()]}`}>
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">Structure</th>
                      <th scope="col">Type</th>
                      <th scope="col">Commune</th>
                      <th scope="col">Contacts</th>
                      <th scope="col">SIRET</th>
                      <th scope="col">Inscrite le</th>
                      <Show when={statut() === "EN_ATTENTE"}>
                        <th scope="col">Décision</th>
                      </Show>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={rows()}>
                      {(s) => (
                        <tr>
                          <th scope="row">{s.nom}</th>
                          <td>{STRUCTURE_TYPE_LABELS[s.type]}</td>
                          <td>
                            {s.codePostal} {s.ville}
                          </td>
                          <td>
                            <Email value={s.email} />
                            <Show when={s.adminEmail !== s.email ? s.adminEmail : null}>
                              {(admin) => (
                                <>
                                  <br />
                                  <span class="muted">
                                    Administrateur : <Email value={admin()} />
                                  </span>
                                </>
                              )}
                            </Show>
                          </td>
                          <td class="nowrap">{s.siret ?? "Pas de SIRET"}</td>
                          <td class="nowrap">
                            <time datetime={isoOf(s.createdAt)}>{formatShortDateTime(s.createdAt)}</time>
                          </td>
                          <Show when={statut() === "EN_ATTENTE"}>
                            <td>
                              <div class="row-actions">
                                <Button class="button--small" onClick={() => open("validate", s)}>
                                  Valider<span class="visually-hidden"> {s.nom}</span>
                                </Button>
                                <Button variant="danger-outline" class="button--small" onClick={() => open("refuse", s)}>
                                  Refuser<span class="visually-hidden"> {s.nom}</span>
                                </Button>
                              </div>
                            </td>
                          </Show>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </section>
            )}
          </Match>
          <Match when={list.loading}>
            <Loading />
          </Match>
        </Switch>
      </div>

      <ConfirmDialog
        open={pending() !== null}
        title={
          pending()?.kind === "refuse"
            ? `Refuser la structure ${pending()?.structure.nom} ?`
            : `Valider la structure ${pending()?.structure.nom} ?`
        }
        confirmLabel={pending()?.kind === "refuse" ? "Refuser la structure" : "Valider la structure"}
        busyLabel={pending()?.kind === "refuse" ? "Refus…" : "Validation…"}
        danger={pending()?.kind === "refuse"}
        busy={busy()}
        error={dialogError()}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
        focusAfterClose={() => (succeeded ? document.getElementById(RESULT_ID) : null)}
      >
        <Show when={pending()?.kind === "refuse"} fallback={<p>Ses membres pourront se connecter à Ancrage dès maintenant.</p>}>
          <p>Ses membres ne pourront pas se connecter. Choisissez le motif du refus.</p>
          <div class="field">
            <span class="field-label">
              <label for="dialogue-motif">Motif du refus</label>
              <span class="required-mark" aria-hidden="true">
                {" *"}
              </span>
            </span>
            <select id="dialogue-motif" data-autofocus required value={motif()} onChange={(e) => setMotif(e.currentTarget.value as Motif)}>
              <option value="" selected={motif() === ""}>
                Choisir un motif
              </option>
              <For each={STRUCTURE_REFUS_MOTIFS}>
                {(m) => (
                  <option value={m} selected={motif() === m}>
                    {m}
                  </option>
                )}
              </For>
            </select>
          </div>
        </Show>
      </ConfirmDialog>
    </>
  );
}
