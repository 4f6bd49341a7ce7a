import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// Unit and integration tests of the Worker run inside workerd, like production:
// real D1 (SQLite) and R2, storage isolated per test file, migrations applied by test/support/apply-migrations.ts.
export default defineConfig(async () => {
  const migrations = await readD1Migrations("db/migrations");
  return {
    plugins: [
      cloudflareTest({
        main: "worker/index.ts",
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            FILES_SECRET: "dGVzdC1vbmx5LWZpbGVzLXNlY3JldC0zMi1ieXRlcyE=",
            // The fuzz test's knobs (test/integration/fuzz.test.ts): workerd does not see the shell's environment.
            FUZZ_RUNS: process.env.FUZZ_RUNS ?? "",
            FUZZ_SEED: process.env.FUZZ_SEED ?? "",
          },
        },
      }),
    ],
    test: {
      include: ["worker/**/*.test.ts", "test/integration/**/*.test.ts"],
      setupFiles: ["test/support/apply-migrations.ts"],
      // Sign-ins run argon2id; on a loaded 2-core CI machine a test may need more than 5 s.
      testTimeout: 30_000,
    },
  };
});
