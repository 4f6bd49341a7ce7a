import { createEffect, createSignal, Match, on, Show, Switch } from "solid-js";
import { LanguageSwitch } from "./components/LanguageSwitch";
import { setFlash } from "./flash";
import { applyDocumentLang, t } from "./i18n";
import type { Dict } from "./i18n/fr";
import { linkClick, navigate, path, ROUTES } from "./router";
import { Connexion } from "./routes/Connexion";
import { Dashboard } from "./routes/Dashboard";
import { Historique } from "./routes/Historique";
import { MotDePasse } from "./routes/MotDePasse";
import { signOut } from "./session";

/** The page frame: skip link, header (name, language, account), main, footer. */
export function App() {
  const d = t;
  let main: HTMLElement | undefined;
  const [leaving, setLeaving] = createSignal(false);

  createEffect(applyDocumentLang);
  // After an in-app navigation, the focus goes to the new page, as a page load would put it.
  createEffect(on(path, () => requestAnimationFrame(() => main?.focus()), { defer: true }));

  const signedInPage = () => path() === ROUTES.dashboard || path() === ROUTES.history || path() === ROUTES.password;

  async function leave() {
    if (leaving()) return;
    setLeaving(true);
    try {
      await signOut();
    } finally {
      setLeaving(false);
    }
    setFlash(() => (dict: Dict) => dict.signIn.signedOut);
    navigate(ROUTES.signIn, { replace: true });
  }

  return (
    <>
      <a class="skip-link" href="#contenu">
        {d().common.skipLink}
      </a>
      <header class="site-header">
        <div class="site-header__bar">
          <p class="brand">
            <img src="/favicon.svg" alt="" width="32" height="32" />
            <span>{d().common.appName}</span>
          </p>
          <LanguageSwitch />
        </div>
        <Show when={signedInPage()}>
          <nav class="account" aria-label={d().common.accountMenu}>
            <ul>
              <Show when={path() !== ROUTES.password}>
                <li>
                  <a href={ROUTES.password} onClick={linkClick}>
                    {d().dashboard.changePassword}
                  </a>
                </li>
              </Show>
              <li>
                <button type="button" class="link-button" onClick={leave} aria-disabled={leaving()}>
                  {d().dashboard.signOut}
                </button>
              </li>
            </ul>
          </nav>
        </Show>
      </header>
      <main id="contenu" tabindex="-1" ref={main}>
        <Switch fallback={<Connexion />}>
          <Match when={path() === ROUTES.dashboard}>
            <Dashboard />
          </Match>
          <Match when={path() === ROUTES.history}>
            <Historique />
          </Match>
          <Match when={path() === ROUTES.password}>
            <MotDePasse />
          </Match>
        </Switch>
      </main>
      <footer class="site-footer">
        <p>{d().common.tagline}</p>
        <p>{d().common.footer}</p>
        <p class="site-footer__version">
          {d().common.version} <bdi dir="ltr">{__ANCRAGE_VERSION__}</bdi>
        </p>
      </footer>
    </>
  );
}
