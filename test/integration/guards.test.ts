/**
 * Guards bind to the procedure, not to a spelling of its URL (issue 16): every braked procedure,
 * reached by every spelling tRPC resolves to it, is braked; bodies are counted as read; every
 * refusal has the error table's envelope; downloads never answer 500 to a bad parameter.
 */
import { describe, expect, it } from "vitest";
import { ipKey } from "../../worker/auth/rate-limit";
import { APP_ERRORS, httpStatusOf } from "../../worker/errors";
import { etatCivil } from "../support/fixtures";
import { domicilieOnPortal, PORTAL } from "../support/portal";
import { allProcedures } from "../support/procedures";
import { call, count, createStaff, createStructure, ORIGIN, signIn, workerFetch } from "../support/worker-api";

const braked = allProcedures().filter((p) => p.meta.brake);

/** The per-minute budgets of wrangler.toml, written here again on purpose. */
const BUDGET = { signIn: 20, signUp: 5 } as const;

/** Every way of writing a call's URL that tRPC resolves to the same procedure, with how many calls it makes. */
function spellings(path: string): { name: string; url: string; calls: number }[] {
  const [router, name] = path.split(".") as [string, string];
  return [
    { name: "plain", url: `/trpc/${path}`, calls: 1 },
    { name: "trailing slash", url: `/trpc/${path}/`, calls: 1 },
    { name: "encoded dot", url: `/trpc/${router}%2E${name}`, calls: 1 },
    { name: "encoded letter", url: `/trpc/%${router.charCodeAt(0).toString(16)}${router.slice(1)}.${name}`, calls: 1 },
    { name: "batch of one", url: `/trpc/${path}?batch=1`, calls: 1 },
    { name: "batch of two", url: `/trpc/${path},${path}?batch=1`, calls: 2 },
  ];
}

function request(type: "query" | "mutation", url: string, calls: number, ip: string): Request {
  const batched = url.includes("batch=1");
  const input = batched ? Object.fromEntries(Array.from({ length: calls }, (_, i) => [String(i), {}])) : {};
  const headers = { origin: ORIGIN, "content-type": "application/json", "cf-connecting-ip": ip };
  if (type === "query") {
    const sep = url.includes("?") ? "&" : "?";
    return new Request(`${ORIGIN}${url}${sep}input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
  }
  return new Request(`${ORIGIN}${url}`, { method: "POST", headers, body: JSON.stringify(input) });
}

type Answer = { error?: { data: { code: string } } };

/** The local limiter counts per calendar minute: start a run with enough of the minute left. */
async function roomInMinute(ms: number) {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < ms) await new Promise((r) => setTimeout(r, left + 50));
}

describe("per-IP brakes bind to the procedure", () => {
  it("covers every public procedure, and only those", () => {
    const publics = allProcedures().filter((p) => p.meta.audience === "public");
    expect(braked.map((p) => p.path).sort()).toEqual(publics.map((p) => p.path).sort());
    expect(braked.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        "compte.signIn",
        "plateforme.signIn",
        "monEspace.signIn",
        "monEspace.firstLogin",
        "equipe.usePasswordLink",
        "structures.register",
      ]),
    );
  });

  it("brakes every braked procedure reached by every spelling tRPC accepts", async () => {
    let host = 0;
    for (const p of braked) {
      const budget = BUDGET[p.meta.brake!];
      for (const s of spellings(p.path)) {
        host += 1;
        const ip = `198.18.${Math.floor(host / 250)}.${host % 250}`;
        await roomInMinute(5_000);
        // Each call of a batch counts: the calls past the budget are braked, whatever their request.
        const codes: string[] = [];
        let last: Response | undefined;
        while (codes.length <= budget) {
          last = await workerFetch(request(p.type, s.url, s.calls, ip));
          const body = (await last.json()) as Answer | Answer[];
          codes.push(...(Array.isArray(body) ? body : [body]).map((a) => a.error?.data.code ?? "OK"));
        }
        expect(codes.slice(0, budget), `${p.path} ${s.name}: the procedure's own input check answers`).toEqual(
          Array(budget).fill("BAD_REQUEST"),
        );
        expect(codes.slice(budget), `${p.path} ${s.name}`).toEqual(Array(codes.length - budget).fill("TOO_MANY_REQUESTS"));
        expect(last!.headers.get("retry-after")).toBe("60");
        const message =
          p.meta.brake === "signUp"
            ? "Trop d'inscriptions depuis cette adresse : réessayez dans une minute."
            : "Trop de tentatives de connexion depuis cette adresse : réessayez dans une minute.";
        expect(JSON.stringify(await workerFetch(request(p.type, s.url, s.calls, ip)).then((r) => r.json()))).toContain(message);
      }
    }
  }, 120_000);

  it("counts an IPv6 address by its /64", async () => {
    expect(ipKey("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(ipKey("2001:DB8:1:2::9")).toBe("2001:db8:1:2::/64");
    expect(ipKey("2001:db8:0001:0002:ffff::1")).toBe("2001:db8:1:2::/64");
    expect(ipKey("2001:db8:1:3::1")).not.toBe(ipKey("2001:db8:1:2::1"));
    expect(ipKey("::ffff:203.0.113.5")).toBe("203.0.113.5");
    expect(ipKey("203.0.113.5")).toBe("203.0.113.5");
    await roomInMinute(10_000);
    const attempt = (ip: string) => workerFetch(request("mutation", "/trpc/compte.signIn", 1, ip)).then((r) => r.status);
    for (let i = 1; i <= BUDGET.signIn; i++) expect(await attempt(`2001:db8:77:5:${i.toString(16)}::${i}`)).toBe(400);
    expect(await attempt("2001:db8:77:5:ffff:ffff:ffff:ffff")).toBe(429);
    expect(await attempt("2001:db8:77:6::1")).toBe(400);
  });
});

