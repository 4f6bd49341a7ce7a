import { type Accessor, createEffect, createSignal, on } from "solid-js";

/** The files ticked on the page shown; any change of search, filter, tab or page starts afresh. */
export function createSelection(rowIds: Accessor<number[]>, startAfresh: Accessor<unknown>) {
  const [selected, setSelected] = createSignal<ReadonlySet<number>>(new Set());
  const clear = () => setSelected(new Set<number>());
  createEffect(on(startAfresh, clear, { defer: true }));
  return {
    ids: () => [...selected()],
    has: (id: number) => selected().has(id),
    toggle: (id: number, on: boolean) => {
      const next = new Set(selected());
      if (on) next.add(id);
      else next.delete(id);
      setSelected(next);
    },
    allOnPage: () => rowIds().length > 0 && rowIds().every((id) => selected().has(id)),
    toggleAll: (on: boolean) => setSelected(on ? new Set(rowIds()) : new Set<number>()),
    clear,
  };
}

export type Selection = ReturnType<typeof createSelection>;
