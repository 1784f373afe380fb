// `/shutdown verify` and `/shutdown accept` through the running bot: signed slash commands, the
// probes against the fake internet, replies as a coordinator reads them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeInternet, type FakeInternet } from "../../tools/fake-internet/fake-internet.ts";
import { seedDomains } from "../../tools/fake-internet/seed-world.ts";
import { COORDINATOR, registerContact, startBotFixture, type BotFixture } from "../helpers/bot-fixture.ts";
import { deadResolverAddress } from "./fake-internet-fixture.ts";
import { expectConsoleError } from "../helpers/expected-errors.ts";

const JTDA = seedDomains().find((d) => d.unitKey === "jtda")!;

describe("/shutdown verify and accept", () => {
  let internet: FakeInternet;
  let fixture: BotFixture;
  beforeAll(async () => {
    internet = await startFakeInternet({ domains: seedDomains() });
    const settings = internet.settings();
    fixture = await startBotFixture(internet.env(), { verify: { extraCa: settings.extraCa, registry: settings.registry } });
    fixture.now = new Date("2027-06-21T10:00:00+08:00");
    await registerContact(fixture, "U0WANG", "王芳", ["jtda"]);
  });
  afterAll(async () => {
    await fixture.close();
    await internet.close();
  });

  const ask = async (userId: string, text: string) => fixture.finalReply(await fixture.slash(userId, text));

  it("probes one domain now and answers with every question asked, of whom, and what came back", async () => {
    const reply = await ask(COORDINATOR, `verify ${JTDA.name}`);
    expect(reply).toContain(`核查 ${JTDA.name}（6月21日 10:00）`);
    // One pass is no verdict yet: a site counts as still there after two.
    expect(reply).toContain(`• 网站关停：未核查 — 6月21日 10:00 ${JTDA.name} 仍可访问（HTTP 200，标题「金坛档案局」）`);
    expect(reply).toContain(`DNS A ${JTDA.name} @ ${internet.resolvers[0]!.id} → ${JTDA.address} (TTL 600)`);
    expect(reply).toContain(`REGISTRY WHOIS ${JTDA.name} @ ${internet.whoisServer} → Domain Name: ${JTDA.name}`);
    expect(reply).toContain("已从网站页脚读到 档案局 的备案号");
  });

  it("understands 核查 with a unit, and shows the verdict beside the state in the contact's status", async () => {
    const reply = await ask(COORDINATOR, "核查 档案局");
    expect(reply).toContain("核查 档案局");
    const status = await ask("U0WANG", "status");
    // The second pass of the hour shows its evidence and decides nothing: one observation so far.
    expect(status).toContain(`🔍 核查：未核查 — 6月21日 10:00 ${JTDA.name} 仍可访问（HTTP 200，标题「金坛档案局」）`);
  });

  it("is for coordinators only, and says what to type for a domain it does not know", async () => {
    expect(await ask("U0WANG", "verify")).toContain("协调员");
    const reply = await ask(COORDINATOR, "verify example.com");
    expect(reply).toContain("「example.com」不是单位名，也不是本次关停的域名");
    expect(reply).toContain("/shutdown verify jtda.gov.cn");
  });

  it("records a coordinator's acceptance with its reason in the audit trail, and refuses a task the probes do not check", async () => {
    const reply = await ask(COORDINATOR, "accept 档案局 site 防火墙屏蔽外网，已现场确认关停");
    expect(reply).toContain("已记录：档案局 网站关停 由协调人认可为已完成（防火墙屏蔽外网，已现场确认关停）");
    const audit = await fixture.store.db.auditEntry.findFirstOrThrow({ where: { field: "verification.accepted" } });
    expect(audit).toMatchObject({ actor: COORDINATOR, source: "slash", toValue: "accepted", note: "防火墙屏蔽外网，已现场确认关停" });
    const status = await ask("U0WANG", "status");
    expect(status).toContain("🔍 核查：协调人已认可（防火墙屏蔽外网，已现场确认关停）");
    const column = await ask(COORDINATOR, "accept 档案局 column 已上线");
    expect(column).toContain("「column」不是核查的事项");
    expect(await ask(COORDINATOR, "accept 档案局")).toContain("请写明单位、事项和理由");
    expect(await ask(COORDINATOR, "accept 区司法局 domain 已交市局注销")).toContain("区司法局 有 2 个域名，请写明是哪一个，例如：/shutdown accept 区司法局 domain jtpf.gov.cn 理由");
  });
});

