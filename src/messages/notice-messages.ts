// What people are told when something concerns them: a new contact's welcome, a moved deadline,
// a unit that finished everything. Chinese.
import { formatDueShort } from "../domain/calendar.ts";
import type { DeadlineRecord, UnitRecord } from "../domain/model.ts";
import { SUB_COLUMNS } from "../domain/unit-rules.ts";
import { TASK_LABEL } from "./command-messages.ts";
import { code, md, type Mrkdwn } from "./mrkdwn.ts";
import { CENTER_CONTACT } from "./result-messages.ts";

/** "6月20日 23:59 前" or "6月21日 00:00 至 6月23日 23:59" */
export function deadlineSpan(deadline: Pick<DeadlineRecord, "opensAt" | "dueAt">): string {
  return deadline.opensAt ? `${formatDueShort(deadline.opensAt)} 至 ${formatDueShort(deadline.dueAt)}` : `${formatDueShort(deadline.dueAt)} 前`;
}

/** 附件1: what the transition column holds for this group, its address, and the 子站 exception. */
export function columnGuide(group: UnitRecord["group"]): string {
  const subColumns = SUB_COLUMNS[group];
  return (
    `在网站群平台开设本单位栏目，用统一模板，页头放本单位标识；设 ${subColumns.length} 个子栏目：${subColumns.join("、")}（可根据实际情况调整）；` +
    "栏目地址以栏目路径格式命名。已用子站方式部署的网站保留原有页面模板和功能"
  );
}

export const welcomeTexts = {
  header: "欢迎参加网站关停工作",
  intro: (name: string, units: string[], newUnits: string[]): Mrkdwn =>
    md`${name}，你已登记为 *${newUnits.join("、")}* 的网站关停联系人${units.length > newUnits.length ? `（你负责的单位：${units.join("、")}）` : ""}。区政府网站群集约化后，各单位原网站要彻底关停，由区电子政务中心统一协调。需要做的事和截止时间如下，做完一项就告诉我。`,
  unitDomains: (unit: string, domains: string[]): Mrkdwn => md`*${unit}*：${domains.join("、")}`,
  tasksHeading: "*要做的事*",
  deadlinesHeading: "*截止时间（北京时间）*",
  deadlineLine: (d: Pick<DeadlineRecord, "title" | "opensAt" | "dueAt" | "tasks">): Mrkdwn =>
    md`• *${d.title}*：${deadlineSpan(d)}（${d.tasks.map((t) => TASK_LABEL[t]).join("、")}）`,
  howHeading: "*怎么报告*",
  how: (prefix: string): Mrkdwn => {
    const c = (text: string) => code(`/shutdown ${prefix}${text}`);
    return md`做完一项就输入一句，例如：${c("栏目已上线")}、${c("网站已关停")}、${c("完成 解绑")}。
遇到问题：${c("遇到问题 备案 等待电信回复")}；要等别人办理：${c("等待 备案 7月10日 工信部审核中")}。
随时查看清单：${c("状态")}；提醒消息里也可以直接点「完成」。更多例子：${code("/shutdown 帮助")}`;
  },
  footer: `有疑问请联系${CENTER_CONTACT}。`,
  fallback: (units: string[]) => `你已登记为${units.join("、")}的网站关停联系人。输入 /shutdown 状态 查看清单和截止时间。`,
};

export const deadlineNoticeTexts = {
  header: "截止时间有变化",
  moved: (title: string, from: Date, to: Date): Mrkdwn =>
    md`*${title}* 的截止时间改为 *${formatDueShort(to)}*（原为 ${formatDueShort(from)}，北京时间）。`,
  unitLine: (unit: string, items: string[]): Mrkdwn => md`*${unit}* 还有 ${items.length} 项未完成：${items.join("、")}`,
  footer: (example: string, prefix: string): Mrkdwn =>
    md`完成一项就上报，例如 ${code(example)}；查看清单：${code(`/shutdown ${prefix}状态`)}。有疑问请联系${CENTER_CONTACT}。`,
  fallback: (title: string, to: Date) => `${title} 的截止时间改为 ${formatDueShort(to)}（北京时间）。`,
};

export const unitDoneTexts = {
  line: (unit: string, done: number, total: number) => `🎉 ${unit} 已全部完成（${total} 个单位中已有 ${done} 个全部完成）`,
};
