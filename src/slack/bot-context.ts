import type { BotHealth } from "../app/bot-health.ts";
import type { Config } from "../config/env-schema.ts";
import type { OutgoingDeps } from "../delivery/outgoing-deps.ts";
import type { Store } from "../store/open-store.ts";
import type { BackgroundWork } from "./background-work.ts";

/** What every listener may use: the store, the configuration, and the clock. */
export interface BotContext {
  store: Store;
  config: Config;
  clock: () => Date;
  /** Scheduled and on-demand delivery (digest, export); set once the app exists. */
  outgoing?: OutgoingDeps;
  /** What GET /healthz reports; set once the app exists. */
  health?: BotHealth;
  /** Follow-up messages sent after a reply. */
  background?: BackgroundWork;
}
