import { describe, expect, it } from "vitest";
import { collectVerificationPass, runVerificationPass, unitObservations, type DomainVerification, type VerificationTarget } from "../../src/verification/verification-pass.ts";
import { advanceVerification, INITIAL_VERIFICATION, type VerificationState } from "../../src/verification/verdict.ts";
import type { VerifiedTask } from "../../src/domain/model/verification.ts";
import { seedDomains } from "../../tools/fake-internet/seed-world.ts";
import { deadResolverAddress, target, useFakeInternet } from "./fake-internet-fixture.ts";

const net = useFakeInternet(14);
const T0 = new Date("2027-06-22T10:00:00+08:00");
const hour = (n: number) => new Date(T0.getTime() + n * 3_600_000);

/** Passes as the bot will run them: the baseline and the registry times kept from the results. */
function campaign(targets: VerificationTarget[]) {
  const kept = new Map(targets.map((t) => [t.domain, t]));
  const states = new Map<string, VerificationState>();
  return {
    async pass(now: Date, settings = net.settings()) {
      const { summary, results } = await collectVerificationPass([...kept.values()], { settings, now });
      for (const r of results) {
        const t = kept.get(r.domain)!;
        kept.set(r.domain, { ...t, baseline: t.baseline ?? r.fingerprint, registryLastQueriedAt: r.registry.queried ? now : t.registryLastQueriedAt });
        for (const task of ["site", "unbind", "domain"] as VerifiedTask[]) {
          const key = `${r.domain} ${task}`;
          const step = advanceVerification(states.get(key) ?? INITIAL_VERIFICATION, r.observations[task], { resolverCount: settings.dnsServers.length, reportedDoneAt: null });
          states.set(key, step.state);
        }
      }
      return { summary, results, byDomain: new Map(results.map((r) => [r.domain, r])) };
    },
    verification: (domain: string, task: VerifiedTask) => states.get(`${domain} ${task}`)?.verification ?? "unverified",
    baseline: (domain: string) => kept.get(domain)!.baseline,
  };
}

