import { compteRouter } from "./compte/router";
import { courrierRouter } from "./courrier/router";
import { documentsRouter } from "./documents/router";
import { equipeRouter } from "./equipe/router";
import { journalRouter } from "./journal/router";
import { plateformeRouter } from "./plateforme/router";
import { monEspaceRouter, portailRouter } from "./portail/router";
import { structuresRouter } from "./structures/router";
import { router } from "./trpc";
import { usagersRouter } from "./usagers/router";

export const appRouter = router({
  compte: compteRouter,
  structures: structuresRouter,
  equipe: equipeRouter,
  journal: journalRouter,
  plateforme: plateformeRouter,
  usagers: usagersRouter,
  documents: documentsRouter,
  courrier: courrierRouter,
  portail: portailRouter,
  monEspace: monEspaceRouter,
});

/** The only thing the frontends import from the Worker: the router's type. */
export type AppRouter = typeof appRouter;
