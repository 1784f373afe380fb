import { describe, expect, it } from "vitest";
import { chasesUnit, decideFilingStep, filingWaitsOn, initialFilingStep, itemStateOf, moveToRoute, readFilingRequest, readFilingStep, requestForItemState, routeForProvider } from "../src/domain/icp-path.ts";
import { CENTER_STEPS, type CenterStep, type FilingActor, type FilingRequest, type FilingStep, type SelfStep } from "../src/domain/model/icp-steps.ts";
import { filingStepLabel } from "../src/messages/icp-filing-messages.ts";

const center = (step: CenterStep, blocked = false): FilingStep => ({ route: "center", step, blocked });
const self = (step: SelfStep, blocked = false): FilingStep => ({ route: "self", step, blocked });
const unknown: FilingStep = { route: "unknown", blocked: false };

type Row = [from: string, actor: FilingActor, requested: FilingRequest, outcome: string];

function describeStep(step: FilingStep): string {
  const at = step.route === "unknown" ? "unknown" : `${step.route}:${step.step}`;
  return step.blocked ? `${at}+blocked` : at;
}

function stepOf(text: string): FilingStep {
  const [at, flag] = text.split("+");
  const [route, step] = at!.split(":");
  const blocked = flag === "blocked";
  if (route === "center") return center(step as CenterStep, blocked);
  if (route === "self") return self(step as SelfStep, blocked);
  return { route: "unknown", blocked };
}

/** The outcome as a row writes it: the new step, "=" for no change, or the refusal's code. */
function outcome(from: FilingStep, actor: FilingActor, requested: FilingRequest): string {
  const d = decideFilingStep(from, actor, requested);
  if (!d.ok) return d.error.code;
  return d.changed ? describeStep(d.step) : "=";
}

describe("the center route: who may record which step, from which step", () => {
  const rows: Row[] = [
    // The contact hands the signed form in, and may take that report back while the center has not received it.
    ["center:pending", "contact", "delivered", "center:delivered"],
    ["center:delivered", "contact", "pending", "center:pending"],
    ["center:pending", "contact", "pending", "="],
    ["center:delivered", "contact", "delivered", "="],
    // The center's steps are not the contact's to record, whatever the step.
    ...CENTER_STEPS.flatMap((from): Row[] =>
      (["received", "filed", "done"] as const)
        .filter((to) => to !== from)
        .map((to): Row => [`center:${from}`, "contact", to, "icp_center_step"]),
    ),
    // Once the center has the form, the contact cannot take it back or report it again.
    ["center:received", "contact", "pending", "icp_center_has_form"],
    ["center:filed", "contact", "pending", "icp_center_has_form"],
    ["center:done", "contact", "pending", "icp_center_has_form"],
    ["center:received", "contact", "delivered", "icp_already_received"],
    ["center:filed", "contact", "delivered", "icp_already_received"],
    ["center:done", "contact", "delivered", "icp_already_received"],
    ["center:received", "contact", "received", "="],
    // A coordinator records any step from any step, backwards too.
    ["center:pending", "coordinator", "delivered", "center:delivered"],
    ["center:delivered", "coordinator", "received", "center:received"],
    ["center:pending", "coordinator", "received", "center:received"],
    ["center:received", "coordinator", "filed", "center:filed"],
    ["center:filed", "coordinator", "done", "center:done"],
    ["center:pending", "coordinator", "done", "center:done"],
    ["center:filed", "coordinator", "pending", "center:pending"],
    ["center:done", "coordinator", "received", "center:received"],
    ["center:filed", "coordinator", "filed", "="],
    // Self-route states are not steps of this route, for anyone.
    ["center:pending", "contact", "doing", "icp_not_a_center_step"],
    ["center:pending", "coordinator", "todo", "icp_not_a_center_step"],
    // A problem is reported on top of the step, by either, until the cancellation is confirmed.
    ["center:pending", "contact", "blocked", "center:pending+blocked"],
    ["center:received", "contact", "blocked", "center:received+blocked"],
    ["center:filed", "coordinator", "blocked", "center:filed+blocked"],
    ["center:done", "contact", "blocked", "icp_done_cannot_block"],
    ["center:done", "coordinator", "blocked", "icp_done_cannot_block"],
    ["center:pending+blocked", "contact", "blocked", "="],
    // Recording a step clears the problem, the step it is already at included.
    ["center:pending+blocked", "contact", "pending", "center:pending"],
    ["center:pending+blocked", "contact", "delivered", "center:delivered"],
    ["center:received+blocked", "coordinator", "filed", "center:filed"],
    ["center:received+blocked", "contact", "received", "center:received"],
  ];
  it.each(rows)("%s, %s records %s → %s", (from, actor, requested, expected) => {
    expect(outcome(stepOf(from), actor, requested)).toBe(expected);
  });
});

