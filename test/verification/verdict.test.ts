import { describe, expect, it } from "vitest";
import { advanceVerification, decideVerification, INITIAL_VERIFICATION, type ObservationInput, type VerdictOptions } from "../../src/verification/verdict.ts";
import type { ProbeOutcome } from "../../src/verification/verification-types.ts";
import type { Verification, VerifiedTask } from "../../src/domain/model/verification.ts";

const START = Date.parse("2027-06-21T10:00:00+08:00");
const HOUR = 3_600_000;

/** One observation per hour: "g" gone, "p" present, "i" inconclusive. */
function hourly(pattern: string, task: VerifiedTask = "site", sources: string[] = ["http"]): ObservationInput[] {
  const outcome: Record<string, ProbeOutcome> = { g: "gone", p: "present", i: "inconclusive" };
  return [...pattern].map((c, i) => ({ task, outcome: outcome[c]!, sources: c === "i" ? [] : sources, at: new Date(START + i * HOUR).toISOString(), ttlSeconds: null, mixed: false }));
}

const TWO_RESOLVERS: VerdictOptions = { resolverCount: 2, reportedDoneAt: null };

describe("verification after a history of observations (flapping rule)", () => {
  const cases: [string, Verification][] = [
    ["", "unverified"],
    ["g", "unverified"],
    ["gg", "unverified"],
    ["ggg", "confirmed"],
    ["gigig", "confirmed"],
    ["ggpg", "unverified"],
    ["p", "unverified"],
    ["pp", "contradicted"],
    ["pip", "contradicted"],
    ["i", "inconclusive"],
    ["iiiii", "inconclusive"],
    ["gi", "inconclusive"],
    ["gggp", "confirmed"],
    ["gggpp", "contradicted"],
    ["gggpg", "confirmed"],
    ["gggpip", "contradicted"],
    ["ppg", "contradicted"],
    ["ppgg", "contradicted"],
    ["ppggg", "confirmed"],
    ["gggiiiiiiiiii", "confirmed"],
    ["ppiiiiiiiii", "contradicted"],
  ];
  it.each(cases)("%j → %s", (pattern, expected) => {
    expect(decideVerification(hourly(pattern), TWO_RESOLVERS).verification).toBe(expected);
  });

  it("counts the streak and its sources, and keeps the instant of each change", () => {
    const state = decideVerification(hourly("ppggg"), TWO_RESOLVERS);
    expect(state.streak).toEqual({ outcome: "gone", count: 3, sources: ["http"], since: new Date(START + 2 * HOUR).toISOString() });
    expect(state.changedAt).toBe(new Date(START + 4 * HOUR).toISOString());
    expect(state.lastObservedAt).toBe(new Date(START + 4 * HOUR).toISOString());
  });

  it("says when an observation changed the verification", () => {
    const two = decideVerification(hourly("gg"), TWO_RESOLVERS);
    const third = hourly("ggg")[2]!;
    expect(advanceVerification(two, third, TWO_RESOLVERS)).toMatchObject({ changed: true, counted: "gone", state: { verification: "confirmed" } });
    expect(advanceVerification(INITIAL_VERIFICATION, hourly("i")[0]!, TWO_RESOLVERS)).toMatchObject({ changed: true, counted: "none" });
  });
});

describe("a domain is confirmed gone only by two sources where two resolvers are configured", () => {
  const observe = (sources: string[][]): ObservationInput[] =>
    sources.map((s, i) => ({ task: "domain", outcome: "gone", sources: s, at: new Date(START + i * HOUR).toISOString(), ttlSeconds: null, mixed: false }));
  const cases: [string, string[][], number, Verification][] = [
    ["one resolver three times, two configured", [["r1"], ["r1"], ["r1"]], 2, "inconclusive"],
    ["both resolvers every time", [["r1", "r2"], ["r1", "r2"], ["r1", "r2"]], 2, "confirmed"],
    ["the resolvers taking turns", [["r1"], ["r2"], ["r1"]], 2, "confirmed"],
    ["one resolver configured", [["r1"], ["r1"], ["r1"]], 1, "confirmed"],
    ["one resolver and the registry", [["r1"], ["r1", "registry:whois"], ["r1"]], 2, "confirmed"],
    ["only two passes", [["r1", "r2"], ["r1", "r2"]], 2, "unverified"],
  ];
  it.each(cases)("%s → %s", (_name, sources, resolverCount, expected) => {
    expect(decideVerification(observe(sources), { resolverCount, reportedDoneAt: null }).verification).toBe(expected);
  });

  it("notes that a second source is awaited", () => {
    const state = decideVerification(observe([["r1"], ["r1"]]), TWO_RESOLVERS);
    const step = advanceVerification(state, observe([["r1"], ["r1"], ["r1"]])[2]!, TWO_RESOLVERS);
    expect(step.note).toBe("awaiting-second-source");
  });
});

describe("a recursive resolver's cache does not make a contradiction too early", () => {
  const at = (minutes: number) => new Date(START + minutes * 60_000).toISOString();
  const present = (minutes: number, ttl: number, mixed = false): ObservationInput => ({ task: "domain", outcome: "present", sources: ["r1"], at: at(minutes), ttlSeconds: ttl, mixed });
  const gone = (minutes: number): ObservationInput => ({ task: "domain", outcome: "gone", sources: ["r1", "r2"], at: at(minutes), ttlSeconds: null, mixed: false });
  const reported = { resolverCount: 2, reportedDoneAt: new Date(START) };

  it("does not count a record still answered within its TTL after the contact deleted it", () => {
    const step = advanceVerification(INITIAL_VERIFICATION, present(5, 3000), reported);
    expect(step).toMatchObject({ counted: "none", note: "possibly-cached" });
    expect(step.state.cacheUntil).toBe(at(55));
    const second = advanceVerification(step.state, present(35, 1200), reported);
    expect(second.counted).toBe("none");
    expect(second.state.verification).toBe("inconclusive");
  });

  it("counts it once the TTL has run out: then the record is really still there", () => {
    const state = decideVerification([present(5, 3000), present(65, 3000), present(125, 3000)], reported);
    expect(state.verification).toBe("contradicted");
    expect(decideVerification([present(5, 3000), present(65, 3000)], reported).verification).toBe("unverified");
  });

  it("confirms once the cache expired and every resolver says gone", () => {
    expect(decideVerification([present(5, 600), gone(65), gone(125), gone(185)], reported).verification).toBe("confirmed");
  });

  it("counts present answers at once when nobody said the record was deleted", () => {
    expect(decideVerification([present(5, 3000), present(65, 3000)], TWO_RESOLVERS).verification).toBe("contradicted");
  });

  it("treats one resolver still answering while another says gone as a possible cache", () => {
    const step = advanceVerification(INITIAL_VERIFICATION, present(5, 600, true), TWO_RESOLVERS);
    expect(step).toMatchObject({ counted: "none", note: "possibly-cached" });
  });

  it("opens a new window for a new report", () => {
    const first = decideVerification([present(5, 600), present(65, 600), present(125, 600)], reported);
    expect(first.verification).toBe("contradicted");
    const again = advanceVerification(first, present(185, 600), { resolverCount: 2, reportedDoneAt: new Date(START + 180 * 60_000) });
    expect(again).toMatchObject({ counted: "none", note: "possibly-cached", state: { verification: "contradicted" } });
  });
});
