// SQLite's driver transactions share the connection Prisma writes through: while one is open,
// Prisma's statements wait for it, so none of them ends up inside it or is rolled back with it;
// Prisma's transactions and the driver's take turns.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "../src/store/rows.ts";
import { executeSql, queryRows } from "../src/store/sql-tx.ts";
import { inTransaction } from "../src/store/transaction.ts";
import { createTestStore, type TestStore } from "./helpers/test-store.ts";
import { settled } from "./helpers/settled.ts";

describe("SQLite's driver transactions", () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore();
  });
  afterEach(async () => {
    await store.cleanup();
  });

  const noteOf = async (key: string) => (await store.db.checklistItem.findUniqueOrThrow({ where: { key } })).note;

  it("hold Prisma's statements until they end, and roll back only their own", async () => {
    let giveUp = () => {};
    const held = new Promise<void>((resolve) => (giveUp = resolve));
    const driver = store.sqlTransaction(async (tx) => {
      await executeSql(tx, sql`UPDATE "ChecklistItem" SET "note" = ${"driver"} WHERE "key" = ${"jtda/column"}`);
      await held;
      throw new Error("given up");
    });
    const prisma = store.db.checklistItem.update({ where: { key: "jtda/backup" }, data: { note: "prisma" } });
    expect(await settled(prisma)).toBe(false);
    giveUp();
    await expect(driver).rejects.toThrow("given up");
    await prisma;
    expect(await noteOf("jtda/column")).toBeNull();
    expect(await noteOf("jtda/backup")).toBe("prisma");
  });

  it("take turns with Prisma's transactions, each committing all of its own", async () => {
    const both = await Promise.all([
      inTransaction(store.db, async (tx) => {
        await tx.checklistItem.update({ where: { key: "jtda/column" }, data: { note: "prisma 1" } });
        await new Promise((r) => setImmediate(r));
        await tx.checklistItem.update({ where: { key: "jtda/backup" }, data: { note: "prisma 2" } });
        return "prisma";
      }),
      store.sqlTransaction(async (tx) => {
        await executeSql(tx, sql`UPDATE "ChecklistItem" SET "note" = ${"driver 1"} WHERE "key" = ${"jtsf/column"}`);
        await new Promise((r) => setImmediate(r));
        await executeSql(tx, sql`UPDATE "ChecklistItem" SET "note" = ${"driver 2"} WHERE "key" = ${"jtsf/backup"}`);
        return (await queryRows(tx, sql`SELECT "note" FROM "ChecklistItem" WHERE "key" = ${"jtsf/column"}`))[0]!.note;
      }),
    ]);
    expect(both).toEqual(["prisma", "driver 1"]);
    expect(await Promise.all(["jtda/column", "jtda/backup", "jtsf/column", "jtsf/backup"].map(noteOf))).toEqual(["prisma 1", "prisma 2", "driver 1", "driver 2"]);
  });
});
