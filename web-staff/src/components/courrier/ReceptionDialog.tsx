import { createEffect, createSignal, For, on, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { FIELD_MAX } from "../../../../worker/rules/fields";
import { api } from "../../api";
import { ConfirmDialog } from "../ConfirmDialog";
import { TextAreaField } from "../Field";
import { createFormState } from "../form";
import { Counter } from "./Counter";
import { COUNTERS, FORBIDDEN_COMMENT_CHARS, FORBIDDEN_COMMENT_MESSAGE, type Quantities, receptionSentence, total } from "./labels";

const CONTENT_LABEL = `Informations importantes concernant les courriers (${FIELD_MAX.commentaireCourrier} caractères maximum)`;
const ONE = { courrier: "un courrier", colis: "un colis", avis: "un avis de passage" } as const;

export interface MailTarget {
  id: number;
  statut: string;
  npaiDepuis: string | null;
}

/**
 * "Nouveaux courriers" (reference B.5.1): three counters and an optional comment. A radié can still
 * receive mail, with a warning; when the person uses Mon Ancrage, the agent is told the comment shows there.
 */
export function ReceptionDialog(props: {
  open: boolean;
  usager: MailTarget;
  onClose: () => void;
  onDone: (message: string) => void;
  focusAfterClose?: () => HTMLElement | null;
}) {
  const form = createFormState("reception");
  const initial = (): Quantities & { content: string } => ({ courrier: 1, colis: 0, avis: 0, content: "" });
  const [values, setValues] = createStore(initial());
  const [onPortal, setOnPortal] = createSignal(false);

  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        form.reset();
        setValues(initial());
        // Whether the comment will show on Mon Ancrage: the file's portal account, read when needed.
        setOnPortal(false);
        const usagerId = props.usager.id;
        api.portail.account
          .query({ usagerId })
          .then((r) => setOnPortal(props.open && props.usager.id === usagerId && r.portailStructure && Boolean(r.account?.enabled)))
          .catch(() => setOnPortal(false));
      },
    ),
  );

  const confirm = () => {
    const local: Record<string, string> = {};
    if (total(values) === 0) local.courrier = "Indiquez au moins un courrier, un colis ou un avis de passage.";
    if (FORBIDDEN_COMMENT_CHARS.test(values.content)) local.content = `Informations importantes : ${FORBIDDEN_COMMENT_MESSAGE}`;
    void form.submit(async () => {
      const q = { courrier: values.courrier, colis: values.colis, avis: values.avis };
      const r = await api.courrier.receive.mutate({ usagerId: props.usager.id, ...q, content: values.content });
      props.onDone(`${receptionSentence(q)}.${r.radie ? " Ce domicilié est radié : pensez au retour à l'expéditeur." : ""}`);
      props.onClose();
    }, local);
  };

  return (
    <ConfirmDialog
      open={props.open}
      title="Nouveaux courriers"
      confirmLabel="Enregistrer"
      busyLabel="Enregistrement…"
      busy={form.busy()}
      error={form.error()}
      onConfirm={confirm}
      onCancel={props.onClose}
      focusAfterClose={props.focusAfterClose}
    >
      <Show when={props.usager.statut === "RADIE"}>
        <p class="alert alert--warning">Ce domicilié est radié. Le courrier peut être enregistré ; pensez à le retourner à l'expéditeur.</p>
      </Show>
      <Show when={props.usager.npaiDepuis}>
        <p class="alert alert--warning">
          « Ne plus accepter le courrier » est activé pour ce domicilié : N'habite plus à l'adresse indiquée, pli non distribuable.
        </p>
      </Show>
      <div class="counter-row">
        <For each={COUNTERS}>
          {(c, index) => (
            <Counter
              id={form.id(c.key)}
              label={c.label}
              one={ONE[c.key]}
              value={values[c.key]}
              onValue={(n) => setValues(c.key, n)}
              error={form.fieldError(c.key)}
              autofocus={index() === 0}
            />
          )}
        </For>
      </div>
      <p class="field-hint">De 0 à 100 pour chaque type. Dans un champ : flèches haut et bas, ou touches + et −.</p>
      <Show when={onPortal()}>
        <p class="field-warning">Ce domicilié a accès à Mon Ancrage : le commentaire ci-dessous y sera visible.</p>
      </Show>
      <TextAreaField
        form={form}
        path="content"
        label={CONTENT_LABEL}
        hint="Facultatif. N'écrivez aucune donnée sensible (santé, opinions, religion, situation judiciaire…)."
        value={values.content}
        onValue={(v) => setValues("content", v)}
        maxLength={FIELD_MAX.commentaireCourrier}
        rows={3}
      />
    </ConfirmDialog>
  );
}
