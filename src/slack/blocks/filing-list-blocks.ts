// `/shutdown forms`: the ICP filings whose cancellation the center files, by step, each with the
// buttons of the center's steps still ahead; the rest of the filings counted. Pure.
import { CENTER_STEPS, type CenterStep } from "../../domain/model/icp-steps.ts";
import { filingListTexts as T } from "../../messages/icp-filing-messages.ts";
import { joinMd, type Mrkdwn } from "../../messages/mrkdwn.ts";
import type { FilingRow } from "../../use-cases/command-result.ts";
import { context, header, plainText, section, MAX_BLOCKS, type KnownBlock } from "./block-kit.ts";
import { message, type SlackMessage } from "./slack-message.ts";

export const FILING_STEP_ACTION = "icp_step";

/** The button's value: the filing's item and the step it records. */
export const filingStepValue = (itemKey: string, step: CenterStep) => `${itemKey}|${step}`;

export function readFilingStepValue(value: string): { itemKey: string; step: CenterStep } | null {
  const [itemKey, step] = value.split("|");
  return itemKey && (CENTER_STEPS as readonly string[]).includes(step ?? "") ? { itemKey, step: step as CenterStep } : null;
}

const BUTTON_STEPS: readonly CenterStep[] = ["received", "filed", "done"];

function rowText(row: FilingRow): Mrkdwn {
  return T.row(row.unitName, row.number, row.domains, row.step, row.stepAt, row.stepBy);
}

function rowBlocks(row: FilingRow): KnownBlock[] {
  const at = row.step.route === "center" ? CENTER_STEPS.indexOf(row.step.step) : 0;
  const ahead = BUTTON_STEPS.filter((s) => CENTER_STEPS.indexOf(s) > at);
  return [
    section(rowText(row)),
    {
      type: "actions",
      block_id: `filing:${row.itemKey}`,
      elements: ahead.map((s) => ({
        type: "button" as const,
        action_id: `${FILING_STEP_ACTION}:${s}`,
        text: plainText(T.button[s as "received" | "filed" | "done"]),
        value: filingStepValue(row.itemKey, s),
        ...(s === "done" ? { style: "primary" as const } : {}),
      })),
    },
  ];
}

/** `notice`: the reply to a button in the list, shown above the list it redraws. */
export function filingListMessage(rows: readonly FilingRow[], now: Date, notice?: SlackMessage): SlackMessage {
  const center = rows.filter((r) => r.step.route === "center");
  const counts = CENTER_STEPS.map((s) => ({ step: s, count: center.filter((r) => r.step.route === "center" && r.step.step === s).length }));
  const others = rows.filter((r) => r.step.route !== "center");
  const open = center.filter((r) => r.step.route === "center" && r.step.step !== "done");
  // The center's queue first: forms handed in, then received, then filed; the forms not handed in last.
  const order: CenterStep[] = ["delivered", "received", "filed", "pending"];
  open.sort((a, b) => order.indexOf((a.step as { step: CenterStep }).step) - order.indexOf((b.step as { step: CenterStep }).step));
  const blocks: KnownBlock[] = [header(T.title(center.length)), ...((notice?.blocks ?? []) as KnownBlock[]), section(T.counts(counts)), context(T.path)];
  const room = Math.floor((MAX_BLOCKS - blocks.length - 2) / 2);
  for (const row of open.slice(0, room)) blocks.push(...rowBlocks(row));
  if (open.length > room) blocks.push(context(T.more(open.length - room)));
  const done = center.filter((r) => r.step.route === "center" && r.step.step === "done");
  const tail = [...(done.length > 0 ? [T.done(done.map((r) => r.unitName))] : []), ...(others.length > 0 ? [T.others(others.length)] : [])];
  if (tail.length > 0) blocks.push(context(...tail));
  const text = joinMd([...(notice ? [notice.text] : []), T.title(center.length), T.counts(counts), ...open.map((r) => rowText(r))], "\n");
  return message(text, blocks);
}
