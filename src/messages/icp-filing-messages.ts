// What people read about ICP filings (备案): the number's format, the filing path and its steps. Chinese.
import type { CenterStep, FilingActor, FilingStep, SelfStep } from "../domain/model/icp-steps.ts";
import { CENTER_CONTACT } from "./result-messages.ts";
import { md, mention } from "./mrkdwn.ts";
import { format } from "date-fns/format";
import { toShanghai } from "../domain/model/calendar.ts";

const EXAMPLE = "苏ICP备12345678号";

/** A filing whose number nobody has given yet. */
export const UNNUMBERED_FILING = "未登记备案号";

/** Regions whose everyday abbreviation is not the one on their filings. */
export const PROVINCE_REGION: Record<string, string> = { 蜀: "四川", 黔: "贵州", 滇: "云南", 陇: "甘肃" };
const SET_ICP = `/shutdown set icp ${EXAMPLE}`;

export const icpNumberMessages = {
  empty: `请写上备案号，例如：${SET_ICP}`,
  license: (text: string) =>
    `「${text}」是增值电信业务经营许可证号（ICP证），不是备案号。请填写网站的备案号，形如「${EXAMPLE}」，例如：${SET_ICP}`,
  notIcp: (text: string) =>
    `「${text}」不是备案号。备案号形如「${EXAMPLE}」或「${EXAMPLE}-1」（网站底部或工信部备案系统可查），例如：${SET_ICP}`,
  noProvince: (text: string) => `备案号「${text}」前面缺少省份简称（本区为「苏」），例如：${SET_ICP}`,
  provinceAlias: (typed: string, official: string) =>
    `${PROVINCE_REGION[official] ?? official}的备案号以「${official}ICP备」开头，不是「${typed}ICP备」，请核对后重新输入，例如：/shutdown set icp ${official}ICP备12345678号`,
  unknownProvince: (typed: string) => `「${typed}」不是省份简称，备案号应以省份简称开头（本区为「苏」），例如：${SET_ICP}`,
  badDigits: (text: string, count: number) =>
    `备案号「${text}」的数字有 ${count} 位，应为 6 到 10 位（如 12345678 或 2021012345），请核对，例如：${SET_ICP}`,
  badSite: (text: string) => `备案号「${text}」末尾的网站序号应为 1 到 999，例如「${EXAMPLE}-1」`,
  unreadable: (text: string) => `看不懂备案号「${text}」。备案号形如「${EXAMPLE}」，有网站序号的写成「${EXAMPLE}-1」，例如：${SET_ICP}`,
};

export const icpFilingMessages = {
  domainNotOfUnit: (domain: string, unitName: string, domains: readonly string[]) =>
    `「${domain}」不是${unitName}的域名。${unitName}的域名：${domains.join("、")}`,
  numberOfOtherUnit: (number: string, otherUnit: string) =>
    `备案号「${number}」已登记在「${otherUnit}」名下，不能重复登记。请核对备案号；如确属本单位，请联系${CENTER_CONTACT}。`,
  domainsMoved: (domains: readonly string[], from: string, to: string) => `${domains.join("、")} 已从「${from}」改登记到「${to}」下。`,
  severalFilings: (unitName: string, numbers: readonly string[]) =>
    `${unitName}有 ${numbers.length} 个备案号（${numbers.join("、")}），请写明是哪一个，例如：/shutdown icp 已送达 ${numbers[0]}`,
  unknownFiling: (word: string, unitName: string, numbers: readonly string[]) =>
    numbers.length > 0
      ? `「${word}」不是${unitName}登记的备案号或域名。${unitName}的备案号：${numbers.join("、")}`
      : `${unitName}还没有登记备案号，请先输入：${SET_ICP}`,
  filingsWouldMerge: (numbers: readonly string[]) =>
    `这样会让备案号 ${numbers.join("、")} 合并为一个，原有进度会混在一起，没有修改。如确需合并，请联系${CENTER_CONTACT}。`,
  domainsRequired: (unitName: string, domains: readonly string[]) =>
    `${unitName}有 ${domains.length} 个域名（${domains.join("、")}），请写明这个备案号包含哪些域名，例如：/shutdown set icp ${EXAMPLE} ${domains[0]}`,
};

