// One note limit on every surface: the slash command, the reason modal, the checklist form and
// the unit sheet refuse longer text in Chinese and write nothing; a note stored before the
// limit still opens a form Slack accepts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOTE_MAX_LENGTH } from "../src/domain/text-limits.ts";
import { parseUnitSheet, UNIT_COLUMNS } from "../src/units/units-csv.ts";
import { registerContact, startBotFixture, type BotFixture } from "./helpers/bot-fixture.ts";

let f: BotFixture;
const WANG = "U0WANG"; // 档案局

beforeAll(async () => {
  f = await startBotFixture();
  await registerContact(f, WANG, "王芳", ["jtda"]);
});
afterAll(async () => {
  await f.close();
});

const item = (key: string) => f.store.db.checklistItem.findUniqueOrThrow({ where: { key } });
const modals = () => f.slack.views().filter((v) => v.type === "modal");
const tooLong = "很".repeat(NOTE_MAX_LENGTH + 1);

async function waitFor(what: string, probe: () => boolean | Promise<boolean>) {
  const deadline = Date.now() + 10_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("a note longer than the limit", () => {
  it("is refused after a slash command, with the limit and the command to type, and nothing is written", async () => {
    const before = await f.exportJson();
    const reply = await f.slash(WANG, `blocked icp ${tooLong}`);
    expect(reply.all).toContain(`备注或原因最多 ${NOTE_MAX_LENGTH} 个字，这次写了 ${NOTE_MAX_LENGTH + 1} 个字，没有记录`);
    // As mrkdwn: the angle brackets of the hint are shown, not read as a link.
    expect(reply.all).toContain(`例如：/shutdown 档案局 blocked icp &lt;不超过 ${NOTE_MAX_LENGTH} 字的说明&gt;`);
    expect(await f.exportJson()).toBe(before);
    const ok = await f.slash(WANG, `blocked icp ${"很".repeat(NOTE_MAX_LENGTH)}`);
    expect(ok.all).toContain("已记录");
  });

  it("is refused in the reason modal next to its field", async () => {
    const status = await f.slash(WANG, "status");
    const count = modals().length;
    await f.clickInReply(WANG, status, "item_blocked", "jtda/site");
    await waitFor("the reason modal", () => modals().length > count);
    const reason = JSON.stringify(modals().at(-1)!.view);
    expect(reason).toContain(`"max_length":${NOTE_MAX_LENGTH}`);
    const res = await f.submitLastView(WANG, { reason: { value: tooLong } });
    expect(res.body).toMatchObject({ response_action: "errors", errors: { reason: expect.stringContaining(`最多 ${NOTE_MAX_LENGTH} 个字`) } });
    expect((await item("jtda/site")).state).toBe("todo");
  });

  it("is refused in the checklist form next to the note, and nothing is written", async () => {
    await f.slash(WANG, "form");
    const before = await f.exportJson();
    const res = await f.submitLastView(WANG, { "state:jtda/column": { value: "doing" }, "note:jtda/column": { value: tooLong } });
    expect(res.body).toMatchObject({ response_action: "errors", errors: { "note:jtda/column": expect.stringContaining(`最多 ${NOTE_MAX_LENGTH} 个字`) } });
    expect(await f.exportJson()).toBe(before);
  });

  it("stored before the limit, still opens a form Slack accepts, and stays whole when sent back unchanged", async () => {
    const legacy = "旧".repeat(600);
    await f.store.db.checklistItem.update({ where: { key: "jtda/backup" }, data: { state: "blocked", note: legacy } });
    await f.slash(WANG, "form");
    const form = modals().at(-1)!.view as { blocks: { block_id?: string; element?: { max_length?: number; initial_value?: string } }[] };
    const note = form.blocks.find((b) => b.block_id === "note:jtda/backup")!.element!;
    expect(note.initial_value!.length).toBeLessThanOrEqual(note.max_length!);
    expect(note.initial_value!.endsWith("…")).toBe(true);
    const res = await f.submitLastView(WANG, {});
    expect(res.status).toBe(200);
    expect((await item("jtda/backup")).note).toBe(legacy);
  });
});

describe("names in the unit sheet", () => {
  it("are refused over 100 characters, naming the row and the column", () => {
    const row = Object.fromEntries(UNIT_COLUMNS.map((c) => [c, ""])) as Record<string, string>;
    Object.assign(row, { unit_key: "jtda", contact_name: "名".repeat(101), sponsor_name: "主".repeat(101) });
    const parsed = parseUnitSheet({ header: [...UNIT_COLUMNS], rows: [{ row: 2, cells: UNIT_COLUMNS.map((c) => row[c]!) }] }, new Map([["jtda", { name: "档案局" }]]));
    expect(parsed).toEqual({
      ok: false,
      problems: ["第2行 列sponsor_name：最多 100 个字，这里有 101 个字", "第2行 列contact_name：最多 100 个字，这里有 101 个字"],
    });
  });
});
