import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { etatCivil } from "../../test/support/fixtures";
import { call, createStaff, createStructure, signIn } from "../../test/support/worker-api";
import { countsAsPassage, HANDOVER_OF, INTERACTION_LABELS, type InteractionType, RECEPTION_TYPES } from "../rules/courrier";
import { addDays, calendarDateIn, startOfDayInstant } from "../rules/dates";
import { defaultDateFin } from "../rules/echeance";

const today = () => calendarDateIn("Europe/Paris", new Date());

async function team() {
  const s = await createStructure();
  const agent = await signIn((await createStaff(s.id, "agent")).email);
  const agent2 = await signIn((await createStaff(s.id, "facteur")).email);
  const responsable = await signIn((await createStaff(s.id, "responsable")).email);
  return { s, agent, agent2, responsable };
}

/** A VALIDE file whose domiciliation started `daysAgo` days ago. */
async function activeFile(cookie: string, daysAgo = 10, nom = "Durand") {
  const created = await call<{ id: number }>(
    "mutation",
    "usagers.create",
    {
      ...etatCivil,
      nom,
      prenom: "Yann",
      dateNaissance: "1985-05-05",
      lieuNaissance: "Brest",
    },
    { cookie },
  );
  const id = created.data!.id;
  const debut = addDays(today(), -daysAgo);
  await call(
    "mutation",
    "usagers.validate",
    { usagerId: id, version: await version(cookie, id), dateDebut: debut, dateFin: defaultDateFin(debut), customRef: null },
    { cookie },
  );
  return { id, floor: startOfDayInstant(debut, "Europe/Paris").getTime() };
}

async function version(cookie: string, id: number) {
  return (await call<{ usager: { version: number } }>("query", "usagers.get", { id }, { cookie })).data!.usager.version;
}

async function state(id: number) {
  return (await env.DB.prepare("SELECT dernier_passage, nb_courrier, nb_colis, nb_avis, statut FROM usagers WHERE id = ?").bind(id).first<{
    dernier_passage: number | null;
    nb_courrier: number;
    nb_colis: number;
    nb_avis: number;
    statut: string;
  }>())!;
}

async function recount(id: number) {
  const row = await env.DB.prepare(
    `SELECT
       coalesce(sum(CASE WHEN type = 'courrierIn' THEN nb END), 0) AS c,
       coalesce(sum(CASE WHEN type = 'colisIn' THEN nb END), 0) AS p,
       coalesce(sum(CASE WHEN type = 'recommandeIn' THEN nb END), 0) AS a
     FROM interactions WHERE usager_id = ? AND out_id IS NULL AND type IN ('courrierIn','colisIn','recommandeIn')`,
  )
    .bind(id)
    .first<{ c: number; p: number; a: number }>();
  return { nb_courrier: row!.c, nb_colis: row!.p, nb_avis: row!.a };
}

const RECEIVE_FIELD = { courrierIn: "courrier", colisIn: "colis", recommandeIn: "avis" } as const;
type Recipient = "domicilie" | "mandataire" | "retour";
type Transfer = "aucun" | "actif" | "expire";

interface Case {
  type: InteractionType;
  recipient: Recipient | null;
  transfer: Transfer;
  deleted: boolean;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const type of Object.keys(INTERACTION_LABELS) as InteractionType[]) {
    const recipients: (Recipient | null)[] = type.endsWith("Out") ? ["domicilie", "mandataire", "retour"] : [null];
    for (const recipient of recipients)
      for (const transfer of ["aucun", "actif", "expire"] as Transfer[])
        for (const deleted of [false, true]) out.push({ type, recipient, transfer, deleted });
  }
  return out;
}

