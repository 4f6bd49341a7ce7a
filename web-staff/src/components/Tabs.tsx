import { For, type JSX } from "solid-js";

export interface TabItem<T extends string> {
  value: T;
  label: JSX.Element;
}

/**
 * A tab list as in the WAI-ARIA pattern: one tab in the Tab order, arrows (and Home / End) move
 * between tabs and select them, Tab goes on into the panel. The panel is the caller's, with
 * role="tabpanel", id `panelId` and aria-labelledby `tabId(selected)`.
 */
export function TabList<T extends string>(props: {
  label: string;
  idPrefix: string;
  panelId: string;
  tabs: readonly TabItem<T>[];
  selected: T;
  onSelect: (value: T) => void;
  class?: string;
}) {
  const buttons: HTMLButtonElement[] = [];
  const onKey = (event: KeyboardEvent, index: number) => {
    const last = props.tabs.length - 1;
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = (target + props.tabs.length) % props.tabs.length;
    props.onSelect(props.tabs[next]!.value);
    buttons[next]?.focus();
  };
  return (
    <div class={`tabs ${props.class ?? ""}`} role="tablist" aria-label={props.label}>
      <For each={props.tabs}>
        {(tab, index) => (
          <button
            ref={(el) => (buttons[index()] = el)}
            type="button"
            role="tab"
            id={tabId(props.idPrefix, tab.value)}
            class="tabs__tab"
            aria-selected={props.selected === tab.value}
            aria-controls={props.panelId}
            tabindex={props.selected === tab.value ? 0 : -1}
            onClick={() => props.onSelect(tab.value)}
            onKeyDown={(e) => onKey(e, index())}
          >
            {tab.label}
          </button>
        )}
      </For>
    </div>
  );
}

export function tabId(prefix: string, value: string): string {
  return `${prefix}-${value}`;
}
