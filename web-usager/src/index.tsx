import { render } from "solid-js/web";
import "./styles.css";

/** The portal shell; the sign-in and the dashboard arrive with the portal issues. */
function App() {
  return (
    <main class="shell">
      <h1>Mon Ancrage</h1>
      <p>Votre espace pour suivre le courrier reçu par votre centre de domiciliation.</p>
      <p>
        Pour y accéder, demandez vos identifiants à votre structure de domiciliation : elle vous remettra une
        lettre avec votre identifiant et un mot de passe temporaire.
      </p>
    </main>
  );
}

render(() => <App />, document.getElementById("root")!);
