// How an item, its deadline and its next step read. Shared by replies, reminders and the digest.
import { calendarDaysUntil, formatDueShort } from "../domain/model/calendar.ts";
import { filingBelongsToParent, parentDomainOf } from "../domain/model/unit-rules.ts";
import { formatDayShort } from "./day-format.ts";
import { columnGuide } from "./notice-messages.ts";
import type { DeadlineRecord, ItemRecord, UnitRecord } from "../domain/model/records.ts";
import { METHOD_LABEL, STATE_ICON, STATE_LABEL, TASK_LABEL, TASK_WHAT } from "./command-messages.ts";
import { CENTER_CONTACT } from "./result-messages.ts";
import { UNNUMBERED_FILING } from "./icp-filing-messages.ts";

export function itemLabel(item: Pick<ItemRecord, "task" | "domain" | "filingNumber">): string {
  if (item.domain) return `${TASK_LABEL[item.task]} ${item.domain}`;
  // One of several filings: which one ("备案注销 苏ICP备12345678号-2").
  if (item.filingNumber !== undefined) return `${TASK_LABEL[item.task]} ${item.filingNumber ?? UNNUMBERED_FILING}`;
  return TASK_LABEL[item.task];
}

/**
 * The state in words: "已完成", "等待中（预计 7月10日）"; a domain says how it was taken down
 * ("已注销", "已删除解析（代替注销）") rather than "已完成", which would claim it was cancelled.
 */
/** 「等待中（预计 7月10日）」 */
export function waitingUntil(expectedBy: Date): string {
  return `等待中（预计 ${formatDayShort(expectedBy)}）`;
}

export function itemStateWords(item: Pick<ItemRecord, "state" | "method" | "expectedBy">): string {
  if (item.state === "done" && item.method) return METHOD_STATE[item.method];
  if (item.state === "doing" && item.expectedBy) return waitingUntil(item.expectedBy);
  return STATE_LABEL[item.state];
}

const METHOD_STATE = { cancelled: METHOD_LABEL.cancelled, dns_removed: `${METHOD_LABEL.dns_removed}（代替注销）` } as const;

export function itemStateText(item: Pick<ItemRecord, "state" | "method" | "expectedBy">): string {
  const icon = item.state === "doing" && item.expectedBy ? "⏳" : STATE_ICON[item.state];
  return `${icon} ${itemStateWords(item)}`;
}

/**
 * "6月20日 23:59 截止，还剩 3 天" / "今天 23:59 截止" / "已逾期 2 天"; "✅ 已完成" once nothing
 * under it is open.
 */
export function dueText(deadline: DeadlineRecord, now: Date, finished = false): string {
  if (finished) return `✅ 已完成（${formatDueShort(deadline.dueAt)} 截止）`;
  const due = formatDueShort(deadline.dueAt);
  if (deadline.opensAt && now < deadline.opensAt) {
    const days = calendarDaysUntil(deadline.opensAt, now);
    const when = days === 0 ? "今天开始" : days === 1 ? "明天开始" : `${days} 天后开始`;
    return `${formatDueShort(deadline.opensAt)} 开始 · ${due} 截止（${when}）`;
  }
  const days = calendarDaysUntil(deadline.dueAt, now);
  if (now > deadline.dueAt) return `${due} 截止，已逾期 ${Math.max(1, -days)} 天`;
  if (days === 0) return `今天 ${due.split(" ")[1]} 截止`;
  return `${due} 截止，还剩 ${days} 天`;
}

/** The note of 备案注销 不适用 for a unit whose filing is its parent domain's. */
export function parentFilingNote(unit: Pick<UnitRecord, "domains">): string {
  const parent = parentDomainOf(unit.domains[0]?.name ?? "");
  return `备案属于上级域名 ${parent} 的主办单位`;
}

