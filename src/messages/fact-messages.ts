// What the system says when a unit's facts decide its items. Chinese.
import type { DrivingFact, FactOutcome, FactReason, KeptByHand } from "../domain/fact-rules.ts";
import { STATE_LABEL, TASK_LABEL } from "./command-messages.ts";

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

export const factTexts = {
  madeNa: (task: string) => `「${task}」已改为不适用。`,
  reopened: (task: string) => `「${task}」已重新打开（未开始），请按时办理。`,
  /** `mention`: false where Slack mentions are not shown (the command line). */
  keptByHand: (k: KeptByHand, prefix: string, mention = true) => {
    const id = k.item.updatedBy ?? "";
    const by = /^[UW][A-Z0-9]{2,}$/.test(id) ? (mention ? `<@${id}>` : id) : id.startsWith("cli:") ? `命令行（${id.slice(4)}）` : "有人";
    const label = TASK_LABEL[k.item.task];
    const state = STATE_LABEL[k.item.state];
    return k.wanted === "na"
      ? `「${label}」是${by}报告的「${state}」，没有自动改为不适用。如果确实不需要，请输入：/shutdown ${prefix}na ${k.item.task} ${FACT_WORDS[k.reason.fact].naNote}`
      : `「${label}」是${by}报告的「不适用」，没有自动重新打开。如果需要办理，请输入：/shutdown ${prefix}todo ${k.item.task}`;
  },
};

/** The lines a reply adds after a fact changed: what the system did, what it left and why. */
export function factEffectNotes(outcome: FactOutcome, prefix: string): string[] {
  return [
    ...outcome.changes.map((c) => (c.state === "na" ? factTexts.madeNa(TASK_LABEL[c.item.task]) : factTexts.reopened(TASK_LABEL[c.item.task]))),
    ...outcome.kept.map((k) => factTexts.keptByHand(k, prefix)),
  ];
}
