// A new batch's unit sheet: unit_name, unit_key, group, government_room, domains (separated by /
// as in 附件3). Every row is checked against the others and the store; the result is all or nothing.
import { pinyin } from "pinyin-pro";
import { isDomainName, isSubdomainName } from "../domain/batch-rules.ts";
import { parseYesNo } from "../domain/unit-facts.ts";
import { isTooLong, NAME_MAX_LENGTH } from "../domain/text-limits.ts";
import type { UnitGroup } from "../domain/model/tasks.ts";
import { batchTexts as bt } from "../messages/batch-messages.ts";
import { sheetTexts as st } from "../messages/sheet-messages.ts";
import { msg } from "../messages/command-messages.ts";

export const BATCH_SHEET_COLUMNS = ["unit_name", "unit_key", "group", "government_room", "domains"] as const;
type Column = (typeof BATCH_SHEET_COLUMNS)[number];

/** What the store already holds, for the checks across batches. */
export interface KnownCampaign {
  units: { id: number; key: string; name: string; openBatches: string[] }[];
  domains: { name: string; unitId: number; unitName: string; openBatches: string[] }[];
}

export interface BatchUnitRow {
  row: number;
  /** The unit it is when it already exists (a second site of a unit keeps its identity). */
  unitId: number | null;
  key: string;
  /** The key was made from the name (the cell was empty). */
  keyMade: boolean;
  name: string;
  group: UnitGroup;
  governmentRoom: boolean;
  domains: { name: string; isSubdomain: boolean }[];
}

export type BatchSheetParse = { ok: true; units: BatchUnitRow[] } | { ok: false; problems: string[] };

const GROUPS: Record<string, UnitGroup> = {
  department: "department",
  部门: "department",
  township: "township",
  镇: "township",
  区: "township",
  街道: "township",
  管委会: "township",
  "镇、区、街道、管委会": "township",
};

const KEY = /^[a-z][a-z0-9-]{0,31}$/;

/** 金坛区档案局 → jtqdaj: the initials of the name's pinyin, as the keys of 附件3's units read. */
function keyFromName(name: string, taken: Set<string>): string {
  const initials = pinyin(name, { pattern: "first", toneType: "none", type: "array", nonZh: "removed" })
    .join("")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")
    .slice(0, 24);
  const base = /^[a-z]/.test(initials) ? initials : `unit${initials}`;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}${n}`;
  return key;
}

const joinNames = (names: string[]) => names.join("、");

export function parseBatchSheet(table: { header: string[]; rows: { row: number; cells: string[] }[] }, known: KnownCampaign): BatchSheetParse {
  const missing = BATCH_SHEET_COLUMNS.filter((c) => c !== "unit_key" && !table.header.includes(c));
  if (missing.length > 0) return { ok: false, problems: [bt.header(missing)] };
  const col = (cells: string[], c: Column) => (table.header.includes(c) ? (cells[table.header.indexOf(c)] ?? "") : "").trim();
  const unitByKey = new Map(known.units.map((u) => [u.key, u]));
  const unitByName = new Map(known.units.map((u) => [u.name, u]));
  const domainByName = new Map(known.domains.map((d) => [d.name, d]));
  const problems: string[] = [];
  const seenNames = new Map<string, number>();
  const seenKeys = new Map<string, number>();
  const seenDomains = new Map<string, number>();
  const parsed: (Omit<BatchUnitRow, "key" | "keyMade"> & { key: string | null })[] = [];

  for (const { row, cells } of table.rows) {
    const bad = (c: Column, problem: string) => problems.push(st.cell(row, c, problem));
    const name = col(cells, "unit_name");
    if (name === "") bad("unit_name", bt.nameEmpty);
    else if (isTooLong(name, NAME_MAX_LENGTH)) bad("unit_name", msg.nameTooLong(NAME_MAX_LENGTH, name.length));
    else if (seenNames.has(name)) bad("unit_name", bt.nameRepeated(seenNames.get(name)!));
    if (name !== "" && !seenNames.has(name)) seenNames.set(name, row);

    const keyCell = col(cells, "unit_key").toLowerCase();
    let unit: KnownCampaign["units"][number] | undefined;
    if (keyCell !== "") {
      if (!KEY.test(keyCell)) bad("unit_key", bt.keyBad(keyCell));
      else if (seenKeys.has(keyCell)) bad("unit_key", bt.keyRepeated(seenKeys.get(keyCell)!));
      else {
        seenKeys.set(keyCell, row);
        unit = unitByKey.get(keyCell);
        if (unit && name !== "" && unit.name !== name) bad("unit_key", bt.keyOtherName(keyCell, unit.name));
      }
    }
    // NOTE: a name already in the store is the same unit only when the sheet says so by its key;
    // otherwise it is refused as a duplicate, so a typo never merges two units.
    const sameName = unitByName.get(name);
    if (sameName && !unit && keyCell !== sameName.key) bad("unit_name", bt.nameOfExisting(name, sameName.key, joinNames(sameName.openBatches)));

    const groupCell = col(cells, "group");
    const group = GROUPS[groupCell.toLowerCase()];
    if (!group) bad("group", bt.groupBad(groupCell));

    const roomCell = col(cells, "government_room");
    const room = parseYesNo(roomCell);
    if (room === undefined) bad("government_room", bt.roomBad(roomCell));

    const domains: BatchUnitRow["domains"] = [];
    const names = col(cells, "domains")
      .split(/[/\s、，,;；]+/)
      .map((d) => d.toLowerCase().replace(/\.$/, ""))
      .filter(Boolean);
    if (names.length === 0) bad("domains", bt.domainsEmpty);
    for (const d of names) {
      const there = domainByName.get(d);
      if (!isDomainName(d)) bad("domains", bt.domainBad(d));
      else if (seenDomains.has(d)) bad("domains", bt.domainRepeated(d, seenDomains.get(d)!));
      else if (there && there.openBatches.length > 0) bad("domains", bt.domainInOpenBatch(d, there.unitName, joinNames(there.openBatches)));
      else if (there && there.unitId !== unit?.id) bad("domains", bt.domainOfOtherUnit(d, there.unitName));
      if (!seenDomains.has(d)) seenDomains.set(d, row);
      if (!domains.some((x) => x.name === d)) domains.push({ name: d, isSubdomain: isSubdomainName(d) });
    }
    parsed.push({ row, unitId: unit?.id ?? null, key: keyCell || null, name, group: group ?? "department", governmentRoom: room ?? false, domains });
  }
  if (table.rows.length === 0) problems.push(bt.noRows);
  if (problems.length > 0) return { ok: false, problems };

  const taken = new Set([...known.units.map((u) => u.key), ...seenKeys.keys()]);
  const units = parsed.map((p): BatchUnitRow => {
    if (p.key !== null) return { ...p, key: p.key, keyMade: false };
    const key = keyFromName(p.name, taken);
    taken.add(key);
    return { ...p, key, keyMade: true };
  });
  return { ok: true, units };
}
