import { createSignal, Show } from "solid-js";
import { api, apiFailure } from "../../api";
import { useFiche } from "../usager/fiche";

/** "Ne plus accepter le courrier" (reference B.5.5): only a radié can get it; anyone can lift it. */
export function NpaiToggle(p: { onDone: (message: string) => void }) {
  const ctx = useFiche();
  const u = () => ctx.fiche().usager;
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const toggle = async (actif: boolean, input: HTMLInputElement) => {
    setBusy(true);
    setError(null);
    try {
      await ctx.run((version) => api.courrier.setNpai.mutate({ usagerId: u().id, version, actif }));
      p.onDone(
        actif
          ? "« Ne plus accepter le courrier » est activé : le nouveau courrier de ce domicilié sera refusé."
          : "« Ne plus accepter le courrier » est désactivé : le courrier est de nouveau accepté.",
      );
    } catch (caught) {
      input.checked = !actif;
      setError(apiFailure(caught).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="subsection">
      <h3>Courrier d'un domicilié radié</h3>
      <div class="field field--checkbox">
        <input
          id="npai"
          type="checkbox"
          checked={Boolean(u().npaiDepuis)}
          aria-describedby="npai-aide"
          aria-busy={busy() ? "true" : undefined}
          onChange={(e) => {
            if (busy()) return;
            void toggle(e.currentTarget.checked, e.currentTarget);
          }}
        />
        <div class="field--checkbox__text">
          <span class="field-label">
            <label for="npai">Ne plus accepter le courrier</label>
          </span>
          <p class="field-hint" id="npai-aide">
            Le courrier qui arrive pour ce domicilié est refusé et retourné avec la mention « N'habite plus à l'adresse indiquée, pli non
            distribuable ».
          </p>
        </div>
      </div>
      <Show when={error()}>
        <p class="field-error" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  );
}
