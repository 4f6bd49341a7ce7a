import { createEffect, createSignal, Match, on, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import { api, apiFailure } from "../../api";
import { defaultDateFin, USAGER_STATUT_LABELS } from "../../../../worker/rules/echeance";
import { formatDateFr } from "../../../../worker/rules/dates";
import { ETAPES } from "../../../../worker/rules/usager";
import { ErrorMessage, StatusMessage } from "../Alerts";
import { Button } from "../Button";
import { ConfirmDialog } from "../ConfirmDialog";
import { DateField, RadioGroupField, SelectField, TextField } from "../Field";
import { createFormState } from "../form";
import { useStaff } from "../../session";
import { colleagueName } from "./colleagues";
import { emptyRefus, RefusFields, type RefusValues } from "./DecisionFields";
import { useFiche } from "./fiche";
import { parseTypedDate, toIsoDate, toTypedDate } from "./format";

const RESULT_ID = "decision-resultat";
type DialogKind = "valider" | "refuser" | "annuler";

/**
 * What can be done on the request, by state and role (reference B.4.3): rendez-vous, submission,
 * validation, refusal, undo of the last decision.
 */
export function DecisionActions() {
  const staff = useStaff();
  const ctx = useFiche();
  const u = () => ctx.fiche().usager;
  const [notice, setNotice] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [submitting, setSubmitting] = createSignal(false);
  const [dialog, setDialog] = createSignal<DialogKind | null>(null);

  const announce = (message: string) => {
    setError(null);
    setNotice(message);
    queueMicrotask(() => document.getElementById(RESULT_ID)?.focus());
  };

  const submitDemande = async () => {
    setSubmitting(true);
    setNotice(null);
    setError(null);
    try {
      await ctx.run((version) => api.usagers.submit.mutate({ usagerId: u().id, version }));
      announce("Demande soumise : elle est maintenant à valider par un gestionnaire ou un administrateur.");
    } catch (caught) {
      setError(apiFailure(caught).message);
    } finally {
      setSubmitting(false);
    }
  };

  const open = (kind: DialogKind) => {
    setNotice(null);
    setError(null);
    setDialog(kind);
  };

  const decisionButtons = () => (
    <Show when={staff.can("usager.decide")}>
      <Button onClick={() => open("valider")}>Valider</Button>
      <Button variant="danger-outline" onClick={() => open("refuser")}>
        Refuser
      </Button>
    </Show>
  );

  const heading = () => (u().statut === "INSTRUCTION" || u().statut === "ATTENTE_DECISION" ? "Demande en cours" : "Décision");

  return (
    <section class="section" aria-labelledby="titre-demande">
      <h2 id="titre-demande">{heading()}</h2>
      <StatusMessage message={notice()} id={RESULT_ID} />
      <ErrorMessage message={error()} />
      <Switch>
        <Match when={u().statut === "INSTRUCTION"}>
          <p>
            Instruction du dossier ({u().typeDom === "RENOUVELLEMENT" ? "renouvellement" : "première demande"}) : étape «{" "}
            {ETAPES[u().etape]} ».
          </p>
          <Show when={staff.can("usager.instruct")}>
            <RendezVous onDone={announce} />
            <div class="subsection">
              <h3>Entretien et pièces justificatives</h3>
              <p>
                L'entretien se remplit dans l'onglet « Dossier » ; les pièces justificatives s'ajoutent dans l'onglet
                « Documents ».
              </p>
              <div class="row-actions">
                <Button variant="secondary" class="button--small" onClick={() => ctx.showTab("dossier")}>
                  Remplir l'entretien
                </Button>
                <Button variant="secondary" class="button--small" onClick={() => ctx.showTab("documents")}>
                  Ajouter des pièces
                </Button>
              </div>
              <EtapeChooser onDone={announce} />
            </div>
            <div class="subsection">
              <h3>Décision</h3>
              <p class="muted">
                Soumettez la demande quand le dossier est complet
                {staff.can("usager.decide") ? ", ou statuez directement." : " : un gestionnaire ou un administrateur statuera."}
              </p>
              <div class="row-actions">
                <Button
                  variant={staff.can("usager.decide") ? "secondary" : "primary"}
                  busy={submitting()}
                  busyLabel="Envoi…"
                  onClick={submitDemande}
                >
                  Soumettre la demande
                </Button>
                {decisionButtons()}
              </div>
            </div>
          </Show>
        </Match>
        <Match when={u().statut === "ATTENTE_DECISION"}>
          <p>Demande déposée, en attente de décision.</p>
          <Show when={staff.can("usager.decide")} fallback={<p class="notice">La personne référente dans votre structure est invitée à statuer.</p>}>
            <div class="row-actions">{decisionButtons()}</div>
          </Show>
        </Match>
        <Match when={u().statut === "VALIDE"}>
          <p>Domiciliation acceptée.</p>
        </Match>
        <Match when={u().statut === "REFUS"}>
          <p>Demande refusée. Une nouvelle demande peut être ouverte avec « Demande de renouvellement ».</p>
        </Match>
        <Match when={u().statut === "RADIE"}>
          <p>Domicilié radié. Une nouvelle demande peut être ouverte avec « Demande de renouvellement ».</p>
        </Match>
      </Switch>

      <Show when={staff.can("usager.decide") && ctx.fiche().decisions.length >= 2}>
        <div class="subsection subsection--separated">
          <Button variant="link" class="button--small" onClick={() => open("annuler")}>
            Annuler la dernière décision
          </Button>
        </div>
      </Show>

      <ValidationDialog open={dialog() === "valider"} onClose={() => setDialog(null)} onDone={announce} />
      <RefusalDialog open={dialog() === "refuser"} onClose={() => setDialog(null)} onDone={announce} />
      <UndoDialog open={dialog() === "annuler"} onClose={() => setDialog(null)} onDone={announce} />
    </section>
  );
}

/** "Maintenant" goes straight to the entretien step; a later date is set with a colleague. */
function RendezVous(props: { onDone: (message: string) => void }) {
  const staff = useStaff();
  const ctx = useFiche();
  const colleagues = useFiche().colleagues;
  const form = createFormState("rdv");
  const [values, setValues] = createStore({ mode: "maintenant" as "maintenant" | "date", at: "", userId: String(staff.me().id) });
  const u = () => ctx.fiche().usager;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      await ctx.run((version) =>
        api.usagers.setRendezVous.mutate({
          usagerId: u().id,
          version,
          rdv:
            values.mode === "maintenant"
              ? { maintenant: true }
              : {
                  maintenant: false,
                  // datetime-local is the browser's local time; the server receives the instant.
                  at: (values.at ? new Date(values.at).toISOString() : undefined) as unknown as Date,
                  userId: Number(values.userId),
                },
        }),
      );
      props.onDone(
        values.mode === "maintenant" ? "Rendez-vous enregistré : l'entretien peut commencer." : "Rendez-vous fixé.",
      );
    });
  };

  const body = () => (
    <form class="form form--compact" novalidate onSubmit={submit}>
      <ErrorMessage message={form.error()} />
      <RadioGroupField
        form={form}
        path="rdv.maintenant"
        label="Quand a lieu le rendez-vous ?"
        inline
        options={[
          { value: "maintenant", label: "Maintenant" },
          { value: "date", label: "À une date" },
        ]}
        value={values.mode}
        onValue={(v) => setValues("mode", v as "maintenant" | "date")}
      />
      <Show when={values.mode === "date"}>
        <div class="field-row">
          <TextField
            form={form}
            path="rdv.at"
            label="Date et heure"
            type="datetime-local"
            required
            value={values.at}
            onValue={(v) => setValues("at", v)}
          />
          <SelectField
            form={form}
            path="rdv.userId"
            label="Avec"
            required
            options={colleagues().map((c) => ({ value: String(c.id), label: colleagueName(c) }))}
            value={values.userId}
            onValue={(v) => setValues("userId", v)}
          />
        </div>
      </Show>
      <div class="form__actions">
        <Button type="submit" variant="secondary" busy={form.busy()}>
          Enregistrer le rendez-vous
        </Button>
      </div>
    </form>
  );

  return (
    <div class="subsection">
      <h3>Rendez-vous</h3>
      <Show when={u().etape >= 2 && u().rdvAt} fallback={body()}>
        <details class="disclosure">
          <summary>Modifier le rendez-vous</summary>
          {body()}
        </details>
      </Show>
    </div>
  );
}

