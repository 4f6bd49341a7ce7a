import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { api } from "../../../api";
import { Button } from "../../../components/Button";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { createFormState } from "../../../components/form";
import { type Colleague, colleagueName } from "../../../components/usager/colleagues";
import { emptyRadiation, RadiationFields, type RadiationValues, todayCalendar } from "../../../components/usager/DecisionFields";
import { plural, toIsoDate } from "../../../components/usager/format";
import { useStaff } from "../../../session";
import { RESULT_ID } from "./ids";

/** The sticky bar of the selection: bulk radiation and référent, each confirmed in a dialog. */
export function BulkBar(props: { ids: number[]; colleagues: Colleague[]; onDone: (message: string) => void; onClear: () => void }) {
  const staff = useStaff();
  const colleagues = () => props.colleagues;
  const [open, setOpen] = createSignal<"radier" | "referent" | null>(null);
  const form = createFormState("masse");
  const [radiation, setRadiation] = createStore<RadiationValues>(emptyRadiation(todayCalendar()));
  const [referent, setReferent] = createSignal("");
  /** The selection when the dialog opened: it is what the confirmation is about. */
  const [targets, setTargets] = createSignal<number[]>([]);
  let succeeded = false;
  const count = () => plural(props.ids.length, "domicilié sélectionné", "domiciliés sélectionnés");
  const targetCount = () => plural(targets().length, "domicilié", "domiciliés");

  const start = (kind: "radier" | "referent") => {
    succeeded = false;
    setTargets(props.ids);
    form.reset();
    setRadiation(emptyRadiation(todayCalendar()));
    setReferent("");
    setOpen(kind);
  };

  const confirm = () =>
    void form.submit(async () => {
      if (open() === "radier") {
        const r = await api.usagers.bulkRadiate.mutate({
          usagerIds: targets(),
          date: toIsoDate(radiation.date),
          motif: (radiation.motif || undefined) as never,
          motifDetails: radiation.motifDetails,
        });
        succeeded = true;
        props.onDone(
          `${plural(r.radies, "radié", "radiés")}, ${plural(r.ignores, "ignoré", "ignorés")}${
            r.ignores > 0 ? " (dossiers déjà radiés, refusés ou modifiés entre-temps)" : ""
          }.`,
        );
        setOpen(null);
      } else {
        const r = await api.usagers.bulkAssignReferent.mutate({ usagerIds: targets(), referentId: referent() ? Number(referent()) : null });
        succeeded = true;
        props.onDone(
          referent()
            ? `Référent assigné à ${plural(r.updated, "dossier", "dossiers")}.`
            : `Référent retiré de ${plural(r.updated, "dossier", "dossiers")}.`,
        );
        setOpen(null);
      }
    });

  return (
    <>
      <Show when={props.ids.length > 0}>
        <section class="bulk-bar" aria-label="Actions sur la sélection">
          <div class="bulk-bar__inner">
            <p class="bulk-bar__count" role="status">
              {count()}
            </p>
            <div class="bulk-bar__actions">
              <Show when={staff.can("usager.instruct")}>
                <Button variant="secondary" class="button--small" onClick={() => start("referent")}>
                  Assigner un référent
                </Button>
              </Show>
              <Show when={staff.can("usager.radiate")}>
                <Button variant="danger" class="button--small" onClick={() => start("radier")}>
                  Radier
                </Button>
              </Show>
              <Button variant="link" class="button--small" onClick={props.onClear}>
                Annuler la sélection
              </Button>
            </div>
          </div>
        </section>
      </Show>

      <ConfirmDialog
        open={open() !== null}
        title={open() === "radier" ? `Radier ${targetCount()} ?` : `Assigner un référent à ${targetCount()}`}
        confirmLabel={open() === "radier" ? "Radier" : "Assigner le référent"}
        busyLabel={open() === "radier" ? "Radiation…" : "Enregistrement…"}
        danger={open() === "radier"}
        busy={form.busy()}
        error={form.error()}
        onConfirm={confirm}
        onCancel={() => setOpen(null)}
        focusAfterClose={() => (succeeded ? document.getElementById(RESULT_ID) : null)}
      >
        <Show when={open() === "radier"}>
          <p>
            Seuls les dossiers actifs ou en cours d'instruction sont radiés ; les autres sont ignorés. Chaque radiation apparaît dans
            l'historique du dossier.
          </p>
          <RadiationFields form={form} values={radiation} setValues={setRadiation} />
        </Show>
        <Show when={open() === "referent"}>
          <p>Le référent choisi remplace le référent actuel de chaque dossier sélectionné.</p>
          <div class="field">
            <span class="field-label">
              <label for="masse-referent">Nouveau référent</label>
            </span>
            <select id="masse-referent" data-autofocus onChange={(e) => setReferent(e.currentTarget.value)}>
              <option value="" selected={referent() === ""}>
                Aucun référent
              </option>
              <For each={colleagues()}>
                {(c) => (
                  <option value={String(c.id)} selected={referent() === String(c.id)}>
                    {colleagueName(c)}
                  </option>
                )}
              </For>
            </select>
          </div>
        </Show>
      </ConfirmDialog>
    </>
  );
}
