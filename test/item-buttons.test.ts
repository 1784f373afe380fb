// Buttons and their modals, through the real endpoint with Slack's block_actions and view_submission payloads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebClient } from "@slack/web-api";
import { statusMessage } from "../src/slack/blocks/status-blocks.ts";
import { loadUnitWithItems } from "../src/store/unit-repository.ts";
import { listDeadlines } from "../src/store/campaign-repository.ts";
import { BOT_TOKEN, COORDINATOR, registerContact, startBotFixture, type BotFixture } from "./helpers/bot-fixture.ts";

let f: BotFixture;
const WANG = "U0WANG"; // 档案局
const GA = "U0GA"; // 区公安分局
const OTHER = "U0OTHER"; // 区教育局

beforeAll(async () => {
  f = await startBotFixture();
  for (const [id, name] of [[WANG, "王芳"], [GA, "赵六"], [OTHER, "孙七"]] as const) f.slack.addUser({ id, name, realName: name });
  await registerContact(f, WANG, "王芳", ["jtda"]);
  await registerContact(f, GA, "赵六", ["jtga"]);
  await registerContact(f, OTHER, "孙七", ["jtjiaoyu"]);
});
afterAll(async () => {
  await f.close();
});

const item = (key: string) => f.store.db.checklistItem.findUniqueOrThrow({ where: { key } });
/** Until the bot has done what the last request set off. */
const settle = () => f.idle();

/** Posts a unit's status with buttons into a contact's DM, as a reminder would be. */
async function postStatusToDm(userId: string, unitKey: string) {
  const { unit, items } = (await loadUnitWithItems(f.store.db, unitKey))!;
  const msg = statusMessage(unit, items, await listDeadlines(f.store.db), f.now);
  const client = new WebClient(BOT_TOKEN, { slackApiUrl: f.slack.apiUrl });
  const posted = await client.chat.postMessage({ channel: userId, ...msg });
  return { channel: posted.channel!, ts: posted.ts! };
}

describe("buttons on a status reply", () => {
  it("每个未完成事项都有 完成 / 进行中 / 遇到问题", async () => {
    const reply = await f.slash(WANG, "status");
    const actions = (reply.blocks as { type: string; block_id: string; elements?: { action_id: string; text: { text: string }; value: string }[] }[])
      .filter((b) => b.type === "actions");
    expect(actions).toHaveLength(7);
    expect(actions[0]?.elements?.map((e) => [e.action_id, e.text.text, e.value])).toEqual([
      ["item_done", "完成", "jtda/column"],
      ["item_doing", "进行中", "jtda/column"],
      ["item_blocked", "遇到问题", "jtda/column"],
    ]);
  });

  it("进行中 applies at once and replaces the ephemeral reply in place", async () => {
    const reply = await f.slash(WANG, "status");
    const { http, responseUrlId } = await f.clickInReply(WANG, reply, "item_doing", "jtda/column");
    expect(http.status).toBe(200);
    await settle();
    expect(await item("jtda/column")).toMatchObject({ state: "doing", updatedBy: WANG });
    const posts = f.slack.responses(responseUrlId);
    expect(posts).toHaveLength(1);
    const body = posts[0]!.body as { replace_original: boolean; text: string };
    expect(body.replace_original).toBe(true);
    expect(body.text).toContain("未开始 → 🔄 进行中");
    const audit = await f.store.db.auditEntry.findFirstOrThrow({ where: { itemId: (await item("jtda/column")).id }, orderBy: { id: "desc" } });
    expect(audit.source).toBe("button");
  });

  it("完成 on a plain item updates a DM message in place with chat.update, no new message", async () => {
    const { channel, ts } = await postStatusToDm(WANG, "jtda");
    const before = f.slack.messages(channel).length;
    await f.clickInMessage(WANG, channel, ts, "item_done", "jtda/unbind");
    await settle();
    expect((await item("jtda/unbind")).state).toBe("done");
    expect(f.slack.messages(channel)).toHaveLength(before);
    const updated = f.slack.messages(channel).find((m) => m.ts === ts)!;
    const text = JSON.stringify(updated.blocks);
    expect(text).toContain("✅ 已完成  *解除绑定*");
    expect(text).not.toContain('"value":"jtda/unbind"');
    expect(text).toContain('"value":"jtda/site"');
    expect(f.slack.callsTo("chat.update").length).toBeGreaterThan(0);
  });

  it("遇到问题 opens a modal for the reason; an empty reason is refused next to the field", async () => {
    const { channel, ts } = await postStatusToDm(WANG, "jtda");
    await f.clickInMessage(WANG, channel, ts, "item_blocked", "jtda/icp");
    await settle();
    const modal = f.slack.views().filter((v) => v.type === "modal").at(-1)!;
    expect(JSON.stringify(modal.view)).toContain("遇到了什么问题");
    const empty = await f.submitLastView(WANG, { reason: { value: "  " } });
    expect(empty.body).toMatchObject({ response_action: "errors", errors: { reason: expect.stringContaining("请写明") } });
    expect((await item("jtda/icp")).state).toBe("todo");

    const ok = await f.submitLastView(WANG, { reason: { value: "等待电信回复" } });
    expect(ok.status).toBe(200);
    await settle();
    expect(await item("jtda/icp")).toMatchObject({ state: "blocked", note: "等待电信回复" });
    const updated = f.slack.messages(channel).find((m) => m.ts === ts)!;
    expect(JSON.stringify(updated.blocks)).toContain("⛔ 受阻  *备案注销* — 等待电信回复");
  });

  it("完成 on a domain asks 注销 or 删除解析, and a sub-domain offers only 删除解析", async () => {
    const reply = await f.slash(WANG, "status");
    await f.clickInReply(WANG, reply, "item_done", "jtda/domain/jtda.gov.cn");
    await settle();
    let modal = JSON.stringify(f.slack.views().filter((v) => v.type === "modal").at(-1)!.view);
    expect(modal).toContain("已在注册机构注销域名");
    expect(modal).toContain("不能注销，已删除解析记录");
    await f.submitLastView(WANG, { method: { value: "dns_removed" } });
    await settle();
    expect(await item("jtda/domain/jtda.gov.cn")).toMatchObject({ state: "done", method: "dns_removed" });

    const ga = await f.slash(GA, "status");
    await f.clickInReply(GA, ga, "item_done", "jtga/domain/jt.czsga.gov.cn");
    await settle();
    modal = JSON.stringify(f.slack.views().filter((v) => v.type === "modal").at(-1)!.view);
    expect(modal).not.toContain("已在注册机构注销域名");
    await f.submitLastView(GA, { method: { value: "dns_removed" } });
    await settle();
    expect(await item("jtga/domain/jt.czsga.gov.cn")).toMatchObject({ state: "done", method: "dns_removed" });
  });
});

