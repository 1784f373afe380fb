// Paces sends under Slack's posting limits (about one message a second, short bursts tolerated).
// Uses a monotonic clock: pacing is about elapsed time, not the calendar.
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

export interface PacerOptions {
  perSecond: number;
  burst: number;
}

/** Elapsed time as pacing sees it, and a wait on the same time. */
export interface PacingClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_TIME: PacingClock = { now: () => performance.now(), sleep: (ms) => sleep(ms) };

/**
 * Real time run `factor` times faster, for a stand-in Slack and a bot that both keep to it (the
 * sandbox): Slack's posting limits hold in it exactly, and a one-second pause takes 1/factor s.
 */
export function fastTime(factor: number): PacingClock {
  if (!(factor >= 1)) throw new RangeError(`fastTime needs a factor of at least 1, got ${factor}`);
  return { now: () => performance.now() * factor, sleep: (ms) => sleep(ms / factor) };
}

export class Pacer {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;

  constructor(
    private readonly options: PacerOptions,
    private readonly clock: PacingClock = REAL_TIME,
  ) {
    this.tokens = options.burst;
    this.last = clock.now();
  }

  /** Waits until one more send is allowed. */
  async take(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      // NOTE: while paused only the one send due when it ends refills: after a Retry-After, sends
      // resume at the pace, not in a burst that Slack would likely refuse again.
      const from = Math.max(this.last, Math.min(now, this.pausedUntil - 1000 / this.options.perSecond));
      this.tokens = Math.min(this.options.burst, this.tokens + ((now - from) / 1000) * this.options.perSecond);
      this.last = now;
      const pause = this.pausedUntil - now;
      if (pause <= 0 && this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const refill = ((1 - this.tokens) / this.options.perSecond) * 1000;
      await this.clock.sleep(Math.max(pause, refill, 1));
    }
  }

  /** Slack said Retry-After: nobody sends until then. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
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
    private readonly clock: PacingClock = REAL_TIME,
    private readonly perTargetOptions: PacerOptions = { perSecond: Math.min(options.perSecond, 1), burst: 1 },
  ) {
    this.all = new Pacer(options, clock);
  }

  /** Waits until one more send to `target` is allowed. */
  async take(target: string): Promise<void> {
    const now = this.clock.now();
    if (this.perTarget.size > 256) {
      for (const [key, entry] of this.perTarget) if (now - entry.lastUsed > IDLE_TARGET_MS) this.perTarget.delete(key);
    }
    let entry = this.perTarget.get(target);
    if (!entry) {
      entry = { pacer: new Pacer(this.perTargetOptions, this.clock), lastUsed: now };
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
