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
