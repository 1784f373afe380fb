// Every /shutdown reply, from the command's result. Pure: data in, Block Kit out.
import type { CommandResult } from "../../use-cases/command-result.ts";
import type { ContactRecord, DeadlineRecord } from "../../domain/model/records.ts";
import { HELP_COORDINATOR_EXAMPLES, HELP_FACT_EXAMPLES, HELP_GRAMMAR, HELP_REPORT_EXAMPLES, HELP_TEXTS, HELP_VIEW_EXAMPLES, STATE_LABEL, type HelpExample } from "../../messages/command-messages.ts";
import { auditLine } from "../../messages/audit-messages.ts";
import { dueText, itemLabel, itemStateText } from "../../messages/item-messages.ts";
import { listTexts } from "../../messages/list-messages.ts";
import { clipPlain, code, joinMd, md, mention, toMrkdwn, type Mrkdwn, type MrkdwnLike } from "../../messages/mrkdwn.ts";
import { deadlineListTexts, formOpenedText, reportedTexts, unitDetailTexts } from "../../messages/reply-messages.ts";
import { accessMessages } from "../../messages/result-messages.ts";
import { context, divider, fields, header, section, type KnownBlock } from "./block-kit.ts";
import { message, type SlackMessage } from "./slack-message.ts";
import { fitTextList, roomFor, roomLeft } from "./message-budget.ts";
import { overviewMessage } from "./overview-blocks.ts";
import { filingListMessage } from "./filing-list-blocks.ts";
import { verifyReplyMessage } from "./verification-blocks.ts";
import { checklistBlocks, fittedChecklist, manyStatusMessage, statusBlocks, statusMessage } from "./status-blocks.ts";

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

function unitDetailMessage(result: Extract<CommandResult, { kind: "unit-detail" }>): SlackMessage {
  const { unit } = result;
  const contacts = unit.contacts.length ? joinMd(unit.contacts.map(contactLine), "\n") : null;
  const top = [header(unitDetailTexts.title(unit)), fields(unitDetailTexts.facts(unit, contacts)), divider()];
  const audit = (room: ReturnType<typeof roomFor>) =>
    fitTextList(
      {
        heading: unitDetailTexts.auditHeading,
        count: Math.max(1, result.audit.length),
        entry: (i) => (result.audit.length ? auditLine(result.audit[i]!, result.items, result.names) : unitDetailTexts.noAudit),
        more: listTexts.moreItems,
      },
      room,
    ).blocks;
  const blocks = fittedChecklist(roomFor("message"), (noteMax) => {
    // A coordinator names the unit in every command.
    const checklist = [...top, ...checklistBlocks(unit, result.items, result.deadlines, result.now, { noteMax, prefix: `${unit.name} ` }), divider()];
    return [...checklist, ...audit(roomLeft(roomFor("message"), checklist))];
  });
  return message(unitDetailTexts.fallback(unit.name), blocks);
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
      const head = reportedTexts.head(unit.name, itemLabel(item), STATE_LABEL[from], itemStateText(item), item.note);
      const top = [section(`✅ ${head}`), ...result.warnings.map((w) => context(`⚠️ ${w}`)), divider()];
      const status = statusBlocks(unit, result.items, result.deadlines, result.now, roomLeft(roomFor("message"), top), result.prefix);
      return message([head, ...result.warnings].join("\n"), [...top, ...status.slice(1)]);
    }
    case "overview":
      return overviewMessage(result.snapshot, result.now);
    case "unit-detail":
      return unitDetailMessage(result);
    case "deadlines": {
      const lines = (deadlines: DeadlineRecord[]) => joinMd(deadlines.map((d) => deadlineListTexts.line(d, dueText(d, result.now))), "\n");
      // NOTE: with more than one batch, one section each, the latest first.
      const sections =
        result.batches.length > 1
          ? [...result.batches]
              .sort((a, b) => b.id - a.id)
              .flatMap((b) => {
                const mine = result.deadlines.filter((d) => d.batchId === b.id);
                return mine.length > 0 ? [section(joinMd([deadlineListTexts.batchHeading(b.name, b.closedAt !== null), lines(mine)], "\n"))] : [];
              })
          : [section(lines(result.deadlines))];
      const blocks = [header(deadlineListTexts.title), ...sections, context(deadlineListTexts.howToMove)];
      return message(deadlineListTexts.fallback, blocks);
    }
    case "verification":
      return verifyReplyMessage(result.report, result.scope);
    case "prebuilt":
      return { text: result.message.text, blocks: result.message.blocks as KnownBlock[] };
    case "form":
      return message(formOpenedText(result.unit.name), [section(`📝 ${formOpenedText(result.unit.name)}`)]);
    case "filings":
      return filingListMessage(result.rows, result.now);
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
