import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import solid from "vite-plugin-solid";

// Mon Ancrage, the domiciliés' portal: an installable PWA served on its own origin (dist/usager).
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [
    solid(),
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: "script",
      // Icons are generated at build time from the one SVG, offline.
      pwaAssets: { image: "public/favicon.svg", preset: "minimal-2023", overrideManifestIcons: true },
      manifest: {
        name: "Mon Ancrage",
        short_name: "Mon Ancrage",
        description: "Suivez votre courrier auprès de votre centre de domiciliation.",
        lang: "fr",
        start_url: "/",
        scope: "/",
        display: "standalone",
        theme_color: "#1f4e79",
        background_color: "#ffffff",
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png,ico}"],
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/trpc/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: { outDir: "../dist/usager", emptyOutDir: true, target: "es2020" },
});
