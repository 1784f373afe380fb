// Every text of the coordinators' digest, in one place.
import { formatDueShort } from "../domain/model/calendar.ts";
import { joinMd, md, type Mrkdwn } from "./mrkdwn.ts";
import { formatDayShort } from "./reminder-messages.ts";

export { STATE_LABELS, TASK_LABELS, daysLeftText, deadlineTitle, itemLabel } from "./reminder-messages.ts";

/** "▓▓▓▓░░░░░░" */
export function progressBar(fraction: number, width = 10): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return "▓".repeat(filled) + "░".repeat(width - filled);
}

const FILING_STEP_NAMES: Record<string, string> = { pending: "待提交", delivered: "已送达", received: "已受理", filed: "已提交管局", done: "完成" };

export const digestTexts = {
  /** 「第二批 · 过渡栏目上线」: a deadline of one of several open batches. */
  batchDeadlineTitle: (batchName: string, title: string) => `${batchName} · ${title}`,
  header: (now: Date) => `网站关停日报 · ${formatDayShort(now)} ${formatDueShort(now).split(" ")[1]}`,
  previewHeader: (now: Date) => `网站关停日报（预览，仅你可见） · ${formatDayShort(now)} ${formatDueShort(now).split(" ")[1]}`,
  unitsDone: (done: number, total: number) => `${total} 个单位中 *${done}* 个已全部完成。`,
  /** `named`: the units' names follow (upcoming deadlines), after "：". */
  deadlineLine: (title: string, left: string, due: Date, pendingUnits: number, named: boolean) =>
    `• ${title}：${left}（${formatDueShort(due)} 截止），${pendingUnits} 个单位未完成${named ? "：" : ""}`,
  deadlineAllDone: (title: string, due: Date) => `• ${title}：✅ 全部单位已完成（${formatDueShort(due)} 截止）`,
  tasksHeading: "*各项进度*（完成 · 进行中 · 受阻 · 未开始 · 不适用）",
  batchTasksHeading: (batchName: string) => `*${batchName} · 各项进度*（完成 · 进行中 · 受阻 · 未开始 · 不适用）`,
  taskLine: (label: string, bar: string, percent: number, c: { done: number; doing: number; blocked: number; todo: number; na: number }) =>
    `\`${bar}\` ${String(percent).padStart(3)}%  *${label}*  完成 ${c.done} · 进行中 ${c.doing} · 受阻 ${c.blocked} · 未开始 ${c.todo} · 不适用 ${c.na}`,
  overdueHeading: (n: number) => (n === 0 ? "*✅ 没有逾期的单位。*" : `*⚠️ 逾期单位（${n} 个）*`),
  overdueUnit: (unit: string, pending: string, contacts: Mrkdwn) => md`*${unit}* · 未完成：${pending} · 联系人：${contacts}`,
  noSlackContact: "无",
  filingsLine: (center: Record<string, number>, own: { open: number; done: number }, unknown: number) =>
    `*📄 备案注销*　中心代办：${Object.entries(center).map(([step, n]) => `${FILING_STEP_NAMES[step] ?? step} ${n}`).join("、")}` +
    `；自行办理：未完成 ${own.open}、已完成 ${own.done}${unknown > 0 ? `；未确认接入服务商 ${unknown}` : ""}`,
  queueHeading: (n: number) => (n === 0 ? "*📥 中心手上没有待办的申请表。*" : `*📥 中心待办的申请表（${n} 份）*`),
  queueItem: (unit: string, number: string | null, step: "delivered" | "received", since: string | null) =>
    `*${unit}* · ${number ?? "未登记备案号"}：${step === "delivered" ? "已送达，待确认受理" : "已受理，待提交管局"}${since ? `（${since}起）` : ""}`,
  blockedHeading: (n: number) => (n === 0 ? "*✅ 没有受阻的事项。*" : `*⛔ 受阻事项（${n} 项）*`),
  blockedItem: (unit: string, item: string, reason: string | null) => `*${unit}* · ${item}：${reason ?? "（未说明原因）"}`,
  waitingHeading: (n: number) => `*⏳ 等待中的事项（${n} 项）*：到预计日期前不催办`,
  waitingItem: (unit: string, item: string, until: Date, note: string | null) => `*${unit}* · ${item}：预计 ${formatDayShort(until)}${note ? `（${note}）` : ""}`,
  noContactHeading: (n: number) => (n === 0 ? "*✅ 每个未完成的单位都有联系人。*" : `*📭 没有联系人的单位（${n} 个）*`),
  noContactHint: "这些单位收不到提醒：请用 `/shutdown 指派 单位名 @联系人` 登记联系人（批量登记：`npm run units -- import`）。",
  changesHeading: (units: number, items: number, since: Date | null) =>
    since
      ? `*🔄 自上次日报（${formatDayShort(since)} ${formatDueShort(since).split(" ")[1]}）以来的变化（${units} 个单位，${items} 项）*`
      : `*🔄 到目前为止的变化（${units} 个单位，${items} 项）*`,
  noChanges: (since: Date | null) =>
    since
      ? `*🔄 自上次日报（${formatDayShort(since)} ${formatDueShort(since).split(" ")[1]}）以来没有任何变化。*`
      : "*🔄 到目前为止还没有任何单位上报。*",
  /** One unit's net changes: "*档案局*：过渡栏目 未开始 → 已完成、… （王芳）" */
  unitChanges: (unit: string, changes: string[], by: Mrkdwn[]) => md`*${unit}*：${changes.join("、")}（${joinMd(by, "、")}）`,
  change: (item: string, from: string, to: string) => `${item} ${from} → ${to}`,
  footer: "完整进度表（Excel）：输入 `/shutdown 导出`，会发到你的私信。",
  footerWithCsv: "列表已截短，完整表格见本消息下方的 CSV 附件。",
  fallback: (done: number, total: number, overdue: number, blocked: number) =>
    `网站关停日报：${total} 个单位中 ${done} 个已全部完成；${overdue} 个单位逾期；${blocked} 项受阻。`,
  fileTitle: (day: string) => `网站关停进度表 ${day}`,
  fileName: (day: string, format: "csv" | "xlsx") => `shutdown-status-${day}.${format}`,
  csvComment: "完整进度表：每个单位的每个事项一行，可用 Excel 或 WPS 打开。",
  xlsxComment: "网站关停进度表：第一页每个单位一行，第二页是全部事项。",
  noChannel: "未设置 DIGEST_CHANNEL_ID：不知道日报发到哪个频道。请在 .env 中设置协调员频道的 ID（C 开头）。",
  quiet: (range: string) => `现在是免打扰时段（${range}），不发送日报。`,
  alreadySent: (day: string) => `${day} 的日报已经发送过，不会重复发送。`,
};
