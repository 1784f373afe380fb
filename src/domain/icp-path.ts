// The path of one ICP filing's cancellation (备案注销), step by step, and who may record which step.
// Center route (附件2 四): the access provider is the district telecom operator, the unit hands
// the signed 附件4 form to the center, the center files the cancellation. Self route (附件2 五):
// the unit does it itself, as any other checklist item. Unknown: the provider question comes first.
import { keywordOf } from "./command/normalize-text.ts";
import { DomainError } from "./errors.ts";
import type { ItemState } from "./model/tasks.ts";
import { CENTER_STEP_LABEL, SELF_STEP_LABEL, icpPathMessages as M } from "../messages/icp-filing-messages.ts";
import { CENTER_STEPS, SELF_STEPS, type CenterStep, type FilingActor, type FilingRequest, type FilingStep, type FilingWaitsOn, type IcpRoute, type SelfStep } from "./model/icp-steps.ts";
import { ErrorCode } from "./error-codes.ts";

export type FilingDecision =
  | {
      ok: true;
      step: FilingStep;
      changed: boolean;
      itemState: ItemState;
      /** A self-route cancellation's proof (the MIIT notice, a ticket number): the note given with "done". */
      evidence: string | null;
      warnings: string[];
      /** What the reply may suggest (adding the proof), not a problem. */
      hints: string[];
    }
  | { ok: false; error: DomainError };

/** The route follows the unit's answer to 是否区电信接入？ (`localTelecom`, null = not answered). */
export function routeForProvider(localTelecom: boolean | null): IcpRoute {
  return localTelecom === null ? "unknown" : localTelecom ? "center" : "self";
}

/** The first step of a filing on a route. */
export function initialFilingStep(route: IcpRoute): FilingStep {
  if (route === "center") return { route, step: "pending", blocked: false };
  if (route === "self") return { route, step: "todo", blocked: false };
  return { route, blocked: false };
}

const isCenterStep = (r: FilingRequest): r is CenterStep => (CENTER_STEPS as readonly string[]).includes(r);
const isSelfStep = (r: FilingRequest): r is SelfStep => (SELF_STEPS as readonly string[]).includes(r);
const fail = (code: ErrorCode, message: string): FilingDecision => ({ ok: false, error: new DomainError(code, message) });

function accept(from: FilingStep, to: FilingStep, warnings: string[] = []): FilingDecision {
  const changed = from.blocked !== to.blocked || ("step" in from && "step" in to && from.step !== to.step);
  return { ok: true, step: to, changed, itemState: itemStateOf(to), evidence: null, warnings, hints: [] };
}

function decideCenter(current: Extract<FilingStep, { route: "center" }>, actor: FilingActor, requested: FilingRequest): FilingDecision {
  if (requested === "blocked") {
    return current.step === "done" ? fail(ErrorCode.IcpDoneCannotBlock, M.doneCannotBlock) : accept(current, { ...current, blocked: true });
  }
  if (!isCenterStep(requested)) return fail(ErrorCode.IcpNotACenterStep, M.selfStepOnCenterRoute(SELF_STEP_LABEL[requested], actor));
  const to: FilingStep = { route: "center", step: requested, blocked: false };
  const from = CENTER_STEPS.indexOf(current.step);
  const target = CENTER_STEPS.indexOf(requested);
  const back = target < from ? [M.wentBack(CENTER_STEP_LABEL[current.step], CENTER_STEP_LABEL[requested])] : [];
  if (actor === "coordinator" || requested === current.step) return accept(current, to, back);
  // A contact records only the unit's own part: handing the form in, or taking that report back.
  const centerHasIt = from >= CENTER_STEPS.indexOf("received");
  if (requested === "received" || requested === "filed" || requested === "done") {
    return fail(ErrorCode.IcpCenterStep, M.centerStepForContact(requested, current.step));
  }
  if (centerHasIt) {
    return requested === "delivered"
      ? fail(ErrorCode.IcpAlreadyReceived, M.alreadyPastDelivered(current.step))
      : fail(ErrorCode.IcpCenterHasForm, M.contactCannotTakeBack(current.step));
  }
  return accept(current, to, back);
}

function decideSelf(
  current: Extract<FilingStep, { route: "self" }>,
  requested: FilingRequest,
  actor: FilingActor,
  note: string | undefined,
): FilingDecision {
  if (requested === "blocked") {
    const warnings = current.step === "done" ? [M.wasDone] : [];
    return accept(current, { ...current, blocked: true }, warnings);
  }
  if (!isSelfStep(requested)) return fail(ErrorCode.IcpNotASelfStep, M.centerStepOnSelfRoute(CENTER_STEP_LABEL[requested], actor));
  const warnings = current.step === "done" && requested !== "done" ? [M.wasDone] : [];
  const decision = accept(current, { route: "self", step: requested, blocked: false }, warnings);
  if (!decision.ok || requested !== "done") return decision;
  const evidence = note?.trim() || null;
  return { ...decision, evidence, hints: evidence ? [] : [M.evidenceHint] };
}

