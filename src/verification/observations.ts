// From a domain's probe results to one observation per checklist item: gone, present or
// inconclusive, with the sources that say so and the line of evidence people read.
import { formatIsoShanghai } from "../domain/model/calendar.ts";
import { evidenceLines, probeWords, verificationAdvice } from "../messages/verification-messages.ts";
import type { DnsResult, HttpResult, ProbeOutcome, RegistryResult, SchemeResult, SiteReason, UnbindReason, UnbindResult } from "./verification-types.ts";
import type { VerifiedTask } from "../domain/model/verification.ts";

export type DomainReason = "dns-present" | "cname-present" | "dns-mixed" | "dns-gone" | "registry-gone" | "dns-unsure";
export type ObservationReason = SiteReason | UnbindReason | DomainReason | "offline";

export interface Observation {
  task: VerifiedTask;
  /** The domain, or for a unit's site/unbind over several domains, all of them. */
  domains: string[];
  outcome: ProbeOutcome;
  reason: ObservationReason;
  /** Who says so: resolver ids ("127.0.0.1:5353"), "http", "unbind", "registry:whois.cnnic.cn:43". */
  sources: string[];
  /** ISO 8601 in +08:00: the pass's instant. */
  at: string;
  /** DNS still answering: the highest remaining TTL, i.e. how long a cache may serve a deleted record. */
  ttlSeconds: number | null;
  /** Some resolvers already say gone while others still answer. */
  mixed: boolean;
  summary: string;
  /** What the contact should do, when the observation says the item is not done. */
  advice: string | null;
}

function observation(task: VerifiedTask, domain: string, at: Date, fields: Pick<Observation, "outcome" | "reason" | "sources" | "summary"> & Partial<Observation>): Observation {
  return { task, domains: [domain], at: formatIsoShanghai(at), ttlSeconds: null, mixed: false, advice: null, ...fields };
}

function decidingScheme(http: HttpResult): SchemeResult {
  return http.decidedBy === "http" ? http.http : http.https;
}

export function observeSite(http: HttpResult, dns: DnsResult, at: Date, maxRedirects: number): Observation {
  const domain = http.domain;
  const s = decidingScheme(http);
  const page = s.page;
  const status = page?.status ?? 0;
  const line = (() => {
    switch (s.reason) {
      case "like-baseline":
      case "no-baseline":
        return evidenceLines.siteUp(at, domain, status, page?.title ?? null);
      case "changed":
        return evidenceLines.siteChanged(at, domain, status, page?.title ?? null);
      case "down-page":
        return evidenceLines.siteDownPage(at, domain, page?.downPhrase ?? "");
      case "not-found":
        return evidenceLines.siteNotFound(at, domain, status);
      case "unknown-host":
        return evidenceLines.siteUnknownHost(at, domain, status);
      case "redirected-elsewhere":
        return evidenceLines.siteRedirected(at, domain, hostOf(s.redirectedTo));
      case "no-resolution":
        return evidenceLines.siteNoResolution(at, domain);
      case "refused":
        return evidenceLines.siteRefused(at, domain);
      case "reset":
        return evidenceLines.siteReset(at, domain);
      case "tls-failed":
        return evidenceLines.siteTlsFailed(at, domain);
      case "timeout":
        return evidenceLines.siteTimeout(at, domain);
      case "too-many-redirects":
        return evidenceLines.siteTooManyRedirects(at, domain, maxRedirects);
      case "server-error":
      case "other-status":
        return evidenceLines.siteStatus(at, domain, status);
      case "dns-inconclusive":
        return evidenceLines.siteNoDns(at, domain);
      default:
        return evidenceLines.siteError(at, domain);
    }
  })();
  return observation("site", domain, at, {
    outcome: http.outcome,
    reason: s.reason,
    sources: s.reason === "no-resolution" ? dns.goneFrom : ["http"],
    summary: line,
    advice: http.outcome === "present" ? verificationAdvice.site(domain) : null,
  });
}

