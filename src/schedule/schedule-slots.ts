// When a cron job was due today, and when a missed run may still go out (Asia/Shanghai).
import { createTask } from "node-cron";
import { CAMPAIGN_TZ, shanghaiDay, shanghaiInstant, toShanghai } from "../domain/model/calendar.ts";
import { isQuietTime, quietEndsAt, type QuietHours } from "../domain/quiet-hours.ts";

/** The latest minute today (Shanghai) at or before `now` when `cron` fires; null if none yet. */
export function lastSlotToday(cron: string, now: Date): Date | null {
  const task = createTask(cron, () => undefined, { timezone: CAMPAIGN_TZ });
  try {
    const s = toShanghai(now);
    const midnight = shanghaiInstant(s.getFullYear(), s.getMonth() + 1, s.getDate());
    const minutes = Math.floor((now.getTime() - midnight.getTime()) / 60_000);
    for (let m = minutes; m >= 0; m--) {
      const at = new Date(midnight.getTime() + m * 60_000);
      if (task.match(at)) return at;
    }
    return null;
  } finally {
    void task.destroy();
  }
}

/**
 * When a run due at `slot` may go out, as of `now`: now, or when quiet hours end if that is still
 * the slot's day; null when it would fall on another day (that day has its own run).
 */
export function runTimeFor(slot: Date, quiet: QuietHours, now: Date): Date | null {
  if (!isQuietTime(quiet, now)) return shanghaiDay(now) === shanghaiDay(slot) ? now : null;
  const end = quietEndsAt(quiet, now);
  return shanghaiDay(end) === shanghaiDay(slot) ? end : null;
}

/** A run the bot missed today (it was down at the time): when to make it up, or null. */
export function catchUpTime(cron: string, quiet: QuietHours, now: Date): Date | null {
  const slot = lastSlotToday(cron, now);
  return slot ? runTimeFor(slot, quiet, now) : null;
}
