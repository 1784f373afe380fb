import { describe, expect, it } from "vitest";
import { probeDns } from "../../src/verification/dns-probe.ts";
import { startBudget } from "../../src/verification/probe-budget.ts";
import { advanceVerification, INITIAL_VERIFICATION } from "../../src/verification/verdict.ts";
import { observeDomain } from "../../src/verification/observations.ts";
import { notQueried } from "../../src/verification/registry-probe.ts";
import { budgetOf, deadResolverAddress, resolversOf, useFakeInternet } from "./fake-internet-fixture.ts";

const net = useFakeInternet(11, { resolvers: 2 });
const AT = "2027-06-22T10:00:00+08:00";

describe("DNS probe through the configured resolvers", () => {
  it("finds A, AAAA and CNAME records with their TTL", async () => {
    const site = await net.addSite("dnsa.gov.cn", { ttl: 900, ipv6: ["::1"] });
    await net.addSite("alias.dnsa.gov.cn", { cname: "dnsa.gov.cn" });
    const settings = net.settings();
    const { result, evidence } = await probeDns("dnsa.gov.cn", resolversOf(settings), budgetOf(settings), AT);
    expect(result).toMatchObject({ outcome: "present", addresses: [site.address, "::1"], maxTtlSeconds: 900, presentFrom: settings.dnsServers, goneFrom: [] });
    expect(evidence).toHaveLength(6);
    expect(evidence.find((e) => e.asked === "A dnsa.gov.cn")).toMatchObject({ answer: `${site.address} (TTL 900)`, outcome: "present", at: AT });
    const alias = await probeDns("alias.dnsa.gov.cn", resolversOf(settings), budgetOf(settings), AT);
    expect(alias.result).toMatchObject({ outcome: "present", cnames: ["dnsa.gov.cn"], addresses: [site.address, "::1"] });
  });

  it("calls NXDOMAIN and NODATA gone, from every resolver", async () => {
    await net.addSite("dnsb.gov.cn", { dns: "nxdomain" });
    await net.addSite("dnsc.gov.cn", { dns: "nodata" });
    const settings = net.settings();
    for (const [name, answer] of [["dnsb.gov.cn", "NXDOMAIN"], ["dnsc.gov.cn", "NODATA"], ["never-registered.gov.cn", "NXDOMAIN"]] as const) {
      const { result, evidence } = await probeDns(name, resolversOf(settings), budgetOf(settings), AT);
      expect(result, name).toMatchObject({ outcome: "gone", goneFrom: settings.dnsServers, addresses: [] });
      expect(evidence.find((e) => e.asked === `A ${name}`)?.answer).toBe(answer);
    }
  });

  it("calls SERVFAIL and REFUSED inconclusive, though the resolver was reached", async () => {
    await net.addSite("dnsd.gov.cn");
    const [first, second] = net.fake.resolvers;
    await net.fake.change((w) => {
      w.setResolver(first!.id, { mode: "servfail" });
      w.setResolver(second!.id, { mode: "refused" });
    });
    try {
      const settings = net.settings();
      const { result, evidence } = await probeDns("dnsd.gov.cn", resolversOf(settings), budgetOf(settings), AT);
      expect(result.outcome).toBe("inconclusive");
      expect(result.answers.map((a) => [a.outcome, a.reached])).toEqual([["inconclusive", true], ["inconclusive", true]]);
      expect(new Set(evidence.map((e) => e.answer))).toEqual(new Set(["SERVFAIL", "REFUSED"]));
    } finally {
      await net.fake.change((w) => {
        w.setResolver(first!.id, { mode: "answer" });
        w.setResolver(second!.id, { mode: "answer" });
      });
    }
  });

  it("calls a silent resolver a timeout and an unreachable one unreachable, within the budget", async () => {
    await net.addSite("dnse.gov.cn");
    const silent = net.fake.resolvers[0]!;
    await net.fake.change((w) => w.setResolver(silent.id, { mode: "silent" }));
    try {
      const dead = await deadResolverAddress();
      const settings = net.settings({ dnsServers: [silent.id, dead], timeoutMs: 1_500 });
      const started = Date.now();
      const { result } = await probeDns("dnse.gov.cn", resolversOf(settings), startBudget(settings.timeoutMs), AT);
      expect(result.outcome).toBe("inconclusive");
      const [timedOut, unreachable] = result.answers;
      expect(timedOut).toMatchObject({ resolver: silent.id, outcome: "inconclusive", reached: false });
      expect(timedOut!.records.every((r) => r.status === "timeout")).toBe(true);
      expect(unreachable).toMatchObject({ resolver: dead, outcome: "inconclusive", reached: false });
      expect(unreachable!.records.every((r) => r.status === "unreachable" || r.status === "timeout")).toBe(true);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await net.fake.change((w) => w.setResolver(silent.id, { mode: "answer" }));
    }
  });

  it("goes by the resolvers that answer: gone from one while the other fails is gone from one", async () => {
    await net.addSite("dnsf.gov.cn", { dns: "nodata" });
    const [first, second] = net.fake.resolvers;
    await net.fake.change((w) => w.setResolver(second!.id, { mode: "servfail" }));
    try {
      const settings = net.settings();
      const { result } = await probeDns("dnsf.gov.cn", resolversOf(settings), budgetOf(settings), AT);
      expect(result).toMatchObject({ outcome: "gone", goneFrom: [first!.id] });
    } finally {
      await net.fake.change((w) => w.setResolver(second!.id, { mode: "answer" }));
    }
  });
});

