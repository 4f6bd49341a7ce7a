import { createEffect, createSignal, on } from "solid-js";
import { FIELD_MAX } from "../../../../worker/rules/fields";
import { api } from "../../api";
import { ConfirmDialog } from "../ConfirmDialog";
import { TextAreaField } from "../Field";
import { createFormState } from "../form";
import { FORBIDDEN_COMMENT_CHARS, FORBIDDEN_COMMENT_MESSAGE } from "./labels";

export type PresenceType = "appel" | "visite";

const TEXT: Record<PresenceType, { title: string; confirm: string; done: string }> = {
  appel: {
    title: "Enregistrer un appel",
    confirm: "Enregistrer l'appel",
    done: "Appel téléphonique enregistré : le dernier passage est mis à jour.",
  },
  visite: {
    title: "Enregistrer une visite",
    confirm: "Enregistrer la visite",
    done: "Passage enregistré : le dernier passage est mis à jour.",
  },
};

/** "Appel" and "Visite" (reference B.5.2): the person showed up, with an optional comment. */
export function PresenceDialog(props: {
  type: PresenceType | null;
  usagerId: number;
  onClose: () => void;
  onDone: (message: string) => void;
  focusAfterClose?: () => HTMLElement | null;
}) {
  const form = createFormState("presence");
  const [content, setContent] = createSignal("");
  // The last type shown, so the text does not change while the dialog closes.
  const [shown, setShown] = createSignal<PresenceType>("appel");
  createEffect(
    on(
      () => props.type,
      (type) => {
        if (!type) return;
        setShown(type);
        form.reset();
        setContent("");
      },
    ),
  );

  const confirm = () => {
    const type = shown();
    const local: Record<string, string> = {};
    if (FORBIDDEN_COMMENT_CHARS.test(content())) local.content = `Commentaire : ${FORBIDDEN_COMMENT_MESSAGE}`;
    void form.submit(async () => {
      await api.courrier.presence.mutate({ usagerId: props.usagerId, type, content: content() });
      props.onDone(TEXT[type].done);
      props.onClose();
    }, local);
  };

  return (
    <ConfirmDialog
      open={props.type !== null}
      title={TEXT[shown()].title}
      confirmLabel={TEXT[shown()].confirm}
      busyLabel="Enregistrement…"
      busy={form.busy()}
      error={form.error()}
      onConfirm={confirm}
      onCancel={props.onClose}
      focusAfterClose={props.focusAfterClose}
    >
      <TextAreaField
        form={form}
        path="content"
        label="Commentaire (facultatif, 1000 caractères maximum)"
        hint="N'écrivez aucune donnée sensible (santé, opinions, religion, situation judiciaire…)."
        value={content()}
        onValue={setContent}
        maxLength={FIELD_MAX.commentaireCourrier}
        rows={3}
      />
    </ConfirmDialog>
  );
}