describe("a button pressed by someone else", () => {
  it("changes nothing and says why", async () => {
    const { channel, ts } = await postStatusToDm(WANG, "jtda");
    const before = await f.exportJson();
    const modalsBefore = f.slack.views().length;
    await f.clickInMessage(OTHER, channel, ts, "item_done", "jtda/site");
    await f.clickInMessage(OTHER, channel, ts, "item_blocked", "jtda/site");
    await f.clickInMessage("U0STRANGER", channel, ts, "item_doing", "jtda/site");
    await settle();
    expect(await f.exportJson()).toBe(before);
    expect(f.slack.views().length).toBe(modalsBefore);
    const told = f.slack.ephemerals().map((e) => `${e.user} ${e.text}`);
    expect(told.some((t) => t.startsWith(OTHER) && t.includes("你只能操作本单位（区教育局）"))).toBe(true);
    expect(told.some((t) => t.startsWith("U0STRANGER") && t.includes("你还没有登记"))).toBe(true);
  });

  it("works for a coordinator acting for the unit", async () => {
    const { channel, ts } = await postStatusToDm(WANG, "jtda");
    await f.clickInMessage(COORDINATOR, channel, ts, "item_doing", "jtda/site");
    await settle();
    expect(await item("jtda/site")).toMatchObject({ state: "doing", updatedBy: COORDINATOR });
  });
});

describe("App Home", () => {
  it("shows a contact their checklist with buttons, and a coordinator the overview", async () => {
    expect(await f.event({ type: "app_home_opened", user: WANG, channel: "D0WANG", tab: "home" })).toBe(200);
    expect(await f.event({ type: "app_home_opened", user: COORDINATOR, channel: "D0COORD", tab: "home" })).toBe(200);
    await settle();
    const home = JSON.stringify(f.slack.homeView(WANG)!.view);
    expect(home).toContain("档案局 关停清单");
    expect(home).toContain('"action_id":"item_done"');
    expect(JSON.stringify(f.slack.homeView(COORDINATOR)!.view)).toMatch(/总览：\d+\/38 个单位已全部完成/);
  });

  it("is refreshed for the unit's contacts and the coordinators when an item changes", async () => {
    const publishes = f.slack.callsTo("views.publish").length;
    await f.slash(WANG, "done backup");
    await settle();
    expect(f.slack.callsTo("views.publish").length).toBeGreaterThan(publishes);
    expect(JSON.stringify(f.slack.homeView(WANG)!.view)).toContain("✅ 已完成  *数据备份/迁移*");
  });

  it("takes clicks on its own buttons and republishes itself", async () => {
    await f.clickInHome(WANG, "item_doing", "jtda/ipicp");
    await settle();
    expect((await item("jtda/ipicp")).state).toBe("doing");
    expect(JSON.stringify(f.slack.homeView(WANG)!.view)).toContain("🔄 进行中  *IP备案*");
  });
});
