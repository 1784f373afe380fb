// The verification's DMs and the reply of `/shutdown verify`: pure functions of plain data.
import type { ItemRecord } from "../../domain/model/records.ts";
import type { VerifiedTask } from "../../domain/model/verification.ts";
import { itemLabel } from "../../messages/item-messages.ts";
import { md } from "../../messages/mrkdwn.ts";
import { CONFIRM_BUTTON, verificationDmTexts as T, verificationLine, verifyReplyTexts as R } from "../../messages/verification-messages.ts";
import { context, header, mrkdwn, plainText, section, type KnownBlock } from "./block-kit.ts";
import { actionsBlockId, itemBlockId, itemLine, ITEM_ACTION } from "./item-buttons.ts";
import { keepWithinBudget, listOfRows, roomFor, roomLeft, shareRoom, type TextList } from "./message-budget.ts";
import { listTexts } from "../../messages/list-messages.ts";
import { message, type SlackMessage } from "./slack-message.ts";
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

/** Notes (备案号 filled or differing) shown in a reply; the rest are in the audit trail. */
const MAX_NOTES = 6;

/**
 * `/shutdown verify`: per domain its verdicts and, for a unit or a domain, every question asked.
 * The lists share the message's room (message-budget.ts): each is cut at an entry, saying how
 * many more there are.
 */
export function verifyReplyMessage(report: VerificationRunReport, scope: string): SlackMessage {
  const detailed = report.domains.length <= 3;
  const head: KnownBlock[] = [header(R.header(scope, report.at)), section(R.counts(report.counts))];
  if (report.offline) head.push(section(R.offline));
  const shown = report.notes.length > MAX_NOTES ? [...report.notes.slice(0, MAX_NOTES - 1), R.moreNotes(report.notes.length - MAX_NOTES + 1)] : report.notes;
  const notes = listOfRows(shown, { as: "context", entry: (note) => note, more: listTexts.moreItems });
  // NOTE: a unit or a domain in full, with every question asked; a pass over many, a domain a line.
  const lists: (TextList | undefined)[] = detailed
    ? report.domains.flatMap((d) => [
        {
          heading: R.domainHead(d.domain, d.unitName),
          count: d.tasks.length,
          entry: (i: number) => {
            const t = d.tasks[i]!;
            return R.task(t.task, t.verification, t.summary, t.reportedDone);
          },
          more: listTexts.moreItems,
        },
        listOfRows(d.evidence, { as: "context", entry: (e) => R.evidence(e.probe, e.asked, e.of, e.answer, e.elapsedMs), more: listTexts.moreItems }),
      ])
    : [listOfRows(report.domains, { entry: (d) => R.domainLine(d.domain, d.unitName, d.tasks, d.summary), more: listTexts.moreItems })];
  const all = [notes, ...lists].filter((l): l is TextList => l !== undefined);
  const body = shareRoom(roomLeft(roomFor("message"), head), all).flatMap((f) => f.blocks);
  return message(`${R.header(scope, report.at)}：${R.counts(report.counts)}`, keepWithinBudget([...head, ...body], "message"));
}

export { verificationLine };
