import type { Config } from "../config/env-schema.ts";
import type { Store } from "../store/open-store.ts";

export interface CliContext {
  args: string[];
  config: Config;
  store: Store;
  now: Date;
  /** Data (stdout). */
  out(text: string): void;
  /** Messages for the person (stderr). */
  err(text: string): void;
  /** Who runs the CLI, for the audit trail. */
  actor: string;
  /** Aborted on SIGINT or SIGTERM: a pass stops between messages, leaving the rest pending. */
  signal?: AbortSignal;
}

/** Returns the process exit code. */
export type CliCommand = (ctx: CliContext) => Promise<number>;
