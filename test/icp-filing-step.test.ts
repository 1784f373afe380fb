// A stored filing read as a step of its route, and written back: pure, table-driven.
import { describe, expect, it } from "vitest";
import { chasedByUnit, filingStepOf, initialStoredStep, storedStepOf } from "../src/domain/icp-filing-step.ts";
import type { FilingRecord, ItemRecord } from "../src/domain/model/records.ts";
import type { ItemState } from "../src/domain/model/tasks.ts";

describe("filingStepOf", () => {
  it.each<[boolean | null, string, ItemState, object]>([
    [true, "pending", "todo", { route: "center", step: "pending", blocked: false }],
    [true, "received", "doing", { route: "center", step: "received", blocked: false }],
    [true, "delivered", "blocked", { route: "center", step: "delivered", blocked: true }],
    // the answer changed to 区电信: an own-route step carries over as far as it can
    [true, "doing", "doing", { route: "center", step: "pending", blocked: false }],
    [true, "done", "done", { route: "center", step: "done", blocked: false }],
    [false, "todo", "todo", { route: "self", step: "todo", blocked: false }],
    // the answer changed to other: a form in the center's hands is work in progress
    [false, "received", "doing", { route: "self", step: "doing", blocked: false }],
    [false, "pending", "todo", { route: "self", step: "todo", blocked: false }],
    [null, "todo", "doing", { route: "unknown", blocked: false }],
  ])("provider %s, stored %s, item %s", (provider, stored, state, expected) => {
    expect(filingStepOf(provider, stored, state)).toEqual(expected);
  });

  it.each<[boolean | null, string]>([
    [true, "pending"],
    [false, "todo"],
    [null, "todo"],
  ])("starts a filing of a unit whose answer is %s at %s", (provider, stored) => {
    expect(initialStoredStep(provider)).toBe(stored);
  });

  it("stores the item's state while the provider is unknown, the step otherwise", () => {
    expect(storedStepOf({ route: "unknown", blocked: false }, "doing")).toBe("doing");
    expect(storedStepOf({ route: "unknown", blocked: true }, "blocked")).toBe("todo");
    expect(storedStepOf({ route: "center", step: "filed", blocked: false }, "doing")).toBe("filed");
  });
});

describe("chasedByUnit", () => {
  const item = (id: number, state: ItemState): ItemRecord => ({
    id, key: `u/icp${id}`, unitId: 1, batchId: 1, task: "icp", domain: null, isSubdomain: false, state, method: null, note: null, expectedBy: null, updatedAt: null, updatedBy: null,
  });
  const filing = (itemId: number, step: string): FilingRecord => ({
    id: itemId, unitId: 1, ordinal: itemId, itemId, itemKey: `u/icp${itemId}`, number: null, domains: [], sponsorName: null, reason: null, step, stepAt: null, stepBy: null,
  });
  it.each<[boolean | null, string, ItemState, boolean]>([
    [true, "pending", "todo", true],
    [true, "delivered", "doing", false],
    [true, "received", "doing", false],
    [true, "filed", "doing", false],
    [true, "pending", "blocked", true],
    [false, "doing", "doing", true],
    [null, "todo", "todo", true],
  ])("provider %s, step %s, item %s: chased %s", (provider, step, state, chased) => {
    expect(chasedByUnit([filing(1, step)], [{ id: 1, localTelecom: provider }])(item(1, state))).toBe(chased);
  });
});
