// Reading what a web page says: its charset, title, visible text, the ICP number in its footer,
// and whether it is a "no site here" page.
import { decodeHTML } from "entities";
import { DOWN_PAGE_PATTERNS, SHORT_PAGE_CHARS } from "./down-page-patterns.ts";
import type { DownPageKind } from "./verification-types.ts";

const CHARSET_LABELS = new Set(["utf-8", "utf8", "gbk", "gb2312", "gb18030", "big5", "iso-8859-1", "windows-1252", "us-ascii"]);

function charsetFrom(text: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(text ?? "");
  if (!m) return null;
  const label = m[1]!.toLowerCase();
  return CHARSET_LABELS.has(label) ? label : null;
}

/** Decodes a body by its Content-Type, else its <meta> charset; without either, UTF-8 when valid, else GB18030. */
export function decodeBody(body: Uint8Array, contentType: string | null): string {
  const declared = charsetFrom(contentType) ?? charsetFrom(Buffer.from(body.subarray(0, 2048)).toString("latin1"));
  if (declared) return new TextDecoder(declared).decode(body);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    // NOTE: a body cut at the read limit may end inside a character; GB18030 reads old sites' GBK too.
    const lenient = new TextDecoder("utf-8").decode(body);
    return (lenient.match(/\uFFFD/g)?.length ?? 0) <= 2 ? lenient : new TextDecoder("gb18030").decode(body);
  }
}

const squash = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, " ").trim();

export function extractTitle(html: string): string | null {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  if (!m) return null;
  const title = squash(decodeHTML(m[1]!));
  return title === "" ? null : title.slice(0, 200);
}

export function visibleText(html: string): string {
  const stripped = html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<head\b[\s\S]*?<\/head\s*>/i, " ")
    .replace(/<[^>]+>/g, " ");
  return squash(decodeHTML(stripped));
}

const ICP_NUMBER = /([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])\s*ICP\s*([备证])\s*[:：]?\s*(\d{5,12})\s*号?(?:\s*[-－—]\s*(\d{1,3}))?/gi;

/** The ICP number a page shows (the last one: it sits in the footer), normalized: 苏ICP备05012345号-1 */
export function findIcpNumber(text: string): string | null {
  let last: RegExpExecArray | null = null;
  for (const m of text.matchAll(ICP_NUMBER)) last = m;
  if (!last) return null;
  const [, province, kind, digits, site] = last;
  return `${province}ICP${kind}${digits}号${site ? `-${site}` : ""}`;
}

/** 苏ICP备05012345号-1 → 苏ICP备05012345号: the filing's number without the site's suffix. */
export function icpMainNumber(icp: string): string {
  return icp.replace(/\s+/g, "").replace(/号?[-－—]\d{1,3}$/, "号").replace(/(\d)$/, "$1号");
}

export interface DownPageMatch {
  kind: DownPageKind;
  phrase: string;
}

export function detectDownPage(title: string | null, text: string): DownPageMatch | null {
  const haystacks = [title ?? "", text.length <= SHORT_PAGE_CHARS ? text : ""].map((h) => h.toLowerCase());
  for (const { kind, phrases } of DOWN_PAGE_PATTERNS) {
    for (const phrase of phrases) {
      const p = phrase.toLowerCase();
      if (haystacks.some((h) => h.includes(p))) return { kind, phrase };
    }
  }
  return null;
}

// ---- SimHash of the visible text, to tell "the same site" from "another page" -------------------

/** 64-bit SimHash over character 4-grams (two FNV-1a hashes of each gram), 16 hex digits. */
export function textSimHash(text: string): string {
  const compact = text.replace(/\s+/g, "");
  const weights = new Int32Array(64);
  const n = Math.max(1, compact.length - 3);
  for (let i = 0; i < n; i++) {
    let hi = 0x811c9dc5;
    let lo = 0x050c5d1f;
    for (let k = i; k < i + 4 && k < compact.length; k++) {
      const c = compact.charCodeAt(k);
      hi = Math.imul(hi ^ c, 0x01000193);
      lo = Math.imul(lo ^ c, 0x01000193);
    }
    for (let b = 0; b < 32; b++) {
      weights[b]! += (hi >>> b) & 1 ? 1 : -1;
      weights[32 + b]! += (lo >>> b) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (weights[b]! > 0) hi |= 1 << b;
    if (weights[32 + b]! > 0) lo |= 1 << b;
  }
  return (hi >>> 0).toString(16).padStart(8, "0") + (lo >>> 0).toString(16).padStart(8, "0");
}

export function simHashDistance(a: string, b: string): number {
  let bits = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) {
      bits += x & 1;
      x >>>= 1;
    }
  }
  return bits;
}
