// Every text of the reminders and escalations a person reads, in one place.
import { formatDueShort } from "../domain/model/calendar.ts";
import { formatDayShort } from "./day-format.ts";
import type { ContactRecord, DeadlineRecord, ItemRecord, UnitRecord } from "../domain/model/records.ts";
import { clipPlain, joinMd, md, mention, type Mrkdwn } from "./mrkdwn.ts";
import { filingBelongsToParent } from "../domain/model/unit-rules.ts";
import { finishCommand, icpPathText, itemLabel, itemStateWords } from "./item-messages.ts";
import { columnGuide } from "./notice-messages.ts";
import { CENTER_CONTACT } from "./result-messages.ts";
import { verificationLine } from "./verification-messages.ts";
import type { CadenceStep } from "../domain/model/cadence-steps.ts";

export { STATE_LABEL as STATE_LABELS, TASK_LABEL as TASK_LABELS } from "./command-messages.ts";
export { itemLabel } from "./item-messages.ts";

export { formatDayShort } from "./day-format.ts";

export function daysLeftText(daysLeft: number): string {
  if (daysLeft < 0) return `已逾期 ${-daysLeft} 天`;
  // NOTE: said next to the due time ("6月23日 23:59 截止 · 还剩今天"): "今天截止" would say 截止 twice.
  if (daysLeft === 0) return "还剩今天";
  return `还剩 ${daysLeft} 天`;
}

/** "网站关停（6月21日–6月23日）" or "过渡栏目上线" */
export function deadlineTitle(deadline: Pick<DeadlineRecord, "title" | "opensAt" | "dueAt">): string {
  return deadline.opensAt
    ? `${deadline.title}（${formatDayShort(deadline.opensAt)}–${formatDayShort(deadline.dueAt)}）`
    : deadline.title;
}

/** 附件2 七: if someone else must act, record when it should be done; it is not chased before then. */
const waitingHint = (prefix: string) =>
  `要等对方办理的，可以登记预计完成日期，例如：\`/shutdown ${prefix}waiting icp 7月10日 工信部审核中\`，到期前不再催办。`;

const STEP_NOTES: Partial<Record<CadenceStep, (d: Pick<DeadlineRecord, "opensAt" | "dueAt">, prefix: string) => string>> = {
  // 附件2 七: ask early how long the registrar and the access provider take, so the site is gone in time.
  lead21: (d, prefix) =>
    `关停窗口还有三周开始（${d.opensAt ? formatDayShort(d.opensAt) : ""}）。请现在就向域名注册机构和网站接入服务商问清楚：注销域名、注销备案号各要多长时间才能生效（附件2 七），确保 ${formatDayShort(d.dueAt)}前彻底关停。${waitingHint(prefix)}`,
  lead7: (d, prefix) =>
    `关停窗口还有一周开始（${d.opensAt ? formatDayShort(d.opensAt) : ""}）。还没问清注销域名、注销备案号各要多长时间生效的，请马上向域名注册机构和网站接入服务商确认（附件2 七）。${waitingHint(prefix)}`,
  open1: (d) => `关停窗口明天（${d.opensAt ? formatDayShort(d.opensAt) : ""}）开始，请安排好关停原网站。`,
  open: () => "关停窗口今天开始。",
  due: () => "今天是最后一天。",
  overdue: () => "已超过截止时间，请尽快完成（已通知协调员）。",
};

/** `prefix` goes before the commands shown ("区统计局 " for a contact of several units). */
export function stepNotes(steps: readonly CadenceStep[], deadline: Pick<DeadlineRecord, "opensAt" | "dueAt">, prefix = ""): string[] {
  return steps.flatMap((s) => STEP_NOTES[s]?.(deadline, prefix) ?? []);
}

/**
 * Exactly what to type to finish the item: a sub-domain can only have its DNS record removed; a
 * filing that is the parent domain's is 不适用.
 */
export function reportCommand(
  item: Pick<ItemRecord, "task" | "domain" | "isSubdomain" | "filingNumber">,
  unit: Pick<UnitRecord, "name" | "domains">,
  withUnit: boolean,
): string {
  return finishCommand(item, unit, withUnit ? `${unit.name} ` : "");
}

export function itemLine(
  item: ItemRecord,
  unit: UnitRecord,
  deadline: Pick<DeadlineRecord, "dueAt">,
  daysLeft: number,
  withUnit: boolean,
  noteMax = Number.POSITIVE_INFINITY,
): string {
  const note = item.note && noteMax > 0 ? clipPlain(item.note, noteMax) : null;
  const state = item.state === "todo" ? "" : `（当前：${itemStateWords(item)}${note ? `，${note}` : ""}）`;
  const parentFiling = item.task === "icp" && filingBelongsToParent(unit);
  const lines = [`• *${itemLabel(item)}*${state} · 截止 ${formatDueShort(deadline.dueAt)} · ${daysLeftText(daysLeft)}`];
  // NOTE: what the probes found, beside what was reported, as status shows it ("the site still answers").
  if (item.verification) lines.push(`   ${verificationLine(item.verification, item.state === "done")}`);
  // 附件1: what the column must hold, where it lives, and that a 子站 keeps its template.
  if (item.task === "column") lines.push(`   ${columnGuide(unit.group)}。`);
  if (!parentFiling) lines.push(`   完成后输入：\`${reportCommand(item, unit, withUnit)}\``);
  if (item.task === "icp") lines.push(`   ${icpPathText(unit, withUnit ? `${unit.name} ` : "")}`);
  return lines.join("\n");
}

