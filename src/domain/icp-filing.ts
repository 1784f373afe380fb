// A unit's ICP filings (备案): each has its number, the domains it covers and its sponsor
// (主办单位). A unit has at least one; the three units with two domains may have two.
import { keywordOf } from "./command/normalize-text.ts";
import { DomainError } from "./errors.ts";
import { parseIcpNumber, sameIcpNumber } from "./icp-number.ts";
import { UNNUMBERED_FILING, icpFilingMessages as M } from "../messages/icp-filing-messages.ts";
import { icpFormMessages } from "../messages/icp-form-messages.ts";
import { ErrorCode } from "./error-codes.ts";

export interface IcpFiling {
  id: number;
  /** Normalised 备案号 (苏ICP备12345678号-1), or null until someone says it. */
  number: string | null;
  /** The unit's domains this filing covers; together a unit's filings cover each domain once. */
  domains: readonly string[];
  /** 主办单位名称 as the filing has it, or null. */
  sponsorName: string | null;
  /** 备案注销原因 written on the form instead of the campaign's default, or null. */
  reason: string | null;
}

/** The filing's checklist item key: the first keeps today's "jtsf/icp", later ones "jtsf/icp/2". */
export function filingItemKey(unitKey: string, ordinal: number): string {
  return ordinal <= 1 ? `${unitKey}/icp` : `${unitKey}/icp/${ordinal}`;
}

export interface FilingUnit {
  name: string;
  domains: readonly string[];
}

/** A filing of another unit, to refuse the same number twice. */
export interface OtherUnitFiling {
  unitName: string;
  number: string;
}

/** What `set icp <备案号> [domain…]` does to the unit's filings. */
export interface FilingEntry {
  number: string;
  /** The filing that gets the number (renumbered or updated), or null for a new filing. */
  targetId: number | null;
  /** The domains of that filing afterwards. */
  domains: string[];
  /** Other filings of the unit that give domains up, with the domains they keep. */
  shrunk: { id: number; domains: string[] }[];
  /** Unnumbered filings left with no domain: the store removes them, their item's history going to the target's. */
  absorbed: number[];
  /** Domains an unnumbered filing covered and the number now leaves without one: they need an unnumbered filing. */
  unfiled: string[];
  changed: boolean;
}

export type FilingEntryResult = { ok: true; entry: FilingEntry } | { ok: false; error: DomainError };

