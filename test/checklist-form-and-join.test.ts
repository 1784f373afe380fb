// The checklist form and joining a unit, through the real endpoint.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COORDINATOR, registerContact, startBotFixture, type BotFixture } from "./helpers/bot-fixture.ts";
import { waitFor } from "./helpers/script-process.ts";

let f: BotFixture;
const WANG = "U0WANG"; // 档案局
const NEWBIE = "U0NEWBIE";

beforeAll(async () => {
  f = await startBotFixture();
  await registerContact(f, WANG, "王芳", ["jtda"]);
  f.slack.addUser({ id: NEWBIE, name: "newbie", realName: "钱八" });
});
afterAll(async () => {
  await f.close();
});

/** Until the bot has done what the last request set off. */
const settle = () => f.idle();
const item = (key: string) => f.store.db.checklistItem.findUniqueOrThrow({ where: { key } });
const lastModal = () => f.slack.views().filter((v) => v.type === "modal").at(-1)!;

describe("/shutdown form", () => {
  it("opens a modal with every item's state and note and the unit's facts", async () => {
    const reply = await f.slash(WANG, "表单");
    expect(reply.text).toContain("已打开「档案局」的清单表单");
    const view = JSON.stringify(lastModal().view);
    expect(view).toContain('"callback_id":"checklist_form"');
    for (const key of ["jtda/column", "jtda/backup", "jtda/site", "jtda/unbind", "jtda/domain/jtda.gov.cn", "jtda/icp", "jtda/ipicp"]) {
      expect(view).toContain(`"block_id":"state:${key}"`);
      expect(view).toContain(`"block_id":"note:${key}"`);
    }
    expect(view).toContain("网站接入服务商");
    expect(view).toContain("已删除解析（代替注销）");
  });

  it("shows problems next to their fields and writes nothing", async () => {
    await f.slash(WANG, "form");
    const before = await f.exportJson();
    const audits = await f.store.db.auditEntry.count();
    const res = await f.submitLastView(WANG, {
      "state:jtda/column": { value: "done" },
      "state:jtda/icp": { value: "blocked" },
      "state:jtda/backup": { value: "na" },
      icp: { value: "12345" },
    });
    expect(res.body).toEqual({
      response_action: "errors",
      errors: {
        "note:jtda/icp": "「受阻」和「不适用」需要写明原因。",
        "note:jtda/backup": "「受阻」和「不适用」需要写明原因。",
        icp: "备案号格式应为「苏ICP备12345678号」",
      },
    });
    expect(await f.exportJson()).toBe(before);
    expect(await f.store.db.auditEntry.count()).toBe(audits);
  });

  it("applies every change in one go with audit entries from the modal", async () => {
    await f.slash(WANG, "form");
    const res = await f.submitLastView(WANG, {
      "state:jtda/column": { value: "done" },
      "note:jtda/column": { value: "栏目已上线" },
      "state:jtda/backup": { value: "na" },
      "note:jtda/backup": { value: "无数据需要迁移" },
      "state:jtda/domain/jtda.gov.cn": { value: "done_dns" },
      provider: { value: "local" },
      icp: { value: "苏ICP备87654321号" },
      secondlevel: { value: "no" },
    });
    expect(res.status).toBe(200);
    await settle();
    expect(await item("jtda/column")).toMatchObject({ state: "done", note: "栏目已上线" });
    expect(await item("jtda/backup")).toMatchObject({ state: "na", note: "无数据需要迁移" });
    expect(await item("jtda/domain/jtda.gov.cn")).toMatchObject({ state: "done", method: "dns_removed" });
    expect(await f.store.db.unit.findUniqueOrThrow({ where: { key: "jtda" } })).toMatchObject({
      localTelecom: true, icpNumber: "苏ICP备87654321号", secondLevel: false, migrateData: null,
    });
    const sources = new Set((await f.store.db.auditEntry.findMany({ where: { actor: WANG, source: "modal" } })).map((a) => a.field));
    // The form's 备案号 is also the unit's first filing's (icp.number).
    expect(sources).toEqual(new Set(["state", "method", "unit.localTelecom", "unit.icpNumber", "icp.number", "unit.secondLevel"]));
    // No second-level systems: IP备案 is 不适用, by the system, with the fact as its reason.
    expect(await item("jtda/ipicp")).toMatchObject({ state: "na", note: "没有二级域名系统", updatedBy: "system" });
    const ipicp = (await item("jtda/ipicp")).id;
    const system = await f.store.db.auditEntry.findMany({ where: { itemId: ipicp } });
    expect(system.map((a) => [a.actor, a.source, a.fromValue, a.toValue, a.note])).toEqual([["system", "system", "todo", "na", "单位情况：没有二级域名系统"]]);
    // The form was opened from #general, where the bot is not: the confirmation comes by DM.
    const confirmation = () => f.slack.dmMessages(WANG).find((m) => m.text.includes("已保存档案局的清单"))?.text ?? "";
    await waitFor(() => confirmation() !== "");
    expect(f.slack.ephemerals(WANG)).toEqual([]);
    expect(confirmation()).toContain("已保存档案局的清单：7 处修改");
    expect(confirmation()).toContain("「IP备案」已改为不适用");
  });

  it("refuses a submission from someone who may not change the unit", async () => {
    await f.slash(WANG, "form");
    const before = await f.exportJson();
    const res = await f.submitLastView("U0INTRUDER", { "state:jtda/site": { value: "done" } });
    expect(JSON.stringify(res.body)).toContain("你还没有登记");
    expect(await f.exportJson()).toBe(before);
  });
});

