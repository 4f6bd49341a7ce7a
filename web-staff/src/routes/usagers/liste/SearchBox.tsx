import { createEffect, createSignal, on, onCleanup, Show } from "solid-js";
import { FIELD_MAX } from "../../../../../worker/rules/fields";
import { SEARCH_MIN_LENGTH } from "../../../../../worker/rules/search";
import { effectiveQuery, type ListUrl } from "./url-state";

const SEARCH_DELAY_MS = 250;

/** What is typed in the search box: sent to the URL after a pause, from 2 characters; it follows the URL on back / forward. */
export function createSearch(url: ListUrl) {
  const [typed, setTyped] = createSignal(url.params.q ?? "");
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const send = (value: string) => {
    const q = effectiveQuery(value);
    if (q !== (url.params.q ?? "")) url.update({ q: q || undefined }, true);
  };
  createEffect(
    on(
      () => url.params.q,
      (q) => {
        if ((q ?? "") !== effectiveQuery(typed())) setTyped(q ?? "");
      },
      { defer: true },
    ),
  );
  return {
    typed,
    onInput: (value: string) => {
      setTyped(value);
      clearTimeout(timer);
      timer = setTimeout(() => send(value), SEARCH_DELAY_MS);
    },
    /** Enter searches at once, without waiting for the pause. */
    now: (value: string) => {
      clearTimeout(timer);
      send(value);
    },
    clear: () => setTyped(""),
    tooShort: () => {
      const n = typed().trim().length;
      return n > 0 && n < SEARCH_MIN_LENGTH;
    },
  };
}

export type Search = ReturnType<typeof createSearch>;

export function SearchBox(props: { search: Search }) {
  const search = () => props.search;
  return (
    <div class="field list-tools__search">
      <span class="field-label">
        <label for="usagers-recherche">Rechercher un domicilié</label>
      </span>
      <p class="field-hint" id="usagers-recherche-aide">
        Nom, prénom, ID, ayant droit, date de naissance JJ/MM/AAAA ou téléphone
      </p>
      <input
        id="usagers-recherche"
        type="search"
        autocomplete="off"
        spellcheck={false}
        maxLength={FIELD_MAX.recherche}
        value={search().typed()}
        onInput={(e) => search().onInput(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") search().now(e.currentTarget.value);
        }}
        aria-describedby={`usagers-recherche-aide${search().tooShort() ? " usagers-recherche-court" : ""}`}
      />
      <Show when={search().tooShort()}>
        <p class="field-hint" id="usagers-recherche-court">
          Saisissez au moins {SEARCH_MIN_LENGTH} caractères.
        </p>
      </Show>
    </div>
  );
}
