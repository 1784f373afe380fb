import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config/env-schema.ts";
import { formatQuietHours, isQuietTime, parseQuietHours, quietEndsAt } from "../src/domain/quiet-hours.ts";
import { formatIsoShanghai } from "../src/domain/model/calendar.ts";

describe("quiet hours", () => {
  const q = parseQuietHours("22:00-08:00")!;

  it.each([
    ["2027-06-21T21:59:00+08:00", false],
    ["2027-06-21T22:00:00+08:00", true],
    ["2027-06-22T03:00:00+08:00", true],
    ["2027-06-22T07:59:00+08:00", true],
    ["2027-06-22T08:00:00+08:00", false],
  ])("at %s quiet is %s (Shanghai time, whatever TZ)", (at, quiet) => {
    expect(isQuietTime(q, new Date(at))).toBe(quiet);
  });

  it("ends at 08:00 the next morning from the evening, the same morning after midnight", () => {
    expect(formatIsoShanghai(quietEndsAt(q, new Date("2027-06-21T23:00:00+08:00")))).toBe("2027-06-22T08:00:00+08:00");
    expect(formatIsoShanghai(quietEndsAt(q, new Date("2027-06-22T01:00:00+08:00")))).toBe("2027-06-22T08:00:00+08:00");
  });

  it("reads other ranges and off, and rejects nonsense", () => {
    expect(isQuietTime(parseQuietHours("12:00–13:30")!, new Date("2027-06-21T13:00:00+08:00"))).toBe(true);
    expect(isQuietTime(parseQuietHours("off")!, new Date("2027-06-21T03:00:00+08:00"))).toBe(false);
    expect(formatQuietHours(q)).toBe("22:00–08:00");
    expect(parseQuietHours("late")).toBeNull();
    expect(parseQuietHours("25:00-08:00")).toBeNull();
  });

  it("is QUIET_HOURS in the configuration, 22:00-08:00 by default", () => {
    const ok = parseConfig({});
    expect(ok.ok && ok.config.QUIET_HOURS).toEqual({ start: 22 * 60, end: 8 * 60 });
    const bad = parseConfig({ QUIET_HOURS: "night" });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.map((p) => p.variable)).toEqual(["QUIET_HOURS"]);
  });
});