export const CENTER_STEP_LABEL: Record<CenterStep, string> = {
  pending: "待提交",
  delivered: "已送达",
  received: "中心已受理",
  filed: "已提交管局",
  done: "完成",
};

/** What each step means, for the unit sheet and the coordinators' list. */
export const CENTER_STEP_WHAT: Record<CenterStep, string> = {
  pending: "联系人填写附件4申请表，签字盖章后送到内容保障科",
  delivered: "联系人已把签字盖章的申请表送到中心，等待中心确认收到",
  received: "中心已收到申请表，将向通信管理局提交注销",
  filed: "中心已向通信管理局提交注销备案号、取消接入服务，等待办结",
  done: "备案号已注销，接入服务已取消",
};

export const SELF_STEP_LABEL: Record<SelfStep, string> = { todo: "未开始", doing: "进行中", done: "已完成" };

export const UNKNOWN_ROUTE_LABEL = "待确认接入服务商";

/** "中心已受理", "进行中", "待确认接入服务商"; a blocked filing adds "（受阻）". */
export function filingStepLabel(step: FilingStep): string {
  const label =
    step.route === "center" ? CENTER_STEP_LABEL[step.step] : step.route === "self" ? SELF_STEP_LABEL[step.step] : UNKNOWN_ROUTE_LABEL;
  return step.blocked ? `${label}（受阻）` : label;
}

const CENTER_PATH_TEXT = "待提交 → 已送达 → 中心已受理 → 已提交管局 → 完成";
const HAND_IN = "申请表签字盖章并送到市民中心C栋417室后，请输入：/shutdown icp 已送达";

export const icpPathMessages = {
  providerQuestion: "是否区电信接入？",
  providerQuestionDetail:
    "网站接入服务商是金坛区电信运营商的，由区电子政务中心代办备案注销（需填写附件4申请表）；不是的，由本单位自行办理。",
  answerProviderFirst:
    `请先回答：网站是否区电信接入？是的输入 /shutdown set provider local（由中心代办备案注销），不是的输入 /shutdown set provider other（自行办理）。不清楚的请问网站接入服务商或${CENTER_CONTACT}。`,
  centerStepForContact: (requested: CenterStep, current: CenterStep) => {
    const who = `「${CENTER_STEP_LABEL[requested]}」由区电子政务中心内容保障科登记，联系人不用操作。`;
    if (current === "pending") return `${who}${HAND_IN}`;
    if (current === "delivered") return `${who}申请表已报告送达，中心确认收到后会更新进度。`;
    return `${who}中心正在办理（当前：${CENTER_STEP_LABEL[current]}），办结后会更新。`;
  },
  contactCannotTakeBack: (current: CenterStep) =>
    `中心已登记「${CENTER_STEP_LABEL[current]}」，不能再改回。如申请表需要修改或重新提交，请联系${CENTER_CONTACT}。`,
  alreadyPastDelivered: (current: CenterStep) =>
    `申请表已送达，中心已登记「${CENTER_STEP_LABEL[current]}」，不需要再报告。`,
  doneCannotBlock: "备案注销已完成，不能再标记受阻。如有问题请联系" + CENTER_CONTACT + "。",
  selfStepOnCenterRoute: (typed: string, actor: FilingActor) =>
    `「${typed}」是自行办理的状态；这个备案号由区电子政务中心代办注销，步骤为：${CENTER_PATH_TEXT}。` +
    (actor === "contact" ? HAND_IN : "请输入步骤，例如：/shutdown <单位> icp 已受理（或 已提交管局、完成、待提交）"),
  centerStepOnSelfRoute: (typed: string, actor: FilingActor) =>
    `接入服务商不是区电信运营商，备案注销由单位自行办理，没有「${typed}」这一步。` +
    (actor === "contact"
      ? "办完后请输入：/shutdown done icp <工信部通知或工单号>（备注可不写）"
      : "请用 /shutdown <单位> done|doing|todo icp 登记；如接入服务商其实是区电信运营商，请先改为 /shutdown <单位> set provider local"),
  wasDone: "注意：该备案号原为「已完成」，现已更改。",
  evidenceHint: "如有工信部的注销通知或办理工单号，可补充备注，例如：/shutdown done icp 工信部短信通知 6月22日已注销",
  wentBack: (from: string, to: string) => `注意：进度由「${from}」退回到「${to}」。`,
  routeChanged: (to: "center" | "self") =>
    to === "center"
      ? "接入服务商改为区电信运营商：备案注销改由区电子政务中心代办，请填写附件4申请表（/shutdown 申请表）。"
      : "接入服务商改为其他：备案注销改为本单位自行办理。",
};