describe("dernier passage, every interaction type × recipient × transfer × deletion", () => {
  let shared: Awaited<ReturnType<typeof team>>;
  beforeAll(async () => {
    shared = await team();
  });
  it.each(cases().map((c) => [`${c.type} ${c.recipient ?? "-"} transfert:${c.transfer}${c.deleted ? " supprimé" : ""}`, c] as const))(
    "%s",
    async (_name, c) => {
      const { agent, responsable } = shared;
      const { id, floor } = await activeFile(responsable);
      const t = today();
      if (c.transfer !== "aucun") {
        const transfert =
          c.transfer === "actif"
            ? { nom: "Foyer Horizon", adresse: "4 rue des Lilas, 35000 Rennes", dateDebut: addDays(t, -5), dateFin: addDays(t, 30) }
            : { nom: "Foyer Horizon", adresse: "4 rue des Lilas, 35000 Rennes", dateDebut: addDays(t, -60), dateFin: addDays(t, -1) };
        expect(
          (
            await call(
              "mutation",
              "courrier.saveTransfert",
              { usagerId: id, version: await version(agent, id), transfert },
              { cookie: agent },
            )
          ).status,
        ).toBe(200);
      }
      let procurationId: number | null = null;
      if (c.recipient === "mandataire") {
        await call(
          "mutation",
          "courrier.saveProcuration",
          {
            action: "create",
            usagerId: id,
            version: await version(agent, id),
            procuration: { nom: "Roux", prenom: "Léa", dateNaissance: "1970-01-01", dateDebut: addDays(t, -1), dateFin: t },
          },
          { cookie: agent },
        );
        procurationId = (await call<{ id: number }[]>("query", "courrier.procurations", { usagerId: id }, { cookie: agent })).data![0]!.id;
      }
      if (c.recipient === "retour") {
        await call(
          "mutation",
          "usagers.radiate",
          { usagerId: id, version: await version(agent, id), date: t, motif: "A_SA_DEMANDE", motifDetails: null },
          { cookie: responsable },
        );
      }
      expect((await state(id)).dernier_passage).toBe(floor);

      const t0 = Date.now();
      const inType = (RECEPTION_TYPES as readonly string[]).includes(c.type)
        ? (c.type as (typeof RECEPTION_TYPES)[number])
        : (Object.entries(HANDOVER_OF).find(([, o]) => o === c.type)?.[0] as (typeof RECEPTION_TYPES)[number] | undefined);
      if (inType) {
        const r = await call("mutation", "courrier.receive", { usagerId: id, [RECEIVE_FIELD[inType]]: 2 }, { cookie: agent });
        expect(r.status).toBe(200);
      }
      if (c.type.endsWith("Out")) {
        const to = c.recipient === "mandataire" ? { kind: "mandataire", procurationId } : { kind: c.recipient };
        const d = await call("mutation", "courrier.distribute", { usagerId: id, types: [inType], to }, { cookie: agent });
        expect(d.status, JSON.stringify(d.error)).toBe(200);
      }
      if (c.type === "appel" || c.type === "visite") {
        expect((await call("mutation", "courrier.presence", { usagerId: id, type: c.type }, { cookie: agent })).status).toBe(200);
      }

      const counts = countsAsPassage({
        type: c.type,
        mandataire: c.recipient === "mandataire" ? "x" : null,
        returnToSender: c.recipient === "retour",
      });
      const after = await state(id);
      if (counts) expect(after.dernier_passage).toBeGreaterThanOrEqual(t0);
      else expect(after.dernier_passage).toBe(floor);
      expect({ nb_courrier: after.nb_courrier, nb_colis: after.nb_colis, nb_avis: after.nb_avis }).toEqual(await recount(id));
      if (c.type.endsWith("Out")) {
        const out = await env.DB.prepare("SELECT content, transfert FROM interactions WHERE usager_id = ? ORDER BY id DESC LIMIT 1")
          .bind(id)
          .first<{ content: string | null; transfert: string | null }>();
        if (c.recipient === "domicilie" && c.transfer === "actif")
          expect(out!.content).toBe("Courrier transféré à : Foyer Horizon – 4 rue des Lilas, 35000 Rennes");
        else expect(out!.transfert).toBeNull();
        if (c.recipient === "mandataire") expect(out!.content).toBe("Courrier remis au mandataire : Léa ROUX");
        if (c.recipient === "retour") expect(out!.content).toBe("Courrier retourné à l'expéditeur");
      }

      if (c.deleted) {
        const last = await env.DB.prepare("SELECT id FROM interactions WHERE usager_id = ? ORDER BY id DESC LIMIT 1")
          .bind(id)
          .first<{ id: number }>();
        expect((await call("mutation", "courrier.deleteLast", { usagerId: id, interactionId: last!.id }, { cookie: agent })).status).toBe(
          200,
        );
        const deleted = await state(id);
        expect(deleted.dernier_passage).toBe(floor);
        const counters = await recount(id);
        expect({ nb_courrier: deleted.nb_courrier, nb_colis: deleted.nb_colis, nb_avis: deleted.nb_avis }).toEqual(counters);
        // A deleted hand-over puts its 2 items back to pending; a deleted reception leaves nothing.
        const waiting = counters.nb_courrier + counters.nb_colis + counters.nb_avis;
        expect(waiting).toBe(c.type.endsWith("Out") ? 2 : 0);
      }
    },
  );
});

