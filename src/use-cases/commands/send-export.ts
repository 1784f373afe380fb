// `export` (`export csv`): the status report, as `npm run export` makes it, to the coordinator's DM.
import { resultMessages as rm } from "../../messages/result-messages.ts";
import type { UseCase } from "../command-context.ts";
import { requireOutbox } from "../require-outbox.ts";

export const sendExport: UseCase<"export"> = async ({ deps, caller, input }, command) => {
  await requireOutbox(deps).sendExport(caller.userId, input.now, command.format);
  return { kind: "done", text: rm.exportSent(command.format) };
};
