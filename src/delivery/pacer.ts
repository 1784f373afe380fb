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
