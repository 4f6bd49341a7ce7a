/** A three-page router: the History API and one signal (no router library in the bundle). */
import { createSignal } from "solid-js";

const [path, setPath] = createSignal(location.pathname);
addEventListener("popstate", () => setPath(location.pathname));

export { path };

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = new URL(to, location.href);
  if (options.replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  setPath(url.pathname);
  scrollTo(0, 0);
}

/** onClick for an in-app <a href>: plain clicks navigate in place, modified clicks keep their meaning. */
export function linkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const href = (event.currentTarget as HTMLAnchorElement).getAttribute("href");
  if (!href) return;
  event.preventDefault();
  navigate(href);
}

export const ROUTES = { signIn: "/", dashboard: "/mon-espace", history: "/historique", password: "/mot-de-passe" } as const;
