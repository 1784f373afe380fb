// What real Slack refuses, the stand-in refuses with Slack's error code: membership, the text
// budget of a message, metadata, trigger ids, input and select rules, the posting limit, scopes.
import { ErrorCode } from "@slack/web-api";
import { afterEach, describe, expect, it } from "vitest";
import {
  manifestBotScopes,
  METHOD_SCOPES,
  SLACK_CHANNEL_RATE,
  startSlackStandin,
  TRIGGER_LIFETIME_MS,
  type SlackStandin,
  type StandinOptions,
} from "../../tools/slack-standin/index.ts";
import { WEB_API_METHODS } from "../../tools/slack-standin/web-api-methods.ts";
import { clientFor, HANAKO, platformError, TARO, useStandin } from "./standin-fixture.ts";

const standin = useStandin();
const client = () => clientFor(standin());

const x = (n: number) => "x".repeat(n);
const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });
const plain = (text: string) => ({ type: "plain_text", text });
// NOTE: views and blocks are built loosely on purpose (some are wrong); the client's types would refuse them.
const modal = (blocks: unknown[]) => ({ type: "modal", title: plain("报告"), submit: plain("提交"), blocks }) as never;

/** Stand-ins of a test's own, closed after it. */
const own: SlackStandin[] = [];
afterEach(async () => {
  await Promise.all(own.splice(0).map((s) => s.close()));
});
async function ownStandin(opts: StandinOptions = {}): Promise<SlackStandin> {
  const s = await startSlackStandin(opts);
  own.push(s);
  s.addUser(TARO);
  return s;
}

describe("channel membership", () => {
  const PRIVATE = { id: "C0PRIVATE", name: "coordinators", isPrivate: true, members: [TARO.id] };

  it("refuses to post to, read or share a file into a channel the bot was never invited to: not_in_channel", async () => {
    standin().addChannel(PRIVATE);
    const c = client();
    expect((await platformError(c.chat.postMessage({ channel: PRIVATE.id, text: "x" }))).error).toBe("not_in_channel");
    expect((await platformError(c.conversations.history({ channel: PRIVATE.id }))).error).toBe("not_in_channel");
    expect((await platformError(c.chat.postEphemeral({ channel: PRIVATE.id, user: TARO.id, text: "x" }))).error).toBe("not_in_channel");
    const upload = await c.files.getUploadURLExternal({ filename: "a.csv", length: 1 });
    await fetch(upload.upload_url!, { method: "POST", body: "a" });
    const shared = await platformError(c.files.completeUploadExternal({ files: [{ id: upload.file_id! }], channel_id: PRIVATE.id }));
    expect(shared.error).toBe("not_in_channel");
    expect(standin().messages(PRIVATE.id)).toEqual([]);
  });

  it("lets the bot post and read once invited, and not after it was removed", async () => {
    standin().addChannel(PRIVATE);
    standin().invite(PRIVATE.id, standin().botUserId);
    const c = client();
    await c.chat.postMessage({ channel: PRIVATE.id, text: "简报" });
    expect((await c.conversations.history({ channel: PRIVATE.id })).messages!.map((m) => m.text)).toEqual(["简报"]);
    standin().remove(PRIVATE.id, standin().botUserId);
    expect((await platformError(c.chat.postMessage({ channel: "#coordinators", text: "x" }))).error).toBe("not_in_channel");
  });

  it("#general holds everyone in the workspace, but the bot only once invited", async () => {
    const s = await ownStandin();
    expect(s.members("C0GENERAL")).toEqual([TARO.id]);
    const c = clientFor(s);
    expect((await platformError(c.chat.postMessage({ channel: "C0GENERAL", text: "x" }))).error).toBe("not_in_channel");
    s.invite("C0GENERAL", s.botUserId);
    await c.chat.postMessage({ channel: "C0GENERAL", text: "大家好" });
    expect(s.members("C0GENERAL").sort()).toEqual([s.botUserId, TARO.id].sort());
  });

  it("chat:write.public lets the bot post to a public channel it is not in, but not read it or post to a private one", async () => {
    const s = await ownStandin({ scopes: [...manifestBotScopes(), "chat:write.public"] });
    s.addChannel(PRIVATE);
    const c = clientFor(s);
    await c.chat.postMessage({ channel: "C0GENERAL", text: "公告" });
    expect((await platformError(c.conversations.history({ channel: "C0GENERAL" }))).error).toBe("not_in_channel");
    expect((await platformError(c.chat.postMessage({ channel: PRIVATE.id, text: "x" }))).error).toBe("not_in_channel");
  });

  it("refuses an ephemeral message for someone not in the channel: user_not_in_channel", async () => {
    standin().addChannel({ ...PRIVATE, members: [TARO.id, standin().botUserId] });
    const c = client();
    await c.chat.postEphemeral({ channel: PRIVATE.id, user: TARO.id, text: "只有你看得见" });
    expect((await platformError(c.chat.postEphemeral({ channel: PRIVATE.id, user: HANAKO.id, text: "x" }))).error).toBe("user_not_in_channel");
    // In a DM only the person on the other side is there.
    const dm = standin().dmChannelOf(TARO.id);
    expect((await platformError(c.chat.postEphemeral({ channel: dm, user: HANAKO.id, text: "x" }))).error).toBe("user_not_in_channel");
    expect(standin().ephemerals().map((e) => e.user)).toEqual([TARO.id]);
  });
});

