import { describe, expect, it } from "vitest";
import {
  calendarDaysUntil,
  defaultCampaignYear,
  formatIsoShanghai,
  parseShanghaiDateTime,
} from "../src/domain/model/calendar.ts";

describe("the default campaign year is the year of the next June 20 on or after today", () => {
  it.each([
    ["2026-11-24T12:00:00+08:00", 2027],
    ["2027-01-01T00:00:00+08:00", 2027],
    ["2027-06-20T23:59:00+08:00", 2027],
    ["2027-06-21T00:00:00+08:00", 2028],
    // Still June 20 in Shanghai although already June 21 in UTC? No: 16:30 UTC June 20 is June 21 00:30 in Shanghai.
    ["2027-06-20T16:30:00Z", 2028],
    ["2027-06-20T15:30:00Z", 2027],
  ])("on %s it is %i", (now, year) => {
    expect(defaultCampaignYear(new Date(now))).toBe(year);
  });
});

describe("parsing a Shanghai date and time", () => {
  it.each([
    ["2027-06-25", "2027-06-25T23:59:59+08:00"],
    ["2027-06-25 18:00", "2027-06-25T18:00:00+08:00"],
    ["2027-6-5 08:30", "2027-06-05T08:30:00+08:00"],
    ["2027-06-25T09:15", "2027-06-25T09:15:00+08:00"],
  ])("%s is %s", (text, iso) => {
    expect(formatIsoShanghai(parseShanghaiDateTime(text)!)).toBe(iso);
  });

  it.each(["2027-02-30", "2027-13-01", "2027-06-25 24:00", "6月25日", "", "2027/06/25"])("rejects %j", (text) => {
    expect(parseShanghaiDateTime(text)).toBeNull();
  });
});

describe("days left count Shanghai calendar days", () => {
  const due = new Date("2027-06-20T23:59:59+08:00");
  it.each([
    ["2027-06-13T09:00:00+08:00", 7],
    ["2027-06-19T23:59:00+08:00", 1],
    ["2027-06-20T00:00:00+08:00", 0],
    ["2027-06-21T09:00:00+08:00", -1],
    // 20:00 UTC on June 19 is already June 20 in Shanghai.
    ["2027-06-19T20:00:00Z", 0],
  ])("from %s: %i", (now, days) => {
    expect(calendarDaysUntil(due, new Date(now))).toBe(days);
  });
});
