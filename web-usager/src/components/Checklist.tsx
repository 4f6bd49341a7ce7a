import { For } from "solid-js";
import { t } from "../i18n";

export interface ChecklistItem {
  key: string;
  label: string;
  ok: boolean;
}

/**
 * The seed's live checklist (✓ / ✗). The marks are hidden from screen readers, which hear
 * "règle respectée" / "règle non respectée" instead; the password field points here with
 * aria-describedby, so the state is read when the field is reached.
 */
export function Checklist(props: { id: string; items: ChecklistItem[]; touched: boolean }) {
  return (
    <ul class="checklist" id={props.id} aria-label={t().firstLogin.rulesLabel}>
      <For each={props.items}>
        {(item) => (
          <li classList={{ ok: item.ok, ko: !item.ok && props.touched }}>
            <span class="mark" aria-hidden="true">
              {item.ok ? "✓" : "✗"}
            </span>
            <span>{item.label}</span>
            <span class="sr-only"> ({item.ok ? t().rules.met : t().rules.unmet})</span>
          </li>
        )}
      </For>
    </ul>
  );
}
