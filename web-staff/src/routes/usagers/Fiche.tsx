import { A, useLocation, useParams, useSearchParams } from "@solidjs/router";
import { createMemo, createResource, createSignal, Match, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import { mayDo } from "../../../../worker/rules/decisions";
import { USAGER_STATUT_LABELS } from "../../../../worker/rules/echeance";
import { nomComplet } from "../../../../worker/rules/usager";
import { api, apiFailure, isUnauthenticated } from "../../api";
import { ErrorMessage, Loading, StatusMessage } from "../../components/Alerts";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { formatDateTime } from "../../components/dates";
import { createFormState } from "../../components/form";
import { Icon } from "../../components/Icon";
import { RequirePermission } from "../../components/RequirePermission";
import { TabList, tabId } from "../../components/Tabs";
import { usePageTitle } from "../../components/title";
import { CourriersTab } from "../../components/usager/CourriersTab";
import { createColleagues } from "../../components/usager/colleagues";
import { emptyRadiation, RadiationFields, type RadiationValues } from "../../components/usager/DecisionFields";
import { DocumentsTab } from "../../components/usager/DocumentsTab";
import { DossierTab } from "../../components/usager/DossierTab";
import { createRun, type Fiche, FicheContext, type FicheState, type FicheTab, useFiche } from "../../components/usager/fiche";
import { statutBadgeClass, toIsoDate } from "../../components/usager/format";
import { HistoriqueTab } from "../../components/usager/HistoriqueTab";
import { VueEnsemble } from "../../components/usager/VueEnsemble";
import { useStaff } from "../../session";

const TABS: readonly { value: FicheTab; label: string }[] = [
  { value: "vue", label: "Vue d'ensemble" },
  { value: "courriers", label: "Courriers" },
  { value: "dossier", label: "Dossier" },
  { value: "documents", label: "Documents" },
  { value: "historique", label: "Historique" },
];
const PANEL_ID = "fiche-panneau";

export function UsagerFiche() {
  return (
    <RequirePermission permission="usager.read" title="Domicilié">
      <FicheLoader />
    </RequirePermission>
  );
}

function FicheLoader() {
  const params = useParams();
  const id = () => Number(params.id);
  const [data, { refetch }] = createResource(
    () => (Number.isInteger(id()) && id() > 0 ? id() : null),
    (usagerId) => api.usagers.get.query({ id: usagerId }),
  );
  // Only the file asked for: while another one loads (link from a duplicate), nothing stale shows.
  const current = createMemo(() => (data.error || data.latest?.usager.id !== id() ? undefined : data.latest));
  const currentId = createMemo(() => current()?.usager.id);
  usePageTitle(() => {
    const f = current();
    return f ? `${nomComplet(f.usager)} - ${f.usager.customRef}` : "Domicilié";
  });

  return (
    <Switch>
      <Match when={currentId()}>
        {/* Keyed by the file's id: another file starts with fresh tabs; a reload keeps their state. */}
        <Show when={currentId()} keyed>
          {(_id) => <FicheContent fiche={current()!} reload={async () => void (await refetch())} />}
        </Show>
      </Match>
      <Match when={data.error && !isUnauthenticated(data.error)}>
        <h1>Domicilié</h1>
        <ErrorMessage
          message={
            apiFailure(data.error).appCode === "NOT_FOUND"
              ? "Ce dossier n'existe pas ou n'appartient pas à votre structure."
              : apiFailure(data.error).message
          }
        />
        <p>
          <A href="/usagers">Retour à la liste des domiciliés</A>
        </p>
      </Match>
      <Match when={!Number.isInteger(id()) || id() <= 0}>
        <h1>Domicilié</h1>
        <ErrorMessage message="Ce dossier n'existe pas ou n'appartient pas à votre structure." />
        <p>
          <A href="/usagers">Retour à la liste des domiciliés</A>
        </p>
      </Match>
      <Match when={true}>
        <Loading label="Chargement du dossier…" />
      </Match>
    </Switch>
  );
}

function FicheContent(props: { fiche: Fiche; reload: () => Promise<void> }) {
  const location = useLocation<{ created?: boolean }>();
  const [params, setParams] = useSearchParams<{ onglet?: string }>();
  const [changes, setChanges] = createSignal(0);
  const fiche = () => props.fiche;
  const u = () => fiche().usager;
  const tab = (): FicheTab => (TABS.some((t) => t.value === params.onglet) ? (params.onglet as FicheTab) : "vue");
  const showTab = (value: FicheTab) => setParams({ onglet: value === "vue" ? undefined : value }, { replace: true });

  const state: FicheState = {
    fiche,
    reload: props.reload,
    run: createRun(fiche, props.reload, () => setChanges((n) => n + 1)),
    showTab: (value) => {
      showTab(value);
      queueMicrotask(() => document.getElementById(tabId("onglet-fiche", value))?.focus());
    },
    changes,
    colleagues: createColleagues(),
  };

  return (
    <FicheContext.Provider value={state}>
      <div class="fiche-header">
        <div class="fiche-header__title">
          <A href="/usagers" class="back-link" aria-label="Retour à la liste des domiciliés" title="Retour à la liste">
            <span aria-hidden="true">&lt;</span>
          </A>
          <h1>
            {nomComplet(u())}
            <span class="fiche-header__ref"> - {u().customRef}</span>
          </h1>
          <span class={statutBadgeClass(u().statut)}>{USAGER_STATUT_LABELS[u().statut]}</span>
        </div>
        <HeaderActions />
      </div>
      <Show when={location.state?.created && u().version === 1}>
        <StatusMessage message="Dossier créé. Étape suivante : le rendez-vous, ci-dessous." />
      </Show>
      <Show when={fiche().pinnedNote}>
        {(note) => (
          <aside class="pinned-note" aria-label="Note épinglée">
            <p class="pinned-note__title">
              <Icon name="pin" /> Note épinglée
            </p>
            <p class="pinned-note__text preserve-lines">{note().message}</p>
            <p class="pinned-note__meta">
              {note().createdByName}, le {formatDateTime(note().createdAt)}
            </p>
          </aside>
        )}
      </Show>

      <TabList
        label="Rubriques du dossier"
        idPrefix="onglet-fiche"
        panelId={PANEL_ID}
        tabs={TABS}
        selected={tab()}
        onSelect={showTab}
        class="tabs--fiche"
      />
      <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId("onglet-fiche", tab())} class="fiche-panel">
        <Switch>
          <Match when={tab() === "vue"}>
            <VueEnsemble />
          </Match>
          <Match when={tab() === "courriers"}>
            <CourriersTab />
          </Match>
          <Match when={tab() === "dossier"}>
            <DossierTab />
          </Match>
          <Match when={tab() === "documents"}>
            <DocumentsTab />
          </Match>
          <Match when={tab() === "historique"}>
            <HistoriqueTab />
          </Match>
        </Switch>
      </div>
    </FicheContext.Provider>
  );
}

