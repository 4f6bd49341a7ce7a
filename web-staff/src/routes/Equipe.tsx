import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import { FIELD_MAX } from "../../../worker/rules/fields";
import { FONCTIONS, ROLE_LABELS, ROLES, type Role, STAFF_STATUS_LABELS } from "../../../worker/rules/roles";
import { api, apiFailure, type Outputs } from "../api";
import { ErrorMessage, FormError, Loading, StatusMessage } from "../components/Alerts";
import { Button } from "../components/Button";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { formatShortDateTime, isoOf } from "../components/dates";
import { Email } from "../components/Email";
import { RequiredNote, SelectField, TextField } from "../components/Field";
import { bindFields, createFormState } from "../components/form";
import { LinkBox } from "../components/LinkBox";
import { RequirePermission } from "../components/RequirePermission";
import { usePageTitle } from "../components/title";
import { useStaff } from "../session";

type Member = Outputs["equipe"]["list"][number];
type Fonction = (typeof FONCTIONS)[number];

const FONCTION_OPTIONS = FONCTIONS.map((f) => ({ value: f, label: f }));
/** Most powerful first, as people think of a hierarchy. */
const ROLE_OPTIONS = [...ROLES].reverse().map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** The result of an action, focused once the control that started it has gone. */
const RESULT_ID = "equipe-resultat";

const fullName = (m: { prenom: string; nom: string }) => `${m.prenom} ${m.nom}`;

function statusLabel(member: Member): string {
  return member.locked && member.status === "ACTIVE" ? "Verrouillé" : STAFF_STATUS_LABELS[member.status];
}

interface IssuedLink {
  title: string;
  link: string;
  expiresAt: string;
}

type PendingAction = { kind: "role" | "block" | "delete"; member: Member };

export function Equipe() {
  usePageTitle(() => "Équipe");
  return (
    <RequirePermission permission="equipe.list" title="Équipe">
      <EquipeContent />
    </RequirePermission>
  );
}

function EquipeContent() {
  const staff = useStaff();
  const [members, { refetch }] = createResource(() => api.equipe.list.query());
  const [issued, setIssued] = createSignal<IssuedLink | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [actionError, setActionError] = createSignal<string | null>(null);
  const [linkBusyFor, setLinkBusyFor] = createSignal<number | null>(null);
  let linkArea: HTMLDivElement | undefined;

  const showLink = (link: IssuedLink) => {
    setIssued(link);
    queueMicrotask(() => {
      linkArea?.scrollIntoView({ block: "start" });
      linkArea?.querySelector("input")?.focus();
    });
  };

  const issueLink = async (member: Member) => {
    setNotice(null);
    setActionError(null);
    setLinkBusyFor(member.id);
    try {
      const result = await api.equipe.issueLink.mutate({ userId: member.id });
      const what = result.purpose === "invitation" ? "Nouveau lien d'invitation" : "Lien de réinitialisation du mot de passe";
      showLink({ title: `${what} pour ${fullName(member)}`, link: result.link, expiresAt: result.expiresAt });
      void refetch();
    } catch (caught) {
      setActionError(apiFailure(caught).message);
    } finally {
      setLinkBusyFor(null);
    }
  };

  const unblock = async (member: Member) => {
    setNotice(null);
    setActionError(null);
    try {
      await api.equipe.setStatus.mutate({ userId: member.id, action: "unblock" });
      setNotice(`Le compte de ${fullName(member)} est débloqué.`);
      // The button just used is gone from the row: the focus goes to the result instead.
      queueMicrotask(() => document.getElementById(RESULT_ID)?.focus());
      void refetch();
    } catch (caught) {
      setActionError(apiFailure(caught).message);
    }
  };

  return (
    <>
      <h1>Équipe</h1>
      <StatusMessage message={notice()} id={RESULT_ID} />
      <ErrorMessage message={actionError()} />
      <div ref={linkArea}>
        <Show when={issued()}>{(link) => <LinkBox {...link()} onClose={() => setIssued(null)} />}</Show>
      </div>

      <section class="section">
        <h2 id="titre-membres">Membres</h2>
        <Switch>
          <Match when={members.error}>
            <ErrorMessage message={apiFailure(members.error).message} />
          </Match>
          <Match when={members.latest}>
            {(list) => (
              <>
                <MembersTable
                  members={list()}
                  selfId={staff.me().id}
                  manage={staff.can("equipe.manage")}
                  linkBusyFor={linkBusyFor()}
                  onIssueLink={issueLink}
                  onUnblock={unblock}
                  onDone={(message) => {
                    setActionError(null);
                    setNotice(message);
                    void refetch();
                  }}
                />
                <Show when={list().length <= 1}>
                  <p class="empty">
                    Aucun membre invité pour l'instant.
                    <Show when={staff.can("equipe.manage")}> Invitez vos collègues avec le formulaire ci-dessous.</Show>
                  </p>
                </Show>
              </>
            )}
          </Match>
          <Match when={members.loading}>
            <Loading />
          </Match>
        </Switch>
      </section>

      <Show when={staff.can("equipe.manage")}>
        <InviteSection
          onInvited={(member, link) => {
            setNotice(null);
            showLink({ title: `Lien d'invitation pour ${fullName(member)}`, ...link });
            void refetch();
          }}
        />
      </Show>
    </>
  );
}

