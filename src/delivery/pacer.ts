// Paces sends under Slack's posting limits (about one message a second, short bursts tolerated).
// Uses a monotonic clock: pacing is about elapsed time, not the calendar.
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

export interface PacerOptions {
  perSecond: number;
  burst: number;
}

export class Pacer {
  private tokens: number;
  private last = performance.now();
  private pausedUntil = 0;

  constructor(private readonly options: PacerOptions) {
    this.tokens = options.burst;
  }

  /** Waits until one more send is allowed. */
  async take(): Promise<void> {
    for (;;) {
      const now = performance.now();
      this.tokens = Math.min(this.options.burst, this.tokens + ((now - this.last) / 1000) * this.options.perSecond);
      this.last = now;
      const pause = this.pausedUntil - now;
      if (pause <= 0 && this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const refill = ((1 - this.tokens) / this.options.perSecond) * 1000;
      await sleep(Math.max(pause, refill, 1));
    }
  }

  /** Slack said Retry-After: nobody sends until then. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, performance.now() + ms);
    this.tokens = 0;
  }
}

/** Senders with no send for this long are forgotten (their bucket is full again anyway). */
const IDLE_TARGET_MS = 10_000;

/**
 * One process's pacing of outgoing messages: all sends together, and each channel (or person)
 * on its own. NOTE: Slack allows about one chat.postMessage a second per channel; the passes,
 * the digest and the follow-ups of commands (the 🎉 line) all post to the coordinators' channel,
 * so they share one pacing per process instead of each starting with a full burst.
 */
export class SendPacing {
  private readonly all: Pacer;
  private readonly perTarget = new Map<string, { pacer: Pacer; lastUsed: number }>();

  constructor(
    options: PacerOptions,
    private readonly perTargetOptions: PacerOptions = { perSecond: Math.min(options.perSecond, 1), burst: 1 },
  ) {
    this.all = new Pacer(options);
  }

  /** Waits until one more send to `target` is allowed. */
  async take(target: string): Promise<void> {
    const now = performance.now();
    if (this.perTarget.size > 256) {
      for (const [key, entry] of this.perTarget) if (now - entry.lastUsed > IDLE_TARGET_MS) this.perTarget.delete(key);
    }
    let entry = this.perTarget.get(target);
    if (!entry) {
      entry = { pacer: new Pacer(this.perTargetOptions), lastUsed: now };
      this.perTarget.set(target, entry);
    }
    entry.lastUsed = now;
    await entry.pacer.take();
    await this.all.take();
  }

  /** Slack said Retry-After: nobody sends until then. */
  pause(ms: number): void {
    this.all.pause(ms);
  }
}
