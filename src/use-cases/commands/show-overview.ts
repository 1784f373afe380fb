// `overview`: every unit at a glance, for coordinators.
import type { UseCase } from "../command-context.ts";

export const showOverview: UseCase<"overview"> = async ({ deps, input }) => ({ kind: "overview", snapshot: await deps.reader.snapshot(), now: input.now });
