import { A } from "@solidjs/router";
import type { inferRouterInputs } from "@trpc/server";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { createStore, produce } from "solid-js/store";
import { api, type Outputs } from "../../api";
import type { AppRouter } from "../../../../worker/router";
import { formatDateFr } from "../../../../worker/rules/dates";
import { USAGER_STATUT_LABELS } from "../../../../worker/rules/echeance";
import { normalizeSearch } from "../../../../worker/rules/search";
import { LIENS_AYANT_DROIT, nomComplet, type Civilite, type LienAyantDroit } from "../../../../worker/rules/usager";
import { FormError, StatusMessage } from "../Alerts";
import { Button } from "../Button";
import { DateField, RadioGroupField, RequiredNote, SelectField, TextField } from "../Field";
import { createFormState } from "../form";
import { ContactFields } from "./ContactFields";
import { colleagueName, type Colleague } from "./colleagues";
import { toIsoDate, toIsoDateOrNull, toTypedDate } from "./format";

export type EtatCivilInput = inferRouterInputs<AppRouter>["usagers"]["create"];
type Usager = Outputs["usagers"]["get"]["usager"];
type Duplicate = Outputs["usagers"]["duplicates"][number];
type Holder = Outputs["usagers"]["customRefHolders"][number];

interface AyantDroitValues {
  key: number;
  nom: string;
  prenom: string;
  dateNaissance: string;
  lien: LienAyantDroit | "";
}

/** What the form holds while typing: text as typed, converted on submit. */
export interface EtatCivilValues {
  civilite: Civilite | null;
  nom: string;
  prenom: string;
  surnom: string;
  dateNaissance: string;
  lieuNaissance: string;
  nationalite: string;
  langue: string;
  telephone: string;
  email: string;
  contactByPhone: "oui" | "non";
  numeroDistribution: string;
  referentId: string;
  customRef: string;
  ayantsDroit: AyantDroitValues[];
}

let nextKey = 1;

export const EMPTY_ETAT_CIVIL: EtatCivilValues = {
  civilite: null,
  nom: "",
  prenom: "",
  surnom: "",
  dateNaissance: "",
  lieuNaissance: "",
  nationalite: "",
  langue: "",
  telephone: "",
  email: "",
  // Consent to SMS is opt-in: "Non" until the person says yes.
  contactByPhone: "non",
  numeroDistribution: "",
  referentId: "",
  customRef: "",
  ayantsDroit: [],
};

export function etatCivilValuesOf(u: Usager): EtatCivilValues {
  return {
    civilite: u.civilite,
    nom: u.nom,
    prenom: u.prenom,
    surnom: u.surnom ?? "",
    dateNaissance: toTypedDate(u.dateNaissance),
    lieuNaissance: u.lieuNaissance,
    nationalite: u.nationalite ?? "",
    langue: u.langue ?? "",
    telephone: u.telephone ?? "",
    email: u.email ?? "",
    contactByPhone: u.contactByPhone ? "oui" : "non",
    numeroDistribution: u.numeroDistribution ?? "",
    referentId: u.referentId ? String(u.referentId) : "",
    customRef: u.customRef,
    ayantsDroit: u.ayantsDroit.map((a) => ({ key: nextKey++, ...a, dateNaissance: toTypedDate(a.dateNaissance) })),
  };
}

function toInput(v: EtatCivilValues): EtatCivilInput {
  return {
    civilite: (v.civilite ?? undefined) as Civilite,
    nom: v.nom,
    prenom: v.prenom,
    surnom: v.surnom,
    dateNaissance: toIsoDate(v.dateNaissance),
    lieuNaissance: v.lieuNaissance,
    nationalite: v.nationalite,
    langue: v.langue,
    telephone: v.telephone,
    email: v.email,
    contactByPhone: v.contactByPhone === "oui",
    numeroDistribution: v.numeroDistribution,
    referentId: v.referentId ? Number(v.referentId) : null,
    customRef: v.customRef,
    ayantsDroit: v.ayantsDroit.map((a) => ({
      nom: a.nom,
      prenom: a.prenom,
      dateNaissance: toIsoDateOrNull(a.dateNaissance) ?? (undefined as unknown as string),
      lien: (a.lien || undefined) as LienAyantDroit,
    })),
  };
}

const CIVILITE_OPTIONS = [
  { value: "M." as Civilite, label: "Monsieur" },
  { value: "Mme" as Civilite, label: "Madame" },
];
const LIEN_OPTIONS = (Object.keys(LIENS_AYANT_DROIT) as LienAyantDroit[]).map((value) => ({ value, label: LIENS_AYANT_DROIT[value] }));

