// Keywords of the /shutdown grammar, English and Chinese, as people actually type them.
import type { DomainMethod, ItemState, TaskKey } from "../model/tasks.ts";
import { keywordOf } from "./normalize-text.ts";

export const TASK_ALIASES: Record<TaskKey, readonly string[]> = {
  column: ["column", "栏目", "过渡栏目", "过渡栏目上线", "栏目上线"],
  backup: ["backup", "备份", "迁移", "数据备份", "数据迁移", "数据备份/迁移", "备份迁移"],
  site: ["site", "关停", "网站", "网站关停", "关站", "原网站"],
  unbind: ["unbind", "解绑", "解除绑定", "域名解绑", "取消绑定"],
  domain: ["domain", "域名", "域名注销"],
  icp: ["icp", "备案", "备案注销", "icp备案", "备案号注销"],
  ipicp: ["ipicp", "ip备案", "ip地址备案"],
};

/** A waiting report: in progress, with the date it is expected to be finished (附件2 七). */
export const WAITING_WORDS = ["waiting", "wait", "等待", "等待中", "等候"];

export const STATE_ALIASES: Record<ItemState, readonly string[]> = {
  todo: ["todo", "未开始", "还没开始", "没开始", "待办"],
  doing: ["doing", "进行中", "正在办", "办理中", "处理中", "在办"],
  done: ["done", "完成", "已完成", "完成了", "做完了", "办完了", "已办结", "办结", "已办完", "好了"],
  blocked: ["blocked", "受阻", "遇到问题", "有问题", "卡住了"],
  na: ["na", "n/a", "不适用", "无需办理", "不涉及"],
};

/**
 * Words that say both what was done and to which task: 「已关停」 is 网站关停 done. Typed alone,
 * after a task (「域名 已注销」) or glued to one (「网站已关停」).
 */
export interface PhraseMeaning {
  state: ItemState;
  /** The task the word implies; absent when it needs one named (「已注销」: 域名 or 备案). */
  task?: TaskKey;
  /** Tasks the word can go with; others make it a contradiction. */
  tasks?: readonly TaskKey[];
  method?: DomainMethod;
  /** Kept as the note when the person wrote none. */
  note?: string;
}

export const PHRASES: Record<string, PhraseMeaning> = {
  已关停: { state: "done", task: "site" },
  关停了: { state: "done", task: "site" },
  已关闭: { state: "done", task: "site" },
  已彻底关停: { state: "done", task: "site" },
  已上线: { state: "done", task: "column" },
  上线了: { state: "done", task: "column" },
  已开通: { state: "done", task: "column" },
  已解绑: { state: "done", task: "unbind" },
  已解除绑定: { state: "done", task: "unbind" },
  已备份: { state: "done", task: "backup" },
  已迁移: { state: "done", task: "backup" },
  无需迁移: { state: "na", task: "backup", note: "无需迁移" },
  不需要迁移: { state: "na", task: "backup", note: "无需迁移" },
  不用迁移: { state: "na", task: "backup", note: "无需迁移" },
  没有数据需要迁移: { state: "na", task: "backup", note: "没有数据需要迁移" },
  无数据迁移: { state: "na", task: "backup", note: "没有数据需要迁移" },
  已删除解析: { state: "done", task: "domain", method: "dns_removed" },
  解析已删除: { state: "done", task: "domain", method: "dns_removed" },
  已注销: { state: "done", tasks: ["domain", "icp", "ipicp"] },
  注销了: { state: "done", tasks: ["domain", "icp", "ipicp"] },
  提交: { state: "doing", task: "icp", tasks: ["icp", "ipicp", "domain"], note: "已提交注销申请" },
  已提交: { state: "doing", task: "icp", tasks: ["icp", "ipicp", "domain"], note: "已提交注销申请" },
  已送交: { state: "doing", task: "icp", tasks: ["icp"], note: "已提交注销申请" },
};

