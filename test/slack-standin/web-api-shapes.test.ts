import { describe, expect, it } from "vitest";
import { clientFor, HANAKO, platformError, TARO, useStandin } from "./standin-fixture.ts";

const standin = useStandin();
const client = () => clientFor(standin());

const TS = /^\d{10}\.\d{6}$/;

describe("auth.test", () => {
  it("describes the bot and its workspace", async () => {
    const res = await client().auth.test();
    expect(res).toMatchObject({
      ok: true,
      url: "https://standin.slack.com/",
      team: "standin",
      user: "standin-bot",
      team_id: standin().teamId,
      user_id: standin().botUserId,
      bot_id: standin().botId,
    });
  });
});

describe("chat.postMessage", () => {
  it("answers with channel, ts and the stored message, and keeps it in the channel", async () => {
    const blocks = [{ type: "section", text: { type: "mrkdwn", text: "*停止* のお知らせ" } }];
    const res = await client().chat.postMessage({ channel: "C0GENERAL", text: "停止のお知らせ", blocks });
    expect(res.ok).toBe(true);
    expect(res.channel).toBe("C0GENERAL");
    expect(res.ts).toMatch(TS);
    expect(res.message).toMatchObject({
      type: "message",
      text: "停止のお知らせ",
      user: standin().botUserId,
      bot_id: standin().botId,
      ts: res.ts,
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "*停止* のお知らせ" } }],
    });
    expect(standin().messages("C0GENERAL")).toEqual([
      expect.objectContaining({ ts: res.ts, channel: "C0GENERAL", user: standin().botUserId, text: "停止のお知らせ" }),
    ]);
  });

  it("gives blocks without block_id a generated one, as Slack stores them", async () => {
    const res = await client().chat.postMessage({
      channel: "C0GENERAL",
      text: "t",
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: "a" } },
        { type: "actions", block_id: "mine", elements: [{ type: "button", text: { type: "plain_text", text: "完成" } }] },
      ],
    });
    const [first, second] = standin().messages("C0GENERAL")[0]!.blocks!;
    expect(first!.block_id).toEqual(expect.any(String));
    expect(second!.block_id).toBe("mine");
    expect((second!.elements as Array<{ action_id: string }>)[0]!.action_id).toEqual(expect.any(String));
    expect(res.message?.blocks?.[0]?.block_id).toBe(first!.block_id);
  });

  it("hands out strictly increasing ts values", async () => {
    // NOTE: twenty posts at once to one channel; this is about ts, not Slack's posting limit.
    standin().setChannelRateLimit(null);
    const c = client();
    const tss: string[] = [];
    for (let i = 0; i < 20; i++) tss.push((await c.chat.postMessage({ channel: "C0GENERAL", text: `m${i}` })).ts!);
    const asNumbers = tss.map((t) => BigInt(t.replace(".", "")));
    for (let i = 1; i < asNumbers.length; i++) expect(asNumbers[i]! > asNumbers[i - 1]!).toBe(true);
  });

  it("posts to a user id through their DM channel", async () => {
    const res = await client().chat.postMessage({ channel: TARO.id, text: "あなたの担当です" });
    expect(res.channel).toBe(standin().dmChannelOf(TARO.id));
    expect(res.channel).toMatch(/^D/);
    expect(standin().dmMessages(TARO.id).map((m) => m.text)).toEqual(["あなたの担当です"]);
    expect(standin().dmMessages(HANAKO.id)).toEqual([]);
  });

  it("keeps message metadata and thread_ts", async () => {
    const c = client();
    const parent = await c.chat.postMessage({ channel: "C0GENERAL", text: "親" });
    const reply = await c.chat.postMessage({
      channel: "C0GENERAL",
      text: "返信",
      thread_ts: parent.ts!,
      metadata: { event_type: "unit_closed", event_payload: { unit: "u-12" } },
    });
    expect(reply.message?.metadata).toEqual({ event_type: "unit_closed", event_payload: { unit: "u-12" } });
    const stored = standin().messages("C0GENERAL");
    expect(stored[1]).toMatchObject({ thread_ts: parent.ts, metadata: { event_type: "unit_closed" } });
    expect(stored[0]!.reply_count).toBe(1);
  });

  it("accepts a JSON body as well as a form body", async () => {
    const res = await fetch(`${standin().apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", authorization: `Bearer ${standin().botToken}` },
      body: JSON.stringify({ channel: "C0GENERAL", text: "json", blocks: [{ type: "divider" }] }),
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ok: true, channel: "C0GENERAL" });
    expect(standin().callsTo("chat.postMessage")[0]!.args).toMatchObject({ text: "json", blocks: [{ type: "divider" }] });
  });

  it("accepts GET with query parameters and a token parameter", async () => {
    const q = new URLSearchParams({ token: standin().botToken, channel: "C0GENERAL", text: "via GET" });
    const res = await fetch(`${standin().apiUrl}chat.postMessage?${q}`);
    expect(await res.json()).toMatchObject({ ok: true });
    const call = standin().callsTo("chat.postMessage")[0]!;
    expect(call.token).toBe(standin().botToken);
    expect(call.args).not.toHaveProperty("token");
  });
});

describe("chat.update", () => {
  it("replaces text and blocks in place and marks the message edited", async () => {
    const c = client();
    const posted = await c.chat.postMessage({
      channel: "C0GENERAL",
      text: "進捗 1/3",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "1/3" } }],
    });
    await c.chat.postMessage({ channel: "C0GENERAL", text: "別の投稿" });
    const res = await c.chat.update({
      channel: "C0GENERAL",
      ts: posted.ts!,
      text: "進捗 2/3",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "2/3" } }],
    });
    expect(res).toMatchObject({ ok: true, channel: "C0GENERAL", ts: posted.ts, text: "進捗 2/3" });
    expect(res.message).toMatchObject({ text: "進捗 2/3", blocks: [{ type: "section", text: { text: "2/3" } }] });
    const stored = standin().messages("C0GENERAL");
    expect(stored.map((m) => m.text)).toEqual(["進捗 2/3", "別の投稿"]);
    expect(stored[0]!.ts).toBe(posted.ts);
    expect(stored[0]!.edited?.user).toBe(standin().botUserId);
  });

  it("keeps the old blocks when only text is updated, and drops them on an empty array", async () => {
    const c = client();
    const posted = await c.chat.postMessage({ channel: "C0GENERAL", text: "a", blocks: [{ type: "divider" }] });
    await c.chat.update({ channel: "C0GENERAL", ts: posted.ts!, text: "b" });
    expect(standin().messages("C0GENERAL")[0]!.blocks).toHaveLength(1);
    await c.chat.update({ channel: "C0GENERAL", ts: posted.ts!, text: "c", blocks: [] });
    expect(standin().messages("C0GENERAL")[0]!.blocks).toBeUndefined();
  });

  it("answers message_not_found for an unknown ts", async () => {
    const data = await platformError(client().chat.update({ channel: "C0GENERAL", ts: "1700000000.000001", text: "x" }));
    expect(data.error).toBe("message_not_found");
  });

  it("answers cant_update_message for someone else's message", async () => {
    const theirs = standin().addMessage("C0GENERAL", { user: TARO.id, text: "手で書いた" });
    const data = await platformError(client().chat.update({ channel: "C0GENERAL", ts: theirs.ts, text: "x" }));
    expect(data.error).toBe("cant_update_message");
  });
});

describe("chat.postEphemeral", () => {
  it("answers message_ts and shows the message to that user only", async () => {
    const res = await client().chat.postEphemeral({ channel: "C0GENERAL", user: TARO.id, text: "あなただけに" });
    expect(res).toMatchObject({ ok: true, message_ts: expect.stringMatching(TS) });
    expect(standin().ephemerals(TARO.id)).toEqual([
      expect.objectContaining({ channel: "C0GENERAL", user: TARO.id, text: "あなただけに", via: "chat.postEphemeral" }),
    ]);
    expect(standin().ephemerals(HANAKO.id)).toEqual([]);
    expect(standin().messages("C0GENERAL")).toEqual([]);
  });

  it("answers user_not_found for an unknown user", async () => {
    const data = await platformError(client().chat.postEphemeral({ channel: "C0GENERAL", user: "U0NOBODY", text: "x" }));
    expect(data.error).toBe("user_not_found");
  });
});

describe("chat.getPermalink", () => {
  it("builds a Slack archive link from channel and ts", async () => {
    const c = client();
    const posted = await c.chat.postMessage({ channel: "C0GENERAL", text: "link me" });
    const res = await c.chat.getPermalink({ channel: "C0GENERAL", message_ts: posted.ts! });
    expect(res).toMatchObject({
      ok: true,
      channel: "C0GENERAL",
      permalink: `https://standin.slack.com/archives/C0GENERAL/p${posted.ts!.replace(".", "")}`,
    });
  });

  it("answers message_not_found for a ts never posted", async () => {
    const data = await platformError(client().chat.getPermalink({ channel: "C0GENERAL", message_ts: "1700000000.000001" }));
    expect(data.error).toBe("message_not_found");
  });
});

