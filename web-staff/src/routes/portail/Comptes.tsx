import { A } from "@solidjs/router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { api, apiFailure, type Outputs } from "../../api";
import { ErrorMessage, Loading } from "../../components/Alerts";
import { Button } from "../../components/Button";
import { formatShortDateTime, isoOf } from "../../components/dates";
import { Pagination } from "../../components/Pagination";
import { plural } from "../../components/usager/format";
import { BulkCreation } from "./CreationComptes";

type AccountRow = Outputs["portail"]["accounts"]["rows"][number];

function AccountStatus(props: { row: AccountRow }) {
  return (
    <Switch>
      <Match when={!props.row.enabled}>
        <span class="badge badge--locked">Désactivé</span>
      </Match>
      <Match when={props.row.activated}>
        <span class="badge badge--active">Activé par le domicilié</span>
      </Match>
      <Match when={true}>
        <span class="badge badge--pending">Non activé</span>
      </Match>
    </Switch>
  );
}

/** "Comptes du portail": every account of the structure, a page at a time, then their creation for all. */
export function Accounts(props: { portalEnabled: boolean; showSettings: () => void }) {
  const [page, setPage] = createSignal(1);
  const [data, { refetch }] = createResource(page, (p) => api.portail.accounts.query({ page: p }));
  const pages = () => {
    const d = data.latest;
    return d ? Math.max(1, Math.ceil(d.total / d.pageSize)) : 1;
  };
  const goTo = (p: number) => {
    setPage(p);
    queueMicrotask(() => document.getElementById("comptes-portail-compteur")?.focus());
  };

  return (
    <>
      <section class="section">
        <h2 id="titre-comptes-portail">Comptes du portail</h2>
        <Switch>
          <Match when={data.error}>
            <ErrorMessage message={apiFailure(data.error).message} />
            <Button variant="secondary" onClick={() => refetch()}>
              Réessayer
            </Button>
          </Match>
          <Match when={data.latest}>
            {(d) => (
              <>
                <p class="table-count" id="comptes-portail-compteur" tabindex="-1">
                  <strong>
                    {plural(d().comptes, "compte", "comptes")} / {plural(d().actifs, "domicilié actif", "domiciliés actifs")}
                  </strong>
                </p>
                <Show
                  when={d().rows.length > 0}
                  fallback={
                    <p class="empty">
                      Aucun compte du portail pour l'instant : l'accès s'ouvre sur la fiche de chaque domicilié, ou pour tous ci-dessous.
                    </p>
                  }
                >
                  <section
                    class="table-wrap"
                    tabindex="0"
                    aria-labelledby="titre-comptes-portail"
                    aria-busy={data.loading ? "true" : undefined}
                  >
                    <table class="table">
                      <thead>
                        <tr>
                          <th scope="col">Nom</th>
                          <th scope="col">Prénom</th>
                          <th scope="col">ID</th>
                          <th scope="col">Identifiant</th>
                          <th scope="col">Statut</th>
                          <th scope="col">Dernière connexion</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={d().rows}>
                          {(row) => (
                            <tr>
                              <td>
                                <A href={`/usagers/${row.usagerId}?onglet=courriers`}>{row.nom.toUpperCase()}</A>
                              </td>
                              <td>{row.prenom}</td>
                              <td>{row.customRef}</td>
                              <td>
                                <code>{row.login}</code>
                              </td>
                              <td>
                                <AccountStatus row={row} />
                              </td>
                              <td class="nowrap">
                                <Show when={row.lastLoginAt} fallback={<span class="muted">Jamais</span>}>
                                  {(at) => <time datetime={isoOf(at())}>{formatShortDateTime(at())}</time>}
                                </Show>
                              </td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </section>
                  <Pagination label="Pages des comptes" page={page()} pages={pages()} onPage={goTo} />
                </Show>
              </>
            )}
          </Match>
          <Match when={data.loading}>
            <Loading />
          </Match>
        </Switch>
      </section>
      <BulkCreation portalEnabled={props.portalEnabled} showSettings={props.showSettings} onProgress={() => void refetch()} />
    </>
  );
}
