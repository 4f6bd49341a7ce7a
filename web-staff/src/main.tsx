import { Route, Router, type RouteSectionProps, useLocation } from "@solidjs/router";
import { createEffect, on } from "solid-js";
import { render } from "solid-js/web";
import "../../web-shared/base.css";
import "./styles.css";
import { StaffLayout } from "./components/StaffLayout";
import { Accueil } from "./routes/Accueil";
import { Compte } from "./routes/Compte";
import { Connexion } from "./routes/Connexion";
import { CourrierDuJour } from "./routes/courrier/CourrierDuJour";
import { Equipe } from "./routes/Equipe";
import { Inscription } from "./routes/Inscription";
import { Invitation } from "./routes/Invitation";
import { Journal } from "./routes/Journal";
import { NotFound } from "./routes/NotFound";
import { Plateforme } from "./routes/Plateforme";
import { PortailPage } from "./routes/Portail";
import { StructurePage } from "./routes/Structure";
import { UsagerFiche } from "./routes/usagers/Fiche";
import { UsagersListe } from "./routes/usagers/Liste";
import { NouvelUsager } from "./routes/usagers/Nouveau";

/**
 * After a client-side navigation the focus would stay on the clicked link of the old page:
 * it moves to the new page's content, as a full page load would put a screen reader there.
 */
function Root(props: RouteSectionProps) {
  const location = useLocation();
  createEffect(
    on(
      () => location.pathname,
      () => requestAnimationFrame(() => document.getElementById("contenu")?.focus()),
      { defer: true },
    ),
  );
  return <>{props.children}</>;
}

render(
  () => (
    <Router root={Root}>
      <Route path="/connexion" component={Connexion} />
      <Route path="/inscription" component={Inscription} />
      <Route path="/invitation" component={Invitation} />
      <Route path="/plateforme" component={Plateforme} />
      <Route path="/" component={StaffLayout}>
        <Route path="/" component={Accueil} />
        <Route path="/usagers" component={UsagersListe} />
        <Route path="/usagers/nouveau" component={NouvelUsager} />
        <Route path="/usagers/:id" component={UsagerFiche} />
        <Route path="/courrier" component={CourrierDuJour} />
        <Route path="/structure" component={StructurePage} />
        <Route path="/portail" component={PortailPage} />
        <Route path="/equipe" component={Equipe} />
        <Route path="/journal" component={Journal} />
        <Route path="/compte" component={Compte} />
      </Route>
      <Route path="*404" component={NotFound} />
    </Router>
  ),
  document.getElementById("app")!,
);
