// Every surface at the worst sizes of the campaign, through the real endpoint and the Slack
// stand-in: the 38 units of 附件3, a contact of six units, ~55 blocked items with reasons of
// ~260 characters, everything overdue, and a hostile note and hostile names. Everything the bot
// sends is accepted, within Slack's limits, nothing a person is responsible for is left out,
// and no user text becomes a mention, a broadcast or a link — in the replies, the reminders, the
// escalation, the digest (its waiting items, open units and net changes), App Home, the welcome and
// deadline-moved DMs, the 🎉 line and the unit detail's audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDigest } from "../src/digest/digest-pass.ts";
import { runReminderPass } from "../src/reminders/reminder-pass.ts";
import { escapeMrkdwn } from "../src/messages/mrkdwn.ts";
import { blockChars } from "../src/slack/blocks/message-budget.ts";
import { checkBlocks, checkView, formatProblem } from "../src/slack/standin/index.ts";
import { COORDINATOR, registerContact, startBotFixture, type BotFixture, type SlashReply } from "./helpers/bot-fixture.ts";
import { addContact, setState } from "./helpers/campaign-script.ts";

const HOSTILE = "等待 <!channel> <!here> 回复 <@U0COORD> 1<2 & 3>2 <http://evil.example|点我>";
const HOSTILE_SHOWN = "回复 &lt;@U0COORD&gt; 1&lt;2 &amp; 3&gt;2 &lt;http://evil.example|点我&gt;";
const HOSTILE_NAME = "李<!here>明 & <@U0COORD>";
/** A reason of about 260 characters that starts with the hostile note. */
const reason = (n: number) => `${HOSTILE}。第${n}项：${"注册商要求单位法人携带公章和营业执照原件到场办理注销手续，".repeat(6)}`.slice(0, 262);

const SIX = "U0SIX";
const SIX_UNITS = ["jtda", "jtga", "jtsf", "jtupo", "jttour", "jtgjj"]; // in 附件3 order
const ONE = "U0ONE"; // 区民防局 only: its reminder has a button row per item
const JOINER = "U0JOIN";
const NOW = new Date("2027-06-25T09:00:00+08:00");

let f: BotFixture;
/** Everything a person saw on a reply to a slash command (acks and response_url posts). */
const replies: { what: string; body: { text?: string; blocks?: unknown[] } }[] = [];
let blockedTotal = 0;

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A command as Slack sends what was typed: `&`, `<`, `>` as entities. */
async function slash(userId: string, typed: string, what = typed): Promise<SlashReply> {
  const reply = await f.slash(userId, escapeMrkdwn(typed));
  expect(reply.status, what).toBe(200);
  replies.push({ what, body: reply.body as never });
  return reply;
}

beforeAll(async () => {
  f = await startBotFixture();
  f.now = new Date("2027-06-12T10:00:00+08:00");
  // The name the bot records comes from the Slack profile: a hostile one.
  f.slack.addUser({ id: SIX, name: "lisix", realName: HOSTILE_NAME });
  await registerContact(f, SIX, "lisix", SIX_UNITS);
  await registerContact(f, ONE, "周一", ["jtmf"]);
  f.slack.addUser({ id: JOINER, name: "joiner", realName: `${HOSTILE_NAME}（新）` });
  await addContact(f.store.db, "jtfzb", { name: "赵<b>六</b>", slackUserId: "U0ZHAO", phone: "0519-82900326" });
  f.slack.addUser({ id: "U0ZHAO", name: "zhao" });
  await addContact(f.store.db, "jtez", { name: "钱七 & <!channel>", phone: "13800000000" });

  // ~55 blocked items over every unit, each with a reason of ~260 characters.
  const units = await f.store.db.unit.findMany({ orderBy: { position: "asc" }, include: { items: true } });
  let n = 0;
  for (const unit of units) {
    for (const item of unit.items.filter((i) => i.task === "site" || (i.task === "icp" && unit.position % 2 === 0))) {
      await setState(f.store.db, item.key, "blocked", { actor: "U0ZHAO", at: new Date("2027-06-22T10:00:00+08:00"), note: reason(++n) });
    }
  }
  // 档案局: everything done but its last item, reported below.
  for (const item of units.find((u) => u.key === "jtda")!.items.filter((i) => i.task !== "ipicp")) {
    await setState(f.store.db, item.key, item.task === "backup" ? "na" : "done", { actor: SIX, at: new Date("2027-06-20T10:00:00+08:00") });
  }
  f.now = NOW;
});
afterAll(async () => {
  // NOTE: App Home refreshes run after the replies; let the last round finish before the store closes.
  let calls = -1;
  for (let i = 0; i < 50 && calls !== f.slack.calls.length; i++) {
    calls = f.slack.calls.length;
    await new Promise((r) => setTimeout(r, 300));
  }
  await f.close();
});

