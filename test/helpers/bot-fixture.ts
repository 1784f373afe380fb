// The real bot on loopback, with a real SQLite file and the project's Slack stand-in.
import { parseConfig, type Config } from "../../src/config/env-schema.ts";
import { startBot, type RunningBot, type StartBotOptions } from "../../src/app/start-bot.ts";
import {
  buildMessageBlockActions,
  buildViewBlockActions,
  buildViewSubmission,
  DEFAULT_BOT_USER_ID,
  sendInteraction,
  sendSlashCommand,
  signSlackRequest,
  startSlackStandin,
  type SendOptions,
  type SlackHttpResult,
  type SlackStandin,
  type ViewInputs,
} from "../../tools/slack-standin/index.ts";
import { buildStatusRows, formatStatusRows } from "../../src/export/status-export.ts";
import { readSnapshot } from "../../src/store/campaign-repository.ts";
import { SERVER_BUSY_TIMEOUT_MS } from "../../src/store/open-store.ts";
import { createTestStore, type TestStore } from "./test-store.ts";
import { TEST_POSTING } from "./outgoing-fixture.ts";

export const SIGNING_SECRET = "testsigningsecret0123456789abcdef";
export const BOT_TOKEN = "xoxb-test-token";
export const COORDINATOR = "U0COORD";

export interface BotFixture {
  store: TestStore;
  slack: SlackStandin;
  bot: RunningBot;
  url: string;
  config: Config;
  /** The clock the bot reads; tests move it. */
  now: Date;
  slash(userId: string, text: string, opts?: SendOptions & { triggerId?: string }): Promise<SlashReply>;
  /** What the user ends up reading: the ack, or what followed by response_url when the ack said 正在处理. */
  finalReply(reply: SlashReply): Promise<string>;
  exportJson(): Promise<string>;
  /** Presses a button (by action_id and value) in an ephemeral reply, as Slack would. */
  clickInReply(userId: string, reply: SlashReply, actionId: string, value: string): Promise<{ http: SlackHttpResult; responseUrlId: string }>;
  /** Presses a button in a message the bot posted to a channel or DM. */
  clickInMessage(userId: string, channel: string, ts: string, actionId: string, value: string): Promise<SlackHttpResult>;
  /** Presses a button in a user's App Home. */
  clickInHome(userId: string, actionId: string, value: string): Promise<SlackHttpResult>;
  /** Submits the newest modal, as this user. */
  submitLastView(userId: string, inputs: ViewInputs): Promise<SlackHttpResult>;
  /** Delivers an Events API event_callback, signed. */
  event(event: Record<string, unknown>): Promise<number>;
  /** Waits until the bot has done what the requests so far set off (after their acks), App Home included. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

type ButtonJson = { action_id?: string; value?: string; text?: { text: string } };

function findButton(blocks: unknown[], actionId: string, value: string) {
  for (const block of blocks as { block_id?: string; elements?: ButtonJson[]; accessory?: ButtonJson }[]) {
    for (const el of [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]) {
      if (el.action_id === actionId && el.value === value) {
        return { action_id: actionId, value, block_id: block.block_id ?? "", text: el.text?.text ?? "" };
      }
    }
  }
  throw new Error(`no button ${actionId}=${value} in the message`);
}

export interface SlashReply {
  status: number;
  text: string;
  blocks: unknown[];
  /** Everything the user sees, text and block text, for assertions on wording. */
  all: string;
  body: unknown;
  /** The stand-in's id of this command's response_url. */
  responseUrlId: string;
}

/** The ack of a command whose reply was not ready in time; the reply follows by response_url. */
export const WORKING_ACK = "正在处理";

export interface BotFixtureOptions {
  /** Arranges the stand-in before the bot starts (e.g. a fault for its start-up checks). */
  beforeStart?: (slack: SlackStandin) => void;
  /** Probe settings on top of VERIFY_* (a fake internet's CA). */
  verify?: StartBotOptions["verify"];
}

