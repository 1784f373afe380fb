// How a day reads in Chinese replies: 6月21日.
import { toShanghai } from "../domain/calendar.ts";

// NOTE: a TZDate per call is the most expensive step of a message; the days shown are few.
const dayShortTexts = new Map<number, string>();

/** "6月21日" */
export function formatDayShort(date: Date): string {
  let text = dayShortTexts.get(date.getTime());
  if (text === undefined) {
    const s = toShanghai(date);
    text = `${s.getMonth() + 1}月${s.getDate()}日`;
    if (dayShortTexts.size >= 1_000) dayShortTexts.clear();
    dayShortTexts.set(date.getTime(), text);
  }
  return text;
}