describe("text across a message's blocks", () => {
  const atLimit = () => Array.from({ length: 4 }, () => section(x(3000)));
  const over = () => [...atLimit(), { type: "context", elements: [{ type: "mrkdwn", text: "再多一个字" }] }];

  it("takes 12,000 characters and refuses more with msg_blocks_too_long, in posts, updates, ephemerals and response_url replies", async () => {
    const c = client();
    const posted = await c.chat.postMessage({ channel: "C0GENERAL", text: "简报", blocks: atLimit() });
    expect((await platformError(c.chat.postMessage({ channel: "C0GENERAL", text: "简报", blocks: over() }))).error).toBe("msg_blocks_too_long");
    expect((await platformError(c.chat.update({ channel: "C0GENERAL", ts: posted.ts!, text: "简报", blocks: over() }))).error).toBe("msg_blocks_too_long");
    expect((await platformError(c.chat.postEphemeral({ channel: "C0GENERAL", user: TARO.id, text: "简报", blocks: over() }))).error).toBe(
      "msg_blocks_too_long",
    );
    const { url } = standin().createResponseUrl({ userId: TARO.id, channelId: "C0GENERAL" });
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "简报", blocks: over() }) });
    expect(await res.json()).toEqual({ ok: false, error: "msg_blocks_too_long" });
    expect(standin().messages("C0GENERAL")).toHaveLength(1);
  });
});

describe("blocks", () => {
  it("refuses two buttons with one action_id in a block", async () => {
    const button = (value: string) => ({ type: "button", action_id: "item_done", text: plain("完成"), value });
    const data = await platformError(
      client().chat.postMessage({ channel: "C0GENERAL", text: "x", blocks: [{ type: "actions", elements: [button("a"), button("b")] }] as never }),
    );
    expect(data).toMatchObject({ error: "invalid_blocks", errors: ["duplicate action_id: item_done [json-pointer:/blocks/0/elements/1/action_id]"] });
  });
});

describe("message metadata", () => {
  it("keeps metadata with a snake_case event_type", async () => {
    const res = await client().chat.postMessage({ channel: "C0GENERAL", text: "x", metadata: { event_type: "shutdown_delivery", event_payload: { key: "k1" } } });
    expect(res.warning).toBeUndefined();
    expect(standin().messages("C0GENERAL")[0]!.metadata).toEqual({ event_type: "shutdown_delivery", event_payload: { key: "k1" } });
  });

  it("shows metadata in conversations.history only when asked with include_all_metadata", async () => {
    await client().chat.postMessage({ channel: "C0GENERAL", text: "x", metadata: { event_type: "shutdown_delivery", event_payload: { key: "k1" } } });
    expect((await client().conversations.history({ channel: "C0GENERAL" })).messages![0]!.metadata).toBeUndefined();
    const asked = await client().conversations.history({ channel: "C0GENERAL", include_all_metadata: true });
    expect(asked.messages![0]!.metadata).toEqual({ event_type: "shutdown_delivery", event_payload: { key: "k1" } });
  });

  it.each(["shutdown.delivery", "shutdown delivery", "关停"])(
    "posts the message but drops metadata with event_type %j, warning invalid_metadata_schema",
    async (eventType) => {
      const res = await client().chat.postMessage({ channel: "C0GENERAL", text: "x", metadata: { event_type: eventType, event_payload: { key: "k1" } } });
      expect(res).toMatchObject({ ok: true, warning: "invalid_metadata_schema", response_metadata: { warnings: ["invalid_metadata_schema"] } });
      expect(standin().messages("C0GENERAL")[0]!.metadata).toBeUndefined();
      const history = await client().conversations.history({ channel: "C0GENERAL", include_all_metadata: true });
      expect(history.messages![0]!.metadata).toBeUndefined();
    },
  );
});

