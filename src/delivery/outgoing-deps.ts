// What the scheduler, the passes and the on-demand digest need; the composition root wires it.
import type { WebClient } from "@slack/web-api";
import type { Config } from "../config/env-schema.ts";
import type { Store } from "../store/open-store.ts";
import type { DeliveryOptions, OutgoingLogger } from "./deliver.ts";
import type { SendPacing } from "./pacer.ts";

export interface OutgoingDeps {
  store: Pick<Store, "db">;
  /** Made with createDeliveryClient: no retries of its own, 429 rejected at once. */
  client: WebClient;
  config: Pick<Config, "DIGEST_CHANNEL_ID" | "QUIET_HOURS" | "REMINDER_CRON" | "DIGEST_CRON"> & Partial<Pick<Config, "COORDINATOR_USER_IDS">>;
  /** The only clock: real time in the bot, anything in tests. */
  clock: () => Date;
  logger: OutgoingLogger;
  /** Retry budget, pacing and lease; tests shorten them. */
  delivery?: Partial<DeliveryOptions>;
  /** One pacing for every send of the process (passes, digest, follow-ups); each context makes its own without it. */
  pacing?: SendPacing;
  /** The scheduler's waits before trying a run again the same day (default RETRY_DELAYS_MS); tests shorten them. */
  retryDelaysMs?: readonly number[];
}

export interface PassOptions {
  /** Plan and show, send nothing, write nothing. */
  dryRun?: boolean;
  /** Stops between sends (the scheduler is stopping); what is left stays pending. */
  signal?: AbortSignal;
}

export { newClaimOwner } from "./claim-owner.ts";
