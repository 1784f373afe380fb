// One size, one phase of the planning section, in a process of its own so its peak memory is its own.
import { performance } from "node:perf_hooks";
import { buildDigest } from "../src/digest/digest-builder.ts";
import { planMessages } from "../src/reminders/reminder-pass.ts";
import { planReminders } from "../src/reminders/reminder-planner.ts";
import { PLAN_AT, syntheticAuditSince, syntheticCampaign } from "./synthetic-campaign.ts";

export interface PhaseResult {
  units: number;
  items: number;
  contactsReminded: number;
  /** Median of the runs, ms. */
  ms: number;
  runs: number;
  peakRssMb: number;
}

const [units, phase] = [Number(process.argv[2]), process.argv[3] as "data" | "plan" | "digest"];
const snapshot = syntheticCampaign(units);
const audit = syntheticAuditSince(snapshot);
(globalThis as { gc?: () => void }).gc?.();

const work: Record<typeof phase, () => unknown> = {
  data: () => undefined,
  // What a reminder pass computes before sending: the plan and every message of it.
  plan: () => planMessages(planReminders(snapshot, PLAN_AT), "C0COORD"),
  digest: () => buildDigest(snapshot, audit, PLAN_AT),
};
const times: number[] = [];
let contactsReminded = 0;
const budgetMs = 1_500;
const started = performance.now();
while (times.length < 3 || (performance.now() - started < budgetMs && times.length < 200)) {
  const t = performance.now();
  const out = work[phase]();
  times.push(performance.now() - t);
  if (phase === "plan") contactsReminded = (out as unknown[]).length - 1;
  if (phase === "data") break;
}
times.sort((a, b) => a - b);
const result: PhaseResult = {
  units,
  items: snapshot.items.length,
  contactsReminded,
  ms: times[Math.floor(times.length / 2)]!,
  runs: times.length,
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
