// `deadlines`: every deadline of the campaign, for coordinators.
import type { UseCase } from "../command-context.ts";

export const showDeadlines: UseCase<"deadlines"> = async ({ deps, input }) => ({ kind: "deadlines", deadlines: await deps.reader.deadlines(), now: input.now });
