/**
 * The portal's languages: one dictionary each (fr.ts is the type), the choice remembered on the
 * device, <html lang dir> kept in step. Adding a language = a dictionary + one line in DICTS.
 */
import { createSignal } from "solid-js";
import { ar } from "./ar";
import { en } from "./en";
import { type Dict, fr } from "./fr";

export const DICTS = { fr, en, ar } satisfies Record<string, Dict>;
export type Lang = keyof typeof DICTS;
export const LANGS = Object.keys(DICTS) as Lang[];

const STORAGE_KEY = "ancrage.langue";

function isLang(value: string | null | undefined): value is Lang {
  return !!value && value in DICTS;
}

/** The remembered choice, else the phone's own language when we have it, else French. */
function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    /* storage disabled: fall through */
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag?.toLowerCase().split("-")[0];
    if (isLang(base)) return base;
  }
  return "fr";
}

const [lang, setLangSignal] = createSignal<Lang>(initialLang());

/** The current dictionary (reactive). */
export const t = (): Dict => DICTS[lang()];
export { lang };

export function setLang(next: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* not remembered, still switched */
  }
  setLangSignal(next);
}

/** <html lang> and dir follow the language (screen readers pick their voice from it). */
export function applyDocumentLang(): void {
  const d = t();
  document.documentElement.lang = d.code;
  document.documentElement.dir = d.dir;
}
