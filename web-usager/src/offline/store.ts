/**
 * What Mon Ancrage keeps on the device, in IndexedDB (idb-keyval): the last dashboard of the
 * account signed in on this phone, so it can be shown offline. Keyed per account (identifiant);
 * "compte" says which account the phone belongs to now. Nothing is written for a shared device,
 * and signing out clears the whole store.
 */
import { clear, del, get, set } from "idb-keyval";
import type { Dashboard } from "../api";

const ACCOUNT = "compte";
const dashboardKey = (login: string) => `tableau:${login}`;

export interface SavedDashboard {
  /** When it was received from the server (ms since epoch). */
  savedAt: number;
  data: Dashboard;
}

/** IndexedDB can be missing or refused (private modes): the portal then works online only. */
async function safely<T>(fn: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await fn();
  } catch {
    return fallback;
  }
}

export const currentAccount = () => safely(() => get<string>(ACCOUNT), undefined);

/** A personal device: remember whose dashboard may be kept. */
export const rememberAccount = (login: string) => safely(() => set(ACCOUNT, login), undefined);

/** A shared device: this sign-in must leave nothing, and no earlier account may receive its data. */
export const forgetAccount = () => safely(() => del(ACCOUNT), undefined);

export async function saveDashboard(data: Dashboard, savedAt = Date.now()): Promise<void> {
  const login = await currentAccount();
  if (!login) return;
  await safely(() => set(dashboardKey(login), { savedAt, data } satisfies SavedDashboard), undefined);
}

export async function loadDashboard(): Promise<SavedDashboard | undefined> {
  const login = await currentAccount();
  if (!login) return undefined;
  return safely(() => get<SavedDashboard>(dashboardKey(login)), undefined);
}

/** Sign-out, an ended session: nothing of anyone stays on the device. */
export const wipeDevice = () => safely(() => clear(), undefined);
