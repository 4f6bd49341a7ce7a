import { type Accessor, createSignal, Show } from "solid-js";
import { apiFailure } from "../api";
import { ErrorMessage } from "./Alerts";
import { Button } from "./Button";

export interface LoadMoreProps {
  /** Id of the count line (tests and focus reach it). */
  id: string;
  shown: number;
  /** Feminine noun of what is listed, singular: "opération", "entrée". */
  noun: string;
  /** Said after the count once everything is shown, e.g. " : début du journal atteint." */
  endText: string;
  hasMore: boolean;
  loading: boolean;
  /** The failure of the last "Charger plus" (the rows already shown stay). */
  error: string | null;
  onMore: () => void;
}

/** The foot of a list paginated by "Charger plus": the count announced, the error, the button. */
export function LoadMore(props: LoadMoreProps) {
  const s = () => (props.shown > 1 ? "s" : "");
  return (
    <>
      <p class="table-count" role="status" id={props.id} tabindex="-1">
        {props.shown} {props.noun}
        {s()} affichée{s()}
        {props.hasMore ? "." : props.endText}
      </p>
      <ErrorMessage message={props.error} />
      <Show when={props.hasMore}>
        <Button variant="secondary" busy={props.loading} busyLabel="Chargement…" onClick={() => props.onMore()}>
          Charger plus
        </Button>
      </Show>
    </>
  );
}

export interface CursorPages<T> {
  countId: string;
  rows: Accessor<T[]>;
  hasMore: () => boolean;
  loading: Accessor<boolean>;
  /** The first page has come: until then there is nothing to show but the loading or its error. */
  loaded: Accessor<boolean>;
  error: Accessor<string | null>;
  load: (more?: boolean) => Promise<void>;
}

/**
 * The rows of a list paginated by cursor ("before" the oldest shown), and its loading state:
 * `load()` (re)reads the first page, `load(true)` appends the next one. At the end of the list the
 * focus goes to the count line `countId`, where the vanished button was.
 */
export function createCursorPages<T>(
  fetchPage: (before: number | null) => Promise<{ rows: T[]; nextBefore: number | null }>,
  countId: string,
): CursorPages<T> {
  const [rows, setRows] = createSignal<T[]>([]);
  const [nextBefore, setNextBefore] = createSignal<number | null>(null);
  const [loading, setLoading] = createSignal(true);
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const load = async (more = false) => {
    setLoading(true);
    setError(null);
    try {
      const page = await fetchPage(more ? nextBefore() : null);
      setRows(more ? [...rows(), ...page.rows] : page.rows);
      setNextBefore(page.nextBefore);
      setLoaded(true);
      if (more && page.nextBefore === null) queueMicrotask(() => document.getElementById(countId)?.focus());
    } catch (caught) {
      setError(apiFailure(caught).message);
    } finally {
      setLoading(false);
    }
  };
  return { countId, rows, hasMore: () => nextBefore() !== null, loading, loaded, error, load };
}
