import { A } from "@solidjs/router";
import { createSignal, For, onCleanup, onMount, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { formatDateFr } from "../../../../worker/rules/dates";
import { USAGER_STATUT_LABELS } from "../../../../worker/rules/echeance";
import { FIELD_MAX } from "../../../../worker/rules/fields";
import { SEARCH_MIN_LENGTH } from "../../../../worker/rules/search";
import { nomComplet } from "../../../../worker/rules/usager";
import { api, apiFailure, type Outputs } from "../../api";
import { Button } from "../../components/Button";
import "../../components/courrier/courrier.css";
import { Counter } from "../../components/courrier/Counter";
import { COUNTERS, type Quantities, quantitiesText, receptionSentence, total } from "../../components/courrier/labels";
import { formatShortDateTime, isoOf } from "../../components/dates";
import { RequirePermission } from "../../components/RequirePermission";
import { usePageTitle } from "../../components/title";
import { todayCalendar } from "../../components/usager/DecisionFields";
import { pendingMailText, statutBadgeClass } from "../../components/usager/format";

type Row = Outputs["usagers"]["list"]["rows"][number];

interface Entry {
  key: number;
  at: Date;
  day: string;
  usagerId: number;
  name: string;
  customRef: string;
  quantities: Quantities;
  radie: boolean;
}

const MAX_RESULTS = 8;
const SEARCH_DELAY_MS = 120;
const SEARCH_ID = "courrier-jour-recherche";
const LISTBOX_ID = "courrier-jour-resultats";
const ONE = { courrier: "un courrier", colis: "un colis", avis: "un avis de passage" } as const;
const optionId = (row: Row) => `courrier-jour-option-${row.id}`;

/**
 * What this tab registered since it opened: kept across the app's pages (not in storage, so
 * nothing about the domiciliés stays on the computer), shown for the current day only.
 */
const [entries, setEntries] = createSignal<Entry[]>([]);
let entryKey = 0;

export function CourrierDuJour() {
  usePageTitle(() => "Courrier du jour");
  return (
    <RequirePermission permission="courrier.register" title="Courrier du jour">
      <Desk />
    </RequirePermission>
  );
}

/** The exact ID first (a typed "12" is that file), then the server's order (nom, prénom). */
function ranked(rows: Row[], term: string): Row[] {
  const t = term.trim().toLowerCase();
  const exact = rows.filter((r) => r.customRef.toLowerCase() === t);
  return [...exact, ...rows.filter((r) => !exact.includes(r))].slice(0, MAX_RESULTS);
}

/**
 * The mail desk (issue item 8): type a name or an ID, arrows and Enter to choose, Enter again to
 * register 1 courrier (or what the counters say), and the focus is back in the search for the next.
 * One request per search pause, one per registration; nothing reloads.
 */
function Desk() {
  const [query, setQuery] = createSignal("");
  const [results, setResults] = createSignal<Row[]>([]);
  /** The search whose results are shown (null: none shown). */
  const [shownFor, setShownFor] = createSignal<string | null>(null);
  const [searching, setSearching] = createSignal(false);
  const [active, setActive] = createSignal(0);
  const [picked, setPicked] = createSignal<Row | null>(null);
  const [quantities, setQuantities] = createStore<Quantities>({ courrier: 1, colis: 0, avis: 0 });
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [confirmation, setConfirmation] = createSignal<string | null>(null);
  const [announce, setAnnounce] = createSignal("");
  const cache = new Map<string, Row[]>();
  let input: HTMLInputElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  /** Enter came before the results: choose when they arrive, if only one person matches. */
  let pickOnArrival = false;
  onCleanup(() => clearTimeout(timer));
  // The desk starts in the search field: after the layout's own move of the focus to the page
  // content (one frame after a navigation), hence two frames.
  onMount(() => requestAnimationFrame(() => requestAnimationFrame(() => input?.focus())));

  const today = () => todayCalendar();
  const todays = () => entries().filter((e) => e.day === today());
  const totals = () =>
    todays().reduce<Quantities>(
      (s, e) => ({ courrier: s.courrier + e.quantities.courrier, colis: s.colis + e.quantities.colis, avis: s.avis + e.quantities.avis }),
      { courrier: 0, colis: 0, avis: 0 },
    );
  const listOpen = () => shownFor() !== null && results().length > 0 && picked() === null;

  const show = (term: string, rows: Row[]) => {
    setResults(ranked(rows, term));
    setShownFor(term);
    setActive(0);
    setAnnounce(
      rows.length === 0
        ? "Aucun domicilié trouvé."
        : `${Math.min(rows.length, MAX_RESULTS)} domicilié${rows.length > 1 ? "s" : ""} trouvé${rows.length > 1 ? "s" : ""}. Flèches haut et bas pour choisir, Entrée pour valider.`,
    );
    if (pickOnArrival) {
      pickOnArrival = false;
      if (rows.length === 1) pick(rows[0]!);
    }
  };

  const search = async (text: string) => {
    const term = text.trim();
    const mine = ++seq;
    if (term.length < SEARCH_MIN_LENGTH) {
      pickOnArrival = false;
      setResults([]);
      setShownFor(null);
      setSearching(false);
      return;
    }
    const known = cache.get(term.toLowerCase());
    if (known) {
      show(term, known);
      return;
    }
    setSearching(true);
    try {
      const r = await api.usagers.list.query({ q: term, tab: "TOUS" });
      cache.set(term.toLowerCase(), r.rows);
      if (mine !== seq) return;
      setError(null);
      show(term, r.rows);
    } catch (caught) {
      if (mine === seq) setError(apiFailure(caught).message);
    } finally {
      if (mine === seq) setSearching(false);
    }
  };

  const onType = (value: string) => {
    setQuery(value);
    setConfirmation(null);
    clearTimeout(timer);
    timer = setTimeout(() => void search(value), SEARCH_DELAY_MS);
  };

  const pick = (row: Row) => {
    setPicked(row);
    setQuantities({ courrier: 1, colis: 0, avis: 0 });
    setError(null);
    setAnnounce(
      `${nomComplet(row)}, ${USAGER_STATUT_LABELS[row.statut]}.${row.statut === "RADIE" ? " Attention : ce domicilié est radié." : ""} Nombre de courriers : 1. Entrée pour enregistrer.`,
    );
    queueMicrotask(() => document.getElementById("courrier-jour-courrier")?.focus());
  };

  const backToSearch = () => {
    setPicked(null);
    setError(null);
    input?.focus();
  };

  const onSearchKey = (e: KeyboardEvent) => {
    const n = results().length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!listOpen()) return;
      e.preventDefault();
      setActive((a) => (a + (e.key === "ArrowDown" ? 1 : n - 1)) % n);
      document.getElementById(optionId(results()[active()]!))?.scrollIntoView({ block: "nearest" });
    } else if (e.key === "Enter") {
      e.preventDefault();
      const term = query().trim();
      if (listOpen() && shownFor() === term) {
        pick(results()[active()]!);
      } else if (term.length >= SEARCH_MIN_LENGTH) {
        clearTimeout(timer);
        pickOnArrival = true;
        void search(term);
      }
    } else if (e.key === "Escape" && query()) {
      e.preventDefault();
      onType("");
      void search("");
    }
  };

  const register = async (event: SubmitEvent) => {
    event.preventDefault();
    const row = picked();
    if (!row || busy()) return;
    if (total(quantities) === 0) {
      setError("Indiquez au moins un courrier, un colis ou un avis de passage.");
      return;
    }
    const q = { ...quantities };
    setBusy(true);
    setError(null);
    try {
      const r = await api.courrier.receive.mutate({ usagerId: row.id, ...q });
      const name = nomComplet(row);
      setConfirmation(`${receptionSentence(q)} pour ${name}${r.radie ? " (domicilié radié : pensez au retour à l'expéditeur)" : ""}`);
      setEntries([
        { key: ++entryKey, at: new Date(), day: today(), usagerId: row.id, name, customRef: row.customRef, quantities: q, radie: r.radie },
        ...entries(),
      ]);
      // The counters shown in the results changed: the next searches ask the server again.
      cache.clear();
      seq++;
      setPicked(null);
      setQuery("");
      setResults([]);
      setShownFor(null);
      input?.focus();
    } catch (caught) {
      setError(apiFailure(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div class="page-heading">
        <h1>Courrier du jour</h1>
      </div>
      <p class="lead">Enregistrez le courrier qui arrive, domicilié après domicilié, sans quitter le clavier.</p>

      <div class="desk">
        <div>
          <section class="section desk__search" aria-labelledby="courrier-jour-titre-recherche">
            <h2 id="courrier-jour-titre-recherche" class="visually-hidden">
              Rechercher un domicilié
            </h2>
            <div class="desk__live" role="status" aria-live="polite" aria-atomic="true">
              <Show when={confirmation()}>
                {(message) => (
                  <div class="alert alert--success">
                    <p class="alert__title">{message()}</p>
                  </div>
                )}
              </Show>
            </div>
            <div class="field">
              <span class="field-label">
                <label for={SEARCH_ID}>Nom, prénom ou ID</label>
              </span>
              <p class="field-hint" id={`${SEARCH_ID}-aide`}>
                Au moins {SEARCH_MIN_LENGTH} caractères. <kbd>↑</kbd> <kbd>↓</kbd> pour choisir, <kbd>Entrée</kbd> pour valider,{" "}
                <kbd>Échap</kbd> pour effacer.
              </p>
              <input
                ref={input}
                id={SEARCH_ID}
                type="search"
                role="combobox"
                autocomplete="off"
                spellcheck={false}
                maxLength={FIELD_MAX.recherche}
                aria-autocomplete="list"
                aria-controls={LISTBOX_ID}
                aria-expanded={listOpen()}
                aria-activedescendant={listOpen() && results()[active()] ? optionId(results()[active()]!) : undefined}
                aria-describedby={`${SEARCH_ID}-aide`}
                value={query()}
                onInput={(e) => onType(e.currentTarget.value)}
                onKeyDown={onSearchKey}
              />
            </div>
            {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the combobox pattern; the search field owns the keyboard (aria-activedescendant). */}
            <ul id={LISTBOX_ID} role="listbox" aria-label="Domiciliés trouvés" class="desk__results" hidden={!listOpen()}>
              <For each={listOpen() ? results() : []}>
                {(row, index) => (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the search field owns the keyboard (arrows, Entrée).
                  // biome-ignore lint/a11y/useFocusableInteractive: options of a combobox are not focused; the field points at them.
                  <li
                    id={optionId(row)}
                    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an option of the combobox's listbox.
                    role="option"
                    class="desk__option"
                    aria-selected={index() === active()}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => pick(row)}
                  >
                    <span class="desk__option-name">{nomComplet(row)}</span>
                    <span class="desk__option-meta">
                      ID {row.customRef} · né(e) le {formatDateFr(row.dateNaissance)}
                      <Show when={pendingMailText(row)}>{(t) => <> · en attente : {t()}</>}</Show>
                    </span>
                    <span class={statutBadgeClass(row.statut)}>{USAGER_STATUT_LABELS[row.statut]}</span>
                  </li>
                )}
              </For>
            </ul>
            <Show when={shownFor() !== null && results().length === 0 && !picked()}>
              <p class="empty">Aucun domicilié ne correspond à « {shownFor()} ».</p>
            </Show>
            <Show when={searching()}>
              <p class="loading progress-line">
                <span class="spinner" aria-hidden="true" />
                Recherche…
              </p>
            </Show>
            <p class="visually-hidden" role="status">
              {announce()}
            </p>
            <Show when={!picked()}>
              <div role="alert">
                <Show when={error()}>
                  <p class="alert alert--error">{error()}</p>
                </Show>
              </div>
            </Show>
          </section>

          <Show when={picked()}>
            {(row) => (
              <section class="section desk__picked" aria-labelledby="courrier-jour-titre-reception">
                <form
                  novalidate
                  onSubmit={register}
                  onKeyDown={(e) => {
                    if (e.key === "Escape") {
                      e.preventDefault();
                      backToSearch();
                    }
                  }}
                >
                  <h2 id="courrier-jour-titre-reception">{nomComplet(row())}</h2>
                  <p class="desk__picked-meta">
                    <span>ID {row().customRef}</span>
                    <span>né(e) le {formatDateFr(row().dateNaissance)}</span>
                    <span class={statutBadgeClass(row().statut)}>{USAGER_STATUT_LABELS[row().statut]}</span>
                    <span>En attente : {pendingMailText(row()) ?? "rien"}</span>
                  </p>
                  <Show when={row().statut === "RADIE"}>
                    <p class="alert alert--warning">
                      Ce domicilié est radié. Le courrier peut être enregistré ; pensez à le retourner à l'expéditeur.
                    </p>
                  </Show>
                  <Show when={row().statut !== "RADIE" && row().statut !== "VALIDE"}>
                    <p class="alert alert--warning">
                      La domiciliation de cette personne n'est pas active (statut : {USAGER_STATUT_LABELS[row().statut]}).
                    </p>
                  </Show>
                  <div class="counter-row">
                    <For each={COUNTERS}>
                      {(c) => (
                        <Counter
                          id={`courrier-jour-${c.key}`}
                          label={c.label}
                          one={ONE[c.key]}
                          value={quantities[c.key]}
                          onValue={(n) => setQuantities(c.key, n)}
                          quick
                        />
                      )}
                    </For>
                  </div>
                  <p class="desk__keys">
                    <kbd>Entrée</kbd> enregistrer · <kbd>+</kbd> <kbd>−</kbd> ou <kbd>↑</kbd> <kbd>↓</kbd> changer le nombre ·{" "}
                    <kbd>Tab</kbd> colis, avis de passage · <kbd>Échap</kbd> changer de domicilié
                  </p>
                  <div role="alert">
                    <Show when={error()}>
                      <p class="alert alert--error">{error()}</p>
                    </Show>
                  </div>
                  <div class="form__actions">
                    <Button type="submit" busy={busy()}>
                      Enregistrer
                    </Button>
                    <Button variant="secondary" onClick={backToSearch}>
                      Changer de domicilié
                    </Button>
                    <A href={`/usagers/${row().id}?onglet=courriers`}>Ouvrir la fiche</A>
                  </div>
                </form>
              </section>
            )}
          </Show>
        </div>

        <section class="section">
          <h2 id="courrier-jour-titre-session">Enregistré aujourd'hui sur ce poste</h2>
          <Show when={todays().length > 0} fallback={<p class="muted">Aucune réception enregistrée depuis l'ouverture de cet onglet.</p>}>
            <p class="desk__totals">
              {todays().length} réception{todays().length > 1 ? "s" : ""} : {quantitiesText(totals())}
            </p>
            <section class="table-wrap" tabindex="0" aria-labelledby="courrier-jour-titre-session">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">Heure</th>
                    <th scope="col">Domicilié</th>
                    <th scope="col">Reçu</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={todays()}>
                    {(e) => (
                      <tr>
                        <td class="nowrap">
                          <time datetime={isoOf(e.at)}>{formatShortDateTime(e.at).slice(-5)}</time>
                        </td>
                        <th scope="row">
                          <A href={`/usagers/${e.usagerId}?onglet=courriers`}>{e.name}</A>
                          <span class="table__sub">
                            ID {e.customRef}
                            {e.radie ? " · radié" : ""}
                          </span>
                        </th>
                        <td>{quantitiesText(e.quantities)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </section>
            <p class="field-hint">Pour corriger une saisie, ouvrez la fiche : la dernière opération peut y être supprimée.</p>
          </Show>
        </section>
      </div>
    </>
  );
}