/**
 * The ICP cancellation path: by the center when the access provider is the district telecom
 * operator, by the unit otherwise (附件2 四、五); none of its own under a parent's domain.
 * `prefix` goes before the commands shown ("区统计局 " for a contact of several units).
 */
export function icpPathText(unit: Pick<UnitRecord, "localTelecom" | "domains">, prefix = ""): string {
  if (filingBelongsToParent(unit)) {
    const domain = unit.domains[0]?.name ?? "";
    return `${domain} 是上级单位域名 ${parentDomainOf(domain)} 下的二级域名，本单位没有自己的备案号，备案属于上级域名的主办单位。请与上级单位确认后输入：/shutdown ${prefix}na icp ${parentFilingNote(unit)}`;
  }
  if (unit.localTelecom === true) {
    return `接入服务商是区电信运营商：输入 /shutdown ${prefix}申请表 收到填好的附件4《注销网站备案号、取消接入服务申请表》，签字盖章后送${CENTER_CONTACT}，送到后输入 /shutdown ${prefix}已送达；由中心统一代办备案号注销和取消接入。`;
  }
  if (unit.localTelecom === false) return "接入服务商不是区电信运营商：请自行到接入服务商办理备案号注销和取消接入服务。";
  return `还不知道你的接入服务商，请告诉我们：/shutdown ${prefix}set provider local（区电信运营商）或 /shutdown ${prefix}set provider other（其他）。`;
}

/** What to type to report an item done, with the unit first when the person has several. */
export function reportCommand(item: Pick<ItemRecord, "task" | "domain" | "filingNumber">, unitPrefix?: string, state = "done"): string {
  const unit = unitPrefix ? `${unitPrefix} ` : "";
  // NOTE: one of several filings is named by its 备案号, or the reply asks which one.
  const which = item.domain ?? (item.task === "icp" ? item.filingNumber : null);
  return `/shutdown ${unit}${state} ${item.task}${which ? ` ${which}` : ""}`;
}

/**
 * What finishes this item, exactly as it must be typed: a sub-domain only has its DNS record
 * removed; a filing that is the parent domain's is 不适用 for the unit.
 */
export function finishCommand(item: Pick<ItemRecord, "task" | "domain" | "isSubdomain" | "filingNumber">, unit: Pick<UnitRecord, "domains">, prefix = ""): string {
  if (item.task === "icp" && filingBelongsToParent(unit)) return `/shutdown ${prefix}na icp ${parentFilingNote(unit)}`;
  return `${reportCommand(item, prefix.trim() || undefined)}${item.isSubdomain ? " dns" : ""}`;
}

/**
 * What the item asks of this unit: the column names its sub-columns (附件1); where a fact of the
 * unit can make the item 不适用, how to say so (`prefix` goes before the command).
 */
export function taskWhat(task: ItemRecord["task"], unit: Pick<UnitRecord, "group">, prefix = ""): string {
  if (task === "column") return columnGuide(unit.group);
  if (task === "backup") return `${TASK_WHAT.backup}；没有数据要迁移的，输入 \`/shutdown ${prefix}set migrate no\`，本项自动改为不适用`;
  if (task === "ipicp") return `${TASK_WHAT.ipicp}；没有二级域名系统的，输入 \`/shutdown ${prefix}set secondlevel no\`，本项自动改为不适用`;
  return TASK_WHAT[task];
}

export function nextStepText(item: ItemRecord, unit: UnitRecord, prefix = ""): string {
  const how = item.task === "icp" ? ` ${icpPathText(unit, prefix)}` : item.task === "domain" && item.isSubdomain ? "（二级域名只能删除解析记录）" : "";
  const command = finishCommand(item, unit, prefix);
  // NOTE: the ICP path already ends with the command when the filing is the parent's.
  const then = item.task === "icp" && filingBelongsToParent(unit) ? "" : `完成后输入 \`${command}\``;
  return `下一步：${itemLabel(item)}——${taskWhat(item.task, unit, prefix)}。${how}${then}`;
}
