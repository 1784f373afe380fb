// Block Kit of the notices: a new contact's welcome, a moved deadline, a unit done. Pure.
import type { DeadlineRecord, ItemRecord, UnitRecord } from "../../domain/model.ts";
import { isFinished, TASK_KEYS, type TaskKey } from "../../domain/tasks.ts";
import { TASK_LABEL, TASK_WHAT } from "../../messages/command-messages.ts";
import { finishCommand, itemLabel, taskWhat } from "../../messages/item-messages.ts";
import { deadlineNoticeTexts as dt, unitDoneTexts, welcomeTexts as wt } from "../../messages/notice-messages.ts";
import { context, header, message, section, type SlackMessage } from "./block-kit.ts";

export interface WelcomeData {
  contactName: string;
  /** Every unit the person is a contact of now, 附件3 order. */
  units: UnitRecord[];
  /** The ones just given to them. */
  newUnitKeys: readonly string[];
  deadlines: readonly DeadlineRecord[];
}

function taskLine(task: TaskKey, units: readonly UnitRecord[], prefix: string): string {
  const groups = new Set(units.map((u) => u.group));
  // NOTE: units of both groups have different sub-columns; each unit's status names its own.
  const what = task === "column" && groups.size > 1 ? TASK_WHAT.column : taskWhat(task, units[0]!, prefix);
  return `• *${TASK_LABEL[task]}*：${what}`;
}

export function buildWelcomeMessage(data: WelcomeData): SlackMessage {
  const names = data.units.map((u) => u.name);
  const fresh = data.units.filter((u) => data.newUnitKeys.includes(u.key));
  const prefix = data.units.length > 1 ? `${fresh[0]?.name ?? names[0]} ` : "";
  const blocks = [
    header(wt.header),
    section(wt.intro(data.contactName, names, fresh.map((u) => u.name))),
    section(fresh.map((u) => wt.unitDomains(u.name, u.domains.map((d) => d.name))).join("\n")),
    section([wt.tasksHeading, ...TASK_KEYS.map((t) => taskLine(t, fresh, prefix))].join("\n")),
    section([wt.deadlinesHeading, ...data.deadlines.map(wt.deadlineLine)].join("\n")),
    section(`${wt.howHeading}\n${wt.how(prefix)}`),
    context(wt.footer),
  ];
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
  const lines = data.work.map((w) => dt.unitLine(w.unit.name, w.items.filter((i) => !isFinished(i.state)).map(itemLabel)));
  const first = data.work[0];
  const prefix = data.severalUnits && first ? `${first.unit.name} ` : "";
  const open = first?.items.find((i) => !isFinished(i.state));
  const example = first && open ? finishCommand(open, first.unit, prefix) : `/shutdown ${prefix}状态`;
  return message(dt.fallback(data.deadline.title, data.deadline.dueAt), [
    header(dt.header),
    section(dt.moved(data.deadline.title, data.from, data.deadline.dueAt)),
    section(lines.join("\n")),
    context(dt.footer(example, prefix)),
  ]);
}

export function buildUnitDoneMessage(unit: Pick<UnitRecord, "name">, done: number, total: number): SlackMessage {
  const line = unitDoneTexts.line(unit.name, done, total);
  return message(line, [section(line)]);
}
