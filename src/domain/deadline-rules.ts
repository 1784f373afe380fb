// Moving a deadline: it must exist, and a window's end must come after its start.
import { ErrorCode } from "./error-codes.ts";
import { DomainError } from "./errors.ts";
import { formatDateTime } from "./model/calendar.ts";
import type { DeadlineRecord } from "./model/records.ts";
import { resultMessages as rm } from "../messages/result-messages.ts";

/** The deadline `key` names, if it may be moved to `at`; a DomainError that says why not otherwise. */
export function deadlineToMove(deadlines: readonly DeadlineRecord[], key: string, at: Date): DeadlineRecord {
  const deadline = deadlines.find((d) => d.key === key);
  if (!deadline) throw new DomainError(ErrorCode.UnknownDeadline, rm.unknownDeadline(key, deadlines.map((d) => d.key)));
  if (deadline.opensAt && at <= deadline.opensAt) {
    throw new DomainError(ErrorCode.DueBeforeOpen, rm.dueBeforeOpen(deadline.title, formatDateTime(deadline.opensAt)));
  }
  return deadline;
}
