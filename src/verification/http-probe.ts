// HTTP(S) probe: GET the domain's root over https and http, at the address DNS gave, and say
// whether the old site is still up.
import { comparePage } from "./fingerprint.ts";
import { fetchOnce, type FetchFailure, type FetchResponse } from "./http-fetch.ts";
import { pageAnswerText, pageFactsOf } from "./page-facts.ts";
import { stopwatch, type ProbeBudget } from "./probe-budget.ts";
import { registrableDomain } from "./registry-target.ts";
import type {
  DnsResult,
  EvidenceRecord,
  Fingerprint,
  HttpResult,
  PageFacts,
  ProbeOutcome,
  Scheme,
  SchemeResult,
  SiteReason,
} from "./verification-types.ts";
import type { VerifySettings } from "./verify-settings.ts";

export interface HttpProbeContext {
  settings: VerifySettings;
  budget: ProbeBudget;
  at: string;
  /** Resolves another host of the same site (www.…) through the configured resolvers. */
  resolveHost: (host: string) => Promise<string | null>;
}

export interface HttpProbe {
  result: HttpResult;
  evidence: EvidenceRecord[];
}

const FAILURE_OUTCOME: Record<FetchFailure, { outcome: ProbeOutcome; reason: SiteReason }> = {
  refused: { outcome: "gone", reason: "refused" },
  reset: { outcome: "gone", reason: "reset" },
  "tls-failed": { outcome: "gone", reason: "tls-failed" },
  timeout: { outcome: "inconclusive", reason: "timeout" },
  unreachable: { outcome: "inconclusive", reason: "error" },
  error: { outcome: "inconclusive", reason: "error" },
};

/** What one page says about the old site. */
export function classifySitePage(page: PageFacts, baseline: Fingerprint | null): { outcome: ProbeOutcome; reason: SiteReason } {
  if (page.downPage) return { outcome: "gone", reason: "down-page" };
  if (page.status === 404 || page.status === 410) return { outcome: "gone", reason: "not-found" };
  if (page.status === 400 || page.status === 421) return { outcome: "gone", reason: "unknown-host" };
  if (page.status >= 200 && page.status < 300) {
    if (!baseline) return { outcome: "present", reason: "no-baseline" };
    return comparePage(page, baseline).similar ? { outcome: "present", reason: "like-baseline" } : { outcome: "inconclusive", reason: "changed" };
  }
  if (page.status >= 500) return { outcome: "inconclusive", reason: "server-error" };
  return { outcome: "inconclusive", reason: "other-status" };
}

export function portFor(url: URL, settings: Pick<VerifySettings, "httpPort" | "httpsPort">): number {
  if (url.port) return Number(url.port);
  return url.protocol === "https:" ? settings.httpsPort : settings.httpPort;
}

function schemeResult(scheme: Scheme, outcome: ProbeOutcome, reason: SiteReason, extra: Partial<SchemeResult> = {}): SchemeResult {
  return { scheme, outcome, reason, address: null, page: null, redirectedTo: null, redirects: 0, code: null, ...extra };
}