describe("conversations.open", () => {
  it("opens a stable D channel per user", async () => {
    const c = client();
    const first = await c.conversations.open({ users: TARO.id });
    expect(first).toMatchObject({ ok: true, channel: { id: expect.stringMatching(/^D/) } });
    expect(first.already_open).toBeUndefined();
    const again = await c.conversations.open({ users: TARO.id });
    expect(again).toMatchObject({ ok: true, no_op: true, already_open: true, channel: { id: first.channel!.id } });
    const other = await c.conversations.open({ users: HANAKO.id });
    expect(other.channel!.id).not.toBe(first.channel!.id);
    expect(standin().dmChannelOf(TARO.id)).toBe(first.channel!.id);
  });

  it("answers user_not_found for an unknown user", async () => {
    const data = await platformError(client().conversations.open({ users: "U0NOBODY" }));
    expect(data.error).toBe("user_not_found");
  });
});

describe("conversations.history", () => {
  it("lists top-level messages newest first, with metadata", async () => {
    const c = client();
    const a = await c.chat.postMessage({ channel: "C0GENERAL", text: "a", metadata: { event_type: "digest", event_payload: { day: 1 } } });
    await c.chat.postMessage({ channel: "C0GENERAL", text: "reply", thread_ts: a.ts! });
    await c.chat.postMessage({ channel: "C0GENERAL", text: "b" });
    const res = await c.conversations.history({ channel: "C0GENERAL", include_all_metadata: true });
    expect(res).toMatchObject({ ok: true, has_more: false, response_metadata: { next_cursor: "" } });
    expect(res.messages!.map((m) => m.text)).toEqual(["b", "a"]);
    expect(res.messages![1]).toMatchObject({
      metadata: { event_type: "digest", event_payload: { day: 1 } },
      thread_ts: a.ts,
      reply_count: 1,
    });
  });

  it("honours limit, oldest, latest and inclusive, and pages with a cursor", async () => {
    const c = client();
    const ts: string[] = [];
    for (const t of ["1", "2", "3", "4", "5"]) ts.push(standin().addMessage("C0GENERAL", { user: TARO.id, text: t }).ts);

    const page1 = await c.conversations.history({ channel: "C0GENERAL", limit: 2 });
    expect(page1.messages!.map((m) => m.text)).toEqual(["5", "4"]);
    expect(page1.has_more).toBe(true);
    const page2 = await c.conversations.history({ channel: "C0GENERAL", limit: 2, cursor: page1.response_metadata!.next_cursor! });
    expect(page2.messages!.map((m) => m.text)).toEqual(["3", "2"]);

    const between = await c.conversations.history({ channel: "C0GENERAL", oldest: ts[1]!, latest: ts[3]! });
    expect(between.messages!.map((m) => m.text)).toEqual(["3"]);
    const inclusive = await c.conversations.history({ channel: "C0GENERAL", oldest: ts[1]!, latest: ts[3]!, inclusive: true });
    expect(inclusive.messages!.map((m) => m.text)).toEqual(["4", "3", "2"]);
  });

  it("answers channel_not_found for a DM channel never opened", async () => {
    const data = await platformError(client().conversations.history({ channel: "D0NEVEROPENED" }));
    expect(data.error).toBe("channel_not_found");
  });
});

