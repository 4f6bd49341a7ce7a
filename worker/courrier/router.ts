import { router, staffProcedure } from "../trpc";
import { id, z } from "../validation";
import { listInteractions } from "./service";

/** Mail received and handed over, calls and visits (reference B.5). */
export const courrierRouter = router({
  history: staffProcedure("usager.read")
    .input(z.object({ usagerId: id, before: id.nullish() }))
    .query(({ ctx, input }) => listInteractions(ctx.db, ctx.caller, input.usagerId, input.before ?? null)),
});
