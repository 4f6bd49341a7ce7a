import { Show } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import { type CalendarDate, calendarDateIn } from "../../../../worker/rules/dates";
import { FIELD_MAX } from "../../../../worker/rules/fields";
import {
  MOTIFS_RADIATION,
  MOTIFS_REFUS,
  type MotifRadiation,
  type MotifRefus,
  ORIENTATIONS,
  type Orientation,
} from "../../../../worker/rules/usager";
import { DateField, SelectField, TextAreaField } from "../Field";
import type { FormState } from "../form";
import { toTypedDate } from "./format";

/** Today in the structure's calendar (Europe/Paris until the API sends the structure's own zone). */
export function todayCalendar(): CalendarDate {
  return calendarDateIn("Europe/Paris", new Date());
}

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

export const MOTIF_RADIATION_OPTIONS = options<MotifRadiation>(MOTIFS_RADIATION);
export const MOTIF_REFUS_OPTIONS = options<MotifRefus>(MOTIFS_REFUS);
export const ORIENTATION_OPTIONS = options<Orientation>(ORIENTATIONS);

export interface RadiationValues {
  date: string;
  motif: MotifRadiation | "";
  motifDetails: string;
}

export const emptyRadiation = (today: CalendarDate): RadiationValues => ({ date: toTypedDate(today), motif: "", motifDetails: "" });

/** Radiation: its date, a legal motive, a précision for "Autre motif", and the duty to notify. */
export function RadiationFields(props: { form: FormState; values: RadiationValues; setValues: SetStoreFunction<RadiationValues> }) {
  return (
    <>
      <p class="notice">
        La radiation doit être notifiée par écrit au domicilié, avec ses motifs et les voies de recours (courrier de radiation).
      </p>
      <DateField
        form={props.form}
        path="date"
        label="Date de radiation"
        hint="Format : JJ/MM/AAAA. Au plus tard aujourd'hui."
        required
        value={props.values.date}
        onValue={(v) => props.setValues("date", v)}
      />
      <SelectField
        form={props.form}
        path="motif"
        label="Motif de la radiation"
        required
        placeholder="Choisir un motif"
        options={MOTIF_RADIATION_OPTIONS}
        value={props.values.motif}
        onValue={(v) => props.setValues("motif", v as MotifRadiation)}
      />
      <Show when={props.values.motif === "AUTRE"}>
        <TextAreaField
          form={props.form}
          path="motifDetails"
          label="Précision du motif"
          hint="10 caractères au minimum."
          required
          rows={3}
          maxLength={FIELD_MAX.motifDetails}
          value={props.values.motifDetails}
          onValue={(v) => props.setValues("motifDetails", v)}
        />
      </Show>
    </>
  );
}

export interface RefusValues {
  date: string;
  motif: MotifRefus | "";
  motifDetails: string;
  orientation: Orientation | "";
  orientationDetails: string;
}

export const emptyRefus = (today: CalendarDate): RefusValues => ({
  date: toTypedDate(today),
  motif: "",
  motifDetails: "",
  orientation: "",
  orientationDetails: "",
});

export function RefusFields(props: { form: FormState; values: RefusValues; setValues: SetStoreFunction<RefusValues> }) {
  return (
    <>
      <p class="notice">
        Le refus doit être notifié par écrit au demandeur, avec ses motifs, les voies de recours et, si possible, une orientation.
      </p>
      <DateField
        form={props.form}
        path="date"
        label="Date de la décision"
        required
        value={props.values.date}
        onValue={(v) => props.setValues("date", v)}
      />
      <SelectField
        form={props.form}
        path="motif"
        label="Motif du refus"
        required
        placeholder="Choisir un motif"
        options={MOTIF_REFUS_OPTIONS}
        value={props.values.motif}
        onValue={(v) => props.setValues("motif", v as MotifRefus)}
      />
      <TextAreaField
        form={props.form}
        path="motifDetails"
        label="Précision du motif"
        hint={props.values.motif === "AUTRE" ? "Obligatoire pour « Autre motif » : 10 caractères au minimum." : "Facultatif."}
        required={props.values.motif === "AUTRE"}
        rows={3}
        maxLength={FIELD_MAX.motifDetails}
        value={props.values.motifDetails}
        onValue={(v) => props.setValues("motifDetails", v)}
      />
      <SelectField
        form={props.form}
        path="orientation"
        label="Orientation proposée"
        placeholder="Aucune orientation"
        options={ORIENTATION_OPTIONS}
        value={props.values.orientation}
        onValue={(v) => props.setValues("orientation", v as Orientation | "")}
      />
      <Show when={props.values.orientation !== ""}>
        <TextAreaField
          form={props.form}
          path="orientationDetails"
          label="Précision de l'orientation"
          hint="Nom de la structure vers laquelle la personne est orientée : 5 caractères au minimum."
          required
          rows={2}
          maxLength={FIELD_MAX.orientationDetails}
          value={props.values.orientationDetails}
          onValue={(v) => props.setValues("orientationDetails", v)}
        />
      </Show>
    </>
  );
}