async function probeScheme(
  scheme: Scheme,
  domain: string,
  dns: DnsResult,
  baseline: Fingerprint | null,
  ctx: HttpProbeContext,
  evidence: EvidenceRecord[],
): Promise<SchemeResult> {
  if (dns.outcome === "gone") return schemeResult(scheme, "gone", "no-resolution");
  let address = dns.addresses[0] ?? null;
  if (!address) return schemeResult(scheme, "inconclusive", "dns-inconclusive");
  let url = new URL(`${scheme}://${domain}/`);
  const site = registrableDomain(domain);
  for (let redirects = 0; ; redirects++) {
    const port = portFor(url, ctx.settings);
    const elapsed = stopwatch();
    const response: FetchResponse = await fetchOnce({
      url,
      address,
      port,
      budget: ctx.budget,
      maxBytes: ctx.settings.maxBodyBytes,
      userAgent: ctx.settings.userAgent,
      extraCa: ctx.settings.extraCa,
    });
    const base = { probe: "http" as const, asked: `GET ${url.href}`, of: `${address.includes(":") ? `[${address}]` : address}:${port}`, at: ctx.at };
    if (!response.ok) {
      const { outcome, reason } = FAILURE_OUTCOME[response.failure];
      evidence.push({ ...base, answer: `${response.failure} (${response.code})`, outcome, elapsedMs: elapsed() });
      return schemeResult(scheme, outcome, reason, { address, redirects, code: response.code });
    }
    const page = pageFactsOf(response, url.href);
    const location = response.status >= 300 && response.status < 400 ? (response.headers.location ?? null) : null;
    if (location) {
      const next = nextUrl(location, url);
      const verdict: { outcome: ProbeOutcome; reason: SiteReason } | null = !next
        ? { outcome: "inconclusive", reason: "bad-redirect" }
        : redirects >= ctx.settings.maxRedirects
          ? { outcome: "inconclusive", reason: "too-many-redirects" }
          : registrableDomain(next.hostname) !== site
            ? { outcome: "gone", reason: "redirected-elsewhere" }
            : null;
      evidence.push({ ...base, answer: pageAnswerText(page, location), outcome: verdict?.outcome ?? "inconclusive", elapsedMs: elapsed() });
      if (verdict) return schemeResult(scheme, verdict.outcome, verdict.reason, { address, page, redirects, redirectedTo: next?.href ?? location });
      if (next!.hostname !== url.hostname) {
        address = await ctx.resolveHost(next!.hostname);
        if (!address) return schemeResult(scheme, "inconclusive", "dns-inconclusive", { redirects: redirects + 1, redirectedTo: next!.href });
      }
      url = next!;
      continue;
    }
    const judged = classifySitePage(page, baseline);
    // NOTE: half a page cut by the budget proves only that something answered, slowly.
    const { outcome, reason } = response.timedOut && judged.outcome !== "gone" && judged.reason !== "like-baseline" ? { outcome: "inconclusive" as const, reason: "timeout" as const } : judged;
    evidence.push({ ...base, answer: `${pageAnswerText(page)}${response.timedOut ? " · timed out while reading" : ""}`, outcome, elapsedMs: elapsed() });
    return schemeResult(scheme, outcome, reason, { address, page, redirects });
  }
}

/** The next URL of a redirect; never one with credentials in it, never another protocol. */
function nextUrl(location: string, from: URL): URL | null {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    return null;
  }
  if (next.protocol !== "http:" && next.protocol !== "https:") return null;
  next.username = "";
  next.password = "";
  next.hash = "";
  return next;
}

/**
 * Up if either scheme serves the site. Gone if neither does, where a scheme that cannot be
 * judged (a timeout) only counts when the site was served over it at the baseline (or there is no baseline).
 */
export function combineSchemes(https: SchemeResult, http: SchemeResult, baseline: Fingerprint | null): Pick<HttpResult, "outcome" | "decidedBy"> {
  const both = [https, http];
  const up = both.find((s) => s.outcome === "present");
  if (up) return { outcome: "present", decidedBy: up.scheme };
  const unsure = both.find((s) => s.outcome === "inconclusive" && (!baseline || baseline.schemes.includes(s.scheme)));
  if (unsure) return { outcome: "inconclusive", decidedBy: unsure.scheme };
  const down = both.find((s) => s.outcome === "gone");
  if (down) return { outcome: "gone", decidedBy: down.scheme };
  return { outcome: "inconclusive", decidedBy: https.scheme };
}

export async function probeHttp(domain: string, dns: DnsResult, baseline: Fingerprint | null, ctx: HttpProbeContext): Promise<HttpProbe> {
  const evidence: EvidenceRecord[] = [];
  const [https, http] = await Promise.all([
    probeScheme("https", domain, dns, baseline, ctx, evidence),
    probeScheme("http", domain, dns, baseline, ctx, evidence),
  ]);
  return { result: { domain, ...combineSchemes(https, http, baseline), https, http }, evidence };
}
