// DNS probe: A, AAAA and CNAME of a domain through every configured resolver.
// NXDOMAIN and NODATA mean gone; SERVFAIL, REFUSED, a timeout or an unreachable resolver are inconclusive.
import dns from "node:dns";
import { Resolver } from "node:dns/promises";
import net from "node:net";
import { stopwatch, type ProbeBudget } from "./probe-budget.ts";
import type {
  DnsAnswerStatus,
  DnsRecordAnswer,
  DnsRecordType,
  DnsResult,
  EvidenceRecord,
  ProbeOutcome,
  ResolverAnswer,
} from "./verification-types.ts";

export interface ResolverHandle {
  /** "127.0.0.1:5353" */
  id: string;
  resolver: Resolver;
}

/** One resolver object per configured server, so each answers for itself. Empty list: the system's. */
export function createResolvers(servers: readonly string[], timeoutMs: number): ResolverHandle[] {
  const list = servers.length > 0 ? servers : dns.getServers().map(systemServerId);
  // NOTE: c-ares waits `timeout` for the first try and longer for the next; the budget cuts it anyway.
  const perTry = Math.max(50, Math.floor(timeoutMs / 4));
  return list.map((id) => {
    const resolver = new Resolver({ timeout: perTry, tries: 2 });
    resolver.setServers([id]);
    return { id, resolver };
  });
}

function systemServerId(server: string): string {
  if (net.isIPv6(server)) return `[${server}]:53`;
  if (net.isIPv4(server)) return `${server}:53`;
  return server;
}

const STATUS_BY_CODE: Record<string, DnsAnswerStatus> = {
  ENOTFOUND: "nxdomain",
  ENODATA: "nodata",
  ESERVFAIL: "servfail",
  EREFUSED: "refused",
  ETIMEOUT: "timeout",
  ECANCELLED: "timeout",
  ECONNREFUSED: "unreachable",
  ENETUNREACH: "unreachable",
  EHOSTUNREACH: "unreachable",
};

const TIMED_OUT = Symbol("timed out");

async function ask(handle: ResolverHandle, type: DnsRecordType, domain: string, budget: ProbeBudget): Promise<DnsRecordAnswer> {
  const query: Promise<string[] | { address: string; ttl: number }[]> =
    type === "A"
      ? handle.resolver.resolve4(domain, { ttl: true })
      : type === "AAAA"
        ? handle.resolver.resolve6(domain, { ttl: true })
        : handle.resolver.resolveCname(domain);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), budget.remaining());
  });
  try {
    const answer = await Promise.race([query, timeout]);
    if (answer === TIMED_OUT) {
      query.catch(() => {});
      return { type, status: "timeout", values: [], ttlSeconds: null, code: "ETIMEOUT" };
    }
    if (type === "CNAME") return { type, status: "answer", values: answer as string[], ttlSeconds: null, code: null };
    const records = answer as { address: string; ttl: number }[];
    const ttl = records.length > 0 ? Math.min(...records.map((r) => r.ttl)) : null;
    return { type, status: records.length > 0 ? "answer" : "nodata", values: records.map((r) => r.address), ttlSeconds: ttl, code: null };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "ERROR";
    return { type, status: STATUS_BY_CODE[code] ?? "error", values: [], ttlSeconds: null, code };
  } finally {
    clearTimeout(timer);
  }
}

const RECORD_TYPES: DnsRecordType[] = ["A", "AAAA", "CNAME"];

/** gone: NXDOMAIN, or NODATA for all three types. present: any record. Else inconclusive. */
export function resolverOutcome(records: readonly DnsRecordAnswer[]): ProbeOutcome {
  if (records.some((r) => r.status === "answer" && r.values.length > 0)) return "present";
  if (records.some((r) => r.status === "nxdomain")) return "gone";
  if (records.length > 0 && records.every((r) => r.status === "nodata")) return "gone";
  return "inconclusive";
}

export function answerText(r: DnsRecordAnswer): string {
  switch (r.status) {
    case "answer":
      return r.ttlSeconds === null ? r.values.join(", ") : `${r.values.join(", ")} (TTL ${r.ttlSeconds})`;
    case "nxdomain":
      return "NXDOMAIN";
    case "nodata":
      return "NODATA";
    case "servfail":
      return "SERVFAIL";
    case "refused":
      return "REFUSED";
    case "timeout":
      return "timeout";
    case "unreachable":
      return `unreachable (${r.code})`;
    default:
      return `error (${r.code})`;
  }
}

function recordOutcome(r: DnsRecordAnswer): ProbeOutcome {
  if (r.status === "answer") return "present";
  return r.status === "nxdomain" || r.status === "nodata" ? "gone" : "inconclusive";
}

export interface DnsProbe {
  result: DnsResult;
  evidence: EvidenceRecord[];
}

export async function probeDns(domain: string, resolvers: readonly ResolverHandle[], budget: ProbeBudget, at: string): Promise<DnsProbe> {
  const evidence: EvidenceRecord[] = [];
  const answers: ResolverAnswer[] = await Promise.all(
    resolvers.map(async (handle) => {
      const records = await Promise.all(
        RECORD_TYPES.map(async (type) => {
          const elapsed = stopwatch();
          const record = await ask(handle, type, domain, budget);
          evidence.push({
            probe: "dns",
            asked: `${type} ${domain}`,
            of: handle.id,
            at,
            answer: answerText(record),
            outcome: recordOutcome(record),
            elapsedMs: elapsed(),
          });
          return record;
        }),
      );
      const reached = records.some((r) => r.status !== "timeout" && r.status !== "unreachable");
      return { resolver: handle.id, outcome: resolverOutcome(records), reached, records };
    }),
  );
  return { result: summarizeDns(domain, answers), evidence };
}

export function summarizeDns(domain: string, answers: ResolverAnswer[]): DnsResult {
  const presentFrom = answers.filter((a) => a.outcome === "present").map((a) => a.resolver);
  const goneFrom = answers.filter((a) => a.outcome === "gone").map((a) => a.resolver);
  const outcome: ProbeOutcome = presentFrom.length > 0 ? "present" : goneFrom.length > 0 ? "gone" : "inconclusive";
  const v4 = new Set<string>();
  const v6 = new Set<string>();
  const cnames = new Set<string>();
  let maxTtl: number | null = null;
  for (const answer of answers) {
    for (const r of answer.records) {
      if (r.status !== "answer") continue;
      for (const v of r.values) (r.type === "A" ? v4 : r.type === "AAAA" ? v6 : cnames).add(v);
      if (r.ttlSeconds !== null) maxTtl = Math.max(maxTtl ?? 0, r.ttlSeconds);
    }
  }
  return { domain, outcome, answers, addresses: [...v4, ...v6], cnames: [...cnames], maxTtlSeconds: maxTtl, goneFrom, presentFrom };
}
