import { createEffect, createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import { type RECEPTION_TYPES, waitingMailTotal } from "../../../worker/rules/courrier";
import {
  api,
  type Dashboard as DashboardData,
  type Failure,
  failureMessage,
  failureOf,
  isUnauthenticated,
  sharedDocumentUrl,
} from "../api";
import { LiveMessage } from "../components/Alert";
import { EnvelopeIcon, NoticeIcon, ParcelIcon } from "../components/Icons";
import { t } from "../i18n";
import { localDay } from "../i18n/format";
import type { Dict } from "../i18n/fr";
import { loadDashboard, saveDashboard } from "../offline/store";
import { linkClick, navigate, ROUTES } from "../router";
import { forgetSession, isSharedDevice } from "../session";

type State =
  | { kind: "loading" }
  | { kind: "ready"; data: DashboardData; offlineSince?: number }
  | { kind: "offline-empty" }
  | { kind: "error"; failure: Failure };

type ReceptionType = (typeof RECEPTION_TYPES)[number];
type Pending = DashboardData["pending"][number];

function receptionLabel(d: Dict, type: string, nb: number): string {
  const t = type as ReceptionType;
  return t === "colisIn" ? d.dashboard.colis(nb) : t === "recommandeIn" ? d.dashboard.avis(nb) : d.dashboard.courriers(nb);
}

/** Receptions not yet handed over, by day of arrival (newest first, as the server sends them). */
function byDay(pending: Pending[]): { day: string; items: Pending[] }[] {
  const groups = new Map<string, Pending[]>();
  for (const p of pending) {
    const day = localDay(new Date(p.createdAt));
    groups.set(day, [...(groups.get(day) ?? []), p]);
  }
  // Within a day: courriers, colis, avis, as in the counts above.
  const order = (p: Pending) => ["courrierIn", "colisIn", "recommandeIn"].indexOf(p.type);
  return [...groups].map(([day, items]) => ({ day, items: items.sort((a, b) => order(a) - order(b)) }));
}

/** French numbers are dialled from abroad too: "06 06 06 06 06" → "+33 6 06 06 06 06" (metropolitan only). */
export function formatPhone(raw: string): { text: string; href: string } {
  const digits = raw.replace(/[\s.-]/g, "");
  const overseas = /^0(26[29]|59[04]|596|639|69[0-7]|508)/.test(digits);
  if (/^0[1-9]\d{8}$/.test(digits) && !overseas) {
    const n = digits.slice(1);
    return { text: `+33 ${n[0]} ${n.slice(1).match(/\d{2}/g)!.join(" ")}`, href: `tel:+33${n}` };
  }
  return { text: raw, href: `tel:${digits}` };
}

/**
 * The date formats are slow to create the first time (Intl loads the language's locale data, tens
 * of milliseconds on a phone): made while the dashboard is on its way, not in the same go as
 * drawing it.
 */
function prepareDates(d: Dict): void {
  const day = "2000-01-01";
  const instant = new Date();
  d.date(day);
  d.longDate(day);
  d.instantDate(instant);
  d.time(instant);
}

/**
 * "Mon espace": one request (monEspace.dashboard), kept on the device for offline reading unless
 * the device is shared. Layout and labels follow the seed.
 */
export function Dashboard() {
  const d = t;
  const [state, setState] = createSignal<State>({ kind: "loading" });

  createEffect(() => {
    document.title = d().common.pageTitle(d().dashboard.title);
  });

  async function load() {
    if (state().kind !== "ready") setState({ kind: "loading" });
    try {
      const request = api.monEspace.dashboard.query();
      // A task of its own, queued after the one in which tRPC sends its batch: the request is
      // already on its way while the formats are made.
      setTimeout(() => prepareDates(d()));
      const data = await request;
      setState({ kind: "ready", data });
      if (!isSharedDevice()) await saveDashboard(data);
    } catch (error) {
      const failure = failureOf(error);
      if (isUnauthenticated(failure)) {
        await forgetSession();
        navigate(ROUTES.signIn, { replace: true });
        return;
      }
      if (failure.kind === "network") {
        const saved = isSharedDevice() ? undefined : await loadDashboard();
        setState(saved ? { kind: "ready", data: saved.data, offlineSince: saved.savedAt } : { kind: "offline-empty" });
        return;
      }
      setState({ kind: "error", failure });
    }
  }
  onMount(load);

  const offlineText = () => {
    const s = state();
    if (s.kind !== "ready" || s.offlineSince === undefined) return undefined;
    const at = new Date(s.offlineSince);
    return d().dashboard.offline(d().instantDate(at), d().time(at));
  };

  return (
    <div class="page" classList={{ "page--loading": state().kind === "loading" }}>
      <div class="offline-region" role="status">
        <Show when={offlineText()}>
          <div class="banner banner--offline">
            <p>
              <span aria-hidden="true">⚠ </span>
              {offlineText()}
            </p>
            <button type="button" class="btn btn--small" onClick={load}>
              {d().common.retry}
            </button>
          </div>
        </Show>
      </div>
      <Switch>
        <Match when={state().kind === "loading"}>
          <h1>{d().dashboard.title}</h1>
          <p class="loading" role="status">
            <span class="spinner" aria-hidden="true" />
            {d().common.loading}
          </p>
        </Match>
        <Match when={state().kind === "offline-empty"}>
          <h1>{d().dashboard.title}</h1>
          <LiveMessage kind="error" message={d().dashboard.offlineNoData} />
          <button type="button" class="btn btn--primary" onClick={load}>
            {d().common.retry}
          </button>
        </Match>
        <Match when={state().kind === "error" && (state() as { failure: Failure }).failure}>
          {(failure) => (
            <>
              <h1>{d().dashboard.title}</h1>
              <LiveMessage kind="error" message={failureMessage(failure(), d())} />
              <button type="button" class="btn btn--primary" onClick={load}>
                {d().common.retry}
              </button>
            </>
          )}
        </Match>
        <Match when={state().kind === "ready" && (state() as { data: DashboardData }).data}>
          {(data) => <DashboardView data={data()} />}
        </Match>
      </Switch>
    </div>
  );
}

function DashboardView(props: { data: DashboardData }) {
  const d = t;
  const u = () => props.data.usager;
  const hasMail = () => waitingMailTotal(u()) > 0;
  const counts = () =>
    [
      { icon: EnvelopeIcon, n: u().nbCourrier, text: d().dashboard.courriers(u().nbCourrier) },
      { icon: ParcelIcon, n: u().nbColis, text: d().dashboard.colis(u().nbColis) },
      { icon: NoticeIcon, n: u().nbAvis, text: d().dashboard.avis(u().nbAvis) },
    ].filter((c) => c.n > 0);
  const procurations = () => props.data.procurations.filter((p) => p.state !== "inactive");
  const transfert = () => props.data.transfert;
  const alert = () => {
    const e = props.data.echeance;
    if (!e || (u().statut !== "VALIDE" && u().statut !== "INSTRUCTION")) return undefined;
    if (e.days < 0) return { level: "danger", text: d().dashboard.expired(d().date(e.date)) };
    if (e.days < 60) return { level: e.days <= 15 ? "danger" : "warning", text: d().dashboard.expiresSoon(d().date(e.date)) };
    return undefined;
  };
  const phone = () => (u().telephone ? formatPhone(u().telephone!) : undefined);
  const structurePhone = () => (props.data.structure.telephone ? formatPhone(props.data.structure.telephone) : undefined);

  return (
    <>
      <h1 class="hello">{d().dashboard.hello(u().prenom, u().nom, u().customRef)}</h1>
      <p class="lead">{d().dashboard.welcome}</p>
      <Show when={isSharedDevice()}>
        <p class="message message--info">{d().dashboard.sharedNotice}</p>
      </Show>

      <Show when={(props.data.messages ?? []).length > 0}>
        <section class="card messages" aria-labelledby="messages">
          <h2 id="messages">{d().dashboard.messagesTitle}</h2>
          <ul class="message-list">
            <For each={props.data.messages}>
              {(m) => (
                <li class={`callout callout--${m.type === "closing" ? "warning" : "info"}`}>
                  <h3 lang="fr">{m.titre}</h3>
                  <p class="note">
                    {d().dashboard.messageTypes[m.type]} ·{" "}
                    {d().dashboard.messagePeriod(d().date(m.dateDebut), m.dateFin ? d().date(m.dateFin) : null)}
                  </p>
                  <p class="message-text" lang="fr">
                    {m.texte}
                  </p>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>

      <section class="card mail" classList={{ "mail--waiting": hasMail() }} aria-labelledby="courrier">
        <h2 id="courrier">{hasMail() ? d().dashboard.hasMail : d().dashboard.noMail}</h2>
        <Show when={hasMail()} fallback={<p>{d().dashboard.noMailHint}</p>}>
          <p>{d().dashboard.collect}</p>
          <ul class="counts">
            <For each={counts()}>
              {(c) => (
                <li>
                  <c.icon />
                  <span>{c.text}</span>
                </li>
              )}
            </For>
          </ul>
          <Show when={props.data.pending.length > 0}>
            <h3>{d().dashboard.pendingTitle}</h3>
            <ul class="days">
              <For each={byDay(props.data.pending)}>
                {(group) => (
                  <li>
                    <p class="day">{d().longDate(group.day)}</p>
                    <ul class="receptions">
                      <For each={group.items}>
                        {(p) => (
                          <li>
                            <span>{receptionLabel(d(), p.type, p.nb)}</span>
                            <Show when={p.content}>
                              <span class="tag">
                                <span class="sr-only">{d().dashboard.comment} : </span>
                                <span lang="fr">{p.content}</span>
                              </span>
                            </Show>
                          </li>
                        )}
                      </For>
                    </ul>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Show>
        <p class="note">{d().dashboard.visitRule}</p>
        <p>
          <a class="btn btn--secondary" href={ROUTES.history} onClick={linkClick}>
            {d().dashboard.historyLink}
          </a>
        </p>
      </section>

      <section class="card" aria-labelledby="documents">
        <h2 id="documents">{d().dashboard.documentsTitle}</h2>
        <Show when={(props.data.documents ?? []).length > 0} fallback={<p>{d().dashboard.noDocuments}</p>}>
          <ul class="documents">
            <For each={props.data.documents}>
              {(doc) => (
                <li>
                  <a href={sharedDocumentUrl(doc.id)} download="">
                    <span class="sr-only">{d().dashboard.download} : </span>
                    <span lang="fr">{doc.label}</span>
                  </a>
                  <span class="note">
                    {d().dashboard.fileKind(doc.mimeType)} · {d().dashboard.documentAdded(d().instantDate(new Date(doc.createdAt)))}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>

      <section class="card" aria-labelledby="procurations">
        <h2 id="procurations">{d().dashboard.procTitle}</h2>
        <Show when={procurations().length > 0 || transfert()} fallback={<p>{d().dashboard.nothingProc}</p>}>
          <Show when={transfert()}>
            {(tr) => (
              <div class="transfert" classList={{ "callout callout--danger": !tr().actif && tr().dateFin < props.data.today }}>
                <Switch>
                  <Match when={tr().actif}>
                    <p>{d().dashboard.transfertActive(d().date(tr().dateFin))}</p>
                    <address lang="fr">
                      <bdi>{tr().nom}</bdi>
                      <Show when={tr().adresse}>
                        <br />
                        <bdi>{tr().adresse}</bdi>
                      </Show>
                    </address>
                  </Match>
                  <Match when={tr().dateFin < props.data.today}>
                    <p>{d().dashboard.transfertExpired(d().date(tr().dateFin))}</p>
                  </Match>
                  <Match when={true}>
                    <p>{d().dashboard.transfertFuture(d().date(tr().dateDebut))}</p>
                    <address lang="fr">
                      <bdi>{tr().nom}</bdi>
                      <Show when={tr().adresse}>
                        <br />
                        <bdi>{tr().adresse}</bdi>
                      </Show>
                    </address>
                  </Match>
                </Switch>
              </div>
            )}
          </Show>
          <Show when={procurations().length > 0}>
            <ul class="procurations">
              <For each={procurations()}>
                {(p) => {
                  const name = `${p.prenom} ${p.nom.toLocaleUpperCase("fr-FR")}`;
                  return (
                    <li classList={{ expired: p.state === "expired" }}>
                      {p.state === "expired"
                        ? d().dashboard.procExpired(name, d().date(p.dateFin))
                        : d().dashboard.procActive(name, d().date(p.dateFin))}
                    </li>
                  );
                }}
              </For>
            </ul>
          </Show>
        </Show>
      </section>

      <section class="card" aria-labelledby="domiciliation">
        <h2 id="domiciliation">{d().dashboard.domTitle}</h2>
        <Show when={alert()}>
          {(a) => (
            <div class={`callout callout--${a().level}`}>
              <p>
                <span aria-hidden="true">⚠ </span>
                {a().text}
              </p>
              <p>{d().dashboard.renewHint}</p>
            </div>
          )}
        </Show>
        <h3>{d().dashboard.dossierTitle}</h3>
        <dl class="facts">
          <div>
            <dt>{d().dashboard.statut}</dt>
            <dd>
              <span class={`badge badge--${u().statut.toLowerCase()}`}>{d().dashboard.statuts[u().statut]}</span>
            </dd>
          </div>
          <div>
            <dt>{d().dashboard.echeance}</dt>
            <dd>{props.data.echeance ? d().date(props.data.echeance.date) : d().dashboard.none}</dd>
          </div>
          <div>
            <dt>{d().dashboard.dernierPassage}</dt>
            <dd>{u().dernierPassage ? d().instantDate(new Date(u().dernierPassage!)) : d().dashboard.none}</dd>
          </div>
        </dl>
        <h3>{d().dashboard.infoTitle}</h3>
        <dl class="facts">
          <div>
            <dt>{d().dashboard.name}</dt>
            <dd>
              {u().prenom} {u().nom}
            </dd>
          </div>
          <div>
            <dt>{d().dashboard.phone}</dt>
            <dd>
              <Show when={phone()} fallback={d().dashboard.noPhone}>
                {(p) => <span dir="ltr">{p().text}</span>}
              </Show>
            </dd>
          </div>
          <div>
            <dt>{d().dashboard.email}</dt>
            <dd class="break">
              <Show when={u().email} fallback={d().dashboard.noEmail}>
                {(email) => <bdi>{email()}</bdi>}
              </Show>
            </dd>
          </div>
        </dl>
        <p class="note">{d().dashboard.infoHelp}</p>
      </section>

      <section class="card" aria-labelledby="structure">
        <h2 id="structure">{d().dashboard.structureTitle}</h2>
        {/* French postal data: each line isolated, so "12 rue…" keeps its order in a right-to-left page. */}
        <address lang="fr">
          <strong>
            <bdi>{props.data.structure.nom}</bdi>
          </strong>
          <br />
          <bdi>{props.data.structure.adresse}</bdi>
          <br />
          <bdi>
            {props.data.structure.codePostal} {props.data.structure.ville}
          </bdi>
          <Show when={structurePhone()}>
            {(p) => (
              <>
                <br />
                <a href={p().href} dir="ltr">
                  {p().text}
                </a>
              </>
            )}
          </Show>
        </address>
      </section>
    </>
  );
}
