// What the system says when a unit's facts decide its items. Chinese.
import type { DrivingFact, FactOutcome, FactReason, KeptByHand } from "../domain/fact-rules.ts";
import { STATE_LABEL, TASK_LABEL } from "./command-messages.ts";
import { md, mention, type Mrkdwn, type MrkdwnLike } from "./mrkdwn.ts";

const FACT_WORDS: Record<DrivingFact, { yes: string; no: string; unknown: string; naNote: string }> = {
  secondLevel: { yes: "有二级域名系统", no: "没有二级域名系统", unknown: "是否有二级域名系统未知", naNote: "没有二级域名系统" },
  migrateData: { yes: "有数据需要迁移", no: "没有数据需要迁移", unknown: "是否有数据需要迁移未知", naNote: "没有数据需要迁移" },
};

/** The reason kept with a change the system made: "单位情况：没有二级域名系统". */
export function factReasonText(reason: FactReason): string {
  const words = FACT_WORDS[reason.fact];
  return `单位情况：${reason.value === null ? words.unknown : reason.value ? words.yes : words.no}`;
}

/** The note an item made 不适用 by a fact keeps: "没有二级域名系统". */
export function factNote(fact: DrivingFact): string {
  return FACT_WORDS[fact].naNote;
}

/** 「…」是 <who> 报告的…: the sentence around the person who reported the item. */
function keptByHandAround(k: KeptByHand, prefix: string): [before: string, after: string] {
  const label = TASK_LABEL[k.item.task];
  const state = STATE_LABEL[k.item.state];
  return k.wanted === "na"
    ? [`「${label}」是`, `报告的「${state}」，没有自动改为不适用。如果确实不需要，请输入：/shutdown ${prefix}na ${k.item.task} ${FACT_WORDS[k.reason.fact].naNote}`]
    : [`「${label}」是`, `报告的「不适用」，没有自动重新打开。如果需要办理，请输入：/shutdown ${prefix}todo ${k.item.task}`];
}

const isSlackUser = (id: string) => /^[UW][A-Z0-9]{2,}$/.test(id);
const cliOrSomeone = (id: string) => (id.startsWith("cli:") ? `命令行（${id.slice(4)}）` : "有人");

export const factTexts = {
  madeNa: (task: string) => `「${task}」已改为不适用。`,
  reopened: (task: string) => `「${task}」已重新打开（未开始），请按时办理。`,
  /** In Slack: the person who reported it is mentioned. */
  keptByHand: (k: KeptByHand, prefix: string): Mrkdwn => {
    const id = k.item.updatedBy ?? "";
    const [before, after] = keptByHandAround(k, prefix);
    return md`${before}${isSlackUser(id) ? mention(id) : cliOrSomeone(id)}${after}`;
  },
  /** On the command line, where mentions are not shown: the Slack id as it is. */
  keptByHandPlain: (k: KeptByHand, prefix: string): string => {
    const id = k.item.updatedBy ?? "";
    const [before, after] = keptByHandAround(k, prefix);
    return `${before}${isSlackUser(id) ? id : cliOrSomeone(id)}${after}`;
  },
};

/** The lines a reply adds after a fact changed: what the system did, what it left and why. */
export function factEffectNotes(outcome: FactOutcome, prefix: string): MrkdwnLike[] {
  return [
    ...outcome.changes.map((c) => (c.state === "na" ? factTexts.madeNa(TASK_LABEL[c.item.task]) : factTexts.reopened(TASK_LABEL[c.item.task]))),
    ...outcome.kept.map((k) => factTexts.keptByHand(k, prefix)),
  ];
}
