// Slack's posting limit: "chat.postMessage generally allows posting one message per second per
// channel", "Short bursts >1 allowed" (https://docs.slack.dev/apis/web-api/rate-limits, the
// "Special Tier" and "Posting messages" rows). Beyond it Slack answers HTTP 429 with
// {"ok":false,"error":"ratelimited"} and a Retry-After header in seconds (same page,
// "Responding to rate limiting conditions"). A token bucket per channel: `burst` posts at once,
// then `perSecond`.
import type { ChannelRate } from "./types.ts";

/** Slack does not publish the burst size; three back-to-back posts is "short bursts >1". */
export const SLACK_CHANNEL_RATE: ChannelRate = { perSecond: 1, burst: 3 };

function checkRate(rate: ChannelRate): void {
  if (!(rate.perSecond > 0)) throw new RangeError(`perSecond must be positive, got ${rate.perSecond}`);
  if (!Number.isInteger(rate.burst) || rate.burst < 1) throw new RangeError(`burst must be a positive integer, got ${rate.burst}`);
}

export class ChannelRateLimit {
  private readonly buckets = new Map<string, { tokens: number; atMs: number }>();
  private rate: ChannelRate | null;

  constructor(
    rate: ChannelRate | null,
    private readonly clockMs: () => number,
  ) {
    if (rate) checkRate(rate);
    this.rate = rate;
  }

  set(rate: ChannelRate | null): void {
    if (rate) checkRate(rate);
    this.rate = rate;
    this.buckets.clear();
  }

  /** Takes one post for `channel`: undefined when it may go out, else Retry-After in seconds (nothing taken). */
  take(channel: string): number | undefined {
    const rate = this.rate;
    const nowMs = this.clockMs();
    if (!rate) return undefined;
    const bucket = this.buckets.get(channel) ?? { tokens: rate.burst, atMs: nowMs };
    // A clock moved backwards (the sandbox can) refills nothing.
    const elapsed = Math.max(0, nowMs - bucket.atMs);
    bucket.tokens = Math.min(rate.burst, bucket.tokens + (elapsed / 1000) * rate.perSecond);
    bucket.atMs = Math.max(bucket.atMs, nowMs);
    this.buckets.set(channel, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate.perSecond));
  }

  /** Forgets what was posted; keeps the limit. */
  reset(): void {
    this.buckets.clear();
  }
}
