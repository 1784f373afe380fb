// Through the real endpoint: facts that decide items, hints typeable as shown, and the messages
// people are sent when something concerns them (welcome, moved deadline, a unit done).
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { COORDINATOR, registerContact, startBotFixture, type BotFixture } from "./helpers/bot-fixture.ts";
import { waitFor } from "./helpers/script-process.ts";

let f: BotFixture;
const WANG = "U0WANG"; // 档案局
const LI = "U0LI"; // 区统计局 and 区规划局
const GA = "U0GA"; // 区公安分局

beforeAll(async () => {
  f = await startBotFixture();
  await registerContact(f, WANG, "王芳", ["jtda"]);
  await registerContact(f, LI, "李强", ["jttjj", "jtupo"]);
  await registerContact(f, GA, "赵六", ["jtga"]);
});
afterAll(async () => {
  await f.close();
});
beforeEach(() => {
  f.now = new Date("2027-06-10T10:00:00+08:00");
});

const item = (key: string) => f.store.db.checklistItem.findUniqueOrThrow({ where: { key } });
const dmText = (user: string) => f.slack.dmMessages(user).map((m) => `${m.text}\n${JSON.stringify(m.blocks ?? [])}`);

describe("facts decide the checklist", () => {
  it("set secondlevel no makes IP备案 不适用 as the system, with the fact as its reason; yes reopens it", async () => {
    const reply = await f.slash(WANG, "set secondlevel no");
    expect(reply.all).toContain("已记录：档案局 二级域名系统 → 没有");
    expect(reply.all).toContain("「IP备案」已改为不适用");
    expect(await item("jtda/ipicp")).toMatchObject({ state: "na", note: "没有二级域名系统", updatedBy: "system" });
    const audit = await f.store.db.auditEntry.findMany({ where: { itemId: (await item("jtda/ipicp")).id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.actor, a.source, a.field, a.fromValue, a.toValue, a.note])).toEqual([["system", "system", "state", "todo", "na", "单位情况：没有二级域名系统"]]);
    expect((await f.slash(WANG, "status")).all).not.toContain("下一步：IP备案");

    const back = await f.slash(WANG, "设置 二级域名 有");
    expect(back.all).toContain("「IP备案」已重新打开");
    expect(await item("jtda/ipicp")).toMatchObject({ state: "todo", note: null, updatedBy: "system" });
  });

  it("set migrate no does the same for 数据备份/迁移, and never overrides what a person reported", async () => {
    await f.slash(WANG, "doing backup 正在整理数据");
    const reply = await f.slash(WANG, "set migrate no");
    expect(reply.all).toContain("「数据备份/迁移」是<@U0WANG>报告的「进行中」，没有自动改为不适用");
    expect(reply.all).toContain("/shutdown na backup 没有数据需要迁移");
    expect(await item("jtda/backup")).toMatchObject({ state: "doing", note: "正在整理数据", updatedBy: WANG });
    await f.slash(WANG, "na backup 没有数据需要迁移");
    const again = await f.slash(WANG, "set migrate yes");
    expect(again.all).toContain("没有自动重新打开");
    expect(again.all).toContain("/shutdown todo backup");
    expect((await item("jtda/backup")).state).toBe("na");
  });

  it("gives 区公安分局 a way to finish ICP: its filing is the parent domain's owner's", async () => {
    const status = await f.slash(GA, "status");
    expect(status.all).toContain("jt.czsga.gov.cn 是上级单位域名 czsga.gov.cn 下的二级域名，本单位没有自己的备案号");
    expect(status.all).toContain("/shutdown na icp 备案属于上级域名 czsga.gov.cn 的主办单位");
    const reply = await f.slash(GA, "na icp 备案属于上级域名 czsga.gov.cn 的主办单位");
    expect(reply.all).toContain("→ ➖ 不适用");
    expect((await item("jtga/icp")).state).toBe("na");
    // Every other unit has a filing of its own to cancel.
    const refused = await f.slash(WANG, "na icp 不需要");
    expect(refused.all).toContain("不能标记为不适用");
    expect(refused.all).toContain("/shutdown blocked icp");
  });

  it("accepts a domain written with www. wherever a domain goes", async () => {
    await f.slash(LI, "区规划局 done domain www.jtupo.gov.cn dns");
    expect(await item("jtupo/domain/jtupo.gov.cn")).toMatchObject({ state: "done", method: "dns_removed" });
    expect((await f.slash(LI, "www.jtupo.gov.cn status")).all).toContain("区规划局 关停清单");
  });
});

