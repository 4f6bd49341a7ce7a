import { A, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Match, onCleanup, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import { STRUCTURE_MESSAGE_TYPES, messageIsCurrent, type StructureMessageType } from "../../../worker/rules/structure-messages";
import { api, apiFailure, type Outputs } from "../api";
import { ErrorMessage, FormError, Loading, StatusMessage } from "../components/Alerts";
import { Button } from "../components/Button";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { formatShortDateTime, isoOf } from "../components/dates";
import { DateField, RadioGroupField, RequiredNote, SelectField, TextAreaField, TextField } from "../components/Field";
import { createFormState } from "../components/form";
import { RequirePermission } from "../components/RequirePermission";
import { TabList, tabId } from "../components/Tabs";
import { usePageTitle } from "../components/title";
import { startDownload } from "../components/download";
import { todayCalendar } from "../components/usager/DecisionFields";
import { toIsoDate, toIsoDateOrNull, toTypedDate } from "../components/usager/format";

type Settings = Outputs["portail"]["settings"];
type AccountRow = Outputs["portail"]["accounts"]["rows"][number];
type MessageRow = Outputs["portail"]["messages"][number];
type PortailTab = "parametres" | "comptes" | "messages";
type OuiNon = "oui" | "non";

const TABS: readonly { value: PortailTab; label: string }[] = [
  { value: "parametres", label: "Paramètres du portail" },
  { value: "comptes", label: "Comptes du portail" },
  { value: "messages", label: "Messages aux domiciliés" },
];
const PANEL_ID = "portail-panneau";
const OUI_NON: readonly { value: OuiNon; label: string }[] = [
  { value: "oui", label: "Oui" },
  { value: "non", label: "Non" },
];
const ouiNon = (value: boolean): OuiNon => (value ? "oui" : "non");

/** "Portail usager" (admin only): the structure's settings (step 1 of the seed) and its accounts. */
export function PortailPage() {
  usePageTitle(() => "Portail usager");
  return (
    <RequirePermission permission="portail.settings" title="Portail usager">
      <PortailContent />
    </RequirePermission>
  );
}

function PortailContent() {
  const [params, setParams] = useSearchParams<{ onglet?: string }>();
  const tab = (): PortailTab => (params.onglet === "comptes" || params.onglet === "messages" ? params.onglet : "parametres");
  const [settings, { refetch }] = createResource(() => api.portail.settings.query());
  return (
    <>
      <h1>Portail usager</h1>
      <p class="lead">
        Mon Ancrage, le portail usager, permet aux domiciliés de voir depuis leur téléphone s'ils ont du courrier en attente,
        quand leur domiciliation arrive à échéance et qui détient une procuration.
      </p>
      <TabList
        label="Rubriques du portail usager"
        idPrefix="onglet-portail"
        panelId={PANEL_ID}
        tabs={TABS}
        selected={tab()}
        onSelect={(value) => setParams({ onglet: value === "parametres" ? undefined : value }, { replace: true })}
      />
      <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId("onglet-portail", tab())}>
        <Switch>
          <Match when={settings.error}>
            <ErrorMessage message={apiFailure(settings.error).message} />
            <Button variant="secondary" onClick={() => refetch()}>
              Réessayer
            </Button>
          </Match>
          <Match when={settings.latest}>
            {(s) => (
              <Switch>
                <Match when={tab() === "parametres"}>
                  <SettingsForm settings={s()} onSaved={() => void refetch()} />
                </Match>
                <Match when={tab() === "comptes"}>
                  <Accounts portalEnabled={s().enabled} showSettings={() => setParams({ onglet: undefined }, { replace: true })} />
                </Match>
                <Match when={tab() === "messages"}>
                  <Messages portalEnabled={s().enabled} />
                </Match>
              </Switch>
            )}
          </Match>
          <Match when={settings.loading}>
            <Loading />
          </Match>
        </Switch>
      </div>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// "Paramètres du portail"

function SettingsForm(props: { settings: Settings; onSaved: () => void }) {
  const form = createFormState("portail");
  // Initialised once: a refetch after saving must not overwrite a choice being made.
  const [enabled, setEnabled] = createSignal<OuiNon>(ouiNon(props.settings.enabled));
  const [passage, setPassage] = createSignal<OuiNon>(ouiNon(props.settings.loginUpdatesDernierPassage));
  const [saved, setSaved] = createSignal(props.settings.enabled);
  const [confirmOff, setConfirmOff] = createSignal(false);

  const save = () =>
    form.submit(async () => {
      const on = enabled() === "oui";
      await api.portail.updateSettings.mutate({ enabled: on, loginUpdatesDernierPassage: passage() === "oui" });
      setSaved(on);
      props.onSaved();
      return on
        ? "Les paramètres du portail ont été enregistrés. Le portail usager est activé : ouvrez maintenant l'accès, dossier par dossier, aux domiciliés qui le demandent."
        : "Les paramètres du portail ont été enregistrés. Le portail usager est désactivé : plus aucun domicilié de la structure ne peut s'y connecter.";
    });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    // Turning it off shuts every domicilié out at once: said first, in a dialog.
    if (saved() && enabled() === "non") setConfirmOff(true);
    else void save();
  };

  return (
    <section class="section" aria-labelledby="titre-parametres-portail">
      <h2 id="titre-parametres-portail">Paramètres du portail</h2>
      <p class="section__intro">
        Une fois le portail activé pour votre structure, l'accès n'est pas ouvert à tous les domiciliés : il est donné
        dossier par dossier, à la demande du domicilié, sur sa fiche, dans l'onglet « Courriers », section « Accès au
        portail usager ». Seuls les administrateurs, gestionnaires, instructeurs et agents d'accueil peuvent l'ouvrir.
      </p>
      <FormError form={form} />
      <form class="form" novalidate onSubmit={submit}>
        <RadioGroupField
          form={form}
          path="enabled"
          label="Activer le portail usager"
          hint="Vous pouvez activer ou désactiver le portail usager au sein de votre structure. Désactivé, il refuse aussitôt toute connexion des domiciliés de la structure ; leurs comptes sont conservés."
          inline
          value={enabled()}
          onValue={setEnabled}
          options={OUI_NON}
        />
        <RadioGroupField
          form={form}
          path="loginUpdatesDernierPassage"
          label="Mettre à jour la date de dernier passage lors de la connexion au portail"
          hint="Choisissez ensuite si vous souhaitez que la connexion au portail mette, ou non, à jour la date de dernier passage."
          inline
          value={passage()}
          onValue={setPassage}
          options={OUI_NON}
        />
        <StatusMessage message={form.success()} />
        <div class="form__actions">
          <Button type="submit" busy={form.busy()}>
            Enregistrer les modifications
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={confirmOff()}
        title="Désactiver le portail usager ?"
        confirmLabel="Désactiver le portail"
        danger
        busy={form.busy()}
        error={form.error()}
        onCancel={() => setConfirmOff(false)}
        onConfirm={async () => {
          if (await save()) setConfirmOff(false);
        }}
      >
        <p>
          Plus aucun domicilié de la structure ne pourra se connecter au portail, dès maintenant : ceux qui sont connectés
          sont déconnectés.
        </p>
        <p>Les comptes sont conservés : les domiciliés retrouveront leur accès si vous réactivez le portail.</p>
      </ConfirmDialog>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// "Comptes du portail"

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

function AccountStatus(props: { row: AccountRow }) {
  return (
    <Switch>
      <Match when={!props.row.enabled}>
        <span class="badge badge--locked">Désactivé</span>
      </Match>
      <Match when={props.row.activated}>
        <span class="badge badge--active">Activé par le domicilié</span>
      </Match>
      <Match when={true}>
        <span class="badge badge--pending">Non activé</span>
      </Match>
    </Switch>
  );
}

function Accounts(props: { portalEnabled: boolean; showSettings: () => void }) {
  const [page, setPage] = createSignal(1);
  const [data, { refetch }] = createResource(page, (p) => api.portail.accounts.query({ page: p }));
  const pages = () => {
    const d = data.latest;
    return d ? Math.max(1, Math.ceil(d.total / d.pageSize)) : 1;
  };
  const goTo = (p: number) => {
    setPage(p);
    queueMicrotask(() => document.getElementById("comptes-portail-compteur")?.focus());
  };

  return (
    <>
      <section class="section">
        <h2 id="titre-comptes-portail">Comptes du portail</h2>
        <Switch>
          <Match when={data.error}>
            <ErrorMessage message={apiFailure(data.error).message} />
            <Button variant="secondary" onClick={() => refetch()}>
              Réessayer
            </Button>
          </Match>
          <Match when={data.latest}>
            {(d) => (
              <>
                <p class="table-count" id="comptes-portail-compteur" tabindex="-1">
                  <strong>
                    {plural(d().comptes, "compte", "comptes")} / {plural(d().actifs, "domicilié actif", "domiciliés actifs")}
                  </strong>
                </p>
                <Show
                  when={d().rows.length > 0}
                  fallback={<p class="empty">Aucun compte du portail pour l'instant : l'accès s'ouvre sur la fiche de chaque domicilié, ou pour tous ci-dessous.</p>}
                >
                  <div
                    class="table-wrap"
                    tabindex="0"
                    role="region"
                    aria-labelledby="titre-comptes-portail"
                    aria-busy={data.loading ? "true" : undefined}
                  >
                    <table class="table">
                      <thead>
                        <tr>
                          <th scope="col">Nom</th>
                          <th scope="col">Prénom</th>
                          <th scope="col">ID</th>
                          <th scope="col">Identifiant</th>
                          <th scope="col">Statut</th>
                          <th scope="col">Dernière connexion</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={d().rows}>
                          {(row) => (
                            <tr>
                              <td>
                                <A href={`/usagers/${row.usagerId}?onglet=courriers`}>{row.nom.toUpperCase()}</A>
                              </td>
                              <td>{row.prenom}</td>
                              <td>{row.customRef}</td>
                              <td>
                                <code>{row.login}</code>
                              </td>
                              <td>
                                <AccountStatus row={row} />
                              </td>
                              <td class="nowrap">
                                <Show when={row.lastLoginAt} fallback={<span class="muted">Jamais</span>}>
                                  {(at) => <time datetime={isoOf(at())}>{formatShortDateTime(at())}</time>}
                                </Show>
                              </td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                  <Show when={pages() > 1}>
                    <nav class="pagination" aria-label="Pages des comptes">
                      <Button
                        variant="secondary"
                        class="button--small"
                        aria-disabled={page() <= 1 ? "true" : undefined}
                        onClick={() => page() > 1 && goTo(page() - 1)}
                      >
                        Page précédente
                      </Button>
                      <span class="pagination__current" aria-current="page">
                        Page {page()} sur {pages()}
                      </span>
                      <Button
                        variant="secondary"
                        class="button--small"
                        aria-disabled={page() >= pages() ? "true" : undefined}
                        onClick={() => page() < pages() && goTo(page() + 1)}
                      >
                        Page suivante
                      </Button>
                    </nav>
                  </Show>
                </Show>
              </>
            )}
          </Match>
          <Match when={data.loading}>
            <Loading />
          </Match>
        </Switch>
      </section>
      <BulkCreation portalEnabled={props.portalEnabled} showSettings={props.showSettings} onProgress={() => void refetch()} />
    </>
  );
}

interface Lot {
  key: string;
  created: number;
}

/**
 * "Créer les comptes de tous les domiciliés actifs": the server creates them by lots of 100, each
 * with one .docx of letters (one per page); the page calls it again until none remain, downloads
 * every lot at once and keeps a link to each (a browser may hold back a second automatic download).
 */
function BulkCreation(props: { portalEnabled: boolean; showSettings: () => void; onProgress: () => void }) {
  const [confirming, setConfirming] = createSignal(false);
  const [running, setRunning] = createSignal(false);
  const [stopAsked, setStopAsked] = createSignal(false);
  const [created, setCreated] = createSignal(0);
  const [remaining, setRemaining] = createSignal<number | null>(null);
  const [lots, setLots] = createSignal<Lot[]>([]);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);

  // Leaving the page would stop the creation between two lots: the browser asks first.
  const warnOnLeave = (event: BeforeUnloadEvent) => {
    if (running()) event.preventDefault();
  };
  addEventListener("beforeunload", warnOnLeave);
  onCleanup(() => removeEventListener("beforeunload", warnOnLeave));

  const lotUrl = (key: string) => `/fichiers/portail/lot?cle=${encodeURIComponent(key)}`;
  const progressText = () => {
    const left = remaining();
    return `${plural(created(), "compte créé", "comptes créés")}, ${plural(left ?? 0, "restant", "restants")}`;
  };

  const run = async () => {
    setConfirming(false);
    setRunning(true);
    setStopAsked(false);
    setError(null);
    setDone(null);
    setCreated(0);
    setRemaining(null);
    setLots([]);
    try {
      for (;;) {
        const result = await api.portail.bulkCreate.mutate();
        setCreated((n) => n + result.created);
        setRemaining(result.remaining);
        if (result.documentKey) {
          const key = result.documentKey;
          setLots((l) => [...l, { key, created: result.created }]);
          startDownload(lotUrl(key));
        }
        props.onProgress();
        if (result.remaining <= 0 || result.created === 0) break;
        if (stopAsked()) {
          setDone(
            `Création interrompue : ${progressText()}. Les documents des comptes déjà créés sont téléchargés ; relancez la création pour les domiciliés restants.`,
          );
          return;
        }
      }
      setDone(
        created() === 0
          ? "Tous les domiciliés actifs ont déjà un compte du portail : aucun compte créé."
          : `Création terminée : ${plural(created(), "compte créé", "comptes créés")}. Les documents Word ont été téléchargés : imprimez chaque lettre et remettez-la à son domicilié.`,
      );
    } catch (caught) {
      setError(
        `${apiFailure(caught).message} ${created() > 0 ? `Déjà fait : ${progressText()}. ` : ""}Vous pouvez relancer la création : elle reprend avec les domiciliés restants.`,
      );
    } finally {
      setRunning(false);
      queueMicrotask(() => document.getElementById("creation-comptes-resultat")?.focus());
    }
  };

  return (
    <section class="section" aria-labelledby="titre-creation-comptes">
      <h2 id="titre-creation-comptes">Créer les comptes de tous les domiciliés actifs</h2>
      <p class="section__intro">
        Un compte du portail est créé pour chaque domicilié actif qui n'en a pas encore, avec un identifiant et un mot de
        passe temporaire. Les lettres d'accès sont téléchargées en documents Word (une lettre par page, par lots de 100) :
        imprimez-les et remettez chacune à son domicilié.
      </p>
      <Show
        when={props.portalEnabled}
        fallback={
          <p class="notice">
            Le portail usager est désactivé pour votre structure : activez-le d'abord dans l'onglet{" "}
            <Button variant="link" onClick={props.showSettings}>
              Paramètres du portail
            </Button>
            .
          </p>
        }
      >
        <div class="form__actions">
          <Button busy={running()} busyLabel="Création en cours…" onClick={() => setConfirming(true)}>
            Créer les comptes de tous les domiciliés actifs
          </Button>
          <Show when={running()}>
            <Button variant="secondary" aria-disabled={stopAsked() ? "true" : undefined} onClick={() => setStopAsked(true)}>
              {stopAsked() ? "Arrêt après ce lot…" : "Interrompre après ce lot"}
            </Button>
          </Show>
        </div>
      </Show>

      <Show when={running() || lots().length > 0}>
        <div class="bulk-progress" role="status">
          {/* Indeterminate until the first answer tells how many remain. */}
          <Show when={remaining() !== null} fallback={<progress aria-label="Création des comptes du portail" />}>
            <progress aria-label="Création des comptes du portail" max={Math.max(1, created() + (remaining() ?? 0))} value={created()} />
          </Show>
          <p>{remaining() === null ? "Création des premiers comptes…" : progressText()}</p>
        </div>
      </Show>
      <div id="creation-comptes-resultat" tabindex="-1">
        <ErrorMessage message={error()} />
        <StatusMessage message={done()} />
      </div>
      <Show when={lots().length > 0}>
        <h3 class="bulk-progress__title">Documents à imprimer</h3>
        <ul class="bulk-progress__lots">
          <For each={lots()}>
            {(lot, index) => (
              <li>
                <a href={lotUrl(lot.key)} download="">
                  Télécharger à nouveau le lot {index() + 1}
                </a>{" "}
                ({plural(lot.created, "lettre", "lettres")})
              </li>
            )}
          </For>
        </ul>
      </Show>

      <ConfirmDialog
        open={confirming()}
        title="Créer les comptes de tous les domiciliés actifs ?"
        confirmLabel="Créer les comptes"
        onCancel={() => setConfirming(false)}
        onConfirm={() => void run()}
      >
        <p>Cette opération peut prendre plusieurs minutes : gardez cette page ouverte jusqu'à la fin.</p>
        <p>
          Chaque domicilié actif sans compte reçoit un identifiant et un mot de passe temporaire. Les documents Word sont
          téléchargés au fur et à mesure : ils contiennent les mots de passe, gardez-les en lieu sûr jusqu'à leur remise.
        </p>
      </ConfirmDialog>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// "Messages aux domiciliés" (reference A.9)

const MESSAGE_TYPE_OPTIONS = (Object.keys(STRUCTURE_MESSAGE_TYPES) as StructureMessageType[]).map((value) => ({
  value,
  label: STRUCTURE_MESSAGE_TYPES[value],
}));

interface MessageValues {
  titre: string;
  texte: string;
  type: StructureMessageType | "";
  dateDebut: string;
  dateFin: string;
}

const emptyMessage = (): MessageValues => ({ titre: "", texte: "", type: "", dateDebut: toTypedDate(todayCalendar()), dateFin: "" });

function periodText(m: { dateDebut: string; dateFin: string | null }): string {
  return m.dateFin ? `Du ${toTypedDate(m.dateDebut)} au ${toTypedDate(m.dateFin)}` : `À partir du ${toTypedDate(m.dateDebut)}, sans date de fin`;
}

function Messages(props: { portalEnabled: boolean }) {
  const [list, { refetch }] = createResource(() => api.portail.messages.query());
  const [editing, setEditing] = createSignal<number | "new" | null>(null);
  const [toDelete, setToDelete] = createSignal<MessageRow | null>(null);
  const [status, setStatus] = createSignal<string | null>(null);
  const deletion = createFormState("message-suppression");

  const focusList = () => queueMicrotask(() => document.getElementById("titre-messages-portail")?.focus());

  return (
    <section class="section" aria-labelledby="titre-messages-portail">
      <h2 id="titre-messages-portail" tabindex="-1">
        Messages aux domiciliés
      </h2>
      <p class="section__intro">
        Ces messages s'affichent en haut de l'espace de chaque domicilié de la structure sur Mon Ancrage, pendant la période
        choisie : une fermeture exceptionnelle, de nouveaux horaires, une information générale.
      </p>
      <Show when={!props.portalEnabled}>
        <p class="notice">Le portail usager est désactivé pour votre structure : les domiciliés ne verront ces messages qu'une fois le portail activé.</p>
      </Show>
      <StatusMessage message={status()} />
      <Show
        when={editing() === null}
        fallback={
          <MessageForm
            message={editing() === "new" ? null : (list.latest ?? []).find((m) => m.id === editing()) ?? null}
            onDone={(message) => {
              setEditing(null);
              if (message) {
                setStatus(message);
                void refetch();
              }
              focusList();
            }}
          />
        }
      >
        <div class="form__actions form__actions--start">
          <Button
            onClick={() => {
              setStatus(null);
              setEditing("new");
            }}
          >
            Nouveau message
          </Button>
        </div>
      </Show>
      <Switch>
        <Match when={list.error}>
          <ErrorMessage message={apiFailure(list.error).message} />
          <Button variant="secondary" onClick={() => refetch()}>
            Réessayer
          </Button>
        </Match>
        <Match when={list.latest}>
          {(rows) => (
            <Show when={rows().length > 0} fallback={<p class="empty">Aucun message pour l'instant.</p>}>
              <ul class="portal-messages">
                <For each={rows()}>
                  {(m) => (
                    <li class="portal-message">
                      <h3>{m.titre}</h3>
                      <p class="muted">
                        {STRUCTURE_MESSAGE_TYPES[m.type]} · {periodText(m)} ·{" "}
                        <strong>{messageIsCurrent(m, todayCalendar()) ? "Affiché aujourd'hui" : m.dateDebut > todayCalendar() ? "À venir" : "Terminé"}</strong>
                      </p>
                      <p class="portal-message__text">{m.texte}</p>
                      <p class="muted">
                        Écrit par {m.createdByName}, le {formatShortDateTime(m.createdAt)}
                      </p>
                      <div class="form__actions form__actions--start">
                        <Button
                          variant="secondary"
                          onClick={() => {
                            setStatus(null);
                            setEditing(m.id);
                          }}
                        >
                          Modifier<span class="visually-hidden"> le message « {m.titre} »</span>
                        </Button>
                        <Button variant="danger-outline" onClick={() => setToDelete(m)}>
                          Supprimer<span class="visually-hidden"> le message « {m.titre} »</span>
                        </Button>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Match>
        <Match when={list.loading}>
          <Loading />
        </Match>
      </Switch>
      <ConfirmDialog
        open={toDelete() !== null}
        title="Supprimer ce message ?"
        confirmLabel="Supprimer le message"
        danger
        busy={deletion.busy()}
        error={deletion.error()}
        onCancel={() => setToDelete(null)}
        onConfirm={async () => {
          const m = toDelete();
          if (!m) return;
          const ok = await deletion.submit(async () => {
            await api.portail.deleteMessage.mutate({ id: m.id });
            return "";
          });
          if (ok) {
            setToDelete(null);
            setStatus(`Le message « ${m.titre} » a été supprimé.`);
            void refetch();
            focusList();
          }
        }}
      >
        <p>Le message « {toDelete()?.titre} » disparaîtra aussitôt de l'espace des domiciliés. Il ne pourra pas être récupéré.</p>
      </ConfirmDialog>
    </section>
  );
}

function MessageForm(props: { message: MessageRow | null; onDone: (status: string | null) => void }) {
  const form = createFormState("message");
  const [values, setValues] = createStore<MessageValues>(
    props.message
      ? { titre: props.message.titre, texte: props.message.texte, type: props.message.type, dateDebut: toTypedDate(props.message.dateDebut), dateFin: toTypedDate(props.message.dateFin) }
      : emptyMessage(),
  );
  const title = props.message ? "Modifier le message" : "Nouveau message";

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (values.type === "") local.type = "Type de message : choisissez un type.";
    if (values.texte.trim().length > 0 && values.texte.trim().length < 10) local.texte = "Message : 10 caractères au minimum.";
    const ok = await form.submit(async () => {
      await api.portail.saveMessage.mutate({
        id: props.message?.id ?? null,
        titre: values.titre,
        texte: values.texte,
        type: values.type as StructureMessageType,
        dateDebut: toIsoDate(values.dateDebut),
        dateFin: toIsoDateOrNull(values.dateFin),
      });
      return "";
    }, local);
    if (ok) props.onDone(props.message ? "Le message a été modifié." : "Le message a été enregistré : les domiciliés le voient pendant la période choisie.");
  };

  return (
    <form class="form portal-message-form" novalidate onSubmit={submit} aria-labelledby="titre-formulaire-message">
      <h3 id="titre-formulaire-message">{title}</h3>
      <RequiredNote />
      <FormError form={form} />
      <TextField form={form} path="titre" label="Titre" required maxLength={200} value={values.titre} onValue={(v) => setValues("titre", v)} />
      <SelectField
        form={form}
        path="type"
        label="Type de message"
        required
        placeholder="Choisir un type"
        options={MESSAGE_TYPE_OPTIONS}
        value={values.type}
        onValue={(v) => setValues("type", v as StructureMessageType)}
      />
      <TextAreaField
        form={form}
        path="texte"
        label="Message"
        hint="Texte simple, 10 caractères au minimum. Les retours à la ligne sont conservés."
        required
        rows={6}
        maxLength={10000}
        value={values.texte}
        onValue={(v) => setValues("texte", v)}
      />
      <DateField form={form} path="dateDebut" label="Afficher à partir du" required value={values.dateDebut} onValue={(v) => setValues("dateDebut", v)} />
      <DateField
        form={form}
        path="dateFin"
        label="Jusqu'au"
        hint="Format : JJ/MM/AAAA. Laissez vide pour un message sans date de fin."
        value={values.dateFin}
        onValue={(v) => setValues("dateFin", v)}
      />
      <div class="form__actions">
        <Button variant="secondary" onClick={() => props.onDone(null)}>
          Annuler
        </Button>
        <Button type="submit" busy={form.busy()}>
          Enregistrer le message
        </Button>
      </div>
    </form>
  );
}
