// The audit trail as coordinators read it: Chinese labels, people's names, values in words.
import { formatDateTime } from "../domain/model/calendar.ts";
import type { AuditRecord, ItemRecord } from "../domain/model/records.ts";
import { isItemState } from "../domain/model/tasks.ts";
import { METHOD_LABEL, STATE_LABEL } from "./command-messages.ts";
import { formatDayShort } from "./day-format.ts";
import { itemLabel } from "./item-messages.ts";
import { clipPlain, md, mention, type Mrkdwn } from "./mrkdwn.ts";

// NOTE: a note is at most 500 characters; the trail shows enough of it to recognise it.
const AUDIT_NOTE_MAX = 200;

const FACT_LABELS: Record<string, { label: string; yes?: string; no?: string }> = {
  "unit.localTelecom": { label: "接入服务商", yes: "区电信运营商", no: "其他" },
  "unit.secondLevel": { label: "二级域名系统", yes: "有", no: "没有" },
  "unit.migrateData": { label: "数据迁移", yes: "需要", no: "不需要" },
  "unit.icpNumber": { label: "备案号" },
  "unit.sponsorName": { label: "主办单位名称" },
  "contact.phone": { label: "电话" },
  "contact.email": { label: "邮箱" },
  "contact.name": { label: "姓名" },
};

const JOIN_LABEL: Record<string, string> = { pending: "申请中", approved: "已批准", rejected: "已拒绝" };
const SOURCE_LABEL: Record<string, string> = { slash: "命令", button: "按钮", modal: "表单", cli: "命令行", system: "系统" };

/** "王芳 (U0WANG)" as stored → "王芳". */
const personOf = (described: string) => described.replace(/ \([UW][A-Z0-9]+\)$/, "");

/** Who did it: a person's name where it is known, else a mention; the command line; the system. */
export function actorName(actor: string, names: Readonly<Record<string, string>>): Mrkdwn {
  if (/^[UW][A-Z0-9]{2,}$/.test(actor)) return names[actor] !== undefined ? md`${names[actor]}` : mention(actor);
  if (actor.startsWith("cli:")) return md`命令行（${actor.slice(4)}）`;
  return md`${actor === "system" ? "系统" : actor}`;
}

function describe(a: AuditRecord, items: readonly ItemRecord[], names: Readonly<Record<string, string>>): Mrkdwn | string {
  const dash = (v: string | null, words: (v: string) => string = (x) => x) => (v === null || v === "" ? "—" : words(v));
  const arrow = (label: string, words?: (v: string) => string) => `${label}：${dash(a.fromValue, words)} → ${dash(a.toValue, words)}`;
  const item = a.itemKey ? items.find((i) => i.key === a.itemKey) : undefined;
  const what = item ? itemLabel(item) : (a.itemKey ?? "");
  const state = (v: string) => (isItemState(v) ? STATE_LABEL[v] : v);
  switch (a.field) {
    case "state":
      return arrow(what, state);
    case "method":
      return arrow(`${what} 方式`, (v) => METHOD_LABEL[v as keyof typeof METHOD_LABEL] ?? v);
    case "note":
      return arrow(`${what} 备注`, (v) => clipPlain(v, AUDIT_NOTE_MAX));
    case "expectedBy":
      return arrow(`${what} 预计完成`, (v) => formatDayShort(new Date(v)));
    case "contact":
      return a.toValue ? `添加联系人 ${personOf(a.toValue)}` : `移除联系人 ${personOf(a.fromValue ?? "")}`;
    case "join": {
      const who = a.subject ? actorName(a.subject, names) : md``;
      return md`${who} 申请成为联系人：${JOIN_LABEL[a.toValue ?? ""] ?? a.toValue ?? ""}`;
    }
    case "seed":
      return "建立清单";
    case "verification.accepted":
      return `${what} 核查：协调人认可为已完成`;
    default: {
      const fact = FACT_LABELS[a.field];
      if (!fact) return arrow(a.field);
      const words = fact.yes ? (v: string) => (v === "yes" ? fact.yes! : v === "no" ? fact.no! : v) : undefined;
      const whose = a.field.startsWith("contact.") && a.subject ? `${personOf(a.subject)} ` : "";
      return arrow(`${whose}${fact.label}`, words);
    }
  }
}

/** "2027-06-22 09:30 王芳（命令）：过渡栏目：未开始 → 已完成（栏目已上线）" */
export function auditLine(a: AuditRecord, items: readonly ItemRecord[], names: Readonly<Record<string, string>>): Mrkdwn {
  const source = a.source === "system" || a.source === "cli" ? "" : `（${SOURCE_LABEL[a.source] ?? a.source}）`;
  return md`${formatDateTime(a.at)} ${actorName(a.actor, names)}${source}：${describe(a, items, names)}${a.note ? `（${clipPlain(a.note, AUDIT_NOTE_MAX)}）` : ""}`;
}