/** A multipart upload streamed without Content-Length, `size` bytes of file; `pulled` counts what the Worker read. */
function chunkedUpload(url: string, cookie: string, usagerId: number, size: number) {
  const boundary = "----ancrage-test";
  const head = new TextEncoder().encode(
    [
      `--${boundary}`,
      'Content-Disposition: form-data; name="usagerId"',
      "",
      String(usagerId),
      `--${boundary}`,
      'Content-Disposition: form-data; name="label"',
      "",
      "Gros fichier",
      `--${boundary}`,
      'Content-Disposition: form-data; name="shared"',
      "",
      "false",
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="gros.pdf"',
      "Content-Type: application/pdf",
      "",
      "%PDF-1.4\n",
    ].join("\r\n"),
  );
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const sent = { pulled: 0 };
  let left = size;
  let started = false;
  let ended = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = !started ? head : left > 0 ? chunk.subarray(0, Math.min(chunk.length, left)) : !ended ? tail : null;
      if (!started) started = true;
      else if (left > 0) left -= next!.byteLength;
      else ended = true;
      if (!next) return controller.close();
      sent.pulled += next.byteLength;
      controller.enqueue(next.slice());
    },
  });
  const req = new Request(`${ORIGIN}${url}`, {
    method: "POST",
    headers: { cookie, origin: ORIGIN, "content-type": `multipart/form-data; boundary=${boundary}` },
    body,
  });
  return { req, sent };
}

async function fileSetup() {
  const s = await createStructure();
  const simple = await signIn((await createStaff(s.id, "simple")).email);
  const created = await call<{ id: number }>(
    "mutation",
    "usagers.create",
    {
      ...etatCivil,
      nom: "Lebrun",
      prenom: "Paul",
      dateNaissance: "1970-01-02",
      lieuNaissance: "Rouen",
    },
    { cookie: simple },
  );
  return { s, simple, usagerId: created.data!.id };
}

describe("body size, counted as read", () => {
  it("refuses a chunked upload over 10 MB at every spelling, without reading it whole, storing nothing", async () => {
    const { simple, usagerId } = await fileSetup();
    const docs = await count("usager_documents");
    for (const s of spellings("documents.upload").filter((x) => !x.url.includes("batch"))) {
      const { req, sent } = chunkedUpload(s.url, simple, usagerId, 30 * 1024 * 1024);
      expect(req.headers.get("content-length"), "no declared length").toBeNull();
      const res = await workerFetch(req);
      const body = (await res.json()) as {
        error: {
          message: string;
          code: number;
          data: { code: string; httpStatus: number; appCode: string; fieldErrors: Record<string, string> };
        };
      };
      expect(res.status, s.name).toBe(413);
      expect(body.error).toMatchObject({
        message: "Fichier : 10 Mo au maximum.",
        code: -32013,
        data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413, appCode: "FILE_TOO_LARGE" },
      });
      expect(body.error.data.fieldErrors.file).toBe("Fichier : 10 Mo au maximum.");
      // Reading stopped one chunk past the limit (10 MB + 64 KB), far from the 30 MB sent.
      expect(sent.pulled, s.name).toBeLessThan(10 * 1024 * 1024 + 64 * 1024 + 2 * 64 * 1024);
    }
    expect(await count("usager_documents")).toBe(docs);
  });

  it("accepts a chunked upload under the limit", async () => {
    const { simple, usagerId } = await fileSetup();
    const { req } = chunkedUpload("/trpc/documents.upload", simple, usagerId, 2 * 1024 * 1024);
    const res = await workerFetch(req);
    expect(res.status, await res.clone().text()).toBe(200);
  });

  it("refuses any other procedure's body over 256 KB, chunked or declared, and writes nothing", async () => {
    const { simple, usagerId } = await fileSetup();
    const notes = await count("usager_notes");
    const json = JSON.stringify({ usagerId, message: "x".repeat(300 * 1024) });
    const bytes = new TextEncoder().encode(json);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 16 * 1024) controller.enqueue(bytes.slice(i, i + 16 * 1024));
        controller.close();
      },
    });
    for (const body of [chunked, json]) {
      const res = await workerFetch(
        new Request(`${ORIGIN}/trpc/usagers.addNote/`, {
          method: "POST",
          headers: { cookie: simple, origin: ORIGIN, "content-type": "application/json" },
          body,
        }),
      );
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe("Envoi trop volumineux : rien n'a été enregistré.");
    }
    expect(await count("usager_notes")).toBe(notes);
  });
});

