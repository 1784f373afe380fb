// `npm run backup`: SQLite's online backup of the store while it is being written, and the restore
// the README tells operators to do (stop, replace the file, delete its -wal and -shm, start).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../src/store/open-store.ts";
import { startScript } from "./helpers/script-process.ts";
import { createTestStore, type TestStore } from "./helpers/test-store.ts";

let store: TestStore | undefined;
afterEach(async () => {
  await store?.cleanup();
  store = undefined;
});

function noteOf(file: string, key: string): string | null {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT note FROM "ChecklistItem" WHERE key = ?').get(key) as { note: string | null }).note;
  } finally {
    db.close();
  }
}

describe("npm run backup", () => {
  it("copies the store while another connection keeps committing, into one file that passes its integrity check", async () => {
    store = await createTestStore();
    await store.db.checklistItem.update({ where: { key: "jtda/site" }, data: { note: "备份前的记录" } });
    const target = path.join(store.dir, "copies", "before.db");
    // Another process's writes go on during the backup (the bot, in production).
    const writer = new Database(store.location!.filePath, { timeout: 10_000 });
    const write = writer.prepare('UPDATE "ChecklistItem" SET note = ? WHERE key = ?');
    let writes = 0;
    const writing = setInterval(() => write.run(`写入 ${++writes}`, "jtda/column"), 2);
    const run = startScript("scripts/backup.ts", [target], { DATABASE_URL: store.databaseUrl });
    const code = await run.exited;
    clearInterval(writing);
    writer.close();
    expect(code, run.err()).toBe(0);
    expect(writes).toBeGreaterThan(0);
    expect(run.out()).toMatch(/integrity ok; 38 units, 269 items/);
    expect(fs.readdirSync(path.dirname(target))).toEqual(["before.db"]);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
    copy.close();
    expect(noteOf(target, "jtda/site")).toBe("备份前的记录");
  });

  it("restores as the README says: the later change is gone, the earlier one is there, the bot's store opens", async () => {
    store = await createTestStore();
    await store.db.checklistItem.update({ where: { key: "jtda/site" }, data: { note: "备份前" } });
    const backup = path.join(store.dir, "backup.db");
    expect(await startScript("scripts/backup.ts", [backup], { DATABASE_URL: store.databaseUrl }).exited).toBe(0);
    await store.db.checklistItem.update({ where: { key: "jtda/site" }, data: { note: "备份后" } });
    await store.close();
    const file = store.location!.filePath;
    fs.copyFileSync(backup, file);
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
    const restored = await openStore(store.databaseUrl);
    try {
      expect((await restored.db.checklistItem.findUniqueOrThrow({ where: { key: "jtda/site" } })).note).toBe("备份前");
      expect(await restored.db.unit.count()).toBe(38);
    } finally {
      await restored.close();
    }
    fs.rmSync(store.dir, { recursive: true, force: true });
    store = undefined;
  });

  it("refuses to overwrite a file, or to back up a store that is not there, and says why", async () => {
    store = await createTestStore({ seed: false });
    const existing = path.join(store.dir, "taken.db");
    fs.writeFileSync(existing, "keep me");
    const taken = startScript("scripts/backup.ts", [existing], { DATABASE_URL: store.databaseUrl });
    expect(await taken.exited).toBe(1);
    expect(taken.err()).toMatch(/taken\.db exists already: name another file/);
    expect(fs.readFileSync(existing, "utf8")).toBe("keep me");
    const missing = startScript("scripts/backup.ts", [path.join(store.dir, "x.db")], { DATABASE_URL: `file:${path.join(store.dir, "nowhere.db")}` });
    expect(await missing.exited).toBe(1);
    expect(missing.err()).toMatch(/no store at .*nowhere\.db \(DATABASE_URL\): nothing to back up/);
  });
});
