import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * The staff back-office. The Worker serves dist/staff with an SPA fallback and /trpc on the same
 * origin; `vite dev` proxies /trpc to a running `wrangler dev` so the cookies stay first-party.
 */
export default defineConfig({
  root,
  base: "/",
  plugins: [solid()],
  build: {
    outDir: fileURLToPath(new URL("../dist/staff", import.meta.url)),
    emptyOutDir: true,
    assetsDir: "assets",
    target: "es2022",
    rolldownOptions: {
      // worker/rules is pure by contract (shared with the Worker): a rule module whose exports are
      // unused can go, e.g. the 100 KB common-password list behind the password-length constant.
      treeshake: { moduleSideEffects: [{ test: /[\\/]worker[\\/]rules[\\/]/, sideEffects: false }] },
    },
  },
  server: {
    proxy: { "/trpc": { target: "http://localhost:8787", changeOrigin: false } },
  },
});
