import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { etatCivil } from "../../test/support/fixtures";
import { domicilieOnPortal, PORTAL, portal, todayParis } from "../../test/support/portal";
import { call, cookieFrom, createStaff, createStructure, ORIGIN, signIn, workerFetch } from "../../test/support/worker-api";
import { docxText, readZipEntry } from "../../test/support/zip.mjs";
import { createDb } from "../db";
import { defaultDateFin } from "../rules/echeance";
import { signInUsager } from "./auth";

const today = todayParis;

async function setup() {
  const s = await createStructure();
  const admin = await signIn((await createStaff(s.id, "admin")).email);
  const agent = await signIn((await createStaff(s.id, "agent")).email);
  const facteur = await signIn((await createStaff(s.id, "facteur")).email);
  const created = await call<{ id: number }>(
    "mutation",
    "usagers.create",
    {
      ...etatCivil,
      nom: "Test",
      prenom: "jean",
      dateNaissance: "1980-02-06",
      lieuNaissance: "Lille",
      customRef: "01",
    },
    { cookie: admin },
  );
  const usagerId = created.data!.id;
  const version = (await call<{ usager: { version: number } }>("query", "usagers.get", { id: usagerId }, { cookie: admin })).data!.usager
    .version;
  await call(
    "mutation",
    "usagers.validate",
    { usagerId, version, dateDebut: today(), dateFin: defaultDateFin(today()), customRef: null },
    { cookie: admin },
  );
  return { s, admin, agent, facteur, usagerId };
}

async function letterOf(cookie: string, usagerId: number) {
  const res = await workerFetch(new Request(`${ORIGIN}/fichiers/portail/${usagerId}/lettre`, { headers: { cookie } }));
  if (res.status !== 200) return { status: res.status, text: await res.text(), login: "", password: "", bytes: new Uint8Array() };
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = await docxText(bytes);
  return {
    status: 200,
    text,
    bytes,
    login: /Identifiant : ([A-Z]{8})/.exec(text)?.[1] ?? "",
    password: /Mot de passe temporaire : (\d{8})/.exec(text)?.[1] ?? "",
  };
}

