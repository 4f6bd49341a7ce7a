import { useNavigate } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { formatDateFr } from "../../../../worker/rules/dates";
import { FIELD_MAX } from "../../../../worker/rules/fields";
import { ENTRETIEN_QUESTIONS, type EntretienKey, LIENS_AYANT_DROIT, nomComplet } from "../../../../worker/rules/usager";
import { api, isStaleWrite } from "../../api";
import { useStaff } from "../../session";
import { FormError, StatusMessage } from "../Alerts";
import { Button } from "../Button";
import { ConfirmDialog } from "../ConfirmDialog";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "../Field";
import { createFormState } from "../form";
import { CONTACT_TEXTS } from "./ContactFields";
import { ContactForm } from "./ContactForm";
import { colleagueName } from "./colleagues";
import { EtatCivilForm } from "./etat-civil/EtatCivilForm";
import { etatCivilValuesOf } from "./etat-civil/values";
import { useFiche } from "./fiche";

const KEYS = Object.keys(ENTRETIEN_QUESTIONS) as EntretienKey[];
type Question = (typeof ENTRETIEN_QUESTIONS)[EntretienKey];

/**
 * The "Dossier" tab: état civil and ayants droit, then the entretien (read-only without
 * usager.instruct, the contact details still editable with usager.contact), and for gestionnaires
 * and admins the deletion of the file.
 */
export function DossierTab() {
  const staff = useStaff();
  return (
    <>
      <section class="section" aria-labelledby="titre-etat-civil">
        <h2 id="titre-etat-civil">État civil et contact</h2>
        <Show
          when={staff.can("usager.instruct")}
          fallback={
            <>
              <EtatCivilReadOnly withContact={!staff.can("usager.contact")} />
              <Show when={staff.can("usager.contact")}>
                <ContactForm />
              </Show>
            </>
          }
        >
          <EtatCivilEdit />
        </Show>
      </section>
      <section class="section" aria-labelledby="titre-entretien">
        <h2 id="titre-entretien">Entretien</h2>
        <Show when={staff.can("usager.instruct")} fallback={<EntretienReadOnly />}>
          <EntretienForm />
        </Show>
      </section>
      <Show when={staff.can("usager.delete")}>
        <SuppressionSection />
      </Show>
    </>
  );
}

/**
 * "Zone sensible": the file and everything in it erased for good. On success the
 * fiche no longer exists: the list says what was deleted (and the server's quota warning, if any).
 */
function SuppressionSection() {
  const ctx = useFiche();
  const navigate = useNavigate();
  const form = createFormState("suppression");
  const [open, setOpen] = createSignal(false);
  const u = () => ctx.fiche().usager;
  const radiable = () => ["VALIDE", "INSTRUCTION", "ATTENTE_DECISION"].includes(u().statut);

  const start = () => {
    form.reset();
    setOpen(true);
  };

  const confirm = () =>
    void form.submit(async () => {
      const name = nomComplet(u());
      try {
        const { warning } = await api.usagers.delete.mutate({ usagerId: u().id, version: u().version });
        // Replace: "back" must not lead to a fiche that no longer exists.
        navigate("/usagers", { replace: true, state: { notice: [`Dossier de ${name} supprimé.`, warning].filter(Boolean).join(" ") } });
      } catch (error) {
        // A colleague changed the file meanwhile: the fiche shows it as it is now, the dialog says why.
        if (isStaleWrite(error)) await ctx.reload();
        throw error;
      }
    });

  return (
    <section class="section section--compact" aria-labelledby="titre-zone-sensible">
      <h2 id="titre-zone-sensible">Zone sensible</h2>
      <p class="section__intro">La suppression efface définitivement le dossier et tout ce qu'il contient.</p>
      <div class="form__actions">
        <Button variant="danger-outline" onClick={start}>
          Supprimer le dossier
        </Button>
      </div>
      <ConfirmDialog
        open={open()}
        title={`Supprimer définitivement le dossier de ${nomComplet(u())} ?`}
        confirmLabel="Supprimer définitivement"
        busyLabel="Suppression…"
        danger
        busy={form.busy()}
        error={form.error()}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        <p>Tout le dossier sera effacé : courriers, notes, documents, procurations et accès au portail. Cette action est irréversible.</p>
        <Show when={radiable()}>
          <p>Si la personne n'est plus domiciliée chez vous, préférez la radiation : elle conserve le dossier et son historique.</p>
        </Show>
      </ConfirmDialog>
    </section>
  );
}

