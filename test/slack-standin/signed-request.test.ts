import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { isValidSlackRequest } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  sendInteraction,
  sendSlashCommand,
  signSlackRequest,
  slashCommandBody,
  STANDIN_APP_ID,
} from "../../tools/slack-standin/index.ts";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

/** HMAC computed here, not by the code under test. */
function expectedSignature(secret: string, timestamp: string, body: string): string {
  return "v0=" + createHmac("sha256", secret).update(`v0:${timestamp}:${body}`, "utf8").digest("hex");
}

interface Received {
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let botUrl: string;
let received: Received[] = [];
let answer: { status: number; type: string; body: string } = { status: 200, type: "text/plain", body: "" };

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ method: req.method ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(answer.status, { "content-type": answer.type });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  botUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
  answer = { status: 200, type: "text/plain", body: "" };
});

const command = {
  command: "/shutdown",
  text: "status 区役所 & 出張所",
  user_id: "U0TARO",
  user_name: "taro",
  channel_id: "C0GENERAL",
  response_url: "http://127.0.0.1:1/response/abc",
  trigger_id: "1234567890123.123456789012.0123456789abcdef0123456789abcdef",
};

describe("signSlackRequest", () => {
  it("produces the v0 HMAC-SHA256 signature and the timestamp header", () => {
    const body = "token=x&text=%E5%81%9C%E6%AD%A2";
    const headers = signSlackRequest(SECRET, body, 1_718_900_000);
    expect(headers).toEqual({
      "X-Slack-Signature": expectedSignature(SECRET, "1718900000", body),
      "X-Slack-Request-Timestamp": "1718900000",
    });
  });

  it("changes when the body, the timestamp or the secret changes", () => {
    const base = signSlackRequest(SECRET, "a=1", 100)["X-Slack-Signature"];
    expect(signSlackRequest(SECRET, "a=2", 100)["X-Slack-Signature"]).not.toBe(base);
    expect(signSlackRequest(SECRET, "a=1", 101)["X-Slack-Signature"]).not.toBe(base);
    expect(signSlackRequest(`${SECRET}x`, "a=1", 100)["X-Slack-Signature"]).not.toBe(base);
  });

  it("is accepted by Bolt's own verification", () => {
    const body = slashCommandBody(command);
    const now = 1_718_900_000;
    const h = signSlackRequest(SECRET, body, now);
    expect(
      isValidSlackRequest({
        signingSecret: SECRET,
        body,
        headers: { "x-slack-signature": h["X-Slack-Signature"], "x-slack-request-timestamp": now },
        nowMilliseconds: now * 1000 + 2000,
      }),
    ).toBe(true);
  });
});

describe("sendSlashCommand", () => {
  it("posts every field Slack sends, form-encoded, in Slack's order", async () => {
    await sendSlashCommand(botUrl, SECRET, command);
    const [req] = received;
    expect(req!.method).toBe("POST");
    expect(req!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(req!.body);
    expect([...form.keys()]).toEqual([
      "token",
      "team_id",
      "team_domain",
      "channel_id",
      "channel_name",
      "user_id",
      "user_name",
      "command",
      "text",
      "api_app_id",
      "is_enterprise_install",
      "response_url",
      "trigger_id",
    ]);
    expect(Object.fromEntries(form)).toMatchObject({
      team_id: "T0STANDIN",
      channel_id: "C0GENERAL",
      channel_name: "general",
      user_id: "U0TARO",
      user_name: "taro",
      command: "/shutdown",
      text: "status 区役所 & 出張所",
      api_app_id: STANDIN_APP_ID,
      is_enterprise_install: "false",
      response_url: command.response_url,
      trigger_id: command.trigger_id,
    });
  });

  it("signs the exact bytes it sends, with a current timestamp", async () => {
    const before = Math.floor(Date.now() / 1000);
    await sendSlashCommand(botUrl, SECRET, command);
    const [req] = received;
    const ts = String(req!.headers["x-slack-request-timestamp"]);
    expect(Number(ts)).toBeGreaterThanOrEqual(before);
    expect(Number(ts)).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(req!.headers["x-slack-signature"]).toBe(expectedSignature(SECRET, ts, req!.body));
  });

  it("can send a stale timestamp that Bolt would refuse", async () => {
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    await sendSlashCommand(botUrl, SECRET, command, { timestamp: stale });
    const [req] = received;
    expect(req!.headers["x-slack-request-timestamp"]).toBe(String(stale));
    expect(req!.headers["x-slack-signature"]).toBe(expectedSignature(SECRET, String(stale), req!.body));
    expect(
      isValidSlackRequest({
        signingSecret: SECRET,
        body: req!.body,
        headers: { "x-slack-signature": String(req!.headers["x-slack-signature"]), "x-slack-request-timestamp": stale },
      }),
    ).toBe(false);
  });

  it("can forge the signature", async () => {
    await sendSlashCommand(botUrl, SECRET, command, { signature: "v0=forged" });
    expect(received[0]!.headers["x-slack-signature"]).toBe("v0=forged");
  });

  it("adds the retry headers Slack sends on redelivery", async () => {
    await sendSlashCommand(botUrl, SECRET, command, { retryNum: 2 });
    await sendSlashCommand(botUrl, SECRET, command, { retryNum: 1, retryReason: "http_error" });
    await sendSlashCommand(botUrl, SECRET, command);
    expect(received.map((r) => [r.headers["x-slack-retry-num"], r.headers["x-slack-retry-reason"]])).toEqual([
      ["2", "http_timeout"],
      ["1", "http_error"],
      [undefined, undefined],
    ]);
  });

  it("names a DM channel directmessage and fills in a trigger_id when none is given", async () => {
    const { trigger_id: _omit, ...withoutTrigger } = command;
    await sendSlashCommand(botUrl, SECRET, { ...withoutTrigger, channel_id: "D0TARO" });
    const form = new URLSearchParams(received[0]!.body);
    expect(form.get("channel_name")).toBe("directmessage");
    expect(form.get("trigger_id")).toMatch(/^\d+\.\d+\.[0-9a-f]{32}$/);
  });

  it("returns the bot's answer: JSON parsed, text kept as is", async () => {
    answer = { status: 200, type: "application/json; charset=utf-8", body: JSON.stringify({ response_type: "ephemeral", text: "ok" }) };
    const json = await sendSlashCommand(botUrl, SECRET, command);
    expect(json).toMatchObject({ status: 200, body: { response_type: "ephemeral", text: "ok" } });
    answer = { status: 401, type: "text/plain", body: "" };
    const refused = await sendSlashCommand(botUrl, SECRET, command);
    expect(refused.status).toBe(401);
    expect(refused.body).toBe("");
    expect(refused.headers["content-type"]).toBe("text/plain");
  });
});

describe("sendInteraction", () => {
  it("posts payload=<JSON> form-encoded and signed", async () => {
    const payload = { type: "block_actions", user: { id: "U0TARO" }, actions: [{ action_id: "done", value: "unit-1&2" }] };
    await sendInteraction(botUrl, SECRET, payload);
    const [req] = received;
    expect(req!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(req!.body);
    expect([...form.keys()]).toEqual(["payload"]);
    expect(JSON.parse(form.get("payload")!)).toEqual(payload);
    const ts = String(req!.headers["x-slack-request-timestamp"]);
    expect(req!.headers["x-slack-signature"]).toBe(expectedSignature(SECRET, ts, req!.body));
  });
});
