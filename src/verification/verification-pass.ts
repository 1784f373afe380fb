// One verification pass: every domain probed (DNS, HTTP(S), unbind, registry) with bounded
// concurrency, each within its own time budget; results handed over one by one as plain data.
import net from "node:net";
import { formatIsoShanghai } from "../domain/model/calendar.ts";
import { createResolvers, probeDns, type ResolverHandle } from "./dns-probe.ts";
import { takeFingerprint } from "./fingerprint.ts";
import { probeHttp } from "./http-probe.ts";
import { mapWithConcurrency } from "./map-with-concurrency.ts";
import { mergeObservations, observeDomain, observeSite, observeUnbind, offlineObservation, type Observation } from "./observations.ts";
import { startBudget, stopwatch, type ProbeBudget } from "./probe-budget.ts";
import { createRegistryQueue, notQueried, registryServerOf, type RegistryQueue } from "./registry-probe.ts";
import { planRegistryQueries, type RegistryCandidate, type RegistryPlan } from "./registry-rate-guard.ts";
import { normalizeDomain, registryTargetOf } from "./registry-target.ts";
import { probeUnbind } from "./unbind-probe.ts";
import { type DnsResult, type EvidenceRecord, type Fingerprint, type HttpResult, type ProbeOutcome, type RegistryResult, type SchemeResult, type UnbindResult } from "./verification-types.ts";
import { VERIFIED_TASKS, type VerifiedTask } from "../domain/model/verification.ts";
import { type VerifySettings } from "./verify-settings.ts";

export interface VerificationTarget {
  domain: string;
  isSubdomain: boolean;
  /** Carried through to the result (the unit the domain belongs to). */
  unitKey: string | null;
  /** The fingerprint kept from an earlier pass, if any. */
  baseline: Fingerprint | null;
  /** When this domain's registry was last asked (from stored evidence), for the rate guard. */
  registryLastQueriedAt: Date | null;
}

export interface DomainVerification {
  domain: string;
  unitKey: string | null;
  /** The pass's instant, ISO 8601 in +08:00. */
  at: string;
  /** false when the pass was offline and nothing was asked. */
  probed: boolean;
  dns: DnsResult;
  http: HttpResult;
  unbind: UnbindResult;
  registry: RegistryResult;
  observations: Record<VerifiedTask, Observation>;
  /** A fingerprint of the site as it is now, when it is up and no baseline was given: keep it. */
  fingerprint: Fingerprint | null;
  /** The ICP number on the live page's footer, if any. */
  icpNumber: string | null;
  evidence: EvidenceRecord[];
  /** One line: the item that most needs reading (a site still up first). */
  summary: string;
}

export interface PassSummary {
  at: string;
  /** No resolver and no registry could be reached: every result is inconclusive (核查无法访问外网). */
  offline: boolean;
  resolvers: { id: string; reached: boolean }[];
  registries: { server: string; queried: number; reached: boolean }[];
  domains: number;
  outcomes: Record<VerifiedTask, Record<ProbeOutcome, number>>;
  elapsedMs: number;
}

export interface PassOptions {
  settings: VerifySettings;
  now: Date;
  /** Called with each domain's result as it is ready; awaited. */
  onResult?: (result: DomainVerification) => void | Promise<void>;
  signal?: AbortSignal;
}

interface PassContext {
  settings: VerifySettings;
  now: Date;
  at: string;
  resolvers: ResolverHandle[];
  registry: RegistryQueue;
  plan: Map<string, RegistryPlan>;
}

