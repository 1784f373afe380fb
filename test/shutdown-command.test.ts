// /shutdown through the real endpoint: signed form posts into the running bot on loopback.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildMessageBlockActions, sendInteraction, sendSignedRequest, signSlackRequest, slashCommandBody } from "../tools/slack-standin/index.ts";
import { COORDINATOR, registerContact, SIGNING_SECRET, startBotFixture, type BotFixture } from "./helpers/bot-fixture.ts";

let f: BotFixture;
const WANG = "U0WANG"; // 档案局
const LI = "U0LI"; // 区司法局 and 区规划局
const GA = "U0GA"; // 区公安分局
const STRANGER = "U0NOBODY";

beforeAll(async () => {
  f = await startBotFixture();
  f.slack.addUser({ id: WANG, name: "wangfang", realName: "王芳" });
  await registerContact(f, WANG, "王芳", ["jtda"]);
  await registerContact(f, LI, "李强", ["jtsf", "jtupo"]);
  await registerContact(f, GA, "赵六", ["jtga"]);
});
afterAll(async () => {
  await f.close();
});
beforeEach(() => {
  f.now = new Date("2027-06-10T10:00:00+08:00");
});

async function item(key: string) {
  return f.store.db.checklistItem.findUniqueOrThrow({ where: { key } });
}

