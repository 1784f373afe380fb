// An item's verification as people see it, from its stored row and its latest acceptance.
import type { ItemVerificationView, Verification, VerificationAcceptance } from "../domain/model/verification.ts";

export interface VerificationRow {
  verification: Verification;
  summary: string | null;
  advice: string | null;
  observedAt: Date | null;
  verifiedAt: Date | null;
  changedAt: Date | null;
}

/** What an item's verification shows; null when it was never probed nor accepted. */
export function toVerificationView(
  row: VerificationRow | undefined | null,
  accepted: VerificationAcceptance | undefined | null,
): ItemVerificationView | null {
  if (!row && !accepted) return null;
  return {
    verification: row?.verification ?? "unverified",
    summary: row?.summary ?? null,
    advice: row?.advice ?? null,
    observedAt: row?.observedAt ?? null,
    verifiedAt: row?.verifiedAt ?? null,
    changedAt: row?.changedAt ?? null,
    accepted: accepted ?? null,
  };
}

