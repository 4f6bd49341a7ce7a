import { createEffect, createSignal, Match, on, Show, Switch } from "solid-js";
import { HANDOVER_OF, INTERACTION_LABELS, RECEPTION_TYPES, type ReceptionType } from "../../../../worker/rules/courrier";
import { api, apiFailure, type Outputs } from "../../api";
import { Loading } from "../Alerts";
import { ConfirmDialog } from "../ConfirmDialog";
import { formatShortDateTime } from "../dates";
import { countOf } from "./labels";

export type Interaction = Outputs["courrier"]["history"]["items"][number];

const RECEPTION_OF = Object.fromEntries(RECEPTION_TYPES.map((t) => [HANDOVER_OF[t], t])) as Record<string, ReceptionType>;

/** What deleting this interaction undoes, in one or two sentences (reference B.5.3). */
export function undoText(i: Interaction): string {
  if ((RECEPTION_TYPES as readonly string[]).includes(i.type)) {
    return `${countOf(i.type as ReceptionType, i.nb)} ne ${i.nb > 1 ? "seront" : "sera"} plus compté${i.nb > 1 ? "s" : ""} en attente.`;
  }
  const reception = RECEPTION_OF[i.type];
  if (reception) {
    const what = countOf(reception, i.nb);
    return `La remise est annulée : ${what} ${i.nb > 1 ? "reviennent" : "revient"} en attente. Le dernier passage est recalculé.`;
  }
  return "Le dernier passage est recalculé à partir des opérations qui restent.";
}

/**
 * Deletes the file's most recent interaction, after saying what it undoes. Given no interaction,
 * it reads the latest one when it opens (the server refuses any other).
 */
export function DeleteLastDialog(props: {
  open: boolean;
  usagerId: number;
  interaction?: Interaction | null;
  onClose: () => void;
  onDone: (message: string) => void;
  focusAfterClose?: () => HTMLElement | null;
}) {
  const [last, setLast] = createSignal<Interaction | null | undefined>(undefined);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        setError(null);
        if (props.interaction !== undefined) {
          setLast(props.interaction);
          return;
        }
        setLast(undefined);
        api.courrier.history
          .query({ usagerId: props.usagerId, before: null })
          .then((page) => setLast(page.items[0] ?? null))
          .catch((caught) => setError(apiFailure(caught).message));
      },
    ),
  );

  const confirm = async () => {
    const i = last();
    if (!i) {
      props.onClose();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.courrier.deleteLast.mutate({ usagerId: props.usagerId, interactionId: i.id });
      props.onDone(`Opération supprimée : « ${INTERACTION_LABELS[i.type]} » du ${formatShortDateTime(i.createdAt)}. ${undoText(i)}`);
      props.onClose();
    } catch (caught) {
      setError(apiFailure(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      open={props.open}
      title="Supprimer la dernière opération ?"
      confirmLabel={last() === null ? "Fermer" : "Supprimer"}
      cancelLabel="Conserver"
      busyLabel="Suppression…"
      danger={last() !== null}
      busy={busy()}
      error={error()}
      onConfirm={confirm}
      onCancel={props.onClose}
      focusAfterClose={props.focusAfterClose}
    >
      <Switch>
        <Match when={last() === null}>
          <p>Aucune opération n'est enregistrée pour ce domicilié.</p>
        </Match>
        <Match when={last()}>
          {(i) => (
            <>
              <p>
                Seule l'opération la plus récente du dossier peut être supprimée : « {INTERACTION_LABELS[i().type]} »
                <Show when={i().nb > 0}> ({i().nb})</Show>, le {formatShortDateTime(i().createdAt)}
                <Show when={i().userName}> par {i().userName}</Show>.
              </p>
              <Show when={i().content}>
                <p class="quote preserve-lines">{i().content}</p>
              </Show>
              <p>
                <strong>{undoText(i())}</strong>
              </p>
            </>
          )}
        </Match>
        <Match when={!error()}>
          <Loading label="Lecture de la dernière opération…" />
        </Match>
      </Switch>
    </ConfirmDialog>
  );
}
