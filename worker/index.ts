import { trpcServer } from "@hono/trpc-server";
import { Hono } from "hono";
import type { Env } from "./env";
import { downloadDocument } from "./documents/http";
import { APP_ERRORS } from "./errors";
import { serveFile, serveUsagerFile } from "./files/http";
import { readSharedDocument } from "./documents/service";
import { SIGN_IN_PATHS, signInBraked } from "./auth/rate-limit";
import { DOCUMENT_MAX_BYTES } from "./files/sniff";
import { purgeExpiredLetters, readLettersLot, readPortalLetter } from "./portail/staff";
import { createDb } from "./db";
import { exportUsagersCsv } from "./export/service";
import { USAGER_TABS, type UsagerTab } from "./rules/usager";
import { isSameOriginRequest, securityHeaders, serveApp } from "./http";
import { appRouter } from "./router";
import { createContext } from "./trpc";
import { OPTIMIZE_SEARCH_INDEX } from "./usagers/search-index";

const app = new Hono<{ Bindings: Env }>();

app.use("*", async (c, next) => {
  const started = performance.now();
  await next();
  securityHeaders(c.res.headers, new URL(c.req.url).protocol === "https:");
  // Time spent in the Worker (D1 and R2 included), so benchmarks can tell it from the transport.
  c.res.headers.set("Server-Timing", `app;dur=${(performance.now() - started).toFixed(1)}`);
});

app.use("/trpc/*", async (c, next) => {
  if (c.req.method !== "GET" && !isSameOriginRequest(c.req.raw)) {
    // Shaped like a tRPC error so the apps show the French message.
    return c.json({ error: { message: APP_ERRORS.CROSS_ORIGIN.message, code: -32003, data: { code: "FORBIDDEN", httpStatus: 403 } } }, 403);
  }
  await next();
});

// Sign-in endpoints: a per-IP brake before any password is checked (HTTP 429).
app.post("/trpc/:paths", async (c, next) => {
  const paths = c.req.param("paths").split(",");
  if (paths.some((p) => SIGN_IN_PATHS.includes(p)) && (await signInBraked(c.env, c.req.header("cf-connecting-ip") ?? null))) {
    const message = "Trop de tentatives de connexion depuis cette adresse : réessayez dans une minute.";
    return c.json({ error: { message, code: -32029, data: { code: "TOO_MANY_REQUESTS", httpStatus: 429 } } }, 429, { "retry-after": "60" });
  }
  await next();
});

// Uploads are refused by size before tRPC reads the body (10 MB files, plus the form's own bytes).
app.post("/trpc/documents.upload", async (c, next) => {
  if (Number(c.req.header("content-length") ?? 0) > DOCUMENT_MAX_BYTES + 64 * 1024) {
    const message = "Fichier : 10 Mo au maximum.";
    return c.json({ error: { message, code: -32600, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413, fieldErrors: { file: message } } } }, 413);
  }
  await next();
});

app.use(
  "/trpc/*",
  trpcServer({
    endpoint: "/trpc",
    router: appRouter,
    createContext: (opts, c) => createContext(c.env as Env, opts.req, opts.resHeaders) as never,
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path}:`, error.cause ?? error);
    },
  }),
);

app.get("/fichiers/documents/:id{[0-9]+}", (c) => downloadDocument(c.req.raw, c.env, Number(c.req.param("id"))));
app.get("/fichiers/portail/:usagerId{[0-9]+}/lettre", (c) =>
  serveFile(c.req.raw, c.env, "portail.resetCredentials", (ctx, caller) =>
    readPortalLetter(ctx.db, c.env, caller, Number(c.req.param("usagerId")), ctx.now),
  ),
);
app.get("/fichiers/mon-espace/documents/:id{[0-9]+}", (c) =>
  serveUsagerFile(c.req.raw, c.env, (ctx, usager) => readSharedDocument(ctx.db, c.env, usager, Number(c.req.param("id")), ctx.now)),
);
app.get("/fichiers/export/usagers.csv", (c) => {
  const onglet = c.req.query("onglet") ?? "TOUS";
  const tab = (onglet in USAGER_TABS ? onglet : "TOUS") as UsagerTab;
  return serveFile(c.req.raw, c.env, "export.data", (ctx, caller) => exportUsagersCsv(ctx.db, caller, tab, ctx.now));
});
app.get("/fichiers/portail/lot", (c) =>
  serveFile(c.req.raw, c.env, "portail.settings", (ctx, caller) => readLettersLot(c.env, caller, c.req.query("cle") ?? "", ctx.now)),
);

app.all("*", (c) => {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") return c.text("Méthode non autorisée", 405);
  return serveApp(c.req.raw, c.env);
});

export default {
  fetch: app.fetch,
  /**
   * Daily: access letters (they hold a temporary password) are deleted after 30 days, SQLite's
   * statistics are refreshed so the search keeps its good plans as the data grows, and the search
   * index is merged into one segment.
   */
  async scheduled(_controller: ScheduledController, env: Env) {
    await purgeExpiredLetters(createDb(env.DB), env, new Date());
    await env.DB.exec("PRAGMA optimize");
    await env.DB.prepare(OPTIMIZE_SEARCH_INDEX).run();
  },
} satisfies ExportedHandler<Env>;