export async function startBotFixture(env: Record<string, string> = {}, options: BotFixtureOptions = {}): Promise<BotFixture> {
  const store = await createTestStore({ busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS });
  const slack = await startSlackStandin({
    botToken: BOT_TOKEN,
    // NOTE: Slack's 3 seconds for a trigger_id would race the machine's load here, and a modal
    // test must not fail because other processes keep the cores busy. The stand-in's own suite
    // checks the 3 seconds on a controlled clock; issued-by-Slack and once-only still hold here.
    triggerLifetimeMs: 60_000,
    // Slack's posting limits on the bot's pacing clock, 50 times faster (test/helpers/outgoing-fixture.ts).
    rateClockMs: TEST_POSTING.now,
    channels: [
      { id: "C0GENERAL", name: "general", isGeneral: true },
      // The coordinators' channel, with the bot invited as README step 5 says.
      { id: "C0DIGEST", name: "shutdown-coordinators", isPrivate: true, members: [DEFAULT_BOT_USER_ID, COORDINATOR] },
    ],
  });
  slack.addUser({ id: COORDINATOR, name: "coordinator", realName: "内容保障科" });
  const parsed = parseConfig({
    DATABASE_URL: store.databaseUrl,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    COORDINATOR_USER_IDS: COORDINATOR,
    DIGEST_CHANNEL_ID: "C0DIGEST",
    CAMPAIGN_YEAR: "2027",
    // NOTE: no probe leaves loopback: a test that verifies points VERIFY_* at its fake internet.
    VERIFY: "off",
    ...env,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const config = parsed.config;
  const fixture: BotFixture = {
    store,
    slack,
    config,
    now: new Date("2027-06-10T10:00:00+08:00"),
    bot: undefined as unknown as RunningBot,
    url: "",
    async slash(userId, text, opts = {}) {
      const responseUrl = slack.createResponseUrl();
      const res = await sendSlashCommand(
        fixture.url,
        SIGNING_SECRET,
        { command: "/shutdown", text, user_id: userId, response_url: responseUrl.url, trigger_id: opts.triggerId ?? slack.newTriggerId() },
        opts,
      );
      const body = (typeof res.body === "object" && res.body !== null ? res.body : {}) as { text?: string; blocks?: unknown[] };
      return {
        status: res.status,
        text: body.text ?? "",
        blocks: body.blocks ?? [],
        all: `${body.text ?? ""}\n${JSON.stringify(body.blocks ?? [])}`,
        body: res.body,
        responseUrlId: responseUrl.id,
      };
    },
    finalReply(reply) {
      if (!reply.text.includes(WORKING_ACK)) return Promise.resolve(reply.all);
      const textOf = (body: unknown) => {
        const b = body as { text?: string; blocks?: unknown[] };
        return `${b.text ?? ""}\n${JSON.stringify(b.blocks ?? [])}`;
      };
      return new Promise((resolve) => {
        const posted = slack.responses(reply.responseUrlId)[0];
        if (posted) return resolve(textOf(posted.body));
        const stop = slack.onResponse((p) => {
          if (p.id !== reply.responseUrlId) return;
          stop();
          resolve(textOf(p.body));
        });
      });
    },
    exportJson: async () => formatStatusRows(buildStatusRows(await readSnapshot(store.db)), "json"),
    async clickInReply(userId, reply, actionId, value) {
      const responseUrl = slack.createResponseUrl({ userId, channelId: "C0GENERAL" });
      const payload = buildMessageBlockActions({
        user: { id: userId, name: userId },
        button: findButton(reply.blocks, actionId, value),
        message: { ts: "1781000000.000100", text: reply.text, user: slack.botUserId, blocks: reply.blocks as never },
        channel: { id: "C0GENERAL", name: "general" },
        responseUrl: responseUrl.url,
        isEphemeral: true,
        triggerId: slack.newTriggerId(),
      });
      return { http: await sendInteraction(fixture.url, SIGNING_SECRET, payload), responseUrlId: responseUrl.id };
    },
    async clickInMessage(userId, channel, ts, actionId, value) {
      const message = slack.messages(channel).find((m) => m.ts === ts);
      if (!message) throw new Error(`no message ${ts} in ${channel}`);
      const responseUrl = slack.createResponseUrl({ userId, channelId: channel, messageTs: ts });
      const payload = buildMessageBlockActions({
        user: { id: userId, name: userId },
        button: findButton(message.blocks ?? [], actionId, value),
        message,
        channel: { id: channel },
        responseUrl: responseUrl.url,
        triggerId: slack.newTriggerId(),
      });
      return sendInteraction(fixture.url, SIGNING_SECRET, payload);
    },
    async clickInHome(userId, actionId, value) {
      const home = slack.homeView(userId);
      if (!home) throw new Error(`no App Home published for ${userId}`);
      const view = home.view as Record<string, unknown>;
      const payload = buildViewBlockActions({
        user: { id: userId, name: userId },
        button: findButton(view.blocks as unknown[], actionId, value),
        view,
        triggerId: slack.newTriggerId(),
      });
      return sendInteraction(fixture.url, SIGNING_SECRET, payload);
    },
    async submitLastView(userId, inputs) {
      const modals = slack.views().filter((v) => v.type === "modal");
      const last = modals[modals.length - 1];
      if (!last) throw new Error("no modal was opened");
      const payload = buildViewSubmission({ user: { id: userId, name: userId }, view: last.view as Record<string, unknown>, inputs, triggerId: slack.newTriggerId() });
      return sendInteraction(fixture.url, SIGNING_SECRET, payload);
    },
    async event(event) {
      const body = JSON.stringify({
        token: "standinVerificationToken0",
        team_id: "T0STANDIN",
        api_app_id: "A0STANDIN",
        type: "event_callback",
        event_id: `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
        event_time: Math.floor(Date.now() / 1000),
        event,
      });
      const res = await fetch(fixture.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...signSlackRequest(SIGNING_SECRET, body) },
        body,
      });
      await res.text();
      return res.status;
    },
    idle: () => fixture.bot.idle(),
    async close() {
      await fixture.bot.stop();
      await slack.close();
      await store.cleanup();
    },
  };
  options.beforeStart?.(slack);
  fixture.bot = await startBot({
    config,
    store,
    host: "127.0.0.1",
    clock: () => fixture.now,
    scheduler: false,
    delivery: { retryBudgetMs: 2_000, backoffMs: 50, perSecond: 50, burst: 50 },
    pacingClock: TEST_POSTING,
    credentials: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
    verify: options.verify,
  });
  fixture.url = `http://127.0.0.1:${fixture.bot.port}/slack/events`;
  return fixture;
}

/** Makes a Slack user a contact of units, as `assign` would. */
export async function registerContact(fixture: BotFixture, userId: string, name: string, unitKeys: string[]): Promise<void> {
  if (!fixture.slack.users().some((u) => u.id === userId)) fixture.slack.addUser({ id: userId, name, realName: name });
  for (const key of unitKeys) {
    const reply = await fixture.slash(COORDINATOR, `assign ${key} <@${userId}|${name}>`);
    if (!reply.text.includes(userId)) throw new Error(`assign failed: ${reply.text}`);
  }
}
