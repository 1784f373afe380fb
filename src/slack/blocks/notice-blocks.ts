// Block Kit of the notices: a new contact's welcome, a moved deadline, a unit done. Pure.
import type { DeadlineRecord, ItemRecord, UnitRecord } from "../../domain/model.ts";
import { isFinished, TASK_KEYS, type TaskKey } from "../../domain/tasks.ts";
import { TASK_LABEL, TASK_WHAT } from "../../messages/command-messages.ts";
import { finishCommand, itemLabel, taskWhat } from "../../messages/item-messages.ts";
import { deadlineNoticeTexts as dt, unitDoneTexts, welcomeTexts as wt } from "../../messages/notice-messages.ts";
import { listTexts } from "../../messages/list-messages.ts";
import { md, type Mrkdwn } from "../../messages/mrkdwn.ts";
import { context, header, message, section, type KnownBlock, type SlackMessage } from "./block-kit.ts";
import { roomFor, roomLeft, shareRoom, type TextList } from "./message-budget.ts";

export interface WelcomeData {
  contactName: string;
  /** Every unit the person is a contact of now, 附件3 order. */
  units: UnitRecord[];
  /** The ones just given to them. */
  newUnitKeys: readonly string[];
  deadlines: readonly DeadlineRecord[];
}

function taskLine(task: TaskKey, units: readonly UnitRecord[], prefix: string): Mrkdwn {
  const groups = new Set(units.map((u) => u.group));
  // NOTE: units of both groups have different sub-columns; each unit's status names its own.
  const what = task === "column" && groups.size > 1 ? TASK_WHAT.column : taskWhat(task, units[0]!, prefix);
  return md`• *${TASK_LABEL[task]}*：${what}`;
}

export function buildWelcomeMessage(data: WelcomeData): SlackMessage {
  const names = data.units.map((u) => u.name);
  const fresh = data.units.filter((u) => data.newUnitKeys.includes(u.key));
  const prefix = data.units.length > 1 ? `${fresh[0]?.name ?? names[0]} ` : "";
  const top = [header(wt.header), section(wt.intro(data.contactName, names, fresh.map((u) => u.name)))];
  const bottom = [section(md`${wt.howHeading}\n${wt.how(prefix)}`), context(wt.footer)];
  // NOTE: lists fit the message however many units arrive at once (the unit sheet may give 38).
  const lists: TextList[] = [
    { count: fresh.length, entry: (i) => wt.unitDomains(fresh[i]!.name, fresh[i]!.domains.map((d) => d.name)), more: listTexts.moreUnits },
    { heading: wt.tasksHeading, count: TASK_KEYS.length, entry: (i) => taskLine(TASK_KEYS[i]!, fresh, prefix), more: listTexts.moreItems },
    { heading: wt.deadlinesHeading, count: data.deadlines.length, entry: (i) => wt.deadlineLine(data.deadlines[i]!), more: listTexts.moreItems },
  ];
  const [domains, tasks, deadlines] = shareRoom(roomLeft(roomFor("message"), [...top, ...bottom]), lists);
  const blocks: KnownBlock[] = [...top, ...domains!.blocks, ...tasks!.blocks, ...deadlines!.blocks, ...bottom];
  return message(wt.fallback(fresh.map((u) => u.name)), blocks);
}

export interface DeadlineNoticeData {
  deadline: DeadlineRecord;
  from: Date;
  /** The person's units with unfinished work under the deadline, and those items. */
  work: { unit: UnitRecord; items: ItemRecord[] }[];
  /** The person has several units: commands name one. */
  severalUnits: boolean;
}

export function buildDeadlineNotice(data: DeadlineNoticeData): SlackMessage {
  const work = data.work.map((w) => ({ unit: w.unit, open: w.items.filter((i) => !isFinished(i.state)) }));
  const first = data.work[0];
  const prefix = data.severalUnits && first ? `${first.unit.name} ` : "";
  const open = first?.items.find((i) => !isFinished(i.state));
  const example = first && open ? finishCommand(open, first.unit, prefix) : `/shutdown ${prefix}状态`;
  const top = [header(dt.header), section(dt.moved(data.deadline.title, data.from, data.deadline.dueAt))];
  const foot = [context(dt.footer(example, prefix))];
  const units = shareRoom(roomLeft(roomFor("message"), [...top, ...foot]), [
    { count: work.length, entry: (i) => dt.unitLine(work[i]!.unit.name, work[i]!.open.map(itemLabel)), more: listTexts.moreUnits },
  ])[0]!;
  return message(dt.fallback(data.deadline.title, data.deadline.dueAt), [...top, ...units.blocks, ...foot]);
}

export function buildUnitDoneMessage(unit: Pick<UnitRecord, "name">, done: number, total: number): SlackMessage {
  const line = unitDoneTexts.line(unit.name, done, total);
  return message(line, [section(line)]);
}
