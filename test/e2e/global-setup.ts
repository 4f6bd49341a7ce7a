/// <reference types="node" />
import type { TestProject } from "vitest/node";
import { startServer, type TestServer } from "../support/server.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** http://localhost:<port> — staff app, platform page, /trpc. */
    staffUrl: string;
    /** http://127.0.0.1:<port> — portal Mon Ancrage, /trpc. */
    portalUrl: string;
    persistDir: string;
    /** The D1 SQLite file of the running server (open it read-only). */
    d1File: string;
  }
}

let server: TestServer | undefined;

export default async function setup(project: TestProject) {
  server = await startServer({ log: (m) => process.env.ANCRAGE_E2E_VERBOSE && console.log(`[e2e] ${m}`) });
  if (!server.d1File) throw new Error(`D1 file not found under ${server.persistDir}`);
  project.provide("staffUrl", server.staffUrl);
  project.provide("portalUrl", server.portalUrl);
  project.provide("persistDir", server.persistDir);
  project.provide("d1File", server.d1File);
  return async () => {
    await server?.stop();
    server = undefined;
  };
}
