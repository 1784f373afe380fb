// The bot's verification passes on a real store against the fake internet and the Slack
// stand-in: what is stored, the 备案号 filled, the DMs sent once, offline passes, acceptances,
// and when the scheduler runs a pass. Every probe asks a server on loopback.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { composeDigest } from "../../src/schedule/digest-pass.ts";
import { runScheduledVerification, runVerification, type VerificationDeps } from "../../src/schedule/verification-run.ts";
import { readSnapshot } from "../../src/store/campaign-repository.ts";
import { inTransaction } from "../../src/store/transaction.ts";
import { recordAcceptance } from "../../src/store/verification-repository.ts";
import { buildStatusRows } from "../../src/export/status-export.ts";
import { startFakeInternet, type FakeInternet } from "../../tools/fake-internet/fake-internet.ts";
import { seedDomains } from "../../tools/fake-internet/seed-world.ts";
import { DEFAULT_BOT_USER_ID, startSlackStandin, type SlackStandin } from "../../tools/slack-standin/index.ts";
import { addContact, setState } from "../helpers/campaign-script.ts";
import { COORD_CHANNEL, TEST_POSTING, outgoingDeps } from "../helpers/outgoing-fixture.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";
import { deadResolverAddress } from "./fake-internet-fixture.ts";

let internet: FakeInternet;
let standin: SlackStandin;
let store: TestStore;
const logged: string[] = [];

const at = (text: string) => new Date(`${text}+08:00`);
const JTDA = seedDomains().find((d) => d.unitKey === "jtda")!;

beforeAll(async () => {
  internet = await startFakeInternet({ domains: seedDomains() });
  standin = await startSlackStandin({ channels: [{ id: COORD_CHANNEL, name: "coordinators", members: [DEFAULT_BOT_USER_ID] }], rateClockMs: TEST_POSTING.now });
});
afterAll(async () => {
  await standin.close();
  await internet.close();
});
beforeEach(async () => {
  standin.reset();
  standin.addUser({ id: "U0WANG", name: "wangfang" });
  logged.length = 0;
  store = await createTestStore();
  await addContact(store.db, "jtda", { name: "王芳", slackUserId: "U0WANG" });
  await internet.command(`site ${JTDA.name} up`);
  await internet.command(`dns ${JTDA.name} present`);
});
afterEach(async () => {
  await store.cleanup();
});

function deps(overrides: Partial<VerificationDeps["verify"]> = {}): VerificationDeps {
  const line = (...msg: unknown[]) => void logged.push(msg.map(String).join(" "));
  return { ...outgoingDeps(store, standin, { logger: { debug() {}, info: line, warn: line, error: line } }), verify: internet.settings(overrides) };
}

const pass = (now: Date, d = deps()) => runVerification(d, now, { kind: "hourly", actor: "system", unitKey: "jtda" });

async function itemOf(key: string) {
  const snapshot = await readSnapshot(store.db);
  return snapshot.items.find((i) => i.key === key)!;
}

const dmTexts = () => standin.dmMessages("U0WANG").map((m) => `${m.text}\n${JSON.stringify(m.blocks ?? [])}`);

