import { createEffect } from "solid-js";

/** Every screen names itself in the tab title, which screen readers announce on navigation. */
export function usePageTitle(title: () => string): void {
  createEffect(() => {
    document.title = `${title()} — Ancrage`;
  });
}