/** How a contact is shown to coordinators: their mention or name, and their phone when known. */
export function contactText(c: Pick<ContactRecord, "slackUserId" | "name" | "phone">): Mrkdwn {
  const who = c.slackUserId ? mention(c.slackUserId) : md`${c.name}（未登记 Slack，收不到提醒）`;
  return c.phone ? md`${who} 电话 ${c.phone}` : who;
}

export const reminderTexts = {
  header: (day: Date) => `网站关停工作提醒 · ${formatDayShort(day)}`,
  /** The part of the greeting a click updates; it starts with greetingCountPrefix. */
  greetingCount: (units: number, items: number) =>
    items === 0
      ? `${greetingCountPrefix(units)}的工作都已上报，谢谢！`
      : `${greetingCountPrefix(units)}还有 ${items} 项工作未完成：`,
  greeting: (name: string, units: number, items: number) => `${name}${reminderTexts.greetingCount(units, items)}`,
  unitHeading: (unit: Pick<UnitRecord, "name">) => md`*🏢 ${unit.name}*`,
  /** Above a batch's units, in a reminder that covers more than one batch. */
  batchHeading: (batchName: string) => md`*📋 ${batchName}*`,
  deadlineHeading: (deadline: DeadlineRecord, daysLeft: number) =>
    md`*${deadlineTitle(deadline)}* · ${formatDueShort(deadline.dueAt)} 截止 · ${daysLeftText(daysLeft)}`,
  compactNote: "你负责的单位较多，每个单位一行：点「打开清单」逐项填写。",
  footer: `完成或不适用的事项上报后不再提醒。有疑问请联系${CENTER_CONTACT}。`,
  fallback: (name: string, summary: string) => `网站关停工作提醒：${name}，以下工作尚未完成。${summary}`,
};

/** "，你负责的 2 个单位": the start of the part of the greeting that is recomputed. */
export function greetingCountPrefix(units: number): string {
  return units > 1 ? `，你负责的 ${units} 个单位` : "，你负责的单位";
}

export const escalationTexts = {
  header: (day: Date) => `逾期与无人提醒的单位 · ${formatDayShort(day)}`,
  overdueHeading: (n: number) => `*⚠️ 逾期未完成的单位（${n} 个）*`,
  overdueUnit: (unit: string, deadlines: string, pending: string, contacts: Mrkdwn) =>
    md`*${unit}* · ${deadlines}\n未完成：${pending}\n联系人：${contacts}`,
  contacts: (list: Mrkdwn[]) => joinMd(list, "；"),
  /** A unit nobody is registered for: what the coordinators do next. */
  noContactNextStep: (unit: string) => `请电话联系${unit}，并用 /shutdown assign ${unit} @某人 登记联系人。`,
  noContact: (unit: string) => `无。${escalationTexts.noContactNextStep(unit)}`,
  deadlineLate: (title: string, late: string) => `${title}：${late}`,
  unreachableHeading: (n: number) => `*📭 没有登记 Slack 联系人、无法提醒的单位（${n} 个）*`,
  unreachableUnit: (unit: string, pending: string, contacts: Mrkdwn | null) =>
    contacts
      ? md`*${unit}* · 今天应提醒：${pending}\n已知联系人：${contacts}`
      : md`*${unit}* · 今天应提醒：${pending}\n没有登记联系人。${escalationTexts.noContactNextStep(unit)}`,
  /** Units of the list above that are overdue too, not listed twice. */
  unreachableAlsoOverdue: (n: number, total: number) =>
    n === total ? `这 ${n} 个单位都已在上面的逾期单位中列出。` : `其中 ${n} 个已在上面的逾期单位中列出，其余如下：`,
  unreachableHint: "请协调员电话跟进，并登记联系人的 Slack 账号：/shutdown assign <单位> @某人，或 npm run units -- import。",
  fallback: (overdue: number, unreachable: number) =>
    `网站关停逾期提醒：${overdue} 个单位逾期未完成，${unreachable} 个单位没有可提醒的联系人。`,
};

export const passTexts = {
  quiet: (range: string) => `现在是免打扰时段（${range}），不发送提醒。`,
  noChannel: "未设置 DIGEST_CHANNEL_ID，协调员频道的逾期升级消息无法发送。",
  dryRunHeader: (day: string, n: number) => `预演 ${day}：将发送 ${n} 条消息（预演不发送、不写入任何数据）。`,
  nothingDue: (day: string) => `${day}：没有需要发送的提醒。`,
  dmTo: (name: string, userId: string) => `私信 ${name}（${userId}）`,
  channelTo: (channel: string) => `协调员频道 ${channel}`,
  unsetChannel: "（未设置 DIGEST_CHANNEL_ID）",
  alreadySent: "（今天已发送，不会重复发送）",
};
