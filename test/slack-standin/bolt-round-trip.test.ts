// A real Bolt app pointed at the stand-in, driven the way Slack drives it: the loop the bot's
// own tests and the sandbox terminal rely on.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  buildMessageBlockActions,
  buildViewSubmission,
  renderMessage,
  sendInteraction,
  sendSlashCommand,
  startSlackStandin,
  type SlackStandin,
} from "../../tools/slack-standin/index.ts";
import { quietLogger, TARO } from "./standin-fixture.ts";

const SECRET = "0123456789abcdef0123456789abcdef";
/** Waits for what the app does after its ack for as long as a busy machine needs. */
const SETTLED = { timeout: 20_000, interval: 20 };

let standin: SlackStandin;
let app: App;
let botUrl: string;

beforeAll(async () => {
  standin = await startSlackStandin();
  standin.invite("C0GENERAL", standin.botUserId);
  standin.addUser(TARO);
  app = new App({
    token: standin.botToken,
    signingSecret: SECRET,
    logger: quietLogger,
    clientOptions: { slackApiUrl: standin.apiUrl, retryConfig: { retries: 0 } },
  });

  app.command("/shutdown", async ({ ack, respond, command, client }) => {
    await ack();
    await respond({ text: `受付: ${command.text}` });
    await client.chat.postMessage({
      channel: command.channel_id,
      text: "中央区役所: 未完了",
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: `<@${command.user_id}> 中央区役所: 未完了` } },
        { type: "actions", elements: [{ type: "button", action_id: "done", text: { type: "plain_text", text: "完成" }, value: "unit-1" }] },
      ],
    });
  });
  app.action("done", async ({ ack, respond, body }) => {
    await ack();
    const value = body.type === "block_actions" && body.actions[0]?.type === "button" ? body.actions[0].value : "?";
    await respond({ replace_original: true, text: `中央区役所: 完了 (${value})` });
  });
  app.command("/report", async ({ ack, client, command }) => {
    await ack();
    await client.views.open({
      trigger_id: command.trigger_id,
      view: {
        type: "modal",
        callback_id: "report",
        title: { type: "plain_text", text: "停止の報告" },
        submit: { type: "plain_text", text: "送信" },
        blocks: [{ type: "input", block_id: "reason", label: { type: "plain_text", text: "理由" }, element: { type: "plain_text_input", action_id: "text" } }],
      },
    });
  });
  app.view("report", async ({ ack, view, body, client }) => {
    await ack();
    await client.chat.postMessage({ channel: body.user.id, text: `理由: ${view.state.values.reason?.text?.value ?? ""}` });
  });

  const server = (await app.start(0)) as Server;
  botUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterAll(async () => {
  await app.stop();
  await standin.close();
});

beforeEach(() => standin.reset());

/** Runs /shutdown as Taro in #general and waits for the bot's progress message. */
async function shutdownStatus() {
  const { url } = standin.createResponseUrl({ userId: TARO.id, channelId: "C0GENERAL" });
  const res = await sendSlashCommand(botUrl, SECRET, { command: "/shutdown", text: "status", user_id: TARO.id, user_name: TARO.name, response_url: url });
  await vi.waitFor(() => expect(standin.messages("C0GENERAL")).toHaveLength(1), SETTLED);
  return { res, message: standin.messages("C0GENERAL")[0]! };
}

describe("Bolt against the stand-in", () => {
  it("a signed slash command is acked, answered through response_url and posts to the channel", async () => {
    const { res, message } = await shutdownStatus();
    expect(res.status).toBe(200);
    expect(message.text).toBe("中央区役所: 未完了");
    await vi.waitFor(() => expect(standin.ephemerals(TARO.id).map((e) => e.text)).toEqual(["受付: status"]), SETTLED);
  });

  it("a click built from the rendered message reaches the action handler and replaces the message", async () => {
    const { message } = await shutdownStatus();
    const rendered = renderMessage(message, { userName: (id) => standin.users().find((u) => u.id === id)?.name });
    expect(rendered.lines[0]).toBe("@taro 中央区役所: 未完了");
    const done = rendered.buttons.find((b) => b.text === "完成")!;
    const { url } = standin.createResponseUrl({ userId: TARO.id, channelId: "C0GENERAL", messageTs: message.ts });
    const payload = buildMessageBlockActions({ user: TARO, button: done, message, channel: { id: "C0GENERAL", name: "general" }, responseUrl: url });
    const res = await sendInteraction(botUrl, SECRET, payload);
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(standin.messages("C0GENERAL")[0]!.text).toBe("中央区役所: 完了 (unit-1)"), SETTLED);
  });

  it("a command opens a modal whose submission the view handler reads", async () => {
    const { url } = standin.createResponseUrl({ userId: TARO.id });
    await sendSlashCommand(botUrl, SECRET, { command: "/report", user_id: TARO.id, user_name: TARO.name, response_url: url, trigger_id: standin.newTriggerId() });
    await vi.waitFor(() => expect(standin.views()).toHaveLength(1), SETTLED);
    const submission = buildViewSubmission({ user: TARO, view: standin.views()[0]!.view, inputs: { reason: { text: "庁舎の工事" } } });
    const res = await sendInteraction(botUrl, SECRET, submission);
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(standin.dmMessages(TARO.id).map((m) => m.text)).toEqual(["理由: 庁舎の工事"]), SETTLED);
  });

  it("Bolt refuses a forged signature and a stale timestamp", async () => {
    const { url, id } = standin.createResponseUrl({ userId: TARO.id });
    const input = { command: "/shutdown", user_id: TARO.id, response_url: url };
    const forged = await sendSlashCommand(botUrl, SECRET, input, { signature: "v0=" + "0".repeat(64) });
    const stale = await sendSlashCommand(botUrl, SECRET, input, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    const wrongSecret = await sendSlashCommand(botUrl, "not-the-secret", input);
    expect([forged.status, stale.status, wrongSecret.status]).toEqual([401, 401, 401]);
    expect(standin.responses(id)).toEqual([]);
    expect(standin.calls).toEqual([]);
  });
});
