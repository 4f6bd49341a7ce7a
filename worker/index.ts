import { trpcServer } from "@hono/trpc-server";
import { Hono } from "hono";
import type { Env } from "./env";
import { APP_ERRORS } from "./errors";
import { isSameOriginRequest, securityHeaders, serveApp } from "./http";
import { appRouter } from "./router";
import { createContext } from "./trpc";

const app = new Hono<{ Bindings: Env }>();

app.use("*", async (c, next) => {
  await next();
  securityHeaders(c.res.headers, new URL(c.req.url).protocol === "https:");
});

app.use("/trpc/*", async (c, next) => {
  if (c.req.method !== "GET" && !isSameOriginRequest(c.req.raw)) {
    return c.json({ error: { message: APP_ERRORS.CROSS_ORIGIN.message, code: "FORBIDDEN" } }, 403);
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

app.all("*", (c) => {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") return c.text("Méthode non autorisée", 405);
  return serveApp(c.req.raw, c.env);
});

export default app;
