// `deadlines`: every deadline of the campaign, for coordinators; batch by batch when there is more than one.
import type { UseCase } from "../command-context.ts";

export const showDeadlines: UseCase<"deadlines"> = async ({ deps, input }) => ({
  kind: "deadlines",
  deadlines: await deps.reader.deadlines(),
  batches: await deps.reader.batches(),
  now: input.now,
});
