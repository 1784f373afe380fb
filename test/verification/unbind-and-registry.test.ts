import { describe, expect, it } from "vitest";
import { observeUnbind } from "../../src/verification/observations.ts";
import { startBudget } from "../../src/verification/probe-budget.ts";
import { createRegistryQueue } from "../../src/verification/registry-probe.ts";
import { probeUnbind } from "../../src/verification/unbind-probe.ts";
import type { DnsResult, Fingerprint } from "../../src/verification/verification-types.ts";
import { useFakeInternet } from "./fake-internet-fixture.ts";

const net = useFakeInternet(13);
const NOW = new Date("2027-06-22T10:00:00+08:00");
const AT = "2027-06-22T10:00:00+08:00";
const REACHED_DNS = (domain: string): DnsResult => ({
  domain,
  outcome: "gone",
  answers: [{ resolver: "r1", outcome: "gone", reached: true, records: [] }],
  addresses: [],
  cnames: [],
  maxTtlSeconds: null,
  goneFrom: ["r1"],
  presentFrom: [],
});

function baseline(domain: string, serverAddress: string, title: string): Fingerprint {
  return { domain, takenAt: AT, url: `http://${domain}/`, status: 200, title, icpNumber: "苏ICP备05012345号-1", textHash: "0000000000000000", addresses: [serverAddress], serverAddress, schemes: ["http"] };
}

async function unbind(domain: string, fp: Fingerprint | null, settings = net.settings()) {
  const probe = await probeUnbind(domain, fp, null, settings, startBudget(settings.timeoutMs), AT);
  return { ...probe, line: observeUnbind(probe.result, REACHED_DNS(domain), NOW).summary };
}

describe("unbind probe: the old server asked for the domain", () => {
  it("finds the domain still bound when the server serves the old site for it", async () => {
    const site = await net.addSite("ub1.gov.cn", { title: "金坛区统计局" });
    const { result, line, evidence } = await unbind("ub1.gov.cn", baseline("ub1.gov.cn", site.address, "金坛区统计局"));
    expect(result).toMatchObject({ outcome: "present", reason: "serves-site", serverAddress: site.address, scheme: "http" });
    expect(line).toBe(`6月22日 10:00 ub1.gov.cn 仍绑定在原服务器 ${site.address}（返回原网站页面）`);
    expect(evidence.map((e) => e.asked)).toEqual(expect.arrayContaining([`GET http://${site.address}/ Host: ub1.gov.cn`, `GET http://${site.address}/ Host: unbind-check.invalid`]));
  });

  const cases: [string, string, string, string][] = [
    ["nginx's default site", "nginx", "default-site", "已从原服务器 %s 解绑（返回默认站点）"],
    ["宝塔's 没有找到站点", "bt-panel", "default-site", "已从原服务器 %s 解绑（返回默认站点）"],
    ["404 for an unknown host", "not-found", "unknown-host-status", "已从原服务器 %s 解绑（HTTP 404）"],
    ["400 for an unknown host", "bad-request", "unknown-host-status", "已从原服务器 %s 解绑（HTTP 400）"],
  ];
  it.each(cases)("calls the domain unbound when the server answers %s", async (_name, defaultSite, reason, line) => {
    const domain = `ub-${defaultSite}.gov.cn`;
    const site = await net.addSite(domain);
    await net.fake.change((w) => {
      w.setServer(site.address, { defaultSite: defaultSite as never });
      w.update(domain, { bound: false });
    });
    const probe = await unbind(domain, baseline(domain, site.address, site.title));
    expect(probe.result).toMatchObject({ outcome: "gone", reason });
    expect(probe.line).toBe(`6月22日 10:00 ${domain} ${line.replace("%s", site.address)}`);
  });

  it("calls the domain unbound when the old server does not answer at all", async () => {
    const site = await net.addSite("ub-off.gov.cn");
    await net.fake.command("site ub-off.gov.cn off");
    const refused = await unbind("ub-off.gov.cn", baseline("ub-off.gov.cn", site.address, site.title));
    expect(refused.result).toMatchObject({ outcome: "gone", reason: "no-answer", code: "ECONNREFUSED" });
    await net.fake.command("site ub-off.gov.cn silent");
    const silent = await unbind("ub-off.gov.cn", baseline("ub-off.gov.cn", site.address, site.title), net.settings({ timeoutMs: 1_000 }));
    expect(silent.result).toMatchObject({ outcome: "gone", reason: "no-answer", code: "ETIMEDOUT" });
  });

  it("does not take a timeout for an answer when no resolver answered either", async () => {
    const site = await net.addSite("ub-unsure.gov.cn");
    await net.fake.command("site ub-unsure.gov.cn silent");
    const probe = await probeUnbind("ub-unsure.gov.cn", baseline("ub-unsure.gov.cn", site.address, site.title), null, net.settings({ timeoutMs: 1_000 }), startBudget(1_000), AT);
    const offlineDns: DnsResult = { ...REACHED_DNS("ub-unsure.gov.cn"), outcome: "inconclusive", answers: [{ resolver: "r1", outcome: "inconclusive", reached: false, records: [] }], goneFrom: [] };
    expect(observeUnbind(probe.result, offlineDns, NOW)).toMatchObject({ outcome: "inconclusive", reason: "timeout-unsure" });
  });

  it("finds the domain still bound when the server answers it differently from an unknown host", async () => {
    const site = await net.addSite("ub-other.gov.cn");
    await net.fake.command("site ub-other.gov.cn suspended");
    const { result } = await unbind("ub-other.gov.cn", baseline("ub-other.gov.cn", site.address, site.title));
    expect(result).toMatchObject({ outcome: "present", reason: "serves-domain" });
  });

  it("cannot check without a baseline or a current address", async () => {
    const { result, line } = await unbind("ub-none.gov.cn", null);
    expect(result).toMatchObject({ outcome: "inconclusive", reason: "no-baseline" });
    expect(line).toBe("6月22日 10:00 ub-none.gov.cn 无法检查解绑（没有关停前的基线，不知道原服务器地址）");
  });
});

