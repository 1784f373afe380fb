// A long import holds the store's write lock in another process while commands arrive: every
// command is answered, reads are not held up, writes wait or say 系统繁忙, nothing is lost.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerContact, startBotFixture, WORKING_ACK, type BotFixture } from "./helpers/bot-fixture.ts";
import { IMPORTED_ICP } from "./helpers/hold-store-lock.ts";
import { nodeArgs } from "./helpers/entry-point.ts";

let f: BotFixture;
const WANG = "U0WANG"; // 档案局
const HOLDER = fileURLToPath(new URL("./helpers/hold-store-lock.ts", import.meta.url));

beforeAll(async () => {
  f = await startBotFixture();
  await registerContact(f, WANG, "王芳", ["jtda"]);
});
afterAll(async () => {
  await f.close();
});

/** Starts the holder; resolves once it holds the lock. It commits when told to. */
async function holdStore(): Promise<{ commit(): Promise<void> }> {
  const child = spawn(process.execPath, nodeArgs(HOLDER, f.store.databaseUrl, "stdin"), { stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  const committed = new Promise<void>((resolve, reject) => {
    child.on("exit", (code) => (code === 0 && out.includes("committed") ? resolve() : reject(new Error(`holder exited ${code}: ${out}`))));
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("locked")) resolve();
    });
    child.on("exit", () => reject(new Error(`holder exited before locking: ${out}`)));
  });
  return {
    commit: () => {
      child.stdin.end("commit\n");
      return committed;
    },
  };
}

describe("a long import holding the store", () => {
  it("leaves reads answered, makes writes wait or answer 系统繁忙, and loses nothing", async () => {
    // NOTE: held until the test says so: whatever the machine's pace, the first writes outlast
    // their retries (BUSY_RETRY_MS) while the import still holds the store.
    const hold = await holdStore();

    const early = ["done column 早", "doing backup 早"].map((text) => f.slash(WANG, text));
    const status = await f.slash(WANG, "status");
    expect(status.all, "a read is answered while the import holds the store").toContain("档案局 关停清单");

    const earlyAcks = await Promise.all(early);
    // The store was not free at once: the ack says 正在处理 straight away, the answer follows.
    for (const ack of earlyAcks) expect(ack.text).toContain(WORKING_ACK);
    const earlyReplies = await Promise.all(earlyAcks.map((r) => f.finalReply(r)));
    for (const reply of earlyReplies) expect(reply).toContain("系统繁忙，请稍后再试");

    // Sent while the import still holds the store; they wait for it and go through once it commits.
    const late = ["done unbind 晚", "doing site 晚"].map((text) => f.slash(WANG, text));
    await hold.commit();
    for (const reply of await Promise.all(late.map(async (r) => f.finalReply(await r)))) expect(reply).toContain("已记录");

    const rows = JSON.parse(await f.exportJson()) as { unit_key: string; task: string; state: string; note: string | null }[];
    const jtda = (task: string) => rows.find((r) => r.unit_key === "jtda" && r.task === task)!;
    expect([jtda("column").state, jtda("backup").state]).toEqual(["todo", "todo"]);
    expect([jtda("unbind"), jtda("site")].map((r) => [r.state, r.note])).toEqual([["done", "晚"], ["doing", "晚"]]);
    const unit = await f.store.db.unit.findUniqueOrThrow({ where: { key: "jtda" } });
    expect(unit.icpNumber).toBe(IMPORTED_ICP);
    const audit = await f.store.db.auditEntry.findMany({ where: { unitId: unit.id, field: { in: ["state", "unit.icpNumber"] } } });
    expect(audit.map((a) => a.toValue).sort()).toEqual([IMPORTED_ICP, "doing", "done"].sort());

    const check = new Database(f.store.location!.filePath, { readonly: true });
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    check.close();
  });
});
