// Every /shutdown reply, from the command's result. Pure: data in, Block Kit out.
import type { CommandResult } from "../../app/command-result.ts";
import { formatDateTime } from "../../domain/calendar.ts";
import type { AuditRecord, ContactRecord, UnitRecord } from "../../domain/model.ts";
import {
  HELP_COORDINATOR_EXAMPLES,
  HELP_FACT_EXAMPLES,
  HELP_GRAMMAR,
  HELP_REPORT_EXAMPLES,
  HELP_TEXTS,
  HELP_VIEW_EXAMPLES,
  STATE_LABEL,
  TASK_LABEL,
  type HelpExample,
} from "../../messages/command-messages.ts";
import { auditLine } from "../../messages/audit-messages.ts";
import { dueText, itemLabel, itemStateText } from "../../messages/item-messages.ts";
import { listTexts } from "../../messages/list-messages.ts";
import { clipPlain, code, joinMd, md, mention, toMrkdwn, type Mrkdwn, type MrkdwnLike } from "../../messages/mrkdwn.ts";
import { accessMessages } from "../../messages/result-messages.ts";
import { NOTE_MAX_LENGTH } from "../../domain/text-limits.ts";
import { context, divider, fields, header, message, section, type KnownBlock, type SlackMessage } from "./block-kit.ts";
import { fitTextList, roomFor, roomLeft } from "./message-budget.ts";
import { overviewMessage } from "./overview-blocks.ts";
import { checklistBlocks, fittedChecklist, manyStatusMessage, statusBlocks, statusMessage } from "./status-blocks.ts";

const yesNoUnknown = (v: boolean | null, yes: string, no: string) => (v === null ? "未知" : v ? yes : no);

/** Help for people: examples in the words they use, with their unit in front when they must name it. */
function helpMessage(result: Extract<CommandResult, { kind: "help" }>): SlackMessage {
  const prefix = result.units.length > 1 ? `${result.units[0]} ` : "";
  const lines = (rows: readonly HelpExample[], unitFirst: boolean) =>
    joinMd(rows.map(([cmd, what]) => md`${code(`/shutdown ${unitFirst ? prefix : ""}${cmd}`)}　${what}`), "\n");
  const blocks = [
    header(HELP_TEXTS.title),
    section(md`${HELP_TEXTS.report}\n${lines(HELP_REPORT_EXAMPLES, true)}`),
    section(md`${HELP_TEXTS.view}\n${lines(HELP_VIEW_EXAMPLES, true)}`),
    section(md`${HELP_TEXTS.facts}\n${lines(HELP_FACT_EXAMPLES, true)}`),
    context(HELP_GRAMMAR, HELP_TEXTS.words, ...(prefix ? [HELP_TEXTS.severalUnits(result.units)] : [])),
  ];
  if (result.isCoordinator) blocks.push(divider(), section(md`${HELP_TEXTS.coordinator}\n${lines(HELP_COORDINATOR_EXAMPLES(result.year), false)}`));
  if (!result.registered) blocks.push(divider(), section(accessMessages.notRegistered));
  return message(HELP_TEXTS.fallback, blocks);
}

function contactLine(c: ContactRecord): Mrkdwn {
  const who = c.slackUserId ? mention(c.slackUserId) : md`${clipPlain(c.name, 40)}`;
  return c.phone ? md`${who} ${c.phone}` : who;
}

function factLines(unit: UnitRecord): Mrkdwn[] {
  return [
    md`*分组*\n${unit.group === "township" ? "镇、区、街道、管委会（四个子栏目）" : "部门（五个子栏目）"}`,
    md`*政府机房*\n${unit.governmentRoom ? "是" : "否"}`,
    md`*域名*\n${unit.domains.map((d) => d.name + (d.isSubdomain ? "（二级域名）" : "")).join("\n")}`,
    md`*备案号*\n${unit.icpNumber ?? "未登记"}`,
    md`*接入服务商*\n${yesNoUnknown(unit.localTelecom, "区电信运营商", "其他")}`,
    md`*二级域名系统*\n${yesNoUnknown(unit.secondLevel, "有", "没有")}`,
    md`*数据迁移*\n${yesNoUnknown(unit.migrateData, "需要", "不需要")}`,
    md`*联系人*\n${unit.contacts.length ? joinMd(unit.contacts.map(contactLine), "\n") : "（无）"}`,
  ];
}

