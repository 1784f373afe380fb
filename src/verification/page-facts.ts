// From a response to the facts kept about a page.
import type { FetchResponse } from "./http-fetch.ts";
import { decodeBody, detectDownPage, extractTitle, findIcpNumber, textSimHash, visibleText } from "./page-reading.ts";
import type { PageFacts } from "./verification-types.ts";

export function pageFactsOf(response: Extract<FetchResponse, { ok: true }>, url: string): PageFacts {
  const contentType = headerText(response.headers["content-type"]);
  const html = decodeBody(response.body, contentType);
  const title = extractTitle(html);
  const text = visibleText(html);
  const down = detectDownPage(title, text);
  return {
    status: response.status,
    url,
    title,
    icpNumber: findIcpNumber(text),
    downPage: down?.kind ?? null,
    downPhrase: down?.phrase ?? null,
    textHash: textSimHash(text),
    textLength: text.length,
    bytesRead: response.body.length,
    truncated: response.truncated,
    server: headerText(response.headers.server),
    certificate: response.certificate,
  };
}

function headerText(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

/** "HTTP 200 「金坛档案局」 · 苏ICP备05012345号-1 · certificate untrusted (CERT_HAS_EXPIRED)" */
export function pageAnswerText(page: PageFacts, location?: string | null): string {
  const parts = [`HTTP ${page.status}${page.title ? ` 「${page.title}」` : ""}${location ? ` → ${location}` : ""}`];
  if (page.downPage) parts.push(`${page.downPage} page「${page.downPhrase}」`);
  if (page.icpNumber) parts.push(page.icpNumber);
  if (page.truncated) parts.push(`read ${page.bytesRead} bytes, cut`);
  if (page.certificate && !page.certificate.trusted) parts.push(`certificate untrusted (${page.certificate.error})`);
  return parts.join(" · ");
}
