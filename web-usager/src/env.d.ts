/// <reference types="vite-plugin-pwa/vanillajs" />

/** The build's version (web-usager/vite.config.ts): package version + commit, or ANCRAGE_VERSION. */
declare const __ANCRAGE_VERSION__: string;