describe("one error envelope", () => {
  it("maps every error of the table to the HTTP status of its tRPC code", () => {
    // By hand, from the HTTP semantics of each code.
    const STATUS: Record<string, number> = {
      BAD_REQUEST: 400,
      UNAUTHORIZED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      CONFLICT: 409,
      PAYLOAD_TOO_LARGE: 413,
      TOO_MANY_REQUESTS: 429,
      INTERNAL_SERVER_ERROR: 500,
    };
    for (const [code, e] of Object.entries(APP_ERRORS)) expect(httpStatusOf(code as keyof typeof APP_ERRORS), code).toBe(STATUS[e.trpc]);
  });

  it("shapes the cross-origin refusal like every tRPC error", async () => {
    const res = await workerFetch(
      new Request(`${ORIGIN}/trpc/compte.signIn`, {
        method: "POST",
        headers: { origin: "http://evil.example", "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: {
        message: "Requête refusée : origine non autorisée.",
        code: -32003,
        data: { code: "FORBIDDEN", httpStatus: 403, appCode: "CROSS_ORIGIN" },
      },
    });
  });

  it("answers every tRPC call with Cache-Control: no-store, staff and portal", async () => {
    const { simple } = await fileSetup();
    const s = await createStructure();
    const admin = await signIn((await createStaff(s.id, "admin")).email);
    await call("mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: false }, { cookie: admin });
    const usager = await domicilieOnPortal(admin, "Martin");
    const answers = [
      await workerFetch(new Request(`${ORIGIN}/trpc/compte.me`, { headers: { cookie: simple } })),
      await workerFetch(new Request(`${ORIGIN}/trpc/structures.mine`, { headers: { cookie: simple } })),
      await workerFetch(new Request(`${PORTAL}/trpc/monEspace.dashboard`, { headers: { cookie: usager.cookie } })),
      await workerFetch(new Request(`${ORIGIN}/trpc/compte.me`)),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 401]);
    for (const r of answers) expect(r.headers.get("cache-control")).toBe("no-store");
  });
});

describe("downloads refuse bad parameters with 404, never 500", () => {
  it("ids too long or zero, R2 keys of the wrong shape, tabs that are not tabs", async () => {
    const s = await createStructure();
    const admin = await signIn((await createStaff(s.id, "admin")).email);
    const get = (path: string, cookie = admin, origin = ORIGIN) => workerFetch(new Request(`${origin}${path}`, { headers: { cookie } }));
    for (const path of [
      "/fichiers/documents/99999999999999999999999999",
      "/fichiers/documents/0",
      "/fichiers/documents/abc",
      "/fichiers/portail/123456789012345678901234567890/lettre",
      `/fichiers/portail/lot?cle=${encodeURIComponent(`portail-lots/${Date.now()}/${s.id}/${"x".repeat(2000)}`)}`,
      `/fichiers/portail/lot?cle=${encodeURIComponent(`portail-lots/${Date.now()}/${s.id}/../../structures/1`)}`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("cache-control"), path).toBe("no-store");
      expect(await res.text(), path).toBe("Élément introuvable.");
    }
    const tab = await get("/fichiers/export/usagers.csv?onglet=toString");
    expect(tab.status).toBe(200);
    await tab.arrayBuffer();
    await call("mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: false }, { cookie: admin });
    const usager = await domicilieOnPortal(admin, "Petit");
    const shared = await get("/fichiers/mon-espace/documents/99999999999999999999999", usager.cookie, PORTAL);
    expect(shared.status).toBe(404);
  });
});
