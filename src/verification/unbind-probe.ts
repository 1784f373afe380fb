// Unbind probe: ask the old server (from the baseline) for the domain, and for a host it cannot
// know. A default site, 400/404 for an unknown host, or no answer means the domain is unbound.
import { comparePage } from "./fingerprint.ts";
import { fetchOnce, type FetchResponse } from "./http-fetch.ts";
import { portFor } from "./http-probe.ts";
import { pageAnswerText, pageFactsOf } from "./page-facts.ts";
import { simHashDistance } from "./page-reading.ts";
import { stopwatch, type ProbeBudget } from "./probe-budget.ts";
import type { EvidenceRecord, Fingerprint, PageFacts, ProbeOutcome, Scheme, UnbindReason, UnbindResult } from "./verification-types.ts";
import type { VerifySettings } from "./verify-settings.ts";

/** A name no server can have a site for (.invalid is reserved, RFC 6761). */
export const UNKNOWN_HOST = "unbind-check.invalid";

export interface UnbindProbe {
  result: UnbindResult;
  evidence: EvidenceRecord[];
}

const UNKNOWN_HOST_STATUSES = new Set([400, 404, 410, 421]);

function samePage(a: PageFacts, b: PageFacts): boolean {
  return a.status === b.status && a.title === b.title && simHashDistance(a.textHash, b.textHash) <= 3;
}

type Page = { ok: true; page: PageFacts } | { ok: false; failure: string; code: string };

/** What the server's answer for the domain says, given its answer for an unknown host. */
export function classifyUnbind(
  answer: Page,
  control: Page,
  baseline: Fingerprint | null,
): { outcome: ProbeOutcome; reason: UnbindReason } {
  if (!answer.ok) {
    if (answer.failure === "refused" || answer.failure === "reset" || answer.failure === "timeout" || answer.failure === "tls-failed") {
      return { outcome: "gone", reason: "no-answer" };
    }
    return { outcome: "inconclusive", reason: "error" };
  }
  const page = answer.page;
  if (UNKNOWN_HOST_STATUSES.has(page.status)) return { outcome: "gone", reason: "unknown-host-status" };
  if (page.downPage === "default-site") return { outcome: "gone", reason: "default-site" };
  if (baseline && comparePage(page, baseline).similar) return { outcome: "present", reason: "serves-site" };
  if (control.ok) return samePage(page, control.page) ? { outcome: "gone", reason: "default-site" } : { outcome: "present", reason: "serves-domain" };
  return { outcome: "inconclusive", reason: baseline ? "changed" : "other-status" };
}

export async function probeUnbind(
  domain: string,
  baseline: Fingerprint | null,
  fallbackServer: string | null,
  settings: VerifySettings,
  budget: ProbeBudget,
  at: string,
): Promise<UnbindProbe> {
  const server = baseline?.serverAddress ?? fallbackServer;
  const scheme: Scheme = !baseline || baseline.schemes.includes("http") ? "http" : "https";
  const empty = { domain, serverAddress: server, scheme, page: null, control: null, code: null };
  if (!server) return { result: { ...empty, outcome: "inconclusive", reason: "no-baseline" }, evidence: [] };
  const evidence: EvidenceRecord[] = [];
  const ask = async (host: string): Promise<Page> => {
    const url = new URL(`${scheme}://${host}/`);
    const port = portFor(url, settings);
    const elapsed = stopwatch();
    const response: FetchResponse = await fetchOnce({ url, address: server, port, budget, maxBytes: settings.maxBodyBytes, userAgent: settings.userAgent, extraCa: settings.extraCa });
    const page: Page = response.ok ? { ok: true, page: pageFactsOf(response, url.href) } : { ok: false, failure: response.failure, code: response.code };
    evidence.push({
      probe: "unbind",
      asked: `GET ${scheme}://${server.includes(":") ? `[${server}]` : server}/ Host: ${host}`,
      of: `${server.includes(":") ? `[${server}]` : server}:${port}`,
      at,
      answer: page.ok ? pageAnswerText(page.page) : `${page.failure} (${page.code})`,
      outcome: "inconclusive",
      elapsedMs: elapsed(),
    });
    return page;
  };
  const [answer, control] = await Promise.all([ask(domain), ask(UNKNOWN_HOST)]);
  const { outcome, reason } = classifyUnbind(answer, control, baseline);
  const domainEvidence = evidence.find((e) => e.asked.endsWith(`Host: ${domain}`));
  if (domainEvidence) domainEvidence.outcome = outcome;
  return {
    result: {
      ...empty,
      outcome,
      reason,
      page: answer.ok ? answer.page : null,
      control: control.ok ? control.page : null,
      code: answer.ok ? null : answer.code,
    },
    evidence,
  };
}
