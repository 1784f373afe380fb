// One domain's probes share one time budget, so a pass's length is bounded by
// VERIFY_TIMEOUT_MS × (domains ÷ concurrency) whatever the servers do.
import { performance } from "node:perf_hooks";

export interface ProbeBudget {
  /** Milliseconds left, never below 0. */
  remaining(): number;
  expired(): boolean;
  /** A budget that ends at the earlier of this one's end and `ms` from now. */
  slice(ms: number): ProbeBudget;
}

export function startBudget(ms: number): ProbeBudget {
  return budgetUntil(performance.now() + ms);
}

function budgetUntil(end: number): ProbeBudget {
  return {
    remaining: () => Math.max(0, end - performance.now()),
    expired: () => performance.now() >= end,
    slice: (ms) => budgetUntil(Math.min(end, performance.now() + ms)),
  };
}

/** Measures what a question took. */
export function stopwatch(): () => number {
  const start = performance.now();
  return () => Math.round(performance.now() - start);
}