describe("a verification slower than the ack", () => {
  it("replies by response_url, and posts again when the connection was reset under the first post", async () => {
    const internet = await startFakeInternet({ domains: seedDomains() });
    const settings = internet.settings();
    const fixture = await startBotFixture({ ...internet.env(), VERIFY_TIMEOUT_MS: "3000" }, { verify: { extraCa: settings.extraCa, registry: settings.registry } });
    try {
      fixture.now = new Date("2027-06-21T10:00:00+08:00");
      // The old server takes the request and never answers: the probe waits out its whole budget.
      await internet.command(`site ${JTDA.name} hang`);
      fixture.slack.failNext("response_url", { kind: "drop" });
      const ack = await fixture.slash(COORDINATOR, `verify ${JTDA.name}`);
      expect(ack.text).toContain("正在处理");
      const answered = await new Promise<unknown>((resolve) => {
        const ok = () => fixture.slack.responses(ack.responseUrlId).find((p) => p.status === 200);
        if (ok()) return resolve(ok()!.body);
        const stop = fixture.slack.onResponse(() => {
          if (!ok()) return;
          stop();
          resolve(ok()!.body);
        });
      });
      expect(fixture.slack.responses(ack.responseUrlId).map((p) => p.status)).toEqual([0, 200]);
      expect(JSON.stringify(answered)).toContain(`核查 ${JTDA.name}`);
    } finally {
      await fixture.close();
      await internet.close();
    }
  });
});

describe("/shutdown verify where nothing can be reached", () => {
  it("says 核查无法访问外网 in the reply, once in the log and in /healthz, and marks nothing contradicted", async () => {
    expectConsoleError("核查无法访问外网: no resolver");
    const fixture = await startBotFixture({
      VERIFY: "on",
      VERIFY_DNS_SERVERS: await deadResolverAddress(),
      VERIFY_WHOIS_SERVER: "127.0.0.1:9",
      VERIFY_TIMEOUT_MS: "500",
    });
    try {
      fixture.now = new Date("2027-06-21T10:00:00+08:00");
      const reply = await fixture.finalReply(await fixture.slash(COORDINATOR, "verify 档案局"));
      expect(reply).toContain("核查无法访问外网：这次核查的结果都是「无法判断」，不会记为不符。");
      expect(reply).toContain("无法判断：核查无法访问外网");
      const res = await fetch(fixture.url.replace("/slack/events", "/healthz"));
      const body = (await res.json()) as { verification: { offline: boolean }; problems: string[] };
      expect(body.verification.offline).toBe(true);
      expect(body.problems.some((p) => p.includes("核查无法访问外网"))).toBe(true);
      // Still offline: still nothing contradicted (that the log says it once is checked in verification-run.test.ts).
      await fixture.finalReply(await fixture.slash(COORDINATOR, "verify 档案局"));
      expect(await fixture.store.db.itemVerification.count({ where: { verification: "contradicted" } })).toBe(0);
    } finally {
      await fixture.close();
    }
  });
});

describe("/shutdown verify with VERIFY=off", () => {
  it("says verification is off, and changes nothing", async () => {
    const fixture = await startBotFixture({ VERIFY: "off" });
    try {
      const reply = await fixture.finalReply(await fixture.slash(COORDINATOR, "verify"));
      expect(reply).toContain("核查已关闭（VERIFY=off）");
      expect(await fixture.store.db.verificationPass.count()).toBe(0);
    } finally {
      await fixture.close();
    }
  });
});
