// The baseline fingerprint of an old site, and whether a later page is that site.
import { icpMainNumber, simHashDistance } from "./page-reading.ts";
import type { Fingerprint, PageFacts, Scheme } from "./verification-types.ts";

/** Pages whose SimHashes differ in at most this many of 64 bits read as the same site. */
export const SIMILAR_TEXT_BITS = 12;

export function takeFingerprint(
  domain: string,
  page: PageFacts,
  serverAddress: string,
  addresses: readonly string[],
  schemes: readonly Scheme[],
  takenAt: string,
): Fingerprint {
  return {
    domain,
    takenAt,
    url: page.url,
    status: page.status,
    title: page.title,
    icpNumber: page.icpNumber,
    textHash: page.textHash,
    addresses: [...addresses],
    serverAddress,
    schemes: [...schemes],
  };
}

export type SimilarBy = "title" | "icp" | "text";

export interface PageComparison {
  similar: boolean;
  by: SimilarBy | null;
}

const norm = (s: string) => s.replace(/\s+/g, "").toLowerCase();

/** The same site: the same title, the same ICP filing in the footer, or nearly the same text. */
export function comparePage(page: Pick<PageFacts, "title" | "icpNumber" | "textHash" | "textLength">, baseline: Fingerprint): PageComparison {
  if (page.title && baseline.title && norm(page.title) === norm(baseline.title)) return { similar: true, by: "title" };
  if (page.icpNumber && baseline.icpNumber && icpMainNumber(page.icpNumber) === icpMainNumber(baseline.icpNumber)) {
    return { similar: true, by: "icp" };
  }
  if (page.textLength >= 200 && simHashDistance(page.textHash, baseline.textHash) <= SIMILAR_TEXT_BITS) return { similar: true, by: "text" };
  return { similar: false, by: null };
}
