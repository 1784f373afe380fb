// The store's promises, kept the same on SQLite and on PostgreSQL: one suite, run against both.
// The PostgreSQL half needs TEST_DATABASE_URL (test/helpers/postgres-database.ts says how).
import { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand, type CommandDeps } from "../src/use-cases/run-command.ts";
import { listAudit } from "../src/store/audit-repository.ts";
import { findCaller } from "../src/store/caller-repository.ts";
import { listDeadlines, listItems, readSnapshot } from "../src/store/campaign-repository.ts";
import { applyItemChange } from "../src/store/change-repository.ts";
import { claimDelivery, ensureDelivery, findDelivery, markSent, releaseDelivery } from "../src/store/delivery-repository.ts";
import { createJoinRequest, decideJoin, findPendingJoin } from "../src/store/join-repository.ts";
import { openStore, type Store } from "../src/store/open-store.ts";
import { runForSlot } from "../src/store/scheduled-run-repository.ts";
import { isStoreEmpty, readCampaignSeed, seedCampaign } from "../src/store/seed-repository.ts";
import { inSqlTransaction, inTransaction, isStoreBusy, isStoreUnreachable } from "../src/store/transaction.ts";
import { claimRequest, RequestAlreadyClaimed } from "../src/store/request-repository.ts";
import { setProcessTimeZone } from "../src/config/environment.ts";
import { listUnitNames, loadUnitWithItems } from "../src/store/unit-repository.ts";
import { DIRECTORY_VERSION_SQL, raw, sql } from "../src/store/rows.ts";
import { executeSql, queryRows } from "../src/store/sql-tx.ts";
import { StoreProbe } from "../src/store/health-probe.ts";
import { CAMPAIGN_YEAR, SEED_TIME, createTestStore } from "./helpers/test-store.ts";
import { createPostgresDatabase, describeWithPostgres } from "./helpers/postgres-database.ts";

const COORD = "U0COORD";
const at = (minute: number) => new Date(Date.UTC(2027, 5, 10, 2, minute));

interface Opened {
  store: Store;
  /** A second store on the same database: another instance. */
  other(): Promise<Store>;
  cleanup(): Promise<void>;
}

/**
 * The value two reads in a row share. NOTE: PostgreSQL's snapshot is the whole server's, so a
 * commit to another test's database in between costs a re-read: that pair is read again.
 */
async function keptBetweenTwoReads<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const first = await read();
    const second = await read();
    if (second === first || attempt === 20) {
      expect(second).toBe(first);
      return first;
    }
  }
}

