import { createEffect, createSignal, For, Match, on, Show, Switch } from "solid-js";
import { INTERACTION_LABELS } from "../../../../worker/rules/courrier";
import { formatDateFr } from "../../../../worker/rules/dates";
import { nomComplet } from "../../../../worker/rules/usager";
import { api, apiFailure, type Outputs } from "../../api";
import { Loading } from "../Alerts";
import { ConfirmDialog } from "../ConfirmDialog";
import { formatShortDateTime, isoOf } from "../dates";
import { createFormState } from "../form";
import type { Fiche } from "../usager/fiche";
import { countOf, joinFr, mandataireName, PROCURATION_STATE_LABELS, periodText, RECEPTION_TYPES, type ReceptionType } from "./labels";

type Pending = Outputs["courrier"]["pending"][number];
type Procuration = Outputs["courrier"]["procurations"][number];
type Recipient = "domicilie" | "retour" | `p${number}`;

/** Comments of the pending receptions shown before handing over (the reference shows up to 30). */
const COMMENTS_SHOWN = 30;

/** Whether the file's transfer covers `today` (valid through its last day). */
export function transfertActif(u: Fiche["usager"], today: string): boolean {
  return Boolean(u.transfertNom && u.transfertDebut && u.transfertFin && u.transfertDebut <= today && today <= u.transfertFin);
}

/**
 * "Distribuer les courriers" (reference B.5.2): which pending types, and to whom — the domicilié, a
 * mandataire whose procuration is valid today, or, for a radié, back to the sender.
 */
