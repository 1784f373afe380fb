import type { ErrorCode } from "./error-codes.ts";

/** A rule of the campaign was broken; `message` is Chinese and says what to do instead. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
