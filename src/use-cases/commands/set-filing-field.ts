// `set icp <备案号> [domain…]`, `set sponsor [<备案号|域名>] <主办单位名称>`, `set reason [<备案号|域名>] <原因>`:
// the unit's ICP filings, checked (icp-filing.ts) before anything is written.
import { commandPrefix, type Caller } from "../../domain/access.ts";
import { decideFilingEntry, pickFiling, readCancellationReason, readSponsorName } from "../../domain/icp-filing.ts";
import { initialStoredStep } from "../../domain/icp-filing-step.ts";
import { DomainError } from "../../domain/errors.ts";
import type { FilingRecord, UnitRecord } from "../../domain/model/records.ts";
import { icpFilingSetMessages as M } from "../../messages/icp-filing-messages.ts";
import { applyUnitFact } from "../../store/change-repository.ts";
import { applyFilingEntry, listFilings, setFilingText } from "../../store/icp-filing-repository.ts";
import { lockUnitItems } from "../../store/campaign-repository.ts";
import type { CommandContext } from "../command-context.ts";
import type { CommandResult } from "../command-result.ts";

const DOMAIN_LIKE = /^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)+\/?$/i;

const filingUnit = (unit: UnitRecord) => ({ name: unit.name, domains: unit.domains.filter((d) => !d.isSubdomain).map((d) => d.name) });

/** The value's first word names a filing (a 备案号 or a domain of the unit) when the unit has several. */
function splitFilingWord(unit: UnitRecord, filings: FilingRecord[], value: string): { filing: FilingRecord; rest: string } {
  const [first, ...rest] = value.trim().split(/\s+/);
  if (filings.length > 1 && first && (/icp/i.test(first) || DOMAIN_LIKE.test(first.normalize("NFKC")))) {
    const found = pickFiling(filingUnit(unit), filings, first);
    if (found instanceof DomainError) throw found;
    return { filing: found as FilingRecord, rest: rest.join(" ") };
  }
  const only = pickFiling(filingUnit(unit), filings);
  if (only instanceof DomainError) throw only;
  return { filing: only as FilingRecord, rest: value };
}

export async function setFilingField(ctx: CommandContext, caller: Caller, unit: UnitRecord, field: "icp" | "sponsor" | "reason", value: string): Promise<CommandResult> {
  const { who, write } = ctx;
  const prefix = commandPrefix(caller, unit);
  if (field === "icp") {
    const tokens = value.normalize("NFKC").trim().split(/\s+/);
    const domains = tokens.filter((t) => DOMAIN_LIKE.test(t));
    const number = tokens.filter((t) => !DOMAIN_LIKE.test(t)).join("");
    return write(async (tx) => {
      await lockUnitItems(tx, unit);
      const filings = await listFilings(tx);
      const own = filings.filter((f) => f.unitId === unit.id);
      const others = await tx.unit.findMany({ where: { id: { in: filings.filter((f) => f.unitId !== unit.id && f.number).map((f) => f.unitId) } } });
      const names = new Map(others.map((u) => [u.id, u.name]));
      const taken = filings.filter((f) => f.unitId !== unit.id && f.number).map((f) => ({ unitName: names.get(f.unitId) ?? "", number: f.number! }));
      const decided = decideFilingEntry(filingUnit(unit), own, taken, number, domains);
      if (!decided.ok) throw decided.error;
      if (!decided.entry.changed) return { kind: "unchanged", text: M.icpUnchanged(unit.name, decided.entry.number) };
      const filing = await applyFilingEntry(tx, unit, decided.entry, initialStoredStep(unit.localTelecom), who);
      return { kind: "done", text: M.icpSet(unit.name, filing.number!, filing.domains), unitKey: unit.key, notes: [M.formHint(prefix)] };
    });
  }
  return write(async (tx) => {
    await lockUnitItems(tx, unit);
    const filings = await listFilings(tx, { unitId: unit.id });
    const { filing, rest } = splitFilingWord(unit, filings, value);
    if (field === "sponsor") {
      const read = readSponsorName(rest);
      if (!read.ok) throw read.error;
      // The unit's one filing: the unit's 主办单位名称 (as the unit sheet has it); of several, the filing's own.
      let changed: boolean;
      if (filings.length === 1) {
        const unitChanged = (await applyUnitFact(tx, unit.id, { field: "sponsorName", value: read.name }, who)) !== undefined;
        changed = (await setFilingText(tx, filing, "sponsorName", null, who)) || unitChanged;
      } else {
        changed = await setFilingText(tx, filing, "sponsorName", read.name, who);
      }
      return changed
        ? { kind: "done", text: M.sponsorSet(unit.name, filing.number, read.name), unitKey: unit.key, notes: [M.formHint(prefix)] }
        : { kind: "unchanged", text: M.sponsorUnchanged(unit.name, read.name) };
    }
    const read = readCancellationReason(rest);
    if (!read.ok) throw read.error;
    const changed = await setFilingText(tx, filing, "reason", read.reason, who);
    return changed
      ? { kind: "done", text: M.reasonSet(unit.name, filing.number), unitKey: unit.key, notes: [M.formHint(prefix)] }
      : { kind: "unchanged", text: M.reasonUnchanged(unit.name) };
  });
}
