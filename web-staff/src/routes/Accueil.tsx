import { A } from "@solidjs/router";
import { For } from "solid-js";
import type { Permission } from "../../../worker/rules/permissions";
import { usePageTitle } from "../components/title";
import { useStaff } from "../session";

const CARDS: readonly { href: string; title: string; text: string; permission: Permission }[] = [
  {
    href: "/usagers",
    title: "Domiciliés",
    text: "Rechercher un dossier, instruire les demandes, décisions, courriers et documents.",
    permission: "usager.read",
  },
  {
    href: "/structure",
    title: "Structure",
    text: "Coordonnées, responsable et paramètres d'adresse de la structure.",
    permission: "structure.read",
  },
  {
    href: "/equipe",
    title: "Équipe",
    text: "Membres de l'équipe, invitations, rôles et accès.",
    permission: "equipe.list",
  },
  {
    href: "/journal",
    title: "Journal",
    text: "Connexions et modifications enregistrées pour la structure.",
    permission: "journal.read",
  },
  {
    href: "/compte",
    title: "Mon compte",
    text: "Vos informations et votre mot de passe.",
    permission: "compte.self",
  },
];

export function Accueil() {
  usePageTitle(() => "Accueil");
  const staff = useStaff();
  return (
    <>
      <h1>Bonjour {staff.me().prenom}</h1>
      <p class="lead">{staff.me().structure.nom}</p>
      <ul class="cards" aria-label="Rubriques">
        <For each={CARDS.filter((card) => staff.can(card.permission))}>
          {(card) => (
            <li class="card card--link">
              <h2 class="card__title">
                <A href={card.href}>{card.title}</A>
              </h2>
              <p>{card.text}</p>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}
