// npm run verify as a person runs it: its own process, the store's file, VERIFY_* pointing at a
// fake internet on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeInternet, type FakeInternet } from "../../tools/fake-internet/fake-internet.ts";
import { seedDomains } from "../../tools/fake-internet/seed-world.ts";
import { startScript } from "../helpers/script-process.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

const JTDA = seedDomains().find((d) => d.unitKey === "jtda")!;

let internet: FakeInternet;
let store: TestStore;
beforeAll(async () => {
  internet = await startFakeInternet({ domains: seedDomains() });
  store = await createTestStore();
});
afterAll(async () => {
  await store.cleanup();
  await internet.close();
});

async function verify(args: string[], env: Record<string, string> = {}) {
  const child = startScript("scripts/verify.ts", args, { DATABASE_URL: store.databaseUrl, CAMPAIGN_YEAR: "2027", ...internet.env(), ...env });
  const code = await new Promise<number | null>((resolve) => child.child.on("close", resolve));
  return { code, out: child.out(), err: child.err() };
}

describe("npm run verify", () => {
  it("probes one domain on a dry run, prints JSON, and stores nothing", async () => {
    const run = await verify(["--domain", JTDA.name, "--json", "--dry-run", "--now", "2027-06-21T10:00:00+08:00"]);
    expect(run.code, run.err).toBe(0);
    const rows = JSON.parse(run.out) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      domain: JTDA.name,
      unit_key: "jtda",
      dns: "present",
      http: "present",
      unbind: "present",
      registry: "present",
      verification: { site: "unverified", unbind: "unverified", domain: "unverified" },
    });
    expect(rows[0]!.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ probe: "dns", asked: `A ${JTDA.name}`, answer: `${JTDA.address} (TTL 600)` })]));
    expect(run.err).toContain("试运行：没有保存，也没有发送消息");
    expect(await store.db.verificationPass.count()).toBe(0);
  });

  it("runs a pass over every domain, a line each, and keeps what it found", async () => {
    const run = await verify(["--now", "2027-06-21T10:00:00+08:00"]);
    expect(run.code, run.err).toBe(0);
    const lines = run.out.trim().split("\n");
    expect(lines).toHaveLength(41);
    expect(lines).toContain(`${JTDA.name}\tjtda\t网站 未核查 · 解绑 未核查 · 域名 未核查\t6月21日 10:00 ${JTDA.name} 仍可访问（HTTP 200，标题「金坛档案局」）`);
    expect(run.err).toContain("核查了 41 个域名");
    expect(await store.db.verificationPass.findFirst()).toMatchObject({ kind: "cli", domains: 41, offline: false });
    expect(await store.db.domainBaseline.count()).toBe(41);
  });

  it("says what is wrong with an unknown domain, a bad --now, or VERIFY=off, and exits 2", async () => {
    const unknown = await verify(["--domain", "example.com"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("没有域名 example.com");
    expect((await verify(["--now", "明天"])).code).toBe(2);
    const off = await verify([], { VERIFY: "off" });
    expect(off.code).toBe(2);
    expect(off.err).toContain("VERIFY=off：核查已关闭");
  });
});
