// A unit in one block, for people responsible for several: what is left, under which deadline.
import type { DeadlineRecord, ItemRecord } from "../domain/model/records.ts";
import { STATE_LABEL } from "./command-messages.ts";
import { dueText, itemLabel } from "./item-messages.ts";
import { code, joinMd, md, type Mrkdwn } from "./mrkdwn.ts";
import { deadlineTitle } from "./reminder-messages.ts";

const withState = (i: ItemRecord) => (i.state === "todo" ? itemLabel(i) : `${itemLabel(i)}（${STATE_LABEL[i.state]}）`);

export const unitSummaryTexts = {
  title: (unit: string, pending: number): Mrkdwn =>
    pending === 0 ? md`*🏢 ${unit}*　✅ 全部事项已完成` : md`*🏢 ${unit}*　还有 *${pending}* 项未完成`,
  group: (deadline: DeadlineRecord, items: readonly ItemRecord[], now: Date): Mrkdwn =>
    md`• ${deadlineTitle(deadline)} · ${dueText(deadline, now)}：${items.map(withState).join("、")}`,
  hint: (unitName: string): Mrkdwn => md`点「打开清单」逐项填写，或输入 ${code(`/shutdown ${unitName} status`)} 查看`,
  lines: (parts: Mrkdwn[]) => joinMd(parts, "\n"),
  button: "打开清单",
  manyHeader: (units: number) => `你负责的 ${units} 个单位`,
  manyIntro: (units: number, pending: number) =>
    pending === 0 ? `你负责的 ${units} 个单位的事项都已完成，感谢配合！` : `你负责的 ${units} 个单位还有 ${pending} 项未完成。`,
  manyHint: (unitName: string): Mrkdwn => md`查看一个单位的完整清单（每项带按钮）：${code(`/shutdown ${unitName} status`)}`,
};
