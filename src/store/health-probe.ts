// A cheap proof that the store can be written: one row rewritten, at most every few seconds.
import { performance } from "node:perf_hooks";
import type { Store } from "./store-handle.ts";
import { isStoreBusy, isStoreFault, isStoreUnreachable } from "./transaction.ts";

export type StoreState = "writable" | "busy" | "unwritable" | "missing";

export interface StoreHealth {
  state: StoreState;
  checkedAt: Date;
  /** What went wrong, for an operator. */
  error?: string;
}

/** How long a probe waits for the store's answer: a stuck connection must not hang /healthz. */
const PROBE_TIMEOUT_MS = 2_000;

export class StoreProbe {
  private last: StoreHealth | null = null;
  /** performance.now() of the last probe: the rate limit is about elapsed time, not the campaign's clock. */
  private lastAt = -Infinity;
  private running: Promise<StoreHealth> | null = null;

  constructor(
    private readonly store: Store,
    private readonly who: string,
    private readonly minIntervalMs = 10_000,
  ) {}

  /** The store's state as of at most `minIntervalMs` ago; the file's presence is checked every time. */
  async check(now: Date): Promise<StoreHealth> {
    if (!this.store.fileIsPresent()) {
      return { state: "missing", checkedAt: now, error: `${this.store.where} was deleted or replaced while the bot ran` };
    }
    // NOTE: a good answer is kept for minIntervalMs; after a bad one the store is tried again within a second.
    const interval = this.last?.state === "writable" ? this.minIntervalMs : Math.min(this.minIntervalMs, 1_000);
    if (this.last && performance.now() - this.lastAt < interval) return this.last;
    this.running ??= this.probe(now).finally(() => (this.running = null));
    this.last = await this.running;
    this.lastAt = performance.now();
    return this.last;
  }

  private async probe(now: Date): Promise<StoreHealth> {
    const db = this.store.db;
    const write = db.healthProbe.upsert({
      where: { id: 1 },
      create: { id: 1, checkedAt: now, checkedBy: this.who },
      update: { checkedAt: now, checkedBy: this.who },
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), PROBE_TIMEOUT_MS)));
    try {
      const outcome = await Promise.race([write.then(() => "ok" as const), timeout]);
      if (outcome === "ok") return { state: "writable", checkedAt: now };
      void this.store.reconnect(new Error("the store did not answer a write in time")).catch(() => undefined);
      return { state: "unwritable", checkedAt: now, error: `no answer to a write within ${PROBE_TIMEOUT_MS} ms` };
    } catch (error) {
      if (isStoreUnreachable(error)) return { state: "unwritable", checkedAt: now, error: `the database does not answer (${this.store.where})` };
      if (isStoreBusy(error)) return { state: "busy", checkedAt: now, error: "another process holds the write lock" };
      if (isStoreFault(error)) void this.store.reconnect(error).catch(() => undefined);
      const text = error instanceof Error ? error.message.trim().split("\n").at(-1)! : String(error);
      return { state: "unwritable", checkedAt: now, error: text };
    } finally {
      clearTimeout(timer);
    }
  }
}