describe("trigger ids", () => {
  const view = modal([section("本文")]);

  it("opens a view with a trigger it issued, once: exchanged_trigger_id the second time", async () => {
    const c = client();
    const trigger = standin().newTriggerId();
    await c.views.open({ trigger_id: trigger, view });
    expect((await platformError(c.views.open({ trigger_id: trigger, view }))).error).toBe("exchanged_trigger_id");
    expect((await platformError(c.views.push({ trigger_id: trigger, view }))).error).toBe("exchanged_trigger_id");
  });

  it("refuses a well-formed trigger it never issued with expired_trigger_id, a malformed one with invalid_trigger_id", async () => {
    const c = client();
    expect((await platformError(c.views.open({ trigger_id: "1234567890123.123456789012.0123456789abcdef", view }))).error).toBe("expired_trigger_id");
    expect((await platformError(c.views.open({ trigger_id: "t-1", view }))).error).toBe("invalid_trigger_id");
    expect(standin().views()).toEqual([]);
  });

  it("a trigger opens a view for 3 seconds and then is expired_trigger_id", async () => {
    let clock = Date.parse("2027-06-20T09:00:00+08:00");
    const s = await ownStandin({ now: () => new Date(clock) });
    const c = clientFor(s);
    const inTime = s.newTriggerId();
    const late = s.newTriggerId();
    clock += TRIGGER_LIFETIME_MS;
    await c.views.open({ trigger_id: inTime, view });
    clock += 1;
    expect((await platformError(c.views.open({ trigger_id: late, view }))).error).toBe("expired_trigger_id");
    expect(TRIGGER_LIFETIME_MS).toBe(3_000);
  });

  it("does not use a trigger up on a view it refused", async () => {
    const c = client();
    const trigger = standin().newTriggerId();
    const bad = await platformError(c.views.open({ trigger_id: trigger, view: modal([section(x(3001))]) }));
    expect(bad.error).toBe("invalid_arguments");
    await c.views.open({ trigger_id: trigger, view });
  });
});

describe("inputs and selects in views", () => {
  const input = (element: Record<string, unknown>) => ({ type: "input", block_id: "note", label: plain("备注"), element: { action_id: "value", ...element } });
  const refused = async (v: unknown) => {
    const data = await platformError(client().apiCall("views.open", { trigger_id: standin().newTriggerId(), view: v }));
    expect(data.error).toBe("invalid_arguments");
    return (data.response_metadata as { messages: string[] }).messages;
  };

  it.each([0, 3001])("refuses a text input with max_length %i", async (maxLength) => {
    expect(await refused(modal([input({ type: "plain_text_input", max_length: maxLength })]))).toEqual([
      "[ERROR] must be an integer between 1 and 3000 [json-pointer:/view/blocks/0/element/max_length]",
    ]);
  });

  it("refuses an initial_value longer than max_length, in a modal and in App Home", async () => {
    const long = input({ type: "plain_text_input", max_length: 500, initial_value: x(600) });
    expect(await refused(modal([long]))).toEqual([
      "[ERROR] initial_value must not be longer than max_length (500) [json-pointer:/view/blocks/0/element/initial_value]",
    ]);
    const home = await platformError(client().apiCall("views.publish", { user_id: TARO.id, view: { type: "home", blocks: [long] } }));
    expect(home.error).toBe("invalid_arguments");
    await client().views.open({ trigger_id: standin().newTriggerId(), view: modal([input({ type: "plain_text_input", max_length: 500, initial_value: x(500) })]) });
  });

  it("refuses a select whose initial_option is not one of its options", async () => {
    const options = [{ text: plain("未开始"), value: "todo" }, { text: plain("完成"), value: "done" }];
    expect(await refused(modal([input({ type: "static_select", options, initial_option: { text: plain("受阻"), value: "blocked" } })]))).toEqual([
      "[ERROR] initial option must exactly match one of the options [json-pointer:/view/blocks/0/element/initial_option]",
    ]);
    await client().views.open({ trigger_id: standin().newTriggerId(), view: modal([input({ type: "static_select", options, initial_option: options[1] })]) });
  });
});

