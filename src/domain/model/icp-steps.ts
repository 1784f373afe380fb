// The steps of an ICP filing's cancellation (备案注销), by name; src/domain/icp-path.ts says who may record which.

export type IcpRoute = "center" | "self" | "unknown";

export const CENTER_STEPS = ["pending", "delivered", "received", "filed", "done"] as const;

/** 待提交 → 已送达 → 中心已受理 → 已提交管局 → 完成 */
export type CenterStep = (typeof CENTER_STEPS)[number];

export const SELF_STEPS = ["todo", "doing", "done"] as const;

export type SelfStep = (typeof SELF_STEPS)[number];

/** Where a filing stands. `blocked` is a problem reported on top of the step (with a reason, as today). */
export type FilingStep =
  | { route: "unknown"; blocked: boolean }
  | { route: "center"; step: CenterStep; blocked: boolean }
  | { route: "self"; step: SelfStep; blocked: boolean };

/** What someone asks to record: a step of either route, or a problem. */
export type FilingRequest = CenterStep | SelfStep | "blocked";

export type FilingActor = "contact" | "coordinator";

/** Whose move it is: reminders chase the unit only for `provider_answer` and `unit`. */
export type FilingWaitsOn = "provider_answer" | "unit" | "center" | "authority" | "nobody";
