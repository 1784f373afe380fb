// An item's verification as people see it, from its stored row and its latest acceptance.
import type { ItemVerificationView, VerificationAcceptance } from "../domain/model/verification.ts";

/** The stored verification of an item: the view without the acceptance, which has its own table. */
export type VerificationRow = Omit<ItemVerificationView, "accepted">;

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

