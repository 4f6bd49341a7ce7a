import { Match, Show, Switch } from "solid-js";
import { apiFailure, type Outputs } from "../../../api";
import { ErrorMessage } from "../../../components/Alerts";
import { Button } from "../../../components/Button";
import { Pagination } from "../../../components/Pagination";
import { plural } from "../../../components/usager/format";
import { TITLE_ID } from "./ids";
import type { Selection } from "./selection";
import type { Row } from "./UsagerRow";
import { UsagersTable } from "./UsagersTable";
import { hasFilters, type ListUrl } from "./url-state";

type ListResult = Outputs["usagers"]["list"];

/** What the search found: the count, then the page of files and its pages, or why there is none. */
export function Results(props: {
  url: ListUrl;
  /** The last answer, kept on screen while the next one loads. */
  result: ListResult | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  selection?: Selection;
  onReceive?: (row: Row) => void;
}) {
  const input = () => props.url.input();
  const rows = () => props.result?.rows ?? [];
  const pages = () => {
    const r = props.result;
    return r ? Math.max(1, Math.ceil(r.total / r.pageSize)) : 1;
  };
  const goToPage = (page: number) => {
    props.url.setPage(page);
    queueMicrotask(() => document.getElementById(TITLE_ID)?.scrollIntoView({ block: "start" }));
  };

  return (
    <>
      <div class="list-status">
        <Show when={props.loading}>
          <p class="loading progress-line" role="status">
            <span class="spinner" aria-hidden="true" />
            Recherche en cours…
          </p>
        </Show>
        <Show when={!props.loading && props.result}>
          {(r) => (
            <p class="table-count" role="status">
              {r().total === 0 ? "Aucun dossier" : `${plural(r().total, "dossier", "dossiers")} — page ${r().page} sur ${pages()}`}
            </p>
          )}
        </Show>
      </div>
      <Switch>
        <Match when={props.error}>
          <ErrorMessage message={apiFailure(props.error).message} />
          <Button variant="secondary" onClick={() => props.onRetry()}>
            Réessayer
          </Button>
        </Match>
        <Match when={props.result && rows().length === 0 && (props.result?.total ?? 0) > 0}>
          <p class="empty">
            Cette page n'existe plus.{" "}
            <Button variant="link" onClick={() => goToPage(1)}>
              Revenir à la première page
            </Button>
          </p>
        </Match>
        <Match when={props.result && rows().length === 0}>
          <p class="empty">
            {hasFilters(input()) ? "Aucun domicilié ne correspond à votre recherche." : "Aucun domicilié dans cette catégorie."}
          </p>
        </Match>
        <Match when={props.result}>
          <UsagersTable input={input()} rows={rows()} busy={props.loading} selection={props.selection} onReceive={props.onReceive} />
          <Pagination label="Pages de résultats" page={input().page} pages={pages()} onPage={goToPage} />
        </Match>
        <Match when={props.loading}>
          <span />
        </Match>
      </Switch>
    </>
  );
}
