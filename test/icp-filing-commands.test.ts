// ICP filings through the running bot: `set icp|sponsor|reason`, `/shutdown 申请表` (the .docx in
// the contact's DM, opened and read), the center's path step by step (`已送达`, the coordinators'
// buttons in `/shutdown forms`), and who may record which step. Signed requests on loopback.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { COORDINATOR, registerContact, startBotFixture, type BotFixture } from "./helpers/bot-fixture.ts";
import { readDocx, textOf } from "./helpers/docx-xml.ts";
import { finishCommand } from "../src/messages/item-messages.ts";

let f: BotFixture;
const WANG = "U0WANG"; // 档案局 (区电信接入)
const LI = "U0LI"; // 区司法局: jtpf.gov.cn and jtsfxz.gov.cn
const GA = "U0GA"; // 区公安分局 (own route)

beforeAll(async () => {
  f = await startBotFixture();
  await registerContact(f, WANG, "王芳", ["jtda"]);
  await registerContact(f, LI, "李强", ["jtsf"]);
  await registerContact(f, GA, "赵六", ["jtga"]);
  await f.slash(WANG, "set provider local");
  await f.slash(WANG, "set phone 0519-82900001");
  await f.slash(GA, "set provider other");
});
afterAll(async () => {
  await f.close();
});
beforeEach(() => {
  f.now = new Date("2027-06-15T10:00:00+08:00");
});

const say = async (user: string, text: string) => f.finalReply(await f.slash(user, text));
/** The one message a button posted back to its reply's response_url. */
function redrawnList(responseUrlId: string) {
  const posts = f.slack.responses(responseUrlId);
  expect(posts).toHaveLength(1);
  return posts[0]!.body as { replace_original: boolean; text: string; blocks: unknown[] };
}
const filing = (key: string) => f.store.db.icpFiling.findFirstOrThrow({ where: { item: { key } }, include: { domains: true } });
const item = (key: string) => f.store.db.checklistItem.findUniqueOrThrow({ where: { key } });
const everything = async () =>
  JSON.stringify([await f.store.db.icpFiling.findMany({ include: { domains: true } }), await f.store.db.auditEntry.count(), await f.exportJson()]);

