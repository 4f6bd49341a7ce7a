import type { D1Migration } from "cloudflare:test";

// `env` from cloudflare:test carries the Worker's bindings (worker/worker-configuration.d.ts) plus
// what the test config injects.
declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      /** Runs per procedure and seed of the fuzz test, from the shell ("" when unset). */
      FUZZ_RUNS: string;
      FUZZ_SEED: string;
      FILES_SECRET?: string;
    }
  }
}
