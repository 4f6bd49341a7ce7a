import { A } from "@solidjs/router";
import type { JSX } from "solid-js";
import type { Permission } from "../../../worker/rules/permissions";
import { useStaff } from "../session";

/** A page a role may not open (typed URL, old bookmark): said plainly, with a way back. */
export function RequirePermission(props: { permission: Permission; title: string; children: JSX.Element }) {
  const staff = useStaff();
  return (
    <>
      {staff.can(props.permission) ? (
        props.children
      ) : (
        <>
          <h1>{props.title}</h1>
          <div class="alert alert--error" role="alert">
            <p class="alert__title">Vous n'avez pas les droits pour accéder à cette page.</p>
          </div>
          <p>
            <A href="/">Retour à l'accueil</A>
          </p>
        </>
      )}
    </>
  );
}
