// When a cron job was due today, and when a missed run may still go out (Asia/Shanghai).
import { CronExpressionParser } from "cron-parser";
import { CAMPAIGN_TZ, shanghaiDay, shanghaiInstant, toShanghai } from "../domain/model/calendar.ts";
import { isQuietTime, quietEndsAt, type QuietHours } from "../domain/quiet-hours.ts";

/** The latest minute today (Shanghai) at or before `now` when `cron` fires; null if none yet. */
export function lastSlotToday(cron: string, now: Date): Date | null {
  const s = toShanghai(now);
  const midnight = shanghaiInstant(s.getFullYear(), s.getMonth() + 1, s.getDate());
  // NOTE: prev() looks strictly before its start; starting a second into `now`'s minute, the
  // minute itself counts ("at or before").
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  const slot = CronExpressionParser.parse(cron, { currentDate: new Date(minute + 1_000), tz: CAMPAIGN_TZ }).prev().toDate();
  return slot.getTime() >= midnight.getTime() ? slot : null;
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
