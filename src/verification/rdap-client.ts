// RDAP (RFC 9082/9083) for .com and .net: GET <base>domain/<name>; 404 means not registered.
import { fetchOnce, type FetchResponse } from "./http-fetch.ts";
import type { ProbeBudget } from "./probe-budget.ts";
import type { RegistryReading } from "./whois-client.ts";

export function rdapUrlFor(base: string, tld: string, domain: string): URL {
  const root = base.replaceAll("{tld}", tld);
  return new URL(`domain/${encodeURIComponent(domain)}`, root.endsWith("/") ? root : `${root}/`);
}

export function queryRdap(url: URL, budget: ProbeBudget, userAgent: string, extraCa: string | null): Promise<FetchResponse> {
  const port = url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
  return fetchOnce({ url, address: null, port, budget, maxBytes: 256 * 1024, userAgent, extraCa, accept: "application/rdap+json, application/json" });
}

export function readRdapAnswer(response: Extract<FetchResponse, { ok: true }>): RegistryReading {
  // NOTE: a registry's answer is only believed over a trusted connection; a site's page may be read without one.
  if (response.certificate && !response.certificate.trusted) return { outcome: "inconclusive", reason: "error", statuses: [], expiresAt: null };
  if (response.status === 404) return { outcome: "gone", reason: "no-record", statuses: [], expiresAt: null };
  if (response.status === 429) return { outcome: "inconclusive", reason: "rate-limited", statuses: [], expiresAt: null };
  if (response.status !== 200) return { outcome: "inconclusive", reason: "unrecognized", statuses: [], expiresAt: null };
  try {
    const body = JSON.parse(response.body.toString("utf8")) as { status?: unknown; events?: { eventAction?: string; eventDate?: string }[] };
    const statuses = Array.isArray(body.status) ? body.status.map(String) : [];
    const expiresAt = body.events?.find((e) => e.eventAction === "expiration")?.eventDate ?? null;
    return { outcome: "present", reason: "registered", statuses, expiresAt };
  } catch {
    return { outcome: "inconclusive", reason: "unrecognized", statuses: [], expiresAt: null };
  }
}
