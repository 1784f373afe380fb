// `form`: the unit's whole checklist in a modal (the listener opens it).
import { targetUnit } from "../../domain/access.ts";
import type { UseCase } from "../command-context.ts";

export const openForm: UseCase<"form"> = async ({ caller, unitOf }, command) => ({ kind: "form", ...(await unitOf(targetUnit(caller, command.unit, "form"))) });
