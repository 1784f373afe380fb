// How days and times read in Chinese replies: 6月21日, 今天, 明天.
import { calendarDaysUntil, toShanghai } from "../domain/calendar.ts";

/** "6月21日" */
export function formatDayShort(date: Date): string {
  const s = toShanghai(date);
  return `${s.getMonth() + 1}月${s.getDate()}日`;
}

/** "今天" / "明天" / "6月25日", as of `now`. */
export function relativeDay(date: Date, now: Date): string {
  const days = calendarDaysUntil(date, now);
  if (days === 0) return "今天";
  if (days === 1) return "明天";
  return formatDayShort(date);
}
