import { A, type RouteSectionProps, useNavigate } from "@solidjs/router";
import { createMemo, createResource, createSignal, For, onCleanup, Show } from "solid-js";
import type { Permission } from "../../../worker/rules/permissions";
import { ROLE_LABELS } from "../../../worker/rules/roles";
import { api, apiFailure, isUnauthenticated, setSessionExpiredHandler } from "../api";
import { type Me, StaffSessionContext, sessionFor } from "../session";
import { ErrorMessage, Loading } from "./Alerts";
import { Brand, SkipLink } from "./Brand";
import { Button } from "./Button";

/** The sections of the back-office, each shown only to the roles the permission table allows. */
export const SECTIONS: readonly { href: string; label: string; permission: Permission }[] = [
  { href: "/", label: "Accueil", permission: "compte.self" },
  { href: "/usagers", label: "Domiciliés", permission: "usager.read" },
  { href: "/courrier", label: "Courrier du jour", permission: "courrier.register" },
  { href: "/structure", label: "Structure", permission: "structure.read" },
  { href: "/portail", label: "Portail usager", permission: "portail.settings" },
  { href: "/equipe", label: "Équipe", permission: "equipe.list" },
  { href: "/journal", label: "Journal", permission: "journal.read" },
  { href: "/compte", label: "Mon compte", permission: "compte.self" },
];

/** Signed-in pages: who is connected, for which structure, and where they may go. */
export function StaffLayout(props: RouteSectionProps) {
  const navigate = useNavigate();
  const [me, { refetch }] = createResource(() => api.compte.me.query());
  const [signingOut, setSigningOut] = createSignal(false);
  let wasSignedIn = false;

  // Read the resource only when it holds a value: reading an errored resource throws.
  const current = createMemo<Me | undefined>(() => {
    if (me.error) return undefined;
    const value = me.latest;
    if (value) wasSignedIn = true;
    return value;
  });

  setSessionExpiredHandler(() => navigate("/connexion", { replace: true, state: { expired: wasSignedIn } }));
  onCleanup(() => setSessionExpiredHandler(null));

  const signOut = async () => {
    setSigningOut(true);
    try {
      await api.compte.signOut.mutate();
    } catch {
      // Already signed out on the server (expired session): leaving is all that is left to do.
    }
    wasSignedIn = false;
    navigate("/connexion", { replace: true });
  };

  return (
    <>
      <SkipLink />
      <header class="site-header">
        <div class="site-header__inner">
          <Brand href="/" />
          <Show when={current()}>
            {(user) => (
              <>
                <span class="site-header__structure">{user().structure.nom}</span>
                <div class="site-header__user">
                  <span class="site-header__identity">{`${user().prenom} ${user().nom} — ${ROLE_LABELS[user().role]}`}</span>
                  <Button variant="secondary" class="button--small" busy={signingOut()} busyLabel="Déconnexion…" onClick={signOut}>
                    Se déconnecter
                  </Button>
                </div>
              </>
            )}
          </Show>
        </div>
        <Show when={current()}>
          {(user) => {
            const session = sessionFor(user, refetch);
            return (
              <nav class="main-nav" aria-label="Navigation principale">
                <ul>
                  <For each={SECTIONS.filter((s) => session.can(s.permission))}>
                    {(section) => (
                      <li>
                        {/* "Domiciliés" stays current on a fiche (/usagers/12); "Accueil" only on "/". */}
                        <A href={section.href} end={section.href === "/"}>
                          {section.label}
                        </A>
                      </li>
                    )}
                  </For>
                </ul>
              </nav>
            );
          }}
        </Show>
      </header>
      <main id="contenu" tabindex="-1" class="staff-main">
        <Show
          when={current()}
          fallback={
            <Show when={me.error && !isUnauthenticated(me.error)} fallback={<Loading />}>
              <ErrorMessage message={apiFailure(me.error).message} />
              <Button variant="secondary" onClick={() => refetch()}>
                Réessayer
              </Button>
            </Show>
          }
        >
          {(user) => <StaffSessionContext.Provider value={sessionFor(user, refetch)}>{props.children}</StaffSessionContext.Provider>}
        </Show>
      </main>
    </>
  );
}
