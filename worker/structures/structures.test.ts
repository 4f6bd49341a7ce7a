import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, cookieFrom, count, createStaff, createStructure, signIn } from "../../test/support/worker-api";
import { hashPassword } from "../auth/password";

function registration(overrides: { siret?: string | null; pasDeSiret?: boolean; email?: string } = {}) {
  return {
    structure: {
      nom: "CCAS de Sainte-Épine",
      type: "ccas",
      adresse: "3 place de l'Église",
      complementAdresse: null,
      codePostal: "97400",
      ville: "Saint-Denis",
      telephone: "02 62 00 00 00",
      email: "ccas@sainte-epine.fr",
      responsable: { nom: "Payet", prenom: "Marie", fonction: "Directrice" },
      capacite: 250,
      agrement: null,
      pasDeSiret: overrides.pasDeSiret ?? false,
      siret: overrides.siret === undefined ? "73282932000074" : overrides.siret,
      adresseCourrier: null,
    },
    admin: {
      nom: "Payet",
      prenom: "Marie",
      email: overrides.email ?? "marie.payet@sainte-epine.fr",
      fonction: "Directeur de CCAS",
      password: "Un-vrai-secret-2026",
    },
    acceptCgu: true,
  };
}

describe("structure sign-up", () => {
  it("creates the structure EN_ATTENTE with its first admin, who can sign in once validated", async () => {
    const res = await call("mutation", "structures.register", registration());
    expect(res.status).toBe(200);
    const s = await env.DB.prepare("SELECT * FROM structures WHERE nom = 'CCAS de Sainte-Épine'").first<{
      id: number;
      statut: string;
      departement: string;
      time_zone: string;
    }>();
    expect(s).toMatchObject({ statut: "EN_ATTENTE", departement: "974", time_zone: "Indian/Reunion" });
    const admin = await env.DB.prepare("SELECT role, status, structure_id FROM staff_users WHERE email = ?")
      .bind("marie.payet@sainte-epine.fr")
      .first();
    expect(admin).toEqual({ role: "admin", status: "ACTIVE", structure_id: s!.id });

    const before = await call("mutation", "compte.signIn", { email: "marie.payet@sainte-epine.fr", password: "Un-vrai-secret-2026" });
    expect(before.status).toBe(403);

    // A platform operator validates it.
    await env.DB.prepare("INSERT INTO platform_admins (email, nom, password_hash) VALUES (?, ?, ?)")
      .bind("ops@ancrage.local", "Ops", await hashPassword("Plateforme-secret-1"))
      .run();
    const op = await call("mutation", "plateforme.signIn", { email: "ops@ancrage.local", password: "Plateforme-secret-1" });
    const opCookie = cookieFrom(op.setCookie);
    const pending = await call<{ id: number; adminEmail: string }[]>(
      "query",
      "plateforme.structures",
      { statut: "EN_ATTENTE" },
      { cookie: opCookie },
    );
    expect(pending.data!.map((p) => p.adminEmail)).toContain("marie.payet@sainte-epine.fr");
    expect((await call("mutation", "plateforme.validate", { id: s!.id }, { cookie: opCookie })).status).toBe(200);
    expect((await call("mutation", "plateforme.validate", { id: s!.id }, { cookie: opCookie })).status).toBe(409);

    const after = await call("mutation", "compte.signIn", { email: "marie.payet@sainte-epine.fr", password: "Un-vrai-secret-2026" });
    expect(after.status).toBe(200);
    const log = await env.DB.prepare("SELECT action FROM audit_log WHERE structure_id = ? ORDER BY id").bind(s!.id).all();
    expect(log.results.map((r) => r.action)).toEqual(["STRUCTURE_REGISTERED", "STRUCTURE_VALIDATED", "STAFF_LOGIN"]);
  });

  it("refuses a bad SIRET with a French field message and writes nothing", async () => {
    const structures = await count("structures");
    const users = await count("staff_users");
    const audit = await count("audit_log");
    const res = await call("mutation", "structures.register", registration({ siret: "12345678901234", email: "x@y.fr" }));
    expect(res.status).toBe(400);
    expect(res.error!.data.fieldErrors!["structure.siret"]).toBe("SIRET : numéro invalide (14 chiffres, clé de contrôle).");
    const missing = await call("mutation", "structures.register", registration({ siret: null, email: "x@y.fr" }));
    expect(missing.error!.data.fieldErrors!["structure.siret"]).toContain("Pas de SIRET");
    expect(await count("structures")).toBe(structures);
    expect(await count("staff_users")).toBe(users);
    expect(await count("audit_log")).toBe(audit);
  });

  it("accepts « pas de SIRET », refuses a weak password", async () => {
    expect(
      (await call("mutation", "structures.register", registration({ pasDeSiret: true, siret: null, email: "a@asso.fr" }))).status,
    ).toBe(200);
    const weak = registration({ email: "b@asso.fr" });
    weak.admin.password = "motdepasse123";
    const w = await call("mutation", "structures.register", weak);
    expect(w.error!.data.fieldErrors!["admin.password"]).toBeDefined();
  });

  it("does not tell an anonymous caller which addresses have an account; the owner is told in the app", async () => {
    const s = await createStructure();
    const owner = await createStaff(s.id, "responsable");
    const structures = await count("structures");
    const users = await count("staff_users");
    const fresh = await call("mutation", "structures.register", registration({ email: "libre@asso.fr" }));
    const taken = await call("mutation", "structures.register", registration({ email: owner.email }));
    // Same status, same body: nothing to tell the two apart.
    expect(taken.status).toBe(fresh.status);
    expect(taken).toEqual({ ...fresh });
    expect(await count("structures")).toBe(structures + 1);
    expect(await count("staff_users")).toBe(users + 1);
    const me = await call<{ emailReused: { at: string; via: string } | null }>("query", "compte.me", undefined, {
      cookie: await signIn(owner.email),
    });
    expect(me.data!.emailReused).toMatchObject({ via: "inscription" });
    const journal = await env.DB.prepare("SELECT structure_id AS s FROM audit_log WHERE action = 'STAFF_EMAIL_REUSED' AND target_id = ?")
      .bind(String(owner.id))
      .first<{ s: number }>();
    expect(journal!.s).toBe(s.id);
  });

  it("reports every invalid field at once, in French", async () => {
    const bad = registration();
    Object.assign(bad.structure, { nom: "", codePostal: "ABCDE", telephone: "12", email: "nope", capacite: -1, siret: "12345678901234" });
    const res = await call("mutation", "structures.register", { ...bad, acceptCgu: false });
    expect(res.status).toBe(400);
    expect(res.error!.message).toBe("Certains champs sont invalides : vérifiez le formulaire.");
    expect(res.error!.data.fieldErrors).toMatchObject({
      "structure.nom": "Nom de la structure : ce champ est obligatoire.",
      "structure.codePostal": "Code postal : code postal français à 5 chiffres.",
      "structure.telephone": "Téléphone : numéro de téléphone invalide.",
      "structure.email": "Adresse e-mail de la structure : adresse e-mail invalide.",
      "structure.capacite": "Capacité : 0 au minimum.",
      "structure.siret": "SIRET : numéro invalide (14 chiffres, clé de contrôle).",
      acceptCgu: "Vous devez accepter les conditions d'utilisation.",
    });
  });
});