describe("mail rules", () => {
  it("refuses an expired or future procuration, return to sender for a non-radié, and mail under NPAI", async () => {
    const { agent, responsable } = await team();
    const { id } = await activeFile(responsable);
    const t = today();
    for (const [dateDebut, dateFin] of [
      [addDays(t, -30), addDays(t, -1)],
      [addDays(t, 1), addDays(t, 30)],
    ]) {
      await call(
        "mutation",
        "courrier.saveProcuration",
        {
          action: "create",
          usagerId: id,
          version: await version(agent, id),
          procuration: { nom: "Roux", prenom: "Léa", dateNaissance: "1970-01-01", dateDebut, dateFin },
        },
        { cookie: agent },
      );
    }
    const list = (await call<{ id: number; state: string }[]>("query", "courrier.procurations", { usagerId: id }, { cookie: agent })).data!;
    expect(list.map((p) => p.state)).toEqual(["expired", "inactive"]);
    await call("mutation", "courrier.receive", { usagerId: id, courrier: 1 }, { cookie: agent });
    const expired = await call(
      "mutation",
      "courrier.distribute",
      { usagerId: id, types: ["courrierIn"], to: { kind: "mandataire", procurationId: list[0]!.id } },
      { cookie: agent },
    );
    expect(expired.status).toBe(409);
    expect(expired.error!.message).toContain("Procuration expirée");
    const future = await call(
      "mutation",
      "courrier.distribute",
      { usagerId: id, types: ["courrierIn"], to: { kind: "mandataire", procurationId: list[1]!.id } },
      { cookie: agent },
    );
    expect(future.error!.message).toContain("pas encore commencé");
    const retour = await call(
      "mutation",
      "courrier.distribute",
      { usagerId: id, types: ["courrierIn"], to: { kind: "retour" } },
      { cookie: agent },
    );
    expect(retour.error!.message).toContain("radié");
    expect(
      (await call("mutation", "courrier.setNpai", { usagerId: id, version: await version(agent, id), actif: true }, { cookie: agent }))
        .status,
    ).toBe(409);
    await call(
      "mutation",
      "usagers.radiate",
      { usagerId: id, version: await version(agent, id), date: t, motif: "A_SA_DEMANDE", motifDetails: null },
      { cookie: responsable },
    );
    const radie = await call<{ radie: boolean }>("mutation", "courrier.receive", { usagerId: id, colis: 1 }, { cookie: agent });
    expect(radie.data).toEqual({ radie: true });
    expect(
      (await call("mutation", "courrier.setNpai", { usagerId: id, version: await version(agent, id), actif: true }, { cookie: agent }))
        .status,
    ).toBe(200);
    const refused = await call("mutation", "courrier.receive", { usagerId: id, courrier: 1 }, { cookie: agent });
    expect(refused.status).toBe(409);
    expect(refused.error!.message).toContain("Ne plus accepter le courrier");
    await call("mutation", "usagers.renew", { usagerId: id, version: await version(agent, id) }, { cookie: responsable });
    expect((await call("mutation", "courrier.receive", { usagerId: id, courrier: 1 }, { cookie: agent })).status).toBe(200);
  });

  it("keeps at most 5 procurations, finds files by mandataire, and keeps every change in history", async () => {
    const { agent, responsable } = await team();
    const { id } = await activeFile(responsable, 5, "Aubert");
    const t = today();
    for (let i = 0; i < 5; i++) {
      const r = await call(
        "mutation",
        "courrier.saveProcuration",
        {
          action: "create",
          usagerId: id,
          version: await version(agent, id),
          procuration: { nom: `Mandataire${i}`, prenom: "Ségolène", dateNaissance: "1970-01-01", dateDebut: t, dateFin: addDays(t, 30) },
        },
        { cookie: agent },
      );
      expect(r.status).toBe(200);
    }
    const sixth = await call(
      "mutation",
      "courrier.saveProcuration",
      {
        action: "create",
        usagerId: id,
        version: await version(agent, id),
        procuration: { nom: "Trop", prenom: "X", dateNaissance: "1970-01-01", dateDebut: t, dateFin: addDays(t, 30) },
      },
      { cookie: agent },
    );
    expect(sixth.error!.message).toBe("5 procurations au maximum par domicilié.");
    const found = await call<{ rows: { id: number }[] }>("query", "usagers.list", { q: "segolene" }, { cookie: agent });
    expect(found.data!.rows.map((r) => r.id)).toEqual([id]);
    const list = (await call<{ id: number }[]>("query", "courrier.procurations", { usagerId: id }, { cookie: agent })).data!;
    await call(
      "mutation",
      "courrier.saveProcuration",
      {
        action: "update",
        id: list[0]!.id,
        usagerId: id,
        version: await version(agent, id),
        procuration: { nom: "Renommé", prenom: "Ségolène", dateNaissance: "1970-01-01", dateDebut: t, dateFin: addDays(t, 60) },
      },
      { cookie: agent },
    );
    await call(
      "mutation",
      "courrier.saveProcuration",
      { action: "delete", id: list[1]!.id, usagerId: id, version: await version(agent, id) },
      { cookie: agent },
    );
    const backwards = await call(
      "mutation",
      "courrier.saveProcuration",
      {
        action: "create",
        usagerId: id,
        version: await version(agent, id),
        procuration: { nom: "A", prenom: "B", dateNaissance: "1970-01-01", dateDebut: t, dateFin: addDays(t, -1) },
      },
      { cookie: agent },
    );
    expect(backwards.error!.data.fieldErrors!.dateFin).toBe("Date de fin : elle doit être après la date de début.");
    const hist = await call<{ entries: { action: string; details: { avant: unknown; apres: unknown } }[] }>(
      "query",
      "usagers.history",
      { usagerId: id },
      { cookie: agent },
    );
    const actions = hist.data!.entries.map((e) => e.action);
    expect(actions.filter((a) => a === "PROCURATION_CREATED")).toHaveLength(5);
    expect(actions).toContain("PROCURATION_UPDATED");
    expect(actions).toContain("PROCURATION_DELETED");
    expect(hist.data!.entries.find((e) => e.action === "PROCURATION_UPDATED")!.details.avant).toMatchObject({ nom: "Mandataire0" });
  });

  it("only the most recent interaction can be deleted", async () => {
    const { agent, responsable } = await team();
    const { id } = await activeFile(responsable);
    await call("mutation", "courrier.receive", { usagerId: id, courrier: 1 }, { cookie: agent });
    await call("mutation", "courrier.presence", { usagerId: id, type: "appel" }, { cookie: agent });
    const rows = (await env.DB.prepare("SELECT id FROM interactions WHERE usager_id = ? ORDER BY id").bind(id).all<{ id: number }>())
      .results;
    const old = await call("mutation", "courrier.deleteLast", { usagerId: id, interactionId: rows[0]!.id }, { cookie: agent });
    expect(old.status).toBe(409);
    expect((await call("mutation", "courrier.deleteLast", { usagerId: id, interactionId: rows[1]!.id }, { cookie: agent })).status).toBe(
      200,
    );
  });

  it("validates counts: 1 to 100, at least one item", async () => {
    const { agent, responsable } = await team();
    const { id } = await activeFile(responsable);
    expect(
      (await call("mutation", "courrier.receive", { usagerId: id, courrier: 101 }, { cookie: agent })).error!.data.fieldErrors!.courrier,
    ).toBe("Courriers : 100 au maximum.");
    expect((await call("mutation", "courrier.receive", { usagerId: id }, { cookie: agent })).error!.data.fieldErrors!.courrier).toContain(
      "au moins un",
    );
    expect((await state(id)).nb_courrier).toBe(0);
  });
});