/**
 * Decides what recording `requested` on a filing makes of it; `note` is what came with it (on the
 * self route, "done" with a note records the proof). Nothing is written here: a refusal carries a
 * DomainError whose Chinese message says what to do instead.
 */
export function decideFilingStep(current: FilingStep, actor: FilingActor, requested: FilingRequest, note?: string): FilingDecision {
  switch (current.route) {
    case "unknown":
      return fail(ErrorCode.IcpProviderUnknown, M.answerProviderFirst);
    case "center":
      return decideCenter(current, actor, requested);
    case "self":
      return decideSelf(current, requested, actor, note);
  }
}

/**
 * What today's `/shutdown done|doing|todo|blocked icp` asks for on a filing. On the center route a
 * contact's "done" is their own part — the form handed in — and a coordinator's "done" the
 * cancellation confirmed; "doing" moves no step (filling the form in, or the center at work), and
 * "todo" means the form is not handed in.
 */
export function requestForItemState(current: FilingStep, actor: FilingActor, state: Exclude<ItemState, "na">): FilingRequest {
  if (state === "blocked" || current.route !== "center") return state;
  if (state === "done") return actor === "contact" ? "delivered" : "done";
  return state === "doing" ? current.step : "pending";
}

/** The checklist item's state while the filing is at a step; reminders and the digest read this. */
export function itemStateOf(step: FilingStep): ItemState {
  if (step.blocked) return "blocked";
  if (step.route === "unknown") return "todo";
  if (step.route === "self") return step.step;
  return step.step === "pending" ? "todo" : step.step === "done" ? "done" : "doing";
}

/** Whose move it is at a step. A unit whose form was handed in is no longer chased for it. */
export function filingWaitsOn(step: FilingStep): FilingWaitsOn {
  if (step.route === "unknown") return "provider_answer";
  if (step.step === "done") return "nobody";
  if (step.route === "self" || step.step === "pending") return "unit";
  return step.step === "filed" ? "authority" : "center";
}

/** Reminders chase the unit's contacts for this filing. */
export function chasesUnit(step: FilingStep): boolean {
  const on = filingWaitsOn(step);
  return on === "unit" || on === "provider_answer";
}

/**
 * Where a filing stands once the provider answer changes: progress carries over as far as the new
 * route has an equivalent (a form in the center's hands is work in progress for the unit).
 */
export function moveToRoute(step: FilingStep, route: IcpRoute): FilingStep {
  if (route === step.route) return step;
  const done = step.route !== "unknown" && step.step === "done";
  if (route === "unknown") return { route, blocked: step.blocked };
  if (route === "center") return { route, step: done ? "done" : "pending", blocked: step.blocked };
  const started = step.route === "center" && step.step !== "pending";
  return { route, step: done ? "done" : started || (step.route === "self" && step.step === "doing") ? "doing" : "todo", blocked: step.blocked };
}

/** Reads a step as the store keeps it ("pending", "filed", "todo" …), given the unit's route. */
export function readFilingStep(route: IcpRoute, stored: string, blocked: boolean): FilingStep | null {
  if (route === "unknown") return { route, blocked };
  if (route === "center") return (CENTER_STEPS as readonly string[]).includes(stored) ? { route, step: stored as CenterStep, blocked } : null;
  return (SELF_STEPS as readonly string[]).includes(stored) ? { route, step: stored as SelfStep, blocked } : null;
}

export const FILING_REQUEST_ALIASES: Record<FilingRequest, readonly string[]> = {
  pending: ["pending", "待提交", "未提交", "退回"],
  delivered: ["delivered", "已送达", "送达", "已送", "已交"],
  received: ["received", "已受理", "受理", "中心已受理", "已收到"],
  filed: ["filed", "已提交管局", "提交管局", "已报管局"],
  done: ["done", "完成", "已完成", "已注销"],
  todo: ["todo", "未开始"],
  doing: ["doing", "进行中"],
  blocked: ["blocked", "受阻", "遇到问题"],
};

/** A step word as people type it (`已送达`, `受理`, `filed`); undefined when it is not one. */
export function readFilingRequest(word: string): FilingRequest | undefined {
  const w = keywordOf(word.trim());
  return (Object.keys(FILING_REQUEST_ALIASES) as FilingRequest[]).find((k) => FILING_REQUEST_ALIASES[k].includes(w));
}
