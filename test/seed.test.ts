import fs from "node:fs";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatIsoShanghai } from "../src/domain/model/calendar.ts";
import { buildStatusRows, formatStatusRows } from "../src/export/status-export.ts";
import { listDeadlines, listUnits, readSnapshot } from "../src/store/campaign-repository.ts";
import { readCampaignSeed, seedCampaign } from "../src/store/seed-repository.ts";
import { startScript } from "./helpers/script-process.ts";
import { CAMPAIGN_YEAR, createTestStore, SEED_TIME, type TestStore } from "./helpers/test-store.ts";
import { setProcessTimeZone } from "../src/config/environment.ts";

let store: TestStore;
beforeEach(async () => {
  store = await createTestStore();
});
afterEach(async () => {
  await store.cleanup();
});

async function exportJson() {
  return formatStatusRows(buildStatusRows(await readSnapshot(store.db)), "json");
}

describe("the seeded campaign (附件3)", () => {
  it("has 38 units with 41 domains, 12 in the government machine room and 8 township-level", async () => {
    const units = await listUnits(store.db);
    expect(units).toHaveLength(38);
    expect(units.flatMap((u) => u.domains)).toHaveLength(41);
    expect(units.filter((u) => u.governmentRoom).map((u) => u.name)).toEqual([
      "法制办", "区发改委", "区科技局", "区财政局", "区交通局", "区商务局",
      "区统计局", "区政务办", "区旅游局", "区民防局", "区供销社", "公积金中心",
    ]);
    expect(units.filter((u) => u.group === "township").map((u) => u.name).sort()).toEqual(
      ["开发区", "茅管会", "长管会", "薛埠镇", "直溪镇", "朱林镇", "指前镇", "儒林镇"].sort(),
    );
    expect(units[0]?.name).toBe("法制办");
    expect(units[37]?.name).toBe("公积金中心");
  });

  it("splits a/b addresses into two domains and flags the police sub-domain", async () => {
    const units = await listUnits(store.db);
    const domainsOf = (name: string) => units.find((u) => u.name === name)?.domains.map((d) => d.name);
    expect(domainsOf("区司法局")).toEqual(["jtpf.gov.cn", "jtsfxz.gov.cn"]);
    expect(domainsOf("区规划局")).toEqual(["jtupo.com", "jtupo.gov.cn"]);
    expect(domainsOf("区旅游局")).toEqual(["jttour.gov.cn", "jtly.gov.cn"]);
    const subdomains = units.flatMap((u) => u.domains).filter((d) => d.isSubdomain);
    expect(subdomains.map((d) => d.name)).toEqual(["jt.czsga.gov.cn"]);
  });

  it("gives every unit six tasks plus one domain item per domain: 269 items, all todo", async () => {
    const rows = buildStatusRows(await readSnapshot(store.db));
    expect(rows).toHaveLength(269);
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(["todo"]));
    const sifa = rows.filter((r) => r.unit_key === "jtsf").map((r) => `${r.task}${r.domain ? `:${r.domain}` : ""}`);
    expect(sifa).toEqual(["column", "backup", "site", "unbind", "domain:jtpf.gov.cn", "domain:jtsfxz.gov.cn", "icp", "ipicp"]);
  });

  it.each(["UTC", "America/New_York", "Asia/Shanghai"])("stores the deadlines in +08:00 whatever TZ (%s)", async (tz) => {
    const previous = setProcessTimeZone(tz);
    try {
      const fresh = await createTestStore({ seed: false });
      await seedCampaign(fresh.db, readCampaignSeed(), { year: CAMPAIGN_YEAR, now: SEED_TIME });
      const deadlines = await listDeadlines(fresh.db);
      await fresh.cleanup();
      expect(
        deadlines.map((d) => [d.key, d.title, d.opensAt && formatIsoShanghai(d.opensAt), formatIsoShanghai(d.dueAt), d.tasks]),
      ).toEqual([
        ["transition", "过渡栏目上线", null, "2027-06-20T23:59:59+08:00", ["column", "backup"]],
        ["shutdown", "网站关停", "2027-06-21T00:00:00+08:00", "2027-06-23T23:59:59+08:00", ["site", "unbind", "domain", "icp", "ipicp"]],
      ]);
      expect(deadlines[0]?.dueAt.toISOString()).toBe("2027-06-20T15:59:59.000Z");
      expect(deadlines[1]?.opensAt?.toISOString()).toBe("2027-06-20T16:00:00.000Z");
    } finally {
      setProcessTimeZone(previous);
    }
  });
});

