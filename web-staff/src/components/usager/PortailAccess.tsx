import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { api, apiFailure, type Outputs } from "../../api";
import { useStaff } from "../../session";
import { ErrorMessage, FormError, StatusMessage } from "../Alerts";
import { Button } from "../Button";
import { ConfirmDialog } from "../ConfirmDialog";
import { formatDateTime, isoOf } from "../dates";
import { startDownload } from "../download";
import { CheckboxField, RadioGroupField } from "../Field";
import { createFormState } from "../form";
import { useFiche } from "./fiche";

type PortalAccount = Outputs["portail"]["account"];
type Account = NonNullable<PortalAccount["account"]>;
type OuiNon = "oui" | "non";

const OUI_NON: readonly { value: OuiNon; label: string }[] = [
  { value: "oui", label: "Oui" },
  { value: "non", label: "Non" },
];

export const LETTER_DOWNLOADED =
  "Le document Word avec l'identifiant et le mot de passe temporaire a été téléchargé : imprimez-le et remettez-le au domicilié.";
const MESSAGE_ID = "portail-acces-message";
const EDIT_BUTTON_ID = "portail-acces-modifier";

/** The file's current access letter (while it exists: until a personal password, 30 days at most). */
export function letterUrl(usagerId: number): string {
  return `/fichiers/portail/${usagerId}/lettre`;
}

/**
 * "Accès au portail usager" on the fiche's Courriers tab (step 2 of the seed), shown when the
 * structure has the portal on. Read view for every role; "Modifier les préférences" for the roles
 * that may reset portal credentials (not the facteur, whom the server refuses too).
 */
export function PortailAccess() {
  const ctx = useFiche();
  const usagerId = () => ctx.fiche().usager.id;
  const [data, { refetch }] = createResource(usagerId, (id) => api.portail.account.query({ usagerId: id }));

  return (
    <Switch>
      <Match when={data.error}>
        <section class="section" aria-labelledby="titre-portail-usager">
          <h2 id="titre-portail-usager">Accès au portail usager</h2>
          <ErrorMessage message={apiFailure(data.error).message} />
          <Button variant="secondary" onClick={() => refetch()}>
            Réessayer
          </Button>
        </section>
      </Match>
      <Match when={!data.error && data.latest?.portailStructure ? data.latest : undefined}>
        {(current) => <PortailSection data={current()} usagerId={usagerId()} reload={async () => void (await refetch())} />}
      </Match>
    </Switch>
  );
}

function PortailSection(props: { data: PortalAccount; usagerId: number; reload: () => Promise<void> }) {
  const staff = useStaff();
  const canEdit = () => staff.can("portail.resetCredentials");
  const account = () => props.data.account;
  const [editing, setEditing] = createSignal(false);
  const [message, setMessage] = createSignal<string | null>(null);

  const focusLater = (id: string) => queueMicrotask(() => document.getElementById(id)?.focus());

  return (
    <section class="section" aria-labelledby="titre-portail-usager">
      <h2 id="titre-portail-usager">Accès au portail usager</h2>
      <Show when={message()}>
        <StatusMessage id={MESSAGE_ID} message={message()} />
      </Show>
      <Show
        when={editing()}
        fallback={
          <>
            <AccountDetails account={account()} logins={props.data.logins} canEdit={canEdit()} />
            <Show when={canEdit() && account()?.letterAvailable}>
              <p class="portail-letter">
                <a href={letterUrl(props.usagerId)} download="">
                  Télécharger à nouveau le document
                </a>
                <span class="field-hint">
                  {" "}
                  Le document Word reste disponible jusqu'à ce que le domicilié choisisse son mot de passe, 30 jours au plus.
                </span>
              </p>
            </Show>
            <Show when={canEdit()}>
              <div class="form__actions">
                <Button
                  id={EDIT_BUTTON_ID}
                  variant="secondary"
                  onClick={() => {
                    setMessage(null);
                    setEditing(true);
                  }}
                >
                  Modifier les préférences
                </Button>
              </div>
            </Show>
          </>
        }
      >
        <PreferenceForm
          usagerId={props.usagerId}
          account={account()}
          onCancel={() => {
            setEditing(false);
            focusLater(EDIT_BUTTON_ID);
          }}
          onSaved={async (text) => {
            await props.reload();
            setMessage(text);
            setEditing(false);
            focusLater(MESSAGE_ID);
          }}
        />
      </Show>
    </section>
  );
}