describe("portal access, as the seed describes it", () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    ctx = await setup();
  });

  it("needs the structure's portal on; only admins switch it", async () => {
    const off = await call("mutation", "portail.setPreference", { usagerId: ctx.usagerId, acces: true }, { cookie: ctx.agent });
    expect(off.status).toBe(409);
    expect(off.error!.message).toContain("n'est pas activé");
    expect(
      (await call("mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: true }, { cookie: ctx.agent })).status,
    ).toBe(403);
    expect(
      (await call("mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: true }, { cookie: ctx.admin })).status,
    ).toBe(200);
  });

  it("a facteur cannot open access; an agent can, and gets the letter with identifiant, password and QR code", async () => {
    expect((await call("mutation", "portail.setPreference", { usagerId: ctx.usagerId, acces: true }, { cookie: ctx.facteur })).status).toBe(
      403,
    );
    const res = await call<{ letter: boolean }>(
      "mutation",
      "portail.setPreference",
      { usagerId: ctx.usagerId, acces: true },
      { cookie: ctx.agent },
    );
    expect(res.data).toEqual({ letter: true });
    const letter = await letterOf(ctx.agent, ctx.usagerId);
    expect(letter.login).toMatch(/^[A-Z]{8}$/);
    expect(letter.password).toMatch(/^\d{8}$/);
    expect(letter.password).not.toBe("06021980");
    for (const label of [
      "Mon Ancrage",
      "Jean Test",
      "Objet : Accès à votre espace domicilié",
      "Voici les informations d'accès à votre espace domicilié.",
      `Lien du site : ${PORTAL}/`,
      "ou scannez le QR code avec votre téléphone",
      "NOTES : vous devrez choisir un nouveau mot de passe lors de votre première connexion.",
      "SIGNATURE",
      "ALLER SUR SON ESPACE USAGER SUR INTERNET",
      "Depuis n'importe quel navigateur de téléphone, tablette ou ordinateur",
      "3. Cliquez sur « Connexion »",
      "au minimum une fois tous les trois mois au service de la Domiciliation.",
      "GO ON YOUR INTERNET USER SPACE",
      "at least once every three months to the Domiciliation department.",
    ]) {
      expect(letter.text.replaceAll("&apos;", "'")).toContain(label);
    }
    expect(letter.text).toMatch(/Le \d{1,2} [a-zéû]+ \d{4},/);
    const xml = (await readZipEntry(letter.bytes, "word/document.xml"))!;
    expect(xml).toContain(`${PORTAL}/?login=${letter.login}`);
    const png = await readZipEntry(
      letter.bytes,
      `word/media/${/media\/([^"]+\.png)/.exec((await readZipEntry(letter.bytes, "word/_rels/document.xml.rels"))!)![1]}`,
    );
    expect(png).not.toBeNull();
    // Only the hash is stored.
    const row = await env.DB.prepare("SELECT * FROM portail_accounts WHERE usager_id = ?")
      .bind(ctx.usagerId)
      .first<Record<string, unknown>>();
    expect(JSON.stringify(row)).not.toContain(letter.password);
    expect(String(row!.password_hash)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("first login: weak and unchanged passwords refused, a good one opens the dashboard and deletes the letter", async () => {
    const letter = await letterOf(ctx.agent, ctx.usagerId);
    const first = await portal<{ status: string }>("mutation", "monEspace.signIn", {
      login: letter.login.toLowerCase(),
      password: letter.password,
    });
    expect(first.data).toEqual({ status: "premiereConnexion" });
    expect(first.setCookie).toBeNull();
    const same = await portal("mutation", "monEspace.firstLogin", {
      login: letter.login,
      password: letter.password,
      nouveau: letter.password,
      confirmation: letter.password,
    });
    expect(same.error!.data.fieldErrors!.nouveau).toContain("différent du mot de passe temporaire");
    const weak = await portal("mutation", "monEspace.firstLogin", {
      login: letter.login,
      password: letter.password,
      nouveau: "abcdefgh",
      confirmation: "abcdefgh",
    });
    expect(weak.error!.data.fieldErrors!.nouveau).toContain("au moins 1 chiffre");
    const common = await portal("mutation", "monEspace.firstLogin", {
      login: letter.login,
      password: letter.password,
      nouveau: "Password1",
      confirmation: "Password1",
    });
    expect(common.error!.data.fieldErrors!.nouveau).toContain("trop courant");
    // The portal translates this refusal by its code (web-usager/src/api.ts), not by its French words.
    expect((common.error!.data as { appCode?: string }).appCode).toBe("PASSWORD_TOO_COMMON");
    const mismatch = await portal("mutation", "monEspace.firstLogin", {
      login: letter.login,
      password: letter.password,
      nouveau: "Cerise-Rouge-42",
      confirmation: "Cerise-Rouge-43",
    });
    expect(mismatch.error!.data.fieldErrors!.confirmation).toBeDefined();
    const key = (await env.DB.prepare("SELECT letter_r2_key AS k FROM portail_accounts WHERE usager_id = ?")
      .bind(ctx.usagerId)
      .first<{ k: string }>())!.k;
    expect(await env.FILES.get(key)).not.toBeNull();
    const good = await portal("mutation", "monEspace.firstLogin", {
      login: letter.login,
      password: letter.password,
      nouveau: "Cerise-Rouge-42",
      confirmation: "Cerise-Rouge-42",
    });
    expect(good.status).toBe(200);
    expect(good.setCookie).toMatch(/^ancrage_usager=[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=2592000$/);
    expect(await env.FILES.get(key)).toBeNull();
    expect((await letterOf(ctx.agent, ctx.usagerId)).status).toBe(404);
    const dash = await portal<{ usager: { prenom: string; customRef: string; statut: string } }>(
      "query",
      "monEspace.dashboard",
      undefined,
      cookieFrom(good.setCookie),
    );
    expect(dash.data!.usager).toMatchObject({ prenom: "jean", customRef: "01", statut: "VALIDE" });
    const account = await call<{ account: { activated: boolean; lastLoginAt: string }; logins: string[] }>(
      "query",
      "portail.account",
      { usagerId: ctx.usagerId },
      { cookie: ctx.facteur },
    );
    expect(account.data!.account.activated).toBe(true);
    expect(account.data!.logins).toHaveLength(1);
    const hist = await call<{ entries: { action: string }[] }>(
      "query",
      "usagers.history",
      { usagerId: ctx.usagerId },
      { cookie: ctx.admin },
    );
    expect(hist.data!.entries.map((e) => e.action)).toContain("PORTAIL_LOGIN");
    const passage = await env.DB.prepare("SELECT dernier_passage AS p FROM usagers WHERE id = ?").bind(ctx.usagerId).first<{ p: number }>();
    expect(passage!.p).toBeGreaterThan(Date.now() - 60_000);
  });

  it("locks after 3 failures; a staff reset unlocks, ends sessions, and the old password stops working", async () => {
    const login = (await env.DB.prepare("SELECT login FROM portail_accounts WHERE usager_id = ?")
      .bind(ctx.usagerId)
      .first<{ login: string }>())!.login;
    const session = cookieFrom((await portal("mutation", "monEspace.signIn", { login, password: "Cerise-Rouge-42" })).setCookie);
    for (let i = 0; i < 3; i++)
      expect((await portal("mutation", "monEspace.signIn", { login, password: `Faux-${i}-mot` })).status).toBe(401);
    const locked = await portal("mutation", "monEspace.signIn", { login, password: "Cerise-Rouge-42" });
    expect(locked.status).toBe(401);
    expect(locked.error!.message).toContain("Après 3 essais infructueux");
    const unknown = await portal("mutation", "monEspace.signIn", { login: "ZZZZZZZZ", password: "Cerise-Rouge-42" });
    expect(unknown.error!.message).toBe(locked.error!.message);

    const reset = await call(
      "mutation",
      "portail.setPreference",
      { usagerId: ctx.usagerId, acces: true, reinitialiser: true },
      { cookie: ctx.agent },
    );
    expect(reset.status).toBe(200);
    expect((await portal("query", "monEspace.dashboard", undefined, session)).status).toBe(401);
    expect((await portal("mutation", "monEspace.signIn", { login, password: "Cerise-Rouge-42" })).status).toBe(401);
    const letter = await letterOf(ctx.agent, ctx.usagerId);
    expect(letter.login).toBe(login);
    expect((await portal<{ status: string }>("mutation", "monEspace.signIn", { login, password: letter.password })).data).toEqual({
      status: "premiereConnexion",
    });
  });

  it("« Non » disables the account at once; « Oui » again re-enables it with a new letter", async () => {
    const letter = await letterOf(ctx.agent, ctx.usagerId);
    const login = await portal("mutation", "monEspace.firstLogin", {
      login: letter.login,
      password: letter.password,
      nouveau: "Pomme-Verte-77",
      confirmation: "Pomme-Verte-77",
      appareilPartage: true,
    });
    expect(login.setCookie).not.toContain("Max-Age");
    const session = cookieFrom(login.setCookie);
    expect((await portal("query", "monEspace.dashboard", undefined, session)).status).toBe(200);
    await call("mutation", "portail.setPreference", { usagerId: ctx.usagerId, acces: false }, { cookie: ctx.agent });
    expect((await portal("query", "monEspace.dashboard", undefined, session)).status).toBe(401);
    expect((await portal("mutation", "monEspace.signIn", { login: letter.login, password: "Pomme-Verte-77" })).status).toBe(401);
    expect(
      (await call<{ letter: boolean }>("mutation", "portail.setPreference", { usagerId: ctx.usagerId, acces: true }, { cookie: ctx.agent }))
        .data,
    ).toEqual({ letter: true });
    const again = await letterOf(ctx.agent, ctx.usagerId);
    expect(again.password).not.toBe(letter.password);
  });

  it("turning the structure's portal off blocks every login and session at once", async () => {
    const letter = await letterOf(ctx.agent, ctx.usagerId);
    const login = await portal("mutation", "monEspace.firstLogin", {
      login: letter.login,
      password: letter.password,
      nouveau: "Prune-Mauve-55",
      confirmation: "Prune-Mauve-55",
    });
    const session = cookieFrom(login.setCookie);
    await call("mutation", "portail.updateSettings", { enabled: false, loginUpdatesDernierPassage: true }, { cookie: ctx.admin });
    expect((await portal("query", "monEspace.dashboard", undefined, session)).status).toBe(401);
    const refused = await portal("mutation", "monEspace.signIn", { login: letter.login, password: "Prune-Mauve-55" });
    expect(refused.status).toBe(403);
    expect(refused.error!.message).toContain("pas ouvert");
    await call("mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: false }, { cookie: ctx.admin });
    expect((await portal("mutation", "monEspace.signIn", { login: letter.login, password: "Prune-Mauve-55" })).status).toBe(200);
  });

  it("lists the accounts and creates the missing ones in bulk, with one merged letter document", async () => {
    const cookie = ctx.admin;
    for (const nom of ["Alpha", "Bravo"]) {
      const id = (
        await call<{ id: number }>(
          "mutation",
          "usagers.create",
          {
            ...etatCivil,
            civilite: "Mme",
            nom,
            prenom: "Zoé",
            dateNaissance: "1990-01-01",
            lieuNaissance: "Nice",
          },
          { cookie },
        )
      ).data!.id;
      const version = (await call<{ usager: { version: number } }>("query", "usagers.get", { id }, { cookie })).data!.usager.version;
      await call(
        "mutation",
        "usagers.validate",
        { usagerId: id, version, dateDebut: today(), dateFin: defaultDateFin(today()), customRef: null },
        { cookie },
      );
    }
    const before = await call<{ comptes: number; actifs: number }>("query", "portail.accounts", {}, { cookie });
    expect(before.data).toMatchObject({ comptes: 1, actifs: 3 });
    const bulk = await call<{ created: number; remaining: number; documentKey: string }>("mutation", "portail.bulkCreate", undefined, {
      cookie,
    });
    expect(bulk.data).toMatchObject({ created: 2, remaining: 0 });
    const res = await workerFetch(
      new Request(`${ORIGIN}/fichiers/portail/lot?cle=${encodeURIComponent(bulk.data!.documentKey)}`, { headers: { cookie } }),
    );
    expect(res.status).toBe(200);
    const text = await docxText(new Uint8Array(await res.arrayBuffer()));
    expect(text.match(/Objet : Accès à votre espace domicilié/g)).toHaveLength(2);
    const after = await call<{ comptes: number; rows: { activated: boolean }[] }>("query", "portail.accounts", {}, { cookie });
    expect(after.data!.comptes).toBe(3);
    expect((await call("query", "portail.accounts", {}, { cookie: ctx.agent })).status).toBe(403);
  });
});

/** A domicilié of a new structure with its portal on, signed in with the password « Citron-Jaune-31 ». */
async function signedInDomicilie(nom: string) {
  const s = await createStructure();
  const admin = await signIn((await createStaff(s.id, "admin")).email);
  await call("mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: false }, { cookie: admin });
  const usager = await domicilieOnPortal(admin, nom);
  const login = (await env.DB.prepare("SELECT login FROM portail_accounts WHERE usager_id = ?")
    .bind(usager.usagerId)
    .first<{ login: string }>())!.login;
  return { usager, login };
}

describe("portal lockout, as the reference's A.6", () => {
  it("a wrong current password when changing it counts toward the lock", async () => {
    const { usager, login } = await signedInDomicilie("Verrou");
    const change = (current: string) =>
      portal("mutation", "monEspace.changePassword", { current, next: "Pomme-Verte-77", confirmation: "Pomme-Verte-77" }, usager.cookie);
    for (let i = 0; i < 3; i++) {
      const wrong = await change(`Faux-${i}-essai`);
      expect(wrong.status).toBe(400);
      expect(wrong.error!.data.fieldErrors!.current).toContain("Après 3 essais infructueux");
    }
    const locked = await change("Citron-Jaune-31");
    expect(locked.status).toBe(403);
    expect(locked.error!.message).toContain("bloqué pendant une heure");
    expect((await portal("mutation", "monEspace.signIn", { login, password: "Citron-Jaune-31" })).status).toBe(401);
  });

  it("attempts during the lock do not extend it: the person gets in an hour after the third failure", async () => {
    const { login } = await signedInDomicilie("Patience");
    const db = createDb(env.DB);
    const t0 = Date.now();
    const attempt = (offsetMs: number, password = "Faux-mot-9") =>
      signInUsager(db, { login, password, appareilPartage: false }, new Date(t0 + offsetMs), null).then(
        (r) => r.status,
        (e: Error) => e.message,
      );
    for (let i = 0; i < 3; i++) await attempt(i * 1000);
    // One attempt every 20 minutes during the lock, as someone keeping the person out would do.
    for (const m of [20, 40, 59]) await attempt(m * 60_000);
    expect(await attempt(59 * 60_000 + 30_000, "Citron-Jaune-31")).not.toBe("connecte");
    expect(await attempt(2000 + 3_600_000 + 1, "Citron-Jaune-31")).toBe("connecte");
  });
});

describe("« X comptes / Y domiciliés actifs »", () => {
  it("counts only the accounts of active files; the list still shows every account", async () => {
    const s = await createStructure();
    const admin = await signIn((await createStaff(s.id, "admin")).email);
    await call("mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: true }, { cookie: admin });
    const files: number[] = [];
    for (const nom of ["Actif", "Radié", "Sansaccès"]) {
      const id = (
        await call<{ id: number }>(
          "mutation",
          "usagers.create",
          {
            ...etatCivil,
            civilite: "Mme",
            nom,
            prenom: "Zoé",
            dateNaissance: "1990-01-01",
            lieuNaissance: "Nice",
          },
          { cookie: admin },
        )
      ).data!.id;
      const version = (await call<{ usager: { version: number } }>("query", "usagers.get", { id }, { cookie: admin })).data!.usager.version;
      await call(
        "mutation",
        "usagers.validate",
        { usagerId: id, version, dateDebut: today(), dateFin: defaultDateFin(today()), customRef: null },
        { cookie: admin },
      );
      files.push(id);
    }
    const [actif, radie] = files as [number, number];
    for (const id of [actif, radie])
      expect((await call("mutation", "portail.setPreference", { usagerId: id, acces: true }, { cookie: admin })).status).toBe(200);
    const version = (await call<{ usager: { version: number } }>("query", "usagers.get", { id: radie }, { cookie: admin })).data!.usager
      .version;
    expect(
      (
        await call(
          "mutation",
          "usagers.radiate",
          { usagerId: radie, version, date: today(), motif: "A_SA_DEMANDE", motifDetails: null },
          { cookie: admin },
        )
      ).status,
    ).toBe(200);

    const res = await call<{ comptes: number; actifs: number; total: number; rows: { usagerId: number }[] }>(
      "query",
      "portail.accounts",
      {},
      { cookie: admin },
    );
    // The header reads « 1 compte / 2 domiciliés actifs »: the radié's account is not an active one.
    expect({ comptes: res.data!.comptes, actifs: res.data!.actifs }).toEqual({ comptes: 1, actifs: 2 });
    expect(res.data!.rows.map((r) => r.usagerId).sort()).toEqual([actif, radie].sort());
    expect(res.data!.total).toBe(2);
  });
});