describe("the self route: today's item states, for contact and coordinator alike", () => {
  const rows: Row[] = (["contact", "coordinator"] as const).flatMap((actor): Row[] => [
    ["self:todo", actor, "doing", "self:doing"],
    ["self:doing", actor, "done", "self:done"],
    ["self:todo", actor, "done", "self:done"],
    ["self:done", actor, "doing", "self:doing"],
    ["self:done", actor, "todo", "self:todo"],
    ["self:doing", actor, "doing", "="],
    ["self:doing", actor, "blocked", "self:doing+blocked"],
    ["self:done", actor, "blocked", "self:done+blocked"],
    ["self:doing+blocked", actor, "done", "self:done"],
    ...(["pending", "delivered", "received", "filed"] as const).map((to): Row => ["self:todo", actor, to, "icp_not_a_self_step"]),
  ]);
  it.each(rows)("%s, %s records %s → %s", (from, actor, requested, expected) => {
    expect(outcome(stepOf(from), actor, requested)).toBe(expected);
  });
});

describe("the self route's proof of cancellation", () => {
  it("is the note given with done", () => {
    const d = decideFilingStep(self("doing"), "contact", "done", "  工单号 JS20270622-0031 ");
    expect(d.ok && [d.evidence, d.hints]).toEqual(["工单号 JS20270622-0031", []]);
  });

  it("is optional: without it the reply may suggest adding it", () => {
    const d = decideFilingStep(self("doing"), "contact", "done");
    expect(d.ok && d.evidence).toBeNull();
    expect(d.ok && d.hints[0]).toContain("工信部的注销通知或办理工单号");
  });

  it("is recorded only when the cancellation is done", () => {
    const d = decideFilingStep(self("todo"), "contact", "doing", "已联系服务商");
    expect(d.ok && [d.evidence, d.hints]).toEqual([null, []]);
    const c = decideFilingStep(center("filed"), "coordinator", "done", "管局已注销");
    expect(c.ok && c.evidence).toBeNull();
  });
});

describe("an unknown provider: the question comes first", () => {
  it.each((["contact", "coordinator"] as const).flatMap((actor) =>
    (["pending", "delivered", "received", "filed", "done", "todo", "doing", "blocked"] as const).map((r) => [actor, r] as const),
  ))("%s recording %s is asked 是否区电信接入？", (actor, requested) => {
    const d = decideFilingStep(unknown, actor, requested);
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.error.code).toBe("icp_provider_unknown");
    expect(d.error.message).toContain("是否区电信接入？");
    expect(d.error.message).toContain("/shutdown set provider local");
    expect(d.error.message).toContain("/shutdown set provider other");
  });
});

describe("a refusal says what to do instead", () => {
  it.each([
    [center("pending"), "contact", "done", ["联系人不用操作", "/shutdown icp 已送达", "C栋417室"]],
    [center("delivered"), "contact", "received", ["联系人不用操作", "中心确认收到后会更新"]],
    [center("filed"), "contact", "done", ["当前：已提交管局"]],
    [center("received"), "contact", "pending", ["不能再改回", "82900326"]],
    [center("received"), "contact", "delivered", ["不需要再报告"]],
    [center("pending"), "contact", "doing", ["待提交 → 已送达 → 中心已受理 → 已提交管局 → 完成", "/shutdown icp 已送达"]],
    [center("pending"), "coordinator", "doing", ["/shutdown <单位> icp 已受理"]],
    [self("todo"), "contact", "delivered", ["自行办理", "/shutdown done icp"]],
    [self("todo"), "coordinator", "received", ["set provider local"]],
    [center("done"), "contact", "blocked", ["已完成"]],
  ] as const)("%o: %s records %s", (from, actor, requested, phrases) => {
    const d = decideFilingStep(from, actor, requested);
    expect(d.ok).toBe(false);
    for (const phrase of phrases) expect(!d.ok && d.error.message).toContain(phrase);
  });

  it("warns when a step goes back", () => {
    const d = decideFilingStep(center("filed"), "coordinator", "pending");
    expect(d.ok && d.warnings).toEqual(["注意：进度由「已提交管局」退回到「待提交」。"]);
    const forward = decideFilingStep(center("received"), "coordinator", "filed");
    expect(forward.ok && forward.warnings).toEqual([]);
  });

  it("warns when a finished self-route filing is reopened", () => {
    const d = decideFilingStep(self("done"), "contact", "doing");
    expect(d.ok && d.warnings[0]).toContain("原为「已完成」");
  });
});