const bareDomain = (s: string) => keywordOf(s).replace(/^https?:\/\//, "").replace(/^www\./, "").replace(/\/.*$/, "");
const fail = (code: ErrorCode, message: string): { ok: false; error: DomainError } => ({ ok: false, error: new DomainError(code, message) });

/** The unit's own domain a token names, or undefined. */
export function matchUnitDomain(unit: FilingUnit, token: string): string | undefined {
  const bare = bareDomain(token);
  return unit.domains.find((d) => bareDomain(d) === bare);
}

function readDomains(unit: FilingUnit, tokens: readonly string[]): string[] | { ok: false; error: DomainError } {
  const domains = new Set<string>();
  for (const token of tokens) {
    const domain = matchUnitDomain(unit, token);
    if (!domain) return fail(ErrorCode.IcpDomainNotOfUnit, M.domainNotOfUnit(token, unit.name, unit.domains));
    domains.add(domain);
  }
  return unit.domains.filter((d) => domains.has(d));
}

/**
 * Decides `set icp <备案号> [domain…]`. Without domains, the number goes to the unit's one filing
 * (a first number or a corrected one) and covers all its domains; a unit with several filings must
 * name the domains. Named domains move to this number; the filing that loses all its domains, or
 * the unit's unnumbered one, is the one that takes the number, so its item keeps its state. Two
 * numbered filings are never merged; an unnumbered one left without domains is absorbed.
 */
export function decideFilingEntry(
  unit: FilingUnit,
  filings: readonly IcpFiling[],
  others: readonly OtherUnitFiling[],
  rawNumber: string,
  domainTokens: readonly string[],
): FilingEntryResult {
  const parsed = parseIcpNumber(rawNumber);
  if (!parsed.ok) return parsed;
  const number = parsed.number.text;
  const taken = others.find((o) => sameIcpNumber(o.number, number));
  if (taken) return fail(ErrorCode.IcpNumberOfOtherUnit, M.numberOfOtherUnit(number, taken.unitName));
  const read = readDomains(unit, domainTokens);
  if (!Array.isArray(read)) return read;

  const same = filings.find((f) => f.number !== null && sameIcpNumber(f.number, number));
  if (read.length === 0 && !same && filings.length > 1) return fail(ErrorCode.IcpDomainsRequired, M.domainsRequired(unit.name, unit.domains));
  const named = read.length > 0 ? read : same ? [...same.domains] : [...unit.domains];

  const rest = filings.filter((f) => f !== same);
  const emptied = rest.filter((f) => f.domains.length > 0 && f.domains.every((d) => named.includes(d)));
  const unnumbered = rest.find((f) => f.number === null && f.domains.some((d) => named.includes(d)));
  const target = same ?? emptied.find((f) => f.number !== null) ?? emptied[0] ?? unnumbered;
  // NOTE: an unnumbered filing is a placeholder: it may be absorbed; two numbered filings are never merged.
  const merged = emptied.filter((f) => f !== target);
  if (merged.some((f) => f.number !== null)) {
    return fail(ErrorCode.IcpFilingsWouldMerge, M.filingsWouldMerge([target, ...merged].flatMap((f) => (f?.number ? [f.number] : []))));
  }
  const absorbed = merged.map((f) => f.id);
  const domains = unit.domains.filter((d) => named.includes(d) || (same?.domains.includes(d) ?? false));
  const unfiled = target && target.number === null ? target.domains.filter((d) => !named.includes(d)) : [];
  const shrunk = rest
    .filter((f) => f !== target && !absorbed.includes(f.id) && f.domains.some((d) => named.includes(d)))
    .map((f) => ({ id: f.id, domains: f.domains.filter((d) => !named.includes(d)) }));
  const changed =
    !target || target.number !== number || shrunk.length > 0 || absorbed.length > 0 || target.domains.join(",") !== domains.join(",");
  return { ok: true, entry: { number, targetId: target?.id ?? null, domains, shrunk, absorbed, unfiled, changed } };
}

/**
 * The filing a command means: named by its 备案号 or one of its domains, or the unit's only one.
 * `word` undefined: the unit must have exactly one filing.
 */
export function pickFiling(unit: FilingUnit, filings: readonly IcpFiling[], word?: string): IcpFiling | DomainError {
  const numbers = filings.map((f) => f.number ?? UNNUMBERED_FILING);
  if (word === undefined || word.trim() === "") {
    if (filings.length === 1) return filings[0]!;
    return filings.length === 0
      ? new DomainError(ErrorCode.IcpNoFiling, M.unknownFiling("", unit.name, []))
      : new DomainError(ErrorCode.IcpFilingRequired, M.severalFilings(unit.name, numbers));
  }
  const parsed = parseIcpNumber(word);
  const byNumber = parsed.ok ? filings.find((f) => f.number === parsed.number.text) : undefined;
  const domain = matchUnitDomain(unit, word);
  const found = byNumber ?? (domain ? filings.find((f) => f.domains.includes(domain)) : undefined);
  return found ?? new DomainError(ErrorCode.IcpUnknownFiling, M.unknownFiling(word, unit.name, filings.flatMap((f) => (f.number ? [f.number] : []))));
}

/** Longest 主办单位名称 and 备案注销原因 accepted: with both at their longest the form still fits one page. */
export const SPONSOR_MAX = 40;
export const REASON_MIN = 10;
export const REASON_MAX = 200;

/** 主办单位名称 as typed: spaces tidied; a name of 2–40 characters that is not a number or domain. */
export function readSponsorName(raw: string): { ok: true; name: string } | { ok: false; error: DomainError } {
  // NOTE: no NFKC: the name must read exactly as on the unit's seal, full-width brackets included.
  const name = raw.replace(/\s+/g, " ").trim().replace(/^[「“"]|[」”"]$/g, "");
  if (name.length < 2 || name.length > SPONSOR_MAX || !/\p{Script=Han}|[A-Za-z]{2}/u.test(name) || /^[\w.-]+\.[a-z]{2,}$/i.test(name)) {
    return { ok: false, error: new DomainError(ErrorCode.IcpBadSponsor, icpFormMessages.badSponsor(raw.trim())) };
  }
  return { ok: true, name };
}

/** 备案注销原因 as typed: 附件4 asks for a detailed one, and it must fit the form. */
export function readCancellationReason(raw: string): { ok: true; reason: string } | { ok: false; error: DomainError } {
  const reason = raw.replace(/[ \t\u3000]+/g, " ").trim();
  const length = [...reason].length;
  if (length < REASON_MIN) return { ok: false, error: new DomainError(ErrorCode.IcpReasonTooShort, icpFormMessages.reasonTooShort(reason, REASON_MIN)) };
  if (length > REASON_MAX) return { ok: false, error: new DomainError(ErrorCode.IcpReasonTooLong, icpFormMessages.reasonTooLong(length, REASON_MAX)) };
  return { ok: true, reason };
}
