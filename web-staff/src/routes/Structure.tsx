import { createResource, For, Match, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import { STRUCTURE_TYPE_LABELS } from "../../../worker/rules/structure";
import { api, apiFailure, type Outputs } from "../api";
import { ErrorMessage, FormError, Loading, StatusMessage } from "../components/Alerts";
import { Button } from "../components/Button";
import { CheckboxField, RequiredNote } from "../components/Field";
import { createFormState } from "../components/form";
import { RequirePermission } from "../components/RequirePermission";
import { StructureInfoFields, structureInputOf, structureValuesOf } from "../components/StructureInfoFields";
import { usePageTitle } from "../components/title";
import { useStaff } from "../session";

type Structure = Outputs["structures"]["mine"];
type Options = Structure["options"];

const OPTION_TEXTS: readonly { key: keyof Options; label: string; hint: string }[] = [
  {
    key: "nomStructure",
    label: "Afficher le nom de la structure dans l'adresse",
    hint: "L'adresse de domiciliation commence par le nom de la structure, par exemple « CCAS de Lyon ».",
  },
  {
    key: "numeroBoite",
    label: "Afficher « Boîte <ID> » dans l'adresse",
    hint: "<ID> est l'identifiant du domicilié dans la structure, par exemple « Boîte 125 » : il facilite le tri du courrier.",
  },
  {
    key: "surnom",
    label: "Ajouter le nom d'usage ou le surnom",
    hint: "Le nom d'usage ou le surnom du domicilié est ajouté entre parenthèses après son nom, par exemple « DUPONT (Jojo) ».",
  },
];

export function StructurePage() {
  usePageTitle(() => "Structure");
  return (
    <RequirePermission permission="structure.read" title="Structure">
      <StructureContent />
    </RequirePermission>
  );
}

function StructureContent() {
  const staff = useStaff();
  const [structure, { refetch }] = createResource(() => api.structures.mine.query());
  return (
    <>
      <h1>Structure</h1>
      <Switch>
        <Match when={structure.error}>
          <ErrorMessage message={apiFailure(structure.error).message} />
        </Match>
        <Match when={structure.latest}>
          {(s) => (
            <>
              <section class="section" aria-labelledby="titre-informations">
                <h2 id="titre-informations">Informations</h2>
                <Show when={staff.can("structure.edit")} fallback={<StructureDetails structure={s()} />}>
                  <StructureEditForm
                    structure={s()}
                    onSaved={() => {
                      void refetch();
                      staff.refetchMe();
                    }}
                  />
                </Show>
              </section>
              <section class="section" aria-labelledby="titre-parametres">
                <h2 id="titre-parametres">Paramètres</h2>
                <p class="section__intro">Ces options règlent l'adresse de domiciliation imprimée sur l'attestation postale.</p>
                <Show when={staff.can("structure.settings")} fallback={<OptionsDetails options={s().options} />}>
                  <OptionsForm options={s().options} />
                </Show>
              </section>
            </>
          )}
        </Match>
        <Match when={structure.loading}>
          <Loading />
        </Match>
      </Switch>
    </>
  );
}

function StructureEditForm(props: { structure: Structure; onSaved: () => void }) {
  const form = createFormState("structure");
  // Initialised once from the loaded structure: a refetch after saving must not overwrite typing.
  const [values, setValues] = createStore(structureValuesOf(props.structure));
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      await api.structures.update.mutate(structureInputOf(values));
      props.onSaved();
      return "Les informations de la structure ont été enregistrées.";
    });
  };
  return (
    <>
      <RequiredNote />
      <FormError form={form} />
      <form class="form" novalidate onSubmit={submit}>
        <StructureInfoFields form={form} values={values} setValues={setValues} pathPrefix="" />
        <StatusMessage message={form.success()} />
        <div class="form__actions">
          <Button type="submit" busy={form.busy()}>
            Enregistrer les modifications
          </Button>
        </div>
      </form>
    </>
  );
}

function OptionsForm(props: { options: Options }) {
  const form = createFormState("parametres");
  const [values, setValues] = createStore({ ...props.options });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      await api.structures.updateOptions.mutate({ ...values });
      return "Les paramètres ont été enregistrés.";
    });
  };
  return (
    <>
      <FormError form={form} />
      <form class="form" novalidate onSubmit={submit}>
        <fieldset class="fieldset fieldset--plain">
          <legend class="visually-hidden">Adresse de domiciliation</legend>
          <For each={OPTION_TEXTS}>
            {(option) => (
              <CheckboxField
                form={form}
                path={option.key}
                label={option.label}
                hint={option.hint}
                checked={values[option.key]}
                onChecked={(v) => setValues(option.key, v)}
              />
            )}
          </For>
        </fieldset>
        <StatusMessage message={form.success()} />
        <div class="form__actions">
          <Button type="submit" busy={form.busy()}>
            Enregistrer les paramètres
          </Button>
        </div>
      </form>
    </>
  );
}

function OptionsDetails(props: { options: Options }) {
  return (
    <dl class="details">
      <For each={OPTION_TEXTS}>
        {(option) => (
          <div class="details__row">
            <dt>{option.label}</dt>
            <dd>{props.options[option.key] ? "Oui" : "Non"}</dd>
          </div>
        )}
      </For>
    </dl>
  );
}

/** Read-only view for the roles that may not edit the structure. */
function StructureDetails(props: { structure: Structure }) {
  const s = () => props.structure;
  const rows = (): [string, string][] => [
    ["Nom de la structure", s().nom],
    ["Type de structure", STRUCTURE_TYPE_LABELS[s().type]],
    ["Adresse", [s().adresse, s().complementAdresse, `${s().codePostal} ${s().ville}`].filter(Boolean).join("\n")],
    ["Téléphone", s().telephone],
    ["Adresse e-mail", s().email],
    [
      "Adresse de réception du courrier",
      s().adresseCourrier
        ? `${s().adresseCourrier!.adresse}\n${s().adresseCourrier!.codePostal} ${s().adresseCourrier!.ville}`
        : "Identique à l'adresse de la structure",
    ],
    ["Responsable", `${s().responsable.prenom} ${s().responsable.nom}, ${s().responsable.fonction}`],
    ["Capacité de domiciliation", String(s().capacite)],
    ["Numéro d'agrément", s().agrement ?? "Non renseigné"],
    ["Numéro SIRET", s().siret ?? "Pas de SIRET"],
  ];
  return (
    <dl class="details">
      <For each={rows()}>
        {([label, value]) => (
          <div class="details__row">
            <dt>{label}</dt>
            <dd class="preserve-lines">{value}</dd>
          </div>
        )}
      </For>
    </dl>
  );
}
