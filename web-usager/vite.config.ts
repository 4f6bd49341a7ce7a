import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import solid from "vite-plugin-solid";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Which build this is, in the footer and in a meta tag: staff helping someone can ask which version
 * their phone runs, and a test can tell an old shell from a new one. ANCRAGE_VERSION when the
 * deployment sets it, else the package version and the commit it was built from.
 */
function buildVersion(): string {
  if (process.env.ANCRAGE_VERSION) return process.env.ANCRAGE_VERSION;
  const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, stdio: ["ignore", "pipe", "ignore"] });
    return `${version}+${commit.toString().trim()}`;
  } catch {
    return version;
  }
}

const VERSION = buildVersion();

/** <meta name="ancrage-version"> in index.html: the precached shell says which build it is. */
function versionMeta(): Plugin {
  return {
    name: "ancrage-version-meta",
    transformIndexHtml: () => [{ tag: "meta", attrs: { name: "ancrage-version", content: VERSION }, injectTo: "head" }],
  };
}

/**
 * Mon Ancrage, the domiciliés' portal: an installable PWA served on its own origin (dist/usager).
 * The app shell is precached by a generated service worker; the dashboard itself is kept in
 * IndexedDB by the app (src/offline/store.ts), never by Workbox runtime caching of /trpc.
 */
export default defineConfig({
  root,
  // The footer shows the same version as the meta tag (src/App.tsx).
  define: { __ANCRAGE_VERSION__: JSON.stringify(VERSION) },
  plugins: [
    solid(),
    versionMeta(),
    VitePWA({
      registerType: "autoUpdate",
      // Registered by the app (src/pwa.ts, virtual:pwa-register): it reloads the page when a new
      // version takes over, which a plain registerSW.js script does not.
      injectRegister: false,
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
        // autoUpdate: a new version takes over at once (not after every tab is closed) and the app
        // reloads into it (src/pwa.ts). The plugin sets these only with its own injected registration.
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