interface Shown {
  where: string;
  surface: "message" | "view";
  text?: string;
  blocks: unknown[];
  view?: Record<string, unknown>;
}

/** Everything the bot sent that a person reads, from the stand-in's record and the replies. */
function everythingShown(): Shown[] {
  const shown: Shown[] = [];
  for (const call of f.slack.calls) {
    const args = call.args as { text?: string; blocks?: unknown[]; view?: { blocks?: unknown[] } & Record<string, unknown> };
    if (["chat.postMessage", "chat.update", "chat.postEphemeral"].includes(call.method)) {
      shown.push({ where: `${call.method} ${JSON.stringify(args.text ?? "").slice(0, 60)}`, surface: "message", text: args.text, blocks: args.blocks ?? [] });
    }
    if (["views.open", "views.publish", "views.update", "views.push"].includes(call.method)) {
      shown.push({ where: call.method, surface: "view", blocks: args.view?.blocks ?? [], view: args.view });
    }
  }
  for (const post of f.slack.responses()) {
    const body = post.body as { text?: string; blocks?: unknown[] };
    shown.push({ where: `response_url ${JSON.stringify(body.text ?? "").slice(0, 60)}`, surface: "message", text: body.text, blocks: body.blocks ?? [] });
  }
  for (const r of replies) shown.push({ where: `reply to ${r.what.slice(0, 60)}`, surface: "message", text: r.body.text, blocks: r.body.blocks ?? [] });
  return shown;
}

type Json = Record<string, unknown>;

/** Every text object of a surface with where it is. */
function textObjects(node: unknown, path = ""): { path: string; obj: Json }[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => textObjects(n, `${path}/${i}`));
  if (typeof node !== "object" || node === null) return [];
  const obj = node as Json;
  const here = (obj.type === "mrkdwn" || obj.type === "plain_text") && typeof obj.text === "string" ? [{ path, obj }] : [];
  return [...here, ...Object.entries(obj).flatMap(([k, v]) => (typeof v === "object" ? textObjects(v, `${path}/${k}`) : []))];
}

/** Slack's control sequences in a mrkdwn text that user text must never produce. */
function hostileMarkup(text: string): string[] {
  const found: string[] = [];
  if (text.includes("<!")) found.push("a broadcast (<!…>)");
  if (/<(https?|mailto):/.test(text)) found.push("a link");
  if (/回复 <@/.test(text) || /1<2/.test(text) || /<b>/.test(text)) found.push("user text unescaped");
  return found;
}

function expectAcceptedAndWithinBudget(s: Shown) {
  const max = s.surface === "message" ? 50 : 100;
  expect(s.blocks.length, `${s.where}: blocks`).toBeLessThanOrEqual(max);
  if (s.surface === "message") expect(blockChars(s.blocks), `${s.where}: characters across blocks`).toBeLessThanOrEqual(12_000);
  for (const { path, obj } of textObjects(s.blocks)) {
    const text = obj.text as string;
    expect(text.length, `${s.where}${path}: one text`).toBeLessThanOrEqual(3000);
    if (obj.type === "mrkdwn") {
      expect(obj.verbatim, `${s.where}${path}: mrkdwn is verbatim, so nothing typed is auto-linked`).toBe(true);
      expect(hostileMarkup(text), `${s.where}${path}: ${text.slice(0, 200)}`).toEqual([]);
    }
  }
  if (s.text !== undefined) expect(hostileMarkup(s.text), `${s.where}: fallback text`).toEqual([]);
  // Slack never shows "…及其他 N 项（内容太多，未能显示）": the last guard never had to cut.
  expect(JSON.stringify(s.blocks), s.where).not.toContain("未能显示");
}

