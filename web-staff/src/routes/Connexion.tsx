import { A, useLocation, useNavigate } from "@solidjs/router";
import { Show } from "solid-js";
import { api } from "../api";
import { PublicLayout } from "../components/PublicLayout";
import { SignInForm } from "../components/SignInForm";
import { usePageTitle } from "../components/title";

export function Connexion() {
  usePageTitle(() => "Connexion");
  const navigate = useNavigate();
  const location = useLocation<{ expired?: boolean }>();

  return (
    <PublicLayout>
      <div class="card card--narrow">
        <h1>Connexion</h1>
        <Show when={location.state?.expired}>
          <p class="notice">Votre session a expiré : veuillez vous reconnecter.</p>
        </Show>
        <SignInForm
          idPrefix="connexion"
          onSignIn={async (credentials) => {
            await api.compte.signIn.mutate(credentials);
            navigate("/", { replace: true });
          }}
        />
        <p class="muted">Mot de passe oublié ? L'administrateur de votre structure peut vous donner un nouveau lien pour le choisir.</p>
        <div class="card__footer">
          <p>Votre structure n'utilise pas encore Ancrage ?</p>
          <A href="/inscription" class="button button--secondary">
            Inscrire ma structure
          </A>
        </div>
      </div>
      <p class="page-footer-link">
        <A href="/plateforme">Espace plateforme</A>
      </p>
    </PublicLayout>
  );
}
