// The verification's DMs and the reply of `/shutdown verify`: pure functions of plain data.
import type { ItemRecord } from "../../domain/model/records.ts";
import type { VerifiedTask } from "../../domain/model/verification.ts";
import { itemLabel } from "../../messages/item-messages.ts";
import { md } from "../../messages/mrkdwn.ts";
import { CONFIRM_BUTTON, verificationDmTexts as T, verificationLine, verifyReplyTexts as R } from "../../messages/verification-messages.ts";
import { context, header, mrkdwn, plainText, section, type KnownBlock } from "./block-kit.ts";
import { actionsBlockId, itemBlockId, itemLine, ITEM_ACTION } from "./item-buttons.ts";
import { keepWithinBudget } from "./message-budget.ts";
import { message, type SlackMessage } from "./slack-message.ts";
import { SLACK_LIMITS } from "./slack-limits.ts";
import type { VerificationRunReport } from "../../verification/run-report.ts";

/** Reported done, the probes say otherwise: the evidence and what to do. */
export function contradictedMessage(unitName: string, item: ItemRecord): SlackMessage {
  const v = item.verification!;
  const blocks: KnownBlock[] = [
    header(T.contradictedHeader),
    section(md`${T.contradicted(unitName, itemLabel(item))}\n> ${v.summary ?? ""}`),
    ...(v.advice ? [section(T.whatToDo(v.advice))] : []),
    context(T.contradictedFoot),
  ];
  return message(T.fallbackContradicted(unitName, itemLabel(item)), blocks);
}

/** The probes find it done, nobody reported it: asks the contact to confirm, with one button. */
export function confirmMessage(unitName: string, item: ItemRecord & { task: VerifiedTask }): SlackMessage {
  // NOTE: the item's own block ids and the done button's action: a click updates this message in place.
  const blocks: KnownBlock[] = [
    header(T.confirmHeader),
    section(md`${T.confirm(unitName, itemLabel(item))}\n> ${item.verification?.summary ?? ""}`),
    // NOTE: the state alone here; the evidence is quoted just above.
    { type: "section", block_id: itemBlockId(item.key), text: mrkdwn(itemLine({ ...item, verification: null })) },
    {
      type: "actions",
      block_id: actionsBlockId(item.key),
      elements: [{ type: "button", action_id: ITEM_ACTION.done, text: plainText(CONFIRM_BUTTON[item.task]), style: "primary", value: item.key }],
    },
    context(T.confirmAsk),
  ];
  return message(T.fallbackConfirm(unitName, itemLabel(item)), blocks);
}

/** Lines in sections of at most Slack's 3,000 characters. */
function sections(lines: readonly string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current = "";
  for (const line of lines) {
    const clipped = line.length > SLACK_LIMITS.text - 10 ? `${line.slice(0, SLACK_LIMITS.text - 11)}…` : line;
    if (current && current.length + clipped.length + 1 > SLACK_LIMITS.text - 10) {
      blocks.push(section(current));
      current = "";
    }
    current = current ? `${current}\n${clipped}` : clipped;
  }
  if (current) blocks.push(section(current));
  return blocks;
}

/** Notes (备案号 filled or differing) shown in a reply; the rest are in the audit trail. */
const MAX_NOTES = 6;

/** `/shutdown verify`: per domain its verdicts and, for a unit or a domain, every question asked. */
export function verifyReplyMessage(report: VerificationRunReport, scope: string): SlackMessage {
  const detailed = report.domains.length <= 3;
  const head: KnownBlock[] = [header(R.header(scope, report.at)), section(R.counts(report.counts))];
  if (report.offline) head.push(section(R.offline));
  const shown = report.notes.length > MAX_NOTES ? [...report.notes.slice(0, MAX_NOTES - 1), R.moreNotes(report.notes.length - MAX_NOTES + 1)] : report.notes;
  const notes = shown.length > 0 ? [context(...chunk(shown))] : [];
  // NOTE: a unit or a domain in full, with every question asked; a pass over many, a domain a line.
  const body = detailed
    ? report.domains.flatMap((d) => {
        const lines = [R.domainHead(d.domain, d.unitName), ...d.tasks.map((t) => R.task(t.task, t.verification, t.summary, t.reportedDone))];
        const evidence = d.evidence.map((e) => R.evidence(e.probe, e.asked, e.of, e.answer, e.elapsedMs));
        return [...sections(lines), ...(evidence.length > 0 ? [context(...chunk(evidence))] : [])];
      })
    : sections(report.domains.map((d) => R.domainLine(d.domain, d.unitName, d.tasks, d.summary)));
  const blocks = keepWithinBudget([...head, ...notes, ...body], "message");
  return message(`${R.header(scope, report.at)}：${R.counts(report.counts)}`, blocks);
}

/** Context elements of at most 10 texts each under 3,000 characters. */
function chunk(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const line of lines) {
    if (current && current.length + line.length + 1 > 2_900) {
      out.push(current);
      current = "";
    }
    current = current ? `${current}\n${line}` : line.slice(0, 2_900);
  }
  if (current) out.push(current);
  return out.slice(0, 10);
}

export { verificationLine };