describe("set icp, sponsor and reason", () => {
  it("records a 备案号 typed loosely, normalised, on the unit's filing and its sheet fact", async () => {
    expect(await say(WANG, "set icp 苏icp备１２３４５６７８号")).toContain("已登记：档案局 备案号 苏ICP备12345678号");
    expect((await filing("jtda/icp")).number).toBe("苏ICP备12345678号");
    expect((await f.store.db.unit.findUniqueOrThrow({ where: { key: "jtda" } })).icpNumber).toBe("苏ICP备12345678号");
  });

  it.each([
    ["set icp 12345678", "不是备案号"],
    ["set icp ICP备12345678号", "前面缺少省份简称"],
    ["set icp 苏ICP证110011号", "增值电信业务经营许可证号"],
    ["set icp 苏ICP备12345678号 jtga.gov.cn", "不是档案局的域名"],
  ])("refuses %s with a clear reply and writes nothing", async (text, reply) => {
    const before = await everything();
    expect(await say(WANG, text)).toContain(reply);
    expect(await everything()).toBe(before);
  });

  it("refuses a 备案号 another unit has", async () => {
    const before = await everything();
    expect(await say(GA, "set icp 苏ICP备12345678号")).toContain("已登记在「档案局」名下");
    expect(await everything()).toBe(before);
  });

  it("gives a second 备案号 its own filing and item (jtsf/icp/2), the first keeping its key and state", async () => {
    await say(LI, "blocked icp 等待电信回复");
    expect(await say(LI, "set icp 苏ICP备11110000号 jtsfxz.gov.cn")).toContain("苏ICP备11110000号");
    expect(await say(LI, "set icp 苏ICP备22220000号-1 jtpf.gov.cn")).toContain("jtpf.gov.cn");
    expect((await filing("jtsf/icp")).number).toBe("苏ICP备11110000号");
    expect((await filing("jtsf/icp/2")).number).toBe("苏ICP备22220000号-1");
    expect(await item("jtsf/icp")).toMatchObject({ state: "blocked", note: "等待电信回复" });
    expect(await item("jtsf/icp/2")).toMatchObject({ task: "icp", state: "todo" });
    // Each filing's line in status says which 备案号 it is, not 备案注销 twice.
    const status = (await f.slash(LI, "status")).all;
    expect(status).toContain("⛔ 受阻  *备案注销 苏ICP备11110000号* — 等待电信回复");
    expect(status).toContain("⬜ 未开始  *备案注销 苏ICP备22220000号-1*");
    expect(status).not.toMatch(/\*备案注销\*/);
    // The command the bot shows for one of them names its 备案号, and works as typed.
    const command = finishCommand((await f.store.reader.unitWithItems("jtsf"))!.items.find((i) => i.key === "jtsf/icp/2")!, { domains: [] });
    expect(command).toBe("/shutdown done icp 苏ICP备22220000号-1");
    await say(LI, command.replace(/^\/shutdown /, ""));
    expect(await item("jtsf/icp/2")).toMatchObject({ state: "done" });
    expect(await item("jtsf/icp")).toMatchObject({ state: "blocked" });
  });

  it("sets the sponsor and the reason, refusing a reason too short", async () => {
    expect(await say(WANG, "set sponsor 常州市金坛区档案局")).toContain("常州市金坛区档案局");
    expect((await f.store.db.unit.findUniqueOrThrow({ where: { key: "jtda" } })).sponsorName).toBe("常州市金坛区档案局");
    const before = await everything();
    expect(await say(WANG, "set reason 关了")).toContain("太简单了");
    expect(await everything()).toBe(before);
    expect(await say(WANG, "set reason 网站已整合至区政府网站群并于6月22日关停，申请注销备案号并取消接入服务。")).toContain("已登记");
    expect((await filing("jtda/icp")).reason).toContain("6月22日关停");
  });
});

describe("/shutdown 申请表", () => {
  it("DMs the contact the pre-filled 附件4 and names the blank fields with the commands that fill them", async () => {
    const files = f.slack.files().length;
    const reply = await say(WANG, "申请表");
    expect(reply).toContain("📎 已把 1 份附件4申请表");
    expect(reply).toContain("联系人邮箱：/shutdown set email &lt;邮箱&gt;");
    expect(reply).toContain("/shutdown 已送达");
    const file = f.slack.files()[files]!;
    expect(file.filename).toBe("jtda-苏ICP备12345678号.docx");
    expect(file.initial_comment).toContain("📎");
    const docx = await readDocx(file.content);
    const text = textOf(docx.document);
    for (const s of ["注销网站备案号、取消接入服务申请表", "2027年6月15日", "苏ICP备12345678号", "jtda.gov.cn", "常州市金坛区档案局", "王芳", "0519-82900001", "6月22日关停", "申请人签字（盖章）"]) {
      expect(text).toContain(s);
    }
    expect(docx.document).toContain('w:w="11906"');
    expect(docx.document).toContain('w:eastAsia="宋体"');
    expect(await say(WANG, "icpform")).toContain("📎");
    expect(await say(WANG, "附件4")).toContain("📎");
  });

  it("refuses someone who is not the unit's contact, and tells an own-route unit it needs no form", async () => {
    const files = f.slack.files().length;
    expect(await say(GA, "档案局 申请表")).toContain("你只能操作本单位");
    expect(await say(GA, "申请表")).toContain("不需要附件4申请表");
    expect(f.slack.files()).toHaveLength(files);
  });
});

