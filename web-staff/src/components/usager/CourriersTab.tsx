import { createEffect, For, on, Show } from "solid-js";
import { INTERACTION_LABELS } from "../../../../worker/rules/courrier";
import { api, type Outputs } from "../../api";
import { CursorTable } from "../CursorTable";
import { formatShortDateTime, isoOf } from "../dates";
import { createCursorPages } from "../LoadMore";
import { CourrierActions } from "./CourrierActions";
import { useFiche } from "./fiche";
import { PortailAccess } from "./PortailAccess";

type Interaction = Outputs["courrier"]["history"]["items"][number];

const PENDING = [
  { key: "nbCourrier", label: "Courriers" },
  { key: "nbColis", label: "Colis" },
  { key: "nbAvis", label: "Avis de passage" },
] as const;

/** The "Courriers" tab: what waits, then every interaction, newest first. */
export function CourriersTab() {
  const ctx = useFiche();
  const u = () => ctx.fiche().usager;
  const history = createCursorPages<Interaction>(
    (before) => api.courrier.history.query({ usagerId: u().id, before }).then((p) => ({ rows: p.items, nextBefore: p.nextBefore })),
    "courriers-compte",
  );
  createEffect(on(ctx.changes, () => void history.load()));

  const waiting = () => PENDING.reduce((sum, p) => sum + u()[p.key], 0);

  return (
    <>
      <CourrierActions
        fiche={ctx.fiche()}
        onChanged={() => {
          void ctx.reload();
          void history.load();
        }}
      />

      <section class="section" aria-labelledby="titre-en-attente">
        <h2 id="titre-en-attente">Courrier en attente</h2>
        <Show when={waiting() > 0} fallback={<p class="muted">Aucun courrier en attente.</p>}>
          <ul class="counters">
            <For each={PENDING}>
              {(p) => (
                <li class="counter" classList={{ "counter--empty": u()[p.key] === 0 }}>
                  <span class="counter__value">{u()[p.key]}</span>
                  <span class="counter__label">{p.label}</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>

      <PortailAccess />

      <section class="section">
        <h2 id="titre-interactions">Historique des courriers et passages</h2>
        <CursorTable
          pages={history}
          labelledBy="titre-interactions"
          columns={["Date et heure", "Opération", "Nombre", "Agent", "Commentaire"]}
          empty="Aucun courrier ni passage enregistré pour ce domicilié."
          noun="opération"
          endText=" : tout l'historique est affiché."
        >
          {(item) => (
            <tr>
              <td class="nowrap">
                <time datetime={isoOf(item.createdAt)}>{formatShortDateTime(item.createdAt)}</time>
              </td>
              <td>
                {INTERACTION_LABELS[item.type]}
                <Show when={item.type.endsWith("In")}>
                  <span class="table__sub">{item.outId !== null ? "Remis" : "En attente"}</span>
                </Show>
              </td>
              <td>{item.nb > 0 ? item.nb : <span class="muted">—</span>}</td>
              <td>{item.userName ?? "—"}</td>
              <td class="preserve-lines">{item.content ?? <span class="muted">—</span>}</td>
            </tr>
          )}
        </CursorTable>
      </section>
    </>
  );
}