describe("a verification pass", () => {
  it("probes every domain and returns evidence and a line per result, ready to store", async () => {
    const site = await net.addSite("jtda.gov.cn", { title: "金坛档案局", icpNumber: "苏ICP备05012345号-1" });
    await net.addSite("gone1.gov.cn", { dns: "nxdomain", registry: "gone" });
    const { summary, results } = await collectVerificationPass([target("jtda.gov.cn", { unitKey: "jtda" }), target("gone1.gov.cn")], { settings: net.settings(), now: T0 });
    expect(summary).toMatchObject({ at: "2027-06-22T10:00:00+08:00", offline: false, domains: 2 });
    expect(summary.resolvers.every((r) => r.reached)).toBe(true);
    const [jtda, gone] = results as [DomainVerification, DomainVerification];
    expect(jtda.summary).toBe("6月22日 10:00 jtda.gov.cn 仍可访问（HTTP 200，标题「金坛档案局」）");
    expect(jtda).toMatchObject({ domain: "jtda.gov.cn", unitKey: "jtda", at: "2027-06-22T10:00:00+08:00", probed: true, icpNumber: "苏ICP备05012345号-1" });
    expect(jtda.observations.domain).toMatchObject({ outcome: "present", sources: net.settings().dnsServers, ttlSeconds: 600 });
    expect(jtda.observations.domain.advice).toBe(`仍能解析到 ${site.address}：请在域名服务商处删除 jtda.gov.cn 的解析记录（或向注册商注销域名）。`);
    expect(new Set(jtda.evidence.map((e) => e.probe))).toEqual(new Set(["dns", "http", "unbind", "registry"]));
    for (const e of jtda.evidence) expect(e).toMatchObject({ at: "2027-06-22T10:00:00+08:00", asked: expect.any(String), of: expect.any(String), answer: expect.any(String) });
    expect(JSON.parse(JSON.stringify(jtda))).toEqual(jtda);

    expect(gone.observations.site).toMatchObject({ outcome: "gone", reason: "no-resolution" });
    expect(gone.observations.domain.summary).toBe(`6月22日 10:00 gone1.gov.cn 已查不到解析记录（${net.settings().dnsServers.join("、")}），注册局也已无该域名`);
    expect(gone.fingerprint).toBeNull();
  });

  it("takes the baseline while the site is up: title, the ICP number in the footer, the addresses", async () => {
    const site = await net.addSite("base1.gov.cn", { title: "金坛区水利局", icpNumber: "苏ICP备05010777号-1", charset: "gbk" });
    const { results } = await collectVerificationPass([target("base1.gov.cn")], { settings: net.settings(), now: T0 });
    expect(results[0]!.fingerprint).toEqual({
      domain: "base1.gov.cn",
      takenAt: "2027-06-22T10:00:00+08:00",
      url: expect.stringMatching(/^https?:\/\/base1\.gov\.cn\/$/),
      status: 200,
      title: "金坛区水利局",
      icpNumber: "苏ICP备05010777号-1",
      textHash: expect.stringMatching(/^[0-9a-f]{16}$/),
      addresses: [site.address],
      serverAddress: site.address,
      schemes: ["https", "http"],
    });
    const again = await collectVerificationPass([target("base1.gov.cn", { baseline: results[0]!.fingerprint })], { settings: net.settings(), now: hour(1) });
    expect(again.results[0]!.fingerprint).toBeNull();
    expect(again.results[0]!.http.https.reason).toBe("like-baseline");
  });

  it("confirms a site down after three passes, and contradicts it again when it comes back", async () => {
    await net.addSite("back1.gov.cn", { title: "金坛区旅游局" });
    const c = campaign([target("back1.gov.cn")]);
    await c.pass(hour(0));
    expect(c.baseline("back1.gov.cn")?.title).toBe("金坛区旅游局");
    await net.fake.command("site back1.gov.cn down");
    await c.pass(hour(1));
    await c.pass(hour(2));
    expect(c.verification("back1.gov.cn", "site")).toBe("unverified");
    const third = await c.pass(hour(3));
    expect(c.verification("back1.gov.cn", "site")).toBe("confirmed");
    expect(c.verification("back1.gov.cn", "unbind")).toBe("confirmed");
    expect(third.byDomain.get("back1.gov.cn")!.observations.site.summary).toBe("6月22日 13:00 back1.gov.cn 已无法访问（连接被拒绝）");
    expect(c.verification("back1.gov.cn", "domain")).toBe("contradicted");

    await net.fake.command("site back1.gov.cn up");
    await c.pass(hour(4));
    expect(c.verification("back1.gov.cn", "site")).toBe("confirmed");
    const sixth = await c.pass(hour(5));
    expect(c.verification("back1.gov.cn", "site")).toBe("contradicted");
    expect(sixth.byDomain.get("back1.gov.cn")!.observations.site).toMatchObject({ outcome: "present", reason: "like-baseline" });
  });

  it("confirms a cancelled domain from both resolvers, asking the registry only a few times a day", async () => {
    await net.addSite("cancel1.gov.cn");
    const c = campaign([target("cancel1.gov.cn")]);
    await c.pass(hour(0));
    await net.fake.command("dns cancel1.gov.cn nxdomain");
    await net.fake.command("whois cancel1.gov.cn gone");
    const before = net.fake.world.whois.queries;
    for (const h of [1, 2, 3]) await c.pass(hour(h));
    expect(c.verification("cancel1.gov.cn", "domain")).toBe("confirmed");
    expect(net.fake.world.whois.queries - before).toBe(0);
    const later = await c.pass(hour(6));
    expect(net.fake.world.whois.queries - before).toBe(1);
    expect(later.byDomain.get("cancel1.gov.cn")!.registry).toMatchObject({ outcome: "gone", reason: "no-record", queried: true });
  });

  it("does not confirm from one resolver when two are configured and one keeps failing", async () => {
    await net.addSite("onedns.gov.cn", { dns: "nodata" });
    const failing = net.fake.resolvers[1]!;
    await net.fake.change((w) => w.setResolver(failing.id, { mode: "servfail" }));
    try {
      const c = campaign([target("onedns.gov.cn", { registryLastQueriedAt: hour(0) })]);
      for (const h of [1, 2, 3]) await c.pass(hour(h));
      expect(c.verification("onedns.gov.cn", "domain")).toBe("inconclusive");
    } finally {
      await net.fake.change((w) => w.setResolver(failing.id, { mode: "answer" }));
    }
  });

  it("says when no resolver or registry can be reached at all, and asks no site anything", async () => {
    await net.addSite("intranet1.gov.cn");
    const dead = await deadResolverAddress();
    const settings = net.settings({ dnsServers: [dead], whoisServer: { host: "127.0.0.1", port: Number((await deadResolverAddress()).split(":")[1]) }, timeoutMs: 1_000 });
    const before = net.fake.world.requestsFor("intranet1.gov.cn");
    const { summary, results } = await collectVerificationPass([target("intranet1.gov.cn")], { settings, now: T0 });
    expect(summary).toMatchObject({ offline: true, resolvers: [{ id: dead, reached: false }] });
    expect(results[0]!.probed).toBe(false);
    for (const task of ["site", "unbind", "domain"] as VerifiedTask[]) {
      expect(results[0]!.observations[task]).toMatchObject({ outcome: "inconclusive", reason: "offline", summary: "6月22日 10:00 intranet1.gov.cn 无法判断：核查无法访问外网" });
    }
    expect(net.fake.world.requestsFor("intranet1.gov.cn")).toBe(before);
  });

  it("keeps at most VERIFY_CONCURRENCY domains in flight, each within its budget", async () => {
    const names = Array.from({ length: 9 }, (_, i) => `hang${i}.gov.cn`);
    for (const n of names) {
      await net.addSite(n);
      await net.fake.command(`site ${n} hang`);
    }
    const inFlight = new Set<string>();
    let most = 0;
    const onRequest = (host: string) => {
      if (!host.startsWith("hang")) return;
      inFlight.add(host);
      most = Math.max(most, inFlight.size);
    };
    net.fake.world.on("request", onRequest);
    const finished: string[] = [];
    try {
      await runVerificationPass(
        names.map((n) => target(n)),
        {
          settings: net.settings({ concurrency: 3, timeoutMs: 1_200 }),
          now: T0,
          onResult: (r) => {
            finished.push(r.domain);
            inFlight.delete(r.domain);
            expect(r.observations.site).toMatchObject({ outcome: "inconclusive", reason: "timeout" });
          },
        },
      );
    } finally {
      net.fake.world.off("request", onRequest);
    }
    expect(finished).toHaveLength(9);
    expect(most).toBeLessThanOrEqual(3);
    expect(most).toBeGreaterThanOrEqual(2);
  });
});