/** Any step of the request can be set explicitly (reference B.4.1). */
function EtapeChooser(props: { onDone: (message: string) => void }) {
  const ctx = useFiche();
  const form = createFormState("etape");
  const [etape, setEtape] = createSignal(String(ctx.fiche().usager.etape));
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      await ctx.run((version) => api.usagers.setEtape.mutate({ usagerId: ctx.fiche().usager.id, version, etape: Number(etape()) }));
      props.onDone(`Étape de la demande : ${ETAPES[Number(etape())]}.`);
    });
  };
  return (
    <details class="disclosure">
      <summary>Changer l'étape de la demande</summary>
      <form class="form form--compact" novalidate onSubmit={submit}>
        <ErrorMessage message={form.error()} />
        <SelectField
          form={form}
          path="etape"
          label="Étape"
          options={ETAPES.slice(0, 5).map((label, index) => ({ value: String(index), label }))}
          value={etape()}
          onValue={setEtape}
          class="field--medium"
        />
        <div class="form__actions">
          <Button type="submit" variant="secondary" class="button--small" busy={form.busy()}>
            Changer l'étape
          </Button>
        </div>
      </form>
    </details>
  );
}

interface DialogProps {
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}

function ValidationDialog(props: DialogProps) {
  const ctx = useFiche();
  const form = createFormState("validation");
  const today = () => ctx.fiche().today;
  const initial = () => ({
    dateDebut: toTypedDate(today()),
    dateFin: toTypedDate(defaultDateFin(today())),
    customRef: ctx.fiche().usager.customRef,
  });
  const [values, setValues] = createStore(initial());
  // Fresh values each time the dialog opens (this effect runs before the dialog's own).
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        form.reset();
        setValues(initial());
      },
    ),
  );

  const onStart = (typed: string) => {
    setValues("dateDebut", typed);
    const start = parseTypedDate(typed);
    // Changing the start recomputes the end: one year minus one day.
    if (start) setValues("dateFin", toTypedDate(defaultDateFin(start)));
  };

  const shorterThanAYear = () => {
    const start = parseTypedDate(values.dateDebut);
    const end = parseTypedDate(values.dateFin);
    return Boolean(start && end && end < defaultDateFin(start));
  };

  const confirm = () =>
    void form.submit(async () => {
      await ctx.run((version) =>
        api.usagers.validate.mutate({
          usagerId: ctx.fiche().usager.id,
          version,
          dateDebut: toIsoDate(values.dateDebut),
          dateFin: toIsoDate(values.dateFin),
          customRef: values.customRef,
        }),
      );
      props.onDone(`Domiciliation acceptée du ${values.dateDebut} au ${values.dateFin}.`);
      props.onClose();
    });

  return (
    <ConfirmDialog
      open={props.open}
      title="Valider la domiciliation"
      confirmLabel="Valider la domiciliation"
      busyLabel="Validation…"
      busy={form.busy()}
      error={form.error()}
      onConfirm={confirm}
      onCancel={props.onClose}
      focusAfterClose={() => document.getElementById(RESULT_ID)}
    >
      <p>La domiciliation est accordée pour la période suivante. L'attestation postale pourra ensuite être imprimée.</p>
      <div class="field-row">
        <DateField form={form} path="dateDebut" label="Date de début" required value={values.dateDebut} onValue={onStart} />
        <DateField
          form={form}
          path="dateFin"
          label="Date de fin"
          hint="Format : JJ/MM/AAAA. Par défaut un an moins un jour après le début."
          required
          value={values.dateFin}
          onValue={(v) => setValues("dateFin", v)}
        />
      </div>
      <div role="status">
        <Show when={shorterThanAYear()}>
          <p class="alert alert--warning">
            D'après la réglementation, une attestation de domiciliation doit être valable pendant un an.
          </p>
        </Show>
      </div>
      <TextField
        form={form}
        path="customRef"
        label="Identifiant personnalisé"
        hint="L'identifiant imprimé sur les courriers du domicilié."
        value={values.customRef}
        onValue={(v) => setValues("customRef", v)}
        maxLength={50}
        class="field--medium"
      />
    </ConfirmDialog>
  );
}

