// Registry probe: WHOIS at CNNIC for .cn, RDAP for .com/.net. One queue per server per pass:
// one query at a time with a pause between, and a server that keeps failing is left alone.
import { startBudget, stopwatch } from "./probe-budget.ts";
import { queryRdap, rdapUrlFor, readRdapAnswer } from "./rdap-client.ts";
import type { RegistryPlan } from "./registry-rate-guard.ts";
import { registryTargetOf, type RegistryTarget } from "./registry-target.ts";
import type { EvidenceRecord, RegistryReason, RegistryResult } from "./verification-types.ts";
import { formatHostPort, type VerifySettings } from "./verify-settings.ts";
import { queryWhois, readWhoisAnswer, type RegistryReading } from "./whois-client.ts";

export interface RegistryProbe {
  result: RegistryResult;
  evidence: EvidenceRecord[];
}

/** The server a domain's registry query goes to, as the rate guard and the evidence name it. */
export function registryServerOf(target: RegistryTarget, domain: string, settings: VerifySettings): string {
  return target.protocol === "whois" ? formatHostPort(settings.whoisServer) : rdapUrlFor(settings.rdapUrl, target.tld, domain).origin;
}

export function notQueried(domain: string, target: RegistryTarget | null, server: string | null, reason: RegistryReason): RegistryResult {
  return { domain, protocol: target?.protocol ?? null, server, outcome: "inconclusive", reason, queried: false, reached: false, statuses: [], expiresAt: null };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface RegistryQueue {
  /** The registry's answer for a domain, or why it was not asked this pass. */
  check(domain: string, isSubdomain: boolean, plan: RegistryPlan | undefined): Promise<RegistryProbe>;
  /** Servers asked this pass, and whether they answered. */
  servers(): { server: string; queried: number; reached: boolean }[];
}

export function createRegistryQueue(settings: VerifySettings, at: string): RegistryQueue {
  const lanes = new Map<string, { tail: Promise<unknown>; failures: number; queried: number; reached: boolean; last: number }>();

  async function ask(domain: string, target: RegistryTarget, server: string): Promise<RegistryProbe> {
    const budget = startBudget(settings.timeoutMs);
    const elapsed = stopwatch();
    let reading: RegistryReading;
    let answer: string;
    let reached = false;
    let asked: string;
    if (target.protocol === "whois") {
      asked = `WHOIS ${domain}`;
      const response = await queryWhois(settings.whoisServer, domain, budget);
      if (response.ok) {
        reached = true;
        reading = readWhoisAnswer(response.text);
        answer = firstLines(response.text);
      } else {
        reading = { outcome: "inconclusive", reason: response.failure === "timeout" ? "timeout" : "unreachable", statuses: [], expiresAt: null };
        answer = `${response.failure} (${response.code})`;
      }
    } else {
      const url = rdapUrlFor(settings.rdapUrl, target.tld, domain);
      asked = `GET ${url.href}`;
      const response = await queryRdap(url, budget, settings.userAgent, settings.extraCa);
      if (response.ok) {
        reached = true;
        reading = readRdapAnswer(response);
        answer = `HTTP ${response.status}${reading.statuses.length ? ` status ${reading.statuses.join(", ")}` : ""}`;
      } else {
        reading = { outcome: "inconclusive", reason: response.failure === "timeout" ? "timeout" : "unreachable", statuses: [], expiresAt: null };
        answer = `${response.failure} (${response.code})`;
      }
    }
    const result: RegistryResult = { domain, protocol: target.protocol, server, ...reading, queried: true, reached };
    return { result, evidence: [{ probe: "registry", asked, of: server, at, answer, outcome: reading.outcome, elapsedMs: elapsed() }] };
  }

  return {
    check(domain, isSubdomain, plan) {
      const target = registryTargetOf(domain, isSubdomain);
      if (!target) return Promise.resolve({ result: notQueried(domain, null, null, "not-applicable"), evidence: [] });
      const server = registryServerOf(target, domain, settings);
      if (plan !== "query") return Promise.resolve({ result: notQueried(domain, target, server, plan === "deferred" ? "deferred" : "not-due"), evidence: [] });
      let lane = lanes.get(server);
      if (!lane) {
        lane = { tail: Promise.resolve(), failures: 0, queried: 0, reached: false, last: 0 };
        lanes.set(server, lane);
      }
      const l = lane;
      const run = l.tail.then(async (): Promise<RegistryProbe> => {
        if (l.failures >= settings.registry.failuresBeforeSkip) return { result: notQueried(domain, target, server, "skipped-server-down"), evidence: [] };
        const wait = l.last + settings.registry.gapMs - performance.now();
        if (l.queried > 0 && wait > 0) await pause(wait);
        const probe = await ask(domain, target, server);
        l.queried++;
        l.last = performance.now();
        l.reached ||= probe.result.reached;
        const failed = !probe.result.reached || probe.result.reason === "rate-limited";
        l.failures = failed ? l.failures + 1 : 0;
        return probe;
      });
      l.tail = run.catch(() => {});
      return run;
    },
    servers: () => [...lanes].map(([server, l]) => ({ server, queried: l.queried, reached: l.reached })),
  };
}

function firstLines(text: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const joined = lines.slice(0, 4).join(" | ");
  return joined.length > 300 ? `${joined.slice(0, 300)}…` : joined;
}