describe("users.info", () => {
  it("describes a workspace user with profile and time zone", async () => {
    const res = await client().users.info({ user: HANAKO.id });
    expect(res.user).toMatchObject({
      id: HANAKO.id,
      name: "hanako",
      real_name: "佐藤 花子",
      tz: "America/New_York",
      is_bot: false,
      profile: { real_name: "佐藤 花子", display_name: "hanako" },
    });
    expect([-4 * 3600, -5 * 3600]).toContain(res.user!.tz_offset);
  });

  it("answers user_not_found for an unknown user", async () => {
    const data = await platformError(client().users.info({ user: "U0NOBODY" }));
    expect(data.error).toBe("user_not_found");
  });
});

describe("views", () => {
  const modal = {
    type: "modal" as const,
    callback_id: "report",
    title: { type: "plain_text" as const, text: "停止の報告" },
    submit: { type: "plain_text" as const, text: "送信" },
    blocks: [{ type: "input", block_id: "reason", label: { type: "plain_text", text: "理由" }, element: { type: "plain_text_input", action_id: "text" } }],
  };

  it("views.open answers the view with id and hash and records it", async () => {
    const trigger = standin().newTriggerId();
    const res = await client().views.open({ trigger_id: trigger, view: modal });
    expect(res.view).toMatchObject({
      id: expect.stringMatching(/^V/),
      type: "modal",
      callback_id: "report",
      title: { type: "plain_text", text: "停止の報告" },
      hash: expect.any(String),
      state: { values: {} },
      team_id: standin().teamId,
      bot_id: standin().botId,
    });
    expect(res.view!.root_view_id).toBe(res.view!.id);
    expect(standin().views()).toEqual([expect.objectContaining({ id: res.view!.id, type: "modal", trigger_id: trigger })]);
  });

  it("views.open without trigger_id answers invalid_arguments", async () => {
    const res = await fetch(`${standin().apiUrl}views.open`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Bearer ${standin().botToken}` },
      body: new URLSearchParams({ view: JSON.stringify(modal) }),
    });
    expect(await res.json()).toMatchObject({
      ok: false,
      error: "invalid_arguments",
      response_metadata: { messages: ["[ERROR] missing required field: trigger_id"] },
    });
  });

  it("refuses to open a second view with the same trigger_id", async () => {
    const c = client();
    const trigger = standin().newTriggerId();
    await c.views.open({ trigger_id: trigger, view: modal });
    const data = await platformError(c.views.open({ trigger_id: trigger, view: modal }));
    expect(data.error).toBe("exchanged_trigger_id");
  });

  it("views.push stacks on the open modal and views.update replaces it by id or external_id", async () => {
    const c = client();
    const root = await c.views.open({ trigger_id: standin().newTriggerId(), view: { ...modal, external_id: "report-1" } });
    const pushed = await c.views.push({ trigger_id: standin().newTriggerId(), view: { ...modal, title: { type: "plain_text", text: "確認" } } });
    expect(pushed.view).toMatchObject({ previous_view_id: root.view!.id, root_view_id: root.view!.id });

    const updated = await c.views.update({ view_id: root.view!.id!, hash: root.view!.hash!, view: { ...modal, title: { type: "plain_text", text: "更新済み" } } });
    expect(updated.view).toMatchObject({ id: root.view!.id, title: { text: "更新済み" } });
    expect(updated.view!.hash).not.toBe(root.view!.hash);

    const byExternal = await c.views.update({ external_id: "report-1", view: { ...modal, title: { type: "plain_text", text: "外部ID" } } });
    expect(byExternal.view!.id).toBe(root.view!.id);
    expect(standin().views().find((v) => v.id === root.view!.id)?.view).toMatchObject({ title: { text: "外部ID" } });
  });

  it("views.update answers hash_conflict for a stale hash and not_found for an unknown view", async () => {
    const c = client();
    const opened = await c.views.open({ trigger_id: standin().newTriggerId(), view: modal });
    await c.views.update({ view_id: opened.view!.id!, view: modal });
    expect((await platformError(c.views.update({ view_id: opened.view!.id!, hash: opened.view!.hash!, view: modal }))).error).toBe("hash_conflict");
    expect((await platformError(c.views.update({ view_id: "V0NOPE", view: modal }))).error).toBe("not_found");
  });

  it("views.publish keeps one home tab per user under a stable id", async () => {
    const c = client();
    const home = { type: "home" as const, blocks: [{ type: "section", text: { type: "mrkdwn", text: "担当 3件" } }] };
    const first = await c.views.publish({ user_id: TARO.id, view: home });
    expect(first.view).toMatchObject({ type: "home", id: expect.stringMatching(/^V/) });
    const second = await c.views.publish({ user_id: TARO.id, view: { ...home, blocks: [{ type: "divider" }] } });
    expect(second.view!.id).toBe(first.view!.id);
    expect(standin().homeView(TARO.id)?.view).toMatchObject({ blocks: [{ type: "divider" }] });
    expect(standin().homeView(HANAKO.id)).toBeUndefined();
  });
});
