import { trpcServer } from "@hono/trpc-server";
import { Hono } from "hono";
import { BodyBudget, countedRequest } from "./body-limit";
import { createDb } from "./db";
import { downloadDocument } from "./documents/http";
import { readSharedDocument } from "./documents/service";
import type { Env } from "./env";
import { AppError, errorResponse } from "./errors";
import { exportUsagersCsv } from "./export/service";
import { idParam, serveFile, serveUsagerFile } from "./files/http";
import { isSameOriginRequest, securityHeaders, serveApp } from "./http";
import { purgeExpiredLetters, readLettersLot, readPortalLetter } from "./portail/staff";
import { appRouter } from "./router";
import { USAGER_TABS, type UsagerTab } from "./rules/usager";
import { createContext } from "./trpc";
import { OPTIMIZE_SEARCH_INDEX } from "./usagers/search-index";

const app = new Hono<{ Bindings: Env; Variables: { body: BodyBudget } }>();

app.use("*", async (c, next) => {
  const started = performance.now();
  await next();
  securityHeaders(c.res.headers, new URL(c.req.url).protocol === "https:");
  // Time spent in the Worker (D1 and R2 included), so benchmarks can tell it from the transport.
  c.res.headers.set("Server-Timing", `app;dur=${(performance.now() - started).toFixed(1)}`);
});

const trpc = trpcServer({
  endpoint: "/trpc",
  router: appRouter,
  createContext: (opts, c) => createContext(c.env as Env, opts.req, opts.resHeaders, opts.info, c.get("body")) as never,
  onError({ error, path }) {
    if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path}:`, error.cause ?? error);
  },
});

/**
 * Every request tRPC answers: mutations from the page's own origin only, the body counted as it is
 * read (its limit is the procedure's: trpc.ts), no answer kept by a cache. The per-procedure guards
 * (permission, brake, body size) bind to the procedure tRPC resolves, whatever the URL's spelling.
 */
app.use("/trpc/*", async (c) => {
  if (c.req.method !== "GET" && !isSameOriginRequest(c.req.raw)) return errorResponse(new AppError("CROSS_ORIGIN"));
  const body = new BodyBudget();
  c.set("body", body);
  c.req.raw = countedRequest(c.req.raw, body);
  const res = (await trpc(c, async () => {})) as Response;
  res.headers.set("cache-control", "no-store");
  return res;
});

app.get("/fichiers/documents/:id", (c) => downloadDocument(c.req.raw, c.env, c.req.param("id")));
app.get("/fichiers/portail/:usagerId/lettre", (c) =>
  serveFile(c.req.raw, c.env, "portail.resetCredentials", (ctx, caller) =>
    readPortalLetter(ctx.db, c.env, caller, idParam(c.req.param("usagerId")), ctx.now),
  ),
);
app.get("/fichiers/mon-espace/documents/:id", (c) =>
  serveUsagerFile(c.req.raw, c.env, (ctx, usager) => readSharedDocument(ctx.db, c.env, usager, idParam(c.req.param("id")), ctx.now)),
);
app.get("/fichiers/export/usagers.csv", (c) => {
  const onglet = c.req.query("onglet") ?? "TOUS";
  const tab = (Object.hasOwn(USAGER_TABS, onglet) ? onglet : "TOUS") as UsagerTab;
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