describe("commands shown are typeable as shown", () => {
  it("include the unit for a contact of several units, in the next step and in a not-understood reply", async () => {
    const status = await f.slash(LI, "区统计局 状态");
    expect(status.all).toContain("/shutdown 区统计局 done column");
    // Offered for the first of their units (附件3 order) where that item is still open.
    const typo = await f.slash(LI, "dnoe column");
    expect(typo.all).toContain("你是不是要输入：/shutdown 区规划局 done column");
    const unknown = await f.slash(LI, "随便写点什么");
    expect(unknown.all).toContain("可以这样写：/shutdown 区规划局 done column");
    expect(unknown.all).not.toContain("done|doing|todo");
    // …and the command offered does work.
    expect((await f.slash(LI, "区统计局 done column")).all).toContain("已记录：区统计局「过渡栏目」");
  });

  it("help is written for people: examples in Chinese, with their own unit in front", async () => {
    const help = await f.slash(LI, "怎么用");
    expect(help.all).toContain("/shutdown 区规划局 栏目已上线");
    expect(help.all).toContain("你负责 2 个单位（区规划局、区统计局）");
    expect(help.all).not.toContain("<事项>");
    expect(help.all).not.toContain("|");
  });
});

describe("waiting for someone else", () => {
  it("records 等待中 with the expected day, and refuses a day already past", async () => {
    const reply = await f.slash(WANG, "等待 备案 7月10日 工信部审核中");
    expect(reply.all).toContain("⏳ 等待中（预计 7月10日）");
    expect(await item("jtda/icp")).toMatchObject({ state: "doing", note: "工信部审核中", expectedBy: new Date("2027-07-10T23:59:59+08:00") });
    const past = await f.slash(WANG, "waiting icp 6月1日");
    expect(past.all).toContain("预计完成日期 6月1日 已经过去了");
    await f.slash(WANG, "doing icp 已催办");
    expect((await item("jtda/icp")).expectedBy).toEqual(new Date("2027-07-10T23:59:59+08:00"));
    await f.slash(WANG, "blocked icp 电信不受理");
    expect((await item("jtda/icp")).expectedBy).toBeNull();
  });
});

describe("what people are told", () => {
  it("assign sends the new contact a welcome: units, the checklist, both deadlines, how to report, whom to call", async () => {
    f.slack.addUser({ id: "U0NEW", name: "xiaozhou", realName: "小周" });
    const reply = await f.slash(COORDINATOR, "assign 薛埠镇 <@U0NEW|xiaozhou>");
    expect(reply.text).toContain("并已私信告诉对方");
    await waitFor(() => f.slack.dmMessages("U0NEW").length > 0);
    const [welcome] = dmText("U0NEW");
    for (const words of [
      "你已登记为 *薛埠镇* 的网站关停联系人",
      "xuebu.gov.cn",
      // A township-level unit: four sub-columns, no 政务大厅.
      "设 4 个子栏目：动态信息、政府信息公开、互动交流、重要系统链接",
      "栏目路径格式",
      "子站",
      "6月20日 23:59 前",
      "6月21日 00:00 至 6月23日 23:59",
      "/shutdown 栏目已上线",
      "82900326",
      "417室",
    ]) {
      expect(welcome).toContain(words);
    }
    expect(welcome).not.toContain("政务大厅");
  });

  it("moving a deadline tells every contact with unfinished work under it, and only them", async () => {
    // The welcomes of the assignments above go out first; count from after them.
    await f.idle();
    const before = { wang: f.slack.dmMessages(WANG).length, li: f.slack.dmMessages(LI).length, ga: f.slack.dmMessages(GA).length };
    const reply = await f.slash(COORDINATOR, "deadline transition 2027-06-22 18:00");
    expect(reply.text).toContain("已私信通知有未完成事项的");
    await waitFor(() => f.slack.dmMessages(LI).length > before.li && f.slack.dmMessages(GA).length > before.ga);
    const notice = dmText(LI).at(-1)!;
    expect(notice).toContain("*过渡栏目上线* 的截止时间改为 *6月22日 18:00*（原为 6月20日 23:59");
    expect(notice).toContain("*区规划局* 还有");
    expect(notice).toContain("例如 `/shutdown 区规划局 done column`");
    await f.slash(COORDINATOR, "deadline transition 2027-06-20 23:59");
    expect((await f.store.db.deadline.findUniqueOrThrow({ where: { key: "transition" } })).dueAt).toEqual(new Date("2027-06-20T23:59:59+08:00"));
  });

  it("a unit that finishes everything gets one line in the coordinators' channel, once", async () => {
    const lines = () => f.slack.messages("C0DIGEST").filter((m) => m.text.includes("🎉 区公安分局 已全部完成"));
    for (const text of ["done column", "done backup", "done site", "done unbind", "done domain", "set secondlevel no"]) await f.slash(GA, text);
    await waitFor(() => lines().length === 1);
    expect(lines()[0]!.metadata?.event_payload.key).toBe("unit-done:jtga");
    // Reopened and finished again: still that one line.
    await f.slash(GA, "todo unbind");
    await f.slash(GA, "done unbind");
    const delivery = await f.store.db.delivery.findUniqueOrThrow({ where: { key: "unit-done:jtga" } });
    expect(delivery.status).toBe("sent");
    await f.slash(COORDINATOR, "overview");
    expect(lines()).toHaveLength(1);
  });
});