function DuplicateLink(props: { u: { id: number; civilite: Civilite; nom: string; prenom: string } }) {
  return (
    <A href={`/usagers/${props.u.id}`} target="_blank" rel="noopener">
      {nomComplet(props.u)}
      <span class="visually-hidden"> (s'ouvre dans un nouvel onglet)</span>
    </A>
  );
}

/**
 * État civil, contact and ayants droit of a domicilié: the creation page and the "Dossier" tab
 * use it alike. Before saving it looks for possible duplicates (same nom and prénom, accents and
 * case ignored) and for the ID already printed on another file, and asks to confirm.
 */
export function EtatCivilForm(props: {
  idPrefix: string;
  initial: EtatCivilValues;
  /** Changes when the saved file changes (its version): the fields then show the saved data again. */
  resetKey?: unknown;
  /** The file being edited, left out of the duplicate checks. */
  excludeId?: number;
  colleagues: Colleague[];
  submitLabel: string;
  busyLabel: string;
  /** Saves; returns the success sentence, throws the server's error (shown beside the fields). */
  onSubmit: (input: EtatCivilInput) => Promise<string | void>;
}) {
  const form = createFormState(props.idPrefix);
  const [values, setValues] = createStore<EtatCivilValues>(structuredClone(props.initial));
  const [checking, setChecking] = createSignal(false);
  const [warning, setWarning] = createSignal<{ duplicates: Duplicate[]; holders: Holder[] } | null>(null);
  const [refHolders, setRefHolders] = createSignal<Holder[]>([]);
  let warningBox: HTMLDivElement | undefined;
  let addButton: HTMLButtonElement | undefined;

  createEffect(
    on(
      () => props.resetKey,
      () => {
        setValues(structuredClone(props.initial));
        setWarning(null);
        setRefHolders([]);
      },
      { defer: true },
    ),
  );

  const set =
    <K extends keyof Omit<EtatCivilValues, "ayantsDroit">>(key: K) =>
    (value: EtatCivilValues[K]) => {
      setValues(key, value as never);
      if (key === "nom" || key === "prenom" || key === "customRef") setWarning(null);
    };

  const customRefChanged = () => values.customRef.trim() !== "" && values.customRef.trim() !== props.initial.customRef.trim();

  const checkCustomRef = async () => {
    if (!customRefChanged()) {
      setRefHolders([]);
      return;
    }
    try {
      setRefHolders(await api.usagers.customRefHolders.query({ customRef: values.customRef.trim(), excludeId: props.excludeId }));
    } catch {
      setRefHolders([]);
    }
  };

  /** Possible duplicates and ID holders; nothing when the names did not change on an existing file. */
  const preCheck = async () => {
    const namesChanged =
      normalizeSearch(values.nom) !== normalizeSearch(props.initial.nom) ||
      normalizeSearch(values.prenom) !== normalizeSearch(props.initial.prenom);
    const [duplicates, holders] = await Promise.all([
      namesChanged && values.nom.trim() && values.prenom.trim()
        ? api.usagers.duplicates.query({ nom: values.nom.trim(), prenom: values.prenom.trim(), excludeId: props.excludeId })
        : Promise.resolve([]),
      customRefChanged()
        ? api.usagers.customRefHolders.query({ customRef: values.customRef.trim(), excludeId: props.excludeId })
        : Promise.resolve([]),
    ]);
    return { duplicates, holders };
  };

  const save = async () => {
    setWarning(null);
    await form.submit(() => props.onSubmit(toInput(values)));
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (form.busy() || checking()) return;
    form.reset();
    setChecking(true);
    let found: { duplicates: Duplicate[]; holders: Holder[] } = { duplicates: [], holders: [] };
    try {
      found = await preCheck();
    } catch {
      // The check is a courtesy: if it fails, the server still validates what is sent.
    } finally {
      setChecking(false);
    }
    if (found.duplicates.length > 0 || found.holders.length > 0) {
      setWarning(found);
      queueMicrotask(() => warningBox?.focus());
      return;
    }
    await save();
  };

  const addAyantDroit = () => {
    setValues("ayantsDroit", (list) => [...list, { key: nextKey++, nom: "", prenom: "", dateNaissance: "", lien: "" }]);
    const index = values.ayantsDroit.length - 1;
    queueMicrotask(() => document.getElementById(form.id(`ayantsDroit.${index}.nom`))?.focus());
  };

  const removeAyantDroit = (index: number) => {
    setValues(
      "ayantsDroit",
      produce((list) => {
        list.splice(index, 1);
      }),
    );
    queueMicrotask(() => addButton?.focus());
  };

  const creating = () => props.excludeId === undefined;

  return (
    <>
      <RequiredNote />
      <FormError form={form} />
      <StatusMessage message={form.success()} />
      <form class="form" novalidate onSubmit={submit} aria-busy={form.busy() || checking() ? "true" : undefined}>
        <fieldset class="fieldset">
          <legend>Identité</legend>
          <RadioGroupField
            form={form}
            path="civilite"
            label="Civilité"
            required
            inline
            options={CIVILITE_OPTIONS}
            value={values.civilite}
            onValue={set("civilite")}
          />
          <div class="field-row">
            <TextField form={form} path="nom" label="Nom" required value={values.nom} onValue={set("nom")} maxLength={200} autocomplete="off" />
            <TextField
              form={form}
              path="prenom"
              label="Prénom"
              required
              value={values.prenom}
              onValue={set("prenom")}
              maxLength={200}
              autocomplete="off"
            />
          </div>
          <TextField
            form={form}
            path="surnom"
            label="Nom d'usage / Surnom"
            value={values.surnom}
            onValue={set("surnom")}
            maxLength={400}
            autocomplete="off"
          />
          <div class="field-row">
            <DateField
              form={form}
              path="dateNaissance"
              label="Date de naissance"
              required
              value={values.dateNaissance}
              onValue={set("dateNaissance")}
            />
            <TextField
              form={form}
              path="lieuNaissance"
              label="Lieu de naissance"
              hint="Précisez le pays si à l'étranger."
              required
              value={values.lieuNaissance}
              onValue={set("lieuNaissance")}
              maxLength={100}
              autocomplete="off"
            />
          </div>
          <div class="field-row">
            <TextField
              form={form}
              path="nationalite"
              label="Nationalité"
              value={values.nationalite}
              onValue={set("nationalite")}
              maxLength={100}
              autocomplete="off"
            />
            <TextField
              form={form}
              path="langue"
              label="Langue parlée"
              value={values.langue}
              onValue={set("langue")}
              maxLength={100}
              autocomplete="off"
            />
          </div>
        </fieldset>

        <fieldset class="fieldset">
          <legend>Contact</legend>
          <ContactFields form={form} values={values} onValue={(field, value) => set(field)(value as EtatCivilValues[typeof field])} />
          <TextField
            form={form}
            path="numeroDistribution"
            label="Numéro de distribution"
            hint="Numéro de boîte postale ou TSA, par exemple BP 102 ou TSA 11000."
            value={values.numeroDistribution}
            onValue={set("numeroDistribution")}
            maxLength={50}
            class="field--medium"
            autocomplete="off"
          />
        </fieldset>

        <fieldset class="fieldset">
          <legend>Suivi du dossier</legend>
          <div class="field-row">
            <SelectField
              form={form}
              path="referentId"
              label="Référent"
              hint="Membre de l'équipe qui suit ce dossier."
              placeholder="Aucun référent"
              options={props.colleagues.map((c) => ({ value: String(c.id), label: colleagueName(c) }))}
              value={values.referentId}
              onValue={set("referentId")}
            />
            <div class="field-group">
              <TextField
                form={form}
                path="customRef"
                label="Identifiant personnalisé"
                hint={
                  creating()
                    ? "Facultatif : laissé vide, l'identifiant est le numéro d'ordre du dossier."
                    : "L'identifiant imprimé sur les courriers (laissé vide, il ne change pas)."
                }
                value={values.customRef}
                onValue={set("customRef")}
                onBlur={checkCustomRef}
                maxLength={50}
                autocomplete="off"
              />
              <div role="status">
                <Show when={refHolders().length > 0}>
                  <p class="field-warning">
                    Cet identifiant est déjà utilisé par{" "}
                    <For each={refHolders()}>
                      {(h, i) => (
                        <>
                          {i() > 0 ? ", " : ""}
                          <A href={`/usagers/${h.id}`} target="_blank" rel="noopener">
                            {h.nom.toUpperCase()} {h.prenom}
                            <span class="visually-hidden"> (s'ouvre dans un nouvel onglet)</span>
                          </A>
                        </>
                      )}
                    </For>
                    . Vous pouvez l'enregistrer quand même.
                  </p>
                </Show>
              </div>
            </div>
          </div>
        </fieldset>

        <fieldset class="fieldset">
          <legend>Ayants droit</legend>
          <p class="fieldset__intro">Personnes à la charge du domicilié (conjoint, enfants…).</p>
          <Show when={values.ayantsDroit.length === 0}>
            <p class="muted">Aucun ayant droit.</p>
          </Show>
          <ol class="ayants-droit">
            <For each={values.ayantsDroit}>
              {(a, index) => {
                const suffix = () => `de l'ayant droit ${index() + 1}`;
                const p = (field: string) => `ayantsDroit.${index()}.${field}`;
                return (
                  <li class="ayant-droit">
                    <fieldset class="ayant-droit__fieldset">
                      <legend class="ayant-droit__title">Ayant droit {index() + 1}</legend>
                      <div class="field-row">
                        <TextField
                          form={form}
                          path={p("nom")}
                          label="Nom"
                          labelSuffix={suffix()}
                          required
                          value={a.nom}
                          onValue={(v) => setValues("ayantsDroit", index(), "nom", v)}
                          maxLength={200}
                          autocomplete="off"
                        />
                        <TextField
                          form={form}
                          path={p("prenom")}
                          label="Prénom"
                          labelSuffix={suffix()}
                          required
                          value={a.prenom}
                          onValue={(v) => setValues("ayantsDroit", index(), "prenom", v)}
                          maxLength={200}
                          autocomplete="off"
                        />
                      </div>
                      <div class="field-row">
                        <DateField
                          form={form}
                          path={p("dateNaissance")}
                          label="Date de naissance"
                          labelSuffix={suffix()}
                          required
                          value={a.dateNaissance}
                          onValue={(v) => setValues("ayantsDroit", index(), "dateNaissance", v)}
                        />
                        <SelectField
                          form={form}
                          path={p("lien")}
                          label="Lien"
                          labelSuffix={suffix()}
                          required
                          placeholder="Choisir un lien"
                          options={LIEN_OPTIONS}
                          value={a.lien}
                          onValue={(v) => setValues("ayantsDroit", index(), "lien", v as LienAyantDroit)}
                        />
                      </div>
                      <div>
                        <Button variant="danger-outline" class="button--small" onClick={() => removeAyantDroit(index())}>
                          Retirer<span class="visually-hidden"> l'ayant droit {index() + 1}</span>
                        </Button>
                      </div>
                    </fieldset>
                  </li>
                );
              }}
            </For>
          </ol>
          <div>
            <Button ref={addButton} variant="secondary" onClick={addAyantDroit}>
              Ajouter un ayant droit
            </Button>
          </div>
        </fieldset>

        <Show when={warning()}>
          {(found) => (
            <div class="alert alert--warning" role="alert" tabindex="-1" ref={warningBox}>
              <Show when={found().duplicates.length > 0}>
                <p class="alert__title">Dossiers qui pourraient correspondre à la même personne</p>
                <ul class="alert__list">
                  <For each={found().duplicates}>
                    {(d) => (
                      <li>
                        <DuplicateLink u={d} /> — ID {d.customRef}, {d.civilite === "Mme" ? "née" : "né"} le{" "}
                        {formatDateFr(d.dateNaissance)} — {USAGER_STATUT_LABELS[d.statut]}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <Show when={found().holders.length > 0}>
                <p class="alert__title">L'identifiant « {values.customRef.trim()} » est déjà utilisé</p>
                <ul class="alert__list">
                  <For each={found().holders}>
                    {(h) => (
                      <li>
                        <A href={`/usagers/${h.id}`} target="_blank" rel="noopener">
                          {h.nom.toUpperCase()} {h.prenom}
                          <span class="visually-hidden"> (s'ouvre dans un nouvel onglet)</span>
                        </A>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <p class="alert__text">Vérifiez qu'il ne s'agit pas d'un doublon avant d'enregistrer.</p>
              <div class="form__actions">
                <Button busy={form.busy()} busyLabel="Enregistrement…" onClick={save}>
                  {creating() ? "Créer quand même" : "Enregistrer quand même"}
                </Button>
                <Button
                  variant="secondary"
                  onClick={() => {
                    setWarning(null);
                    document.getElementById(form.id("nom"))?.focus();
                  }}
                >
                  Modifier la saisie
                </Button>
              </div>
            </div>
          )}
        </Show>

        <Show when={!warning()}>
          <div class="form__actions">
            <Button type="submit" busy={form.busy() || checking()} busyLabel={checking() ? "Vérification…" : props.busyLabel}>
              {props.submitLabel}
            </Button>
          </div>
        </Show>
      </form>
    </>
  );
}
