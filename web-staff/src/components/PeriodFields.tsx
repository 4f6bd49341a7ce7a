import { DateField } from "./Field";
import type { ValueBinding } from "./form";
import { parseTypedDate } from "./usager/format";

/** The end of a period must come after its start: said beside the field before asking the server. */
export function periodErrors(dateDebut: string, dateFin: string): Record<string, string> {
  const start = parseTypedDate(dateDebut);
  const end = parseTypedDate(dateFin);
  return start && end && end <= start ? { dateFin: "Date de fin : elle doit être après la date de début." } : {};
}

/** A required period, first and last day side by side; `periodErrors` checks it before sending. */
export function PeriodFields(props: { start: ValueBinding; end: ValueBinding }) {
  return (
    <div class="field-row">
      <DateField {...props.start} label="Date de début" required />
      <DateField {...props.end} label="Date de fin" hint="Format : JJ/MM/AAAA. Après la date de début." required />
    </div>
  );
}
