// npm run sandbox: the real bot (Bolt app, listeners, store) against the Slack stand-in, and a
// terminal to act as anyone. Composition root: arguments, store, stand-in, bot, clock, streams.
import { randomBytes } from "node:crypto";
import { openCampaign } from "../../src/app/open-campaign.ts";
import { startBot } from "../../src/app/start-bot.ts";
import { formatConfigProblems } from "../../src/config/env-schema.ts";
import { formatDateTime, shanghaiInstant, toShanghai } from "../../src/domain/model/calendar.ts";
import { sandboxMessages as sm } from "./sandbox-messages.ts";
import { startSlackStandin } from "../slack-standin/index.ts";
import { listDeadlines, listUnits } from "../../src/store/campaign-repository.ts";
import type { Db } from "../../src/store/open-store.ts";
import { buildSandboxConfig, parseSandboxArgs, readSandboxEnv, removeStoreFiles } from "./sandbox-config.ts";
import { COMMAND_CHANNEL, DIGEST_CHANNEL, SAMPLE_CONTACTS, SandboxPeople, TERMINAL_USER } from "./sandbox-people.ts";
import { SandboxClock } from "./sandbox-clock.ts";
import { SandboxJobs } from "./sandbox-jobs.ts";
import { SandboxSession } from "./sandbox-session.ts";
import { SlackActor } from "./slack-actor.ts";
import { runTerminal, TerminalPrinter, type TerminalIo } from "./terminal-loop.ts";
import { startFakeInternet } from "../fake-internet/fake-internet.ts";
import { seedDomains } from "../fake-internet/seed-world.ts";
import { verifySettingsFromConfig } from "../../src/verification/index.ts";
import { fastTime } from "../../src/schedule/pacer.ts";

/** How much faster than real time the sandbox keeps Slack's posting limits. */
const POSTING_SPEED = 50;

export interface SandboxIo extends TerminalIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  err(text: string): void;
  /** Terminal width, for laying out fields side by side. */
  columns?: number;
}

/** Returns the process exit code. */
export async function runSandbox(io: SandboxIo): Promise<number> {
  const parsed = parseSandboxArgs(io.argv);
  if (!parsed.ok) {
    io.err(sm.badArgs(parsed.problem));
    return 2;
  }
  const { dbPath, fresh } = parsed.args;
  if (fresh) removeStoreFiles(dbPath);

  const clock = new SandboxClock();
  // NOTE: Slack's posting limits (one message a second per channel) hold on both sides, on a clock
  // that runs POSTING_SPEED times faster: each 🎉 line and digest of a rehearsal would
  // otherwise wait a second of real time. The bot still paces itself and the stand-in still
  // answers 429 when it does not (docs/decisions/021).
  const posting = fastTime(POSTING_SPEED);
  // NOTE: the probes ask a simulated internet on loopback: the 41 domains as their old sites were.
  const internet = await startFakeInternet({ domains: seedDomains() });
  const slack = await startSlackStandin({ channels: [DIGEST_CHANNEL, COMMAND_CHANNEL], now: () => clock.now(), rateClockMs: posting.now });
  const signingSecret = randomBytes(16).toString("hex");
  const configResult = buildSandboxConfig(
    dbPath,
    { apiUrl: slack.apiUrl, botToken: slack.botToken, signingSecret, digestChannelId: DIGEST_CHANNEL.id, coordinatorId: TERMINAL_USER.id },
    { ...readSandboxEnv(io.env), ...internet.env() },
  );
  if (!configResult.ok) {
    io.err(formatConfigProblems(configResult.problems));
    await slack.close();
    await internet.close();
    return 1;
  }
  const config = configResult.config;
  const fakeSettings = internet.settings();
  const verifyOverrides = { extraCa: fakeSettings.extraCa, registry: fakeSettings.registry };
  let store;
  try {
    store = await openCampaign(config, clock.now());
  } catch (error) {
    await slack.close();
    await internet.close();
    throw error;
  }
  const bot = await startBot({
    config,
    store,
    credentials: { botToken: slack.botToken, signingSecret },
    clock: () => clock.now(),
    host: "127.0.0.1",
    // NOTE: node-cron fires on the wall clock; :now runs the passes on simulated time instead (docs/decisions/004).
    scheduler: false,
    // The bot's own pacing, as in production, on the sandbox's faster posting clock.
    pacingClock: posting,
    verify: verifyOverrides,
  });
  // NOTE: Bolt checks its token (auth.test) as it starts; closing the stand-in under that call
  // would leave the Web API client retrying for minutes.
  await waitUntil(() => slack.callsTo("auth.test").length > 0, 5_000);

  const jobs = new SandboxJobs(bot.outgoing, verifySettingsFromConfig(config, verifyOverrides));
  const printer = new TerminalPrinter(io);
  const people = new SandboxPeople(slack, store.db, config.COORDINATOR_USER_IDS);
  const session = new SandboxSession({
    slack,
    db: store.db,
    actor: new SlackActor(slack, `http://127.0.0.1:${bot.port}/slack/events`, signingSecret),
    people,
    clock,
    jobs,
    // NOTE: App Home is not shown in the terminal; its refreshes need not hold up the next command.
    botIdle: () => bot.idle({ appHome: false }),
    world: (line) => internet.command(line),
    out: printer.print,
    width: io.columns,
  });
  try {
    slack.addUser(TERMINAL_USER);
    for (const { user } of SAMPLE_CONTACTS) slack.addUser(user);
    await people.loadFromStore();
    if (!(await hasContacts(store.db))) {
      for (const { user, unitKey } of SAMPLE_CONTACTS) {
        const reply = await session.slashQuietly(TERMINAL_USER, `assign ${unitKey} <@${user.id}|${user.name}>`);
        if (!reply.includes(user.id)) io.err(sm.assignFailed(unitKey, reply));
      }
    }
    printer.print(await introLines(store.db, dbPath, clock.now()));
    return await runTerminal(session, io, printer);
  } finally {
    session.close();
    await bot.stop();
    await slack.close();
    await store.close();
    await internet.close();
  }
}

async function waitUntil(done: () => boolean, maxMs: number): Promise<void> {
  const until = Date.now() + maxMs;
  while (!done() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
}

async function hasContacts(db: Db): Promise<boolean> {
  return (await listUnits(db)).some((u) => u.contacts.length > 0);
}

async function introLines(db: Db, dbPath: string, now: Date): Promise<string[]> {
  const contacts = (await listUnits(db)).flatMap((u) =>
    u.contacts.filter((c) => c.slackUserId).map((c) => ({ unit: u.name, name: c.name })),
  );
  const transition = (await listDeadlines(db)).find((d) => d.key === "transition");
  const year = toShanghai(transition?.dueAt ?? now).getFullYear();
  return sm.intro({
    dbPath,
    clock: formatDateTime(now),
    coordinator: TERMINAL_USER.id,
    samples: contacts.slice(0, 3).map((c) => `${c.name}→${c.unit}`),
    sampleUnit: contacts[0]?.unit ?? "档案局",
    rehearsalStart: formatDateTime(shanghaiInstant(year, 6, 12, 9, 0)),
  });
}
