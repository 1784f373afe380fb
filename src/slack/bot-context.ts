import type { Config } from "../config/env-schema.ts";
import type { Store } from "../store/open-store.ts";

/** What every listener may use: the store, the configuration, and the clock. */
export interface BotContext {
  store: Store;
  config: Config;
  clock: () => Date;
}
