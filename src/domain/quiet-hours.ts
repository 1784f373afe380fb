// Quiet hours in Shanghai wall-clock time: nothing scheduled is sent inside them.
import { toShanghai, shanghaiInstant } from "./model/calendar.ts";
import { NO_QUIET_HOURS } from "../messages/day-format.ts";

export interface QuietHours {
  /** Minutes after midnight, Shanghai. start === end means never quiet. */
  start: number;
  end: number;
}

export const DEFAULT_QUIET_HOURS = "22:00-08:00";
export const NEVER_QUIET: QuietHours = { start: 0, end: 0 };

function minutesOf(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  // NOTE: 24:00 is allowed as an end ("20:00-24:00").
  if (mi > 59 || h > 24 || (h === 24 && mi !== 0)) return null;
  return h * 60 + mi;
}

/** "22:00-08:00" (also with – or ～); "off" disables quiet hours. null when unreadable. */
export function parseQuietHours(text: string): QuietHours | null {
  const t = text.trim().toLowerCase();
  if (t === "off" || t === "none" || t === "无") return NEVER_QUIET;
  const parts = t.split(/\s*[-–~～]\s*/);
  if (parts.length !== 2) return null;
  const start = minutesOf(parts[0] ?? "");
  const end = minutesOf(parts[1] ?? "");
  if (start === null || end === null) return null;
  return { start: start % 1440, end: end % 1440 };
}

function minuteOfDay(at: Date): number {
  const s = toShanghai(at);
  return s.getHours() * 60 + s.getMinutes();
}

export function isQuietTime(quiet: QuietHours, at: Date): boolean {
  const m = minuteOfDay(at);
  if (quiet.start === quiet.end) return false;
  return quiet.start < quiet.end ? m >= quiet.start && m < quiet.end : m >= quiet.start || m < quiet.end;
}

/** When the quiet hours around `at` end; `at` itself when it is not quiet. */
export function quietEndsAt(quiet: QuietHours, at: Date): Date {
  if (!isQuietTime(quiet, at)) return at;
  const s = toShanghai(at);
  const endToday = shanghaiInstant(s.getFullYear(), s.getMonth() + 1, s.getDate(), Math.floor(quiet.end / 60), quiet.end % 60);
  if (endToday.getTime() > at.getTime()) return endToday;
  return shanghaiInstant(s.getFullYear(), s.getMonth() + 1, s.getDate() + 1, Math.floor(quiet.end / 60), quiet.end % 60);
}

export function formatQuietHours(quiet: QuietHours): string {
  const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return quiet.start === quiet.end ? NO_QUIET_HOURS : `${hm(quiet.start)}–${hm(quiet.end)}`;
}