export const COMMAND_ALIASES = {
  help: ["help", "帮助", "?", "？", "怎么用", "用法", "说明", "使用说明", "如何使用", "怎么办", "命令"],
  status: ["status", "状态", "进度", "清单", "查看", "查询", "情况"],
  set: ["set", "设置", "登记"],
  assign: ["assign", "指派", "添加联系人"],
  unassign: ["unassign", "取消指派", "移除联系人"],
  overview: ["overview", "总览"],
  unit: ["unit", "单位", "单位详情"],
  deadlines: ["deadlines", "截止时间", "期限"],
  deadline: ["deadline", "截止", "修改截止"],
  coordinator: ["coordinator", "协调员"],
  digest: ["digest", "简报", "日报"],
  export: ["export", "导出"],
  form: ["form", "表单"],
  join: ["join", "加入", "申请加入"],
  "icp-form": ["icpform", "申请表", "附件4", "附件四", "注销申请表", "备案注销申请表"],
  forms: ["forms", "申请表汇总", "汇总申请表", "申请表列表"],
  verify: ["verify", "核查", "核实"],
  accept: ["accept", "认可", "认定"],
} as const;
export type CommandWord = keyof typeof COMMAND_ALIASES;

export const SET_FIELDS = {
  provider: ["provider", "接入商", "接入服务商", "服务商"],
  icp: ["icp", "备案号"],
  secondlevel: ["secondlevel", "二级域名", "二级域名系统"],
  migrate: ["migrate", "迁移", "数据迁移"],
  phone: ["phone", "电话", "手机"],
  email: ["email", "邮箱", "电子邮箱"],
  sponsor: ["sponsor", "主办单位", "主办单位名称"],
  reason: ["reason", "注销原因", "备案注销原因", "原因"],
} as const;
export type SetField = keyof typeof SET_FIELDS;

export const PROVIDER_VALUES = { local: ["local", "本地电信", "本地", "电信", "区电信"], other: ["other", "其他"] } as const;
export const DNS_WORDS = ["dns", "解析", "删除解析", "已删除解析"];
export const CANCELLED_WORDS = ["cancel", "cancelled", "注销", "已注销"];
export const ADD_WORDS = ["add", "添加"];
export const REMOVE_WORDS = ["remove", "删除", "移除"];
export const PREVIEW_WORDS = ["preview", "预览"];
export const CSV_WORDS = ["csv"];
export const FILE_WORDS = ["file", "文件", "打印", "合并"];

/** Steps of the center's path that are not item states: 已送达, 已受理, 已提交管局, 待提交. */
export const FILING_STEP_WORDS: Record<"pending" | "delivered" | "received" | "filed", readonly string[]> = {
  pending: ["pending", "待提交", "未提交", "退回"],
  delivered: ["delivered", "已送达", "送达", "已送", "已交", "已交表"],
  received: ["received", "已受理", "受理", "中心已受理", "已收到", "收到"],
  filed: ["filed", "已提交管局", "提交管局", "已报管局", "报管局"],
};
export const filingStepWordOf = (word: string) => lookup(FILING_STEP_WORDS as Record<keyof typeof FILING_STEP_WORDS, readonly string[]>, word);

function lookup<K extends string>(table: Record<K, readonly string[]>, word: string): K | undefined {
  const w = keywordOf(word);
  return (Object.keys(table) as K[]).find((k) => table[k].includes(w));
}

export const taskOf = (word: string) => lookup(TASK_ALIASES, word);
export const stateOf = (word: string) => lookup(STATE_ALIASES, word);
export const commandOf = (word: string) => lookup(COMMAND_ALIASES as Record<CommandWord, readonly string[]>, word);
export const setFieldOf = (word: string) => lookup(SET_FIELDS as Record<SetField, readonly string[]>, word);
export const providerOf = (word: string) => lookup(PROVIDER_VALUES as Record<"local" | "other", readonly string[]>, word);
export const phraseOf = (word: string): PhraseMeaning | undefined => PHRASES[keywordOf(word)];
export const isWaitingWord = (word: string) => WAITING_WORDS.includes(keywordOf(word));

/** Every keyword a person might have meant, for "did you mean" suggestions. */
export const ALL_KEYWORDS: readonly string[] = [
  ...Object.values(COMMAND_ALIASES).flat(),
  ...Object.values(STATE_ALIASES).flat(),
  ...WAITING_WORDS,
  ...Object.keys(PHRASES),
  ...Object.values(FILING_STEP_WORDS).flat(),
];

export const TASK_WORDS: readonly string[] = Object.values(TASK_ALIASES).flat();

/** Any word that can stand first, or glued to another, in a report. */
export function isReportWord(word: string): boolean {
  return Boolean(taskOf(word) || stateOf(word) || phraseOf(word) || isWaitingWord(word));
}
