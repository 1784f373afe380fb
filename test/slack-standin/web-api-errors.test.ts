import { describe, expect, it } from "vitest";
import { clientFor, platformError, TARO, useStandin } from "./standin-fixture.ts";

const standin = useStandin();
const client = () => clientFor(standin());

describe("authentication", () => {
  it("answers not_authed when no token is sent", async () => {
    const data = await platformError(clientFor(standin(), "").auth.test());
    expect(data.error).toBe("not_authed");
    expect(standin().callsTo("auth.test")[0]).toMatchObject({ token: undefined, status: 200, response: { ok: false, error: "not_authed" } });
  });

  it("answers invalid_auth for a token other than the bot's", async () => {
    const data = await platformError(clientFor(standin(), "xoxb-someone-else").chat.postMessage({ channel: "C0GENERAL", text: "x" }));
    expect(data.error).toBe("invalid_auth");
    expect(standin().messages("C0GENERAL")).toEqual([]);
  });

  it("accepts the token as a form parameter", async () => {
    const res = await fetch(`${standin().apiUrl}auth.test`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: standin().botToken }),
    });
    expect(await res.json()).toMatchObject({ ok: true, user_id: standin().botUserId });
  });

  it("answers unknown_method with HTTP 200 for a method it does not know", async () => {
    const res = await fetch(`${standin().apiUrl}chat.postMessages`, {
      method: "POST",
      headers: { authorization: `Bearer ${standin().botToken}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: false, error: "unknown_method", req_method: "chat.postMessages" });
  });

  it("answers invalid_json for a broken JSON body", async () => {
    const res = await fetch(`${standin().apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${standin().botToken}` },
      body: "{not json",
    });
    expect(await res.json()).toMatchObject({ ok: false, error: "invalid_json" });
  });
});

describe("channels", () => {
  it.each([
    ["a channel id nobody created", "C0NOSUCH"],
    ["a DM channel id never opened", "D0NOSUCH"],
    ["a user id not in the workspace", "U0NOBODY"],
    ["a channel name that does not exist", "#random"],
  ])("chat.postMessage to %s answers channel_not_found", async (_what, channel) => {
    const data = await platformError(client().chat.postMessage({ channel, text: "x" }));
    expect(data.error).toBe("channel_not_found");
  });

  it("accepts a known channel by #name and answers with its id", async () => {
    const res = await client().chat.postMessage({ channel: "#general", text: "x" });
    expect(res.channel).toBe("C0GENERAL");
  });

  it("knows channels added later", async () => {
    standin().addChannel({ id: "C0DIGEST", name: "shutdown-digest", members: [standin().botUserId] });
    const res = await client().chat.postMessage({ channel: "C0DIGEST", text: "x" });
    expect(res.channel).toBe("C0DIGEST");
    expect(standin().channels()).toContainEqual({ id: "C0DIGEST", name: "shutdown-digest" });
  });
});

describe("message content", () => {
  it("answers no_text when neither text nor blocks are given", async () => {
    const data = await platformError(client().chat.postMessage({ channel: "C0GENERAL", text: "" }));
    expect(data.error).toBe("no_text");
  });

  it("answers msg_too_long for top-level text over 40000 characters", async () => {
    const c = client();
    await c.chat.postMessage({ channel: "C0GENERAL", text: "x".repeat(40000) });
    const data = await platformError(c.chat.postMessage({ channel: "C0GENERAL", text: "x".repeat(40001) }));
    expect(data.error).toBe("msg_too_long");
  });

  it("answers invalid_blocks_format when blocks is not JSON", async () => {
    const res = await fetch(`${standin().apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Bearer ${standin().botToken}` },
      body: new URLSearchParams({ channel: "C0GENERAL", text: "x", blocks: "[{broken" }),
    });
    expect(await res.json()).toMatchObject({ ok: false, error: "invalid_blocks_format" });
  });

  it("answers invalid_metadata_schema for metadata without event_type", async () => {
    const data = await platformError(
      client().apiCall("chat.postMessage", { channel: "C0GENERAL", text: "x", metadata: { event_payload: {} } }),
    );
    expect(data.error).toBe("invalid_metadata_schema");
  });
});

const x = (n: number) => "x".repeat(n);
const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });

const invalidBlockCases = [
  { name: "51 blocks", blocks: Array.from({ length: 51 }, () => ({ type: "divider" })), error: "no more than 50 items allowed [json-pointer:/blocks]" },
  { name: "section text over 3000", blocks: [section(x(3001))], error: "must be less than 3001 characters [json-pointer:/blocks/0/text/text]" },
  {
    name: "header over 150",
    blocks: [{ type: "divider" }, { type: "header", text: { type: "plain_text", text: x(151) } }],
    error: "must be less than 151 characters [json-pointer:/blocks/1/text/text]",
  },
  {
    name: "button text over 75",
    blocks: [{ type: "actions", elements: [{ type: "button", action_id: "a", text: { type: "plain_text", text: x(76) } }] }],
    error: "must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]",
  },
  {
    name: "duplicate block_id",
    blocks: [
      { ...section("a"), block_id: "b1" },
      { ...section("b"), block_id: "b1" },
    ],
    error: "duplicate block_id: b1 [json-pointer:/blocks/1/block_id]",
  },
  { name: "unknown block type", blocks: [{ type: "table_of_contents" }], error: "unsupported type: table_of_contents [json-pointer:/blocks/0/type]" },
  { name: "text object without type", blocks: [{ type: "section", text: { text: "t" } }], error: "missing required field: type [json-pointer:/blocks/0/text]" },
];

describe("invalid_blocks", () => {
  it.each(invalidBlockCases)("chat.postMessage with $name is rejected with Slack's error and pointer", async ({ blocks, error }) => {
    const data = await platformError(client().chat.postMessage({ channel: "C0GENERAL", text: "fallback", blocks }));
    expect(data).toMatchObject({
      ok: false,
      error: "invalid_blocks",
      errors: [error],
      response_metadata: { messages: [`[ERROR] ${error}`] },
    });
    expect(standin().messages("C0GENERAL")).toEqual([]);
  });

  it("applies the same checks to chat.update and leaves the message untouched", async () => {
    const c = client();
    const posted = await c.chat.postMessage({ channel: "C0GENERAL", text: "ok", blocks: [section("ok")] });
    const data = await platformError(c.chat.update({ channel: "C0GENERAL", ts: posted.ts!, text: "bad", blocks: [section(x(3001))] }));
    expect(data.error).toBe("invalid_blocks");
    expect(standin().messages("C0GENERAL")[0]).toMatchObject({ text: "ok", blocks: [section("ok")] });
  });

  it("applies the same checks to chat.postEphemeral", async () => {
    const data = await platformError(
      client().chat.postEphemeral({ channel: "C0GENERAL", user: TARO.id, text: "x", blocks: [{ type: "bogus" }] }),
    );
    expect(data.error).toBe("invalid_blocks");
    expect(standin().ephemerals()).toEqual([]);
  });
});

describe("views report bad views as invalid_arguments", () => {
  const modal = (over: Record<string, unknown> = {}) => ({
    type: "modal",
    title: { type: "plain_text", text: "報告" },
    blocks: [section("本文")],
    ...over,
  });

  it.each([
    { name: "a modal title over 24 characters", view: modal({ title: { type: "plain_text", text: x(25) } }), message: "[ERROR] must be less than 25 characters [json-pointer:/view/title/text]" },
    {
      name: "more than 100 blocks",
      view: modal({ blocks: Array.from({ length: 101 }, () => ({ type: "divider" })) }),
      message: "[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]",
    },
    { name: "a section over 3000 characters", view: modal({ blocks: [section(x(3001))] }), message: "[ERROR] must be less than 3001 characters [json-pointer:/view/blocks/0/text/text]" },
  ])("views.open with $name", async ({ view, message }) => {
    const data = await platformError(client().apiCall("views.open", { trigger_id: standin().newTriggerId(), view }));
    expect(data).toMatchObject({ ok: false, error: "invalid_arguments", response_metadata: { messages: [message] } });
    expect(standin().views()).toEqual([]);
  });

  it("views.publish with a modal instead of a home tab", async () => {
    const data = await platformError(client().apiCall("views.publish", { user_id: TARO.id, view: modal() }));
    expect(data).toMatchObject({ error: "invalid_arguments", response_metadata: { messages: ["[ERROR] must be a valid enum value [json-pointer:/view/type]"] } });
  });
});