describe("a unit contact", () => {
  it("gets usage with examples from /shutdown, help and 帮助", async () => {
    for (const text of ["", "help", "帮助"]) {
      const reply = await f.slash(WANG, text);
      expect(reply.status).toBe(200);
      expect((reply.body as { response_type: string }).response_type).toBe("ephemeral");
      expect(reply.all).toContain("/shutdown done column");
      expect(reply.all).not.toContain("coordinator add");
    }
  });

  it("sees the unit's checklist with due dates, days left, the next step and the ICP path", async () => {
    const reply = await f.slash(WANG, "status");
    expect(reply.all).toContain("档案局 关停清单（0/7）");
    expect(reply.all).toContain("过渡栏目上线");
    expect(reply.all).toContain("6月20日 23:59 截止，还剩 10 天");
    expect(reply.all).toContain("6月21日 00:00 开始");
    expect(reply.all).toContain("域名注销 jtda.gov.cn");
    expect(reply.all).toContain("下一步：过渡栏目");
    expect(reply.all).toContain("/shutdown set provider local");
    expect((await f.slash(WANG, "状态")).all).toContain("档案局 关停清单");
  });

  it("reports an item done, with an audit entry in the same change, and sees it in the export", async () => {
    f.now = new Date("2027-06-12T09:30:00+08:00");
    const reply = await f.slash(WANG, "done column 栏目已上线");
    expect(reply.text).toContain("已记录：档案局「过渡栏目」未开始 → ✅ 已完成（栏目已上线）");
    const row = JSON.parse(await f.exportJson()).find((r: { unit_key: string; task: string }) => r.unit_key === "jtda" && r.task === "column");
    expect(row).toMatchObject({ state: "done", note: "栏目已上线", updated_at: "2027-06-12T09:30:00+08:00", updated_by: WANG });
    const audit = await f.store.db.auditEntry.findMany({ where: { itemId: (await item("jtda/column")).id } });
    expect(audit.map((a) => [a.field, a.fromValue, a.toValue, a.actor, a.source])).toEqual([["state", "todo", "done", WANG, "slash"]]);
  });

  it("says so and writes nothing when a report changes nothing", async () => {
    await f.slash(WANG, "doing backup");
    const audits = await f.store.db.auditEntry.count();
    const reply = await f.slash(WANG, "进行中 备份");
    expect(reply.text).toContain("没有变化");
    expect(await f.store.db.auditEntry.count()).toBe(audits);
  });

  it("needs a reason for blocked and na, and keeps it as the note", async () => {
    await f.slash(WANG, "blocked icp 等待电信回复");
    expect(await item("jtda/icp")).toMatchObject({ state: "blocked", note: "等待电信回复" });
    await f.slash(WANG, "na ipicp 没有二级域名系统");
    expect(await item("jtda/ipicp")).toMatchObject({ state: "na", note: "没有二级域名系统" });
  });

  it("warns but records site done before the window opens or before the column, and icp done before the site", async () => {
    const reply = await f.slash(GA, "done site");
    expect(reply.all).toContain("关停窗口是 6月21日至6月23日（附件2 一），现在还没开始");
    expect(reply.all).toContain("/shutdown doing site");
    expect(reply.all).toContain("过渡栏目还没有完成");
    expect((await item("jtga/site")).state).toBe("done");
    await f.slash(GA, "todo site");
    const icp = await f.slash(GA, "done icp");
    expect(icp.all).toContain("网站关停还没有报告完成");
    expect((await item("jtga/icp")).state).toBe("done");
  });

  it("records a domain as cancelled, or as DNS records deleted", async () => {
    await f.slash(WANG, "done domain");
    expect(await item("jtda/domain/jtda.gov.cn")).toMatchObject({ state: "done", method: "cancelled" });
    await f.slash(WANG, "done domain jtda.gov.cn 解析");
    expect(await item("jtda/domain/jtda.gov.cn")).toMatchObject({ state: "done", method: "dns_removed" });
  });

  it("can only remove the DNS record of a sub-domain", async () => {
    const before = await f.exportJson();
    const refused = await f.slash(GA, "done domain jt.czsga.gov.cn 注销");
    expect(refused.all).toContain("只能删除解析记录");
    expect(refused.all).toContain("/shutdown done domain jt.czsga.gov.cn dns");
    expect(await f.exportJson()).toBe(before);
    await f.slash(GA, "done domain");
    expect(await item("jtga/domain/jt.czsga.gov.cn")).toMatchObject({ state: "done", method: "dns_removed" });
  });

  it("sets the unit's facts and their own phone and e-mail, validated", async () => {
    expect((await f.slash(WANG, "set provider local")).text).toContain("区电信运营商");
    expect((await f.slash(WANG, "status")).all).toContain("附件4");
    await f.slash(WANG, "set icp 苏ICP备12345678号");
    await f.slash(WANG, "set secondlevel no");
    await f.slash(WANG, "set migrate 是");
    await f.slash(WANG, "set phone 0519-82900326");
    await f.slash(WANG, "set email wangfang@jtda.gov.cn");
    const unit = await f.store.db.unit.findUniqueOrThrow({ where: { key: "jtda" } });
    expect(unit).toMatchObject({ localTelecom: true, icpNumber: "苏ICP备12345678号", secondLevel: false, migrateData: true });
    const contact = await f.store.db.contact.findUniqueOrThrow({ where: { slackUserId: WANG } });
    expect(contact).toMatchObject({ name: "王芳", phone: "0519-82900326", email: "wangfang@jtda.gov.cn" });
    const fields = (await f.store.db.auditEntry.findMany({ where: { unitId: unit.id, field: { startsWith: "unit." } } })).map((a) => a.field);
    expect(fields).toEqual(expect.arrayContaining(["unit.localTelecom", "unit.icpNumber", "unit.secondLevel", "unit.migrateData"]));
  });

  it.each([
    ["set icp 12345678", "「12345678」不是备案号"],
    ["set email wang@", "邮箱「wang@」格式不对"],
    ["set phone abc", "电话「abc」格式不对"],
    ["set provider maybe", "local（区电信运营商）或 other"],
    ["set secondlevel perhaps", "只能是 yes 或 no"],
    ["done domain jtpf.gov.cn", "不是档案局的域名"],
    ["na site 已关", "不能标记为不适用"],
    ["blocked site", "需要写明原因"],
    ["done colum", "你是不是要写「column」"],
    ["档按局 status", "你是不是要输入：/shutdown 档案局 status"],
    ["dnoe column", "你是不是要输入：/shutdown done column"],
    ["'; DROP TABLE Unit; --", "可以这样写：/shutdown done"],
  ])("refuses %j clearly and changes nothing", async (text, words) => {
    const before = await f.exportJson();
    const audits = await f.store.db.auditEntry.count();
    const reply = await f.slash(WANG, text);
    expect(reply.status).toBe(200);
    expect(reply.all).toContain(words);
    expect(await f.exportJson()).toBe(before);
    expect(await f.store.db.auditEntry.count()).toBe(audits);
    expect(reply.all).toMatch(/\/shutdown|例如|请/);
  });

  it("cannot act for another unit or use coordinator commands", async () => {
    const before = await f.exportJson();
    expect((await f.slash(WANG, "区司法局 done site")).all).toContain("你只能操作本单位（档案局）");
    for (const text of ["overview", "unit 档案局", "deadlines", "deadline shutdown 2027-06-30", "assign 档案局 <@U0X>", "coordinator add <@U0X>"]) {
      expect((await f.slash(WANG, text)).all).toContain("只有协调员可以使用");
    }
    expect(await f.exportJson()).toBe(before);
  });
});

