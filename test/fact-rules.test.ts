// Every rule by which a unit's facts decide its items, as a table.
import { describe, expect, it } from "vitest";
import { decideFactChanges, SYSTEM_ACTOR } from "../src/domain/fact-rules.ts";
import type { ItemRecord, UnitFacts } from "../src/domain/model/records.ts";
import type { ItemState, TaskKey } from "../src/domain/model/tasks.ts";

const facts = (f: Partial<UnitFacts>): UnitFacts => ({ icpNumber: null, sponsorName: null, localTelecom: null, secondLevel: null, migrateData: null, ...f });
const item = (task: TaskKey, state: ItemState, updatedBy: string | null): ItemRecord => ({
  id: 1, key: `jtda/${task}`, unitId: 1, batchId: 1, task, domain: null, isSubdomain: false, state, method: null,
  note: null, expectedBy: null, updatedAt: updatedBy ? new Date() : null, updatedBy,
});

type Fact = "secondLevel" | "migrateData";
const TASK_OF: Record<Fact, TaskKey> = { secondLevel: "ipicp", migrateData: "backup" };
const NOTE_OF: Record<Fact, string> = { secondLevel: "没有二级域名系统", migrateData: "没有数据需要迁移" };

describe("a unit's facts decide its items", () => {
  it.each<[Fact, boolean | null, ItemState, string | null, "na" | "todo" | null, "na" | "todo" | null]>([
    // fact, value, item state, last reported by, the system makes it, kept and said because a person reported it
    ["secondLevel", false, "todo", null, "na", null],
    ["secondLevel", false, "todo", SYSTEM_ACTOR, "na", null],
    ["secondLevel", false, "doing", "U0WANG", null, "na"],
    ["secondLevel", false, "blocked", "U0WANG", null, "na"],
    ["secondLevel", false, "done", "U0WANG", null, "na"],
    ["secondLevel", false, "na", "U0WANG", null, null],
    ["secondLevel", false, "na", SYSTEM_ACTOR, null, null],
    ["secondLevel", true, "na", SYSTEM_ACTOR, "todo", null],
    ["secondLevel", null, "na", SYSTEM_ACTOR, "todo", null],
    ["secondLevel", true, "na", "U0WANG", null, "todo"],
    ["secondLevel", null, "na", "U0WANG", null, null],
    ["secondLevel", true, "todo", null, null, null],
    ["secondLevel", true, "doing", "U0WANG", null, null],
    ["migrateData", false, "todo", null, "na", null],
    ["migrateData", false, "doing", "U0WANG", null, "na"],
    ["migrateData", true, "na", SYSTEM_ACTOR, "todo", null],
    ["migrateData", null, "na", SYSTEM_ACTOR, "todo", null],
    ["migrateData", true, "na", "cli:admin", null, "todo"],
  ])("%s=%s, %s by %s → system %s, kept %s", (fact, value, state, by, made, kept) => {
    const task = TASK_OF[fact];
    const items = [item(task, state, by), item(task === "ipicp" ? "backup" : "ipicp", "todo", null)];
    const outcome = decideFactChanges(facts({ [fact]: value }), items);
    expect(outcome.changes.map((c) => [c.item.task, c.state])).toEqual(made ? [[task, made]] : []);
    expect(outcome.kept.map((k) => [k.item.task, k.wanted])).toEqual(kept ? [[task, kept]] : []);
    if (made === "na") expect(outcome.changes[0]?.note).toBe(NOTE_OF[fact]);
    if (made === "todo") expect(outcome.changes[0]?.note).toBeNull();
  });

  it("touches no other task", () => {
    const tasks: TaskKey[] = ["column", "site", "unbind", "domain", "icp"];
    const outcome = decideFactChanges(facts({ secondLevel: false, migrateData: false, localTelecom: false }), tasks.map((t) => item(t, "todo", null)));
    expect(outcome).toEqual({ changes: [], kept: [] });
  });
});