describe("counters under concurrency", () => {
  it("stay exact with two agents receiving, handing over and deleting at once", async () => {
    const { agent, agent2, responsable } = await team();
    const files = [await activeFile(responsable, 3, "Un"), await activeFile(responsable, 3, "Deux")];
    const ops: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      for (const f of files) {
        ops.push(
          call(
            "mutation",
            "courrier.receive",
            { usagerId: f.id, courrier: 1 + (i % 3), colis: i % 2, avis: i % 5 === 0 ? 1 : 0 },
            { cookie: i % 2 ? agent : agent2 },
          ),
        );
        if (i % 10 === 9)
          ops.push(
            call("mutation", "courrier.distribute", { usagerId: f.id, types: ["colisIn"], to: { kind: "domicilie" } }, { cookie: agent }),
          );
      }
    }
    await Promise.all(ops);
    for (const f of files) {
      const s = await state(f.id);
      expect({ nb_courrier: s.nb_courrier, nb_colis: s.nb_colis, nb_avis: s.nb_avis }).toEqual(await recount(f.id));
      const total = await env.DB.prepare("SELECT coalesce(sum(nb), 0) AS n FROM interactions WHERE usager_id = ? AND type = 'courrierIn'")
        .bind(f.id)
        .first<{ n: number }>();
      expect(total!.n).toBe(Array.from({ length: 40 }, (_, i) => 1 + (i % 3)).reduce((a, b) => a + b, 0));
    }
  });
});
