import { A, useLocation, useSearchParams } from "@solidjs/router";
import type { inferRouterInputs } from "@trpc/server";
import { ReceptionDialog } from "../../components/courrier/ReceptionDialog";
import { createEffect, createMemo, createResource, createSignal, For, Match, on, onCleanup, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import { api, apiFailure, type Outputs } from "../../api";
import type { AppRouter } from "../../../../worker/router";
import { daysBetween, formatDateFr } from "../../../../worker/rules/dates";
import { ECHEANCE_FILTERS, USAGER_STATUT_LABELS, type EcheanceFilter } from "../../../../worker/rules/echeance";
import { SEARCH_MIN_LENGTH } from "../../../../worker/rules/search";
import { ENTRETIEN_FILTERS, nomComplet, TYPE_DOM_LABELS, USAGER_TABS, type UsagerTab } from "../../../../worker/rules/usager";
import { ErrorMessage, StatusMessage } from "../../components/Alerts";
import { Button } from "../../components/Button";
import { Icon } from "../../components/Icon";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { formatDate, isoOf } from "../../components/dates";
import { createFormState } from "../../components/form";
import { RequirePermission } from "../../components/RequirePermission";
import { TabList, tabId } from "../../components/Tabs";
import { usePageTitle } from "../../components/title";
import { colleagueName, createColleagues, type Colleague } from "../../components/usager/colleagues";
import { emptyRadiation, RadiationFields, todayCalendar, type RadiationValues } from "../../components/usager/DecisionFields";
import { echeanceClass, echeanceDelay, plural, statutBadgeClass, toIsoDate } from "../../components/usager/format";
import { useStaff } from "../../session";

/** The list query with every default filled in. */
type ListInput = Required<inferRouterInputs<AppRouter>["usagers"]["list"]>;
type Row = Outputs["usagers"]["list"]["rows"][number];

const TAB_KEYS = Object.keys(USAGER_TABS) as UsagerTab[];
const SORTS = { ref: "ID", nom: "Nom", echeance: "Échéance", passage: "Dernier passage" } as const;
type Sort = keyof typeof SORTS;
const PASSAGES = { PLUS_2_MOIS: "Plus de 2 mois", PLUS_3_MOIS: "Plus de 3 mois" } as const;
const ECHEANCES = Object.fromEntries(Object.entries(ECHEANCE_FILTERS).map(([key, f]) => [key, f.label])) as Record<EcheanceFilter, string>;
const RADIE_DEPUIS = { PLUS_1_AN: "Plus d'un an", PLUS_2_ANS: "Plus de 2 ans" } as const;
/** The rendez-vous of the entretien only matters while the request is in instruction. */
const withEntretien = (tab: UsagerTab) => tab === "TOUS" || tab === "INSTRUCTION";
const SEARCH_DELAY_MS = 250;
const RESULT_ID = "usagers-resultat";
const PANEL_ID = "usagers-panneau";

const pick = <T extends string>(value: string | undefined, allowed: Record<T, unknown>): T | undefined =>
  value !== undefined && Object.hasOwn(allowed, value) ? (value as T) : undefined;

type Params = Partial<Record<"onglet" | "q" | "passage" | "echeance" | "radie" | "entretien" | "courrier" | "referent" | "tri" | "ordre" | "page", string>>;

/** The list's whole state lives in the query string: reload, back and shared links show the same page. */
function inputOf(p: Params): ListInput {
  const tab = pick(p.onglet, USAGER_TABS) ?? "TOUS";
  const q = (p.q ?? "").trim();
  const page = Number(p.page);
  const referent = p.referent === "AUCUN" ? "AUCUN" : Number(p.referent) > 0 ? Number(p.referent) : null;
  return {
    tab,
    q: q.length >= SEARCH_MIN_LENGTH ? q : "",
    passage: pick(p.passage, PASSAGES) ?? null,
    echeance: pick(p.echeance, ECHEANCES) ?? null,
    radieDepuis: tab === "RADIES" ? (pick(p.radie, RADIE_DEPUIS) ?? null) : null,
    entretien: withEntretien(tab) ? (pick(p.entretien, ENTRETIEN_FILTERS) ?? null) : null,
    courrier: p.courrier === "1" ? true : null,
    referentId: referent,
    sort: pick(p.tri, SORTS) ?? "nom",
    order: p.ordre === "desc" ? "desc" : "asc",
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function UsagersListe() {
  usePageTitle(() => "Domiciliés");
  return (
    <RequirePermission permission="usager.read" title="Domiciliés">
      <ListeContent />
    </RequirePermission>
  );
}

function ListeContent() {
  const staff = useStaff();
  const [params, setParams] = useSearchParams<Params>();
  const colleagues = createColleagues();
  const input = createMemo(() => inputOf(params), undefined, { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  const [data, { refetch }] = createResource(input, (i) => api.usagers.list.query(i));
  // A message handed over by the page that sent us here (a file just deleted, whose fiche is gone):
  // it heads the content, where the focus lands after a navigation (main.tsx).
  const location = useLocation<{ notice?: string }>();
  const [notice, setNotice] = createSignal<string | null>(location.state?.notice ?? null);
  // One-click reception from a row (reference B.13 quick buttons). The dialog stays mounted once
  // opened, closed rather than removed, so that closing it hands the focus back.
  const [receiving, setReceiving] = createSignal<Row | null>(null);
  const [receptionOpen, setReceptionOpen] = createSignal(false);
  let received = false;
  const canReceive = () => staff.can("courrier.register");
  const [selected, setSelected] = createSignal<ReadonlySet<number>>(new Set());
  const canBulk = () => staff.can("usager.radiate") || staff.can("usager.instruct");

  // Selection is per result page: any change of search, filter, tab or page starts afresh.
  createEffect(on(input, () => setSelected(new Set<number>()), { defer: true }));

  /** Changing a filter goes back to page 1; typing in the search box does not stack history entries. */
  const update = (change: Params, replace = false) => setParams({ ...change, page: undefined }, { replace });

  // Search: debounced, from 2 characters; the box follows the URL on back / forward.
  const [typed, setTyped] = createSignal(params.q ?? "");
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  /** What the box searches for: nothing under 2 characters (the list then shows everyone). */
  const effective = (value: string) => {
    const q = value.trim();
    return q.length >= SEARCH_MIN_LENGTH ? q : "";
  };
  const onSearch = (value: string) => {
    setTyped(value);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const q = effective(value);
      if (q !== (params.q ?? "")) update({ q: q || undefined }, true);
    }, SEARCH_DELAY_MS);
  };
  createEffect(
    on(
      () => params.q,
      (q) => {
        if ((q ?? "") !== effective(typed())) setTyped(q ?? "");
      },
      { defer: true },
    ),
  );
  const tooShort = () => {
    const n = typed().trim().length;
    return n > 0 && n < SEARCH_MIN_LENGTH;
  };

  const result = () => data.latest;
  const rows = () => result()?.rows ?? [];
  const pages = () => {
    const r = result();
    return r ? Math.max(1, Math.ceil(r.total / r.pageSize)) : 1;
  };
  const hasFilters = () => {
    const i = input();
    return Boolean(i.q || i.passage || i.echeance || i.radieDepuis || i.entretien || i.courrier || i.referentId);
  };

  const toggle = (id: number, on: boolean) => {
    const next = new Set(selected());
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const allOnPage = () => rows().length > 0 && rows().every((r) => selected().has(r.id));
  const toggleAll = (on: boolean) => setSelected(on ? new Set(rows().map((r) => r.id)) : new Set<number>());

  const goToPage = (page: number) => {
    setParams({ page: page > 1 ? String(page) : undefined });
    queueMicrotask(() => document.getElementById("usagers-titre")?.scrollIntoView({ block: "start" }));
  };

  const tabs = () =>
    TAB_KEYS.map((key) => ({
      value: key,
      label: (
        <>
          {USAGER_TABS[key].label}{" "}
          <span class="tabs__count">{result()?.tabCounts[key] ?? "…"}</span>
        </>
      ),
    }));

  return (
    <>
      <div class="page-heading">
        <h1 id="usagers-titre">Domiciliés</h1>
        <Show when={staff.can("usager.instruct")}>
          <A href="/usagers/nouveau" class="button button--primary">
            Nouveau domicilié
          </A>
        </Show>
      </div>
      <StatusMessage message={notice()} id={RESULT_ID} />
      <Show when={receiving()}>
        {(row) => (
          <ReceptionDialog
            open={receptionOpen()}
            usager={{ id: row().id, statut: row().statut, npaiDepuis: row().npaiDepuis }}
            onClose={() => setReceptionOpen(false)}
            onDone={(message) => {
              received = true;
              setNotice(message);
              void refetch();
            }}
            focusAfterClose={() => (received ? document.getElementById(RESULT_ID) : null)}
          />
        )}
      </Show>

      <div class="list-tools" role="search" aria-label="Recherche et filtres">
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
            maxLength={100}
            value={typed()}
            onInput={(e) => onSearch(e.currentTarget.value)}
            onKeyDown={(e) => {
              // Enter searches at once, without waiting for the pause.
              if (e.key !== "Enter") return;
              clearTimeout(timer);
              const q = effective(e.currentTarget.value);
              if (q !== (params.q ?? "")) update({ q: q || undefined }, true);
            }}
            aria-describedby={`usagers-recherche-aide${tooShort() ? " usagers-recherche-court" : ""}`}
          />
          <Show when={tooShort()}>
            <p class="field-hint" id="usagers-recherche-court">
              Saisissez au moins {SEARCH_MIN_LENGTH} caractères.
            </p>
          </Show>
        </div>
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
              <For each={colleagues()}>
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
        <div class="list-tools__sort">
          <FilterSelect
            id="tri"
            label="Trier par"
            options={SORTS}
            value={input().sort}
            onValue={(v) => setParams({ tri: v === "nom" ? undefined : v, page: undefined })}
          />
          <FilterSelect
            id="ordre"
            label="Ordre"
            options={{ asc: "Croissant", desc: "Décroissant" }}
            value={input().order}
            onValue={(v) => setParams({ ordre: v === "asc" ? undefined : v, page: undefined })}
          />
          <Show when={hasFilters()}>
            <Button
              variant="link"
              onClick={() => {
                setTyped("");
                setParams({ q: undefined, passage: undefined, echeance: undefined, radie: undefined, entretien: undefined, courrier: undefined, referent: undefined, page: undefined });
              }}
            >
              Effacer la recherche et les filtres
            </Button>
          </Show>
        </div>
      </div>

      <TabList
        label="Statut des dossiers"
        idPrefix="onglet-usagers"
        panelId={PANEL_ID}
        tabs={tabs()}
        selected={input().tab}
        onSelect={(tab) => update({ onglet: tab === "TOUS" ? undefined : tab, radie: undefined })}
      />
      <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId("onglet-usagers", input().tab)}>
        <div class="list-status">
          <Show when={data.loading}>
            <p class="loading progress-line" role="status">
              <span class="spinner" aria-hidden="true" />
              Recherche en cours…
            </p>
          </Show>
          <Show when={!data.loading && result()}>
            {(r) => (
              <p class="table-count" role="status">
                {r().total === 0
                  ? "Aucun dossier"
                  : `${plural(r().total, "dossier", "dossiers")} — page ${r().page} sur ${pages()}`}
              </p>
            )}
          </Show>
        </div>
        <Switch>
          <Match when={data.error}>
            <ErrorMessage message={apiFailure(data.error).message} />
            <Button variant="secondary" onClick={() => refetch()}>
              Réessayer
            </Button>
          </Match>
          <Match when={result() && rows().length === 0 && (result()?.total ?? 0) > 0}>
            <p class="empty">
              Cette page n'existe plus.{" "}
              <Button variant="link" onClick={() => goToPage(1)}>
                Revenir à la première page
              </Button>
            </p>
          </Match>
          <Match when={result() && rows().length === 0}>
            <p class="empty">
              {hasFilters() ? "Aucun domicilié ne correspond à votre recherche." : "Aucun domicilié dans cette catégorie."}
            </p>
          </Match>
          <Match when={result()}>
            <div
              class="table-wrap"
              tabindex="0"
              role="region"
              aria-label="Liste des domiciliés"
              aria-busy={data.loading ? "true" : undefined}
            >
              <table class="table table--usagers">
                <caption class="visually-hidden">
                  Domiciliés : {USAGER_TABS[input().tab].label}, trié par {SORTS[input().sort as Sort]} (
                  {input().order === "asc" ? "croissant" : "décroissant"})
                </caption>
                <thead>
                  <tr>
                    <Show when={canBulk()}>
                      <th scope="col" class="table__check">
                        <input
                          type="checkbox"
                          id="usagers-tout"
                          aria-label="Sélectionner tous les domiciliés de la page"
                          checked={allOnPage()}
                          onChange={(e) => toggleAll(e.currentTarget.checked)}
                        />
                      </th>
                    </Show>
                    <th scope="col">Statut</th>
                    <SortableHeader label="ID" sort="ref" input={input()} />
                    <SortableHeader label="Nom" sort="nom" input={input()} />
                    <th scope="col">Naissance</th>
                    <th scope="col">Téléphone</th>
                    <th scope="col">Demande</th>
                    <SortableHeader label="Dernier passage" sort="passage" input={input()} />
                    <SortableHeader label="Échéance" sort="echeance" input={input()} />
                    <th scope="col">Courrier</th>
                    <Show when={canReceive()}>
                      <th scope="col">
                        <span class="visually-hidden">Réception</span>
                      </th>
                    </Show>
                  </tr>
                </thead>
                <tbody>
                  <For each={rows()}>
                    {(row) => (
                      <UsagerRow
                        row={row}
                        selectable={canBulk()}
                        selected={selected().has(row.id)}
                        onSelect={(on) => toggle(row.id, on)}
                        onReceive={
                          canReceive()
                            ? () => {
                                received = false;
                                setReceiving(row);
                                setReceptionOpen(true);
                              }
                            : undefined
                        }
                      />
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Show when={pages() > 1}>
              <nav class="pagination" aria-label="Pages de résultats">
                <Button
                  variant="secondary"
                  class="button--small"
                  aria-disabled={input().page <= 1 ? "true" : undefined}
                  onClick={() => input().page > 1 && goToPage(input().page - 1)}
                >
                  Page précédente
                </Button>
                <span class="pagination__current" aria-current="page">
                  Page {input().page} sur {pages()}
                </span>
                <Button
                  variant="secondary"
                  class="button--small"
                  aria-disabled={input().page >= pages() ? "true" : undefined}
                  onClick={() => input().page < pages() && goToPage(input().page + 1)}
                >
                  Page suivante
                </Button>
              </nav>
            </Show>
          </Match>
          <Match when={data.loading}>
            <span />
          </Match>
        </Switch>
      </div>

      <BulkBar
        ids={[...selected()]}
        colleagues={colleagues()}
        onDone={(message) => {
          setSelected(new Set<number>());
          setNotice(message);
          void refetch();
        }}
        onClear={() => setSelected(new Set<number>())}
      />
    </>
  );
}

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

function UsagerRow(props: { row: Row; selectable: boolean; selected: boolean; onSelect: (on: boolean) => void; onReceive?: () => void }) {
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
        <Show when={props.row.nbCourrier + props.row.nbColis + props.row.nbAvis > 0} fallback={<span class="muted">—</span>}>
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

/** The sticky bar of the selection: bulk radiation and référent, each confirmed in a dialog. */
function BulkBar(props: { ids: number[]; colleagues: Colleague[]; onDone: (message: string) => void; onClear: () => void }) {
  const staff = useStaff();
  const colleagues = () => props.colleagues;
  const [open, setOpen] = createSignal<"radier" | "referent" | null>(null);
  const form = createFormState("masse");
  const [radiation, setRadiation] = createStore<RadiationValues>(emptyRadiation(todayCalendar()));
  const [referent, setReferent] = createSignal("");
  /** The selection when the dialog opened: it is what the confirmation is about. */
  const [targets, setTargets] = createSignal<number[]>([]);
  let succeeded = false;
  const count = () => plural(props.ids.length, "domicilié sélectionné", "domiciliés sélectionnés");
  const targetCount = () => plural(targets().length, "domicilié", "domiciliés");

  const start = (kind: "radier" | "referent") => {
    succeeded = false;
    setTargets(props.ids);
    form.reset();
    setRadiation(emptyRadiation(todayCalendar()));
    setReferent("");
    setOpen(kind);
  };

  const confirm = () =>
    void form.submit(async () => {
      if (open() === "radier") {
        const r = await api.usagers.bulkRadiate.mutate({
          usagerIds: targets(),
          date: toIsoDate(radiation.date),
          motif: (radiation.motif || undefined) as never,
          motifDetails: radiation.motifDetails,
        });
        succeeded = true;
        props.onDone(
          `${plural(r.radies, "radié", "radiés")}, ${plural(r.ignores, "ignoré", "ignorés")}${
            r.ignores > 0 ? " (dossiers déjà radiés, refusés ou modifiés entre-temps)" : ""
          }.`,
        );
        setOpen(null);
      } else {
        const r = await api.usagers.bulkAssignReferent.mutate({ usagerIds: targets(), referentId: referent() ? Number(referent()) : null });
        succeeded = true;
        props.onDone(
          referent()
            ? `Référent assigné à ${plural(r.updated, "dossier", "dossiers")}.`
            : `Référent retiré de ${plural(r.updated, "dossier", "dossiers")}.`,
        );
        setOpen(null);
      }
    });

  return (
    <>
      <Show when={props.ids.length > 0}>
        <div class="bulk-bar" role="region" aria-label="Actions sur la sélection">
          <div class="bulk-bar__inner">
            <p class="bulk-bar__count" role="status">
              {count()}
            </p>
            <div class="bulk-bar__actions">
              <Show when={staff.can("usager.instruct")}>
                <Button variant="secondary" class="button--small" onClick={() => start("referent")}>
                  Assigner un référent
                </Button>
              </Show>
              <Show when={staff.can("usager.radiate")}>
                <Button variant="danger" class="button--small" onClick={() => start("radier")}>
                  Radier
                </Button>
              </Show>
              <Button variant="link" class="button--small" onClick={props.onClear}>
                Annuler la sélection
              </Button>
            </div>
          </div>
        </div>
      </Show>

      <ConfirmDialog
        open={open() !== null}
        title={open() === "radier" ? `Radier ${targetCount()} ?` : `Assigner un référent à ${targetCount()}`}
        confirmLabel={open() === "radier" ? "Radier" : "Assigner le référent"}
        busyLabel={open() === "radier" ? "Radiation…" : "Enregistrement…"}
        danger={open() === "radier"}
        busy={form.busy()}
        error={form.error()}
        onConfirm={confirm}
        onCancel={() => setOpen(null)}
        focusAfterClose={() => (succeeded ? document.getElementById(RESULT_ID) : null)}
      >
        <Show when={open() === "radier"}>
          <p>
            Seuls les dossiers actifs ou en cours d'instruction sont radiés ; les autres sont ignorés. Chaque radiation
            apparaît dans l'historique du dossier.
          </p>
          <RadiationFields form={form} values={radiation} setValues={setRadiation} />
        </Show>
        <Show when={open() === "referent"}>
          <p>Le référent choisi remplace le référent actuel de chaque dossier sélectionné.</p>
          <div class="field">
            <span class="field-label">
              <label for="masse-referent">Nouveau référent</label>
            </span>
            <select id="masse-referent" data-autofocus onChange={(e) => setReferent(e.currentTarget.value)}>
              <option value="" selected={referent() === ""}>
                Aucun référent
              </option>
              <For each={colleagues()}>
                {(c) => (
                  <option value={String(c.id)} selected={referent() === String(c.id)}>
                    {colleagueName(c)}
                  </option>
                )}
              </For>
            </select>
          </div>
        </Show>
      </ConfirmDialog>
    </>
  );
}
