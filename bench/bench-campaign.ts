// What the HTTP sections share: the Slack stand-in in this process, the real bot in a child
// process on a fresh store, the 38 units each with one registered contact.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSlackStandin, type SlackStandin } from "../tools/slack-standin/index.ts";
import { readCampaignSeed } from "../src/store/seed-repository.ts";
import { SlashClient } from "./slash-client.ts";
import { startServerProcess, type ServerProcess } from "./server-process.ts";

export const SIGNING_SECRET = "benchsigningsecret0123456789abcd";
export const BOT_TOKEN = "xoxb-bench";
export const COORDINATOR = "U0BENCHCOORD";

export interface BenchCampaign {
  slack: SlackStandin;
  bot: ServerProcess;
  client: SlashClient;
  /** One contact per unit, in 附件3 order. */
  contacts: { userId: string; unitKey: string }[];
  dir: string;
  close(): Promise<void>;
}

export function serverEnv(slack: SlackStandin, databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    COORDINATOR_USER_IDS: COORDINATOR,
    LOG_LEVEL: "error",
    // NOTE: no probe leaves loopback; the verification bench points VERIFY_* at its fake internet.
    VERIFY: "off",
  };
}

/**
 * The bot on a fresh store: by default a SQLite file of its own; `databaseUrl` names another (an
 * empty PostgreSQL database, which the bot migrates and seeds at start as on a first install).
 */
export async function startBenchCampaign(options: { databaseUrl?: string } = {}): Promise<BenchCampaign> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shutdown-bench-"));
  const slack = await startSlackStandin({ botToken: BOT_TOKEN });
  let bot: ServerProcess;
  try {
    bot = await startServerProcess("bot-process.ts", serverEnv(slack, options.databaseUrl ?? `file:${path.join(dir, "bench.db")}`));
  } catch (error) {
    await slack.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const client = new SlashClient(bot.url, SIGNING_SECRET, slack);
  const contacts = benchContacts();
  for (const c of contacts) {
    slack.addUser({ id: c.userId, name: c.userId.toLowerCase() });
    const reply = await client.send(COORDINATOR, `assign ${c.unitKey} <@${c.userId}>`);
    const text = reply.body.includes(WORKING_ACK) ? await lateReply(slack, reply.responseUrlId) : reply.body;
    if (!text.includes(c.userId)) throw new Error(`assign failed: ${reply.status} ${text}`);
  }
  return {
    slack,
    bot,
    client,
    contacts,
    dir,
    async close() {
      client.close();
      await bot.stop();
      await slack.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The reply posted to the response_url after a 正在处理 ack (the first requests to a new bot may take that long). */
async function lateReply(slack: SlackStandin, responseUrlId: string): Promise<string> {
  for (let waited = 0; waited < 30_000; waited += 50) {
    const posted = slack.responses(responseUrlId)[0];
    if (posted) return JSON.stringify(posted.body);
    await new Promise((r) => setTimeout(r, 50));
  }
  return "no reply by response_url within 30 s";
}

/** One contact per unit, in 附件3 order. */
export function benchContacts(): { userId: string; unitKey: string }[] {
  return readCampaignSeed().units.map((u, i) => ({ userId: `U0BENCH${String(i).padStart(3, "0")}`, unitKey: u.key }));
}

/** Ack text of a reply that was not ready in time (the work goes on by response_url). */
export const WORKING_ACK = "正在处理";

const TASKS = ["column", "backup", "site", "unbind", "icp"] as const;

/** The i-th command of a mix: status, or a report whose note differs each time so it always writes. */
export function commandText(kind: "status" | "done", i: number): string {
  return kind === "status" ? "status" : `done ${TASKS[i % TASKS.length]} 第${i}次报告`;
}