describe("registry probe", () => {
  it("asks CNNIC's WHOIS for .cn and Verisign's RDAP for .com and .net; a sub-domain gets no check", async () => {
    await net.addSite("reg1.gov.cn");
    await net.addSite("reg2.gov.cn", { registry: "gone" });
    await net.addSite("reg3.com");
    await net.addSite("reg4.net", { registry: "gone" });
    const queue = createRegistryQueue(net.settings(), AT);
    const [a, b, c, d, e] = await Promise.all([
      queue.check("reg1.gov.cn", false, "query"),
      queue.check("reg2.gov.cn", false, "query"),
      queue.check("reg3.com", false, "query"),
      queue.check("reg4.net", false, "query"),
      queue.check("jt.czsga.gov.cn", true, "query"),
    ]);
    expect(a.result).toMatchObject({ protocol: "whois", server: net.fake.whoisServer, outcome: "present", reason: "registered", statuses: ["ok"], queried: true });
    expect(a.evidence[0]).toMatchObject({ probe: "registry", asked: "WHOIS reg1.gov.cn", of: net.fake.whoisServer, outcome: "present" });
    expect(b.result).toMatchObject({ outcome: "gone", reason: "no-record" });
    expect(b.evidence[0]!.answer).toBe("No matching record.");
    expect(c.result).toMatchObject({ protocol: "rdap", outcome: "present", expiresAt: "2028-04-12T08:00:00Z" });
    expect(c.evidence[0]!.asked).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/com\/v1\/domain\/reg3\.com$/);
    expect(d.result).toMatchObject({ protocol: "rdap", outcome: "gone", reason: "no-record" });
    expect(e.result).toMatchObject({ protocol: null, reason: "not-applicable", queried: false });
  });

  it("does not ask when the rate guard says not yet", async () => {
    const before = net.fake.world.whois.queries;
    const queue = createRegistryQueue(net.settings(), AT);
    expect((await queue.check("reg1.gov.cn", false, "not-due")).result).toMatchObject({ reason: "not-due", queried: false });
    expect((await queue.check("reg1.gov.cn", false, "deferred")).result).toMatchObject({ reason: "deferred", queried: false });
    expect(net.fake.world.whois.queries).toBe(before);
  });

  it("stops asking a server that rate-limits or does not answer, for the rest of the pass", async () => {
    for (const n of [5, 6, 7, 8]) await net.addSite(`reg${n}.gov.cn`);
    await net.fake.command("registry whois rate-limited");
    try {
      const before = net.fake.world.whois.queries;
      const queue = createRegistryQueue(net.settings(), AT);
      const results = await Promise.all([5, 6, 7, 8].map((n) => queue.check(`reg${n}.gov.cn`, false, "query")));
      expect(results.map((r) => r.result.reason)).toEqual(["rate-limited", "rate-limited", "skipped-server-down", "skipped-server-down"]);
      expect(net.fake.world.whois.queries - before).toBe(2);
      await net.fake.command("registry whois silent");
      const silent = await createRegistryQueue(net.settings({ timeoutMs: 800 }), AT).check("reg5.gov.cn", false, "query");
      expect(silent.result).toMatchObject({ outcome: "inconclusive", reason: "timeout", reached: false });
      await net.fake.command("registry whois off");
      const off = await createRegistryQueue(net.settings(), AT).check("reg5.gov.cn", false, "query");
      expect(off.result).toMatchObject({ outcome: "inconclusive", reason: "unreachable", reached: false });
      await net.fake.command("registry rdap rate-limited");
      const rdap = await createRegistryQueue(net.settings(), AT).check("reg3.com", false, "query");
      expect(rdap.result).toMatchObject({ outcome: "inconclusive", reason: "rate-limited", reached: true });
    } finally {
      await net.fake.command("registry whois answer");
      await net.fake.command("registry rdap answer");
    }
  });

  it("asks one server one query at a time, with the configured pause between", async () => {
    await net.addSite("reg9.gov.cn");
    await net.addSite("reg10.gov.cn");
    const times: number[] = [];
    const onQuery = () => times.push(Date.now());
    net.fake.world.on("whois", onQuery);
    try {
      const queue = createRegistryQueue(net.settings({ registry: { minIntervalMs: 0, maxPerServerPerPass: 10, gapMs: 300, failuresBeforeSkip: 2 } }), AT);
      await Promise.all([queue.check("reg9.gov.cn", false, "query"), queue.check("reg10.gov.cn", false, "query")]);
    } finally {
      net.fake.world.off("whois", onQuery);
    }
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(290);
  });
});
