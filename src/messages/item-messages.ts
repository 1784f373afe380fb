// How an item, its deadline and its next step read. Shared by replies, reminders and the digest.
import { calendarDaysUntil, formatDueShort } from "../domain/calendar.ts";
import type { DeadlineRecord, ItemRecord, UnitRecord } from "../domain/model.ts";
import { METHOD_LABEL, STATE_ICON, STATE_LABEL, TASK_LABEL, TASK_WHAT } from "./command-messages.ts";
import { CENTER_CONTACT } from "./result-messages.ts";

export function itemLabel(item: Pick<ItemRecord, "task" | "domain">): string {
  return item.domain ? `${TASK_LABEL[item.task]} ${item.domain}` : TASK_LABEL[item.task];
}

export function itemStateText(item: Pick<ItemRecord, "state" | "method">): string {
  const method = item.state === "done" && item.method ? `（${METHOD_LABEL[item.method]}）` : "";
  return `${STATE_ICON[item.state]} ${STATE_LABEL[item.state]}${method}`;
}

/** "6月20日 23:59 截止，还剩 3 天" / "今天截止" / "已逾期 2 天"; "✅ 已完成" once nothing under it is open. */
export function dueText(deadline: DeadlineRecord, now: Date, finished = false): string {
  if (finished) return `✅ 已完成（${formatDueShort(deadline.dueAt)} 截止）`;
  const due = formatDueShort(deadline.dueAt);
  if (deadline.opensAt && now < deadline.opensAt) {
    const days = calendarDaysUntil(deadline.opensAt, now);
    return `${formatDueShort(deadline.opensAt)} 开始 · ${due} 截止${days > 0 ? `（${days} 天后开始）` : "（今天开始）"}`;
  }
  const days = calendarDaysUntil(deadline.dueAt, now);
  if (now > deadline.dueAt) return `${due} 截止，已逾期 ${Math.max(1, -days)} 天`;
  if (days === 0) return `${due} 截止，今天截止`;
  return `${due} 截止，还剩 ${days} 天`;
}

/** The ICP cancellation path depends on who the access provider is (附件2 四、五). */
export function icpPathText(unit: Pick<UnitRecord, "localTelecom">): string {
  if (unit.localTelecom === true) {
    return `接入服务商是区电信运营商：填写附件4《注销网站备案号、取消接入服务申请表》，送${CENTER_CONTACT}，由中心统一代办备案号注销和取消接入。`;
  }
  if (unit.localTelecom === false) return "接入服务商不是区电信运营商：请自行到接入服务商办理备案号注销和取消接入服务。";
  return "还不知道你的接入服务商，请告诉我们：/shutdown set provider local（区电信运营商）或 /shutdown set provider other（其他）。";
}

/** What to type to report an item done, with the unit first when the person has several. */
export function reportCommand(item: Pick<ItemRecord, "task" | "domain">, unitPrefix?: string, state = "done"): string {
  const unit = unitPrefix ? `${unitPrefix} ` : "";
  return `/shutdown ${unit}${state} ${item.task}${item.domain ? ` ${item.domain}` : ""}`;
}

export function nextStepText(item: ItemRecord, unit: UnitRecord, unitPrefix?: string): string {
  const how = item.task === "icp" ? ` ${icpPathText(unit)}` : item.task === "domain" && item.isSubdomain ? "（二级域名只能删除解析记录）" : "";
  return `下一步：${itemLabel(item)}——${TASK_WHAT[item.task]}。${how}完成后输入 \`${reportCommand(item, unitPrefix)}${item.isSubdomain ? " dns" : ""}\``;
}
