// Reminders and the digest follow each filing's step: the provider question comes before a unit's
// first ICP reminder (two buttons), a form handed in is not chased, the digest counts filings per
// step with the center's queue; `npm run forms` writes the documents. Real bot, real store, real CLI.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bareEnvironment } from "../src/config/environment.ts";
import { planReminders } from "../src/domain/reminder-planner.ts";
import { runReminderPass } from "../src/schedule/reminder-pass.ts";
import { readSnapshot } from "../src/store/campaign-repository.ts";
import { COORDINATOR, registerContact, startBotFixture, type BotFixture } from "./helpers/bot-fixture.ts";
import { readDocx } from "./helpers/docx-xml.ts";
import { nodeArgs } from "./helpers/entry-point.ts";

const run = promisify(execFile);
let f: BotFixture;
const WANG = "U0WANG"; // 档案局
const GA = "U0GA"; // 区公安分局
const SHUTDOWN_DAY = new Date("2027-06-23T10:00:00+08:00");
const AFTER = new Date("2027-06-25T10:00:00+08:00");

beforeAll(async () => {
  f = await startBotFixture();
  await registerContact(f, WANG, "王芳", ["jtda"]);
  await registerContact(f, GA, "赵六", ["jtga"]);
});
afterAll(async () => {
  await f.close();
});

const say = async (user: string, text: string) => f.finalReply(await f.slash(user, text));

describe("the provider question", () => {
  it("asks 是否区电信接入？ before the unit's first ICP reminder, once, and the button records the answer", async () => {
    f.now = SHUTDOWN_DAY;
    await runReminderPass(f.bot.outgoing, SHUTDOWN_DAY);
    const dms = f.slack.dmMessages(WANG);
    const question = dms.findIndex((m) => m.text.includes("是否区电信接入？"));
    expect(question).toBeGreaterThanOrEqual(0);
    expect(dms.findIndex((m) => m.text.includes("备案"))).toBeGreaterThanOrEqual(question);
    await runReminderPass(f.bot.outgoing, new Date(SHUTDOWN_DAY.getTime() + 86_400_000));
    expect(f.slack.dmMessages(WANG).filter((m) => m.text.includes("是否区电信接入？"))).toHaveLength(1);

    const asked = dms[question]!;
    await f.clickInMessage(WANG, asked.channel, asked.ts, "provider_answer:local", "jtda");
    await f.idle();
    expect((await f.store.db.unit.findUniqueOrThrow({ where: { key: "jtda" } })).localTelecom).toBe(true);
    expect((await f.store.db.icpFiling.findFirstOrThrow({ where: { item: { key: "jtda/icp" } } })).step).toBe("pending");
  });
});

describe("reminders and the digest follow the step", () => {
  it("no longer chases a unit whose form was handed in; still chases one on its own route", async () => {
    f.now = AFTER;
    await say(GA, "set provider other");
    const before = planReminders(await readSnapshot(f.store.db), AFTER);
    const icpOf = (key: string, plan: typeof before) =>
      plan.work.filter((w) => w.unit.key === key).flatMap((w) => w.items).filter((i) => i.task === "icp");
    expect(icpOf("jtda", before)).toHaveLength(1);
    expect(await say(WANG, "已送达")).toContain("已送达");
    const after = planReminders(await readSnapshot(f.store.db), AFTER);
    expect(icpOf("jtda", after)).toHaveLength(0);
    const overdue = after.escalation?.overdue.find((o) => o.unit.key === "jtda")?.work.flatMap((w) => w.items) ?? [];
    expect(overdue.some((i) => i.task === "icp")).toBe(false);
    expect(icpOf("jtga", after)).toHaveLength(1);
  });

  it("counts filings per step and lists the center's queue of forms in hand", async () => {
    const digest = await f.slash(COORDINATOR, "digest preview");
    expect(digest.all).toContain("中心代办：待提交 0、已送达 1、已受理 0、已提交管局 0、完成 0");
    expect(digest.all).toContain("中心待办的申请表（1 份）");
    expect(digest.all).toContain("档案局");
    await say(COORDINATOR, "档案局 icp 已受理");
    await say(COORDINATOR, "档案局 icp 已提交管局");
    const later = await f.slash(COORDINATOR, "digest preview");
    expect(later.all).toContain("已提交管局 1");
    expect(later.all).toContain("中心手上没有待办的申请表");
  });
});

describe("npm run forms", () => {
  it("writes each local-telecom unit's forms and one combined document, one form a page", async () => {
    await say(COORDINATOR, "区统计局 set provider local");
    await say(COORDINATOR, "区统计局 set icp 苏ICP备55556666号");
    await say(WANG, "set icp 苏ICP备12345678号");
    const out = path.join(f.store.dir, "forms");
    const { stdout } = await run(process.execPath, nodeArgs("scripts/forms.ts", "--out", out), {
      env: bareEnvironment({ DATABASE_URL: f.store.databaseUrl, CAMPAIGN_YEAR: "2027" }),
    });
    const files = fs.readdirSync(out).sort();
    expect(files).toContain("jtda-苏ICP备12345678号.docx");
    expect(files.filter((n) => n.startsWith("icp-forms-"))).toHaveLength(1);
    expect(files).toHaveLength(3);
    expect(stdout).toContain("合并打印版，2 份");
    const book = await readDocx(fs.readFileSync(path.join(out, files.find((n) => n.startsWith("icp-forms-"))!)));
    expect(book.document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
    expect(book.document).toContain("苏ICP备55556666号");

    const one = path.join(f.store.dir, "forms-one");
    await run(process.execPath, nodeArgs("scripts/forms.ts", "--out", one, "--unit", "jtda"), {
      env: bareEnvironment({ DATABASE_URL: f.store.databaseUrl, CAMPAIGN_YEAR: "2027" }),
    });
    expect(fs.readdirSync(one).filter((n) => !n.startsWith("icp-forms-"))).toEqual(["jtda-苏ICP备12345678号.docx"]);
  });
});