describe("a contact of several units", () => {
  it("must name the unit, and can act for each of them", async () => {
    const plain = await f.slash(LI, "done column");
    expect(plain.all).toContain("你是 2 个单位（区司法局、区规划局）的联系人");
    expect(plain.all).toContain("/shutdown 区司法局 done column");
    await f.slash(LI, "司法局 done column");
    await f.slash(LI, "jtupo.gov.cn doing column");
    expect((await item("jtsf/column")).state).toBe("done");
    expect((await item("jtupo/column")).state).toBe("doing");
  });

  it("must say which domain when the unit has two", async () => {
    const reply = await f.slash(LI, "区司法局 done domain");
    expect(reply.all).toContain("区司法局有 2 个域名（jtpf.gov.cn、jtsfxz.gov.cn）");
    await f.slash(LI, "区司法局 done domain jtsfxz.gov.cn");
    expect((await item("jtsf/domain/jtsfxz.gov.cn")).state).toBe("done");
    expect((await item("jtsf/domain/jtpf.gov.cn")).state).toBe("todo");
  });
});

describe("someone not registered", () => {
  it("is told how to get registered and changes nothing", async () => {
    const before = await f.exportJson();
    for (const text of ["status", "done site", "档案局 done site", "set provider local", "overview"]) {
      const reply = await f.slash(STRANGER, text);
      expect(reply.all).toContain("你还没有登记为任何单位的联系人");
    }
    expect((await f.slash(STRANGER, "help")).all).toContain("还没有登记");
    expect(await f.exportJson()).toBe(before);
  });
});

describe("a coordinator", () => {
  it("acts for any unit by naming it", async () => {
    const reply = await f.slash(COORDINATOR, "区档案局 doing site 已联系服务商");
    expect(reply.text).toContain("档案局「网站关停」");
    const site = await item("jtda/site");
    expect(site).toMatchObject({ state: "doing", updatedBy: COORDINATOR });
    expect((await f.slash(COORDINATOR, "status")).all).toContain("请在命令前写明单位");
  });

  it("assigns and unassigns contacts from <@U|name>, <@U> and bare ids", async () => {
    f.slack.addUser({ id: "U0NEW", name: "xiaoming", realName: "小明" });
    expect((await f.slash(COORDINATOR, "assign 薛埠镇 <@U0NEW|xiaoming>")).text).toContain("已把 <@U0NEW> 登记为薛埠镇的联系人");
    expect((await f.slash(COORDINATOR, "assign xuebu <@U0NEW>")).text).toContain("已经是薛埠镇的联系人");
    const contact = await f.store.db.contact.findUniqueOrThrow({ where: { slackUserId: "U0NEW" } });
    expect(contact.name).toBe("小明");
    expect((await f.slash("U0NEW", "status")).all).toContain("薛埠镇 关停清单");
    expect((await f.slash(COORDINATOR, "unassign 薛埠镇 U0NEW")).text).toContain("已取消 <@U0NEW>");
    expect((await f.slash("U0NEW", "status")).all).toContain("你还没有登记");
    const audit = await f.store.db.auditEntry.findMany({ where: { field: "contact", subject: "U0NEW" } });
    expect(audit.map((a) => [a.fromValue, a.toValue])).toEqual([
      [null, "小明 (U0NEW)"],
      ["小明 (U0NEW)", null],
    ]);
  });

  it("sees the overview: counts per task and state, units behind each deadline", async () => {
    const reply = await f.slash(COORDINATOR, "总览");
    expect(reply.all).toMatch(/总览：\d+\/38 个单位已全部完成/);
    expect(reply.all).toContain("过渡栏目上线");
    expect(reply.all).toContain("尚无联系人的单位");
    expect(reply.blocks.length).toBeLessThanOrEqual(50);
  });

  it("sees one unit in full with its last 10 audit entries", async () => {
    const reply = await f.slash(COORDINATOR, "unit 档案局");
    expect(reply.all).toContain("档案局（jtda）");
    expect(reply.all).toContain("苏ICP备12345678号");
    expect(reply.all).toContain("<@U0WANG>");
    expect(reply.all).toContain("最近 10 条记录");
    const lines = reply.all.match(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} /g) ?? [];
    expect(lines.length).toBe(10);
  });

  it("lists and moves deadlines in Shanghai time, refusing a due time before the window opens", async () => {
    expect((await f.slash(COORDINATOR, "deadlines")).all).toContain("`shutdown`");
    const moved = await f.slash(COORDINATOR, "deadline shutdown 2027-06-25 18:00");
    expect(moved.text).toContain("2027-06-23 23:59 → 2027-06-25 18:00");
    const row = JSON.parse(await f.exportJson()).find((r: { task: string }) => r.task === "site");
    expect(row.due_at).toBe("2027-06-25T18:00:00+08:00");
    expect((await f.slash(COORDINATOR, "deadline shutdown 2027-06-20")).all).toContain("截止时间必须晚于开始时间");
    expect((await f.slash(COORDINATOR, "deadline nosuch 2027-06-20")).all).toContain("可选：");
    // Set back as it reads, it is the exact instant it was.
    await f.slash(COORDINATOR, "deadline shutdown 2027-06-23 23:59");
    const back = JSON.parse(await f.exportJson()).find((r: { task: string }) => r.task === "site");
    expect(back.due_at).toBe("2027-06-23T23:59:59+08:00");
  });

  it("adds and removes coordinators at run time, but not those from the environment", async () => {
    // NOTE: a member of the workspace, as anyone mentioned is: App Home is published for coordinators.
    f.slack.addUser({ id: "U0HELP", name: "help", realName: "帮手" });
    expect((await f.slash(COORDINATOR, "coordinator add <@U0HELP|help>")).text).toContain("已添加协调员 <@U0HELP>");
    expect((await f.slash("U0HELP", "overview")).all).toContain("总览");
    expect((await f.slash("U0HELP", "coordinator remove <@U0COORD>")).all).toContain("不能用命令移除");
    expect((await f.slash(COORDINATOR, "coordinator remove U0HELP")).text).toContain("已移除协调员");
    expect((await f.slash("U0HELP", "overview")).all).toContain("你还没有登记");
  });
});