describe("/shutdown join", () => {
  it("posts a request to the coordinators with 批准 / 拒绝; approval registers the requester and tells them", async () => {
    const reply = await f.slash(NEWBIE, "加入 档案局");
    expect(reply.text).toContain("已提交申请：成为档案局的联系人");
    expect((await f.slash(NEWBIE, "join 档案局")).text).toContain("正在等待协调员审批");
    const posted = f.slack.messages("C0DIGEST").at(-1)!;
    expect(posted.text).toContain("<@U0NEWBIE> 申请成为 *档案局* 的联系人");

    // Only coordinators can decide: someone else in the channel is told there, someone outside
    // it (the button forwarded to them) by DM.
    f.slack.addUser({ id: "U0CLERK", name: "clerk", realName: "文员" });
    f.slack.invite("C0DIGEST", "U0CLERK");
    const approve = JSON.parse(JSON.stringify(posted.blocks))[1].elements[0].value;
    await f.clickInMessage("U0CLERK", "C0DIGEST", posted.ts, "join_approve", approve);
    await settle();
    expect(f.slack.ephemerals("U0CLERK").at(-1)?.text).toContain("只有协调员可以审批");
    await f.clickInMessage(WANG, "C0DIGEST", posted.ts, "join_approve", approve);
    await settle();
    expect(f.slack.dmMessages(WANG).at(-1)?.text).toContain("只有协调员可以审批");
    expect((await f.slash(NEWBIE, "status")).all).toContain("你还没有登记");

    const id = (await f.store.db.joinRequest.findFirstOrThrow({ where: { userId: NEWBIE } })).id;
    await f.clickInMessage(COORDINATOR, "C0DIGEST", posted.ts, "join_approve", String(id));
    await settle();
    expect((await f.slash(NEWBIE, "status")).all).toContain("档案局 关停清单");
    const updated = f.slack.messages("C0DIGEST").find((m) => m.ts === posted.ts)!;
    expect(updated.text).toContain("✅ 已批准（<@U0COORD>）");
    expect(JSON.stringify(updated.blocks)).not.toContain("join_approve");
    // The same welcome as a contact registered with assign: units, checklist, deadlines, how, who.
    await waitFor(() => f.slack.dmMessages(NEWBIE).length > 0);
    const welcome = JSON.stringify(f.slack.dmMessages(NEWBIE).at(-1));
    expect(welcome).toContain("你已登记为 *档案局* 的网站关停联系人");
    for (const words of ["过渡栏目上线", "6月20日 23:59 前", "6月21日 00:00 至 6月23日 23:59", "/shutdown 栏目已上线", "82900326", "417室"]) {
      expect(welcome).toContain(words);
    }
    const audit = await f.store.db.auditEntry.findMany({ where: { subject: NEWBIE }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.field, a.fromValue, a.toValue, a.actor])).toEqual([
      ["join", null, "pending", NEWBIE],
      ["join", "pending", "approved", COORDINATOR],
      ["contact", null, "钱八 (U0NEWBIE)", COORDINATOR],
    ]);

    // A second press changes nothing.
    await f.clickInMessage(COORDINATOR, "C0DIGEST", posted.ts, "join_reject", String(id)).catch(() => undefined);
    await settle();
    expect(await f.store.db.joinRequest.count({ where: { status: "rejected" } })).toBe(0);
  });

  it("a rejection is audited and the requester is told", async () => {
    f.slack.addUser({ id: "U0SOMEONE", name: "someone", realName: "周九" });
    await f.slash("U0SOMEONE", "join 薛埠镇");
    const posted = f.slack.messages("C0DIGEST").at(-1)!;
    const id = (await f.store.db.joinRequest.findFirstOrThrow({ where: { userId: "U0SOMEONE" } })).id;
    await f.clickInMessage(COORDINATOR, "C0DIGEST", posted.ts, "join_reject", String(id));
    await settle();
    expect(f.slack.dmMessages("U0SOMEONE").at(-1)?.text).toContain("未获批准");
    // Through the delivery log, like every message a change sends: once, and sent later if Slack was down.
    expect(await f.store.db.delivery.findUnique({ where: { key: `join-rejected:${id}` } })).toMatchObject({ status: "sent", target: "U0SOMEONE" });
    expect((await f.slash("U0SOMEONE", "status")).all).toContain("你还没有登记");
  });
});