/** Runs one pass; results go to `onResult`, the summary is returned. */
export async function runVerificationPass(targets: readonly VerificationTarget[], options: PassOptions): Promise<PassSummary> {
  const elapsed = stopwatch();
  const { settings, now } = options;
  const at = formatIsoShanghai(now);
  const resolvers = createResolvers(settings.dnsServers, settings.timeoutMs);
  const reach = await checkNetwork(resolvers, settings);
  const registry = createRegistryQueue(settings, at);
  const plan = planRegistryQueries(registryCandidates(targets, settings), now, settings.registry);
  const ctx: PassContext = { settings, now, at, resolvers, registry, plan };
  const outcomes = Object.fromEntries(VERIFIED_TASKS.map((t) => [t, { gone: 0, present: 0, inconclusive: 0 }])) as PassSummary["outcomes"];
  const resolverReached = new Map(reach.resolvers.map((r) => [r.id, r.reached]));
  await mapWithConcurrency(
    targets,
    reach.offline ? Math.max(64, settings.concurrency) : settings.concurrency,
    (target) => (reach.offline ? Promise.resolve(offlineResult(target, ctx)) : probeDomain(target, ctx)),
    async (result) => {
      for (const task of VERIFIED_TASKS) outcomes[task][result.observations[task].outcome]++;
      for (const answer of result.dns.answers) if (answer.reached) resolverReached.set(answer.resolver, true);
      await options.onResult?.(result);
    },
    options.signal,
  );
  return {
    at,
    offline: reach.offline,
    resolvers: [...resolverReached].map(([id, reached]) => ({ id, reached })),
    registries: registry.servers(),
    domains: targets.length,
    outcomes,
    elapsedMs: elapsed(),
  };
}

/** Runs one pass and keeps every result (for a CLI or a test; a large pass should use onResult). */
export async function collectVerificationPass(
  targets: readonly VerificationTarget[],
  options: Omit<PassOptions, "onResult">,
): Promise<{ summary: PassSummary; results: DomainVerification[] }> {
  const results: DomainVerification[] = [];
  const summary = await runVerificationPass(targets, { ...options, onResult: (r) => void results.push(r) });
  const order = new Map(targets.map((t, i) => [normalizeDomain(t.domain), i]));
  results.sort((a, b) => order.get(a.domain)! - order.get(b.domain)!);
  return { summary, results };
}

/**
 * A unit's observations for its `site` and `unbind` items over all its domains, and one `domain`
 * observation per domain.
 */
export function unitObservations(results: readonly DomainVerification[]): { site: Observation; unbind: Observation; domains: Observation[] } {
  return {
    site: mergeObservations(results.map((r) => r.observations.site)),
    unbind: mergeObservations(results.map((r) => r.observations.unbind)),
    domains: results.map((r) => r.observations.domain),
  };
}

function registryCandidates(targets: readonly VerificationTarget[], settings: VerifySettings): RegistryCandidate[] {
  return targets.flatMap((t) => {
    const target = registryTargetOf(t.domain, t.isSubdomain);
    return target ? [{ domain: normalizeDomain(t.domain), server: registryServerOf(target, normalizeDomain(t.domain), settings), lastQueriedAt: t.registryLastQueriedAt }] : [];
  });
}

// ---- Can the network be reached at all? --------------------------------------------------------

export interface NetworkReach {
  offline: boolean;
  resolvers: { id: string; reached: boolean }[];
}

/** Any answer from a resolver (even NXDOMAIN, SERVFAIL or REFUSED) means the network works; else the WHOIS server is tried. */
export async function checkNetwork(resolvers: readonly ResolverHandle[], settings: VerifySettings): Promise<NetworkReach> {
  const budget = startBudget(settings.timeoutMs);
  const results = await Promise.all(
    resolvers.map(async (handle) => {
      const probe = await probeDns("cn", [handle], budget, "");
      return { id: handle.id, reached: probe.result.answers.some((a) => a.reached) };
    }),
  );
  if (results.some((r) => r.reached)) return { offline: false, resolvers: results };
  const whois = await canConnect(settings.whoisServer.host, settings.whoisServer.port, budget.remaining() > 0 ? budget : startBudget(settings.timeoutMs));
  return { offline: !whois, resolvers: results };
}

function canConnect(host: string, port: number, budget: ProbeBudget): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), budget.remaining());
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

// ---- One domain --------------------------------------------------------------------------------

const TYPE_ORDER = { A: 0, AAAA: 1, CNAME: 2 } as Record<string, number>;

