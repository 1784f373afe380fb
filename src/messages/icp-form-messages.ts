// The text of 附件4 (注销网站备案号、取消接入服务申请表) and of the replies about it. Chinese.
// NOTE: the function, not the package index: the index loads all of date-fns (0.4 s at every start).
import { format } from "date-fns/format";
import { toShanghai } from "../domain/model/calendar.ts";

export const ICP_FORM_TEXT = {
  title: "注销网站备案号、取消接入服务申请表",
  appliedOn: "申请日期：",
  sectionNote: "用户备案信息（以下信息必须填写清楚）",
  icpNumber: "备案号",
  domains: "域名",
  sponsorName: "主办单位名称",
  contactName: "联系人姓名",
  contactPhone: "联系人电话",
  contactEmail: "联系人邮箱",
  reason: "备案注销原因",
  reasonNote: "（必须填写详细原因）",
  signature: "申请人签字（盖章）：",
  documentTitle: (count: number) => (count === 1 ? "注销网站备案号、取消接入服务申请表" : `注销网站备案号、取消接入服务申请表（${count} 份）`),
  creator: "区电子政务中心 网站关停协调",
} as const;

/** "2027年6月15日", the Shanghai calendar day of an instant. */
export function formatChineseDate(date: Date): string {
  return format(toShanghai(date), "yyyy年M月d日");
}

/** "2027年6月21日至23日", "2027年6月30日至7月2日". */
export function formatChineseDateRange(from: Date, to: Date): string {
  const a = toShanghai(from);
  const b = toShanghai(to);
  if (a.getFullYear() !== b.getFullYear()) return `${formatChineseDate(from)}至${formatChineseDate(to)}`;
  if (a.getMonth() !== b.getMonth()) return `${formatChineseDate(from)}至${format(b, "M月d日")}`;
  if (a.getDate() === b.getDate()) return formatChineseDate(from);
  return `${formatChineseDate(from)}至${format(b, "d日")}`;
}

export const cancellationReasonText = {
  /** The detailed reason 附件4 asks for, written from the campaign. */
  draft: (p: { domains: readonly string[]; number: string | null; shutDown: string | null; past: boolean }) =>
    `根据区政府网站群集约化建设工作安排，本单位网站${p.domains.length > 0 ? `（${p.domains.join("、")}）` : ""}` +
    `已整合至区政府网站群，原网站${p.past ? "已于" : "于"}${p.shutDown ?? "近期"}彻底关停，不再提供服务。` +
    `现申请注销网站备案号${p.number ? `${p.number}` : ""}，并取消该网站的接入服务。`,
};

export type IcpFormFieldName = "icpNumber" | "domains" | "sponsorName" | "contactName" | "contactPhone" | "contactEmail" | "reason";

const COMMAND_VALUE: Record<IcpFormFieldName, string> = {
  icpNumber: "set icp <备案号>",
  domains: "set icp <备案号> <域名>",
  sponsorName: "set sponsor <主办单位名称>",
  contactName: "set name <联系人姓名>",
  contactPhone: "set phone <电话>",
  contactEmail: "set email <邮箱>",
  reason: "set reason <注销原因>",
};

export const icpFormMessages = {
  /** "/shutdown 档案局 set sponsor <主办单位名称>" */
  fillCommand: (field: IcpFormFieldName, unitPrefix: string | undefined, domains: readonly string[]) =>
    `/shutdown ${unitPrefix ? `${unitPrefix} ` : ""}${COMMAND_VALUE[field]}${field === "icpNumber" && domains.length > 0 ? ` ${domains.join(" ")}` : ""}`,
  missingHeading: (number: string | null) =>
    `申请表${number ? `（${number}）` : ""}中以下内容还没有登记，已留空，可手写或登记后重新生成：`,
  missingLine: (label: string, command: string) => `• ${label}：${command}`,
  reasonTooShort: (typed: string, min: number) =>
    `注销原因「${typed}」太简单了，附件4要求写明详细原因（至少 ${min} 个字），例如：/shutdown set reason 本单位网站已整合至区政府网站群，原网站已于6月22日彻底关停，申请注销备案号并取消接入服务。`,
  reasonTooLong: (length: number, max: number) => `注销原因有 ${length} 个字，申请表一页写不下，请精简到 ${max} 字以内。`,
  badSponsor: (typed: string) =>
    `主办单位名称「${typed}」不像单位名称。请按备案信息（与公章一致）填写全称，例如：/shutdown set sponsor 常州市金坛区档案局`,
};
