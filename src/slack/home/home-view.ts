// App Home: a contact's checklists with buttons; a coordinator's overview. Pure.
import type { types } from "@slack/bolt";
import { formatDueShort } from "../../domain/calendar.ts";
import type { DeadlineRecord, ItemRecord, UnitRecord } from "../../domain/model.ts";
import { accessMessages } from "../../messages/result-messages.ts";
import { HOME_TEXT } from "../../messages/button-messages.ts";
import { HELP_REPORT_EXAMPLES, HELP_VIEW_EXAMPLES } from "../../messages/command-messages.ts";
import { code, md } from "../../messages/mrkdwn.ts";
import type { CampaignSnapshot } from "../../store/campaign-repository.ts";
import { context, divider, header, section, type KnownBlock } from "../blocks/block-kit.ts";
import { fits, keepWithinBudget, roomFor, roomLeft } from "../blocks/message-budget.ts";
import { overviewBlocks } from "../blocks/overview-blocks.ts";
import { checklistBlocks, fitUnitSummaries } from "../blocks/status-blocks.ts";
import { NOTE_STEPS } from "../blocks/item-buttons.ts";

export interface HomeData {
  isCoordinator: boolean;
  units: { unit: UnitRecord; items: ItemRecord[] }[];
  deadlines: DeadlineRecord[];
  snapshot?: CampaignSnapshot;
  now: Date;
}

/**
 * Every unit the person is responsible for, with a line and buttons per item when that fits
 * App Home's 100 blocks, else one block per unit with a button that opens its checklist.
 */
function unitBlocks(data: HomeData, room: ReturnType<typeof roomFor>): KnownBlock[] {
  // NOTE: a contact of several units names the unit in every command shown.
  const prefix = (unit: UnitRecord) => (data.units.length > 1 ? `${unit.name} ` : "");
  const full = (noteMax: number) =>
    data.units.flatMap(({ unit, items }, n) => [
      ...(n > 0 ? [divider()] : []),
      header(`${unit.name} 关停清单`),
      ...checklistBlocks(unit, items, data.deadlines, data.now, { buttons: true, noteMax, prefix: prefix(unit) }),
    ]);
  for (const noteMax of NOTE_STEPS) {
    const blocks = full(noteMax);
    if (fits(blocks, room)) return blocks;
  }
  return fitUnitSummaries(room, data.units, data.deadlines, data.now, { hint: true });
}

export function homeView(data: HomeData): types.HomeView {
  const top: KnownBlock[] = [];
  if (data.isCoordinator && data.snapshot) {
    // NOTE: the overview as a message shows it, so it reads the same in both places.
    top.push(...overviewBlocks(data.snapshot, data.now));
    if (data.units.length > 0) top.push(divider());
  }
  if (!data.isCoordinator && data.units.length === 0) {
    top.push(
      header(HOME_TEXT.welcomeTitle),
      section(accessMessages.notRegistered),
      context(...[...HELP_VIEW_EXAMPLES, ...HELP_REPORT_EXAMPLES.slice(0, 1)].map(([c, w]) => md`${code(`/shutdown ${c}`)} ${w}`)),
    );
  }
  const foot = [context(HOME_TEXT.updated(formatDueShort(data.now)))];
  const units = data.units.length > 0 ? unitBlocks(data, roomLeft(roomFor("view"), [...top, ...foot])) : [];
  return { type: "home", blocks: keepWithinBudget([...top, ...units, ...foot], "view") };
}
