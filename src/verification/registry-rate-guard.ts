// Registries are asked sparingly: a domain at most every few hours, and each server only so many
// times a pass, the least recently asked first. A pure function of the last-queried times and `now`.
import type { RegistryPolicy } from "./verify-settings.ts";

export interface RegistryCandidate {
  domain: string;
  /** The registry server that would be asked, e.g. "whois.cnnic.cn:43". */
  server: string;
  lastQueriedAt: Date | null;
}

/** query: ask it this pass. not-due: asked too recently. deferred: due, but the server's share of this pass is used up. */
export type RegistryPlan = "query" | "not-due" | "deferred";

export function planRegistryQueries(candidates: readonly RegistryCandidate[], now: Date, policy: RegistryPolicy): Map<string, RegistryPlan> {
  const plan = new Map<string, RegistryPlan>();
  const dueByServer = new Map<string, RegistryCandidate[]>();
  for (const c of candidates) {
    const due = c.lastQueriedAt === null || now.getTime() - c.lastQueriedAt.getTime() >= policy.minIntervalMs;
    if (!due) {
      plan.set(c.domain, "not-due");
      continue;
    }
    const list = dueByServer.get(c.server) ?? [];
    list.push(c);
    dueByServer.set(c.server, list);
  }
  for (const list of dueByServer.values()) {
    const ordered = [...list].sort((a, b) => (a.lastQueriedAt?.getTime() ?? -Infinity) - (b.lastQueriedAt?.getTime() ?? -Infinity));
    ordered.forEach((c, i) => plan.set(c.domain, i < policy.maxPerServerPerPass ? "query" : "deferred"));
  }
  return plan;
}
