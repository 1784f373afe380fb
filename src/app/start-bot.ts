// Starts the whole bot on an open store: the Slack app (HTTP or Socket Mode) and its jobs.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Config } from "../config/env-schema.ts";
import { BotHealth } from "./bot-health.ts";
import { DEFAULT_DELIVERY_OPTIONS } from "../schedule/deliver.ts";
import { SendPacing, type PacingClock } from "../schedule/pacer.ts";
import { createDeliveryClient } from "../slack/slack-sender.ts";
import type { OutgoingDeps } from "../schedule/outgoing-deps.ts";
import { postDigestNow, previewDigest, sendExportToUser, sendFilesToUser } from "../schedule/digest-pass.ts";
import { sendFollowUps } from "../schedule/follow-ups.ts";
import { startScheduler } from "../schedule/scheduler.ts";
import { BackgroundWork } from "../slack/background-work.ts";
import type { BotContext } from "../slack/bot-context.ts";
import { createSlackApp, type SlackCredentials } from "../slack/create-slack-app.ts";
import { homeRefreshesIdle, stopHomeRefreshes } from "../slack/home/publish-home.ts";
import { trackListenerWork } from "../slack/listener-work.ts";
import type { Store } from "../store/open-store.ts";
import { runVerification } from "../schedule/verification-run.ts";
import { verifySettingsFromConfig, type VerifySettings } from "../verification/index.ts";

export interface RunningBot {
  /** The HTTP port (0 in Socket Mode). */
  port: number;
  /** What the scheduler delivers with; the sandbox runs passes through it. */
  outgoing: OutgoingDeps;
  /**
   * Resolves when the work of the requests answered so far is done: what listeners do after
   * their ack (replies by response_url, modals, messages) and, unless `appHome` is false, the
   * App Home refreshes they asked for. For tests and the sandbox, which look at Slack afterwards.
   */
  idle(options?: { appHome?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

export interface StartBotOptions {
  config: Config;
  store: Store;
  credentials: SlackCredentials;
  clock?: () => Date;
  version?: string;
  /** Interface to listen on; default HOST, else all interfaces. */
  host?: string;
  /** Run reminders and the digest on their crons (and catch up at start). Default true. */
  scheduler?: boolean;
  /** Retry budget and pacing of deliveries; tests shorten them. */
  delivery?: OutgoingDeps["delivery"];
  /** The time the posting pace is kept in (default real time; the sandbox runs it faster, with its stand-in). */
  pacingClock?: PacingClock;
  /** The scheduler's waits before trying a run again the same day; tests shorten them. */
  retryDelaysMs?: OutgoingDeps["retryDelaysMs"];
  /** How often /healthz writes to the store at most (default 10 s). */
  healthProbeIntervalMs?: number;
  /** Probe settings on top of the VERIFY_* variables (the sandbox trusts its fake internet's CA). */
  verify?: Partial<VerifySettings>;
}

export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, store, credentials } = options;
  const clock = options.clock ?? (() => new Date());
  const background = new BackgroundWork();
  const bot: BotContext = { store, config, clock, background };
  const app = createSlackApp(bot, credentials, options.version ?? "dev");
  store.onReconnect = (why) =>
    app.logger.error(`store fault (${why instanceof Error ? why.message.trim().split("\n").at(-1) : String(why)}): reconnected to ${store.where}`);
  const listenerWork = trackListenerWork(app);
  // NOTE: deliveries use their own client (no built-in retries), so a pass never hangs on Slack's
  // 30-minute retry schedule; Bolt's client keeps serving the listeners.
  const outgoing: OutgoingDeps = {
    store,
    client: createDeliveryClient(credentials.botToken, config.SLACK_API_URL, { logger: app.logger }),
    config,
    clock,
    logger: app.logger,
    delivery: options.delivery,
    retryDelaysMs: options.retryDelaysMs,
    pacing: new SendPacing({ ...DEFAULT_DELIVERY_OPTIONS, ...options.delivery }, options.pacingClock),
  };
  bot.outbox = {
    postDigest: (now) => postDigestNow(outgoing, now),
    previewDigest: (now) => previewDigest(outgoing, now),
    sendExport: async (userId, now, format) => void (await sendExportToUser(outgoing, userId, now, format)),
    sendFiles: (userId, files, now) => sendFilesToUser(outgoing, userId, files, now),
  };
  const verify = config.VERIFY === "on" ? verifySettingsFromConfig(config, options.verify) : null;
  if (verify) {
    bot.verifier = {
      verify: (scope, now, actor) => runVerification({ ...outgoing, verify }, now, { kind: "manual", actor, unitKey: scope.unitKey, domain: scope.domain }),
    };
  }
  // NOTE: read through the command reader: the follow-up goes out right after the reply.
  bot.sendFollowUps = (followUps, now) => sendFollowUps(outgoing, followUps, now, () => store.reader.snapshot());
  const health = new BotHealth({
    store,
    client: outgoing.client,
    config,
    clock,
    logger: app.logger,
    version: options.version ?? "dev",
    probeIntervalMs: options.healthProbeIntervalMs,
  });
  bot.health = health;
  let port = 0;
  if (credentials.appToken) {
    await app.start();
  } else {
    const server = (await app.start({ port: config.PORT, host: options.host ?? config.HOST })) as Server;
    port = (server.address() as AddressInfo).port;
  }
  const scheduler = options.scheduler === false ? null : startScheduler(outgoing, { verification: verify && { cron: config.VERIFY_CRON, settings: verify } });
  health.watchScheduler(scheduler);
  // Said plainly in the log when the bot is not in the coordinators' channel; /healthz says it too.
  const channelChecked = health.checkDigestChannel().catch((error: unknown) => app.logger.error(error));
  let stopping: Promise<void> | undefined;
  const stopAll = async () => {
    const slack = async () => {
      await app.stop();
      await listenerWork.settled();
      // NOTE: follow-ups in flight finish before the store they write to is closed.
      await background.idle();
      await stopHomeRefreshes(bot);
    };
    await Promise.all([slack(), scheduler?.stop(), channelChecked]);
  };
  return {
    port,
    outgoing,
    // NOTE: everything that may still touch the store has finished when this resolves, so the
    // caller can close it: requests in the pipe, listener work after their acks, follow-up
    // messages, the App Home refreshes they asked for.
    idle: async ({ appHome = true } = {}) => {
      await listenerWork.settled();
      await background.idle();
      if (appHome) await homeRefreshesIdle(bot);
    },
    stop: () => (stopping ??= stopAll()),
  };
}

/** Names of the variables `npm start` needs that are not set. */
export function missingCredentials(config: Config): string[] {
  const missing: string[] = [];
  if (!config.SLACK_BOT_TOKEN) missing.push("SLACK_BOT_TOKEN");
  if (!config.SLACK_SIGNING_SECRET) missing.push("SLACK_SIGNING_SECRET");
  return missing;
}