function storeContract(open: () => Promise<Opened>): void {
  let opened: Opened;
  let store: Store;
  let deps: CommandDeps;
  let minute = 0;
  const run = async (userId: string, text: string, requestKey?: string, on: Store = store) => {
    const result = await runCommand(
      { ...deps, db: on.db, reader: on.reader },
      { userId, text, now: at(++minute), source: "slash", requestKey, replyOf: () => `reply to ${text}` },
    );
    return result;
  };
  beforeAll(async () => {
    opened = await open();
    store = opened.store;
    deps = { db: store.db, reader: store.reader, envCoordinators: [COORD], userName: async (id) => `名${id}` };
  });
  afterAll(async () => {
    await opened?.cleanup();
  });

  it("holds the 38 units of 附件3 with their items and deadlines, seeded once", async () => {
    const snapshot = await readSnapshot(store.db);
    expect(snapshot.units).toHaveLength(38);
    expect(snapshot.items).toHaveLength(269);
    expect(snapshot.deadlines.map((d) => d.dueAt.toISOString())).toEqual((await listDeadlines(store.db)).map((d) => d.dueAt.toISOString()));
    expect(await isStoreEmpty(store.db)).toBe(false);
    expect(await seedCampaign(store.db, readCampaignSeed(), { year: CAMPAIGN_YEAR, now: SEED_TIME })).toEqual({ units: 0, domains: 0, items: 0, deadlines: 0 });
  });

  it("answers a command's reads as the repositories do, record for record", async () => {
    for (const text of ["assign jtda <@U0A>", "assign jtsf <@U0A>", "coordinator add <@U0HELP>"]) expect((await run(COORD, text)).kind).toBe("done");
    expect((await run("U0A", "jtda done column 栏目已上线")).kind).toBe("reported");
    expect(await store.reader.unitWithItems("jtda")).toEqual(await loadUnitWithItems(store.db, "jtda"));
    expect(await store.reader.unitWithItems("nosuch")).toBeNull();
    expect(await store.reader.unit("jtda")).toEqual((await loadUnitWithItems(store.db, "jtda"))!.unit);
    expect(await store.reader.unit("nosuch")).toBeNull();
    expect(await store.reader.snapshot()).toEqual(await readSnapshot(store.db));
    expect(await store.reader.deadlines()).toEqual(await listDeadlines(store.db));
    expect(await store.reader.unitNames()).toEqual(await listUnitNames(store.db));
    expect(await store.reader.caller("U0A", [COORD])).toEqual(await findCaller(store.db, "U0A", [COORD]));
    expect((await store.reader.caller("U0A", [COORD])).units.map((u) => u.key)).toEqual(["jtda", "jtsf"]);
    expect(await store.reader.coordinators()).toEqual(["U0HELP"]);
  });

  it("writes a change and its audit entry together, or neither", async () => {
    const { items } = (await loadUnitWithItems(store.db, "jtga"))!;
    const item = items.find((i) => i.task === "site")!;
    const auditBefore = (await listAudit(store.db, { unitId: item.unitId })).length;
    const change = { item, state: "done" as const, method: null, note: "已关停", expectedBy: null, warnings: [] };
    await expect(
      inTransaction(store.db, async (tx) => {
        await applyItemChange(tx, change, { actor: COORD, source: "slash", now: at(50) });
        throw new Error("the change is given up");
      }),
    ).rejects.toThrow("given up");
    expect((await loadUnitWithItems(store.db, "jtga"))!.items.find((i) => i.id === item.id)!.state).toBe(item.state);
    expect(await listAudit(store.db, { unitId: item.unitId })).toHaveLength(auditBefore);
    await inTransaction(store.db, (tx) => applyItemChange(tx, change, { actor: COORD, source: "slash", now: at(51) }));
    expect((await loadUnitWithItems(store.db, "jtga"))!.items.find((i) => i.id === item.id)!.state).toBe("done");
    const audit = await listAudit(store.db, { unitId: item.unitId, newestFirst: true, limit: 1 });
    expect(audit[0]).toMatchObject({ field: "state", fromValue: item.state, toValue: "done", note: "已关停", at: at(51) });
  });

  it("makes a report's transaction with the driver alone: a change and its audit entry together or neither, its dates as Prisma reads them in any time zone", async () => {
    const { items } = (await loadUnitWithItems(store.db, "jtga"))!;
    const item = items.find((i) => i.task === "unbind")!;
    const auditBefore = (await listAudit(store.db, { unitId: item.unitId })).length;
    const change = { item, state: "doing" as const, method: null, note: "解绑中", expectedBy: at(59), warnings: [] };
    await expect(
      inSqlTransaction(store.db, async (tx) => {
        await applyItemChange(tx, change, { actor: COORD, source: "slash", now: at(58) });
        await claimRequest(tx, "slash:driver-given-up", at(58), "");
        throw new Error("the change is given up");
      }),
    ).rejects.toThrow("given up");
    expect((await loadUnitWithItems(store.db, "jtga"))!.items.find((i) => i.id === item.id)!.state).toBe(item.state);
    expect(await listAudit(store.db, { unitId: item.unitId })).toHaveLength(auditBefore);
    expect(await store.reader.handledReply("slash:driver-given-up")).toBeNull();
    // NOTE: a zone far from UTC: a date sent or read as local time would move by eight hours.
    const zone = setProcessTimeZone("Asia/Shanghai");
    try {
      await inSqlTransaction(store.db, async (tx) => {
        await applyItemChange(tx, change, { actor: COORD, source: "slash", now: at(60) });
        await claimRequest(tx, "slash:driver-kept", at(60), "已记录");
      });
      const row = await store.db.checklistItem.findUniqueOrThrow({ where: { id: item.id } });
      expect(row).toMatchObject({ state: "doing", note: "解绑中", updatedBy: COORD });
      expect(row.updatedAt?.toISOString()).toBe(at(60).toISOString());
      expect(row.expectedBy?.toISOString()).toBe(at(59).toISOString());
      const read = (await loadUnitWithItems(store.db, "jtga"))!.items.find((i) => i.id === item.id)!;
      expect(read.updatedAt?.toISOString()).toBe(at(60).toISOString());
      const audit = await listAudit(store.db, { unitId: item.unitId, newestFirst: true, limit: 2 });
      expect(audit.map((a) => [a.field, a.at.toISOString()])).toEqual([["expectedBy", at(60).toISOString()], ["state", at(60).toISOString()]]);
      expect(await store.reader.handledReply("slash:driver-kept")).toBe("已记录");
      // A second claim of the same key inserts nothing and rolls its change back, audit entries and all.
      const auditKept = (await listAudit(store.db, { unitId: item.unitId })).length;
      await expect(
        inSqlTransaction(store.db, async (tx) => {
          await applyItemChange(tx, { item: read, state: "done", method: read.method, note: "又报一次", expectedBy: read.expectedBy, warnings: [] }, { actor: COORD, source: "slash", now: at(61) });
          await claimRequest(tx, "slash:driver-kept", at(61), "again");
        }),
      ).rejects.toBeInstanceOf(RequestAlreadyClaimed);
      expect((await loadUnitWithItems(store.db, "jtga"))!.items.find((i) => i.id === item.id)!).toMatchObject({ state: "doing", note: "解绑中" });
      expect(await listAudit(store.db, { unitId: item.unitId })).toHaveLength(auditKept);
      expect(await store.reader.handledReply("slash:driver-kept")).toBe("已记录");
    } finally {
      setProcessTimeZone(zone);
    }
  });

  it("applies a request once, whichever instance it reaches, and answers the retry with the first reply", async () => {
    const other = await opened.other();
    try {
      const unitAudit = async () => (await listAudit(store.db, { unitId: (await loadUnitWithItems(store.db, "jtsf"))!.unit.id })).length;
      const before = await unitAudit();
      expect((await run("U0A", "jtsf done domain jtsfxz.gov.cn dns", "slash:retried")).kind).toBe("reported");
      const after = await unitAudit();
      expect(after).toBeGreaterThan(before);
      expect(await other.reader.handledReply("slash:retried")).toBe("reply to jtsf done domain jtsfxz.gov.cn dns");
      await run("U0A", "jtsf done domain jtsfxz.gov.cn dns", "slash:retried", other);
      expect(await unitAudit()).toBe(after);
      expect(await store.reader.handledReply("never")).toBeNull();
    } finally {
      await other.close();
    }
  });

  it("shows a change made through one instance to the next read on another at once", async () => {
    const other = await opened.other();
    try {
      expect((await other.reader.caller("U0C", [COORD])).units).toEqual([]);
      expect((await other.reader.unitWithItems("jtupo"))!.unit.contacts).toEqual([]);
      await run(COORD, "assign jtupo <@U0C>");
      expect((await other.reader.caller("U0C", [COORD])).units.map((u) => u.key)).toEqual(["jtupo"]);
      expect((await other.reader.unitWithItems("jtupo"))!.unit.contacts.map((c) => c.slackUserId)).toEqual(["U0C"]);
      await run("U0C", "done column");
      const column = (await other.reader.unitWithItems("jtupo"))!.items.find((i) => i.task === "column")!;
      expect(column.state).toBe("done");
      expect((await other.reader.snapshot()).items.find((i) => i.id === column.id)!.state).toBe("done");
    } finally {
      await other.close();
    }
  });

  it("keeps a command's reads, frozen, until anything is committed, by this instance or another", async () => {
    const other = await opened.other();
    try {
      const first = await keptBetweenTwoReads(() => store.reader.unitWithItems("jtga"));
      expect(Object.isFrozen(first!.items[0])).toBe(true);
      await keptBetweenTwoReads(() => store.reader.deadlines());
      // Another instance's commit, then this one's: each is seen by the next read.
      await run(COORD, "jtga blocked column 等模板", "slash:kept-1", other);
      const second = await store.reader.unitWithItems("jtga");
      expect(second).not.toBe(first);
      expect(second!.items.find((i) => i.task === "column")!.state).toBe("blocked");
      await run(COORD, "jtga done column", "slash:kept-2", store);
      expect((await store.reader.unitWithItems("jtga"))!.items.find((i) => i.task === "column")!.state).toBe("done");
    } finally {
      await other.close();
    }
  });

  it("keeps reads of the directory alone through reports, and reads them anew after any change to it, on either instance", async () => {
    const other = await opened.other();
    try {
      const directoryReads = () => Promise.all([store.reader.unitNames(), store.reader.unit("jtga"), store.reader.caller("U0A", [COORD]), store.reader.deadlines(), store.reader.batches(), store.reader.coordinators()]);
      const before = await directoryReads();
      // Reports change items, audit entries and handled requests: none of the directory.
      await run(COORD, "jtga blocked site 等通知", "slash:directory-1", other);
      await run(COORD, "jtga doing site", "slash:directory-2", store);
      const after = await directoryReads();
      after.forEach((read, n) => expect(read).toBe(before[n]));
      // A contact assigned through the other instance: the next read here sees it.
      await run(COORD, "assign jtga <@U0DIR>", undefined, other);
      const [, unit, caller] = await directoryReads();
      expect(unit).not.toBe(before[1]);
      expect(unit!.contacts.map((c) => c.slackUserId)).toContain("U0DIR");
      expect(caller).toEqual(before[2]);
      expect((await store.reader.caller("U0DIR", [COORD])).units.map((u) => u.key)).toEqual(["jtga"]);
      // A unit and its items are of one commit, even when the directory changes between the
      // version this command asked and the read of the items.
      const scoped = store.reader.oneVersion();
      const name = (await scoped.unit("jtga"))!.name;
      // NOTE: by the other instance and outside a transaction of this process, so nothing here
      // tells the scope: only the versions can.
      await executeSql(other.db, sql`UPDATE "Unit" SET "name" = ${`${name}（新）`} WHERE "key" = 'jtga'`);
      try {
        const read = await scoped.unitWithItems("jtga");
        expect(read).toEqual(await loadUnitWithItems(store.db, "jtga"));
        expect(read!.unit.name).toBe(`${name}（新）`);
      } finally {
        await executeSql(other.db, sql`UPDATE "Unit" SET "name" = ${name} WHERE "key" = 'jtga'`);
      }
    } finally {
      await other.close();
    }
  });

  it("raises the directory's version with every change to a table of the directory, and with none to the others", async () => {
    const version = async () => Number((await queryRows(store.db, sql`${raw(DIRECTORY_VERSION_SQL)}`))[0]!.version);
    const changes = async (statement: ReturnType<typeof sql>) => {
      const from = await version();
      expect(await executeSql(store.db, statement)).toBeGreaterThan(0);
      return (await version()) - from;
    };
    expect(await changes(sql`INSERT INTO "Coordinator" ("slackUserId", "addedBy", "addedAt") VALUES ('U0VERSION', ${COORD}, ${at(70)})`)).toBeGreaterThan(0);
    // NOTE: a migration that rebuilds a table drops its triggers: every table is checked.
    const touch = { Unit: "name", Domain: "name", Contact: "name", UnitContact: "createdAt", Coordinator: "addedAt", Deadline: "title", Batch: "name" };
    for (const [table, column] of Object.entries(touch)) {
      expect(await changes(sql`UPDATE ${raw(`"${table}" SET "${column}" = "${column}"`)}`), table).toBeGreaterThan(0);
    }
    expect(await changes(sql`DELETE FROM "Coordinator" WHERE "slackUserId" = 'U0VERSION'`)).toBeGreaterThan(0);
    expect(await changes(sql`UPDATE "ChecklistItem" SET "note" = "note"`)).toBe(0);
    expect(await changes(sql`INSERT INTO "HandledRequest" ("key", "reply", "createdAt") VALUES ('slash:version', '', ${at(70)})`)).toBe(0);
  });

  it("applies every one of many changes made at once on two instances, none lost, each audited once", async () => {
    const other = await opened.other();
    try {
      const { unit, items } = (await loadUnitWithItems(store.db, "jtez"))!;
      const open = items.filter((i) => i.state === "todo" && !i.domain).slice(0, 4);
      expect(open.length).toBeGreaterThan(1);
      const before = (await listAudit(store.db, { unitId: unit.id })).length;
      // Every change reads the unit's items and writes one of them: on PostgreSQL they conflict and are run again.
      await Promise.all(
        open.flatMap((item, n) => [
          run(COORD, `jtez blocked ${item.task} 原因${n}`, `slash:burst-${n}`, n % 2 === 0 ? store : other),
          run(COORD, `jtez blocked ${item.task} 原因${n}`, `slash:burst-${n}`, n % 2 === 0 ? other : store),
        ]),
      );
      const after = (await loadUnitWithItems(store.db, "jtez"))!.items;
      for (const item of open) expect(after.find((i) => i.id === item.id)!.state).toBe("blocked");
      const audit = (await listAudit(store.db, { unitId: unit.id })).slice(before);
      expect(audit.filter((a) => a.field === "state")).toHaveLength(open.length);
    } finally {
      await other.close();
    }
  });

  it("settles a join request once, whoever decides it", async () => {
    const unit = (await loadUnitWithItems(store.db, "jtfzb"))!.unit;
    const who = { actor: "U0J", source: "slash" as const, now: at(55) };
    const id = await inTransaction(store.db, (tx) => createJoinRequest(tx, "U0J", unit.id, who));
    expect(await findPendingJoin(store.db, "U0J", unit.id)).toMatchObject({ id, status: "pending", unitKey: "jtfzb" });
    const decided = await Promise.all([
      inTransaction(store.db, (tx) => decideJoin(tx, id, true, { ...who, actor: COORD })),
      inTransaction(store.db, (tx) => decideJoin(tx, id, false, { ...who, actor: "U0HELP" })),
    ]);
    expect(decided.filter(Boolean)).toHaveLength(1);
    expect(await findPendingJoin(store.db, "U0J", unit.id)).toBeNull();
  });

  it("gives a delivery's claim to one claimer, keeps it through its lease, and hands it on after", async () => {
    const other = await opened.other();
    try {
      const entry = { key: "contract:one", kind: "reminder", target: "U0A", payload: "{}", now: at(0) };
      const [a, b] = await Promise.all([ensureDelivery(store.db, entry), ensureDelivery(other.db, entry)]);
      expect(a.id).toBe(b.id);
      const claim = (owner: string, now: Date) => ({ owner, now, leaseMs: 60_000, payload: `{"by":"${owner}"}`, holderGone: () => false });
      const claims = await Promise.all([
        claimDelivery(store.db, entry.key, claim("one", at(1))),
        claimDelivery(other.db, entry.key, claim("two", at(1))),
        claimDelivery(store.db, entry.key, claim("three", at(1))),
      ]);
      expect(claims.filter((c) => c !== null)).toHaveLength(1);
      const holder = (await findDelivery(store.db, entry.key))!.claimedBy!;
      expect(await claimDelivery(other.db, entry.key, claim("late", at(1)))).toBeNull();
      // The holder is gone for good after its lease: the next claimer takes it over, and the old holder can no longer mark it.
      expect(await claimDelivery(other.db, entry.key, claim("after", new Date(at(1).getTime() + 61_000)))).not.toBeNull();
      await markSent(store.db, entry.key, holder, { channel: "D1", ts: "1.1", attempts: 1, now: at(3) });
      expect((await findDelivery(store.db, entry.key))!.status).toBe("sending");
      await releaseDelivery(other.db, entry.key, "after", { error: "ratelimited", attempts: 1 });
      expect(await findDelivery(store.db, entry.key)).toMatchObject({ status: "pending", lastError: "ratelimited", attempts: 1 });
      expect(await claimDelivery(store.db, entry.key, claim("again", at(4)))).not.toBeNull();
      await markSent(store.db, entry.key, "again", { channel: "D1", ts: "1.2", attempts: 1, now: at(5) });
      expect(await findDelivery(other.db, entry.key)).toMatchObject({ status: "sent", ts: "1.2", attempts: 2, sentAt: at(5) });
      expect(await claimDelivery(other.db, entry.key, claim("never", at(6)))).toBeNull();
    } finally {
      await other.close();
    }
  });

  it("runs a scheduled slot once: finished, it is not run again by anyone", async () => {
    const other = await opened.other();
    try {
      const slot = at(0);
      let runs = 0;
      const work = async () => ({ value: ++runs, finished: true });
      const first = await runForSlot(store.db, { job: "contract", slot, owner: "one", clock: () => at(1) }, work);
      expect(first).toEqual({ state: "ran", value: 1 });
      expect(await runForSlot(other.db, { job: "contract", slot, owner: "two", clock: () => at(2) }, work)).toEqual({ state: "finished", by: "one", at: at(1) });
      const unfinished = await runForSlot(store.db, { job: "contract", slot: at(9), owner: "one", clock: () => at(9) }, async () => ({ value: ++runs, finished: false }));
      expect(unfinished).toEqual({ state: "ran", value: 2 });
      expect((await runForSlot(other.db, { job: "contract", slot: at(9), owner: "two", clock: () => at(10) }, work)).state).toBe("ran");
      expect(runs).toBe(3);
    } finally {
      await other.close();
    }
  });

  it("proves it can be written", async () => {
    expect(await new StoreProbe(store, "contract").check(at(0))).toMatchObject({ state: "writable" });
    expect(store.fileIsPresent()).toBe(true);
  });
}

