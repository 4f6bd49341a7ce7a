import { createSignal } from "solid-js";
import { api, type Outputs } from "../../api";
import { FormError, StatusMessage } from "../../components/Alerts";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { RadioGroupField } from "../../components/Field";
import { createFormState } from "../../components/form";

type Settings = Outputs["portail"]["settings"];
type OuiNon = "oui" | "non";

const OUI_NON: readonly { value: OuiNon; label: string }[] = [
  { value: "oui", label: "Oui" },
  { value: "non", label: "Non" },
];
const ouiNon = (value: boolean): OuiNon => (value ? "oui" : "non");

/** "Paramètres du portail": the structure turns the portal on or off (step 1 of the seed). */
export function SettingsForm(props: { settings: Settings; onSaved: () => void }) {
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
        Une fois le portail activé pour votre structure, l'accès n'est pas ouvert à tous les domiciliés : il est donné dossier par dossier,
        à la demande du domicilié, sur sa fiche, dans l'onglet « Courriers », section « Accès au portail usager ». Seuls les
        administrateurs, gestionnaires, instructeurs et agents d'accueil peuvent l'ouvrir.
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
          Plus aucun domicilié de la structure ne pourra se connecter au portail, dès maintenant : ceux qui sont connectés sont déconnectés.
        </p>
        <p>Les comptes sont conservés : les domiciliés retrouveront leur accès si vous réactivez le portail.</p>
      </ConfirmDialog>
    </section>
  );
}
