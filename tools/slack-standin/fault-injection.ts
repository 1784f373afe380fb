// Injected failures and rate limits, so the bot's retry and error paths can be exercised.
import type { Failure } from "./types.ts";

const WINDOW_MS = 60_000;

export class FaultPlan {
  private readonly queues = new Map<string, Failure[]>();
  private readonly limits = new Map<string, { perMinute: number; hits: number[] }>();

  failNext(method: string, failure: Failure, times = 1): void {
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`times must be a positive integer, got ${times}`);
    if (failure.kind === "ratelimited" && !(failure.retryAfterSeconds >= 0)) {
      throw new RangeError("retryAfterSeconds must be 0 or more");
    }
    if (failure.kind === "http" && !(failure.status >= 100 && failure.status <= 599)) {
      throw new RangeError(`not an HTTP status: ${failure.status}`);
    }
    if (failure.kind === "lost" && failure.status !== undefined && failure.status !== 0 && !(failure.status >= 100 && failure.status <= 599)) {
      throw new RangeError(`not an HTTP status: ${failure.status}`);
    }
    const queue = this.queues.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.queues.set(method, queue);
  }

  /** The next failure queued for this method, else (when `wildcard`) for "*". */
  take(method: string, wildcard: boolean): Failure | undefined {
    const own = this.queues.get(method);
    if (own && own.length > 0) return own.shift();
    if (!wildcard) return undefined;
    return this.queues.get("*")?.shift();
  }

  setRateLimit(method: string, perMinute: number | null): void {
    if (perMinute === null) {
      this.limits.delete(method);
      return;
    }
    if (!Number.isInteger(perMinute) || perMinute < 1) throw new RangeError(`perMinute must be a positive integer, got ${perMinute}`);
    this.limits.set(method, { perMinute, hits: [] });
  }

  /**
   * Sliding one-minute window: counts the call and returns undefined when it fits, or the
   * seconds until it would fit (for Retry-After) without counting it.
   */
  admit(method: string, nowMs: number): number | undefined {
    const windows = [this.limits.get(method), this.limits.get("*")].filter((w) => w !== undefined);
    let retryAfter: number | undefined;
    for (const w of windows) {
      while (w.hits.length > 0 && w.hits[0]! <= nowMs - WINDOW_MS) w.hits.shift();
      if (w.hits.length >= w.perMinute) {
        const wait = Math.max(1, Math.ceil((w.hits[0]! + WINDOW_MS - nowMs) / 1000));
        retryAfter = Math.max(retryAfter ?? 0, wait);
      }
    }
    if (retryAfter !== undefined) return retryAfter;
    for (const w of windows) w.hits.push(nowMs);
    return undefined;
  }

  reset(): void {
    this.queues.clear();
    this.limits.clear();
  }
}
