import * as z from "zod";
import { router, staffProcedure } from "../trpc";
import { id } from "../validation";
import { listJournal } from "./service";

export const journalRouter = router({
  list: staffProcedure("journal.read")
    .input(z.object({ before: id.nullish() }))
    .query(({ ctx, input }) => listJournal(ctx.db, ctx.staff.structureId, input.before ?? null)),
});