describe("the center's path", () => {
  it("lets a contact report the form handed in but not the center's steps", async () => {
    expect(await say(WANG, "icp 已受理")).toContain("由区电子政务中心内容保障科登记");
    expect((await filing("jtda/icp")).step).toBe("pending");
    expect(await say(WANG, "已送达")).toContain("待提交 → 已送达");
    expect(await filing("jtda/icp")).toMatchObject({ step: "delivered", stepBy: WANG });
    expect((await item("jtda/icp")).state).toBe("doing");
    // A contact's `done icp` on the center route is their own part: handed in, not the cancellation.
    expect(await say(WANG, "done icp")).toContain("已是「已送达」");
  });

  it("lists the filings by step for coordinators, whose buttons record 已受理, 已提交管局 and 完成, audited", async () => {
    expect(await say(WANG, "forms")).toContain("只有协调员");
    const list = await f.slash(COORDINATOR, "forms");
    expect(list.all).toContain("附件4 申请表汇总");
    expect(list.all).toContain("已送达 1");
    expect(list.all).toContain("档案局");
    const received = await f.clickInReply(COORDINATOR, list, "icp_step:received", "jtda/icp|received");
    await f.idle();
    expect(await filing("jtda/icp")).toMatchObject({ step: "received", stepBy: COORDINATOR });
    // The list is redrawn in place: what was recorded on top, the filing's buttons those still ahead.
    const redrawn = redrawnList(received.responseUrlId);
    expect(redrawn.replace_original).toBe(true);
    expect(redrawn.text).toMatch(/^已记录：档案局 备案号 苏ICP备12345678号：已送达 → 中心已受理/);
    expect(JSON.stringify(redrawn.blocks[1])).toContain("✅ 已记录");
    expect(redrawn.text).toContain("附件4 申请表汇总");
    expect(redrawn.text).toContain("已受理 1");
    const buttons = JSON.stringify(redrawn.blocks);
    expect(buttons).not.toContain('"icp_step:received"');
    expect(buttons).toContain('"jtda/icp|filed"');
    expect(await say(WANG, "已送达")).toContain("不需要再报告");
    // The unit's contact sees the step in App Home too, as after any report.
    const homes = () => f.slack.callsTo("views.publish").filter((c) => c.args.user_id === WANG).length;
    const before = homes();
    await f.clickInReply(COORDINATOR, { ...list, ...redrawn }, "icp_step:filed", "jtda/icp|filed");
    await f.idle();
    expect(homes()).toBeGreaterThan(before);
    expect((await filing("jtda/icp")).step).toBe("filed");
    const audit = await f.store.db.auditEntry.findMany({ where: { field: "icp.step", item: { key: "jtda/icp" }, actor: { not: "system" } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.actor, a.source, a.fromValue, a.toValue])).toEqual([
      [WANG, "slash", "pending", "delivered"],
      [COORDINATOR, "button", "delivered", "received"],
      [COORDINATOR, "button", "received", "filed"],
    ]);
    expect(await say(COORDINATOR, "档案局 icp 完成")).toContain("已提交管局 → 完成");
    expect((await item("jtda/icp")).state).toBe("done");
  });

  it("reads 完成 in the checklist form as the form handed in for a contact on the center's route", async () => {
    await say(COORDINATOR, "区统计局 set provider local");
    await registerContact(f, "U0TJ", "孙丽", ["jttjj"]);
    await f.slash("U0TJ", "表单");
    const res = await f.submitLastView("U0TJ", { "state:jttjj/icp": { value: "done" } });
    expect(res.status).toBe(200);
    await f.idle();
    expect(await filing("jttjj/icp")).toMatchObject({ step: "delivered", stepBy: "U0TJ" });
    expect((await item("jttjj/icp")).state).toBe("doing");
  });

  it("keeps the own route as today, with the proof as the note", async () => {
    expect(await say(GA, "icp 已送达")).toContain("自行办理");
    await say(GA, "done icp 工信部短信通知 6月22日已注销");
    expect(await item("jtga/icp")).toMatchObject({ state: "done", note: "工信部短信通知 6月22日已注销" });
    expect((await filing("jtga/icp")).step).toBe("done");
  });

  it("sends coordinators every center-route form in one document, one per page", async () => {
    const files = f.slack.files().length;
    expect(await say(COORDINATOR, "forms file")).toContain("📎");
    const book = f.slack.files()[files]!;
    expect(book.filename).toMatch(/^icp-forms-.*\.docx$/);
    const docx = await readDocx(book.content);
    expect(docx.document).toContain("档案局");
  });
});
