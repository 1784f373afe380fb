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

const HAND_IN_PLACE = "市民中心C栋417室 内容保障科";

/** The replies and file captions of `/shutdown 申请表` and `/shutdown forms`. */
export const icpFormReplyMessages = {
  fileTitle: (unitName: string, number: string | null) => `附件4 注销网站备案号、取消接入服务申请表 ${unitName}${number ? ` ${number}` : ""}`,
  fileComment: (unitName: string, number: string | null) =>
    `📎 ${unitName}的附件4申请表${number ? `（${number}）` : ""}：请打印，签字盖章后送到${HAND_IN_PLACE}。`,
  bookFileName: (day: string) => `icp-forms-${day}.docx`,
  bookTitle: (count: number) => `附件4 申请表汇总（${count} 份）`,
  bookComment: (count: number) => `📎 附件4 申请表汇总：${count} 份，每页一份，可直接打印。`,
  sent: (count: number) => `📎 已把 ${count} 份附件4申请表（Word）发到你的私信。`,
  handIn: (prefix: string) => `打印后签字盖章，送到${HAND_IN_PLACE}；送到后请输入：/shutdown ${prefix}已送达`,
  selfRoute: (unitName: string, prefix: string) =>
    `${unitName}的接入服务商不是区电信运营商，备案注销由本单位自行办理，不需要附件4申请表。办完后请输入：/shutdown ${prefix}done icp <工信部通知或工单号>。如接入服务商其实是区电信运营商，请先输入：/shutdown ${prefix}set provider local`,
  unknownRoute: (prefix: string) =>
    `注意：还没有登记网站是否区电信接入。只有区电信接入的网站需要交附件4；是的请输入 /shutdown ${prefix}set provider local，不是的输入 /shutdown ${prefix}set provider other。`,
  noFiling: (unitName: string) => `${unitName}没有备案号需要注销。`,
  noForms: "目前没有由中心代办的备案注销（区电信接入的单位），没有申请表可汇总。",
  bookSent: (count: number) => `📎 已把 ${count} 份附件4申请表合并为一个 Word 文档发到你的私信，每页一份。`,
};

/** npm run forms. */
export const cliFormTexts = {
  usage: "用法：npm run forms -- --out <目录> [--unit <单位代码>]   （写出区电信接入单位的附件4申请表，每个备案号一份，另加一份合并打印版）",
  unknownUnit: (unit: string) => `没有单位「${unit}」，请写单位代码（如 jtda）或单位名称。`,
  none: "没有要写出的申请表：没有单位登记为区电信接入（set provider local），或这些单位没有备案号事项。",
  written: (file: string, unitName: string, blank: readonly string[]) => `${file}\t${unitName}${blank.length > 0 ? `\t留空：${blank.join("、")}` : ""}`,
  book: (file: string, count: number) => `${file}\t合并打印版，${count} 份`,
  done: (dir: string, count: number) => `已写出 ${count} 份申请表和 1 份合并打印版到 ${dir}`,
};
