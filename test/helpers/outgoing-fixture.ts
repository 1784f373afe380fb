// A test store, the Slack stand-in and the deps the scheduler gets in the bot, with short retries.
import { parseQuietHours } from "../../src/domain/quiet-hours.ts";
import type { OutgoingDeps } from "../../src/schedule/outgoing-deps.ts";
import { createDeliveryClient } from "../../src/slack/slack-sender.ts";
import type { SlackStandin } from "../../tools/slack-standin/index.ts";
import type { Store } from "../../src/store/open-store.ts";
import { DEFAULT_DELIVERY_OPTIONS } from "../../src/schedule/deliver.ts";
import { SendPacing } from "../../src/schedule/pacer.ts";
import { TEST_POSTING } from "./test-posting.ts";
import { quietLogger } from "../slack-standin/standin-fixture.ts";

export const COORD_CHANNEL = "C0COORD";

export { TEST_POSTING };

export const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };

export function outgoingDeps(store: Pick<Store, "db">, standin: SlackStandin, overrides: Partial<OutgoingDeps> = {}): OutgoingDeps {
  const deps: OutgoingDeps = {
    store,
    client: createDeliveryClient(standin.botToken, standin.apiUrl, { logger: quietLogger, timeoutMs: 5_000 }),
    config: {
      DIGEST_CHANNEL_ID: COORD_CHANNEL,
      QUIET_HOURS: parseQuietHours("22:00-08:00")!,
      REMINDER_CRON: "0 9 * * *",
      DIGEST_CRON: "0 17 * * *",
    },
    clock: () => new Date(),
    logger: silentLogger,
    delivery: { retryBudgetMs: 5_000, maxAttempts: 3, backoffMs: 20, perSecond: 1_000, burst: 1_000 },
    ...overrides,
  };
  return { ...deps, pacing: deps.pacing ?? new SendPacing({ ...DEFAULT_DELIVERY_OPTIONS, ...deps.delivery }, TEST_POSTING) };
}

/** Every message the bot posted with a delivery key, by key. */
export function postedKeys(standin: SlackStandin, channels: string[]): string[] {
  return channels
    .flatMap((c) => standin.messages(c))
    .map((m) => m.metadata?.event_payload.key)
    .filter((k): k is string => typeof k === "string")
    .sort();
}
