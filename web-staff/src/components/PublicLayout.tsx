import type { JSX } from "solid-js";
import { Brand, SkipLink } from "./Brand";

/** Pages seen before signing in: the name of the app, one narrow column, nothing else to find. */
export function PublicLayout(props: { children: JSX.Element; wide?: boolean; subtitle?: string; brandHref?: string }) {
  return (
    <>
      <SkipLink />
      <header class="site-header site-header--public">
        <div class="site-header__inner">
          <Brand href={props.brandHref ?? "/connexion"} />
          <span class="site-header__subtitle">{props.subtitle ?? "Espace professionnel de la domiciliation"}</span>
        </div>
      </header>
      <main id="contenu" tabindex="-1" class="public-main" classList={{ "public-main--wide": !!props.wide }}>
        {props.children}
      </main>
    </>
  );
}
