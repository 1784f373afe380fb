// Which passes the sandbox runs when its clock moves: the scheduler's rules on simulated time.
import { describe, expect, it } from "vitest";
import { NEVER_QUIET, parseQuietHours } from "../src/domain/quiet-hours.ts";
import { cronSlotsBetween, planDueRuns } from "../tools/sandbox/due-jobs.ts";

const at = (text: string) => new Date(`${text}+08:00`);
const shanghai = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
const CRONS = { reminders: "0 9 * * *", digest: "0 17 * * *" };
const QUIET = parseQuietHours("22:00-08:00")!;

describe("cron minutes between two times (Asia/Shanghai)", () => {
  it.each([
    ["0 9 * * *", "2027-06-12T08:00", "2027-06-12T09:00", ["2027-06-12 09:00"]],
    ["0 9 * * *", "2027-06-12T09:00", "2027-06-12T10:00", []],
    ["0 9 * * *", "2027-06-12T08:00", "2027-06-14T08:59", ["2027-06-12 09:00", "2027-06-13 09:00"]],
    ["0 9 * * *", "2027-06-12T10:00", "2027-06-12T08:00", []],
    ["*/30 8-9 * * *", "2027-06-12T07:00", "2027-06-12T09:15", ["2027-06-12 08:00", "2027-06-12 08:30", "2027-06-12 09:00"]],
    ["0 9 * * 1-5", "2027-06-11T00:00", "2027-06-15T00:00", ["2027-06-11 09:00", "2027-06-14 09:00"]],
    ["0 0 1 * *", "2027-05-31T12:00", "2027-07-01T00:00", ["2027-06-01 00:00", "2027-07-01 00:00"]],
  ])("%s in (%s, %s]", (cron, from, to, expected) => {
    expect(cronSlotsBetween(cron, at(from), at(to)).map(shanghai)).toEqual(expected);
  });
});

describe("the passes that fall due when the clock moves", () => {
  const plan = (from: string, to: string, quiet = QUIET, crons = CRONS) => {
    const p = planDueRuns(crons, quiet, at(from), at(to));
    return { jumped: p.jumped, runs: p.runs.map((r) => `${r.job} ${shanghai(r.at)}`) };
  };

  it.each([
    ["2027-06-12T08:00", "2027-06-12T08:30", []],
    ["2027-06-12T08:00", "2027-06-12T09:00", ["reminders 2027-06-12 09:00"]],
    ["2027-06-12T09:00", "2027-06-13T09:00", ["digest 2027-06-12 17:00", "reminders 2027-06-13 09:00"]],
    [
      "2027-06-12T08:00",
      "2027-06-14T18:00",
      [
        "reminders 2027-06-12 09:00",
        "digest 2027-06-12 17:00",
        "reminders 2027-06-13 09:00",
        "digest 2027-06-13 17:00",
        "reminders 2027-06-14 09:00",
        "digest 2027-06-14 17:00",
      ],
    ],
    ["2027-06-13T09:00", "2027-06-12T09:00", []],
  ])("%s → %s", (from, to, runs) => {
    expect(plan(from, to)).toEqual({ jumped: false, runs });
  });

  it("defers a run inside quiet hours to their end, the same day, as the scheduler does", () => {
    const early = { reminders: "0 7 * * *", digest: "30 23 * * *" };
    expect(plan("2027-06-12T06:00", "2027-06-13T09:00", QUIET, early)).toEqual({
      jumped: false,
      runs: ["reminders 2027-06-12 08:00", "reminders 2027-06-13 08:00"],
    });
    expect(plan("2027-06-12T07:30", "2027-06-12T08:00", QUIET, early).runs).toEqual(["reminders 2027-06-12 08:00"]);
    expect(plan("2027-06-12T06:00", "2027-06-12T09:00", NEVER_QUIET, early).runs).toEqual(["reminders 2027-06-12 07:00"]);
  });

  it("takes a jump of more than a week as the bot coming back after being off: only today's missed runs", () => {
    expect(plan("2026-11-25T10:00", "2027-06-12T08:00")).toEqual({ jumped: true, runs: [] });
    expect(plan("2026-11-25T10:00", "2027-06-12T10:00")).toEqual({ jumped: true, runs: ["reminders 2027-06-12 10:00"] });
    expect(plan("2026-11-25T10:00", "2027-06-12T18:00")).toEqual({ jumped: true, runs: ["reminders 2027-06-12 18:00", "digest 2027-06-12 18:00"] });
    expect(plan("2026-11-25T10:00", "2027-06-12T23:00")).toEqual({ jumped: true, runs: [] });
    expect(plan("2027-06-05T09:00", "2027-06-12T09:00").jumped).toBe(false);
  });
});