describe("the seed's 41 domains on the fake internet", () => {
  it("serve their old sites; a unit's two domains make one site and one unbind item", async () => {
    const seed = seedDomains();
    expect(seed).toHaveLength(41);
    const block = new Map(seed.map((d, i) => [d.name, `127.14.200.${10 + i}`]));
    for (const d of seed) await net.addSite(d.name, { ...d, address: block.get(d.name)! });
    const targets = seed.map((d) => target(d.name, { unitKey: d.unitKey, isSubdomain: d.isSubdomain }));
    const { summary, results } = await collectVerificationPass(targets, { settings: net.settings(), now: T0 });
    expect(summary.outcomes.site).toEqual({ gone: 0, present: 41, inconclusive: 0 });
    expect(results.find((r) => r.domain === "jt.czsga.gov.cn")!.registry).toMatchObject({ protocol: null, reason: "not-applicable" });
    expect(results.find((r) => r.domain === "jtda.gov.cn")!.summary).toBe("6月22日 10:00 jtda.gov.cn 仍可访问（HTTP 200，标题「金坛档案局」）");

    await net.fake.command("site jtsfxz.gov.cn down");
    const again = await collectVerificationPass(
      targets.filter((t) => t.unitKey === "jtsf"),
      { settings: net.settings(), now: hour(1) },
    );
    const unit = unitObservations(again.results);
    expect(unit.site).toMatchObject({ outcome: "present", domains: ["jtpf.gov.cn", "jtsfxz.gov.cn"] });
    expect(unit.domains.map((o) => o.domains[0])).toEqual(["jtpf.gov.cn", "jtsfxz.gov.cn"]);
    await net.fake.command("site jtpf.gov.cn down");
    const both = await collectVerificationPass(targets.filter((t) => t.unitKey === "jtsf"), { settings: net.settings(), now: hour(2) });
    expect(unitObservations(both.results).site).toMatchObject({ outcome: "gone", summary: "6月22日 12:00 jtpf.gov.cn 已无法访问（连接被拒绝）；6月22日 12:00 jtsfxz.gov.cn 已无法访问（连接被拒绝）" });
  });
});
