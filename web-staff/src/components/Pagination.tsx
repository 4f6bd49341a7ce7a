import { Show } from "solid-js";
import { Button } from "./Button";

/** "Page précédente", "Page n sur N", "Page suivante", when there is more than one page. */
export function Pagination(props: { label: string; page: number; pages: number; onPage: (page: number) => void }) {
  return (
    <Show when={props.pages > 1}>
      <nav class="pagination" aria-label={props.label}>
        <Button
          variant="secondary"
          class="button--small"
          aria-disabled={props.page <= 1 ? "true" : undefined}
          onClick={() => props.page > 1 && props.onPage(props.page - 1)}
        >
          Page précédente
        </Button>
        <span class="pagination__current" aria-current="page">
          Page {props.page} sur {props.pages}
        </span>
        <Button
          variant="secondary"
          class="button--small"
          aria-disabled={props.page >= props.pages ? "true" : undefined}
          onClick={() => props.page < props.pages && props.onPage(props.page + 1)}
        >
          Page suivante
        </Button>
      </nav>
    </Show>
  );
}
