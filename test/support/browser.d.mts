import type { Browser, BrowserContext, BrowserContextOptions, LaunchOptions } from "playwright-core";

export const CHROME_PATH: string;
export const CHROME_ARGS: string[];
export function throwawayEnv(): { home: string; env: NodeJS.ProcessEnv; cleanup(): void };
export function launchBrowser(options?: LaunchOptions): Promise<Browser>;
export function launchPersistentBrowser(options?: BrowserContextOptions & LaunchOptions): Promise<BrowserContext>;
