import { createEffect, on, Show } from "solid-js";
import { ReceptionDialog } from "../../../components/courrier/ReceptionDialog";
import { RESULT_ID } from "./ids";
import type { Row } from "./UsagerRow";

/**
 * The reception dialog of a row's « + Courrier », as the reference's quick buttons. It stays mounted
 * once opened, closed rather than removed, so that closing it hands the focus back.
 */
export function QuickReception(props: { row: Row | null; open: boolean; onClose: () => void; onDone: (message: string) => void }) {
  let received = false;
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (open) received = false;
      },
    ),
  );
  return (
    <Show when={props.row}>
      {(row) => (
        <ReceptionDialog
          open={props.open}
          usager={{ id: row().id, statut: row().statut, npaiDepuis: row().npaiDepuis }}
          onClose={props.onClose}
          onDone={(message) => {
            received = true;
            props.onDone(message);
          }}
          focusAfterClose={() => (received ? document.getElementById(RESULT_ID) : null)}
        />
      )}
    </Show>
  );
}
