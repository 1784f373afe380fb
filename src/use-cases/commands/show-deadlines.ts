// `deadlines`: every deadline of the campaign, for coordinators; batch by batch when there is more than one.
import type { UseCase } from "../command-context.ts";

export const showDeadlines: UseCase<"deadlines"> = async ({ deps, input }) => ({
  kind: "deadlines",
  deadlines: deps.reader.deadlines(),
  batches: deps.reader.batches(),
  now: input.now,
});