describe("structure settings", () => {
  it("lets the admin edit information and options, and nobody else", async () => {
    const s = await createStructure();
    const admin = await createStaff(s.id, "admin");
    const responsable = await createStaff(s.id, "responsable");
    const cookie = await signIn(admin.email);
    const current = await call<Record<string, unknown>>("query", "structures.mine", undefined, { cookie });
    const { nom: _nom, statut: _s, options: _o, createdAt: _c, id: _i, departement: _d, timeZone: _t, ...info } = current.data!;
    const upd = await call(
      "mutation",
      "structures.update",
      { ...info, nom: "CCAS de Test renommé", siret: null, pasDeSiret: true },
      { cookie },
    );
    expect(upd.status).toBe(200);
    const opts = await call("mutation", "structures.updateOptions", { nomStructure: false, numeroBoite: true, surnom: true }, { cookie });
    expect(opts.status).toBe(200);
    const after = await call<{ nom: string; options: unknown }>("query", "structures.mine", undefined, { cookie });
    expect(after.data).toMatchObject({ nom: "CCAS de Test renommé", options: { nomStructure: false, numeroBoite: true, surnom: true } });

    const rCookie = await signIn(responsable.email);
    const refused = await call(
      "mutation",
      "structures.updateOptions",
      { nomStructure: true, numeroBoite: true, surnom: true },
      { cookie: rCookie },
    );
    expect(refused.status).toBe(403);
  });
});
