/// <reference types="node" />
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// End-to-end tests: Node drives Chromium and HTTP against ONE real `wrangler dev`
// (fresh state, migrations, demo seed) started by global-setup.ts.
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    name: "e2e",
    include: ["test/e2e/**/*.e2e.test.ts"],
    environment: "node",
    globalSetup: ["test/e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