const filingName = (number: string | null) => (number ? `备案号 ${number}` : "备案注销");

export const icpStepMessages = {
  recorded: (unitName: string, number: string | null, from: FilingStep, to: FilingStep) =>
    `已记录：${unitName} ${filingName(number)}：${filingStepLabel(from)} → ${filingStepLabel(to)}`,
  unchanged: (unitName: string, number: string | null, step: FilingStep) => `${unitName} ${filingName(number)} 已是「${filingStepLabel(step)}」，没有变化。`,
  noFiling: (unitName: string) => `${unitName}没有备案注销事项。`,
};

export const icpFilingSetMessages = {
  icpSet: (unitName: string, number: string, domains: readonly string[]) =>
    `已登记：${unitName} 备案号 ${number}${domains.length > 0 ? `（域名：${domains.join("、")}）` : ""}`,
  icpUnchanged: (unitName: string, number: string) => `${unitName}的备案号已是 ${number}，没有变化。`,
  sponsorSet: (unitName: string, number: string | null, name: string) => `已登记：${unitName}${number ? ` 备案号 ${number}` : ""} 的主办单位名称为「${name}」`,
  sponsorUnchanged: (unitName: string, name: string) => `${unitName}的主办单位名称已是「${name}」，没有变化。`,
  reasonSet: (unitName: string, number: string | null) => `已登记：${unitName}${number ? ` 备案号 ${number}` : ""} 的备案注销原因，申请表将用这段文字。`,
  reasonUnchanged: (unitName: string) => `${unitName}的备案注销原因没有变化。`,
  formHint: (prefix: string) => `需要附件4申请表的（区电信接入），输入 /shutdown ${prefix}申请表 即可收到填好的 Word 文件。`,
};

const shortDay = (d: Date) => format(toShanghai(d), "M月d日");

export const filingListTexts = {
  title: (count: number) => `附件4 申请表汇总（中心代办，${count} 个备案号）`,
  counts: (counts: readonly { step: CenterStep; count: number }[]) => counts.map((c) => `${CENTER_STEP_LABEL[c.step]} ${c.count}`).join(" ｜ "),
  path: `步骤：${CENTER_PATH_TEXT}。联系人送达后输入 /shutdown 已送达；中心的步骤由协调员点按钮登记。`,
  row: (unitName: string, number: string | null, domains: readonly string[], step: FilingStep, at: Date | null, by: string | null) => {
    const who = by && /^[UW][A-Z0-9]+$/.test(by) ? md` ${mention(by)}` : "";
    const when = at ? md`（${shortDay(at)}${who}）` : "";
    return md`*${unitName}*　${number ?? UNNUMBERED_FILING}${domains.length > 0 ? `　${domains.join("、")}` : ""}\n${filingStepLabel(step)}${when}`;
  },
  button: { received: "已受理", filed: "已提交管局", done: "完成" } as const,
  more: (count: number) => `还有 ${count} 个未列出，可用 /shutdown <单位> icp 已受理（或 已提交管局、完成）登记。`,
  done: (units: readonly string[]) => `已完成：${units.join("、")}`,
  others: (count: number) => `另有 ${count} 个备案号由单位自行办理或尚未确认接入服务商，不在此列。`,
};

export const providerQuestionTexts = {
  yes: "是，区电信接入",
  no: "不是",
  typeInstead: (unitName: string) => `（也可输入 /shutdown ${unitName} set provider local 或 other）`,
  dmTo: (unitName: string, userId: string) => `${unitName}：是否区电信接入？ → ${userId}`,
};