describe("posting limit per channel", () => {
  async function frozen(opts: StandinOptions = {}) {
    let clock = Date.parse("2027-06-20T09:00:00+08:00");
    const s = await ownStandin({ now: () => new Date(clock), rateClockMs: () => clock, ...opts });
    s.invite("C0GENERAL", s.botUserId);
    return { s, c: clientFor(s, undefined, { rejectRateLimitedCalls: true }), tick: (ms: number) => (clock += ms) };
  }

  it("takes a short burst, then answers 429 ratelimited with Retry-After; other channels are not held up", async () => {
    const { s, c, tick } = await frozen();
    expect(SLACK_CHANNEL_RATE).toEqual({ perSecond: 1, burst: 3 });
    for (const n of [1, 2, 3]) await c.chat.postMessage({ channel: "C0GENERAL", text: `第${n}条` });
    const err = (await c.chat.postMessage({ channel: "C0GENERAL", text: "第4条" }).catch((e: unknown) => e)) as { code: string; retryAfter: number };
    expect(err).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 1 });
    expect(s.callsTo("chat.postMessage").at(-1)).toMatchObject({ status: 429, response: { ok: false, error: "ratelimited" } });
    await c.chat.postMessage({ channel: TARO.id, text: "私信不受影响" });

    tick(1_000);
    await c.chat.postMessage({ channel: "C0GENERAL", text: "第4条" });
    expect((await c.chat.postMessage({ channel: "C0GENERAL", text: "第5条" }).catch((e: unknown) => e)) as object).toMatchObject({ retryAfter: 1 });
    expect(s.messages("C0GENERAL").map((m) => m.text)).toEqual(["第1条", "第2条", "第3条", "第4条"]);
  });

  it("a client that waits out Retry-After gets every message through, in order", async () => {
    const s = await ownStandin();
    s.invite("C0GENERAL", s.botUserId);
    const c = clientFor(s, undefined, { retryConfig: { retries: 3, minTimeout: 0, maxTimeout: 0 } });
    for (let n = 1; n <= 5; n++) await c.chat.postMessage({ channel: "C0GENERAL", text: `第${n}条` });
    expect(s.messages("C0GENERAL").map((m) => m.text)).toEqual(["第1条", "第2条", "第3条", "第4条", "第5条"]);
    expect(s.callsTo("chat.postMessage").some((call) => call.status === 429)).toBe(true);
  });

  it("can be turned off at start or later, and on again", async () => {
    const { s, c } = await frozen({ channelRateLimit: false });
    for (let n = 0; n < 10; n++) await c.chat.postMessage({ channel: "C0GENERAL", text: "x" });
    s.setChannelRateLimit({ perSecond: 1, burst: 1 });
    await c.chat.postMessage({ channel: "C0GENERAL", text: "x" });
    await expect(c.chat.postMessage({ channel: "C0GENERAL", text: "x" })).rejects.toMatchObject({ code: ErrorCode.RateLimitedError });
    s.setChannelRateLimit(null);
    await c.chat.postMessage({ channel: "C0GENERAL", text: "x" });
  });
});

describe("scopes", () => {
  it("gives the bot token the bot scopes of the app manifest, and says so in x-oauth-scopes", async () => {
    const res = await client().auth.test();
    expect(res.response_metadata?.scopes?.sort()).toEqual(manifestBotScopes().sort());
    expect(manifestBotScopes()).toContain("chat:write");
  });

  it("answers missing_scope with needed and provided for a method the token holds no scope for", async () => {
    const s = await ownStandin({ scopes: ["commands", "users:read"] });
    s.invite("C0GENERAL", s.botUserId);
    const c = clientFor(s);
    expect(await platformError(c.chat.postMessage({ channel: "C0GENERAL", text: "x" }))).toEqual({
      ok: false,
      error: "missing_scope",
      needed: "chat:write",
      provided: "commands,users:read",
      response_metadata: { scopes: ["commands", "users:read"], acceptedScopes: ["chat:write"] },
    });
    expect(s.messages("C0GENERAL")).toEqual([]);
    expect((await platformError(c.conversations.open({ users: TARO.id }))).error).toBe("missing_scope");
    // views.* and auth.test need no scope.
    await c.auth.test();
    await c.views.open({ trigger_id: s.newTriggerId(), view: modal([section("本文")]) });
  });

  it("reading a conversation needs the history scope of its kind", async () => {
    const s = await ownStandin({ scopes: ["chat:write", "im:write", "channels:history"] });
    s.invite("C0GENERAL", s.botUserId);
    const c = clientFor(s);
    await c.conversations.history({ channel: "C0GENERAL" });
    const dm = (await c.conversations.open({ users: TARO.id })).channel!.id!;
    expect(await platformError(c.conversations.history({ channel: dm }))).toMatchObject({ error: "missing_scope", needed: "im:history" });
  });

  it("knows the scopes of every method it answers", () => {
    expect(Object.keys(WEB_API_METHODS).filter((m) => METHOD_SCOPES[m] === undefined)).toEqual([]);
  });
});