describe("seeding again", () => {
  it("adds nothing and leaves the export byte-for-byte the same", async () => {
    const before = await exportJson();
    const added = await seedCampaign(store.db, readCampaignSeed(), { year: CAMPAIGN_YEAR, now: new Date() });
    expect(added).toEqual({ units: 0, domains: 0, items: 0, deadlines: 0 });
    expect(await exportJson()).toBe(before);
  });

  it("never overwrites reported states, contacts or moved deadlines", async () => {
    const item = await store.db.checklistItem.findUniqueOrThrow({ where: { key: "jtda/site" } });
    await store.db.checklistItem.update({ where: { id: item.id }, data: { state: "done", note: "已关停" } });
    const unit = await store.db.unit.findUniqueOrThrow({ where: { key: "jtda" } });
    const contact = await store.db.contact.create({ data: { name: "王芳", slackUserId: "U0AAA" } });
    await store.db.unitContact.create({ data: { unitId: unit.id, contactId: contact.id } });
    const moved = new Date("2027-06-25T15:59:59Z");
    await store.db.deadline.update({ where: { key: "shutdown" }, data: { dueAt: moved } });
    await store.db.checklistItem.delete({ where: { key: "jtda/ipicp" } });

    const added = await seedCampaign(store.db, readCampaignSeed(), { year: 2030, now: new Date() });

    expect(added).toEqual({ units: 0, domains: 0, items: 1, deadlines: 0 });
    expect((await store.db.checklistItem.findUniqueOrThrow({ where: { key: "jtda/site" } })).state).toBe("done");
    expect((await store.db.deadline.findUniqueOrThrow({ where: { key: "shutdown" } })).dueAt).toEqual(moved);
    expect((await listUnits(store.db)).find((u) => u.key === "jtda")?.contacts.map((c) => c.name)).toEqual(["王芳"]);
    expect(await store.db.checklistItem.findUnique({ where: { key: "jtda/ipicp" } })).not.toBeNull();
  });

  it("records what it added in the audit trail, and nothing when nothing was added", async () => {
    const entries = await store.db.auditEntry.findMany({ where: { field: "seed" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.toValue).toBe("units+38 domains+41 items+269 deadlines+2");
    await seedCampaign(store.db, readCampaignSeed(), { year: CAMPAIGN_YEAR, now: new Date() });
    expect(await store.db.auditEntry.count({ where: { field: "seed" } })).toBe(1);
  });
});

describe("two `npm run seed` at once on an empty store", () => {
  it("both succeed, and the campaign is seeded exactly once", async () => {
    for (let round = 0; round < 3; round++) {
      const empty = await createTestStore({ seed: false });
      await empty.close();
      const env = { DATABASE_URL: empty.databaseUrl, CAMPAIGN_YEAR: "2027" };
      const runs = [startScript("scripts/seed.ts", [], env), startScript("scripts/seed.ts", [], env)];
      const codes = await Promise.all(runs.map((r) => r.exited));
      expect(codes, runs.map((r) => r.err()).join("\n")).toEqual([0, 0]);
      const db = new Database(empty.location!.filePath, { readonly: true });
      const counts = db.prepare("SELECT (SELECT count(*) FROM Unit) u, (SELECT count(*) FROM ChecklistItem) i, (SELECT count(*) FROM AuditEntry WHERE field = 'seed') a").get();
      db.close();
      expect(counts).toEqual({ u: 38, i: 269, a: 1 });
      fs.rmSync(empty.dir, { recursive: true, force: true });
    }
  }, 120_000);
});
