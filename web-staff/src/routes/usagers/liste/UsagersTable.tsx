import { For, Show } from "solid-js";
import { USAGER_TABS } from "../../../../../worker/rules/usager";
import type { Selection } from "./selection";
import { type Row, UsagerRow } from "./UsagerRow";
import { type ListInput, SORTS, type Sort } from "./url-state";

/** Column header that says how the list is sorted (aria-sort); the sort itself is chosen above. */
function SortableHeader(props: { label: string; sort: Sort; input: ListInput }) {
  const active = () => props.input.sort === props.sort;
  return (
    <th scope="col" aria-sort={active() ? (props.input.order === "asc" ? "ascending" : "descending") : undefined}>
      {props.label}
      <Show when={active()}>
        <span aria-hidden="true">{props.input.order === "asc" ? " ▲" : " ▼"}</span>
      </Show>
    </th>
  );
}

/** One page of files; the checkboxes only for an agent who may act on a selection. */
export function UsagersTable(props: {
  input: ListInput;
  rows: Row[];
  busy: boolean;
  /** The selection, when the agent may radiate or assign a référent. */
  selection?: Selection;
  /** The quick « + Courrier » of a row, when the agent may register mail. */
  onReceive?: (row: Row) => void;
}) {
  return (
    <section class="table-wrap" tabindex="0" aria-label="Liste des domiciliés" aria-busy={props.busy ? "true" : undefined}>
      <table class="table table--usagers">
        <caption class="visually-hidden">
          Domiciliés : {USAGER_TABS[props.input.tab].label}, trié par {SORTS[props.input.sort as Sort]} (
          {props.input.order === "asc" ? "croissant" : "décroissant"})
        </caption>
        <thead>
          <tr>
            <Show when={props.selection}>
              {(selection) => (
                <th scope="col" class="table__check">
                  <input
                    type="checkbox"
                    id="usagers-tout"
                    aria-label="Sélectionner tous les domiciliés de la page"
                    checked={selection().allOnPage()}
                    onChange={(e) => selection().toggleAll(e.currentTarget.checked)}
                  />
                </th>
              )}
            </Show>
            <th scope="col">Statut</th>
            <SortableHeader label="ID" sort="ref" input={props.input} />
            <SortableHeader label="Nom" sort="nom" input={props.input} />
            <th scope="col">Naissance</th>
            <th scope="col">Téléphone</th>
            <th scope="col">Demande</th>
            <SortableHeader label="Dernier passage" sort="passage" input={props.input} />
            <SortableHeader label="Échéance" sort="echeance" input={props.input} />
            <th scope="col">Courrier</th>
            <Show when={props.onReceive}>
              <th scope="col">
                <span class="visually-hidden">Réception</span>
              </th>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <UsagerRow
                row={row}
                selectable={props.selection !== undefined}
                selected={props.selection?.has(row.id) ?? false}
                onSelect={(on) => props.selection?.toggle(row.id, on)}
                onReceive={props.onReceive ? () => props.onReceive?.(row) : undefined}
              />
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}