function MembersTable(props: {
  members: Member[];
  selfId: number;
  manage: boolean;
  linkBusyFor: number | null;
  onIssueLink: (member: Member) => void;
  onUnblock: (member: Member) => void;
  onDone: (message: string) => void;
}) {
  const [pending, setPending] = createSignal<PendingAction | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [dialogError, setDialogError] = createSignal<string | null>(null);
  const [newRole, setNewRole] = createSignal<Role>("simple");
  let succeeded = false;

  const open = (kind: PendingAction["kind"], member: Member) => {
    succeeded = false;
    setDialogError(null);
    setNewRole(member.role);
    setPending({ kind, member });
  };

  const confirm = async () => {
    const action = pending();
    if (!action) return;
    const name = fullName(action.member);
    setBusy(true);
    setDialogError(null);
    try {
      if (action.kind === "role") {
        await api.equipe.changeRole.mutate({ userId: action.member.id, role: newRole() });
        succeeded = true;
        setPending(null);
        props.onDone(`${name} a maintenant le rôle ${ROLE_LABELS[newRole()]}.`);
      } else {
        await api.equipe.setStatus.mutate({ userId: action.member.id, action: action.kind });
        succeeded = true;
        setPending(null);
        props.onDone(action.kind === "block" ? `Le compte de ${name} est bloqué.` : `Le compte de ${name} est supprimé.`);
      }
    } catch (caught) {
      setDialogError(apiFailure(caught).message);
    } finally {
      setBusy(false);
    }
  };

  const dialogText = () => {
    const action = pending();
    const name = action ? fullName(action.member) : "";
    switch (action?.kind) {
      case "block":
        return { title: `Bloquer le compte de ${name} ?`, confirm: "Bloquer le compte", busy: "Blocage…" };
      case "delete":
        return { title: `Supprimer le compte de ${name} ?`, confirm: "Supprimer le compte", busy: "Suppression…" };
      default:
        return { title: `Modifier le rôle de ${name}`, confirm: "Modifier le rôle", busy: "Modification…" };
    }
  };

  return (
    <>
      <section class="table-wrap" tabindex="0" aria-labelledby="titre-membres">
        <table class="table">
          <caption class="visually-hidden">Membres de l'équipe</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Prénom</th>
              <th scope="col">E-mail</th>
              <th scope="col">Fonction</th>
              <th scope="col">Rôle</th>
              <th scope="col">Statut</th>
              <th scope="col">Dernière connexion</th>
              <Show when={props.manage}>
                <th scope="col">Actions</th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={props.members}>
              {(member) => (
                <tr>
                  <th scope="row">{member.nom}</th>
                  <td>{member.prenom}</td>
                  <td>
                    <Email value={member.email} />
                  </td>
                  <td>{member.fonction}</td>
                  <td>{ROLE_LABELS[member.role]}</td>
                  <td>
                    <span class={`badge badge--${member.locked && member.status === "ACTIVE" ? "locked" : member.status.toLowerCase()}`}>
                      {statusLabel(member)}
                    </span>
                  </td>
                  <td>
                    <Show when={member.lastLoginAt} fallback="Jamais">
                      {(at) => <time datetime={isoOf(at())}>{formatShortDateTime(at())}</time>}
                    </Show>
                  </td>
                  <Show when={props.manage}>
                    <td>
                      <Show when={member.id !== props.selfId} fallback={<span class="muted">Votre compte</span>}>
                        <div class="row-actions">
                          <Show when={member.status !== "BLOCKED"}>
                            <Button variant="secondary" class="button--small" onClick={() => open("role", member)}>
                              Modifier le rôle<span class="visually-hidden"> de {fullName(member)}</span>
                            </Button>
                            <Button
                              variant="secondary"
                              class="button--small"
                              busy={props.linkBusyFor === member.id}
                              busyLabel="Création du lien…"
                              onClick={() => props.onIssueLink(member)}
                            >
                              Nouveau lien<span class="visually-hidden"> pour {fullName(member)}</span>
                            </Button>
                          </Show>
                          <Show when={member.status === "ACTIVE"}>
                            <Button variant="secondary" class="button--small" onClick={() => open("block", member)}>
                              Bloquer<span class="visually-hidden"> {fullName(member)}</span>
                            </Button>
                          </Show>
                          <Show when={member.status === "BLOCKED"}>
                            <Button variant="secondary" class="button--small" onClick={() => props.onUnblock(member)}>
                              Débloquer<span class="visually-hidden"> {fullName(member)}</span>
                            </Button>
                          </Show>
                          <Button variant="danger-outline" class="button--small" onClick={() => open("delete", member)}>
                            Supprimer<span class="visually-hidden"> {fullName(member)}</span>
                          </Button>
                        </div>
                      </Show>
                    </td>
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>

      <ConfirmDialog
        open={pending() !== null}
        title={dialogText().title}
        confirmLabel={dialogText().confirm}
        busyLabel={dialogText().busy}
        danger={pending()?.kind !== "role"}
        busy={busy()}
        error={dialogError()}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
        focusAfterClose={() => (succeeded ? document.getElementById(RESULT_ID) : null)}
      >
        <Switch>
          <Match when={pending()?.kind === "role"}>
            <p>Rôle actuel : {ROLE_LABELS[pending()!.member.role]}.</p>
            <div class="field">
              <span class="field-label">
                <label for="dialogue-role">Nouveau rôle</label>
              </span>
              <select id="dialogue-role" data-autofocus value={newRole()} onChange={(e) => setNewRole(e.currentTarget.value as Role)}>
                <For each={ROLE_OPTIONS}>
                  {(option) => (
                    <option value={option.value} selected={option.value === newRole()}>
                      {option.label}
                    </option>
                  )}
                </For>
              </select>
            </div>
          </Match>
          <Match when={pending()?.kind === "block"}>
            <p>
              Cette personne ne pourra plus se connecter et ses sessions en cours sont fermées immédiatement. Vous pourrez débloquer son
              compte plus tard.
            </p>
          </Match>
          <Match when={pending()?.kind === "delete"}>
            <p>
              Cette personne ne pourra plus se connecter et ses liens en cours ne fonctionneront plus. Son nom reste dans le journal. Pour
              lui rendre l'accès, il faudra l'inviter de nouveau.
            </p>
          </Match>
        </Switch>
      </ConfirmDialog>
    </>
  );
}

function InviteSection(props: { onInvited: (member: { prenom: string; nom: string }, link: { link: string; expiresAt: string }) => void }) {
  const form = createFormState("invitation");
  const empty = { nom: "", prenom: "", email: "", fonction: "", fonctionDetail: "", role: "" };
  const [values, setValues] = createStore({ ...empty });
  const bind = bindFields(form, values, setValues);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      const result = await api.equipe.invite.mutate({
        nom: values.nom,
        prenom: values.prenom,
        email: values.email,
        fonction: values.fonction as Fonction,
        fonctionDetail: values.fonction === "Autre" ? values.fonctionDetail : null,
        role: values.role as Role,
      });
      props.onInvited({ prenom: values.prenom.trim(), nom: values.nom.trim() }, result);
      setValues({ ...empty });
    });
  };

  return (
    <section class="section" aria-labelledby="titre-inviter">
      <h2 id="titre-inviter">Inviter un membre</h2>
      <p class="section__intro">
        Ancrage crée un lien personnel, valable deux jours, que vous transmettez à la personne : elle y choisit son mot de passe.
      </p>
      <RequiredNote />
      <FormError form={form} />
      <form class="form" novalidate onSubmit={submit}>
        <div class="field-row">
          <TextField {...bind.value("nom")} label="Nom" required maxLength={FIELD_MAX.staffNom} autocomplete="off" />
          <TextField {...bind.value("prenom")} label="Prénom" required maxLength={FIELD_MAX.staffPrenom} autocomplete="off" />
        </div>
        <TextField {...bind.value("email")} label="Adresse e-mail" required type="email" spellcheck={false} autocomplete="off" />
        <div class="field-row">
          <SelectField
            {...bind.value("fonction")}
            label="Fonction"
            required
            placeholder="Choisir une fonction"
            options={FONCTION_OPTIONS}
          />
          <Show when={values.fonction === "Autre"}>
            <TextField {...bind.value("fonctionDetail")} label="Précision de la fonction" required maxLength={FIELD_MAX.fonctionDetail} />
          </Show>
        </div>
        <SelectField
          {...bind.value("role")}
          label="Rôle"
          hint="Le rôle décide de ce que la personne peut voir et faire dans Ancrage ; vous pourrez le modifier."
          required
          placeholder="Choisir un rôle"
          options={ROLE_OPTIONS}
          class="field--medium"
        />
        <div class="form__actions">
          <Button type="submit" busy={form.busy()} busyLabel="Création du lien…">
            Inviter
          </Button>
        </div>
      </form>
    </section>
  );
}
