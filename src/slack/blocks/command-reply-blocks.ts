// Every /shutdown reply, from the command's result. Pure: data in, Block Kit out.
import type { CommandResult } from "../../app/command-result.ts";
import { formatDateTime } from "../../domain/calendar.ts";
import type { AuditRecord, UnitRecord } from "../../domain/model.ts";
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
import { accessMessages } from "../../messages/result-messages.ts";
import { context, divider, fields, header, message, section, sectionsOf, type KnownBlock, type SlackMessage } from "./block-kit.ts";
import { overviewMessage } from "./overview-blocks.ts";
import { checklistBlocks, statusMessage } from "./status-blocks.ts";

const yesNoUnknown = (v: boolean | null, yes: string, no: string) => (v === null ? "未知" : v ? yes : no);

/** Help for people: examples in the words they use, with their unit in front when they must name it. */
function helpMessage(result: Extract<CommandResult, { kind: "help" }>): SlackMessage {
  const prefix = result.units.length > 1 ? `${result.units[0]} ` : "";
  const lines = (rows: readonly HelpExample[], unitFirst: boolean) =>
    rows.map(([cmd, what]) => `\`/shutdown ${unitFirst ? prefix : ""}${cmd}\`　${what}`).join("\n");
  const blocks = [
    header(HELP_TEXTS.title),
    section(`${HELP_TEXTS.report}\n${lines(HELP_REPORT_EXAMPLES, true)}`),
    section(`${HELP_TEXTS.view}\n${lines(HELP_VIEW_EXAMPLES, true)}`),
    section(`${HELP_TEXTS.facts}\n${lines(HELP_FACT_EXAMPLES, true)}`),
    context(HELP_GRAMMAR, HELP_TEXTS.words, ...(prefix ? [HELP_TEXTS.severalUnits(result.units)] : [])),
  ];
  if (result.isCoordinator) blocks.push(divider(), section(`${HELP_TEXTS.coordinator}\n${lines(HELP_COORDINATOR_EXAMPLES(result.year), false)}`));
  if (!result.registered) blocks.push(divider(), section(accessMessages.notRegistered));
  return message(HELP_TEXTS.fallback, blocks);
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

/** What the system did along with a change, or left as a person reported it. */
function noteBlocks(notes: readonly string[] | undefined): KnownBlock[] {
  return notes && notes.length > 0 ? [section(notes.map((n) => `• ${n}`).join("\n"))] : [];
}

export function renderCommandResult(result: CommandResult): SlackMessage {
  switch (result.kind) {
    case "help":
      return helpMessage(result);
    case "not-registered":
      return message(accessMessages.notRegistered, [section(accessMessages.notRegistered)]);
    case "status":
      return statusMessage(result.unit, result.items, result.deadlines, result.now, result.prefix);
    case "reported": {
      const { unit, item, from } = result;
      const state = itemStateText(item);
      // NOTE: 「⏳ 等待中（预计 7月10日）」 already ends in a bracket; a second one reads badly.
      const note = item.note ? (state.endsWith("）") ? `，${item.note}` : `（${item.note}）`) : "";
      const head = `已记录：${unit.name}「${itemLabel(item)}」${STATE_LABEL[from]} → ${state}${note}`;
      const status = statusMessage(unit, result.items, result.deadlines, result.now, result.prefix);
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
        // A coordinator names the unit in every command.
        ...checklistBlocks(unit, result.items, result.deadlines, result.now, { prefix: `${unit.name} ` }),
        divider(),
        section("*最近 10 条记录*"),
        ...sectionsOf(result.audit.length ? result.audit.map((a) => auditLine(a, result.items, result.names)) : ["（暂无记录）"]),
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
      return message([result.text, ...(result.notes ?? [])].join("\n"), [section(`✅ ${result.text}`), ...noteBlocks(result.notes)]);
    case "unchanged":
      return message([result.text, ...(result.notes ?? [])].join("\n"), [section(`ℹ️ ${result.text}`), ...noteBlocks(result.notes)]);
    case "error": {
      const text = result.hint ? `${result.message}\n${result.hint}` : result.message;
      const blocks = [section(`⚠️ ${result.message}`)];
      if (result.hint) blocks.push(context(result.hint));
      return message(text, blocks);
    }
  }
}
