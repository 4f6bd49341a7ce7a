import { For } from "solid-js";
import { DICTS, LANGS, lang, setLang, t } from "../i18n";

/** Each language written in itself, with its own lang attribute (read with the right voice). */
export function LanguageSwitch() {
  return (
    <nav class="langs" aria-label={t().common.languages}>
      <ul>
        <For each={LANGS}>
          {(code) => (
            <li>
              <button
                type="button"
                lang={DICTS[code].code}
                dir={DICTS[code].dir}
                aria-pressed={lang() === code}
                onClick={() => setLang(code)}
              >
                {DICTS[code].name}
              </button>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}
