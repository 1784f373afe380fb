// Publishes App Home for the people whose view a change touched.
import { performance } from "node:perf_hooks";
import type { webApi } from "@slack/bolt";
import type { BotContext } from "../bot-context.ts";
import { homeView } from "./home-view.ts";
import type { CampaignReader } from "../../store/campaign-reader.ts";

type WebClient = webApi.WebClient;

export async function publishHome(client: WebClient, bot: BotContext, userId: string): Promise<void> {
  // NOTE: through the reader, which keeps what it read until the next commit: every home of one
  // refresh shares one read of the campaign, and none of it costs Prisma calls that would take
  // the CPU from other people's acks.
  // The home's reads ask the store's versions once (oneVersion): on PostgreSQL one round trip.
  const reader = bot.store.reader.oneVersion();
  const caller = await reader.caller(userId, bot.config.COORDINATOR_USER_IDS);
  const units = (await Promise.all(caller.units.map((u) => reader.unitWithItems(u.key)))).flatMap((u) => u ?? []);
  const view = homeView({
    isCoordinator: caller.isCoordinator,
    units,
    deadlines: await reader.deadlines(),
    snapshot: caller.isCoordinator ? await reader.snapshot() : undefined,
    now: bot.clock(),
  });
  await client.views.publish({ user_id: userId, view });
}

interface Round {
  unitKeys: Set<string | null>;
  done: Promise<void>;
  finish(): void;
}

type RunRound = (unitKeys: (string | null)[]) => Promise<void>;

/**
 * Refreshes asked for while one is running wait and are merged into the next round. NOTE: every
 * change refreshes its unit's contacts and every coordinator; during a burst of changes that
 * was a coordinator's whole overview rebuilt and published per change, taking the CPU from
 * acks. Merged, each home goes out once per round, with the state as of that round.
 */
export class HomeRounds {
  private next: Round | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  private lastEnded = Number.NEGATIVE_INFINITY;

  private lastTookMs = 0;

  /**
   * `run` publishes one round; whatever it throws goes to `onError` and the rounds go on.
   * Back-to-back rounds are kept `gapMs` apart at least, and `restFactor` times as long as the
   * last round took: during a burst of changes, homes take at most 1 / (1 + restFactor) of the time.
   */
  constructor(
    private readonly run: RunRound,
    private readonly onError: (error: unknown) => void,
    private readonly gapMs = ROUND_GAP_MS,
    private readonly restFactor = ROUND_REST_FACTOR,
  ) {}

  /**
   * Resolves when a round that includes this unit has run (at once after stop()). Never rejects;
   * the round starts on a later turn of the event loop.
   */
  request(unitKey: string | null): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (!this.next) {
      let finish = () => {};
      const done = new Promise<void>((resolve) => (finish = resolve));
      this.next = { unitKeys: new Set(), done, finish };
    }
    this.next.unitKeys.add(unitKey);
    const { done } = this.next;
    this.loop ??= this.runRounds().finally(() => (this.loop = undefined));
    return done;
  }

  /** Resolves when no round is running or waiting. */
  async idle(): Promise<void> {
    while (this.loop) await this.loop;
  }

  /** Takes no more requests; runs what was asked for already (without the gap) and waits for it. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }

  private async runRounds(): Promise<void> {
    while (this.next) {
      // Back-to-back rounds leave a gap, so a burst of changes cannot keep the CPU on homes.
      await this.gap();
      const round = this.next;
      this.next = undefined;
      const started = performance.now();
      try {
        await this.run([...round.unitKeys]);
      } catch (error) {
        this.onError(error);
      } finally {
        this.lastEnded = performance.now();
        this.lastTookMs = this.lastEnded - started;
        round.finish();
      }
    }
  }

  private gap(): Promise<void> {
    const wait = this.lastEnded + Math.max(this.gapMs, this.lastTookMs * this.restFactor) - performance.now();
    // NOTE: never in the same turn as the request, so a refresh cannot delay the ack of the
    // change that asked for it.
    if (wait <= 0 || this.stopping) return new Promise((resolve) => setImmediate(resolve));
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), wait);
      this.wake = () => {
        this.wake = undefined;
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

const ROUND_GAP_MS = 250;
/**
 * NOTE: a round publishes every home a burst touched (the coordinators' whole overview and each
 * contact's units): at hundreds of reports a second, rounds 250 ms apart took a third of the
 * bot's CPU from the acks. Resting four times as long as a round took leaves homes a fifth.
 */
const ROUND_REST_FACTOR = 4;
const roundsOf = new WeakMap<BotContext, HomeRounds>();

/** Who sees a unit in App Home: its contacts and every coordinator. */
async function homeAudience(bot: BotContext, reader: CampaignReader, unitKey: string | null): Promise<string[]> {
  const contacts = unitKey ? ((await reader.unit(unitKey))?.contacts ?? []) : [];
  return [...bot.config.COORDINATOR_USER_IDS, ...(await reader.coordinators()), ...contacts.flatMap((c) => (c.slackUserId ? [c.slackUserId] : []))];
}

/**
 * After a change to a unit: its contacts and every coordinator. Failures are logged, never
 * thrown, and do not keep later refreshes from running.
 */
export function refreshHomes(client: WebClient, bot: BotContext, unitKey: string | null, log: (e: unknown) => void): Promise<void> {
  let rounds = roundsOf.get(bot);
  if (!rounds) {
    rounds = new HomeRounds(async (unitKeys) => {
      // NOTE: one asking of the versions for the audience; each home asks its own (publishHome).
      const reader = bot.store.reader.oneVersion();
      const users = new Set((await Promise.all(unitKeys.map((key) => homeAudience(bot, reader, key)))).flat());
      for (const userId of users) {
        try {
          await publishHome(client, bot, userId);
        } catch (error) {
          log(error);
        }
      }
    }, log);
    roundsOf.set(bot, rounds);
  }
  return rounds.request(unitKey);
}

/** At shutdown, before the store closes: no refresh starts any more, the ones asked for are done. */
export async function stopHomeRefreshes(bot: BotContext): Promise<void> {
  let rounds = roundsOf.get(bot);
  if (!rounds) {
    // NOTE: a stopped, empty one, so a refresh asked for from now on is dropped, not started.
    rounds = new HomeRounds(async () => {}, () => {});
    roundsOf.set(bot, rounds);
  }
  await rounds.stop();
}

/** Resolves when the App Home refreshes asked for so far have gone out; for tests and logs. */
export async function homeRefreshesIdle(bot: BotContext): Promise<void> {
  await roundsOf.get(bot)?.idle();
}
