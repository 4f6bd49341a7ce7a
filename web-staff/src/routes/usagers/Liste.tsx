import { A, useLocation } from "@solidjs/router";
import { createResource, createSignal, Show } from "solid-js";
import { USAGER_TABS, type UsagerTab } from "../../../../worker/rules/usager";
import { api } from "../../api";
import { StatusMessage } from "../../components/Alerts";
import { RequirePermission } from "../../components/RequirePermission";
import { TabList, tabId } from "../../components/Tabs";
import { usePageTitle } from "../../components/title";
import { createColleagues } from "../../components/usager/colleagues";
import { useStaff } from "../../session";
import { BulkBar } from "./liste/BulkBar";
import { Filters, SortControls } from "./liste/Filters";
import { RESULT_ID, TITLE_ID } from "./liste/ids";
import { QuickReception } from "./liste/QuickReception";
import { Results } from "./liste/Results";
import { createSearch, SearchBox } from "./liste/SearchBox";
import { createSelection } from "./liste/selection";
import type { Row } from "./liste/UsagerRow";
import { createListUrl } from "./liste/url-state";

const TAB_KEYS = Object.keys(USAGER_TABS) as UsagerTab[];
const PANEL_ID = "usagers-panneau";

export function UsagersListe() {
  usePageTitle(() => "Domiciliés");
  return (
    <RequirePermission permission="usager.read" title="Domiciliés">
      <ListeContent />
    </RequirePermission>
  );
}

function ListeContent() {
  const staff = useStaff();
  const url = createListUrl();
  const search = createSearch(url);
  const colleagues = createColleagues();
  const [data, { refetch }] = createResource(url.input, (i) => api.usagers.list.query(i));
  const selection = createSelection(() => (data.latest?.rows ?? []).map((r) => r.id), url.input);
  // A message handed over by the page that sent us here (a file just deleted, whose fiche is gone):
  // it heads the content, where the focus lands after a navigation (main.tsx).
  const location = useLocation<{ notice?: string }>();
  const [notice, setNotice] = createSignal<string | null>(location.state?.notice ?? null);
  const [receiving, setReceiving] = createSignal<Row | null>(null);
  const [receptionOpen, setReceptionOpen] = createSignal(false);
  const canBulk = () => staff.can("usager.radiate") || staff.can("usager.instruct");
  const done = (message: string) => {
    setNotice(message);
    void refetch();
  };

  const tabs = () =>
    TAB_KEYS.map((key) => ({
      value: key,
      label: (
        <>
          {USAGER_TABS[key].label} <span class="tabs__count">{data.latest?.tabCounts[key] ?? "…"}</span>
        </>
      ),
    }));

  return (
    <>
      <div class="page-heading">
        <h1 id={TITLE_ID}>Domiciliés</h1>
        <Show when={staff.can("usager.instruct")}>
          <A href="/usagers/nouveau" class="button button--primary">
            Nouveau domicilié
          </A>
        </Show>
      </div>
      <StatusMessage message={notice()} id={RESULT_ID} />
      <QuickReception row={receiving()} open={receptionOpen()} onClose={() => setReceptionOpen(false)} onDone={done} />

      <search class="list-tools" aria-label="Recherche et filtres">
        <SearchBox search={search} />
        <Filters url={url} colleagues={colleagues()} />
        <SortControls url={url} search={search} />
      </search>

      <TabList
        label="Statut des dossiers"
        idPrefix="onglet-usagers"
        panelId={PANEL_ID}
        tabs={tabs()}
        selected={url.input().tab}
        onSelect={(tab) => url.update({ onglet: tab === "TOUS" ? undefined : tab, radie: undefined })}
      />
      <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId("onglet-usagers", url.input().tab)}>
        <Results
          url={url}
          result={data.latest}
          loading={data.loading}
          error={data.error}
          onRetry={() => void refetch()}
          selection={canBulk() ? selection : undefined}
          onReceive={
            staff.can("courrier.register")
              ? (row) => {
                  setReceiving(row);
                  setReceptionOpen(true);
                }
              : undefined
          }
        />
      </div>

      <BulkBar
        ids={selection.ids()}
        colleagues={colleagues()}
        onDone={(message) => {
          selection.clear();
          done(message);
        }}
        onClear={selection.clear}
      />
    </>
  );
}
