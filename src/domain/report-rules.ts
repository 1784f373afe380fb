// The rules of reporting an item: which item is meant, what may be said of it, what to warn about.
import { msg, STATE_LABEL, TASK_LABEL } from "../messages/command-messages.ts";
import { reportTexts as rt } from "../messages/report-messages.ts";
import { endOfTypedDay } from "./model/calendar.ts";
import type { TypedDay } from "./command/command.ts";
import { isTooLong, NOTE_MAX_LENGTH } from "./text-limits.ts";
import { DomainError } from "./errors.ts";
import { deadlineForTask, type DeadlineRecord, type ItemChange, type ItemRecord, type UnitRecord } from "./model/records.ts";
import type { DomainMethod, ItemState, TaskKey } from "./model/tasks.ts";
import { mayBeNotApplicable } from "./model/unit-rules.ts";
import { ErrorCode } from "./error-codes.ts";

export interface ReportRequest {
  state: ItemState;
  task: TaskKey;
  domain?: string;
  method?: DomainMethod;
  note?: string;
  /** A waiting report: in progress, expected to be finished on that day. */
  expected?: TypedDay;
}

/** What a report is decided against besides the unit and its items. */
export interface ReportContext {
  now: Date;
  deadlines: readonly DeadlineRecord[];
  /** Put before commands in hints ("区统计局 "), when the person must name the unit. */
  prefix?: string;
}

const withoutWww = (d: string) => d.replace(/^www\./, "");

function pickItem(unit: UnitRecord, items: readonly ItemRecord[], req: ReportRequest, prefix: string): ItemRecord {
  const ofTask = items.filter((i) => i.task === req.task);
  if (req.task !== "domain") return ofTask[0] ?? missing(unit, req.task);
  const domains = unit.domains.map((d) => d.name);
  const example = `/shutdown ${prefix}${req.state} domain ${domains[0]}${req.method === "dns_removed" ? " dns" : ""}`;
  if (req.domain) {
    // NOTE: people write the address they know, www. included: www.jtupo.gov.cn is jtupo.gov.cn.
    const wanted = req.domain;
    const item = ofTask.find((i) => i.domain === wanted) ?? ofTask.find((i) => i.domain !== null && withoutWww(i.domain) === withoutWww(wanted));
    if (!item) throw new DomainError(ErrorCode.UnknownDomain, rt.unknownDomain(wanted, unit.name, domains), rt.example(example));
    return item;
  }
  if (ofTask.length === 1) return ofTask[0]!;
  throw new DomainError(ErrorCode.DomainRequired, rt.domainRequired(unit.name, domains), rt.example(example));
}

function missing(unit: UnitRecord, task: TaskKey): never {
  throw new DomainError(ErrorCode.NoSuchItem, rt.noSuchItem(unit.name, TASK_LABEL[task]));
}

const finished = (items: readonly ItemRecord[], task: TaskKey) =>
  items.filter((i) => i.task === task).every((i) => i.state === "done" || i.state === "na");

function expectedDate(req: ReportRequest, ctx: ReportContext, prefix: string): Date | null {
  if (!req.expected) return null;
  const at = endOfTypedDay(req.expected, ctx.now);
  const example = rt.waitingExample(prefix, req.task);
  if (!at) throw new DomainError(ErrorCode.BadDate, rt.badExpectedDate, rt.example(example));
  if (at.getTime() < ctx.now.getTime()) throw new DomainError(ErrorCode.DatePassed, rt.expectedDatePassed(at), rt.example(example));
  return at;
}

/** Decides the change a report makes, or throws a DomainError saying what to type instead. */
export function decideReport(unit: UnitRecord, items: readonly ItemRecord[], req: ReportRequest, ctx: ReportContext): ItemChange | null {
  const prefix = ctx.prefix ?? "";
  const item = pickItem(unit, items, req, prefix);
  // NOTE: a note kept from before the limit may stay as it is; a new one must fit.
  if (req.note !== undefined && req.note !== item.note && isTooLong(req.note, NOTE_MAX_LENGTH)) {
    throw new DomainError(ErrorCode.NoteTooLong, msg.noteTooLong(NOTE_MAX_LENGTH, req.note.length), msg.noteTooLongHint(unit.name, req.state, req.task, NOTE_MAX_LENGTH));
  }
  let method: DomainMethod | null = null;
  if (req.method && !(req.state === "done" && req.task === "domain")) {
    throw new DomainError(ErrorCode.MethodOnlyWhenDone, rt.methodOnlyWhenDone, rt.example(`/shutdown ${prefix}done domain ${item.domain ?? unit.domains[0]?.name ?? ""} dns`));
  }
  if (req.state === "na" && !mayBeNotApplicable(unit, req.task)) {
    throw new DomainError(ErrorCode.NaForbidden, rt.naForbidden(TASK_LABEL[req.task]), rt.blockedInstead(prefix, req.task));
  }
  if (req.state === "done" && req.task === "domain") {
    if (item.isSubdomain && req.method === "cancelled") {
      throw new DomainError(ErrorCode.SubdomainDnsOnly, rt.subdomainDnsOnly(item.domain ?? ""), rt.typeInstead(`/shutdown ${prefix}done domain ${item.domain} dns`));
    }
    method = req.method ?? (item.isSubdomain ? "dns_removed" : "cancelled");
  }
  // NOTE: a report of the state the item is already in keeps its expected date (the form
  // resubmits every item); a new waiting report sets one, any other state ends the wait.
  const expectedBy = req.expected ? expectedDate(req, ctx, prefix) : req.state === item.state ? item.expectedBy : null;
  const note = req.note ?? (req.state === item.state && !req.expected ? item.note : null);
  if (item.state === req.state && item.method === method && item.note === note && item.expectedBy?.getTime() === expectedBy?.getTime()) return null;

  const warnings: string[] = [];
  const shutdown = deadlineForTask(ctx.deadlines, "site", item.batchId);
  if (req.state === "done" && req.task === "site" && shutdown?.opensAt && ctx.now < shutdown.opensAt) {
    warnings.push(rt.siteBeforeWindow(shutdown.opensAt, shutdown.dueAt, prefix));
  }
  if (req.state === "done" && req.task === "site" && !finished(items, "column")) warnings.push(rt.siteBeforeColumn);
  if (req.state === "done" && req.task === "icp" && !finished(items, "site")) warnings.push(rt.icpBeforeSite);
  if (item.state === "done" && req.state !== "done") warnings.push(rt.wasDone(STATE_LABEL.done, STATE_LABEL[req.state]));
  return { item, state: req.state, method, note, expectedBy, warnings };
}