/** "Demande de renouvellement" and "Radier le domicilié", each confirmed in a dialog. */
function HeaderActions() {
  const staff = useStaff();
  const ctx = useFiche();
  const fiche = () => ctx.fiche();
  const [open, setOpen] = createSignal<"renouveler" | "radier" | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const form = createFormState("radiation");
  const [radiation, setRadiation] = createStore<RadiationValues>(emptyRadiation(fiche().today));
  let succeeded = false;
  const statut = () => fiche().usager.statut;
  const canRenew = () => mayDo(staff.me().role, "renouveler", statut());
  const canRadiate = () => mayDo(staff.me().role, "radier", statut());

  const start = (kind: "renouveler" | "radier") => {
    succeeded = false;
    form.reset();
    setNotice(null);
    setRadiation(emptyRadiation(fiche().today));
    setOpen(kind);
  };

  const confirm = () =>
    void form.submit(async () => {
      if (open() === "radier") {
        await ctx.run((version) =>
          api.usagers.radiate.mutate({
            usagerId: fiche().usager.id,
            version,
            date: toIsoDate(radiation.date),
            motif: (radiation.motif || undefined) as never,
            motifDetails: radiation.motifDetails,
          }),
        );
        succeeded = true;
        setNotice("Le domicilié est radié. Pensez à lui notifier la radiation par écrit (courrier de radiation).");
        setOpen(null);
      } else {
        await ctx.run((version) => api.usagers.renew.mutate({ usagerId: fiche().usager.id, version }));
        succeeded = true;
        setNotice("Demande de renouvellement enregistrée : le dossier est de nouveau en instruction.");
        setOpen(null);
      }
    });

  return (
    <>
      <Show when={canRenew() || canRadiate()}>
        <div class="fiche-header__actions">
          <Show when={canRenew()}>
            <Button variant="secondary" onClick={() => start("renouveler")}>
              <Icon name="renew" />
              Demande de renouvellement
            </Button>
          </Show>
          <Show when={canRadiate()}>
            <Button variant="danger-outline" onClick={() => start("radier")}>
              <Icon name="close" />
              Radier le domicilié
            </Button>
          </Show>
        </div>
      </Show>
      <div class="fiche-header__notice">
        <StatusMessage message={notice()} id="fiche-entete-resultat" />
      </div>
      <ConfirmDialog
        open={open() !== null}
        title={open() === "radier" ? `Radier ${nomComplet(fiche().usager)} ?` : "Demande de renouvellement"}
        confirmLabel={open() === "radier" ? "Radier le domicilié" : "Confirmer la demande"}
        busyLabel={open() === "radier" ? "Radiation…" : "Enregistrement…"}
        danger={open() === "radier"}
        busy={form.busy()}
        error={form.error()}
        onConfirm={confirm}
        onCancel={() => setOpen(null)}
        focusAfterClose={() => (succeeded ? document.getElementById("fiche-entete-resultat") : null)}
      >
        <Show when={open() === "radier"}>
          <RadiationFields form={form} values={radiation} setValues={setRadiation} />
        </Show>
        <Show when={open() === "renouveler"}>
          <Show
            when={statut() === "VALIDE"}
            fallback={
              <p>Une nouvelle demande de domiciliation est ouverte pour cette personne : elle sera instruite comme une première demande.</p>
            }
          >
            <p>
              Le dossier repasse en instruction pour un renouvellement : ce dossier ne sera plus considéré comme actif tant que la nouvelle
              décision n'est pas prise. L'échéance actuelle reste affichée.
            </p>
          </Show>
        </Show>
      </ConfirmDialog>
    </>
  );
}
