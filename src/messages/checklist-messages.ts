// The words around a unit's checklist (status reply, App Home, the form) and the coordinators' overview.
import { formatDueShort } from "../domain/model/calendar.ts";
import { md, mention, type Mrkdwn, type MrkdwnLike } from "./mrkdwn.ts";

export const checklistTexts = {
  title: (unitName: string) => `${unitName} 关停清单`,
  titleWithCount: (unitName: string, done: number, total: number) => `${unitName} 关停清单（${done}/${total}）`,
  allDone: "🎉 全部事项已完成，感谢配合！",
  /** The fallback text of a status reply. */
  summary: (unitName: string, done: number, total: number, nextLabel: string | null) =>
    `${unitName}：${done}/${total} 项已完成${nextLabel ? `，下一步：${nextLabel}` : ""}`,
  icpPath: (path: string) => `备案注销：${path}`,
  /** Under an item changed by a click: who, and when. */
  updatedBy: (line: MrkdwnLike, userId: string, at: Date): Mrkdwn => md`${line}\n_${mention(userId)} ${formatDueShort(at)} 更新_`,
  /** The unit named in an example when the person has none of their own. */
  exampleUnit: "档案局",
};

export const overviewTexts = {
  title: (complete: number, total: number) => `总览：${complete}/${total} 个单位已全部完成`,
  /** One open batch's section, when there are several. */
  batchTitle: (batchName: string, complete: number, total: number) => `${batchName}：${complete}/${total} 个单位已全部完成`,
  namesHeading: (heading: string, any: boolean) => (any ? `${heading}：` : `${heading}：（无）`),
  behind: (title: string, overdue: boolean, count: number) => `${title}\n${overdue ? "⚠️ 逾期未完成" : "未完成"}（${count}）`,
  blockedHeading: (count: number) => `*受阻事项（${count}）*`,
  noContactHeading: (count: number) => `尚无联系人的单位（${count}）`,
};
