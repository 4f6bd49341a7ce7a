/**
 * The browser's side of a portal session. The session itself is an HttpOnly cookie the page cannot
 * read; these flags only say "someone signed in here" (to open the dashboard directly) and whether
 * it is a shared device. No personal data is kept in them.
 */
import { api, failureOf } from "./api";
import { forgetAccount, rememberAccount, wipeDevice } from "./offline/store";

const SIGNED_IN = "ancrage.session";
const LOGOUT_PENDING = "ancrage.deconnexion";

function storageTry(fn: () => void): void {
  try {
    fn();
  } catch {
    /* storage disabled */
  }
}

function read(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** Shared device: the flag lives in sessionStorage, like the cookie it mirrors (ends with the browser). */
export function isSharedDevice(): boolean {
  return read(sessionStorage, SIGNED_IN) === "partage";
}

export function maybeSignedIn(): boolean {
  if (read(localStorage, LOGOUT_PENDING)) return false;
  return read(localStorage, SIGNED_IN) === "1" || isSharedDevice();
}

export async function markSignedIn(login: string, shared: boolean): Promise<void> {
  storageTry(() => localStorage.removeItem(LOGOUT_PENDING));
  if (shared) {
    storageTry(() => localStorage.removeItem(SIGNED_IN));
    storageTry(() => sessionStorage.setItem(SIGNED_IN, "partage"));
    await forgetAccount();
  } else {
    storageTry(() => sessionStorage.removeItem(SIGNED_IN));
    storageTry(() => localStorage.setItem(SIGNED_IN, "1"));
    await rememberAccount(login);
  }
}

/** The session is over (signed out, expired, ended by the structure): the device forgets everything. */
export async function forgetSession(): Promise<void> {
  storageTry(() => localStorage.removeItem(SIGNED_IN));
  storageTry(() => sessionStorage.removeItem(SIGNED_IN));
  await wipeDevice();
}

/**
 * "Se déconnecter": the device is wiped at once, even offline. If the server could not be told
 * (offline), the sign-out is sent at the next start, before anything else.
 */
export async function signOut(): Promise<void> {
  await forgetSession();
  try {
    await api.monEspace.signOut.mutate();
    storageTry(() => localStorage.removeItem(LOGOUT_PENDING));
  } catch (error) {
    if (failureOf(error).kind === "network") storageTry(() => localStorage.setItem(LOGOUT_PENDING, "1"));
  }
}

/** At start: finish a sign-out that happened offline. */
export async function finishPendingSignOut(): Promise<void> {
  if (!read(localStorage, LOGOUT_PENDING)) return;
  try {
    await api.monEspace.signOut.mutate();
    storageTry(() => localStorage.removeItem(LOGOUT_PENDING));
  } catch (error) {
    // 401: the session was already gone; anything else but the network: nothing more to do.
    if (failureOf(error).kind !== "network") storageTry(() => localStorage.removeItem(LOGOUT_PENDING));
  }
}
