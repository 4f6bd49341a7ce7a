import { For, type JSX, Match, Show, Switch } from "solid-js";
import { ErrorMessage, Loading } from "./Alerts";
import { Button } from "./Button";
import { type CursorPages, LoadMore } from "./LoadMore";

export interface CursorTableProps<T> {
  pages: CursorPages<T>;
  /** The id of the heading that names the table… */
  labelledBy?: string;
  /** …or, without a heading, the name read out, also its caption. */
  label?: string;
  columns: readonly string[];
  /** Said instead of the table when the list is empty. */
  empty: string;
  /** Feminine noun of a row, singular, for the count: "opération", "entrée". */
  noun: string;
  /** Said after the count once everything is shown, e.g. " : début du journal atteint." */
  endText: string;
  /** One row, a <tr> with a cell per column. */
  children: (row: T) => JSX.Element;
}

/** A table read page by page, newest first, with "Charger plus" at its foot (see createCursorPages). */
export function CursorTable<T>(props: CursorTableProps<T>) {
  const pages = () => props.pages;
  return (
    <Switch>
      <Match when={pages().error() && !pages().loaded()}>
        <ErrorMessage message={pages().error()} />
        <Button variant="secondary" onClick={() => pages().load()}>
          Réessayer
        </Button>
      </Match>
      <Match when={!pages().loaded()}>
        <Loading />
      </Match>
      <Match when={pages().rows().length === 0}>
        <p class="empty">{props.empty}</p>
      </Match>
      <Match when={true}>
        <section class="table-wrap" tabindex="0" aria-labelledby={props.labelledBy} aria-label={props.label}>
          <table class="table">
            <Show when={props.label}>
              <caption class="visually-hidden">{props.label}</caption>
            </Show>
            <thead>
              <tr>
                <For each={props.columns}>{(column) => <th scope="col">{column}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={pages().rows()}>{(row) => props.children(row)}</For>
            </tbody>
          </table>
        </section>
        <LoadMore
          id={pages().countId}
          shown={pages().rows().length}
          noun={props.noun}
          endText={props.endText}
          hasMore={pages().hasMore()}
          loading={pages().loading()}
          error={pages().loaded() ? pages().error() : null}
          onMore={() => pages().load(true)}
        />
      </Match>
    </Switch>
  );
}
