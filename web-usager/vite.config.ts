import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import solid from "vite-plugin-solid";

/**
 * Mon Ancrage, the domiciliés' portal: an installable PWA served on its own origin (dist/usager).
 * The app shell is precached by a generated service worker; the dashboard itself is kept in
 * IndexedDB by the app (src/offline/store.ts), never by Workbox runtime caching of /trpc.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [
    solid(),
    VitePWA({
      registerType: "autoUpdate",
      // A separate /registerSW.js file: the CSP allows no inline script.
      injectRegister: "script",
      // Icons are generated at build time from the one SVG, offline.
      pwaAssets: { image: "public/favicon.svg", preset: "minimal-2023", overrideManifestIcons: true },
      manifest: {
        id: "/",
        name: "Mon Ancrage",
        short_name: "Mon Ancrage",
        description: "Suivez votre courrier auprès de votre centre de domiciliation.",
        lang: "fr",
        dir: "ltr",
        start_url: "/",
        scope: "/",
        display: "standalone",
        theme_color: "#1f4e79",
        background_color: "#f4f6f9",
      },
      workbox: {
        // No webmanifest here: the plugin adds it once itself (twice breaks the precache).
        globPatterns: ["**/*.{js,css,html,svg,png,ico}"],
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/trpc/, /^\/fichiers/],
        cleanupOutdatedCaches: true,
        // autoUpdate: a new version takes over at once (not after every tab is closed), so the
        // next load never runs a stale shell. "script" registration does not set these by itself.
        skipWaiting: true,
        clientsClaim: true,
      },
    }),
  ],
  build: {
    outDir: "../dist/usager",
    emptyOutDir: true,
    target: "es2020",
    rolldownOptions: {
      // worker/rules is pure by contract: unused rule modules (e.g. the common-password list) go.
      treeshake: { moduleSideEffects: [{ test: /[\\/]worker[\\/]rules[\\/]/, sideEffects: false }] },
    },
  },
  server: {
    proxy: { "/trpc": { target: "http://127.0.0.1:8787", changeOrigin: false } },
  },
});
