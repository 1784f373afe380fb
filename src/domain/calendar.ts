// All calendar logic of the campaign, in Asia/Shanghai whatever the server's TZ.
import { TZDate, tzOffset } from "@date-fns/tz";
import { format } from "date-fns";

export const CAMPAIGN_TZ = "Asia/Shanghai";

/** The instant of a wall-clock time in Shanghai. */
export function shanghaiInstant(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  return new Date(new TZDate(year, month - 1, day, hour, minute, second, CAMPAIGN_TZ).getTime());
}

/** Parses a seed date "MM-DDTHH:mm:ss" for the given campaign year. */
export function seedInstant(year: number, monthDayTime: string): Date {
  const m = /^(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(monthDayTime);
  if (!m) throw new Error(`bad seed date "${monthDayTime}", expected MM-DDTHH:mm:ss`);
  const [, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number];
  return shanghaiInstant(year, mo, d, h, mi, s);
}

/** The year of the next June 20 on or after today (Shanghai calendar). */
export function defaultCampaignYear(now: Date): number {
  const today = new TZDate(now.getTime(), CAMPAIGN_TZ);
  const year = today.getFullYear();
  const afterJune20 = today.getMonth() > 5 || (today.getMonth() === 5 && today.getDate() > 20);
  return afterJune20 ? year + 1 : year;
}

export function toShanghai(date: Date): TZDate {
  return new TZDate(date.getTime(), CAMPAIGN_TZ);
}

/** "2027-06-20T23:59:59+08:00" */
export function formatIsoShanghai(date: Date): string {
  return format(toShanghai(date), "yyyy-MM-dd'T'HH:mm:ssXXX");
}

// NOTE: each TZDate asks Intl for the zone's offset, the most expensive step of a status reply;
// due times are few and repeat, so their text is kept.
const dueShortTexts = new Map<number, string>();

/** "6月20日 23:59" */
export function formatDueShort(date: Date): string {
  let text = dueShortTexts.get(date.getTime());
  if (text === undefined) {
    text = format(toShanghai(date), "M月d日 HH:mm");
    if (dueShortTexts.size >= 1_000) dueShortTexts.clear();
    dueShortTexts.set(date.getTime(), text);
  }
  return text;
}

/** "2027-06-20 23:59" */
export function formatDateTime(date: Date): string {
  return format(toShanghai(date), "yyyy-MM-dd HH:mm");
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const offsetsByHour = new Map<number, number>();

/** Shanghai's UTC offset in minutes; zones change offset on whole UTC hours, so it is kept per hour. */
function shanghaiOffsetMinutes(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetsByHour.get(hour);
  if (offset === undefined) {
    offset = tzOffset(CAMPAIGN_TZ, new Date(hour * HOUR_MS));
    if (offsetsByHour.size >= 10_000) offsetsByHour.clear();
    offsetsByHour.set(hour, offset);
  }
  return offset;
}

/** Days since 1970-01-01 of the Shanghai calendar day an instant falls on. */
function shanghaiDayNumber(date: Date): number {
  const ms = date.getTime();
  return Math.floor((ms + shanghaiOffsetMinutes(ms) * 60_000) / DAY_MS);
}

/** Calendar days from `now` to `due` in Shanghai: 0 on the due day, negative when overdue. */
export function calendarDaysUntil(due: Date, now: Date): number {
  return shanghaiDayNumber(due) - shanghaiDayNumber(now);
}

/** "2027-06-20": the Shanghai calendar day of an instant. */
export function shanghaiDay(date: Date): string {
  return format(toShanghai(date), "yyyy-MM-dd");
}

/**
 * Parses "YYYY-MM-DD" or "YYYY-MM-DD HH:mm" as Shanghai wall-clock time.
 * A bare date means the end of that day (23:59:59), as deadlines do.
 */
export function parseShanghaiDateTime(text: string): Date | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const hasTime = m[4] !== undefined;
  const h = hasTime ? Number(m[4]) : 23;
  const mi = hasTime ? Number(m[5]) : 59;
  if (h > 23 || mi > 59) return null;
  const instant = shanghaiInstant(y, mo, d, h, mi, hasTime ? 0 : 59);
  const check = toShanghai(instant);
  // NOTE: rejects 2027-02-30 and the like instead of rolling over into March.
  if (check.getMonth() !== mo - 1 || check.getDate() !== d) return null;
  return instant;
}

/**
 * A day as people write it: 2027-07-10, 2027/7/10, 2027年7月10日, 7月10日, 7月10号, 7-10, 7/10.
 * Null when it is not a day of the calendar.
 */
export function parseTypedDay(text: string): { year: number | null; month: number; day: number } | null {
  const t = text.normalize("NFKC").trim();
  const m =
    /^(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(t);
  if (!m) return null;
  const year = m[1] === undefined ? null : Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const check = toShanghai(shanghaiInstant(year ?? 2028, month, day, 12));
  // NOTE: rejects 2027-02-30 and the like instead of rolling over into March (2028 has a 2月29日).
  if (check.getMonth() !== month - 1 || check.getDate() !== day) return null;
  return { year, month, day };
}

/** The end (23:59:59, Shanghai) of a typed day; a day without a year is in `now`'s year. */
export function endOfTypedDay(day: { year: number | null; month: number; day: number }, now: Date): Date | null {
  const year = day.year ?? toShanghai(now).getFullYear();
  const instant = shanghaiInstant(year, day.month, day.day, 23, 59, 59);
  const check = toShanghai(instant);
  if (check.getMonth() !== day.month - 1 || check.getDate() !== day.day) return null;
  return instant;
}

/**
 * A deadline as a coordinator types it: a bare date, or 23:59, is the end of that day (23:59:59),
 * so that 「6月20日 23:59」, typed back as it is shown, is the same instant again.
 */
export function parseDeadlineTime(text: string): Date | null {
  const at = parseShanghaiDateTime(text);
  if (!at) return null;
  const s = toShanghai(at);
  return s.getHours() === 23 && s.getMinutes() === 59 && s.getSeconds() === 0 ? new Date(at.getTime() + 59_000) : at;
}
