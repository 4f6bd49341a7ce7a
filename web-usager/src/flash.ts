import { createSignal } from "solid-js";
import type { Dict } from "./i18n/fr";

/** A message carried to the next page (e.g. "you are signed out"), in whatever language is on then. */
const [flash, setFlash] = createSignal<((d: Dict) => string) | undefined>();

export { flash, setFlash };