function RefusalDialog(props: DialogProps) {
  const ctx = useFiche();
  const form = createFormState("refus");
  const [values, setValues] = createStore<RefusValues>(emptyRefus(ctx.fiche().today));
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        form.reset();
        setValues(emptyRefus(ctx.fiche().today));
      },
    ),
  );

  const confirm = () =>
    void form.submit(async () => {
      await ctx.run((version) =>
        api.usagers.refuse.mutate({
          usagerId: ctx.fiche().usager.id,
          version,
          date: toIsoDate(values.date),
          motif: (values.motif || undefined) as never,
          motifDetails: values.motifDetails,
          orientation: values.orientation || null,
          orientationDetails: values.orientationDetails,
        }),
      );
      props.onDone("Demande refusée. Notifiez le refus par écrit, avec ses motifs et les voies de recours.");
      props.onClose();
    });

  return (
    <ConfirmDialog
      open={props.open}
      title="Refuser la demande"
      confirmLabel="Refuser la demande"
      busyLabel="Enregistrement…"
      danger
      busy={form.busy()}
      error={form.error()}
      onConfirm={confirm}
      onCancel={props.onClose}
      focusAfterClose={() => document.getElementById(RESULT_ID)}
    >
      <RefusFields form={form} values={values} setValues={setValues} />
    </ConfirmDialog>
  );
}

function UndoDialog(props: DialogProps) {
  const ctx = useFiche();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const last = () => ctx.fiche().decisions[0];
  const previous = () => ctx.fiche().decisions[1];
  const describe = (d: { statut: keyof typeof USAGER_STATUT_LABELS; dateDebut: string | null; dateFin: string | null } | undefined) =>
    d
      ? `« ${USAGER_STATUT_LABELS[d.statut]} »${d.dateDebut && d.dateFin && d.statut === "VALIDE" ? ` du ${formatDateFr(d.dateDebut)} au ${formatDateFr(d.dateFin)}` : ""}`
      : "";

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await ctx.run((version) => api.usagers.undoDecision.mutate({ usagerId: ctx.fiche().usager.id, version }));
      props.onDone("La dernière décision est annulée ; une note en garde la trace.");
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
      title="Annuler la dernière décision ?"
      confirmLabel="Annuler la décision"
      cancelLabel="Conserver"
      busyLabel="Annulation…"
      danger
      busy={busy()}
      error={error()}
      onConfirm={confirm}
      onCancel={() => {
        setError(null);
        props.onClose();
      }}
      focusAfterClose={() => document.getElementById(RESULT_ID)}
    >
      <p>
        La décision {describe(last())} est supprimée et la précédente, {describe(previous())}, est rétablie. Une note
        garde la trace de cette annulation.
      </p>
    </ConfirmDialog>
  );
}
