// App Home: a contact's checklists with buttons; a coordinator's overview. Pure.
import type { types } from "@slack/bolt";
import type { DeadlineRecord, ItemRecord, UnitRecord } from "../../domain/model.ts";
import { accessMessages } from "../../messages/result-messages.ts";
import { HELP_REPORT_EXAMPLES, HELP_VIEW_EXAMPLES } from "../../messages/command-messages.ts";
import type { CampaignSnapshot } from "../../store/campaign-repository.ts";
import { context, divider, header, section, type KnownBlock } from "../blocks/block-kit.ts";
import { overviewMessage } from "../blocks/overview-blocks.ts";
import { checklistBlocks } from "../blocks/status-blocks.ts";

const MAX_HOME_BLOCKS = 100;

export interface HomeData {
  isCoordinator: boolean;
  units: { unit: UnitRecord; items: ItemRecord[] }[];
  deadlines: DeadlineRecord[];
  snapshot?: CampaignSnapshot;
  now: Date;
}

export function homeView(data: HomeData): types.HomeView {
  const blocks: KnownBlock[] = [];
  if (data.isCoordinator && data.snapshot) {
    blocks.push(...overviewMessage(data.snapshot, data.now).blocks);
  }
  for (const { unit, items } of data.units) {
    if (blocks.length) blocks.push(divider());
    const prefix = data.units.length > 1 ? `${unit.name} ` : "";
    blocks.push(header(`${unit.name} 关停清单`), ...checklistBlocks(unit, items, data.deadlines, data.now, { buttons: true, prefix }));
  }
  if (!data.isCoordinator && data.units.length === 0) {
    blocks.push(header("网站关停协调"), section(accessMessages.notRegistered), context(...[...HELP_VIEW_EXAMPLES, ...HELP_REPORT_EXAMPLES.slice(0, 1)].map(([c, w]) => `\`/shutdown ${c}\` ${w}`)));
  }
  blocks.push(context(`更新于 ${data.now.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}`));
  const kept = blocks.length <= MAX_HOME_BLOCKS ? blocks : [...blocks.slice(0, MAX_HOME_BLOCKS - 1), context("…内容较多，请用 /shutdown status 查看全部")];
  return { type: "home", blocks: kept };
}
