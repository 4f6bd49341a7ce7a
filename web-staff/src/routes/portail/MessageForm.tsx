import { createStore } from "solid-js/store";
import { FIELD_MAX } from "../../../../worker/rules/fields";
import { STRUCTURE_MESSAGE_TYPES, type StructureMessageType } from "../../../../worker/rules/structure-messages";
import { api, type Outputs } from "../../api";
import { FormError } from "../../components/Alerts";
import { Button } from "../../components/Button";
import { DateField, RequiredNote, SelectField, TextAreaField, TextField } from "../../components/Field";
import { bindFields, createFormState } from "../../components/form";
import { todayCalendar } from "../../components/usager/DecisionFields";
import { toIsoDate, toIsoDateOrNull, toTypedDate } from "../../components/usager/format";

type MessageRow = Outputs["portail"]["messages"][number];

const MESSAGE_TYPE_OPTIONS = (Object.keys(STRUCTURE_MESSAGE_TYPES) as StructureMessageType[]).map((value) => ({
  value,
  label: STRUCTURE_MESSAGE_TYPES[value],
}));

interface MessageValues {
  titre: string;
  texte: string;
  type: StructureMessageType | "";
  dateDebut: string;
  dateFin: string;
}

const emptyMessage = (): MessageValues => ({ titre: "", texte: "", type: "", dateDebut: toTypedDate(todayCalendar()), dateFin: "" });

export function MessageForm(props: { message: MessageRow | null; onDone: (status: string | null) => void }) {
  const form = createFormState("message");
  const [values, setValues] = createStore<MessageValues>(
    props.message
      ? {
          titre: props.message.titre,
          texte: props.message.texte,
          type: props.message.type,
          dateDebut: toTypedDate(props.message.dateDebut),
          dateFin: toTypedDate(props.message.dateFin),
        }
      : emptyMessage(),
  );
  const bind = bindFields(form, values, setValues);
  const title = props.message ? "Modifier le message" : "Nouveau message";

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (values.type === "") local.type = "Type de message : choisissez un type.";
    if (values.texte.trim().length > 0 && values.texte.trim().length < 10) local.texte = "Message : 10 caractères au minimum.";
    const ok = await form.submit(async () => {
      await api.portail.saveMessage.mutate({
        id: props.message?.id ?? null,
        titre: values.titre,
        texte: values.texte,
        type: values.type as StructureMessageType,
        dateDebut: toIsoDate(values.dateDebut),
        dateFin: toIsoDateOrNull(values.dateFin),
      });
      return "";
    }, local);
    if (ok)
      props.onDone(
        props.message ? "Le message a été modifié." : "Le message a été enregistré : les domiciliés le voient pendant la période choisie.",
      );
  };

  return (
    <form class="form portal-message-form" novalidate onSubmit={submit} aria-labelledby="titre-formulaire-message">
      <h3 id="titre-formulaire-message">{title}</h3>
      <RequiredNote />
      <FormError form={form} />
      <TextField {...bind.value("titre")} label="Titre" required maxLength={FIELD_MAX.messageTitre} />
      <SelectField {...bind.value("type")} label="Type de message" required placeholder="Choisir un type" options={MESSAGE_TYPE_OPTIONS} />
      <TextAreaField
        {...bind.value("texte")}
        label="Message"
        hint="Texte simple, 10 caractères au minimum. Les retours à la ligne sont conservés."
        required
        rows={6}
        maxLength={FIELD_MAX.messageTexte}
      />
      <DateField {...bind.value("dateDebut")} label="Afficher à partir du" required />
      <DateField {...bind.value("dateFin")} label="Jusqu'au" hint="Format : JJ/MM/AAAA. Laissez vide pour un message sans date de fin." />
      <div class="form__actions">
        <Button variant="secondary" onClick={() => props.onDone(null)}>
          Annuler
        </Button>
        <Button type="submit" busy={form.busy()}>
          Enregistrer le message
        </Button>
      </div>
    </form>
  );
}