describe("a step as the checklist item shows it, and whose move it is", () => {
  it.each([
    [unknown, "todo", "provider_answer", true],
    [center("pending"), "todo", "unit", true],
    // A unit whose form is handed in is no longer chased for it.
    [center("delivered"), "doing", "center", false],
    [center("received"), "doing", "center", false],
    [center("filed"), "doing", "authority", false],
    [center("done"), "done", "nobody", false],
    [center("pending", true), "blocked", "unit", true],
    [center("received", true), "blocked", "center", false],
    [self("todo"), "todo", "unit", true],
    [self("doing"), "doing", "unit", true],
    [self("done"), "done", "nobody", false],
    [self("doing", true), "blocked", "unit", true],
  ] as const)("%o is %s, waits on %s (chased: %s)", (step, state, waitsOn, chased) => {
    expect(itemStateOf(step)).toBe(state);
    expect(filingWaitsOn(step)).toBe(waitsOn);
    expect(chasesUnit(step)).toBe(chased);
  });

  it("gives the decision the item state of the new step", () => {
    const d = decideFilingStep(center("pending"), "contact", "delivered");
    expect(d.ok && d.itemState).toBe("doing");
  });

  it.each([
    [center("received"), "中心已受理"],
    [center("pending", true), "待提交（受阻）"],
    [self("doing"), "进行中"],
    [unknown, "待确认接入服务商"],
  ] as const)("%o reads 「%s」", (step, label) => {
    expect(filingStepLabel(step)).toBe(label);
  });
});

describe("today's /shutdown done|doing|todo|blocked icp on a filing", () => {
  it.each([
    [center("pending"), "contact", "done", "delivered"],
    [center("pending"), "coordinator", "done", "done"],
    [center("delivered"), "contact", "doing", "delivered"],
    [center("pending"), "contact", "doing", "pending"],
    [center("received"), "coordinator", "doing", "received"],
    [center("delivered"), "contact", "todo", "pending"],
    [center("received"), "contact", "blocked", "blocked"],
    [self("todo"), "contact", "done", "done"],
    [self("todo"), "contact", "doing", "doing"],
    [unknown, "contact", "done", "done"],
  ] as const)("%o, %s types %s: asks for %s", (step, actor, state, request) => {
    expect(requestForItemState(step, actor, state)).toBe(request);
  });

  it("a contact's `done icp` after handing the form in changes nothing and says nothing is lost", () => {
    const step = center("delivered");
    const d = decideFilingStep(step, "contact", requestForItemState(step, "contact", "done"));
    expect(d.ok && d.changed).toBe(false);
  });

  it("a contact's `done icp` after the center received the form is told it need not report again", () => {
    const step = center("received");
    const d = decideFilingStep(step, "contact", requestForItemState(step, "contact", "done"));
    expect(!d.ok && d.error.code).toBe("icp_already_received");
  });
});

describe("the route follows the provider answer", () => {
  it.each([
    [true, "center", "center:pending"],
    [false, "self", "self:todo"],
    [null, "unknown", "unknown"],
  ] as const)("localTelecom %s: %s, starting at %s", (localTelecom, route, first) => {
    expect(routeForProvider(localTelecom)).toBe(route);
    expect(describeStep(initialFilingStep(route))).toBe(first);
  });

  it.each([
    ["center:pending", "self", "self:todo"],
    ["center:delivered", "self", "self:doing"],
    ["center:filed", "self", "self:doing"],
    ["center:done", "self", "self:done"],
    ["center:received+blocked", "self", "self:doing+blocked"],
    ["self:todo", "center", "center:pending"],
    ["self:doing", "center", "center:pending"],
    ["self:done", "center", "center:done"],
    ["center:filed", "unknown", "unknown"],
    ["unknown", "center", "center:pending"],
    ["unknown", "self", "self:todo"],
    ["self:doing", "self", "self:doing"],
  ] as const)("%s moved to %s is %s", (from, route, to) => {
    expect(describeStep(moveToRoute(stepOf(from), route))).toBe(to);
  });

  it.each([
    ["center", "filed", "center:filed"],
    ["self", "doing", "self:doing"],
    ["unknown", "pending", "unknown"],
  ] as const)("a stored %s step %s reads as %s", (route, stored, step) => {
    expect(describeStep(readFilingStep(route, stored, false)!)).toBe(step);
  });

  it("a stored step of the other route is not read as one", () => {
    expect(readFilingStep("center", "doing", false)).toBeNull();
    expect(readFilingStep("self", "received", false)).toBeNull();
  });
});

describe("step words as people type them", () => {
  it.each([
    ["已送达", "delivered"],
    ["送达", "delivered"],
    ["受理", "received"],
    ["中心已受理", "received"],
    ["已提交管局", "filed"],
    ["FILED", "filed"],
    ["ｒｅｃｅｉｖｅｄ", "received"],
    ["完成", "done"],
    ["退回", "pending"],
    ["受阻", "blocked"],
    ["进行中", "doing"],
  ] as const)("%s is %s", (word, request) => {
    expect(readFilingRequest(word)).toBe(request);
  });

  it("other words are not steps", () => {
    expect(readFilingRequest("差不多了")).toBeUndefined();
  });
});
