// Validation of the facts a contact or coordinator fills in about a unit.
import { z } from "zod";
import { ErrorCode } from "./error-codes.ts";
import { factFormatTexts as T } from "../messages/fact-messages.ts";

/** 苏ICP备12345678号, optionally with a site number: 苏ICP备12345678号-1 */
export const IcpNumberSchema = z
  .string()
  .trim()
  .regex(/^[\u4e00-\u9fa5]ICP备\d{6,10}号(-\d{1,3})?$/, { error: T.icpFormat });

export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[\d\s()-]{7,20}$/, { error: T.phoneFormat });

export const EmailSchema = z.email({ error: T.emailFormat });

export const SlackUserIdSchema = z
  .string()
  .trim()
  .regex(/^[UW][A-Z0-9]{2,}$/, { error: T.slackUserIdFormat });

const YES = new Set(["yes", "y", "true", "1", "是", "有", "需要"]);
const NO = new Set(["no", "n", "false", "0", "否", "无", "没有", "不需要"]);

/** yes/no in English or Chinese; "" means unknown (null); anything else is undefined (invalid). */
export function parseYesNo(text: string): boolean | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === "" || t === "unknown" || t === "未知") return null;
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

export function formatYesNo(value: boolean | null): string {
  return value === null ? "" : value ? "yes" : "no";
}

/** What `/shutdown set <field> <value>` changes, validated. */
export type FactChange =
  | { target: "unit"; field: "localTelecom" | "secondLevel" | "migrateData"; value: boolean }
  | { target: "unit"; field: "icpNumber"; value: string }
  | { target: "contact"; field: "phone" | "email"; value: string };

export type FactProblem = { code: ErrorCode; message: string };

export function interpretSetValue(field: string, raw: string): FactChange | FactProblem {
  // NOTE: full-width digits and letters (１２３, ｌｏｃａｌ) are read as their ASCII forms.
  const value = raw.normalize("NFKC").trim();
  const yesNo = (f: "secondLevel" | "migrateData", name: string): FactChange | FactProblem => {
    const v = parseYesNo(value);
    return typeof v === "boolean"
      ? { target: "unit", field: f, value: v }
      : { code: ErrorCode.BadYesNo, message: T.badYesNo(f, value, name) };
  };
  switch (field) {
    case "provider": {
      const v = value.toLowerCase();
      if (["local", "本地电信", "本地", "电信"].includes(v)) return { target: "unit", field: "localTelecom", value: true };
      if (["other", "其他"].includes(v)) return { target: "unit", field: "localTelecom", value: false };
      return { code: ErrorCode.BadProvider, message: T.badProvider(value) };
    }
    case "secondlevel":
      return yesNo("secondLevel", "secondlevel");
    case "migrate":
      return yesNo("migrateData", "migrate");
    case "icp": {
      const r = IcpNumberSchema.safeParse(value);
      return r.success
        ? { target: "unit", field: "icpNumber", value: r.data }
        : { code: ErrorCode.BadIcp, message: T.badIcp(value) };
    }
    case "phone": {
      const r = PhoneSchema.safeParse(value);
      return r.success
        ? { target: "contact", field: "phone", value: r.data }
        : { code: ErrorCode.BadPhone, message: T.badPhone(value, r.error.issues[0]?.message) };
    }
    case "email": {
      const r = EmailSchema.safeParse(value);
      return r.success
        ? { target: "contact", field: "email", value: r.data }
        : { code: ErrorCode.BadEmail, message: T.badEmail(value) };
    }
    default:
      return { code: ErrorCode.SetUsage, message: T.notSettable(field) };
  }
}