describe("requests Slack did not sign", () => {
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  /** Everything a request could write: the export, the audit trail, request claims, join requests. */
  const written = async () =>
    JSON.stringify([await f.exportJson(), await f.store.db.auditEntry.count(), await f.store.db.handledRequest.count(), await f.store.db.joinRequest.count()]);

  it.each([
    ["a forged signature", { signature: "v0=" + "0".repeat(64) }],
    ["a stale timestamp", { timestamp: nowSeconds() - 60 * 10 }],
    ["a missing signature", { signature: "" }],
    ["a signature of another scheme", { signature: "v1=" + "0".repeat(64) }],
  ])("are refused with 401 for %s and write nothing", async (_name, opts) => {
    const before = await written();
    const reply = await f.slash(WANG, "done unbind", opts);
    expect(reply.status).toBe(401);
    expect(await written()).toBe(before);
  });

  it("are refused with 401 when signed with another secret, or when the body was changed after signing", async () => {
    const before = await written();
    const body = slashCommandBody({ command: "/shutdown", text: "done unbind", user_id: WANG, response_url: f.slack.createResponseUrl().url });
    expect((await sendSignedRequest(f.url, "anothersecret0123456789abcdef", body)).status).toBe(401);
    const signed = signSlackRequest(SIGNING_SECRET, body);
    const tampered = body.replace("done+unbind", "done+site");
    expect(tampered).not.toBe(body);
    const res = await fetch(f.url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", ...signed }, body: tampered });
    expect(res.status).toBe(401);
    expect(await written()).toBe(before);
  });

  it("are refused with 401 without any signature headers", async () => {
    const before = await written();
    const body = slashCommandBody({ command: "/shutdown", text: "done unbind", user_id: WANG, response_url: f.slack.createResponseUrl().url });
    const res = await fetch(f.url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
    expect(res.status).toBe(401);
    expect(await written()).toBe(before);
  });

  it("refuse a captured valid request re-sent after its timestamp went stale", async () => {
    // Signed 295 s ago: still fresh (Slack allows five minutes), so it is applied once; the
    // seconds to spare keep it fresh on a busy machine.
    const timestamp = nowSeconds() - 295;
    const body = slashCommandBody({ command: "/shutdown", text: "doing icp 重放测试", user_id: WANG, response_url: f.slack.createResponseUrl().url });
    const first = await sendSignedRequest(f.url, SIGNING_SECRET, body, { timestamp });
    expect(first.status).toBe(200);
    expect((await f.store.db.checklistItem.findUniqueOrThrow({ where: { key: "jtda/icp" } })).note).toBe("重放测试");
    const after = await written();
    while (nowSeconds() - timestamp <= 300) await new Promise((r) => setTimeout(r, 100));
    const replayed = await sendSignedRequest(f.url, SIGNING_SECRET, body, { timestamp });
    expect(replayed.status).toBe(401);
    expect(await written()).toBe(after);
  });

  it("are refused with 401 for button clicks too, forged, stale or unsigned, and write nothing", async () => {
    const reply = await f.slash(WANG, "status");
    const payload = buildMessageBlockActions({
      user: { id: WANG, name: "wangfang" },
      button: { action_id: "item_done", value: "jtda/backup", block_id: "b", text: "完成" },
      message: { ts: "1781000000.000100", text: reply.text, user: f.slack.botUserId, blocks: reply.blocks as never },
      channel: { id: "C0GENERAL", name: "general" },
      responseUrl: f.slack.createResponseUrl({ userId: WANG }).url,
      isEphemeral: true,
    });
    const before = await written();
    for (const opts of [{ signature: "v0=" + "1".repeat(64) }, { timestamp: nowSeconds() - 60 * 10 }, { signature: "" }]) {
      expect((await sendInteraction(f.url, SIGNING_SECRET, payload, opts)).status).toBe(401);
    }
    expect((await sendInteraction(f.url, "anothersecret0123456789abcdef", payload)).status).toBe(401);
    await f.idle();
    expect(await written()).toBe(before);
    // The same click, signed, is applied: the refusals above were the signature's doing.
    expect((await sendInteraction(f.url, SIGNING_SECRET, payload)).status).toBe(200);
    await f.idle();
    expect((await f.store.db.checklistItem.findUniqueOrThrow({ where: { key: "jtda/backup" } })).state).toBe("done");
  });
});

describe("a repeated delivery of the same request", () => {
  it("is applied once and answered with the same reply", async () => {
    const triggerId = f.slack.newTriggerId();
    const first = await f.slash(WANG, "doing unbind 已联系机房", { triggerId });
    const audits = await f.store.db.auditEntry.count();
    const again = await f.slash(WANG, "doing unbind 已联系机房", { triggerId, retryNum: 1 });
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(await f.store.db.auditEntry.count()).toBe(audits);
  });
});

describe("GET /healthz", () => {
  it("says the store can be written and the coordinators' channel reached", async () => {
    const res = await fetch(f.url.replace("/slack/events", "/healthz"));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, store: { state: "writable" }, digestChannel: { state: "member" } });
  });
});