function unitDetailMessage(result: Extract<CommandResult, { kind: "unit-detail" }>): SlackMessage {
  const { unit } = result;
  const top = [header(`${unit.name}（${unit.key}）`), fields(factLines(unit)), divider()];
  const audit = (room: ReturnType<typeof roomFor>) =>
    fitTextList(
      {
        heading: "*最近 10 条记录*",
        count: Math.max(1, result.audit.length),
        entry: (i) => (result.audit.length ? auditLine(result.audit[i]!, result.items, result.names) : "（暂无记录）"),
        more: listTexts.moreItems,
      },
      room,
    ).blocks;
  const blocks = fittedChecklist(roomFor("message"), (noteMax) => {
    // A coordinator names the unit in every command.
    const checklist = [...top, ...checklistBlocks(unit, result.items, result.deadlines, result.now, { noteMax, prefix: `${unit.name} ` }), divider()];
    return [...checklist, ...audit(roomLeft(roomFor("message"), checklist))];
  });
  return message(`${unit.name} 详情`, blocks);
}

/** What the system did along with a change, or left as a person reported it. */
function noteBlocks(notes: readonly MrkdwnLike[] | undefined): KnownBlock[] {
  return notes && notes.length > 0 ? [section(joinMd(notes.map((n) => md`• ${toMrkdwn(n)}`), "\n"))] : [];
}

export function renderCommandResult(result: CommandResult): SlackMessage {
  switch (result.kind) {
    case "help":
      return helpMessage(result);
    case "not-registered":
      return message(accessMessages.notRegistered, [section(accessMessages.notRegistered)]);
    case "status":
      return statusMessage(result.unit, result.items, result.deadlines, result.now, result.prefix);
    case "status-many":
      return manyStatusMessage(result.units, result.deadlines, result.now);
    case "reported": {
      const { unit, item, from } = result;
      const state = itemStateText(item);
      // NOTE: 「⏳ 等待中（预计 7月10日）」 already ends in a bracket; a second one reads badly.
      const note = item.note ? (state.endsWith("）") ? `，${item.note}` : `（${item.note}）`) : "";
      const head = `已记录：${unit.name}「${itemLabel(item)}」${STATE_LABEL[from]} → ${state}${note}`;
      const top = [section(`✅ ${head}`), ...result.warnings.map((w) => context(`⚠️ ${w}`)), divider()];
      const status = statusBlocks(unit, result.items, result.deadlines, result.now, roomLeft(roomFor("message"), top), result.prefix);
      return message([head, ...result.warnings].join("\n"), [...top, ...status.slice(1)]);
    }
    case "overview":
      return overviewMessage(result.snapshot, result.now);
    case "unit-detail":
      return unitDetailMessage(result);
    case "deadlines": {
      const lines = result.deadlines.map(
        (d) =>
          md`*${d.title}*（${code(d.key)}）　${dueText(d, result.now)}\n　　覆盖：${d.tasks.map((t) => TASK_LABEL[t]).join("、")}${
            d.updatedBy ? md`　（${formatDateTime(d.updatedAt!)} 由 ${mention(d.updatedBy)} 修改）` : ""
          }`,
      );
      return message("截止时间", [header("截止时间（北京时间）"), section(joinMd(lines, "\n")), context("修改：/shutdown deadline <key> YYYY-MM-DD[ HH:mm]")]);
    }
    case "prebuilt":
      return { text: result.message.text, blocks: result.message.blocks as KnownBlock[] };
    case "form":
      return message(`已打开「${result.unit.name}」的清单表单。`, [section(`📝 已打开「${result.unit.name}」的清单表单。`)]);
    case "done":
      return message(joinMd([result.text, ...(result.notes ?? [])], "\n"), [section(md`✅ ${toMrkdwn(result.text)}`), ...noteBlocks(result.notes)]);
    case "unchanged":
      return message(joinMd([result.text, ...(result.notes ?? [])], "\n"), [section(md`ℹ️ ${toMrkdwn(result.text)}`), ...noteBlocks(result.notes)]);
    case "error": {
      const text = result.hint ? `${result.message}\n${result.hint}` : result.message;
      const blocks = [section(`⚠️ ${result.message}`)];
      if (result.hint) blocks.push(context(result.hint));
      return message(text, blocks);
    }
  }
}
