// `unit <unit>`: one unit in full, with its last 10 audit entries by name, for coordinators.
import { listAudit } from "../../store/audit-repository.ts";
import type { UseCase } from "../command-context.ts";

export const showUnit: UseCase<"unit"> = async ({ deps, input, unitOf }, command) => {
  const loaded = await unitOf(command.unit);
  const audit = await listAudit(deps.db, { unitId: loaded.unit.id, limit: 10, newestFirst: true });
  const contacts = (await deps.reader.snapshot()).units.flatMap((u) => u.contacts);
  const names = Object.fromEntries(contacts.flatMap((c) => (c.slackUserId ? [[c.slackUserId, c.name]] : [])));
  return { kind: "unit-detail", ...loaded, deadlines: await deps.reader.deadlines(), audit, names, now: input.now };
};
