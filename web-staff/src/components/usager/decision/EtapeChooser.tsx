import { createSignal } from "solid-js";
import { ETAPES } from "../../../../../worker/rules/usager";
import { api } from "../../../api";
import { ErrorMessage } from "../../Alerts";
import { Button } from "../../Button";
import { SelectField } from "../../Field";
import { createFormState } from "../../form";
import { useFiche } from "../fiche";

/** Any step of the request can be set explicitly, back as well as forward. */
export function EtapeChooser(props: { onDone: (message: string) => void }) {
  const ctx = useFiche();
  const form = createFormState("etape");
  const [etape, setEtape] = createSignal(String(ctx.fiche().usager.etape));
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      await ctx.run((version) => api.usagers.setEtape.mutate({ usagerId: ctx.fiche().usager.id, version, etape: Number(etape()) }));
      props.onDone(`Étape de la demande : ${ETAPES[Number(etape())]}.`);
    });
  };
  return (
    <details class="disclosure">
      <summary>Changer l'étape de la demande</summary>
      <form class="form form--compact" novalidate onSubmit={submit}>
        <ErrorMessage message={form.error()} />
        <SelectField
          form={form}
          path="etape"
          label="Étape"
          options={ETAPES.slice(0, 5).map((label, index) => ({ value: String(index), label }))}
          value={etape()}
          onValue={setEtape}
          class="field--medium"
        />
        <div class="form__actions">
          <Button type="submit" variant="secondary" class="button--small" busy={form.busy()}>
            Changer l'étape
          </Button>
        </div>
      </form>
    </details>
  );
}
