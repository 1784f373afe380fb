// A `status` asked again before anything changed is the same reply, made once from the records
// the readers keep; any change, another day or another asker's prefix makes it anew.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand, type CommandDeps } from "../src/use-cases/run-command.ts";
import { renderCommandResult } from "../src/slack/blocks/command-reply-blocks.ts";
import { statusMessage } from "../src/slack/blocks/status-blocks.ts";
import { listDeadlines } from "../src/store/campaign-repository.ts";
import { loadUnitWithItems } from "../src/store/unit-repository.ts";
import type { SlackMessage } from "../src/slack/blocks/slack-message.ts";
import { createTestStore, type TestStore } from "./helpers/test-store.ts";

const COORD = "U0COORD";
const JUNE_10 = new Date(Date.UTC(2027, 5, 10, 2, 0));
const JUNE_11 = new Date(Date.UTC(2027, 5, 11, 2, 0));
let store: TestStore;
let asked = 0;

async function reply(userId: string, text: string, now = JUNE_10): Promise<SlackMessage> {
  const deps: CommandDeps = { db: store.db, reader: store.reader, envCoordinators: [COORD], userName: async (id) => `名${id}` };
  const result = await runCommand(deps, { userId, text, now, source: "slash", requestKey: `status-kept-${asked++}`, replyOf: () => "" });
  if (result.kind === "error") throw new Error(`${text}: ${result.message}`);
  return renderCommandResult(result);
}

beforeAll(async () => {
  store = await createTestStore();
  for (const text of ["assign jtda <@U0A>", "assign jtsf <@U0A>", "assign jtga <@U0G>"]) await reply(COORD, text);
});
afterAll(async () => {
  await store.cleanup();
});

describe("the status reply made from kept records", () => {
  it("is the same message when asked again with nothing changed, and frozen", async () => {
    const first = await reply("U0G", "status");
    expect(await reply("U0G", "status")).toBe(first);
    expect(Object.isFrozen(first.blocks[0])).toBe(true);
  });

  it("is made anew after a change, and shows it", async () => {
    const before = await reply("U0G", "status");
    await reply("U0G", "blocked column 等模板");
    const after = await reply("U0G", "status");
    expect(after).not.toBe(before);
    expect(JSON.stringify(after.blocks)).toContain("等模板");
    expect(JSON.stringify(before.blocks)).not.toContain("等模板");
  });

  it("is made anew on another day, with that day's count", async () => {
    const today = await reply("U0G", "status", JUNE_10);
    const tomorrow = await reply("U0G", "status", JUNE_11);
    expect(tomorrow).not.toBe(today);
    expect(JSON.stringify(today.blocks)).toContain("还剩 10 天");
    expect(JSON.stringify(tomorrow.blocks)).toContain("还剩 9 天");
    expect(await reply("U0G", "status", JUNE_10)).toEqual(today);
  });

  it("differs by the commands' prefix: a coordinator's commands name the unit, its own contact's do not", async () => {
    const contacts = await reply("U0G", "status");
    const coordinators = await reply(COORD, "jtga status");
    expect(coordinators).not.toBe(contacts);
    expect(JSON.stringify(contacts.blocks)).toContain("`/shutdown done column`");
    expect(JSON.stringify(coordinators.blocks)).toMatch(/`\/shutdown \S+ done column`/);
  });

  it("is made every time from records that are not frozen, which may still change", async () => {
    const { unit, items } = (await loadUnitWithItems(store.db, "jtga"))!;
    const deadlines = await listDeadlines(store.db);
    const first = statusMessage(unit, items, deadlines, JUNE_10);
    items[0] = { ...items[0]!, note: "改过的备注" };
    const second = statusMessage(unit, items, deadlines, JUNE_10);
    expect(second).not.toBe(first);
    expect(JSON.stringify(second.blocks)).toContain("改过的备注");
  });
});
