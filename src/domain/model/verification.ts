// What the probes can verify, and the verdicts they give, by name.

/** The checklist items the probes can verify. `site` and `unbind` are per unit, `domain` per domain. */
export const VERIFIED_TASKS = ["site", "unbind", "domain"] as const;

export type VerifiedTask = (typeof VERIFIED_TASKS)[number];

/** 未核查 · 已核实 · 不符 · 无法判断 (labels in src/messages/verification-messages.ts). */
export const VERIFICATIONS = ["unverified", "confirmed", "contradicted", "inconclusive"] as const;

export type Verification = (typeof VERIFICATIONS)[number];