function hostOf(url: string | null): string {
  if (!url) return probeWords.otherSite;
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

const DNS_STATUS_TEXT = probeWords.dnsStatus;

export function observeDomain(dns: DnsResult, registry: RegistryResult, at: Date): Observation {
  const domain = dns.domain;
  const registryGone = registry.queried && registry.outcome === "gone";
  const registrySource = registry.server ? [`registry:${registry.server}`] : [];
  if (dns.outcome === "present") {
    const mixed = dns.goneFrom.length > 0;
    const summary =
      dns.addresses.length === 0
        ? evidenceLines.dnsCnamePresent(at, domain, dns.cnames)
        : mixed
          ? evidenceLines.dnsMixed(at, domain, dns.addresses, dns.maxTtlSeconds, dns.goneFrom)
          : evidenceLines.dnsPresent(at, domain, dns.addresses, dns.maxTtlSeconds);
    return observation("domain", domain, at, {
      outcome: "present",
      reason: dns.addresses.length === 0 ? "cname-present" : mixed ? "dns-mixed" : "dns-present",
      sources: dns.presentFrom,
      ttlSeconds: dns.maxTtlSeconds,
      mixed,
      summary,
      advice: verificationAdvice.domain(domain, dns.addresses),
    });
  }
  if (dns.outcome === "gone") {
    const registryState = !registry.queried || registry.outcome === "inconclusive" ? null : registry.outcome === "gone" ? "gone" : "present";
    return observation("domain", domain, at, {
      outcome: "gone",
      reason: "dns-gone",
      sources: [...dns.goneFrom, ...(registryGone ? registrySource : [])],
      summary: evidenceLines.dnsGone(at, domain, dns.goneFrom, registryState),
    });
  }
  if (registryGone) {
    return observation("domain", domain, at, { outcome: "gone", reason: "registry-gone", sources: registrySource, summary: evidenceLines.registryGone(at, domain) });
  }
  const statuses = [...new Set(dns.answers.flatMap((a) => a.records.map((r) => DNS_STATUS_TEXT[r.status] ?? "")).filter(Boolean))];
  return observation("domain", domain, at, {
    outcome: "inconclusive",
    reason: "dns-unsure",
    sources: [],
    summary: evidenceLines.dnsUnsure(at, domain, statuses.join("、") || probeWords.noAnswer),
  });
}

export function observeUnbind(unbind: UnbindResult, dns: DnsResult, at: Date): Observation {
  const domain = unbind.domain;
  const server = unbind.serverAddress ?? "";
  // NOTE: "no answer means unbound" only while the network demonstrably works: a timeout from the
  // old server proves nothing when no resolver answered either.
  const networkUnsure = dns.answers.every((a) => !a.reached);
  if (unbind.reason === "no-answer" && unbind.code === "ETIMEDOUT" && networkUnsure) {
    return observation("unbind", domain, at, { outcome: "inconclusive", reason: "timeout-unsure", sources: [], summary: evidenceLines.unbindUnsure(at, domain, server) });
  }
  const status = unbind.page?.status ?? 0;
  const summary = (() => {
    switch (unbind.reason) {
      case "serves-site":
        return evidenceLines.unbindServes(at, domain, server);
      case "serves-domain":
        return evidenceLines.unbindServesDomain(at, domain, server, status);
      case "default-site":
        return evidenceLines.unbindDefault(at, domain, server);
      case "unknown-host-status":
        return evidenceLines.unbindStatus(at, domain, server, status);
      case "no-answer":
        return evidenceLines.unbindNoAnswer(at, domain, server);
      case "no-baseline":
        return evidenceLines.unbindNoBaseline(at, domain);
      default:
        return evidenceLines.unbindChanged(at, domain, server);
    }
  })();
  return observation("unbind", domain, at, {
    outcome: unbind.outcome,
    reason: unbind.reason,
    sources: unbind.outcome === "inconclusive" ? [] : ["unbind"],
    summary,
    advice: unbind.outcome === "present" ? verificationAdvice.unbind(domain, server) : null,
  });
}

/** Nothing can be judged without a network: every observation of the pass is this. */
export function offlineObservation(task: VerifiedTask, domain: string, at: Date): Observation {
  return observation(task, domain, at, { outcome: "inconclusive", reason: "offline", sources: [], summary: evidenceLines.offline(at, domain) });
}

/**
 * A unit's `site` or `unbind` over all its domains: present if any domain still has it, gone
 * only when every domain is gone, else inconclusive.
 */
export function mergeObservations(observations: readonly Observation[]): Observation {
  if (observations.length === 0) throw new Error("mergeObservations needs at least one observation");
  if (observations.length === 1) return observations[0]!;
  const domains = observations.flatMap((o) => o.domains);
  const present = observations.filter((o) => o.outcome === "present");
  const pick = (o: Observation, sources: string[], summary = o.summary): Observation => ({ ...o, domains, sources, summary });
  if (present.length > 0) {
    return pick(present[0]!, [...new Set(present.flatMap((o) => o.sources))], present.map((o) => o.summary).join("；"));
  }
  const unsure = observations.find((o) => o.outcome === "inconclusive");
  if (unsure) return pick(unsure, []);
  return pick(observations[0]!, [...new Set(observations.flatMap((o) => o.sources))], observations.map((o) => o.summary).join("；"));
}
