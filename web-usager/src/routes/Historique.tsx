import { createEffect, createSignal, For, onMount, Show } from "solid-js";
import { api, type Failure, failureMessage, failureOf, type HistoryItem, isUnauthenticated } from "../api";
import { LiveMessage } from "../components/Alert";
import { t } from "../i18n";
import { linkClick, navigate, ROUTES } from "../router";
import { forgetSession } from "../session";

/**
 * "Historique des interactions" (reference A.8): every interaction, newest first, a page at a
 * time (monEspace.history). Online only: the device keeps the dashboard, not the history.
 */
export function Historique() {
  const d = t;
  const [items, setItems] = createSignal<HistoryItem[]>([]);
  const [next, setNext] = createSignal<number | null>(null);
  const [loaded, setLoaded] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<Failure>();
  let list: HTMLOListElement | undefined;

  createEffect(() => {
    document.title = d().common.pageTitle(d().history.title);
  });

  async function load(before: number | null) {
    if (busy()) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const page = await api.monEspace.history.query({ before });
      const first = items().length;
      setItems([...items(), ...page.items]);
      setNext(page.nextBefore);
      setLoaded(true);
      // "Show older": the focus moves to the first new entry, so keyboard and screen-reader users go on reading.
      if (before !== null) requestAnimationFrame(() => (list?.children[first] as HTMLElement | undefined)?.focus());
    } catch (error) {
      const f = failureOf(error);
      if (isUnauthenticated(f)) {
        await forgetSession();
        navigate(ROUTES.signIn, { replace: true });
        return;
      }
      setFailure(f);
    } finally {
      setBusy(false);
    }
  }
  onMount(() => load(null));

  const failureText = () => {
    const f = failure();
    if (!f) return undefined;
    return f.kind === "network" ? d().history.offline : failureMessage(f, d());
  };

  return (
    <div class="page" classList={{ "page--loading": !loaded() && !failure() }}>
      <p class="back">
        <a href={ROUTES.dashboard} onClick={linkClick}>
          <span aria-hidden="true">{d().dir === "rtl" ? "→ " : "← "}</span>
          {d().history.back}
        </a>
      </p>
      <h1>{d().history.title}</h1>
      <p class="lead">{d().history.intro}</p>
      <Show when={!loaded() && busy()}>
        <p class="loading" role="status">
          <span class="spinner" aria-hidden="true" />
          {d().common.loading}
        </p>
      </Show>
      <Show when={loaded() && items().length === 0}>
        <p class="card">{d().history.empty}</p>
      </Show>
      <Show when={items().length > 0}>
        <ol class="history" ref={list}>
          <For each={items()}>
            {(item) => {
              const at = new Date(item.createdAt);
              return (
                <li class="card" tabindex="-1">
                  <p class="history__when">{d().history.at(d().instantDate(at), d().time(at))}</p>
                  <p class="history__what">{d().history.item(item.type, item.nb)}</p>
                  <Show when={item.content}>
                    <p class="history__content" lang="fr">
                      {item.content}
                    </p>
                  </Show>
                </li>
              );
            }}
          </For>
        </ol>
      </Show>
      <LiveMessage kind="error" message={failureText()} />
      <Show when={failure() && !loaded()}>
        <button type="button" class="btn btn--primary" onClick={() => load(null)}>
          {d().common.retry}
        </button>
      </Show>
      <Show when={next() !== null}>
        <button type="button" class="btn btn--secondary" aria-disabled={busy()} onClick={() => load(next())}>
          {busy() ? d().history.loadingMore : d().history.more}
        </button>
      </Show>
    </div>
  );
}
