import { describe, expect, it } from "vitest";
import { probeDns } from "../../src/verification/dns-probe.ts";
import { probeHttp } from "../../src/verification/http-probe.ts";
import { observeSite } from "../../src/verification/observations.ts";
import { startBudget } from "../../src/verification/probe-budget.ts";
import type { Fingerprint } from "../../src/verification/verification-types.ts";
import type { VerifySettings } from "../../src/verification/verify-settings.ts";
import { HUGE_BODY_BYTES } from "../../tools/fake-internet/web-servers.ts";
import { resolversOf, useFakeInternet } from "./fake-internet-fixture.ts";

const net = useFakeInternet(12);
const NOW = new Date("2027-06-22T10:00:00+08:00");
const AT = "2027-06-22T10:00:00+08:00";

async function probeSite(domain: string, settings: VerifySettings = net.settings(), baseline: Fingerprint | null = null) {
  const resolvers = resolversOf(settings);
  const budget = startBudget(settings.timeoutMs);
  const dns = await probeDns(domain, resolvers, budget, AT);
  const resolveHost = async (host: string) => (await probeDns(host, resolvers, budget, AT)).result.addresses[0] ?? null;
  const http = await probeHttp(domain, dns.result, baseline, { settings, budget, at: AT, resolveHost });
  return { ...http, dns: dns.result, line: observeSite(http.result, dns.result, NOW, settings.maxRedirects).summary };
}

function baselineOf(domain: string, address: string, title: string): Fingerprint {
  return { domain, takenAt: AT, url: `http://${domain}/`, status: 200, title, icpNumber: "苏ICP备05012345号-1", textHash: "0000000000000000", addresses: [address], serverAddress: address, schemes: ["https", "http"] };
}

