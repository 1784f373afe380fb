// What every listener may use. The composition root (src/app/start-bot.ts) fills it in: the
// listeners get what they send after a reply as functions, so src/slack/ never imports the
// scheduled side (src/schedule/), which uses src/slack/'s blocks and sender.
import type { Config } from "../config/env-schema.ts";
import type { FollowUp } from "../domain/follow-up.ts";
import type { Store } from "../store/open-store.ts";
import type { Outbox, Verifier } from "../use-cases/command-deps.ts";
import type { BackgroundWork } from "./background-work.ts";

/** What GET /healthz answers. */
export interface HealthReporter {
  report(): Promise<{ status: number; body: unknown }>;
}

export interface BotContext {
  store: Store;
  config: Config;
  clock: () => Date;
  /** The digest and the export on request; set once the app exists. */
  outbox?: Outbox;
  /** `/shutdown verify`; absent when VERIFY=off. */
  verifier?: Verifier;
  /** Sends the messages a change calls for (through the delivery log); set once the app exists. */
  sendFollowUps?: (followUps: readonly FollowUp[], now: Date) => Promise<unknown>;
  /** What GET /healthz reports; set once the app exists. */
  health?: HealthReporter;
  /** Follow-up messages sent after a reply. */
  background?: BackgroundWork;
}