describe("a recursive resolver's cache of a deleted record", () => {
  it("keeps answering the record, with a falling TTL, until the TTL runs out; the verdict waits for it", async () => {
    const site = await net.addSite("dnsg.gov.cn", { ttl: 600 });
    const resolver = net.fake.resolvers[0]!;
    const t0 = new Date("2027-06-22T10:00:00+08:00");
    await net.fake.change((w) => {
      w.setTime(t0);
      w.setResolver(resolver.id, { caching: true });
    });
    try {
      const settings = net.settings({ dnsServers: [resolver.id] });
      const ask = async () => (await probeDns("dnsg.gov.cn", resolversOf(settings), budgetOf(settings), AT)).result;
      expect(await ask()).toMatchObject({ outcome: "present", maxTtlSeconds: 600 });

      // The contact deletes the record at 10:05 and reports it.
      const reportedAt = new Date(t0.getTime() + 5 * 60_000);
      await net.fake.change((w) => {
        w.update("dnsg.gov.cn", { dns: "nodata" });
        w.setTime(reportedAt);
      });
      const cached = await ask();
      expect(cached).toMatchObject({ outcome: "present", addresses: [site.address], maxTtlSeconds: 300 });
      const options = { resolverCount: 1, reportedDoneAt: reportedAt };
      const observation = observeDomain(cached, notQueried("dnsg.gov.cn", null, null, "not-due"), reportedAt);
      expect(observation.summary).toBe("6月22日 10:05 dnsg.gov.cn 仍能解析到 " + site.address + "（TTL 300 秒：若刚删除记录，递归解析器的缓存最迟 10:10 过期）");
      const step = advanceVerification(INITIAL_VERIFICATION, observation, options);
      expect(step).toMatchObject({ counted: "none", note: "possibly-cached" });

      await net.fake.change((w) => w.advance(200));
      expect((await ask()).maxTtlSeconds).toBe(100);

      await net.fake.change((w) => w.advance(101));
      expect(await ask()).toMatchObject({ outcome: "gone", goneFrom: [resolver.id] });
    } finally {
      await net.fake.change((w) => {
        w.setResolver(resolver.id, { caching: false });
        w.setTime(null);
      });
    }
  });
});
