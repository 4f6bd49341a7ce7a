import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { messageIsCurrent, STRUCTURE_MESSAGE_TYPES } from "../../../../worker/rules/structure-messages";
import { api, apiFailure, type Outputs } from "../../api";
import { ErrorMessage, Loading, StatusMessage } from "../../components/Alerts";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { formatShortDateTime } from "../../components/dates";
import { createFormState } from "../../components/form";
import { todayCalendar } from "../../components/usager/DecisionFields";
import { toTypedDate } from "../../components/usager/format";
import { MessageForm } from "./MessageForm";

type MessageRow = Outputs["portail"]["messages"][number];

function periodText(m: { dateDebut: string; dateFin: string | null }): string {
  return m.dateFin
    ? `Du ${toTypedDate(m.dateDebut)} au ${toTypedDate(m.dateFin)}`
    : `À partir du ${toTypedDate(m.dateDebut)}, sans date de fin`;
}

/** "Messages aux domiciliés": what the structure shows at the top of Mon Ancrage, for a period. */
export function Messages(props: { portalEnabled: boolean }) {
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
        Ces messages s'affichent en haut de l'espace de chaque domicilié de la structure sur Mon Ancrage, pendant la période choisie : une
        fermeture exceptionnelle, de nouveaux horaires, une information générale.
      </p>
      <Show when={!props.portalEnabled}>
        <p class="notice">
          Le portail usager est désactivé pour votre structure : les domiciliés ne verront ces messages qu'une fois le portail activé.
        </p>
      </Show>
      <StatusMessage message={status()} />
      <Show
        when={editing() === null}
        fallback={
          <MessageForm
            message={editing() === "new" ? null : ((list.latest ?? []).find((m) => m.id === editing()) ?? null)}
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
                        <strong>
                          {messageIsCurrent(m, todayCalendar())
                            ? "Affiché aujourd'hui"
                            : m.dateDebut > todayCalendar()
                              ? "À venir"
                              : "Terminé"}
                        </strong>
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
