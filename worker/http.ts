import type { Env } from "./env";

/** Content-Security-Policy of both apps: no inline script, no framing, same-origin only. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export function securityHeaders(headers: Headers, https: boolean): void {
  headers.set("Content-Security-Policy", CSP);
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "no-referrer");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (https) headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
}

/**
 * Mutations are accepted from the page's own origin only. Browsers send Origin on every POST,
 * so a missing or foreign Origin, or a cross-site fetch, is refused (CSRF, form posts included).
 */
export function isSameOriginRequest(req: Request): boolean {
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  return origin !== null && origin === new URL(req.url).origin;
}

/** Which app a hostname serves: the portal's own hostname, or the staff app for any other. */
export function appFor(url: URL, env: Env): "usager" | "staff" {
  return url.host === new URL(env.PORTAL_ORIGIN).host ? "usager" : "staff";
}

/**
 * Static files of the app for this hostname: /x is read from dist/<app>/x; unknown paths without
 * an extension get the app's index.html so client-side routes survive a reload.
 */
export async function serveApp(req: Request, env: Env): Promise<Response> {
  const url = new URL(req.url);
  const app = appFor(url, env);
  const assetUrl = new URL(`/${app}${url.pathname}`, url);
  let res = await env.ASSETS.fetch(new Request(assetUrl, { method: req.method, headers: req.headers }));
  const lastSegment = url.pathname.split("/").pop() ?? "";
  if (res.status === 404 && !lastSegment.includes(".")) {
    res = await env.ASSETS.fetch(new Request(new URL(`/${app}/`, url), { method: req.method, headers: req.headers }));
  }
  if (res.status >= 300 && res.status < 400) {
    // The asset server redirects /<app>/index.html to /<app>/: keep the public path free of the prefix.
    const location = res.headers.get("location");
    if (location) {
      const target = new URL(location, assetUrl);
      const stripped = target.pathname.replace(new RegExp(`^/${app}`), "") || "/";
      return new Response(null, { status: res.status, headers: { location: stripped + target.search } });
    }
  }
  const out = new Response(res.body, res);
  const immutable = url.pathname.startsWith("/assets/");
  out.headers.set("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return out;
}