/** The newest reminder DM of a person, whatever else (a welcome, a deadline notice) reached them after it. */
const reminderOf = (user: string) => f.slack.dmMessages(user).findLast((m) => String(m.metadata?.event_payload.key ?? "").startsWith("reminder:"))!;
const plain = (blocks: unknown[]) => textObjects(blocks).map(({ obj }) => obj.text as string).join("\n");
const unitButtons = (blocks: unknown[]) =>
  (blocks as { accessory?: { action_id?: string; value?: string } }[]).flatMap((b) => (b.accessory?.action_id === "unit_checklist" ? [b.accessory.value] : []));

describe("every surface at the worst sizes", () => {
  it("status, the done reply, help, overview and unit detail", async () => {
    const help = await slash(SIX, "help");
    expect(plain(help.blocks)).toContain("/shutdown status");
    await slash(COORDINATOR, "帮助");

    // A contact of six units sees all six, one block each with a button to its checklist.
    const many = await slash(SIX, "status");
    expect(unitButtons(many.blocks)).toEqual(SIX_UNITS);
    expect(plain(many.blocks)).toContain("区旅游局");

    // One unit in full, with the hostile reason as text.
    const tour = await slash(SIX, "区旅游局 status");
    expect(plain(tour.blocks)).toContain(HOSTILE_SHOWN);
    expect(JSON.stringify(tour.blocks)).toContain('"value":"jttour/domain/jtly.gov.cn"');

    // The 🎉 reply: every deadline of 档案局 reads 已完成, never 已逾期.
    const done = await slash(SIX, "档案局 done ipicp");
    const doneText = plain(done.blocks);
    expect(doneText).toContain("🎉 全部事项已完成");
    expect(doneText).toContain("✅ 已完成（6月20日 23:59 截止）");
    expect(doneText).not.toContain("已逾期");
    expect(plain((await slash(SIX, "档案局 status")).blocks)).not.toContain("已逾期");
    // …and the coordinators' channel hears it at once, in one line.
    await waitFor("the 🎉 line", () => f.slack.messages("C0DIGEST").find((m) => (m.text ?? "").startsWith("🎉 档案局 已全部完成")));

    // A hostile note through the slash command is stored as typed and shown escaped.
    const blocked = await slash(SIX, `区司法局 blocked unbind ${HOSTILE}`);
    expect(plain(blocked.blocks)).toContain(HOSTILE_SHOWN);
    const rows = JSON.parse(await f.exportJson()) as { unit_key: string; task: string; note: string | null }[];
    expect(rows.find((r) => r.unit_key === "jtsf" && r.task === "unbind")?.note).toBe(HOSTILE);

    // A note over the limit is refused, with the limit and the command to type, and nothing written.
    const before = await f.exportJson();
    const long = await slash(SIX, `区规划局 blocked unbind ${"很".repeat(600)}`);
    expect(plain(long.blocks)).toContain("最多 500 个字");
    expect(plain(long.blocks)).toContain("/shutdown 区规划局 blocked unbind");
    expect(await f.exportJson()).toBe(before);

    blockedTotal = await f.store.db.checklistItem.count({ where: { state: "blocked" } });
    expect(blockedTotal).toBeGreaterThanOrEqual(53);

    // The overview: the blocked list is cut between entries, each shown whole, and ends saying how many more.
    const overview = plain((await slash(COORDINATOR, "overview")).blocks);
    const shownBlocked = overview.split("\n").filter((l) => l.startsWith("⛔ "));
    const more = /…及其他 (\d+) 项/.exec(overview);
    expect(more, "the overview's blocked list ends with …及其他 N 项").not.toBeNull();
    expect(shownBlocked.length + Number(more![1])).toBe(blockedTotal);
    const notes = (await f.store.db.checklistItem.findMany({ where: { state: "blocked" } })).map((i) => escapeMrkdwn(i.note ?? ""));
    for (const line of shownBlocked) expect(notes.some((n) => line.endsWith(`：${n}`)), `shown whole: ${line}`).toBe(true);

    const detail = plain((await slash(COORDINATOR, "unit 区司法局")).blocks);
    for (const label of ["过渡栏目", "数据备份/迁移", "网站关停", "解除绑定", "域名注销 jtpf.gov.cn", "域名注销 jtsfxz.gov.cn", "备案注销", "IP备案"]) {
      expect(detail).toContain(label);
    }
    expect(detail).toContain("最近 10 条记录");
    // The audit trail names the person (a hostile Slack name, escaped) and shows the hostile note as text.
    const trail = detail.slice(detail.indexOf("最近 10 条记录"));
    expect(trail).toContain("李&lt;!here&gt;明 &amp; &lt;@U0COORD&gt;（命令）：解除绑定：未开始 → 受阻");
    expect(trail).toContain(HOSTILE_SHOWN);
  });

  it("the form, and the reason and domain modals", async () => {
    // A note kept from before the limit still opens as a valid form.
    await f.store.db.checklistItem.update({ where: { key: "jtupo/column" }, data: { state: "blocked", note: "旧".repeat(600) } });
    await slash(SIX, "区规划局 form");
    const form = await waitFor("the form", () => f.slack.views().filter((v) => v.type === "modal").at(-1));
    const notes = (form.view.blocks as { block_id?: string; element?: { max_length?: number; initial_value?: string } }[]).filter((b) => b.block_id?.startsWith("note:"));
    for (const b of notes) expect((b.element?.initial_value ?? "").length).toBeLessThanOrEqual(b.element!.max_length!);
    // Sent back unchanged, the old note stays whole.
    await f.submitLastView(SIX, { "state:jtupo/column": { value: "blocked" }, "note:jtupo/column": { value: notes.find((b) => b.block_id === "note:jtupo/column")!.element!.initial_value! } });
    expect((await f.store.db.checklistItem.findUniqueOrThrow({ where: { key: "jtupo/column" } })).note).toBe("旧".repeat(600));

    // The form of a unit whose notes are hostile shows them as typed (plain text is not escaped).
    await slash(SIX, "区司法局 form");
    const sfForm = await waitFor("区司法局's form", () => f.slack.views().filter((v) => v.type === "modal").at(-1)?.view.blocks as unknown[] | undefined);
    expect(JSON.stringify(sfForm)).toContain(JSON.stringify(HOSTILE).slice(1, -1));

    // 遇到问题 in a status reply: a modal for the reason; a hostile reason arrives as typed.
    const status = await slash(SIX, "区旅游局 status");
    const modals = f.slack.views().length;
    await f.clickInReply(SIX, status, "item_blocked", "jttour/column");
    await waitFor("the reason modal", () => f.slack.views().length > modals);
    await f.submitLastView(SIX, { reason: { value: HOSTILE } });
    await waitFor("the reason recorded", async () => (await f.store.db.checklistItem.findUniqueOrThrow({ where: { key: "jttour/column" } })).note === HOSTILE);

    // 完成 on a domain asks how it was taken down.
    const again = await slash(SIX, "区旅游局 status");
    const before = f.slack.views().length;
    await f.clickInReply(SIX, again, "item_done", "jttour/domain/jtly.gov.cn");
    const method = await waitFor("the domain modal", () => (f.slack.views().length > before ? f.slack.views().at(-1) : undefined));
    expect(JSON.stringify(method.view)).toContain("已在注册机构注销域名");
  });

  it("App Home for the contact of six units and for a coordinator", async () => {
    const published = (user: string) => f.slack.callsTo("views.publish").filter((c) => c.args.user_id === user).length;
    const [six, coord] = [published(SIX), published(COORDINATOR)];
    expect(await f.event({ type: "app_home_opened", user: SIX, channel: "D0SIX", tab: "home" })).toBe(200);
    expect(await f.event({ type: "app_home_opened", user: COORDINATOR, channel: "D0COORD", tab: "home" })).toBe(200);
    await waitFor("both homes published", () => published(SIX) > six && published(COORDINATOR) > coord);
    const home = f.slack.homeView(SIX)!.view as { blocks: unknown[] };
    expect(unitButtons(home.blocks)).toEqual(SIX_UNITS);
    expect(plain(home.blocks)).toContain("区旅游局");
    expect(plain(home.blocks)).toMatch(/更新于 6月25日 09:00/);
    const coordHome = plain((f.slack.homeView(COORDINATOR)!.view as { blocks: unknown[] }).blocks);
    expect(coordHome).toMatch(/总览：\d+\/38 个单位已全部完成/);
    expect(coordHome).toMatch(/受阻事项（\d+）[\s\S]*…及其他 \d+ 项/);
  });

  it("the reminders, the escalation and the digest", async () => {
    const pass = await runReminderPass(f.bot.outgoing, NOW);
    expect(pass.results.every((r) => r.outcome === "sent"), JSON.stringify(pass.results.filter((r) => r.outcome !== "sent"))).toBe(true);

    // The contact of six units: all six, each with its button.
    const sixDm = reminderOf(SIX);
    expect(unitButtons(sixDm.blocks ?? [])).toEqual(SIX_UNITS.filter((k) => k !== "jtda"));
    expect(plain(sixDm.blocks ?? [])).toContain("李&lt;!here&gt;明 &amp; &lt;@U0COORD&gt;，你负责的 5 个单位还有");

    // The escalation: phones, units without a contact and what to do, each unit apart.
    const escalation = f.slack.messages("C0DIGEST").find((m) => m.metadata?.event_payload.key === "escalation:2027-06-25")!;
    const esc = plain(escalation.blocks ?? []);
    expect(esc).toContain("<@U0ZHAO> 电话 0519-82900326");
    expect(esc).toContain("钱七 &amp; &lt;!channel&gt;（未登记 Slack，收不到提醒） 电话 13800000000");
    expect(esc).toMatch(/联系人：无。请电话联系\S+，并用 \/shutdown assign \S+ @某人 登记联系人。/);
    // A unit both overdue and without a Slack contact is listed once.
    expect(esc.match(/^\*茅管会\* · /gm)).toHaveLength(1);
    expect(esc).toMatch(/\n\n\*区/);
    const overdue = /逾期未完成的单位（(\d+) 个）/.exec(esc);
    expect(Number(overdue![1])).toBe(37);
    const overduePart = esc.split("*📭")[0]!;
    const cut = /…及其他 (\d+) 个单位/.exec(overduePart);
    const shownOverdue = (overduePart.match(/^\*[^*]+\* · /gm) ?? []).length;
    expect(shownOverdue + (cut ? Number(cut[1]) : 0)).toBe(37);

    // The digest: every list cut between entries and ending with …及其他 N 项, the full table attached.
    const digest = await runDigest(f.bot.outgoing, new Date("2027-06-25T17:00:00+08:00"));
    expect(digest.digest?.truncated).toBe(true);
    const blockedNow = await f.store.db.checklistItem.count({ where: { state: "blocked" } });
    const posted = f.slack.messages("C0DIGEST").find((m) => m.metadata?.event_payload.key === "digest:2027-06-25")!;
    const text = plain(posted.blocks ?? []);
    expect(text).toContain(`受阻事项（${blockedNow} 项）`);
    const blockedPart = text.slice(text.indexOf("受阻事项"), text.indexOf("📭"));
    const shown = (blockedPart.match(/^\*[^*]+\* · /gm) ?? []).length;
    const omitted = /…及其他 (\d+) 项/.exec(blockedPart);
    expect(shown + Number(omitted![1])).toBe(blockedNow);
    expect(blockedPart).toContain(HOSTILE_SHOWN);
    // The net changes: one entry per unit, people by name (escaped), cut between units.
    const changes = /到目前为止的变化（(\d+) 个单位，\d+ 项）/.exec(text);
    expect(changes, "the change list").not.toBeNull();
    const changesPart = text.slice(text.indexOf("到目前为止的变化"));
    const shownUnits = (changesPart.match(/^\*[^*]+\*：/gm) ?? []).length;
    const omittedUnits = /…及其他 (\d+) 个单位/.exec(changesPart);
    expect(shownUnits + (omittedUnits ? Number(omittedUnits[1]) : 0)).toBe(Number(changes![1]));
    expect(changesPart).toContain("*法制办*：网站关停 未开始 → 受阻（赵&lt;b&gt;六&lt;/b&gt;）");
    await waitFor("the digest's CSV", () => f.slack.files().some((file) => file.filename === "shutdown-status-2027-06-25.csv"));
    await slash(COORDINATOR, "digest preview");
  });

  it("clicks in a reminder update the count of open items, by item or by the unit's checklist", async () => {
    // The reminder DM, whatever else (a welcome, a deadline notice) reached the person after it.
    await f.idle();
    // One unit: 完成 on an item.
    const dm = reminderOf(ONE);
    const count = () => /还有 (\d+) 项工作未完成/.exec(plain(f.slack.messages(dm.channel).find((m) => m.ts === dm.ts)!.blocks ?? []))?.[1];
    const before = Number(count());
    await f.clickInMessage(ONE, dm.channel, dm.ts, "item_done", "jtmf/column");
    await waitFor("the count updated", () => Number(count()) === before - 1);

    // Six units: 打开清单 opens the unit's checklist; saving it updates that unit's line and the count.
    const sixDm = reminderOf(SIX);
    const sixCount = () => Number(/还有 (\d+) 项工作未完成/.exec(plain(f.slack.messages(sixDm.channel).find((m) => m.ts === sixDm.ts)!.blocks ?? []))?.[1]);
    const sixBefore = sixCount();
    const modals = f.slack.views().length;
    await f.clickInMessage(SIX, sixDm.channel, sixDm.ts, "unit_checklist", "jtgjj");
    await waitFor("the checklist form", () => f.slack.views().length > modals);
    await f.submitLastView(SIX, { "state:jtgjj/column": { value: "done" }, "state:jtgjj/backup": { value: "done" } });
    await waitFor("the unit's line and the count updated", () => sixCount() === sixBefore - 2);
  });

  it("a join request and its decision, from someone whose Slack name is hostile", async () => {
    await slash(JOINER, "join 区民防局");
    const request = await waitFor("the join request", () => f.slack.messages("C0DIGEST").find((m) => JSON.stringify(m.blocks ?? []).includes("join_approve")));
    const id = /"value":"(\d+)"/.exec(JSON.stringify(request.blocks))![1]!;
    await f.clickInMessage(COORDINATOR, "C0DIGEST", request.ts, "join_approve", id);
    await waitFor("the decision", () => JSON.stringify(f.slack.messages("C0DIGEST").find((m) => m.ts === request.ts)!.blocks).includes("已批准"));
    await waitFor("the requester's DM", () => f.slack.dmMessages(JOINER).length > 0);
    // The new contact's hostile name shows escaped where coordinators read it.
    const detail = plain((await slash(COORDINATOR, "unit 区民防局")).blocks);
    expect(detail).toContain("<@U0JOIN>");
  });

  it("the welcome DM, the deadline-moved DM, and the digest's waiting items and open units", async () => {
    // A new contact with a hostile Slack name gets the welcome DM.
    const NEW = "U0NEW";
    f.slack.addUser({ id: NEW, name: "newone", realName: `${HOSTILE_NAME}（三）` });
    await slash(COORDINATOR, `assign 区旅游局 <@${NEW}|newone>`);
    const welcome = await waitFor("the welcome DM", () => f.slack.dmMessages(NEW).find((m) => plain(m.blocks ?? []).includes("欢迎参加网站关停工作")));
    expect(plain(welcome.blocks ?? [])).toContain("李&lt;!here&gt;明 &amp; &lt;@U0COORD&gt;（三），你已登记为 *区旅游局* 的网站关停联系人");

    // Moving the shutdown deadline DMs every contact with unfinished work under it; the contact of
    // six units reads every unit still open; setting it back restores the exact instant.
    const shutdown = await f.store.db.deadline.findUniqueOrThrow({ where: { key: "shutdown" } });
    const sixDms = f.slack.dmMessages(SIX).length;
    await slash(COORDINATOR, "deadline shutdown 2027-06-26 18:00");
    const moved = await waitFor("the deadline-moved DM", () => f.slack.dmMessages(SIX).slice(sixDms).find((m) => plain(m.blocks ?? []).includes("截止时间有变化")));
    const movedText = plain(moved.blocks ?? []);
    for (const unit of ["区公安分局", "区司法局", "区规划局", "区旅游局", "公积金中心"]) expect(movedText).toContain(`*${unit}* 还有`);
    expect(movedText).toContain("/shutdown 区公安分局 ");
    await slash(COORDINATOR, "deadline shutdown 2027-06-23 23:59");
    expect((await f.store.db.deadline.findUniqueOrThrow({ where: { key: "shutdown" } })).dueAt).toEqual(shutdown.dueAt);

    // Waiting items: one reported with the hostile note, the rest with long reasons, in every unit.
    await slash(SIX, `区旅游局 waiting icp 7月10日 ${HOSTILE}`);
    const units = await f.store.db.unit.findMany({ orderBy: { position: "asc" }, include: { items: true } });
    let n = 0;
    for (const unit of units.filter((u) => !["jtda", "jtmf", "jttour"].includes(u.key))) {
      await f.store.db.checklistItem.update({
        where: { key: `${unit.key}/unbind` },
        data: { state: "doing", note: reason(++n), expectedBy: new Date("2027-07-10T23:59:59+08:00") },
      });
    }
    const waitingTotal = n + 1;
    const cutAtEntry = (part: string, entry: RegExp, total: number) => {
      const shown = (part.match(entry) ?? []).length;
      const omitted = /…及其他 (\d+) (项|个单位)/.exec(part);
      expect(shown + (omitted ? Number(omitted[1]) : 0)).toBe(total);
      return shown;
    };
    const preview = plain((await slash(COORDINATOR, "digest preview")).blocks);
    expect(preview).toContain(`等待中的事项（${waitingTotal} 项）`);
    const waitingPart = preview.slice(preview.indexOf("等待中的事项"), preview.indexOf("📭"));
    expect(cutAtEntry(waitingPart, /^\*[^*]+\* · /gm, waitingTotal)).toBeGreaterThan(0);
    // Every entry shown whole, its reason (the hostile note first) as text.
    for (const line of waitingPart.split("\n").filter((l) => / · /.test(l))) expect(line).toMatch(/：预计 7月10日（等待 &lt;!channel&gt; .*）$/);
    // The one reported through the command reads 等待中 with its date and the note as typed.
    expect(plain((await slash(SIX, "区旅游局 status")).blocks)).toContain(`⏳ 等待中（预计 7月10日）  *备案注销* — ${escapeMrkdwn(HOSTILE)}`);

    // Before the window closes, the digest names the units still open under it, cut between names.
    f.now = new Date("2027-06-22T17:00:00+08:00");
    const before = plain((await slash(COORDINATOR, "digest preview")).blocks);
    f.now = NOW;
    const open = /网站关停（6月21日–6月23日）：还剩 1 天（6月23日 23:59 截止），(\d+) 个单位未完成：(.*)/.exec(before);
    expect(open, "the open units are named").not.toBeNull();
    const names = open![2]!.replace(/…及其他 \d+ 个单位$/, "").split("、").filter(Boolean);
    const more = /…及其他 (\d+) 个单位$/.exec(open![2]!);
    expect(names.length + (more ? Number(more[1]) : 0)).toBe(Number(open![1]));
    expect(names).toContain("区公安分局");
  });

  it("everything sent was accepted by Slack, within its limits, and no user text became markup", () => {
    const refused = (c: (typeof f.slack.calls)[number]) => typeof c.response !== "object" || c.response === null || c.response.ok !== true;
    // NOTE: an ephemeral reply in a channel the bot was not invited to is refused by Slack, and the
    // bot then tells the person by DM (tell-privately.ts): that refusal is expected, the DM is not.
    const fellBackToDm = (i: number) => {
      const c = f.slack.calls[i]!;
      const error = (c.response as { error?: string } | null)?.error;
      if (c.method !== "chat.postEphemeral" || (error !== "not_in_channel" && error !== "user_not_in_channel")) return false;
      const user = (c.args as { user?: string }).user;
      return f.slack.calls.slice(i + 1).some((n) => n.method === "chat.postMessage" && (n.args as { channel?: string }).channel === user && !refused(n));
    };
    const failed = f.slack.calls.filter((c, i) => refused(c) && !fellBackToDm(i));
    expect(failed.map((c) => `${c.method}: ${JSON.stringify(c.response).slice(0, 300)}`)).toEqual([]);
    expect(f.slack.responses().filter((p) => p.status !== 200).map((p) => JSON.stringify(p.reply))).toEqual([]);
    const shown = everythingShown();
    expect(shown.length).toBeGreaterThan(30);
    for (const s of shown) {
      expectAcceptedAndWithinBudget(s);
      const problems = s.view ? checkView(s.view) : checkBlocks(s.blocks, "message");
      expect(problems.map(formatProblem), s.where).toEqual([]);
    }
    // The hostile note was shown, escaped, wherever reasons are shown.
    const withNote = new Set(shown.filter((s) => plain(s.blocks).includes(HOSTILE_SHOWN)).map((s) => s.where.split(" ")[0]));
    for (const where of ["reply", "response_url", "chat.postMessage", "chat.update", "views.publish"]) expect(withNote, where).toContain(where);
  });
});
