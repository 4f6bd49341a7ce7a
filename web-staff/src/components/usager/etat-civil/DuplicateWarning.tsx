import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { formatDateFr } from "../../../../../worker/rules/dates";
import { USAGER_STATUT_LABELS } from "../../../../../worker/rules/echeance";
import { type Civilite, nomComplet } from "../../../../../worker/rules/usager";
import { Button } from "../../Button";
import type { Duplicate, Holder } from "./values";

function DuplicateLink(props: { u: { id: number; civilite: Civilite; nom: string; prenom: string } }) {
  return (
    <A href={`/usagers/${props.u.id}`} target="_blank" rel="noopener">
      {nomComplet(props.u)}
      <span class="visually-hidden"> (s'ouvre dans un nouvel onglet)</span>
    </A>
  );
}

/** Before saving: the files that may be the same person, the files already holding the ID; save anyway or edit. */
export function DuplicateWarning(props: {
  found: { duplicates: Duplicate[]; holders: Holder[] };
  customRef: string;
  creating: boolean;
  busy: boolean;
  onSave: () => void;
  onEdit: () => void;
  ref: (element: HTMLDivElement) => void;
}) {
  return (
    <div class="alert alert--warning" role="alert" tabindex="-1" ref={props.ref}>
      <Show when={props.found.duplicates.length > 0}>
        <p class="alert__title">Dossiers qui pourraient correspondre à la même personne</p>
        <ul class="alert__list">
          <For each={props.found.duplicates}>
            {(d) => (
              <li>
                <DuplicateLink u={d} /> — ID {d.customRef}, {d.civilite === "Mme" ? "née" : "né"} le {formatDateFr(d.dateNaissance)} —{" "}
                {USAGER_STATUT_LABELS[d.statut]}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.found.holders.length > 0}>
        <p class="alert__title">L'identifiant « {props.customRef.trim()} » est déjà utilisé</p>
        <ul class="alert__list">
          <For each={props.found.holders}>
            {(h) => (
              <li>
                <A href={`/usagers/${h.id}`} target="_blank" rel="noopener">
                  {h.nom.toUpperCase()} {h.prenom}
                  <span class="visually-hidden"> (s'ouvre dans un nouvel onglet)</span>
                </A>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p class="alert__text">Vérifiez qu'il ne s'agit pas d'un doublon avant d'enregistrer.</p>
      <div class="form__actions">
        <Button busy={props.busy} busyLabel="Enregistrement…" onClick={props.onSave}>
          {props.creating ? "Créer quand même" : "Enregistrer quand même"}
        </Button>
        <Button variant="secondary" onClick={props.onEdit}>
          Modifier la saisie
        </Button>
      </div>
    </div>
  );
}
