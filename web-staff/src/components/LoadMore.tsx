import { Show } from "solid-js";
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
