// The icp_filings migration on a store with data: one filing per unit with a 备案号 or an icp item,
// every item's state, note and audit entry as it was. The SQL of the committed migrations, in order,
// on a real SQLite file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, expect, it } from "vitest";
import { listMigrations } from "../src/store/migrations.ts";

const DIR = path.resolve(import.meta.dirname, "../prisma/migrations");
const MIGRATION = listMigrations().find((m) => m.endsWith("_icp_filings"))!;
let scratch: string | undefined;
afterEach(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

function storeBefore(): Database.Database {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "icp-migration-"));
  const db = new Database(path.join(scratch, "store.db"));
  for (const m of listMigrations().filter((m) => m < MIGRATION)) db.exec(fs.readFileSync(path.join(DIR, m, "migration.sql"), "utf8"));
  const unit = db.prepare(`INSERT INTO "Unit" (key, name, position, "group", icpNumber, localTelecom) VALUES (?, ?, ?, 'department', ?, ?)`);
  unit.run("jtda", "档案局", 1, "苏ICP备12345678号", 1);
  unit.run("jtsf", "区司法局", 2, null, 0);
  unit.run("jtga", "区公安分局", 3, "苏ICP备87654321号", null);
  unit.run("jtxx", "区某局", 4, "苏ICP备11112222号", null);
  const domain = db.prepare(`INSERT INTO "Domain" (unitId, name, isSubdomain, position) VALUES (?, ?, ?, ?)`);
  domain.run(1, "jtda.gov.cn", 0, 1);
  domain.run(2, "jtsf.gov.cn", 0, 1);
  domain.run(2, "jtpf.gov.cn", 0, 2);
  domain.run(3, "jt.czsga.gov.cn", 1, 1);
  const item = db.prepare(`INSERT INTO "ChecklistItem" (key, unitId, task, state, note, updatedAt, updatedBy) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  item.run("jtda/icp", 1, "icp", "doing", "已提交注销申请", 1_800_000_000_000, "U0WANG");
  item.run("jtda/site", 1, "site", "done", null, 1_800_000_000_000, "U0WANG");
  item.run("jtsf/icp", 2, "icp", "blocked", "等待电信回复", 1_800_000_000_000, "U0LI");
  item.run("jtga/icp", 3, "icp", "done", "工信部短信通知", 1_800_000_000_000, "U0GA");
  const audit = db.prepare(`INSERT INTO "AuditEntry" (at, actor, source, unitId, itemId, field, fromValue, toValue, note) VALUES (?, ?, 'slash', ?, ?, 'state', 'todo', ?, ?)`);
  audit.run(1_800_000_000_000, "U0WANG", 1, 1, "doing", "已提交注销申请");
  audit.run(1_800_000_000_000, "U0LI", 2, 3, "blocked", "等待电信回复");
  audit.run(1_800_000_000_000, "U0GA", 3, 4, "done", "工信部短信通知");
  return db;
}

const dump = (db: Database.Database, table: string) => db.prepare(`SELECT * FROM "${table}" ORDER BY id`).all();

it("gives every unit with a 备案号 or an icp item one filing on its item, keeping items, notes and audit entries", () => {
  const db = storeBefore();
  const items = dump(db, "ChecklistItem");
  const audit = dump(db, "AuditEntry");
  db.exec(fs.readFileSync(path.join(DIR, MIGRATION, "migration.sql"), "utf8"));

  const after = dump(db, "ChecklistItem") as { key: string; state: string }[];
  expect(after.slice(0, items.length)).toEqual(items);
  // The unit with a 备案号 and no icp item gets the item it lacked, not started.
  expect(after.slice(items.length)).toMatchObject([{ key: "jtxx/icp", state: "todo", note: null }]);
  expect(dump(db, "AuditEntry")).toEqual(audit);

  const filings = db
    .prepare(`SELECT f.*, i.key AS itemKey FROM "IcpFiling" f JOIN "ChecklistItem" i ON i.id = f.itemId ORDER BY f.unitId`)
    .all() as { itemKey: string; number: string | null; step: string; ordinal: number; stepBy: string | null }[];
  expect(filings.map((f) => [f.itemKey, f.ordinal, f.number, f.step, f.stepBy])).toEqual([
    // center route (区电信): an item in progress is the form handed in
    ["jtda/icp", 1, "苏ICP备12345678号", "delivered", "U0WANG"],
    // own route: the step is the item's; a blocked item keeps its step, the problem on the item
    ["jtsf/icp", 1, null, "todo", "U0LI"],
    ["jtga/icp", 1, "苏ICP备87654321号", "done", "U0GA"],
    ["jtxx/icp", 1, "苏ICP备11112222号", "todo", null],
  ]);
  const domains = db
    .prepare(`SELECT i.key, d.name FROM "IcpFilingDomain" fd JOIN "IcpFiling" f ON f.id = fd.filingId JOIN "ChecklistItem" i ON i.id = f.itemId JOIN "Domain" d ON d.id = fd.domainId ORDER BY f.unitId, fd.position`)
    .all();
  // A sub-domain of someone else's domain is under their filing, not the unit's.
  expect(domains).toEqual([
    { key: "jtda/icp", name: "jtda.gov.cn" },
    { key: "jtsf/icp", name: "jtsf.gov.cn" },
    { key: "jtsf/icp", name: "jtpf.gov.cn" },
  ]);
  db.close();
});

it("leaves a 备案号 two units share off both filings rather than failing", () => {
  const db = storeBefore();
  db.prepare(`UPDATE "Unit" SET icpNumber = '苏ICP备12345678号' WHERE key = 'jtga'`).run();
  db.exec(fs.readFileSync(path.join(DIR, MIGRATION, "migration.sql"), "utf8"));
  const numbers = db.prepare(`SELECT u.key, f.number FROM "IcpFiling" f JOIN "Unit" u ON u.id = f.unitId ORDER BY u.id`).all();
  expect(numbers).toEqual([
    { key: "jtda", number: null },
    { key: "jtsf", number: null },
    { key: "jtga", number: null },
    { key: "jtxx", number: "苏ICP备11112222号" },
  ]);
  db.close();
});
