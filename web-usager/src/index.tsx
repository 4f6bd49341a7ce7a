import { render } from "solid-js/web";
import { App } from "./App";
import { registerServiceWorker } from "./pwa";
import { navigate, path, ROUTES } from "./router";
import { finishPendingSignOut, maybeSignedIn } from "./session";
import "../../web-shared/base.css";
import "./styles.css";

// A sign-out made offline is sent to the server first.
void finishPendingSignOut();

const known = Object.values(ROUTES) as string[];
if (!known.includes(path())) navigate(ROUTES.signIn, { replace: true });
// Someone is signed in on this phone: straight to their space (not when a letter's QR code is opened).
else if (path() === ROUTES.signIn && maybeSignedIn() && !new URLSearchParams(location.search).has("login")) {
  navigate(ROUTES.dashboard, { replace: true });
}

render(() => <App />, document.getElementById("root")!);
registerServiceWorker();
