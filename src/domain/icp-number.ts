// The ICP filing number (备案号) as MIIT issues it: a province's abbreviation, "ICP备", the
// filing's serial and "号"; a site under the filing adds "-N" (苏ICP备12345678号-1). The serial
// is 6 or 8 digits for older filings and 10 (year + sequence) for newer ones.
import { z } from "zod";
import { DomainError } from "./errors.ts";
import { icpNumberMessages as M } from "../messages/icp-filing-messages.ts";
import { ErrorCode } from "./error-codes.ts";

/** The abbreviations the communication administrations put in front of "ICP备". */
export const ICP_PROVINCES = [
  "京", "津", "冀", "晋", "蒙", "辽", "吉", "黑", "沪", "苏", "浙", "皖", "闽", "赣", "鲁", "豫",
  "鄂", "湘", "粤", "桂", "琼", "渝", "蜀", "黔", "滇", "藏", "陕", "陇", "青", "宁", "新",
] as const;

/** Everyday abbreviations that are not the ones filings use: 川 is 蜀 on a filing. */
const PROVINCE_ALIASES: Record<string, string> = { 川: "蜀", 贵: "黔", 云: "滇", 甘: "陇" };

export interface IcpNumber {
  /** Normalised: "苏ICP备12345678号-1". */
  text: string;
  /** The filing subject's number, without the site suffix: "苏ICP备12345678号". */
  subject: string;
  province: string;
  serial: string;
  /** The site number after "-", or null. */
  site: number | null;
}

export type IcpNumberResult = { ok: true; number: IcpNumber } | { ok: false; error: DomainError };

const IGNORED = /[\s\u200B-\u200D\u2060\uFEFF]/g;
const QUOTES = /^[「『“"'《<(\[【]+|[」』”"'》>)\]】。.，,；;]+$/g;
// NOTE: people type the site suffix's dash with whatever their keyboard gives: em dash (——), en
// dash, minus sign, Chinese IME dashes. After NFKC the full-width forms are already "-".
const DASHES = /[\u2010-\u2015\u2212\uFE58\u30FC]+/g;
const SHAPE = /^(?<province>\p{Script=Han})?ICP备(?<serial>\d+)(?<mark>号)?(?:-(?<site>\d+))?(?<trail>号)?$/u;

function problem(code: ErrorCode, message: string): IcpNumberResult {
  return { ok: false, error: new DomainError(code, message) };
}

/**
 * Reads a 备案号 as people type it — full-width digits and letters, spaces, lower-case "icp",
 * "备案" for "备", any dash before the site number, "号" missing or after the site number — and
 * returns it normalised, or a DomainError whose Chinese message shows the right form.
 */
export function parseIcpNumber(raw: string): IcpNumberResult {
  const typed = raw.trim();
  const text = raw
    .normalize("NFKC")
    .replace(IGNORED, "")
    .replace(/^(网站)?备案号:?/, "")
    .replace(QUOTES, "")
    .replace(DASHES, "-")
    .replace(/icp/gi, "ICP")
    .replace(/ICP备案号?/, "ICP备");
  if (text === "") return problem(ErrorCode.IcpEmpty, M.empty);
  if (/ICP(经营许可)?证/.test(text)) return problem(ErrorCode.IcpLicenseNumber, M.license(typed));
  if (!text.includes("ICP")) return problem(ErrorCode.IcpNotANumber, M.notIcp(typed));
  const m = SHAPE.exec(text);
  if (!m?.groups) {
    if (/^ICP/.test(text)) return problem(ErrorCode.IcpNoProvince, M.noProvince(typed));
    return problem(ErrorCode.IcpUnreadable, M.unreadable(typed));
  }
  const { province, serial, mark, site, trail } = m.groups as Record<string, string | undefined>;
  if (!province) return problem(ErrorCode.IcpNoProvince, M.noProvince(typed));
  const alias = PROVINCE_ALIASES[province];
  if (alias) return problem(ErrorCode.IcpProvinceAlias, M.provinceAlias(province, alias));
  if (!(ICP_PROVINCES as readonly string[]).includes(province)) return problem(ErrorCode.IcpUnknownProvince, M.unknownProvince(province));
  if (serial!.length < 6 || serial!.length > 10) return problem(ErrorCode.IcpSerialLength, M.badDigits(typed, serial!.length));
  // "号" belongs before the site number; "…号-1号" is a typo too many, not a different number.
  if (mark && trail && !site) return problem(ErrorCode.IcpUnreadable, M.unreadable(typed));
  const siteNumber = site === undefined ? null : Number(site);
  if (siteNumber !== null && (siteNumber < 1 || siteNumber > 999)) return problem(ErrorCode.IcpSiteNumber, M.badSite(typed));
  const subject = `${province}ICP备${serial}号`;
  return {
    ok: true,
    number: { text: siteNumber === null ? subject : `${subject}-${siteNumber}`, subject, province, serial: serial!, site: siteNumber },
  };
}

/** A 备案号 field of a form or CSV: normalised on success, the Chinese message as the issue otherwise. */
export const IcpNumberInputSchema = z.string().transform((raw, ctx) => {
  const r = parseIcpNumber(raw);
  if (r.ok) return r.number.text;
  ctx.addIssue({ code: "custom", message: r.error.message, params: { code: r.error.code } });
  return z.NEVER;
});

/** Two numbers name the same filing once normalised. */
export function sameIcpNumber(a: string, b: string): boolean {
  const x = parseIcpNumber(a);
  const y = parseIcpNumber(b);
  return x.ok && y.ok ? x.number.text === y.number.text : a.trim() === b.trim();
}