async function probeDomain(target: VerificationTarget, ctx: PassContext): Promise<DomainVerification> {
  const domain = normalizeDomain(target.domain);
  const { settings, now, at } = ctx;
  const budget = startBudget(settings.timeoutMs);
  const registryProbe = ctx.registry.check(domain, target.isSubdomain, ctx.plan.get(domain));
  const dns = await probeDns(domain, ctx.resolvers, budget, at);
  const extraDns: EvidenceRecord[] = [];
  const resolveHost = async (host: string) => {
    const other = await probeDns(host, ctx.resolvers, budget, at);
    extraDns.push(...other.evidence);
    return other.result.addresses[0] ?? null;
  };
  const [http, unbind] = await Promise.all([
    probeHttp(domain, dns.result, target.baseline, { settings, budget, at, resolveHost }),
    probeUnbind(domain, target.baseline, dns.result.addresses[0] ?? null, settings, budget, at),
  ]);
  const registry = await registryProbe;
  const up = upScheme(http.result);
  const fingerprint =
    !target.baseline && up?.page && up.address
      ? takeFingerprint(domain, up.page, up.address, dns.result.addresses, [http.result.https, http.result.http].filter((s) => s.outcome === "present").map((s) => s.scheme), at)
      : null;
  const observations = {
    site: observeSite(http.result, dns.result, now, settings.maxRedirects),
    unbind: observeUnbind(unbind.result, dns.result, now),
    domain: observeDomain(dns.result, registry.result, now),
  };
  const dnsEvidence = [...dns.evidence].sort((a, b) => a.of.localeCompare(b.of) || TYPE_ORDER[a.asked.split(" ")[0]!]! - TYPE_ORDER[b.asked.split(" ")[0]!]!);
  return {
    domain,
    unitKey: target.unitKey,
    at,
    probed: true,
    dns: dns.result,
    http: http.result,
    unbind: unbind.result,
    registry: registry.result,
    observations,
    fingerprint,
    icpNumber: up?.page?.icpNumber ?? null,
    evidence: [...dnsEvidence, ...extraDns, ...http.evidence, ...unbind.evidence, ...registry.evidence],
    summary: headline(observations),
  };
}

function upScheme(http: HttpResult): SchemeResult | null {
  if (http.outcome !== "present") return null;
  return http.decidedBy === "http" ? http.http : http.https;
}

/** The line to read first: whatever is still there, the site before the domain before the binding. */
export function headline(observations: Record<VerifiedTask, Observation>): string {
  const order: VerifiedTask[] = ["site", "domain", "unbind"];
  const present = order.find((t) => observations[t].outcome === "present");
  return observations[present ?? "site"].summary;
}

function offlineResult(target: VerificationTarget, ctx: PassContext): DomainVerification {
  const domain = normalizeDomain(target.domain);
  const scheme = (s: "https" | "http"): SchemeResult => ({ scheme: s, outcome: "inconclusive", reason: "dns-inconclusive", address: null, page: null, redirectedTo: null, redirects: 0, code: null });
  const observations = {
    site: offlineObservation("site", domain, ctx.now),
    unbind: offlineObservation("unbind", domain, ctx.now),
    domain: offlineObservation("domain", domain, ctx.now),
  };
  const rt = registryTargetOf(domain, target.isSubdomain);
  return {
    domain,
    unitKey: target.unitKey,
    at: ctx.at,
    probed: false,
    dns: { domain, outcome: "inconclusive", answers: [], addresses: [], cnames: [], maxTtlSeconds: null, goneFrom: [], presentFrom: [] },
    http: { domain, outcome: "inconclusive", decidedBy: null, https: scheme("https"), http: scheme("http") },
    unbind: { domain, outcome: "inconclusive", reason: "error", serverAddress: target.baseline?.serverAddress ?? null, scheme: null, page: null, control: null, code: null },
    registry: notQueried(domain, rt, rt ? registryServerOf(rt, domain, ctx.settings) : null, rt ? "unreachable" : "not-applicable"),
    observations,
    fingerprint: null,
    icpNumber: null,
    evidence: [],
    summary: observations.site.summary,
  };
}