function EtatCivilEdit() {
  const ctx = useFiche();
  const colleagues = useFiche().colleagues;
  const u = () => ctx.fiche().usager;
  return (
    <EtatCivilForm
      idPrefix="etat-civil"
      initial={etatCivilValuesOf(u())}
      resetKey={u().version}
      excludeId={u().id}
      colleagues={colleagues()}
      submitLabel="Enregistrer l'état civil"
      busyLabel="Enregistrement…"
      onSubmit={async (input) => {
        await ctx.run((version) => api.usagers.updateEtatCivil.mutate({ usagerId: u().id, version, etatCivil: input }));
        return "État civil enregistré.";
      }}
    />
  );
}

function Row(props: { label: string; value: string | null | undefined }) {
  return (
    <div class="details__row">
      <dt>{props.label}</dt>
      <dd>{props.value ? props.value : <span class="muted">Non renseigné</span>}</dd>
    </div>
  );
}

/** `withContact`: the phone, e-mail and SMS consent as text, for a role that may not edit them. */
function EtatCivilReadOnly(props: { withContact: boolean }) {
  const ctx = useFiche();
  const u = () => ctx.fiche().usager;
  return (
    <>
      <dl class="details">
        <Row label="Civilité" value={u().civilite === "Mme" ? "Madame" : "Monsieur"} />
        <Row label="Nom" value={u().nom} />
        <Row label="Prénom" value={u().prenom} />
        <Row label="Nom d'usage / Surnom" value={u().surnom} />
        <Row label="Date de naissance" value={formatDateFr(u().dateNaissance)} />
        <Row label="Lieu de naissance" value={u().lieuNaissance} />
        <Row label="Nationalité" value={u().nationalite} />
        <Row label="Langue parlée" value={u().langue} />
        <Show when={props.withContact}>
          <Row label={CONTACT_TEXTS.telephone.label} value={u().telephone} />
          <Row label={CONTACT_TEXTS.email.label} value={u().email} />
          <Row label={CONTACT_TEXTS.contactByPhone.label} value={u().contactByPhone ? "Oui" : "Non"} />
        </Show>
        <Row label="Numéro de distribution" value={u().numeroDistribution} />
        <Row label="Référent" value={ctx.fiche().referent ? colleagueName(ctx.fiche().referent!) : null} />
        <Row label="Identifiant personnalisé" value={u().customRef} />
      </dl>
      <h3>Ayants droit</h3>
      <Show when={u().ayantsDroit.length > 0} fallback={<p class="muted">Aucun ayant droit.</p>}>
        <section class="table-wrap" tabindex="0" aria-label="Ayants droit">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Prénom</th>
                <th scope="col">Date de naissance</th>
                <th scope="col">Lien</th>
              </tr>
            </thead>
            <tbody>
              <For each={u().ayantsDroit}>
                {(a) => (
                  <tr>
                    <th scope="row">{a.nom}</th>
                    <td>{a.prenom}</td>
                    <td>{formatDateFr(a.dateNaissance)}</td>
                    <td>{LIENS_AYANT_DROIT[a.lien]}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
      </Show>
    </>
  );
}

/** The answer as the form holds it: "oui" / "non" / "" for yes-no, the text otherwise. */
type EntretienValues = Record<string, string>;

function valuesOf(entretien: Record<string, unknown>): EntretienValues {
  const out: EntretienValues = {};
  for (const key of KEYS) {
    const q: Question = ENTRETIEN_QUESTIONS[key];
    const v = entretien[key];
    out[key] = q.type === "ouiNon" ? (v === true ? "oui" : v === false ? "non" : "") : typeof v === "string" ? v : "";
    if ("detail" in q) out[`${key}Detail`] = typeof entretien[`${key}Detail`] === "string" ? (entretien[`${key}Detail`] as string) : "";
  }
  return out;
}

/** A detail field applies to "Oui" for yes-no questions, to "Autre" for lists. */
function detailApplies(q: Question, value: string): boolean {
  if (!("detail" in q)) return false;
  return q.type === "ouiNon" ? value === "oui" : value === "Autre";
}

function toInput(values: EntretienValues): Record<string, string | boolean | null> {
  const out: Record<string, string | boolean | null> = {};
  for (const key of KEYS) {
    const q: Question = ENTRETIEN_QUESTIONS[key];
    const v = values[key] ?? "";
    out[key] = q.type === "ouiNon" ? (v === "oui" ? true : v === "non" ? false : null) : v.trim() || null;
    if ("detail" in q) out[`${key}Detail`] = detailApplies(q, v) ? (values[`${key}Detail`] ?? "").trim() || null : null;
  }
  return out;
}

const OUI_NON = [
  { value: "oui", label: "Oui" },
  { value: "non", label: "Non" },
  { value: "", label: "Non renseigné" },
];

function EntretienForm() {
  const ctx = useFiche();
  const form = createFormState("entretien");
  const u = () => ctx.fiche().usager;
  const [values, setValues] = createStore<EntretienValues>(valuesOf(u().entretien));
  createEffect(
    on(
      () => u().version,
      () => setValues(valuesOf(u().entretien)),
      { defer: true },
    ),
  );

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const movesOn = u().statut === "INSTRUCTION" && u().etape < 3;
    void form.submit(async () => {
      await ctx.run((version) => api.usagers.updateEntretien.mutate({ usagerId: u().id, version, entretien: toInput(values) }));
      return movesOn ? "Entretien enregistré. Étape suivante : les pièces justificatives." : "Entretien enregistré.";
    });
  };

  return (
    <>
      <p class="section__intro">Toutes les questions sont facultatives.</p>
      <FormError form={form} />
      <StatusMessage message={form.success()} />
      <form class="form" novalidate onSubmit={submit}>
        <For each={KEYS}>
          {(key) => {
            const q: Question = ENTRETIEN_QUESTIONS[key];
            const path = `entretien.${key}`;
            return (
              <div class="entretien__question">
                <Show when={q.type === "ouiNon"}>
                  <RadioGroupField
                    form={form}
                    path={path}
                    label={q.label}
                    inline
                    options={OUI_NON}
                    value={values[key] ?? ""}
                    onValue={(v) => setValues(key, v)}
                  />
                </Show>
                <Show when={q.type === "choix" && "choix" in q ? q : null}>
                  {(choice) => (
                    <SelectField
                      form={form}
                      path={path}
                      label={q.label}
                      placeholder="Non renseigné"
                      options={choice().choix.map((c) => ({ value: c, label: c }))}
                      value={values[key] ?? ""}
                      onValue={(v) => setValues(key, v)}
                      class="field--medium"
                    />
                  )}
                </Show>
                <Show when={q.type === "texte"}>
                  <TextField
                    form={form}
                    path={path}
                    label={q.label}
                    value={values[key] ?? ""}
                    onValue={(v) => setValues(key, v)}
                    maxLength={FIELD_MAX.entretienReponse}
                  />
                </Show>
                <Show when={q.type === "texteLong"}>
                  <TextAreaField
                    form={form}
                    path={path}
                    label={q.label}
                    hint="2 000 caractères au maximum."
                    value={values[key] ?? ""}
                    onValue={(v) => setValues(key, v)}
                    maxLength={FIELD_MAX.entretienCommentaires}
                  />
                </Show>
                <Show when={"detail" in q && detailApplies(q, values[key] ?? "") ? (q as { detail: string }) : null}>
                  {(withDetail) => (
                    <div class="subfields">
                      <TextField
                        form={form}
                        path={`${path}Detail`}
                        label={withDetail().detail}
                        labelSuffix={`(${q.label})`}
                        value={values[`${key}Detail`] ?? ""}
                        onValue={(v) => setValues(`${key}Detail`, v)}
                        maxLength={FIELD_MAX.entretienDetail}
                      />
                    </div>
                  )}
                </Show>
              </div>
            );
          }}
        </For>
        <div class="form__actions">
          <Button type="submit" busy={form.busy()}>
            Enregistrer l'entretien
          </Button>
        </div>
      </form>
    </>
  );
}

function EntretienReadOnly() {
  const ctx = useFiche();
  const answers = () => {
    const e = ctx.fiche().usager.entretien as Record<string, unknown>;
    return KEYS.filter((k) => e[k] !== undefined && e[k] !== null && e[k] !== "").map((k) => {
      const q: Question = ENTRETIEN_QUESTIONS[k];
      const v = e[k];
      const detail = typeof e[`${k}Detail`] === "string" ? ` (${e[`${k}Detail`] as string})` : "";
      return { label: q.label, value: `${v === true ? "Oui" : v === false ? "Non" : String(v)}${detail}` };
    });
  };
  return (
    <Show when={answers().length > 0} fallback={<p class="muted">L'entretien n'a pas encore été renseigné.</p>}>
      <dl class="details">
        <For each={answers()}>{(a) => <Row label={a.label} value={a.value} />}</For>
      </dl>
    </Show>
  );
}