describe("the store on SQLite", () => {
  storeContract(async () => {
    const test = await createTestStore();
    const opened: Store[] = [];
    return {
      store: test,
      other: async () => {
        const store = await openStore(test.databaseUrl);
        opened.push(store);
        return store;
      },
      cleanup: test.cleanup,
    };
  });
  it("is chosen by a file: URL", async () => {
    const test = await createTestStore();
    try {
      expect(test.kind).toBe("sqlite");
      expect(test.where).toBe(test.location!.filePath);
    } finally {
      await test.cleanup();
    }
  });
});

describeWithPostgres("the store on PostgreSQL", () => {
  storeContract(async () => {
    const database = await createPostgresDatabase();
    const store = await openStore(database.url);
    await seedCampaign(store.db, readCampaignSeed(), { year: CAMPAIGN_YEAR, now: SEED_TIME });
    return {
      store,
      other: () => openStore(database.url),
      cleanup: async () => {
        await store.close();
        await database.drop();
      },
    };
  });

  it("is chosen by a postgresql:// URL, migrates a new database at open, and never shows the password", async () => {
    const database = await createPostgresDatabase({ migrated: false });
    try {
      const store = await openStore(database.url);
      try {
        expect(store.kind).toBe("postgresql");
        expect(store.location).toBeNull();
        expect(store.where).toContain(":***@");
        expect(store.where).not.toContain(`:${new URL(database.url).password}@`);
        expect(await isStoreEmpty(store.db)).toBe(true);
      } finally {
        await store.close();
      }
    } finally {
      await database.drop();
    }
  });

  it("gives the connection back when COMMIT loses a serialization race, so lost races never empty the pool", async () => {
    const database = await createPostgresDatabase();
    const store = await openStore(database.url);
    try {
      const db = store.db;
      await seedCampaign(db, readCampaignSeed(), { year: CAMPAIGN_YEAR, now: SEED_TIME });
      const { unit, items } = (await loadUnitWithItems(db, "jtez"))!;
      const [x, y] = items.filter((i) => !i.domain);
      const serializable = { isolationLevel: "Serializable" as const, maxWait: 5_000, timeout: 30_000 };
      // Write skew: each reads the unit's items and changes a different one; the second to commit
      // loses at COMMIT itself. More lost races than the pool (10) has connections.
      const losses: unknown[] = [];
      for (let round = 0; round < 12; round++) {
        let bothRead = () => {};
        let reads = 0;
        const read = new Promise<void>((resolve) => (bothRead = resolve));
        let firstCommitted = () => {};
        const committed = new Promise<void>((resolve) => (firstCommitted = resolve));
        const skew = (item: typeof x, waitFor?: Promise<void>) =>
          db.$transaction(async (tx) => {
            await tx.checklistItem.findMany({ where: { unitId: unit.id } });
            if (++reads === 2) bothRead();
            await read;
            await tx.checklistItem.update({ where: { id: item!.id }, data: { note: `round ${round}` } });
            await waitFor;
          }, serializable);
        const first = skew(x).finally(() => firstCommitted());
        const second = skew(y, committed);
        const [a, b] = await Promise.allSettled([first, second]);
        expect(a.status).toBe("fulfilled");
        expect(b.status).toBe("rejected");
        losses.push((b as PromiseRejectedResult).reason);
      }
      expect(losses.every((error) => isStoreBusy(error))).toBe(true);
      // With the lost races' connections kept, this would wait for a connection and fail (P2028).
      await db.$transaction((tx) => tx.checklistItem.update({ where: { id: x!.id }, data: { note: "after the races" } }), serializable);
      expect((await loadUnitWithItems(db, "jtez"))!.items.find((i) => i.id === x!.id)!.note).toBe("after the races");
    } finally {
      await store.close();
      await database.drop();
    }
  });

  it("sends a report in three writes to the server: BEGIN with the items' read, the change with its audit entries, the claim with COMMIT", async () => {
    const database = await createPostgresDatabase();
    const store = await openStore(database.url);
    const port = Number(new URL(database.url).port || 5432);
    const socket = Socket.prototype as unknown as Record<"_write" | "_writev", (...args: unknown[]) => unknown>;
    const original = { _write: socket._write, _writev: socket._writev };
    // Counted per socket: another store left open in this process writes on sockets of its own.
    const writes = new Map<Socket, number>();
    try {
      await seedCampaign(store.db, readCampaignSeed(), { year: CAMPAIGN_YEAR, now: SEED_TIME });
      const { unit } = (await loadUnitWithItems(store.db, "jtga"))!;
      for (const name of ["_write", "_writev"] as const) {
        socket[name] = function (this: Socket, ...args: unknown[]) {
          if (this.remotePort === port) writes.set(this, (writes.get(this) ?? 0) + 1);
          return original[name].apply(this, args);
        };
      }
      await inSqlTransaction(store.db, async (tx) => {
        const items = await listItems(tx, { unitId: unit.id, forChange: true });
        const item = items.find((i) => i.task === "unbind")!;
        // A state and an expected date: two audit entries with the update.
        await applyItemChange(tx, { item, state: "doing", method: item.method, note: "写三次", expectedBy: at(80), warnings: [] }, { actor: COORD, source: "slash", now: at(75) });
        await claimRequest(tx, "slash:three-writes", at(75), "已记录");
      });
      expect(Math.max(...writes.values())).toBe(3);
      expect(await store.reader.handledReply("slash:three-writes")).toBe("已记录");
    } finally {
      Object.assign(socket, original);
      await store.close();
      await database.drop();
    }
  });

  it("fails a driver transaction whose failed statement was caught, for PostgreSQL rolled it back at COMMIT", async () => {
    const database = await createPostgresDatabase();
    const store = await openStore(database.url);
    try {
      await seedCampaign(store.db, readCampaignSeed(), { year: CAMPAIGN_YEAR, now: SEED_TIME });
      const { items } = (await loadUnitWithItems(store.db, "jtga"))!;
      const item = items[0]!;
      await expect(
        inSqlTransaction(store.db, async (tx) => {
          await applyItemChange(tx, { item, state: "done", method: item.method, note: "会回滚", expectedBy: item.expectedBy, warnings: [] }, { actor: COORD, source: "slash", now: at(70) });
          await tx.query(sql`SELECT 1 / 0`).catch(() => undefined);
        }),
      ).rejects.toThrow(/ROLLBACK/);
      expect((await loadUnitWithItems(store.db, "jtga"))!.items[0]!.note).toBe(item.note);
    } finally {
      await store.close();
      await database.drop();
    }
  });

  it("prepares each statement once on a connection and runs it by name after that, Prisma's and the driver's alike", async () => {
    const database = await createPostgresDatabase();
    const store = await openStore(database.url);
    const prepared = sql`SELECT p."name", p."statement", (p."generic_plans" + p."custom_plans")::int AS "runs" FROM pg_prepared_statements p`;
    try {
      // What is counted is the statement, not its rows: any unit id does.
      const unitId = 1;
      const driver = await inSqlTransaction(store.db, async (tx) => {
        for (let n = 0; n < 3; n++) await listItems(tx, { unitId });
        return tx.query(prepared);
      });
      const prisma = await store.db.$transaction(async (tx) => {
        for (let n = 0; n < 3; n++) await tx.unit.findMany({ where: { id: unitId } });
        return queryRows(tx, prepared);
      });
      for (const [rows, table] of [[driver, `FROM "ChecklistItem" i`], [prisma, `FROM "public"."Unit"`]] as const) {
        const read = rows.filter((r) => String(r.statement).includes(table));
        expect(read, `${table}: ${JSON.stringify(rows)}`).toHaveLength(1);
        expect(read[0]!.name).toMatch(/^s\d+$/);
        expect(read[0]!.runs).toBe(3);
      }
    } finally {
      await store.close();
      await database.drop();
    }
  });

  it("makes a report and a fact change on one unit, on two instances, wait for each other's lock, neither losing a race", async () => {
    const database = await createPostgresDatabase();
    const store = await openStore(database.url);
    const other = await openStore(database.url);
    try {
      await seedCampaign(store.db, readCampaignSeed(), { year: CAMPAIGN_YEAR, now: SEED_TIME });
      const { unit } = (await loadUnitWithItems(store.db, "jtez"))!;
      let held = () => {};
      const holding = new Promise<void>((resolve) => (held = resolve));
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      let attempts = 0;
      const report = inSqlTransaction(store.db, async (tx) => {
        attempts++;
        const items = await listItems(tx, { unitId: unit.id, forChange: true });
        held();
        await released;
        const column = items.find((i) => i.task === "column")!;
        await applyItemChange(tx, { item: column, state: "done", method: null, note: "栏目已上线", expectedBy: null, warnings: [] }, { actor: COORD, source: "slash", now: at(80) });
      });
      await holding;
      const deps: CommandDeps = { db: other.db, reader: other.reader, envCoordinators: [COORD], userName: async (id) => `名${id}` };
      const fact = runCommand(deps, { userId: COORD, text: "jtez set secondlevel no", now: at(81), source: "slash" });
      // The fact change waits for the report's lock on the unit's items, then decides on what it wrote.
      const waiting = async () => (await queryRows(store.db, sql`SELECT query FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).map((r) => String(r.query));
      let waits: string[];
      for (let polls = 0; (waits = await waiting()).length === 0; polls++) {
        if (polls === 500) throw new Error("the fact change never waited for the report's lock");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // …at its first statement, the lock on the unit's items, before it read anything it decides on.
      expect(waits).toEqual([expect.stringContaining("FOR NO KEY UPDATE")]);
      release();
      await report;
      expect((await fact).kind).toBe("done");
      expect(attempts).toBe(1);
      const audit = await listAudit(store.db, { unitId: unit.id });
      const reported = audit.findIndex((e) => e.field === "state" && e.toValue === "done");
      expect(reported).toBeGreaterThanOrEqual(0);
      expect(reported).toBeLessThan(audit.findIndex((e) => e.field === "unit.secondLevel"));
    } finally {
      await other.close();
      await store.close();
      await database.drop();
    }
  });

  it("when the server does not answer: a change is refused as busy, changing nothing, and the health check says unwritable", async () => {
    const store = await openStore("postgresql://shutdown_bot:secret@127.0.0.1:1/shutdown", { migrate: false });
    try {
      const deps: CommandDeps = { db: store.db, reader: store.reader, envCoordinators: [COORD], userName: async (id) => id };
      const result = await runCommand(deps, { userId: COORD, text: "jtda done column", now: at(0), source: "slash" });
      expect(result).toMatchObject({ kind: "error", code: "store_busy" });
      const error = await store.db.unit.count().catch((e: unknown) => e);
      expect(isStoreBusy(error)).toBe(true);
      expect(isStoreUnreachable(error)).toBe(true);
      expect(await new StoreProbe(store, "contract").check(at(0))).toMatchObject({
        state: "unwritable",
        error: "the database does not answer (postgresql://shutdown_bot:***@127.0.0.1:1/shutdown)",
      });
    } finally {
      await store.close();
    }
  });

  it("lets one of two instances run a slot while the other finds it running elsewhere", async () => {
    const database = await createPostgresDatabase();
    const [one, two] = [await openStore(database.url), await openStore(database.url)];
    try {
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let started = () => {};
      const running = new Promise<void>((resolve) => (started = resolve));
      const slot = at(0);
      const first = runForSlot(one.db, { job: "reminders", slot, owner: "one", clock: () => at(1) }, async () => {
        started();
        await held;
        return { value: "one", finished: true };
      });
      await running;
      expect(await runForSlot(two.db, { job: "reminders", slot, owner: "two", clock: () => at(1) }, async () => ({ value: "two", finished: true }))).toEqual({
        state: "elsewhere",
      });
      // Another job is not held up by this one.
      expect((await runForSlot(two.db, { job: "digest", slot, owner: "two", clock: () => at(1) }, async () => ({ value: "two", finished: true }))).state).toBe("ran");
      release();
      expect(await first).toEqual({ state: "ran", value: "one" });
      expect(await runForSlot(two.db, { job: "reminders", slot, owner: "two", clock: () => at(2) }, async () => ({ value: "two", finished: true }))).toEqual({
        state: "finished",
        by: "one",
        at: at(1),
      });
    } finally {
      await one.close();
      await two.close();
      await database.drop();
    }
  });
});
