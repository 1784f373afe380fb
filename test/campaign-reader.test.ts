// The command path reads through CampaignReader, everything else through Prisma: both must see
// the same campaign, record for record.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand, type CommandDeps } from "../src/use-cases/run-command.ts";
import { findCaller } from "../src/store/caller-repository.ts";
import { listDeadlines, listUnits, readSnapshot } from "../src/store/campaign-repository.ts";
import { listUnitNames, loadUnitWithItems } from "../src/store/unit-repository.ts";
import { IMPORTED_ICP } from "./helpers/hold-store-lock.ts";
import { createTestStore, type TestStore } from "./helpers/test-store.ts";
import { nodeArgs } from "./helpers/entry-point.ts";

let store: TestStore;
let run: (userId: string, text: string, minute: number) => Promise<void>;
const COORD = "U0COORD";

beforeAll(async () => {
  store = await createTestStore();
  const deps: CommandDeps = { db: store.db, reader: store.reader, envCoordinators: [COORD], userName: async (id) => `名${id}` };
  run = async (userId: string, text: string, minute: number) => {
    const result = await runCommand(deps, { userId, text, now: new Date(Date.UTC(2027, 5, 10, 2, minute)), source: "slash", requestKey: `k${minute}`, replyOf: () => `reply ${minute}` });
    if (result.kind === "error") throw new Error(`${text}: ${result.message}`);
  };
  await run(COORD, "assign jtda <@U0A>", 0);
  await run(COORD, "assign jtda <@U0B>", 0);
  await run(COORD, "assign jtsf <@U0A>", 1);
  await run(COORD, "coordinator add <@U0HELP>", 2);
  await run("U0A", "jtda done column 栏目已上线", 3);
  await run("U0A", "jtsf done domain jtsfxz.gov.cn dns", 4);
  await run("U0A", "jtsf blocked icp 等待电信回复", 5);
  await run("U0A", "jtda set provider local", 6);
  await run("U0A", "jtda set secondlevel no", 7);
  await run("U0A", "jtda set phone 0519-82900326", 8);
  await run(COORD, "jtga done domain", 9);
  await run(COORD, "deadline shutdown 2027-06-25 18:00", 10);
});
afterAll(async () => {
  await store.cleanup();
});

describe("CampaignReader", () => {
  it("reads every unit with its domains, contacts and items as the Prisma repository does", async () => {
    for (const unit of await listUnits(store.db)) {
      expect((await store.reader.unitWithItems(unit.key))).toEqual(await loadUnitWithItems(store.db, unit.key));
    }
    expect((await store.reader.unitWithItems("nosuch"))).toBeNull();
  });

  it("reads the whole campaign in one snapshot as the Prisma repository does", async () => {
    expect(await store.reader.snapshot()).toEqual(await readSnapshot(store.db));
  });

  it("reads deadlines and the unit directory as the Prisma repository does", async () => {
    expect((await store.reader.deadlines())).toEqual(await listDeadlines(store.db));
    expect((await store.reader.unitNames())).toEqual(await listUnitNames(store.db));
  });

  it("knows callers: contacts of several units in 附件3 order, coordinators from the environment and added at run time", async () => {
    const inOrder = (await listUnits(store.db)).filter((u) => ["jtda", "jtsf"].includes(u.key)).map(({ id, key, name }) => ({ id, key, name }));
    const contact = await store.db.contact.findUniqueOrThrow({ where: { slackUserId: "U0A" } });
    expect((await store.reader.caller("U0A", [COORD]))).toEqual({ userId: "U0A", isCoordinator: false, contactId: contact.id, units: inOrder });
    expect((await store.reader.caller(COORD, [COORD]))).toEqual({ userId: COORD, isCoordinator: true, contactId: null, units: [] });
    expect((await store.reader.caller("U0HELP", [COORD])).isCoordinator).toBe(true);
    expect((await store.reader.caller("U0NOBODY", [COORD]))).toEqual({ userId: "U0NOBODY", isCoordinator: false, contactId: null, units: [] });
    expect((await store.reader.coordinators())).toEqual(["U0HELP"]);
    for (const user of ["U0A", "U0B", COORD, "U0HELP", "U0NOBODY"]) {
      expect((await store.reader.caller(user, [COORD]))).toEqual(await findCaller(store.db, user, [COORD]));
    }
  });

  it("finds the reply kept with a handled request", async () => {
    expect((await store.reader.handledReply("k3"))).toBe("reply 3");
    expect((await store.reader.handledReply("never"))).toBeNull();
  });

  it("keeps what it read only until the next commit: assign and unassign show at once", async () => {
    expect((await store.reader.caller("U0C", [COORD])).units).toEqual([]);
    await run(COORD, "assign jtga <@U0C>", 20);
    expect((await store.reader.caller("U0C", [COORD])).units.map((u) => u.key)).toEqual(["jtga"]);
    expect((await store.reader.unitWithItems("jtga"))!.unit.contacts.map((c) => c.slackUserId)).toEqual(["U0C"]);
    await run(COORD, "unassign jtga <@U0C>", 21);
    expect((await store.reader.caller("U0C", [COORD])).units).toEqual([]);
    expect((await store.reader.unitWithItems("jtga"))!.unit.contacts).toEqual([]);
  });

  it("sees what another process commits", async () => {
    expect((await store.reader.unitWithItems("jtda"))!.unit.icpNumber).toBeNull();
    const holder = fileURLToPath(new URL("./helpers/hold-store-lock.ts", import.meta.url));
    const child = spawnSync(process.execPath, nodeArgs(holder, store.databaseUrl, "0"), { encoding: "utf8" });
    expect(child.stdout).toContain("committed");
    expect((await store.reader.unitWithItems("jtda"))!.unit.icpNumber).toBe(IMPORTED_ICP);
  });

  it("hands out what it keeps frozen, since every request shares it", async () => {
    const deadline = (await store.reader.deadlines())[0]!;
    expect(() => {
      (deadline as { title: string }).title = "改";
    }).toThrow(TypeError);
    const { items } = (await store.reader.unitWithItems("jtda"))!;
    expect(() => items.push(items[0]!)).toThrow(TypeError);
  });

  it("sees a unit added by another connection in its directory", async () => {
    const before = (await store.reader.unitNames());
    expect((await store.reader.unitNames())).toBe(before);
    const unit = await store.db.unit.create({ data: { key: "jtnew", name: "新单位", position: 99, group: "department" } });
    await store.db.domain.create({ data: { unitId: unit.id, name: "jtnew.gov.cn", position: 1 } });
    expect((await store.reader.unitNames()).at(-1)).toEqual({ key: "jtnew", name: "新单位", domains: ["jtnew.gov.cn"] });
    expect((await store.reader.unitNames())).toEqual(await listUnitNames(store.db));
  });

  it("gives each request a reader of its own on the store's connection, which closing does not close", async () => {
    const scoped = store.reader.oneVersion();
    expect(scoped).not.toBe(store.reader);
    expect(scoped.oneVersion()).toBe(scoped);
    expect(await scoped.handledReply("never-handled")).toBeNull();
    scoped.close();
    expect((await store.reader.unitWithItems("jtda"))!.unit.key).toBe("jtda");
    expect(await scoped.unitWithItems("jtda")).toBe(await store.reader.unitWithItems("jtda"));
  });

  it("cannot write", () => {
    expect(() => (store.reader as unknown as { c: { conn: { exec(s: string): void } } }).c.conn.exec(`DELETE FROM "Unit"`)).toThrow(/readonly|query_only|attempt to write/i);
  });
});
