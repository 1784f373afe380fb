// `deadline <key> <time>`: a coordinator moves a deadline; every contact with unfinished work
// under it is told by DM once the reply is out.
import { deadlineToMove } from "../../domain/deadline-rules.ts";
import { formatDateTime } from "../../domain/model/calendar.ts";
import { contactsWithWorkUnder } from "../../domain/pending-work.ts";
import { resultMessages as rm } from "../../messages/result-messages.ts";
import { moveDeadline as writeDeadline } from "../../store/change-repository.ts";
import type { UseCase } from "../command-context.ts";

export const moveDeadline: UseCase<"deadline"> = async ({ deps, who, write }, command) => {
  const deadline = deadlineToMove(await deps.reader.deadlines(), command.key, command.at);
  // NOTE: with more than one batch, the reply says whose deadline it moved.
  const batches = await deps.reader.batches();
  const batch = batches.find((b) => b.id === deadline.batchId);
  const title = batches.length > 1 && batch ? rm.batchDeadlineTitle(batch.name, deadline.title) : deadline.title;
  const told = deps.outbox ? contactsWithWorkUnder(await deps.reader.snapshot(), deadline).length : 0;
  return write(async (tx) => {
    const moved = await writeDeadline(tx, deadline.key, command.at, who);
    if (!moved) return { kind: "unchanged", text: rm.deadlineUnchanged(title) };
    return {
      kind: "done",
      text: rm.deadlineMoved(title, formatDateTime(moved.from), formatDateTime(command.at), told),
      followUps: deps.outbox ? [{ kind: "deadline-moved", deadlineKey: deadline.key, from: moved.from, to: command.at }] : undefined,
    };
  });
};
