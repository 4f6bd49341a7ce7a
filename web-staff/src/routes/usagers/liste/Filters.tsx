import { For, Show } from "solid-js";
import { ENTRETIEN_FILTERS } from "../../../../../worker/rules/usager";
import { Button } from "../../../components/Button";
import { type Colleague, colleagueName } from "../../../components/usager/colleagues";
import type { Search } from "./SearchBox";
import { ECHEANCES, hasFilters, type ListUrl, PASSAGES, type Params, RADIE_DEPUIS, SORTS, withEntretien } from "./url-state";

function FilterSelect<T extends string>(props: {
  id: string;
  label: string;
  all?: string;
  options: Record<T, string>;
  value: string;
  onValue: (value: T | "") => void;
}) {
  return (
    <div class="field">
      <span class="field-label">
        <label for={props.id}>{props.label}</label>
      </span>
      <select id={props.id} onChange={(e) => props.onValue(e.currentTarget.value as T | "")}>
        <Show when={props.all}>
          <option value="" selected={props.value === ""}>
            {props.all}
          </option>
        </Show>
        <For each={Object.keys(props.options) as T[]}>
          {(key) => (
            <option value={key} selected={props.value === key}>
              {props.options[key]}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}

/** The filters of the list; those of one tab only (entretien, radiation) show on that tab. */
export function Filters(props: { url: ListUrl; colleagues: Colleague[] }) {
  const input = () => props.url.input();
  const update = (change: Params) => props.url.update(change);
  return (
    <div class="list-tools__filters">
      <FilterSelect
        id="filtre-passage"
        label="Dernier passage"
        all="Tous"
        options={PASSAGES}
        value={input().passage ?? ""}
        onValue={(v) => update({ passage: v || undefined })}
      />
      <FilterSelect
        id="filtre-echeance"
        label="Échéance"
        all="Toutes"
        options={ECHEANCES}
        value={input().echeance ?? ""}
        onValue={(v) => update({ echeance: v || undefined })}
      />
      <div class="field">
        <span class="field-label">
          <label for="filtre-referent">Référent</label>
        </span>
        <select id="filtre-referent" onChange={(e) => update({ referent: e.currentTarget.value || undefined })}>
          <option value="" selected={input().referentId === null}>
            Tous
          </option>
          <option value="AUCUN" selected={input().referentId === "AUCUN"}>
            Aucun référent
          </option>
          <For each={props.colleagues}>
            {(c) => (
              <option value={String(c.id)} selected={input().referentId === c.id}>
                {colleagueName(c)}
              </option>
            )}
          </For>
        </select>
      </div>
      <Show when={withEntretien(input().tab)}>
        <FilterSelect
          id="filtre-entretien"
          label="Entretien"
          all="Tous"
          options={ENTRETIEN_FILTERS}
          value={input().entretien ?? ""}
          onValue={(v) => update({ entretien: v || undefined })}
        />
      </Show>
      <Show when={input().tab === "RADIES"}>
        <FilterSelect
          id="filtre-radie"
          label="Radié depuis"
          all="Toutes dates"
          options={RADIE_DEPUIS}
          value={input().radieDepuis ?? ""}
          onValue={(v) => update({ radie: v || undefined })}
        />
      </Show>
      <div class="field field--checkbox list-tools__checkbox">
        <input
          id="filtre-courrier"
          type="checkbox"
          checked={input().courrier === true}
          onChange={(e) => update({ courrier: e.currentTarget.checked ? "1" : undefined })}
        />
        <div class="field--checkbox__text">
          <span class="field-label">
            <label for="filtre-courrier">Courrier à récupérer</label>
          </span>
        </div>
      </div>
    </div>
  );
}

/** The sort and its order, and the way back to the whole list. */
export function SortControls(props: { url: ListUrl; search: Search }) {
  const input = () => props.url.input();
  return (
    <div class="list-tools__sort">
      <FilterSelect
        id="tri"
        label="Trier par"
        options={SORTS}
        value={input().sort}
        onValue={(v) => props.url.update({ tri: v === "nom" ? undefined : v })}
      />
      <FilterSelect
        id="ordre"
        label="Ordre"
        options={{ asc: "Croissant", desc: "Décroissant" }}
        value={input().order}
        onValue={(v) => props.url.update({ ordre: v === "asc" ? undefined : v })}
      />
      <Show when={hasFilters(input())}>
        <Button
          variant="link"
          onClick={() => {
            props.search.clear();
            props.url.clearFilters();
          }}
        >
          Effacer la recherche et les filtres
        </Button>
      </Show>
    </div>
  );
}
