// The words of the /shutdown replies that show a unit in full, the deadlines, a report recorded.
import { formatDateTime } from "../domain/model/calendar.ts";
import type { DeadlineRecord, UnitRecord } from "../domain/model/records.ts";
import { TASK_LABEL } from "./command-messages.ts";
import { code, md, mention, type Mrkdwn } from "./mrkdwn.ts";

const yesNoUnknown = (v: boolean | null, yes: string, no: string) => (v === null ? "未知" : v ? yes : no);

export const unitDetailTexts = {
  title: (unit: Pick<UnitRecord, "name" | "key">) => `${unit.name}（${unit.key}）`,
  fallback: (unitName: string) => `${unitName} 详情`,
  /** The unit's facts, one field each; `contacts` already written out. */
  facts: (unit: UnitRecord, contacts: Mrkdwn | null): Mrkdwn[] => [
    md`*分组*\n${unit.group === "township" ? "镇、区、街道、管委会（四个子栏目）" : "部门（五个子栏目）"}`,
    md`*政府机房*\n${unit.governmentRoom ? "是" : "否"}`,
    md`*域名*\n${unit.domains.map((d) => d.name + (d.isSubdomain ? "（二级域名）" : "")).join("\n")}`,
    md`*备案号*\n${unit.icpNumber ?? "未登记"}`,
    md`*接入服务商*\n${yesNoUnknown(unit.localTelecom, "区电信运营商", "其他")}`,
    md`*二级域名系统*\n${yesNoUnknown(unit.secondLevel, "有", "没有")}`,
    md`*数据迁移*\n${yesNoUnknown(unit.migrateData, "需要", "不需要")}`,
    md`*联系人*\n${contacts ?? "（无）"}`,
  ],
  auditHeading: "*最近 10 条记录*",
  noAudit: "（暂无记录）",
};

export const deadlineListTexts = {
  fallback: "截止时间",
  title: "截止时间（北京时间）",
  line: (d: DeadlineRecord, due: string): Mrkdwn =>
    md`*${d.title}*（${code(d.key)}）　${due}\n　　覆盖：${d.tasks.map((t) => TASK_LABEL[t]).join("、")}${
      d.updatedBy ? md`　（${formatDateTime(d.updatedAt!)} 由 ${mention(d.updatedBy)} 修改）` : ""
    }`,
  howToMove: "修改：/shutdown deadline <key> YYYY-MM-DD[ HH:mm]",
  /** Above a batch's deadlines, when there is more than one batch. */
  batchHeading: (name: string, closed: boolean) => md`*📋 ${name}*${closed ? "（已结束，不再提醒）" : ""}`,
};

export const reportedTexts = {
  /** 「已记录：档案局「过渡栏目上线」未开始 → ✅ 已完成（备注）」 */
  head: (unitName: string, itemLabel: string, fromLabel: string, stateText: string, note: string | null) => {
    // NOTE: 「⏳ 等待中（预计 7月10日）」 already ends in a bracket; a second one reads badly.
    const withNote = note ? (stateText.endsWith("）") ? `，${note}` : `（${note}）`) : "";
    return `已记录：${unitName}「${itemLabel}」${fromLabel} → ${stateText}${withNote}`;
  },
};

export const formOpenedText = (unitName: string) => `已打开「${unitName}」的清单表单。`;
