// The real bot on loopback, with a real SQLite file and the project's Slack stand-in.
import { parseConfig, type Config } from "../../src/config/env-schema.ts";
import { startBot, type RunningBot } from "../../src/app/start-bot.ts";
import { startSlackStandin, sendSlashCommand, type SendOptions, type SlackStandin } from "../../src/slack/standin/index.ts";
import { buildStatusRows, formatStatusRows } from "../../src/export/status-export.ts";
import { readSnapshot } from "../../src/store/campaign-repository.ts";
import { createTestStore, type TestStore } from "./test-store.ts";

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
  exportJson(): Promise<string>;
  close(): Promise<void>;
}

export interface SlashReply {
  status: number;
  text: string;
  blocks: unknown[];
  /** Everything the user sees, text and block text, for assertions on wording. */
  all: string;
  body: unknown;
}

export async function startBotFixture(env: Record<string, string> = {}): Promise<BotFixture> {
  const store = await createTestStore();
  const slack = await startSlackStandin({ botToken: BOT_TOKEN, channels: [{ id: "C0DIGEST", name: "shutdown-coordinators" }] });
  const parsed = parseConfig({
    DATABASE_URL: store.databaseUrl,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    COORDINATOR_USER_IDS: COORDINATOR,
    DIGEST_CHANNEL_ID: "C0DIGEST",
    CAMPAIGN_YEAR: "2027",
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
        { command: "/shutdown", text, user_id: userId, response_url: responseUrl.url, trigger_id: opts.triggerId },
        opts,
      );
      const body = (typeof res.body === "object" && res.body !== null ? res.body : {}) as { text?: string; blocks?: unknown[] };
      return {
        status: res.status,
        text: body.text ?? "",
        blocks: body.blocks ?? [],
        all: `${body.text ?? ""}\n${JSON.stringify(body.blocks ?? [])}`,
        body: res.body,
      };
    },
    exportJson: async () => formatStatusRows(buildStatusRows(await readSnapshot(store.db)), "json"),
    async close() {
      await fixture.bot.stop();
      await slack.close();
      await store.cleanup();
    },
  };
  fixture.bot = await startBot({
    config,
    store,
    host: "127.0.0.1",
    clock: () => fixture.now,
    credentials: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
  });
  fixture.url = `http://127.0.0.1:${fixture.bot.port}/slack/events`;
  return fixture;
}

/** Makes a Slack user a contact of units, as `assign` would. */
export async function registerContact(fixture: BotFixture, userId: string, name: string, unitKeys: string[]): Promise<void> {
  for (const key of unitKeys) {
    const reply = await fixture.slash(COORDINATOR, `assign ${key} <@${userId}|${name}>`);
    if (!reply.text.includes(userId)) throw new Error(`assign failed: ${reply.text}`);
  }
}
