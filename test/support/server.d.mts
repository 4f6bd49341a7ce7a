export const ROOT: string;
export function wranglerEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
export function freePort(): Promise<number>;
export function findD1File(persistDir: string): string | null;

export interface TestServer {
  /** http://localhost:<port>: the staff app, the platform page and /trpc. */
  staffUrl: string;
  /** http://127.0.0.1:<port>: the portal Mon Ancrage and /trpc. */
  portalUrl: string;
  port: number;
  /**
   * Without the inspector only: the workerd running the Worker, behind wrangler's proxy (send the
   * Host header of staffUrl or portalUrl). Null with the CLI.
   */
  runtimeUrl: string | null;
  /** wrangler's --persist-to directory (D1 and R2 state). */
  persistDir: string;
  /** The D1 SQLite file (open it read-only while the server runs). */
  d1File: string | null;
  logFile: string;
  /** Kills wrangler and workerd (the whole process group), removes the state unless kept. */
  stop(): Promise<void>;
}

export function startServer(options?: {
  seed?: boolean;
  /** false: wrangler's dev server without its DevTools inspector (test/support/dev-server.mjs), for benchmarks. */
  inspector?: boolean;
  keepState?: boolean;
  timeoutMs?: number;
  log?: (message: string) => void;
  /** Runs after migrations and seed, before `wrangler dev` starts (the D1 file is free to write). */
  beforeStart?: (state: { d1File: string; persistDir: string; log: (message: string) => void }) => Promise<void> | void;
}): Promise<TestServer>;
