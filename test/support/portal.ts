/**
 * Mon Ancrage from the tests: calls with the portal's origin and the usager cookie, and a domicilié
 * with an open portal account, signed in (structure portal on, access letter, first login).
 */
import { calendarDateIn } from "../../worker/rules/dates";
import { defaultDateFin } from "../../worker/rules/echeance";
import { etatCivil } from "./fixtures";
import { call, cookieFrom, ORIGIN, workerFetch } from "./worker-api";
import { docxText } from "./zip.mjs";

export const PORTAL = "http://127.0.0.1:8787";
export const todayParis = () => calendarDateIn("Europe/Paris", new Date());

export async function portal<T = unknown>(kind: "query" | "mutation", path: string, input?: unknown, cookie?: string) {
  const headers: Record<string, string> = { "content-type": "application/json", origin: PORTAL };
  if (cookie) headers.cookie = cookie;
  const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const req =
    kind === "query"
      ? new Request(`${PORTAL}/trpc/${path}${qs}`, { headers })
      : new Request(`${PORTAL}/trpc/${path}`, { method: "POST", headers, body: JSON.stringify(input ?? {}) });
  const res = await workerFetch(req);
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string; data: { fieldErrors?: Record<string, string> } } };
  return { status: res.status, data: body.result?.data, error: body.error, setCookie: res.headers.get("set-cookie") };
}

/** The access letter's identifiant and temporary password, read from the .docx the staff downloads. */
export async function letterOf(cookie: string, usagerId: number) {
  const res = await workerFetch(new Request(`${ORIGIN}/fichiers/portail/${usagerId}/lettre`, { headers: { cookie } }));
  if (res.status !== 200) return { status: res.status, login: "", password: "" };
  const text = await docxText(new Uint8Array(await res.arrayBuffer()));
  return {
    status: 200,
    login: /Identifiant : ([A-Z]{8})/.exec(text)?.[1] ?? "",
    password: /Mot de passe temporaire : (\d{8})/.exec(text)?.[1] ?? "",
  };
}

/** A validated file with portal access, signed in on the portal: returns its id and usager cookie. */
export async function domicilieOnPortal(admin: string, nom: string) {
  const created = await call<{ id: number }>(
    "mutation",
    "usagers.create",
    {
      ...etatCivil,
      civilite: "Mme",
      nom,
      prenom: "Alice",
      dateNaissance: "1985-03-04",
      lieuNaissance: "Lyon",
    },
    { cookie: admin },
  );
  const usagerId = created.data!.id;
  const version = (await call<{ usager: { version: number } }>("query", "usagers.get", { id: usagerId }, { cookie: admin })).data!.usager
    .version;
  await call(
    "mutation",
    "usagers.validate",
    { usagerId, version, dateDebut: todayParis(), dateFin: defaultDateFin(todayParis()), customRef: null },
    { cookie: admin },
  );
  await call("mutation", "portail.setPreference", { usagerId, acces: true }, { cookie: admin });
  const letter = await letterOf(admin, usagerId);
  const first = await portal("mutation", "monEspace.firstLogin", {
    login: letter.login,
    password: letter.password,
    nouveau: "Citron-Jaune-31",
    confirmation: "Citron-Jaune-31",
  });
  if (first.status !== 200) throw new Error(`first login: ${JSON.stringify(first.error)}`);
  return { usagerId, cookie: cookieFrom(first.setCookie) };
}
