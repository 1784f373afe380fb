// Keywords of the /shutdown grammar, English and Chinese.
import type { ItemState, TaskKey } from "../tasks.ts";
import { keywordOf } from "./normalize-text.ts";

export const TASK_ALIASES: Record<TaskKey, readonly string[]> = {
  column: ["column", "栏目", "过渡栏目"],
  backup: ["backup", "备份", "迁移", "数据备份", "数据迁移"],
  site: ["site", "关停", "网站", "网站关停"],
  unbind: ["unbind", "解绑", "解除绑定"],
  domain: ["domain", "域名", "域名注销"],
  icp: ["icp", "备案", "备案注销"],
  ipicp: ["ipicp", "ip备案"],
};

export const STATE_ALIASES: Record<ItemState, readonly string[]> = {
  todo: ["todo", "未开始"],
  doing: ["doing", "进行中"],
  done: ["done", "完成", "已完成"],
  blocked: ["blocked", "受阻", "遇到问题"],
  na: ["na", "n/a", "不适用"],
};

export const COMMAND_ALIASES = {
  help: ["help", "帮助", "?", "？"],
  status: ["status", "状态"],
  set: ["set", "设置"],
  assign: ["assign", "指派", "添加联系人"],
  unassign: ["unassign", "取消指派", "移除联系人"],
  overview: ["overview", "总览"],
  unit: ["unit", "单位"],
  deadlines: ["deadlines", "截止时间", "期限"],
  deadline: ["deadline", "截止", "修改截止"],
  coordinator: ["coordinator", "协调员"],
  digest: ["digest", "简报"],
  export: ["export", "导出"],
  form: ["form", "表单"],
  join: ["join", "加入"],
} as const;
export type CommandWord = keyof typeof COMMAND_ALIASES;

export const SET_FIELDS = {
  provider: ["provider", "接入商", "接入服务商"],
  icp: ["icp", "备案号"],
  secondlevel: ["secondlevel", "二级域名"],
  migrate: ["migrate", "迁移", "数据迁移"],
  phone: ["phone", "电话"],
  email: ["email", "邮箱"],
} as const;
export type SetField = keyof typeof SET_FIELDS;

export const PROVIDER_VALUES = { local: ["local", "本地电信", "本地", "电信"], other: ["other", "其他"] } as const;
export const DNS_WORDS = ["dns", "解析", "删除解析"];
export const CANCELLED_WORDS = ["cancel", "cancelled", "注销"];
export const ADD_WORDS = ["add", "添加"];
export const REMOVE_WORDS = ["remove", "删除", "移除"];
export const PREVIEW_WORDS = ["preview", "预览"];

function lookup<K extends string>(table: Record<K, readonly string[]>, word: string): K | undefined {
  const w = keywordOf(word);
  return (Object.keys(table) as K[]).find((k) => table[k].includes(w));
}

export const taskOf = (word: string) => lookup(TASK_ALIASES, word);
export const stateOf = (word: string) => lookup(STATE_ALIASES, word);
export const commandOf = (word: string) => lookup(COMMAND_ALIASES as Record<CommandWord, readonly string[]>, word);
export const setFieldOf = (word: string) => lookup(SET_FIELDS as Record<SetField, readonly string[]>, word);
export const providerOf = (word: string) => lookup(PROVIDER_VALUES as Record<"local" | "other", readonly string[]>, word);

/** Every keyword a person might have meant, for "did you mean" suggestions. */
export const ALL_KEYWORDS: readonly string[] = [
  ...Object.values(COMMAND_ALIASES).flat(),
  ...Object.values(STATE_ALIASES).flat(),
];
