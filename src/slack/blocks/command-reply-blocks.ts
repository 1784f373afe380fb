// Every /shutdown reply, from the command's result. Pure: data in, Block Kit out.
import type { CommandResult } from "../../app/command-result.ts";
import { formatDateTime } from "../../domain/calendar.ts";
import type { AuditRecord, UnitRecord } from "../../domain/model.ts";
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
import { accessMessages } from "../../messages/result-messages.ts";
import { context, divider, fields, header, message, section, sectionsOf, type KnownBlock, type SlackMessage } from "./block-kit.ts";
import { overviewMessage } from "./overview-blocks.ts";
import { checklistBlocks, statusMessage } from "./status-blocks.ts";

const yesNoUnknown = (v: boolean | null, yes: string, no: string) => (v === null ? "未知" : v ? yes : no);

function helpMessage(isCoordinator: boolean, registered: boolean): SlackMessage {
  const lines = (rows: readonly (readonly [string, string])[]) => rows.map(([cmd, what]) => `\`${cmd}\`　${what}`);
  const blocks = [
    header("/shutdown 用法"),
    section(lines(HELP_EXAMPLES).join("\n")),
    context(TASK_WORDS_HELP, STATE_WORDS_HELP),
  ];
  if (isCoordinator) blocks.push(divider(), section(`*协调员*\n${lines(HELP_COORDINATOR_EXAMPLES).join("\n")}`));
  if (!registered) blocks.push(divider(), section(accessMessages.notRegistered));
  return message(USAGE_LINE, blocks);
}

function factLines(unit: UnitRecord): string[] {
  return [
    `*分组*\n${unit.group === "township" ? "镇、区、街道、管委会（四个子栏目）" : "部门（五个子栏目）"}`,
    `*政府机房*\n${unit.governmentRoom ? "是" : "否"}`,
    `*域名*\n${unit.domains.map((d) => d.name + (d.isSubdomain ? "（二级域名）" : "")).join("\n")}`,
    `*备案号*\n${unit.icpNumber ?? "未登记"}`,
    `*接入服务商*\n${yesNoUnknown(unit.localTelecom, "区电信运营商", "其他")}`,
    `*二级域名系统*\n${yesNoUnknown(unit.secondLevel, "有", "没有")}`,
    `*数据迁移*\n${yesNoUnknown(unit.migrateData, "需要", "不需要")}`,
    `*联系人*\n${unit.contacts.length ? unit.contacts.map((c) => (c.slackUserId ? `<@${c.slackUserId}>` : c.name) + (c.phone ? ` ${c.phone}` : "")).join("\n") : "（无）"}`,
  ];
}

function auditLine(a: AuditRecord): string {
  const what = a.itemKey ? a.itemKey.split("/").slice(1).join(" ") : a.subject ? `${a.field} ${a.subject}` : a.field;
  const value = (v: string | null) => (v === null ? "—" : a.field === "state" && v in STATE_LABEL ? STATE_LABEL[v as keyof typeof STATE_LABEL] : v);
  const actor = /^[UW][A-Z0-9]+$/.test(a.actor) ? `<@${a.actor}>` : a.actor;
  return `${formatDateTime(a.at)} ${actor}：${what} ${value(a.fromValue)} → ${value(a.toValue)}${a.note ? `（${a.note}）` : ""}`;
}

export function renderCommandResult(result: CommandResult): SlackMessage {
  switch (result.kind) {
    case "help":
      return helpMessage(result.isCoordinator, result.registered);
    case "not-registered":
      return message(accessMessages.notRegistered, [section(accessMessages.notRegistered)]);
    case "status":
      return statusMessage(result.unit, result.items, result.deadlines, result.now);
    case "reported": {
      const { unit, item, from } = result;
      const head = `已记录：${unit.name}「${itemLabel(item)}」${STATE_LABEL[from]} → ${itemStateText(item)}${item.note ? `（${item.note}）` : ""}`;
      const status = statusMessage(unit, result.items, result.deadlines, result.now);
      const blocks = [section(`✅ ${head}`), ...result.warnings.map((w) => context(`⚠️ ${w}`)), divider(), ...status.blocks.slice(1)];
      return message(head + (result.warnings.length ? `\n${result.warnings.join("\n")}` : ""), blocks);
    }
    case "overview":
      return overviewMessage(result.snapshot, result.now);
    case "unit-detail": {
      const { unit } = result;
      const blocks = [
        header(`${unit.name}（${unit.key}）`),
        fields(factLines(unit)),
        divider(),
        ...checklistBlocks(unit, result.items, result.deadlines, result.now),
        divider(),
        section("*最近 10 条记录*"),
        ...sectionsOf(result.audit.length ? result.audit.map(auditLine) : ["（暂无记录）"]),
      ];
      return message(`${unit.name} 详情`, blocks);
    }
    case "deadlines": {
      const lines = result.deadlines.map(
        (d) => `*${d.title}*（\`${d.key}\`）　${dueText(d, result.now)}\n　　覆盖：${d.tasks.map((t) => TASK_LABEL[t]).join("、")}${d.updatedBy ? `　（${formatDateTime(d.updatedAt!)} 由 <@${d.updatedBy}> 修改）` : ""}`,
      );
      return message("截止时间", [header("截止时间（北京时间）"), ...sectionsOf(lines), context("修改：/shutdown deadline <key> YYYY-MM-DD[ HH:mm]")]);
    }
    case "prebuilt":
      return message(result.message.text, result.message.blocks as KnownBlock[]);
    case "form":
      return message(`已打开「${result.unit.name}」的清单表单。`, [section(`📝 已打开「${result.unit.name}」的清单表单。`)]);
    case "done":
      return message(result.text, [section(`✅ ${result.text}`)]);
    case "unchanged":
      return message(result.text, [section(`ℹ️ ${result.text}`)]);
    case "error": {
      const text = result.hint ? `${result.message}\n${result.hint}` : result.message;
      const blocks = [section(`⚠️ ${result.message}`)];
      if (result.hint) blocks.push(context(result.hint));
      return message(text, blocks);
    }
  }
}
