/** Bindings and variables of the Worker (wrangler.toml; secrets in .dev.vars locally). */
export interface Env {
  DB: D1Database;
  FILES: R2Bucket;
  ASSETS: Fetcher;
  /** Origin of the staff app, e.g. https://pro.ancrage.fr (http://localhost:8787 locally). */
  STAFF_ORIGIN: string;
  /** Origin of the portal Mon Ancrage, e.g. https://mon.ancrage.fr (http://127.0.0.1:8787 locally). */
  PORTAL_ORIGIN: string;
  /** Secret from which each structure's file-encryption key is derived (.dev.vars locally, a Worker secret in production). */
  FILES_SECRET?: string;
  /** Per-IP limit on sign-in attempts (Workers rate-limiting binding). */
  SIGNIN_LIMITER?: RateLimit;
  /** Per-IP limit on structure sign-ups. */
  SIGNUP_LIMITER?: RateLimit;
}
