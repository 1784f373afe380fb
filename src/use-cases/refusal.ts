// What a person is told when a request is refused: a rule broken, a retry seen, the store not free.
import { DomainError } from "../domain/errors.ts";
import { ErrorCode } from "../domain/error-codes.ts";
import { resultMessages as rm } from "../messages/result-messages.ts";
import { isAlreadyClaimed } from "../store/request-repository.ts";
import { isStoreBusy, isStoreFault, StoreMissingError } from "../store/transaction.ts";
import type { CommandResult } from "./command-result.ts";

/** The reply for an error a request may meet; undefined for one nobody expected (it is thrown on). */
export function refusalOf(error: unknown): CommandResult | undefined {
  if (error instanceof DomainError) return { kind: "error", code: error.code, message: error.message, hint: error.hint };
  if (isAlreadyClaimed(error)) return { kind: "unchanged", text: rm.duplicateRequest };
  if (isStoreBusy(error)) return { kind: "error", code: ErrorCode.StoreBusy, message: rm.storeBusy };
  if (error instanceof StoreMissingError) return { kind: "error", code: ErrorCode.StoreMissing, message: rm.storeMissing };
  if (isStoreFault(error)) return { kind: "error", code: ErrorCode.StoreFault, message: rm.storeFault };
  return undefined;
}