describe("the digest and the export on demand", () => {
  it("posts a digest to the coordinators' channel now, or previews it only to the caller", async () => {
    const before = f.slack.messages("C0DIGEST").length;
    const preview = await f.slash(COORDINATOR, "digest preview");
    expect(preview.all).toContain("38");
    expect(f.slack.messages("C0DIGEST")).toHaveLength(before);
    const posted = await f.slash(COORDINATOR, "简报");
    expect(posted.text).toContain("已在 <#C0DIGEST> 发布简报");
    expect(f.slack.messages("C0DIGEST")).toHaveLength(before + 1);
    expect((await f.slash(WANG, "digest")).all).toContain("只有协调员可以使用");
  });

  it("sends the status CSV to the caller's DM as a file, the same as npm run export", async () => {
    const reply = await f.slash(COORDINATOR, "export csv");
    expect(reply.text).toContain("进度表（CSV）已发到你的私信");
    const file = f.slack.files().at(-1)!;
    const rows = file.content.toString("utf8").split("\r\n");
    expect(rows[0]).toBe("\uFEFFunit_name,unit_key,task,domain,state,method,note,updated_at,updated_by,deadline,due_at,batch,verification,verified_at,evidence");
    expect(rows.filter(Boolean)).toHaveLength(270);
  });

  it("neutralises a note that looks like a formula in the exported file", async () => {
    const formula = '=HYPERLINK("http://evil.example","点我")';
    expect((await f.finalReply(await f.slash(WANG, `blocked unbind ${formula}`)))).toContain("已记录");
    // NOTE: `export` sends the Excel report (its cells are neutralised too, see facts-and-notices); this is the CSV.
    await f.slash(COORDINATOR, "export csv");
    const content = f.slack.files().at(-1)!.content.toString("utf8");
    const unbind = content.split("\r\n").find((r) => r.startsWith("档案局,jtda,unbind,"))!;
    expect(unbind).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(content).not.toMatch(/(^|,)"?[=+\-@]/m);
  });
});
