// One size, one phase of the planning section, in a process of its own so its peak memory is its own.
import { PerformanceObserver, performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { buildDigest } from "../src/slack/blocks/digest-blocks.ts";
import { planMessages } from "../src/schedule/reminder-pass.ts";
import { planReminders } from "../src/domain/reminder-planner.ts";
import { PLAN_AT, syntheticAuditSince, syntheticCampaign } from "./synthetic-campaign.ts";

export type Phase = "data" | "scan" | "pass" | "digest";

export interface PhaseResult {
  units: number;
  items: number;
  messages: number;
  /** Medians over the runs, ms: the plan (or the digest) and building every message; GC pauses per run on average. */
  ms: number;
  buildMs: number;
  gcMs: number;
  runs: number;
  peakRssMb: number;
}

const units = Number(process.argv[2]);
const phase = process.argv[3] as Phase;
const snapshot = syntheticCampaign(units);
const audit = syntheticAuditSince(snapshot);
(globalThis as { gc?: () => void }).gc?.();

let gcSoFar = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcSoFar += entry.duration;
});
observer.observe({ entryTypes: ["gc"] });

const times: number[] = [];
const buildTimes: number[] = [];
let messages = 0;
const started = performance.now();
while (phase !== "data" && (times.length < 3 || (performance.now() - started < 1_500 && times.length < 200))) {
  let t = performance.now();
  if (phase === "digest") {
    buildDigest(snapshot, audit, PLAN_AT);
    times.push(performance.now() - t);
  } else if (phase === "scan") {
    // The machine's own floor: one pass reading two fields of every item, nothing built.
    let open = 0;
    for (const i of snapshot.items) if (i.state !== "done" && i.task !== "ipicp") open++;
    times.push(performance.now() - t);
    if (open < 0) throw new Error("unreachable");
  } else {
    // What a reminder pass computes: the plan, then each message as it is sent.
    const planned = planMessages(planReminders(snapshot, PLAN_AT), "C0COORD");
    times.push(performance.now() - t);
    t = performance.now();
    for (const m of planned) m.build();
    buildTimes.push(performance.now() - t);
    messages = planned.length;
  }
}
// GC entries arrive on a later turn of the event loop.
await sleep(20);
observer.disconnect();
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
const result: PhaseResult = {
  units,
  items: snapshot.items.length,
  messages,
  ms: median(times),
  buildMs: median(buildTimes),
  gcMs: gcSoFar / Math.max(1, times.length),
  runs: times.length,
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
