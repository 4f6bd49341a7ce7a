import { useSearchParams } from "@solidjs/router";
import { createResource, Match, Switch } from "solid-js";
import { api, apiFailure } from "../api";
import { ErrorMessage, Loading } from "../components/Alerts";
import { Button } from "../components/Button";
import { RequirePermission } from "../components/RequirePermission";
import { TabList, tabId } from "../components/Tabs";
import { usePageTitle } from "../components/title";
import { Accounts } from "./portail/Comptes";
import { Messages } from "./portail/Messages";
import { SettingsForm } from "./portail/Parametres";

type PortailTab = "parametres" | "comptes" | "messages";

const TABS: readonly { value: PortailTab; label: string }[] = [
  { value: "parametres", label: "Paramètres du portail" },
  { value: "comptes", label: "Comptes du portail" },
  { value: "messages", label: "Messages aux domiciliés" },
];
const PANEL_ID = "portail-panneau";

/** "Portail usager" (admin only): its settings, its accounts and its messages, one tab each. */
export function PortailPage() {
  usePageTitle(() => "Portail usager");
  return (
    <RequirePermission permission="portail.settings" title="Portail usager">
      <PortailContent />
    </RequirePermission>
  );
}

function PortailContent() {
  const [params, setParams] = useSearchParams<{ onglet?: string }>();
  const tab = (): PortailTab => (params.onglet === "comptes" || params.onglet === "messages" ? params.onglet : "parametres");
  const [settings, { refetch }] = createResource(() => api.portail.settings.query());
  return (
    <>
      <h1>Portail usager</h1>
      <p class="lead">
        Mon Ancrage, le portail usager, permet aux domiciliés de voir depuis leur téléphone s'ils ont du courrier en attente, quand leur
        domiciliation arrive à échéance et qui détient une procuration.
      </p>
      <TabList
        label="Rubriques du portail usager"
        idPrefix="onglet-portail"
        panelId={PANEL_ID}
        tabs={TABS}
        selected={tab()}
        onSelect={(value) => setParams({ onglet: value === "parametres" ? undefined : value }, { replace: true })}
      />
      <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId("onglet-portail", tab())}>
        <Switch>
          <Match when={settings.error}>
            <ErrorMessage message={apiFailure(settings.error).message} />
            <Button variant="secondary" onClick={() => refetch()}>
              Réessayer
            </Button>
          </Match>
          <Match when={settings.latest}>
            {(s) => (
              <Switch>
                <Match when={tab() === "parametres"}>
                  <SettingsForm settings={s()} onSaved={() => void refetch()} />
                </Match>
                <Match when={tab() === "comptes"}>
                  <Accounts portalEnabled={s().enabled} showSettings={() => setParams({ onglet: undefined }, { replace: true })} />
                </Match>
                <Match when={tab() === "messages"}>
                  <Messages portalEnabled={s().enabled} />
                </Match>
              </Switch>
            )}
          </Match>
          <Match when={settings.loading}>
            <Loading />
          </Match>
        </Switch>
      </div>
    </>
  );
}
