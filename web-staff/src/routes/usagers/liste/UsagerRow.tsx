import { A } from "@solidjs/router";
import { Match, Show, Switch } from "solid-js";
import { waitingMailTotal } from "../../../../../worker/rules/courrier";
import { daysBetween, formatDateFr } from "../../../../../worker/rules/dates";
import { USAGER_STATUT_LABELS } from "../../../../../worker/rules/echeance";
import { nomComplet, TYPE_DOM_LABELS } from "../../../../../worker/rules/usager";
import type { Outputs } from "../../../api";
import { Button } from "../../../components/Button";
import { formatDate, isoOf } from "../../../components/dates";
import { Icon } from "../../../components/Icon";
import { todayCalendar } from "../../../components/usager/DecisionFields";
import { echeanceClass, echeanceDelay, plural, statutBadgeClass } from "../../../components/usager/format";

export type Row = Outputs["usagers"]["list"]["rows"][number];

function EcheanceCell(props: { row: Row }) {
  return (
    <Switch fallback={<span class="muted">—</span>}>
      <Match when={props.row.echeance}>
        {(date) => (
          <span class={echeanceClass(props.row.echeanceLevel)}>
            <time datetime={date()}>{formatDateFr(date())}</time>
            <Show when={props.row.echeanceLevel && props.row.echeanceLevel !== "ok"}>
              <span class="echeance__delay">{echeanceDelay(daysBetween(todayCalendar(), date()))}</span>
            </Show>
          </span>
        )}
      </Match>
      <Match when={(props.row.statut === "RADIE" || props.row.statut === "REFUS") && props.row.decisionFin}>
        <span class="muted">
          {props.row.statut === "RADIE" ? "Radié le " : "Refusé le "}
          {formatDateFr(props.row.decisionFin!)}
        </span>
      </Match>
    </Switch>
  );
}

/** One file of the list: its checkbox when the agent may act on a selection, its quick « + Courrier ». */
export function UsagerRow(props: {
  row: Row;
  selectable: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onReceive?: () => void;
}) {
  const name = () => nomComplet(props.row);
  return (
    <tr classList={{ "is-selected": props.selected }}>
      <Show when={props.selectable}>
        <td class="table__check">
          <input
            type="checkbox"
            aria-label={`Sélectionner ${name()}`}
            checked={props.selected}
            onChange={(e) => props.onSelect(e.currentTarget.checked)}
          />
        </td>
      </Show>
      <td class="nowrap">
        <span class={statutBadgeClass(props.row.statut)}>{USAGER_STATUT_LABELS[props.row.statut]}</span>
      </td>
      <td class="nowrap">{props.row.customRef}</td>
      <th scope="row" class="table__name">
        <A href={`/usagers/${props.row.id}`}>{name()}</A>
        <Show when={props.row.hasPinnedNote}>
          <span class="pin" title="Note épinglée">
            <Icon name="pin" class="icon--pin" />
            <span class="visually-hidden"> (note épinglée)</span>
          </span>
        </Show>
        <Show when={props.row.surnom}>
          <span class="table__sub">
            <span class="visually-hidden">Nom d'usage ou surnom : </span>
            {props.row.surnom}
          </span>
        </Show>
      </th>
      <td class="nowrap">{formatDateFr(props.row.dateNaissance)}</td>
      <td class="nowrap">{props.row.telephone ?? <span class="muted">—</span>}</td>
      <td>{TYPE_DOM_LABELS[props.row.typeDom]}</td>
      <td class="nowrap">
        <Show when={props.row.dernierPassage} fallback={<span class="muted">—</span>}>
          {(at) => <time datetime={isoOf(at())}>{formatDate(at())}</time>}
        </Show>
      </td>
      <td class="nowrap">
        <EcheanceCell row={props.row} />
      </td>
      <td class="nowrap">
        <Show when={waitingMailTotal(props.row) > 0} fallback={<span class="muted">—</span>}>
          <ul class="mail-list">
            <Show when={props.row.nbCourrier > 0}>
              <li class="mail-badge">{plural(props.row.nbCourrier, "courrier", "courriers")}</li>
            </Show>
            <Show when={props.row.nbColis > 0}>
              <li class="mail-badge">{plural(props.row.nbColis, "colis", "colis")}</li>
            </Show>
            <Show when={props.row.nbAvis > 0}>
              <li class="mail-badge">
                {props.row.nbAvis} avis<span class="visually-hidden"> de passage</span>
              </li>
            </Show>
          </ul>
        </Show>
      </td>
      <Show when={props.onReceive}>
        {(receive) => (
          <td class="nowrap">
            <Button variant="secondary" class="button--small" aria-label={`Nouveaux courriers pour ${name()}`} onClick={() => receive()()}>
              + Courrier
            </Button>
          </td>
        )}
      </Show>
    </tr>
  );
}
