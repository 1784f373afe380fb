// What the probes can verify, and the verdicts they give, by name.

/** The checklist items the probes can verify. `site` and `unbind` are per unit, `domain` per domain. */
export const VERIFIED_TASKS = ["site", "unbind", "domain"] as const;

export type VerifiedTask = (typeof VERIFIED_TASKS)[number];

/** 未核查 · 已核实 · 不符 · 无法判断 (labels in src/messages/verification-messages.ts). */
export const VERIFICATIONS = ["unverified", "confirmed", "contradicted", "inconclusive"] as const;

export type Verification = (typeof VERIFICATIONS)[number];

/** A coordinator's judgement over the probes (/shutdown accept). */
export interface VerificationAcceptance {
  by: string;
  reason: string;
  at: Date;
}

/** What an item's verification shows beside the state its contact reported. */
export interface ItemVerificationView {
  verification: Verification;
  /** The last evidence in one line: "6月22日 10:00 jtda.gov.cn 仍可访问（HTTP 200，标题「金坛档案局」）". */
  summary: string | null;
  /** What the contact should do when the probes say it is not done. */
  advice: string | null;
  observedAt: Date | null;
  /** When it became 已核实. */
  verifiedAt: Date | null;
  /** When the verification last changed. */
  changedAt: Date | null;
  accepted: VerificationAcceptance | null;
}

export function isVerifiedTask(task: string): task is VerifiedTask {
  return (VERIFIED_TASKS as readonly string[]).includes(task);
}
