// Publishes App Home for the people whose view a change touched.
import { performance } from "node:perf_hooks";
import type { webApi } from "@slack/bolt";
import type { BotContext } from "../bot-context.ts";
import { homeView } from "./home-view.ts";

type WebClient = webApi.WebClient;

export async function publishHome(client: WebClient, bot: BotContext, userId: string): Promise<void> {
  // NOTE: through the reader, which keeps what it read until the next commit: every home of one
  // refresh shares one read of the campaign, and none of it costs Prisma calls that would take
  // the CPU from other people's acks.
  const reader = bot.store.reader;
  const caller = reader.caller(userId, bot.config.COORDINATOR_USER_IDS);
  const units = caller.units.flatMap((u) => reader.unitWithItems(u.key) ?? []);
  const view = homeView({
    isCoordinator: caller.isCoordinator,
    units,
    deadlines: reader.deadlines(),
    snapshot: caller.isCoordinator ? reader.snapshot() : undefined,
    now: bot.clock(),
  });
  await client.views.publish({ user_id: userId, view });
}

interface Round {
  unitKeys: Set<string | null>;
  done: Promise<void>;
  finish(): void;
}

/**
 * Refreshes asked for while one is running wait and are merged into the next round. NOTE: every
 * change refreshes its unit's contacts and every coordinator; during a burst of changes that
 * was a coordinator's whole overview rebuilt and published per change, taking the CPU from
 * acks. Merged, each home goes out once per round, with the state as of that round.
 */
class HomeRounds {
  private next: Round | undefined;
  private running = false;
  private lastEnded = 0;

  request(unitKey: string | null, run: (unitKeys: (string | null)[]) => Promise<void>): Promise<void> {
    if (!this.next) {
      let finish = () => {};
      const done = new Promise<void>((resolve) => (finish = resolve));
      this.next = { unitKeys: new Set(), done, finish };
    }
    this.next.unitKeys.add(unitKey);
    const { done } = this.next;
    if (!this.running) void this.runRounds(run);
    return done;
  }

  private async runRounds(run: (unitKeys: (string | null)[]) => Promise<void>): Promise<void> {
    this.running = true;
    while (this.next) {
      // Back-to-back rounds leave a gap, so a burst of changes cannot keep the CPU on homes.
      const wait = this.lastEnded + ROUND_GAP_MS - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const round = this.next;
      this.next = undefined;
      await run([...round.unitKeys]);
      this.lastEnded = performance.now();
      round.finish();
    }
    this.running = false;
  }
}

const ROUND_GAP_MS = 250;
const roundsOf = new WeakMap<BotContext, HomeRounds>();

/** Who sees a unit in App Home: its contacts and every coordinator. */
function homeAudience(bot: BotContext, unitKey: string | null): string[] {
  const reader = bot.store.reader;
  const contacts = unitKey ? (reader.unitWithItems(unitKey)?.unit.contacts ?? []) : [];
  return [...bot.config.COORDINATOR_USER_IDS, ...reader.coordinators(), ...contacts.flatMap((c) => (c.slackUserId ? [c.slackUserId] : []))];
}

/** After a change to a unit: its contacts and every coordinator. Failures are logged, never thrown. */
export function refreshHomes(client: WebClient, bot: BotContext, unitKey: string | null, log: (e: unknown) => void): Promise<void> {
  let rounds = roundsOf.get(bot);
  if (!rounds) {
    rounds = new HomeRounds();
    roundsOf.set(bot, rounds);
  }
  return rounds.request(unitKey, async (unitKeys) => {
    let users: Set<string>;
    try {
      users = new Set(unitKeys.flatMap((key) => homeAudience(bot, key)));
    } catch (error) {
      log(error);
      return;
    }
    for (const userId of users) {
      try {
        await publishHome(client, bot, userId);
      } catch (error) {
        log(error);
      }
    }
  });
}