describe("a verification pass of the bot", () => {
  it("fills no 备案号 for 区公安分局: the footer of a sub-domain shows the parent domain owner's filing", async () => {
    const run = await runVerification(deps(), at("2027-06-20T10:00:00"), { kind: "hourly", actor: "system", unitKey: "jtga" });
    expect(run.domains.map((d) => d.domain)).toEqual(["jt.czsga.gov.cn"]);
    expect(run.notes).toEqual([]);
    expect((await store.db.unit.findUniqueOrThrow({ where: { key: "jtga" } })).icpNumber).toBeNull();
    expect(await store.db.auditEntry.count({ where: { field: "unit.icpNumber" } })).toBe(0);
  });

  it("stores every question asked, the baseline and each item's verdict, and fills the unknown 备案号 as the system", async () => {
    const run = await pass(at("2027-06-20T10:00:00"));
    expect(run.domains.map((d) => d.domain)).toEqual([JTDA.name]);
    const evidence = await store.db.verificationEvidence.findMany();
    expect(new Set(evidence.map((e) => e.probe))).toEqual(new Set(["dns", "http", "unbind", "registry"]));
    expect(evidence.find((e) => e.probe === "dns")).toMatchObject({ asked: `A ${JTDA.name}`, answer: `${JTDA.address} (TTL 600)`, outcome: "present" });
    const baseline = await store.db.domainBaseline.findFirstOrThrow();
    expect(baseline).toMatchObject({ domain: JTDA.name, title: "金坛档案局", serverAddress: JTDA.address });

    const unit = await store.db.unit.findUniqueOrThrow({ where: { key: "jtda" } });
    expect(unit.icpNumber).toBe(JTDA.icpNumber!.replace(/-\d+$/, ""));
    const audit = await store.db.auditEntry.findFirstOrThrow({ where: { field: "unit.icpNumber", unitId: unit.id } });
    expect(audit).toMatchObject({ actor: "system", source: "system", fromValue: null, toValue: unit.icpNumber });
    expect(run.notes).toEqual([`已从网站页脚读到 档案局 的备案号 ${unit.icpNumber}，登记为备案号。`]);
    // The unit's first filing takes it, so the 附件4 form carries it.
    expect(await store.db.icpFiling.findFirstOrThrow({ where: { unitId: unit.id, ordinal: 1 } })).toMatchObject({ number: unit.icpNumber });

    const site = await itemOf("jtda/site");
    expect(site.verification).toMatchObject({ verification: "unverified", summary: `6月20日 10:00 ${JTDA.name} 仍可访问（HTTP 200，标题「金坛档案局」）` });
    // One pass says nothing yet, and nothing was reported: no DM.
    expect(standin.dmMessages("U0WANG")).toEqual([]);
  });

  it("tells the contacts once when a site reported shut still answers, and again only after it was confirmed and came back", async () => {
    await setState(store.db, "jtda/site", "done", { actor: "U0WANG", at: at("2027-06-21T08:00:00") });
    await pass(at("2027-06-21T09:00:00"));
    expect(standin.dmMessages("U0WANG")).toEqual([]);
    await pass(at("2027-06-21T10:00:00"));
    expect((await itemOf("jtda/site")).verification?.verification).toBe("contradicted");
    expect(dmTexts()).toHaveLength(1);
    expect(dmTexts()[0]).toContain("你报告「档案局 网站关停」已完成，但机器人上网核查的结果不同");
    expect(dmTexts()[0]).toContain(`6月21日 10:00 ${JTDA.name} 仍可访问（HTTP 200，标题「金坛档案局」）`);
    // The evidence is quoted (a mrkdwn "> " line), not shown as an escaped "&gt;".
    expect(dmTexts()[0]).toContain(`：\\n> 6月21日 10:00 ${JTDA.name}`);
    expect(dmTexts()[0]).not.toContain("&gt;");
    expect(dmTexts()[0]).toContain("请关闭原网站，或请服务商停止该站点");
    await pass(at("2027-06-21T11:00:00"));
    expect(dmTexts()).toHaveLength(1);

    const { digest } = await composeDigest(store.db, at("2027-06-21T17:00:00"));
    expect(JSON.stringify(digest.message.blocks)).toContain("核查不符（1 项）");

    await internet.command(`site ${JTDA.name} down`);
    for (const hour of ["12", "13", "14"]) await pass(at(`2027-06-21T${hour}:00:00`));
    const confirmed = await itemOf("jtda/site");
    expect(confirmed.verification).toMatchObject({ verification: "confirmed", verifiedAt: at("2027-06-21T14:00:00") });
    const row = buildStatusRows(await readSnapshot(store.db)).find((r) => r.unit_key === "jtda" && r.task === "site")!;
    expect(row).toMatchObject({ verification: "confirmed", verified_at: "2027-06-21T14:00:00+08:00", evidence: `6月21日 14:00 ${JTDA.name} 已无法访问（连接被拒绝）` });

    await internet.command(`site ${JTDA.name} up`);
    await pass(at("2027-06-21T15:00:00"));
    await pass(at("2027-06-21T16:00:00"));
    expect((await itemOf("jtda/site")).verification?.verification).toBe("contradicted");
    expect(dmTexts().filter((t) => t.includes("核查结果与报告不符"))).toHaveLength(2);
  });

  it("asks the contact to confirm, with a button, a task the probes find done that nobody reported", async () => {
    await internet.command(`site ${JTDA.name} up`);
    await pass(at("2027-06-21T09:00:00"));
    await internet.command(`site ${JTDA.name} down`);
    for (const hour of ["10", "11", "12"]) await pass(at(`2027-06-21T${hour}:00:00`));
    const asks = standin.dmMessages("U0WANG");
    const site = asks.find((m) => m.text.includes("档案局 网站关停"))!;
    expect(site.text).toBe("请确认：档案局 网站关停 是否已完成");
    const button = JSON.stringify(site.blocks);
    expect(button).toContain('"action_id":"item_done"');
    expect(button).toContain('"value":"jtda/site"');
    expect(button).toContain("是，已关停");
    expect(asks.some((m) => m.text.includes("档案局 解除绑定"))).toBe(true);
  });

  it("counts one observation an hour: passes asked for in between show their evidence but decide nothing", async () => {
    await setState(store.db, "jtda/site", "done", { actor: "U0WANG", at: at("2027-06-21T08:00:00") });
    await pass(at("2027-06-21T09:00:00"));
    await pass(at("2027-06-21T09:20:00"));
    await pass(at("2027-06-21T09:40:00"));
    const site = await itemOf("jtda/site");
    expect(site.verification).toMatchObject({ verification: "unverified", summary: `6月21日 09:40 ${JTDA.name} 仍可访问（HTTP 200，标题「金坛档案局」）` });
    expect(standin.dmMessages("U0WANG")).toEqual([]);
    await pass(at("2027-06-21T10:05:00"));
    expect((await itemOf("jtda/site")).verification?.verification).toBe("contradicted");
  });

  it("sends nothing in quiet hours and sends it with the next pass after them", async () => {
    await setState(store.db, "jtda/site", "done", { actor: "U0WANG", at: at("2027-06-21T20:00:00") });
    await pass(at("2027-06-21T22:30:00"));
    await pass(at("2027-06-21T23:30:00"));
    expect((await itemOf("jtda/site")).verification?.verification).toBe("contradicted");
    expect(standin.dmMessages("U0WANG")).toEqual([]);
    await pass(at("2027-06-22T08:30:00"));
    expect(dmTexts()).toHaveLength(1);
  });

  it("calls nothing contradicted without a network, and says so once in the log and in the digest", async () => {
    await setState(store.db, "jtda/site", "done", { actor: "U0WANG", at: at("2027-06-21T08:00:00") });
    const offline = deps({ dnsServers: [await deadResolverAddress()], whoisServer: { host: "127.0.0.1", port: 9 }, timeoutMs: 500 });
    for (const hour of ["09", "10", "11"]) {
      const run = await pass(at(`2027-06-21T${hour}:00:00`), offline);
      expect(run.offline).toBe(true);
    }
    expect((await itemOf("jtda/site")).verification?.verification).toBe("inconclusive");
    expect(standin.dmMessages("U0WANG")).toEqual([]);
    expect(logged.filter((l) => l.includes("核查无法访问外网"))).toHaveLength(1);
    const { digest } = await composeDigest(store.db, at("2027-06-21T17:00:00"));
    expect(JSON.stringify(digest.message.blocks)).toContain("核查无法访问外网");
  });

  it("sends nothing more once a coordinator accepted the item", async () => {
    await setState(store.db, "jtda/site", "done", { actor: "U0WANG", at: at("2027-06-21T08:00:00") });
    const item = await itemOf("jtda/site");
    await inTransaction(store.db, (tx) => recordAcceptance(tx, item.id, { by: "U0COORD", reason: "防火墙屏蔽外网，已现场确认", at: at("2027-06-21T08:30:00") }));
    await pass(at("2027-06-21T09:00:00"));
    await pass(at("2027-06-21T10:00:00"));
    expect(standin.dmMessages("U0WANG")).toEqual([]);
    const row = buildStatusRows(await readSnapshot(store.db)).find((r) => r.unit_key === "jtda" && r.task === "site")!;
    expect(row.verification).toBe("accepted");
  });

  it("does not store or send anything on a dry run", async () => {
    await setState(store.db, "jtda/site", "done", { actor: "U0WANG", at: at("2027-06-21T08:00:00") });
    const d = deps();
    for (const hour of ["09", "10"]) await runVerification(d, at(`2027-06-21T${hour}:00:00`), { kind: "cli", actor: "cli:test", unitKey: "jtda", dryRun: true });
    expect(await store.db.verificationPass.count()).toBe(0);
    expect(await store.db.verificationEvidence.count()).toBe(0);
    expect(await store.db.itemVerification.count()).toBe(0);
    expect(standin.dmMessages("U0WANG")).toEqual([]);
  });
});

describe("the scheduled verification", () => {
  const tick = (text: string) => runScheduledVerification(deps(), at(text));

  it("takes a baseline once a day before the window, then probes hourly from its opening", async () => {
    expect((await tick("2027-06-19T10:00:00")).ran).toBe(true);
    expect(await store.db.verificationPass.findFirst()).toMatchObject({ kind: "baseline", domains: 41 });
    expect((await tick("2027-06-19T11:00:00")).ran).toBe(false);
    expect((await tick("2027-06-20T09:00:00")).ran).toBe(true);
    expect((await tick("2027-06-21T00:00:00")).ran).toBe(true);
    expect((await tick("2027-06-21T00:40:00")).ran).toBe(false);
    expect((await tick("2027-06-21T01:00:00")).ran).toBe(true);
    expect((await store.db.verificationPass.findMany({ orderBy: { at: "asc" } })).map((p) => p.kind)).toEqual(["baseline", "baseline", "hourly", "hourly"]);
    // A week after the last deadline (June 23 23:59:59) nothing runs any more.
    expect((await tick("2027-07-01T10:00:00")).ran).toBe(false);
  });
});
