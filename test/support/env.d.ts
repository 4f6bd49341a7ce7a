import type { D1Migration } from "cloudflare:test";
import type { Env as WorkerEnv } from "../../worker/env";

// `env` from cloudflare:test carries the Worker's bindings plus the migrations the config injects.
declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[];
      /** Runs per procedure and seed of the fuzz test, from the shell ("" when unset). */
      FUZZ_RUNS: string;
      FUZZ_SEED: string;
    }
  }
}