function AccountDetails(props: { account: Account | null; logins: readonly string[]; canEdit: boolean }) {
  return (
    <>
      <dl class="details">
        <div class="details__row">
          <dt>Accès au portail créé</dt>
          <dd>{props.account ? "Oui" : "Non"}</dd>
        </div>
        <Show when={props.account}>
          {(a) => (
            <>
              <div class="details__row">
                <dt>Accès au portail ouvert</dt>
                <dd>{a().enabled ? "Oui" : "Non : le domicilié ne peut pas se connecter"}</dd>
              </div>
              <div class="details__row">
                <dt>Compte activé par le domicilié</dt>
                <dd>{a().activated ? "Oui" : "Non"}</dd>
              </div>
              <div class="details__row">
                <dt>Identifiant du domicilié</dt>
                <dd>
                  <code>{a().login}</code>
                </dd>
              </div>
              <div class="details__row">
                <dt>Date de dernière connexion</dt>
                <dd>
                  <Show when={a().lastLoginAt} fallback="Jamais connecté">
                    {(at) => <time datetime={isoOf(at())}>{formatDateTime(at())}</time>}
                  </Show>
                </dd>
              </div>
              <div class="details__row">
                <dt>Compte bloqué</dt>
                <dd>
                  {a().locked
                    ? "Oui : trop d'essais de mot de passe erronés. Il se débloque seul une heure après le dernier essai, ou aussitôt en ré-initialisant le mot de passe temporaire."
                    : "Non"}
                </dd>
              </div>
            </>
          )}
        </Show>
      </dl>
      <Show when={!props.account && props.canEdit}>
        <p class="muted">
          Demandez au domicilié s'il souhaite avoir accès au portail usager. S'il accepte : « Modifier les préférences », puis « Oui » et «
          Enregistrer les préférences ». Un document Word avec son identifiant et un mot de passe temporaire est alors téléchargé, à
          imprimer et à lui remettre.
        </p>
      </Show>
      <Show when={props.account}>
        <details class="disclosure">
          <summary>Voir l'historique des connexions</summary>
          <Show when={props.logins.length > 0} fallback={<p class="muted">Aucune connexion au portail.</p>}>
            <Show when={props.logins.length >= 20}>
              <p class="field-hint">Les 20 dernières connexions, de la plus récente à la plus ancienne :</p>
            </Show>
            <ul class="portail-logins">
              <For each={props.logins}>
                {(at) => (
                  <li>
                    <time datetime={isoOf(at)}>{formatDateTime(at)}</time>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </details>
      </Show>
    </>
  );
}

/** "Le demandeur souhaite-t-il avoir accès au portail usager ?" and the reset, as in the seed. */
function PreferenceForm(props: {
  usagerId: number;
  account: Account | null;
  onCancel: () => void;
  onSaved: (message: string) => Promise<void>;
}) {
  const form = createFormState("portail-acces");
  const [choice, setChoice] = createSignal<OuiNon>(props.account?.enabled ? "oui" : "non");
  const [reset, setReset] = createSignal(false);
  const [confirm, setConfirm] = createSignal<"reinitialiser" | "fermer" | null>(null);
  const enabled = () => !!props.account?.enabled;

  const save = () =>
    form.submit(async () => {
      const acces = choice() === "oui";
      const reinitialiser = acces && enabled() && reset();
      const result = await api.portail.setPreference.mutate({ usagerId: props.usagerId, acces, reinitialiser });
      if (result.letter) startDownload(letterUrl(props.usagerId));
      setConfirm(null);
      await props.onSaved(
        result.letter
          ? LETTER_DOWNLOADED
          : !acces && enabled()
            ? "L'accès au portail est fermé : le domicilié ne peut plus se connecter."
            : "Les préférences ont été enregistrées.",
      );
    });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (choice() === "non" && enabled()) setConfirm("fermer");
    else if (choice() === "oui" && enabled() && reset()) setConfirm("reinitialiser");
    else void save();
  };

  return (
    <>
      <FormError form={form} />
      <form class="form form--compact" novalidate onSubmit={submit}>
        <RadioGroupField
          form={form}
          path="acces"
          label="Le demandeur souhaite-t-il avoir accès au portail usager ?"
          inline
          value={choice()}
          onValue={setChoice}
          options={OUI_NON}
        />
        <Switch>
          <Match when={choice() === "oui" && !props.account}>
            <p class="field-hint">
              Un identifiant et un mot de passe temporaire sont créés, et le document Word à remettre au domicilié est téléchargé aussitôt.
            </p>
          </Match>
          <Match when={choice() === "oui" && props.account && !props.account.enabled}>
            <p class="field-hint">
              L'accès est rouvert avec un nouveau mot de passe temporaire : un nouveau document Word est téléchargé, à remettre au
              domicilié.
            </p>
          </Match>
          <Match when={choice() === "oui" && enabled()}>
            <CheckboxField
              form={form}
              path="reinitialiser"
              label="Ré-initialiser le mot de passe temporaire du domicilié"
              hint="Si le domicilié a oublié son mot de passe ou si son compte est bloqué : un nouveau mot de passe temporaire et un nouveau document Word sont générés."
              checked={reset()}
              onChecked={setReset}
            />
          </Match>
          <Match when={choice() === "non" && enabled()}>
            <p class="field-hint">Le domicilié perdra immédiatement l'accès à son portail.</p>
          </Match>
        </Switch>
        <div class="form__actions">
          <Button variant="secondary" onClick={props.onCancel}>
            Annuler les modifications
          </Button>
          <Button type="submit" busy={form.busy() && confirm() === null}>
            Enregistrer les préférences
          </Button>
        </div>
      </form>

      <ConfirmDialog
        open={confirm() === "reinitialiser"}
        title="Ré-initialiser le mot de passe temporaire ?"
        confirmLabel="Ré-initialiser le mot de passe"
        busy={form.busy()}
        busyLabel="Ré-initialisation…"
        error={form.error()}
        onCancel={() => setConfirm(null)}
        onConfirm={() => void save()}
      >
        <p>L'ancien mot de passe du domicilié ne fonctionnera plus, dès maintenant, et il sera déconnecté du portail.</p>
        <p>
          Un nouveau document Word avec un nouveau mot de passe temporaire sera téléchargé : il faudra l'imprimer et le remettre de nouveau
          au domicilié.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm() === "fermer"}
        title="Fermer l'accès au portail usager ?"
        confirmLabel="Fermer l'accès"
        danger
        busy={form.busy()}
        busyLabel="Fermeture…"
        error={form.error()}
        onCancel={() => setConfirm(null)}
        onConfirm={() => void save()}
      >
        <p>
          Le domicilié perd l'accès à son portail immédiatement : il ne peut plus se connecter, et ses connexions en cours sont fermées.
        </p>
        <p>
          Son identifiant est conservé. Pour rouvrir l'accès, choisissez de nouveau « Oui » : un nouveau mot de passe temporaire sera alors
          remis.
        </p>
      </ConfirmDialog>
    </>
  );
}
