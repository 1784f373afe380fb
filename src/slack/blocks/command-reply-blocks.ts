// Every /shutdown reply, from the command's result. Pure: data in, Block Kit out.
import type { CommandResult } from "../../app/command-result.ts";
import { formatDateTime } from "../../domain/calendar.ts";
import type { AuditRecord, ContactRecord, UnitRecord } from "../../domain/model.ts";
import {
  HELP_COORDINATOR_EXAMPLES,
  HELP_EXAMPLES,
  STATE_LABEL,
  STATE_WORDS_HELP,
  TASK_LABEL,
  TASK_WORDS_HELP,
  USAGE_LINE,
} from "../../messages/command-messages.ts";
import { dueText, itemLabel, itemStateText } from "../../messages/item-messages.ts";
import { listTexts } from "../../messages/list-messages.ts";
import { clipPlain, code, joinMd, md, mention, type Mrkdwn } from "../../messages/mrkdwn.ts";
import { accessMessages } from "../../messages/result-messages.ts";
import { NOTE_MAX_LENGTH } from "../../domain/text-limits.ts";
import { context, divider, fields, header, message, section, type KnownBlock, type SlackMessage } from "./block-kit.ts";
import { fitTextList, roomFor, roomLeft } from "./message-budget.ts";
import { overviewMessage } from "./overview-blocks.ts";
import { checklistBlocks, fittedChecklist, manyStatusMessage, statusBlocks, statusMessage } from "./status-blocks.ts";

const yesNoUnknown = (v: boolean | null, yes: string, no: string) => (v === null ? "未知" : v ? yes : no);

function helpMessage(isCoordinator: boolean, registered: boolean): SlackMessage {
  const lines = (rows: readonly (readonly [string, string])[]) => joinMd(rows.map(([cmd, what]) => md`${code(cmd)}　${what}`), "\n");
  const blocks = [
    header("/shutdown 用法"),
    section(lines(HELP_EXAMPLES)),
    context(TASK_WORDS_HELP, STATE_WORDS_HELP),
  ];
  if (isCoordinator) blocks.push(divider(), section(md`*协调员*\n${lines(HELP_COORDINATOR_EXAMPLES)}`));
  if (!registered) blocks.push(divider(), section(accessMessages.notRegistered));
  return message(USAGE_LINE, blocks);
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

function auditLine(a: AuditRecord): Mrkdwn {
  const what = a.itemKey ? a.itemKey.split("/").slice(1).join(" ") : a.subject ? `${a.field} ${a.subject}` : a.field;
  const value = (v: string | null) => (v === null ? "—" : a.field === "state" && v in STATE_LABEL ? STATE_LABEL[v as keyof typeof STATE_LABEL] : v);
  const actor = /^[UW][A-Z0-9]+$/.test(a.actor) ? mention(a.actor) : md`${a.actor}`;
  // NOTE: a note is at most NOTE_MAX_LENGTH; the trail shows enough of it to recognise it.
  const note = a.note ? `（${clipPlain(a.note, Math.min(NOTE_MAX_LENGTH, 200))}）` : "";
  return md`${formatDateTime(a.at)} ${actor}：${what} ${value(a.fromValue)} → ${value(a.toValue)}${note}`;
}

function unitDetailMessage(result: Extract<CommandResult, { kind: "unit-detail" }>): SlackMessage {
  const { unit } = result;
  const top = [header(`${unit.name}（${unit.key}）`), fields(factLines(unit)), divider()];
  const audit = (room: ReturnType<typeof roomFor>) =>
    fitTextList(
      {
        heading: "*最近 10 条记录*",
        count: Math.max(1, result.audit.length),
        entry: (i) => (result.audit.length ? auditLine(result.audit[i]!) : "（暂无记录）"),
        more: listTexts.moreItems,
      },
      room,
    ).blocks;
  const blocks = fittedChecklist(roomFor("message"), (noteMax) => {
    const checklist = [...top, ...checklistBlocks(unit, result.items, result.deadlines, result.now, { noteMax }), divider()];
    return [...checklist, ...audit(roomLeft(roomFor("message"), checklist))];
  });
  return message(`${unit.name} 详情`, blocks);
}

export function renderCommandResult(result: CommandResult): SlackMessage {
  switch (result.kind) {
    case "help":
      return helpMessage(result.isCoordinator, result.registered);
    case "not-registered":
      return message(accessMessages.notRegistered, [section(accessMessages.notRegistered)]);
    case "status":
      return statusMessage(result.unit, result.items, result.deadlines, result.now);
    case "status-many":
      return manyStatusMessage(result.units, result.deadlines, result.now);
    case "reported": {
      const { unit, item, from } = result;
      const head = `已记录：${unit.name}「${itemLabel(item)}」${STATE_LABEL[from]} → ${itemStateText(item)}${item.note ? `（${item.note}）` : ""}`;
      const top = [section(`✅ ${head}`), ...result.warnings.map((w) => context(`⚠️ ${w}`)), divider()];
      const status = statusBlocks(unit, result.items, result.deadlines, result.now, roomLeft(roomFor("message"), top));
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
      return message(result.text, [section(md`✅ ${result.text}`)]);
    case "unchanged":
      return message(result.text, [section(md`ℹ️ ${result.text}`)]);
    case "error": {
      const text = result.hint ? `${result.message}\n${result.hint}` : result.message;
      const blocks = [section(`⚠️ ${result.message}`)];
      if (result.hint) blocks.push(context(result.hint));
      return message(text, blocks);
    }
  }
}