export function DistributionDialog(props: {
  open: boolean;
  fiche: Fiche;
  onClose: () => void;
  onDone: (message: string) => void;
  focusAfterClose?: () => HTMLElement | null;
}) {
  const form = createFormState("distribution");
  const [pending, setPending] = createSignal<Pending[] | null>(null);
  const [procurations, setProcurations] = createSignal<Procuration[]>([]);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [types, setTypes] = createSignal<ReadonlySet<ReceptionType>>(new Set());
  const [recipient, setRecipient] = createSignal<Recipient>("domicilie");
  const u = () => props.fiche.usager;
  const radie = () => u().statut === "RADIE";

  const sums = () => {
    const s: Record<ReceptionType, number> = { courrierIn: 0, colisIn: 0, recommandeIn: 0 };
    for (const p of pending() ?? []) if (p.type in s) s[p.type as ReceptionType] += p.nb;
    return s;
  };
  const available = () => RECEPTION_TYPES.filter((t) => sums()[t] > 0);
  const comments = () => (pending() ?? []).filter((p) => p.content).slice(0, COMMENTS_SHOWN);

  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        form.reset();
        setPending(null);
        setLoadError(null);
        setRecipient("domicilie");
        const usagerId = u().id;
        // Both read in one request: what waits, and the mandataires as of today.
        Promise.all([api.courrier.pending.query({ usagerId }), api.courrier.procurations.query({ usagerId })])
          .then(([rows, procs]) => {
            setProcurations(procs);
            setPending(rows);
            setTypes(new Set(available()));
            // The dialog opened on a loading line: the focus goes to the first choice once it is there.
            queueMicrotask(() => document.getElementById(form.id("types"))?.focus());
          })
          .catch((caught) => setLoadError(apiFailure(caught).message));
      },
    ),
  );

  const toggle = (type: ReceptionType, checked: boolean) => {
    const next = new Set(types());
    if (checked) next.add(type);
    else next.delete(type);
    setTypes(next);
  };

  const to = () => {
    const r = recipient();
    if (r === "domicilie") return { kind: "domicilie" as const };
    if (r === "retour") return { kind: "retour" as const };
    return { kind: "mandataire" as const, procurationId: Number(r.slice(1)) };
  };

  const confirm = () => {
    if (pending() === null) return;
    const chosen = available().filter((t) => types().has(t));
    const local: Record<string, string> = {};
    if (chosen.length === 0) local.types = "Choisissez au moins un type de courrier à remettre.";
    void form.submit(async () => {
      const target = to();
      await api.courrier.distribute.mutate({ usagerId: u().id, types: chosen, to: target });
      const what = joinFr(chosen.map((t) => countOf(t, sums()[t])));
      const mandataire = procurations().find((p) => target.kind === "mandataire" && p.id === target.procurationId);
      props.onDone(
        target.kind === "retour"
          ? `${what} : retour à l'expéditeur enregistré.`
          : mandataire
            ? `${what} remis au mandataire ${mandataireName(mandataire)}. Le dernier passage du domicilié n'est pas modifié.`
            : `${what} remis à ${nomComplet(u())}.`,
      );
      props.onClose();
    }, local);
  };

  return (
    <ConfirmDialog
      open={props.open}
      title="Distribuer les courriers"
      confirmLabel="Distribuer"
      busyLabel="Enregistrement…"
      busy={form.busy()}
      error={form.error() ?? loadError()}
      onConfirm={confirm}
      onCancel={props.onClose}
      focusAfterClose={props.focusAfterClose}
    >
      <Switch>
        <Match when={loadError()}>
          <p>Le courrier en attente n'a pas pu être lu.</p>
        </Match>
        <Match when={pending() === null}>
          <Loading label="Lecture du courrier en attente…" />
        </Match>
        <Match when={available().length === 0}>
          <p>Aucun courrier en attente pour ce domicilié.</p>
        </Match>
        <Match when={true}>
          <fieldset
            class="field field--checkboxes"
            classList={{ "field--invalid": Boolean(form.fieldError("types")) }}
            aria-describedby={form.fieldError("types") ? form.id("types-erreur") : undefined}
          >
            <legend class="field-label">Courrier à distribuer</legend>
            <Show when={form.fieldError("types")}>
              {(message) => (
                <p class="field-error" id={form.id("types-erreur")}>
                  {message()}
                </p>
              )}
            </Show>
            <For each={available()}>
              {(type, index) => (
                <div class="field--checkbox distribution__type">
                  <input
                    type="checkbox"
                    id={index() === 0 ? form.id("types") : form.id(`types-${type}`)}
                    checked={types().has(type)}
                    onChange={(e) => toggle(type, e.currentTarget.checked)}
                    data-autofocus={index() === 0 ? "" : undefined}
                  />
                  <label for={index() === 0 ? form.id("types") : form.id(`types-${type}`)}>{countOf(type, sums()[type])}</label>
                </div>
              )}
            </For>
          </fieldset>

          <Show when={comments().length > 0}>
            <div class="distribution__comments">
              <p class="field-label">Informations sur le courrier en attente</p>
              <ul>
                <For each={comments()}>
                  {(c) => (
                    <li>
                      <span class="muted">
                        <time datetime={isoOf(c.createdAt)}>{formatShortDateTime(c.createdAt)}</time> — {INTERACTION_LABELS[c.type]} ({c.nb}
                        ) :
                      </span>{" "}
                      <span class="preserve-lines">{c.content}</span>
                    </li>
                  )}
                </For>
              </ul>
            </div>
          </Show>

          <fieldset class="field field--radios">
            <legend class="field-label">À qui est distribué le courrier ?</legend>
            <div class="radios">
              <div class="radio">
                <input
                  type="radio"
                  name={form.id("to")}
                  id={form.id("to")}
                  checked={recipient() === "domicilie"}
                  onChange={() => setRecipient("domicilie")}
                />
                <label for={form.id("to")}>Le domicilié : {nomComplet(u())}</label>
              </div>
              <For each={procurations()}>
                {(p) => {
                  const id = form.id(`to-p${p.id}`);
                  const usable = p.state === "active";
                  return (
                    <div class="radio radio--with-note">
                      <input
                        type="radio"
                        name={form.id("to")}
                        id={id}
                        disabled={!usable}
                        checked={recipient() === `p${p.id}`}
                        onChange={() => setRecipient(`p${p.id}`)}
                        aria-describedby={`${id}-etat`}
                      />
                      <label for={id}>
                        Mandataire : {mandataireName(p)}
                        <span class="radio__note" id={`${id}-etat`}>
                          <Show when={!usable} fallback={<>Procuration {periodText(p)}</>}>
                            <span class={PROCURATION_STATE_LABELS[p.state].badge}>{PROCURATION_STATE_LABELS[p.state].label}</span>{" "}
                            {p.state === "inactive" ? `Valable ${periodText(p)}.` : `Fin le ${formatDateFr(p.dateFin)}.`}
                          </Show>
                        </span>
                      </label>
                    </div>
                  );
                }}
              </For>
              <Show when={radie()}>
                <div class="radio">
                  <input
                    type="radio"
                    name={form.id("to")}
                    id={form.id("to-retour")}
                    checked={recipient() === "retour"}
                    onChange={() => setRecipient("retour")}
                  />
                  <label for={form.id("to-retour")}>Retour à l'expéditeur</label>
                </div>
              </Show>
            </div>
          </fieldset>

          <div role="status">
            <Show when={recipient() === "domicilie" && transfertActif(u(), props.fiche.today)}>
              <p class="alert alert--warning">
                Transfert du courrier en cours : la remise sera notée « Courrier transféré à : {u().transfertNom} – {u().transfertAdresse}{" "}
                ».
              </p>
            </Show>
            <Show when={recipient().startsWith("p")}>
              <p class="field-hint">Une remise au mandataire ne met pas à jour le dernier passage du domicilié.</p>
            </Show>
          </div>
        </Match>
      </Switch>
    </ConfirmDialog>
  );
}
