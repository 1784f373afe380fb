import type { Config } from "../config/env-schema.ts";
import type { Store } from "../store/open-store.ts";

export interface CliContext {
  args: string[];
  config: Config;
  store: Store;
  /** When the command started; `clock` for later moments (a pass that runs for a while). */
  now: Date;
  /** The wall clock, read only by the CLIs' composition root (run-cli.ts). */
  clock: () => Date;
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
