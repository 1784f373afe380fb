// Validation of the facts a contact or coordinator fills in about a unit.
import { z } from "zod";

/** 苏ICP备12345678号, optionally with a site number: 苏ICP备12345678号-1 */
export const IcpNumberSchema = z
  .string()
  .trim()
  .regex(/^[\u4e00-\u9fa5]ICP备\d{6,10}号(-\d{1,3})?$/, { error: "备案号格式应为「苏ICP备12345678号」" });

export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[\d\s()-]{7,20}$/, { error: "电话号码应为 7–20 位数字，可含 - 和空格，例如 0519-82900326 或 13800000000" });

export const EmailSchema = z.email({ error: "邮箱格式不正确，例如 name@example.gov.cn" });

export const SlackUserIdSchema = z
  .string()
  .trim()
  .regex(/^[UW][A-Z0-9]{2,}$/, { error: "Slack 用户 ID 以 U 或 W 开头，例如 U0123ABCD" });

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

export type FactProblem = { code: string; message: string };

export function interpretSetValue(field: string, raw: string): FactChange | FactProblem {
  // NOTE: full-width digits and letters (１２３, ｌｏｃａｌ) are read as their ASCII forms.
  const value = raw.normalize("NFKC").trim();
  const yesNo = (f: "secondLevel" | "migrateData", name: string): FactChange | FactProblem => {
    const v = parseYesNo(value);
    const label = f === "secondLevel" ? "有没有二级域名系统" : "有没有数据要迁移";
    return typeof v === "boolean"
      ? { target: "unit", field: f, value: v }
      : { code: "bad_yes_no", message: `${label}只能是 yes 或 no（有/没有、是/否），收到「${value}」。例如：/shutdown set ${name} no` };
  };
  switch (field) {
    case "provider": {
      const v = value.toLowerCase();
      if (["local", "本地电信", "本地", "电信"].includes(v)) return { target: "unit", field: "localTelecom", value: true };
      if (["other", "其他"].includes(v)) return { target: "unit", field: "localTelecom", value: false };
      return { code: "bad_provider", message: `接入服务商只能是 local（区电信运营商）或 other（其他），收到「${value}」。例如：/shutdown set provider local` };
    }
    case "secondlevel":
      return yesNo("secondLevel", "secondlevel");
    case "migrate":
      return yesNo("migrateData", "migrate");
    case "icp": {
      const r = IcpNumberSchema.safeParse(value);
      return r.success
        ? { target: "unit", field: "icpNumber", value: r.data }
        : { code: "bad_icp", message: `备案号「${value}」格式不对，应为「苏ICP备12345678号」这样的格式。例如：/shutdown set icp 苏ICP备12345678号` };
    }
    case "phone": {
      const r = PhoneSchema.safeParse(value);
      return r.success
        ? { target: "contact", field: "phone", value: r.data }
        : { code: "bad_phone", message: `电话「${value}」格式不对：${r.error.issues[0]?.message}。例如：/shutdown set phone 0519-82900326` };
    }
    case "email": {
      const r = EmailSchema.safeParse(value);
      return r.success
        ? { target: "contact", field: "email", value: r.data }
        : { code: "bad_email", message: `邮箱「${value}」格式不对。例如：/shutdown set email name@example.gov.cn` };
    }
    default:
      return { code: "set_usage", message: `不能设置「${field}」。` };
  }
}
