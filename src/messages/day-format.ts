// How a day reads in Chinese replies: 6月21日.
import { toShanghai } from "../domain/calendar.ts";

/** "6月21日" */
export function formatDayShort(date: Date): string {
  const s = toShanghai(date);
  return `${s.getMonth() + 1}月${s.getDate()}日`;
}
