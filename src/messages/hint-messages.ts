// The line under a reply that was not understood: what this person can type instead. Chinese.
import type { ItemRecord } from "../domain/model.ts";
import { itemLabel } from "./item-messages.ts";

export const hintTexts = {
  didYouMean: (command: string) => `你是不是要输入：${command}`,
  forContact: (report: string, item: Pick<ItemRecord, "task" | "domain">, status: string) =>
    `可以这样写：${report}（${itemLabel(item)}）　查看清单：${status}　更多例子：/shutdown 帮助`,
  forCoordinator: (unit: string, isCoordinator: boolean) =>
    isCoordinator
      ? `可以这样写：/shutdown 总览（全部单位）　/shutdown ${unit} 状态（一个单位的清单）　更多例子：/shutdown 帮助`
      : `查看清单：/shutdown 状态　更多例子：/shutdown 帮助`,
  forNewcomer: "你还没有登记为联系人：请输入「/shutdown join 单位名」申请（例如 /shutdown join 档案局），或输入 /shutdown 帮助 查看例子。",
};
