// The rules of reporting an item: which item is meant, what may be said of it, what to warn about.
import { msg, STATE_LABEL, TASK_LABEL } from "../messages/command-messages.ts";
import { isTooLong, NOTE_MAX_LENGTH } from "./text-limits.ts";
import { DomainError } from "./errors.ts";
import type { ItemRecord, UnitRecord } from "./model.ts";
import type { DomainMethod, ItemState, TaskKey } from "./tasks.ts";

export interface ReportRequest {
  state: ItemState;
  task: TaskKey;
  domain?: string;
  method?: DomainMethod;
  note?: string;
}

export interface ItemChange {
  item: ItemRecord;
  state: ItemState;
  method: DomainMethod | null;
  note: string | null;
  warnings: string[];
}

function pickItem(unit: UnitRecord, items: readonly ItemRecord[], req: ReportRequest): ItemRecord {
  const ofTask = items.filter((i) => i.task === req.task);
  if (req.task !== "domain") return ofTask[0] ?? missing(unit, req.task);
  const domains = unit.domains.map((d) => d.name);
  if (req.domain) {
    const item = ofTask.find((i) => i.domain === req.domain);
    if (!item) {
      throw new DomainError(
        "unknown_domain",
        `「${req.domain}」不是${unit.name}的域名。${unit.name}的域名：${domains.join("、")}`,
        `例如：/shutdown ${req.state} domain ${domains[0]}`,
      );
    }
    return item;
  }
  if (ofTask.length === 1) return ofTask[0]!;
  throw new DomainError(
    "domain_required",
    `${unit.name}有 ${domains.length} 个域名（${domains.join("、")}），请写明是哪一个。`,
    `例如：/shutdown ${req.state} domain ${domains[0]}${req.method === "dns_removed" ? " dns" : ""}`,
  );
}

function missing(unit: UnitRecord, task: TaskKey): never {
  throw new DomainError("no_such_item", `${unit.name}没有「${TASK_LABEL[task]}」事项，请联系协调员。`);
}

const finished = (items: readonly ItemRecord[], task: TaskKey) =>
  items.filter((i) => i.task === task).every((i) => i.state === "done" || i.state === "na");

/** Decides the change a report makes, or throws a DomainError saying what to type instead. */
export function decideReport(unit: UnitRecord, items: readonly ItemRecord[], req: ReportRequest): ItemChange | null {
  const item = pickItem(unit, items, req);
  // NOTE: a note kept from before the limit may stay as it is; a new one must fit.
  if (req.note !== undefined && req.note !== item.note && isTooLong(req.note, NOTE_MAX_LENGTH)) {
    throw new DomainError("note_too_long", msg.noteTooLong(NOTE_MAX_LENGTH, req.note.length), msg.noteTooLongHint(unit.name, req.state, req.task, NOTE_MAX_LENGTH));
  }
  let method: DomainMethod | null = null;
  if (req.method && !(req.state === "done" && req.task === "domain")) {
    throw new DomainError("method_only_when_done", "「dns/解析」只在域名注销完成时填写。", "例如：/shutdown done domain jtda.gov.cn dns");
  }
  if (req.state === "done" && req.task === "domain") {
    if (item.isSubdomain && req.method === "cancelled") {
      throw new DomainError(
        "subdomain_dns_only",
        `${item.domain} 是上级单位域名下的二级域名，不能由本单位注销，只能删除解析记录。`,
        `请输入：/shutdown done domain ${item.domain} dns`,
      );
    }
    method = req.method ?? (item.isSubdomain ? "dns_removed" : "cancelled");
  }
  const note = req.note ?? (req.state === item.state ? item.note : null);
  if (item.state === req.state && item.method === method && item.note === note) return null;

  const warnings: string[] = [];
  if (req.state === "done" && req.task === "site" && !finished(items, "column")) {
    warnings.push("提醒：过渡栏目还没有完成，关停原网站前请确认过渡栏目已上线。");
  }
  if (req.state === "done" && req.task === "icp" && !finished(items, "site")) {
    warnings.push("提醒：网站关停还没有报告完成，备案注销一般在网站彻底关停之后办理。");
  }
  if (item.state === "done" && req.state !== "done") {
    warnings.push(`注意：该事项原为「${STATE_LABEL.done}」，现改为「${STATE_LABEL[req.state]}」。`);
  }
  return { item, state: req.state, method, note, warnings };
}