describe("what coordinators read", () => {
  it("unit <unit> shows the audit trail with Chinese labels and people's names", async () => {
    await f.slash(COORDINATOR, "档案局 set provider local");
    const reply = await f.slash(COORDINATOR, "unit 档案局");
    expect(reply.all).toContain("接入服务商：— → 区电信运营商");
    expect(reply.all).toContain("王芳（命令）：备案注销 预计完成：— → 7月10日");
    expect(reply.all).not.toContain("unit.localTelecom");
    const ga = await f.slash(COORDINATOR, "unit 区公安分局");
    expect(ga.all).toContain("系统：IP备案：未开始 → 不适用（单位情况：没有二级域名系统）");
    expect(ga.all).toContain("赵六（命令）：二级域名系统：— → 没有");
  });

  it("export sends the Excel report: one row per unit in Chinese, every item on a second sheet", async () => {
    await f.slash(WANG, "blocked unbind =HYPERLINK(\"http://example.com\",\"点我\")");
    // NOTE: under load the workbook may take longer than the ack: the reply then follows by response_url.
    const reply = await f.finalReply(await f.slash(COORDINATOR, "导出"));
    expect(reply).toContain("进度表（Excel）已发到你的私信");
    const file = f.slack.files().at(-1)!;
    expect(file.filename).toMatch(/^shutdown-status-2027-06-10\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.content as never);
    const units = workbook.getWorksheet("单位进度")!;
    expect(units.rowCount).toBe(39);
    const da = units.getRow(11).values as unknown[];
    expect(da.slice(1, 5)).toEqual([10, "档案局", "部门", "jtda.gov.cn"]);
    expect(da).toContain("不适用");
    expect(da).toContain('受阻：=HYPERLINK("http://example.com","点我")');
    expect(da.slice(-3)).toEqual(["1/7", "王芳", "6月10日 10:00"]);
    // The second sheet is the CSV's, cell for cell; a note that would run as a formula is shown as text.
    const items = workbook.getWorksheet("全部事项")!;
    expect(items.rowCount).toBe(270);
    expect(items.getRow(1).values).toEqual([undefined, "unit_name", "unit_key", "task", "domain", "state", "method", "note", "updated_at", "updated_by", "deadline", "due_at", "batch", "verification", "verified_at", "evidence"]);
    const unbind = items.getRows(2, 269)!.find((r) => r.getCell(2).value === "jtda" && r.getCell(3).value === "unbind")!;
    expect(unbind.getCell(7).value).toBe(`'=HYPERLINK("http://example.com","点我")`);
    expect(unbind.getCell(7).type).toBe(ExcelJS.ValueType.String);
  });
});