describe("HTTP(S) probe: the site is up", () => {
  it("gets the page over https and http at the resolved address, with the domain as Host and SNI", async () => {
    const site = await net.addSite("up1.gov.cn", { title: "金坛档案局" });
    const { result, evidence, line } = await probeSite("up1.gov.cn");
    expect(result).toMatchObject({ outcome: "present", https: { outcome: "present", reason: "no-baseline", address: site.address }, http: { outcome: "present" } });
    expect(result.https.page).toMatchObject({ status: 200, title: "金坛档案局", icpNumber: "苏ICP备05012345号-1", certificate: { trusted: true, error: null } });
    expect(line).toBe("6月22日 10:00 up1.gov.cn 仍可访问（HTTP 200，标题「金坛档案局」）");
    expect(evidence.map((e) => [e.asked, e.of])).toEqual(
      expect.arrayContaining([
        ["GET https://up1.gov.cn/", `${site.address}:${net.fake.httpsPort}`],
        ["GET http://up1.gov.cn/", `${site.address}:${net.fake.httpPort}`],
      ]),
    );
  });

  it("reads a site whose certificate is not trusted, and says so in the evidence", async () => {
    await net.addSite("up2.gov.cn");
    const { result, evidence } = await probeSite("up2.gov.cn", net.settings({ extraCa: null }));
    expect(result.https).toMatchObject({ outcome: "present" });
    expect(result.https.page?.certificate).toMatchObject({ trusted: false });
    expect(evidence.find((e) => e.asked.startsWith("GET https"))?.answer).toMatch(/certificate untrusted \(/);
  });

  it("follows http's redirect to https on the same host", async () => {
    await net.addSite("up3.gov.cn", { upgradeToHttps: true });
    const { result } = await probeSite("up3.gov.cn");
    expect(result.http).toMatchObject({ outcome: "present", redirects: 1 });
  });

  it("compares with the baseline: the same site is up, another page cannot be judged", async () => {
    const site = await net.addSite("up4.gov.cn", { title: "金坛区民政局" });
    expect((await probeSite("up4.gov.cn", net.settings(), baselineOf("up4.gov.cn", site.address, "金坛区民政局"))).result.https.reason).toBe("like-baseline");
    const other = baselineOf("up4.gov.cn", site.address, "完全不同的网站");
    const changed = await probeSite("up4.gov.cn", net.settings(), { ...other, icpNumber: "浙ICP备19000001号" });
    expect(changed.result).toMatchObject({ outcome: "inconclusive", https: { reason: "changed" } });
    expect(changed.line).toBe("6月22日 10:00 up4.gov.cn 仍有网页（HTTP 200，标题「金坛区民政局」），但与关停前的网站不同，无法判断");
  });
});

describe("HTTP(S) probe: the site is down", () => {
  const cases: [string, string, string, (name: string) => Promise<void>, string][] = [
    ["the server refuses connections", "gone", "refused", (n) => net.fake.command(`site ${n} down`).then(() => {}), "已无法访问（连接被拒绝）"],
    ["the server resets connections", "gone", "reset", (n) => net.fake.command(`site ${n} reset`).then(() => {}), "已无法访问（连接被重置）"],
    ["404 everywhere", "gone", "not-found", (n) => net.fake.command(`site ${n} 404`).then(() => {}), "已无法访问（HTTP 404）"],
    ["410 everywhere", "gone", "not-found", (n) => net.fake.command(`site ${n} 410`).then(() => {}), "已无法访问（HTTP 410）"],
    ["a provider's 未备案 interception", "gone", "down-page", (n) => net.fake.command(`site ${n} notfiled`).then(() => {}), "已无法访问（显示「未备案」页面）"],
    ["a provider's suspension page", "gone", "down-page", (n) => net.fake.command(`site ${n} suspended`).then(() => {}), "已无法访问（显示「网站暂停访问」页面）"],
    ["the unit's closure notice", "gone", "down-page", (n) => net.fake.command(`site ${n} closed`).then(() => {}), "已无法访问（显示「网站已关停」页面）"],
    ["the server's default site (unbound)", "gone", "down-page", (n) => net.fake.command(`unbind ${n}`).then(() => {}), "已无法访问（显示「Welcome to nginx」页面）"],
    ["the domain no longer resolves", "gone", "no-resolution", (n) => net.fake.command(`dns ${n} nxdomain`).then(() => {}), "已无法访问（域名已无解析）"],
    ["a redirect to the new cluster", "gone", "redirected-elsewhere", (n) => net.fake.command(`site ${n} away`).then(() => {}), "已不再提供原网站（跳转到 www.jintan.gov.cn）"],
    ["503", "inconclusive", "server-error", (n) => net.fake.command(`site ${n} 503`).then(() => {}), "无法判断（HTTP 503）"],
  ];
  it.each(cases)("%s → %s (%s)", async (name, outcome, reason, change, line) => {
    const domain = `down${cases.findIndex((c) => c[0] === name)}.gov.cn`;
    await net.addSite(domain, { providerVariant: 0 });
    await change(domain);
    const { result, line: summary } = await probeSite(domain);
    expect(result.outcome).toBe(outcome);
    expect(result.decidedBy === "http" ? result.http.reason : result.https.reason).toBe(reason);
    expect(summary).toBe(`6月22日 10:00 ${domain} ${line}`);
  });

  it("needs both schemes down; a scheme that timed out counts only if the site used it", async () => {
    await net.addSite("down-mixed.gov.cn", { https: false });
    await net.fake.change((w) => w.update("down-mixed.gov.cn", { page: "not-found" }));
    // https answers the server's default site (no https virtual host): down too.
    expect((await probeSite("down-mixed.gov.cn")).result.outcome).toBe("gone");
  });
});

describe("HTTP(S) probe: servers that misbehave", () => {
  it("stops after 3 redirects of a redirect loop: inconclusive", async () => {
    await net.addSite("loop.gov.cn");
    await net.fake.change((w) => {
      w.update("loop.gov.cn", { page: "redirect-loop" });
      w.setServer(w.domain("loop.gov.cn").address, { https: false });
    });
    const { result, line } = await probeSite("loop.gov.cn");
    expect(result.http).toMatchObject({ outcome: "inconclusive", reason: "too-many-redirects", redirects: 3 });
    expect(result.https).toMatchObject({ outcome: "gone", reason: "refused" });
    expect(result.outcome).toBe("inconclusive");
    expect(net.fake.world.requestsFor("loop.gov.cn")).toBe(4);
    expect(line).toBe("6月22日 10:00 loop.gov.cn 无法判断（重定向超过 3 次）");
  });

  it("reads 64 KB of a 10 MB page and hangs up", async () => {
    await net.addSite("huge.gov.cn", { https: false });
    await net.fake.command("site huge.gov.cn huge");
    const aborted = net.fake.world.stats.hugeAborted;
    const { result } = await probeSite("huge.gov.cn");
    expect(result.http.page).toMatchObject({ status: 200, bytesRead: 64 * 1024, truncated: true });
    await net.fake.waitFor(() => net.fake.world.stats.hugeAborted > aborted, "the server to see the probe hang up");
    expect(net.fake.world.stats.hugeBytesSent).toBeLessThan(HUGE_BODY_BYTES);
  });

  it("gives up on a slow server at the budget: inconclusive, never up or down", async () => {
    await net.addSite("slow.gov.cn");
    await net.fake.command("site slow.gov.cn slow");
    const settings = net.settings({ timeoutMs: 1_500 });
    const started = Date.now();
    const { result, line } = await probeSite("slow.gov.cn", settings);
    expect(result).toMatchObject({ outcome: "inconclusive", https: { reason: "timeout" }, http: { reason: "timeout" } });
    expect(line).toBe("6月22日 10:00 slow.gov.cn 无法判断（连接超时，服务器没有应答）");
    expect(Date.now() - started).toBeLessThan(settings.timeoutMs + 5_000);
  });

  it("gives up on a server that accepts connections and says nothing", async () => {
    await net.addSite("silent.gov.cn");
    await net.fake.command("site silent.gov.cn silent");
    const { result } = await probeSite("silent.gov.cn", net.settings({ timeoutMs: 1_500 }));
    expect(result).toMatchObject({ outcome: "inconclusive", https: { reason: "timeout", code: "ETIMEDOUT" }, http: { reason: "timeout" } });
  });

  it("sends a User-Agent naming the bot and no credentials", async () => {
    const seen: Record<string, string | string[] | undefined>[] = [];
    await net.addSite("headers.gov.cn");
    const listener = (host: string, headers: Record<string, string | string[] | undefined>) => void (host === "headers.gov.cn" && seen.push(headers));
    net.fake.world.on("request", listener);
    try {
      await probeSite("headers.gov.cn");
    } finally {
      net.fake.world.off("request", listener);
    }
    const mine = seen;
    expect(mine.length).toBeGreaterThanOrEqual(2);
    for (const h of mine) {
      expect(h["user-agent"]).toMatch(/^shutdown-bot-verify\//);
      expect(h.authorization).toBeUndefined();
      expect(h.cookie).toBeUndefined();
    }
  });
});
