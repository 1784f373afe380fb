import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/env-schema.ts";
import { shanghaiInstant } from "../../src/domain/model/calendar.ts";
import { planRegistryQueries, type RegistryCandidate } from "../../src/verification/registry-rate-guard.ts";
import { registrableDomain, registryTargetOf } from "../../src/verification/registry-target.ts";
import { decideVerificationRun } from "../../src/verification/verification-schedule.ts";
import { DEFAULT_REGISTRY_POLICY, parseHostPort, parseResolverAddress, verifySettingsFromConfig } from "../../src/verification/verify-settings.ts";
import { readWhoisAnswer } from "../../src/verification/whois-client.ts";
import { cnnicAnswer } from "../../tools/fake-internet/registry-servers.ts";

describe("which registry knows a domain", () => {
  const cases: [string, boolean, string | null][] = [
    ["jtda.gov.cn", false, "whois"],
    ["jtez.cn", false, "whois"],
    ["changdanghu.net", false, "rdap"],
    ["jtjiaoyu.com", false, "rdap"],
    ["jt.czsga.gov.cn", true, null],
    ["jt.czsga.gov.cn", false, null],
    ["www.jtupo.com", false, null],
    ["example.org", false, null],
    ["JTDA.GOV.CN.", false, "whois"],
  ];
  it.each(cases)("%s (sub-domain flag %s) → %s", (name, sub, protocol) => {
    expect(registryTargetOf(name, sub)?.protocol ?? null).toBe(protocol);
  });

  it("finds the registered domain of a host", () => {
    expect(registrableDomain("www.jtda.gov.cn")).toBe("jtda.gov.cn");
    expect(registrableDomain("jt.czsga.gov.cn")).toBe("czsga.gov.cn");
    expect(registrableDomain("www.jintan.gov.cn")).toBe("jintan.gov.cn");
    expect(registrableDomain("a.b.jtez.cn")).toBe("jtez.cn");
    expect(registrableDomain("www.jtupo.com")).toBe("jtupo.com");
  });
});

describe("the registry rate guard", () => {
  const now = new Date("2027-06-22T10:00:00+08:00");
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  const whois = (domain: string, last: Date | null): RegistryCandidate => ({ domain, server: "whois.cnnic.cn:43", lastQueriedAt: last });

  it("asks a domain again only after the interval", () => {
    const plan = planRegistryQueries([whois("a.cn", null), whois("b.cn", hoursAgo(1)), whois("c.cn", hoursAgo(6)), whois("d.cn", hoursAgo(5.9))], now, DEFAULT_REGISTRY_POLICY);
    expect(Object.fromEntries(plan)).toEqual({ "a.cn": "query", "b.cn": "not-due", "c.cn": "query", "d.cn": "not-due" });
  });

  it("asks each server at most so many times a pass, the least recently asked first", () => {
    const policy = { ...DEFAULT_REGISTRY_POLICY, maxPerServerPerPass: 2 };
    const plan = planRegistryQueries(
      [whois("a.cn", hoursAgo(7)), whois("b.cn", null), whois("c.cn", hoursAgo(30)), { domain: "x.com", server: "https://rdap.verisign.com", lastQueriedAt: null }],
      now,
      policy,
    );
    expect(Object.fromEntries(plan)).toEqual({ "b.cn": "query", "c.cn": "query", "a.cn": "deferred", "x.com": "query" });
  });

  it("spreads a whole campaign over a few passes a day, each domain a few times a day at most", () => {
    const last = new Map<string, Date | null>(Array.from({ length: 38 }, (_, i) => [`d${i}.gov.cn`, null]));
    const asked = new Map<string, number>();
    for (let hour = 0; hour < 24; hour++) {
      const at = new Date(now.getTime() + hour * 3_600_000);
      const plan = planRegistryQueries([...last].map(([d, l]) => whois(d, l)), at, DEFAULT_REGISTRY_POLICY);
      for (const [d, p] of plan) {
        if (p !== "query") continue;
        last.set(d, at);
        asked.set(d, (asked.get(d) ?? 0) + 1);
      }
    }
    expect(Math.max(...asked.values())).toBeLessThanOrEqual(4);
    expect(Math.min(...asked.values())).toBeGreaterThanOrEqual(3);
  });
});

describe("reading CNNIC's WHOIS answers", () => {
  it("reads a registered domain, a missing one, and a rate limit", () => {
    const registered = cnnicAnswer({ registry: "registered", sponsor: "常州市金坛区档案局" } as never, "jtda.gov.cn");
    expect(readWhoisAnswer(registered)).toEqual({ outcome: "present", reason: "registered", statuses: ["ok"], expiresAt: "2028-03-10 12:00:00" });
    expect(readWhoisAnswer("No matching record.\r\n")).toMatchObject({ outcome: "gone", reason: "no-record" });
    expect(readWhoisAnswer("Queried interval is too short.\r\n")).toMatchObject({ outcome: "inconclusive", reason: "rate-limited" });
    expect(readWhoisAnswer("")).toMatchObject({ outcome: "inconclusive", reason: "unrecognized" });
  });
});

describe("when a verification pass runs", () => {
  const opens = shanghaiInstant(2027, 6, 21);
  const due = shanghaiInstant(2027, 6, 23, 23, 59, 59);
  const at = (d: number, h: number, m = 0) => shanghaiInstant(2027, 6, d, h, m);
  const base = { windowOpensAt: opens, lastDueAt: due, allConfirmed: false };
  const cases: [string, Date, Date | null, boolean, ReturnType<typeof decideVerificationRun>][] = [
    ["the first tick before the window", at(18, 9), null, false, { run: true, kind: "baseline" }],
    ["again the same day before the window", at(18, 15), at(18, 9), false, { run: false, reason: "baseline-done-today" }],
    ["the next day before the window", at(19, 0, 5), at(18, 23), false, { run: true, kind: "baseline" }],
    ["the window's first hour", at(21, 0), at(20, 9), false, { run: true, kind: "hourly" }],
    ["twice in one hour", at(21, 10, 30), at(21, 10), false, { run: false, reason: "ran-this-hour" }],
    ["the next hour", at(21, 11), at(21, 10, 59), false, { run: true, kind: "hourly" }],
    ["everything confirmed", at(22, 11), at(22, 10), true, { run: false, reason: "all-confirmed" }],
    ["six days after the last deadline", at(29, 23), at(29, 22), false, { run: true, kind: "hourly" }],
    ["more than a week after it", at(31, 1), at(31, 0), false, { run: false, reason: "campaign-over" }],
  ];
  it.each(cases)("%s", (_name, now, lastPassAt, allConfirmed, expected) => {
    expect(decideVerificationRun({ ...base, now, lastPassAt, allConfirmed })).toEqual(expected);
  });
});

describe("VERIFY_* configuration", () => {
  it("has defaults: on, hourly, the system's resolvers, CNNIC and Verisign, 8 at a time, 5 s, a second between registry questions", () => {
    const result = parseConfig({});
    expect(result.ok && result.config).toMatchObject({
      VERIFY: "on",
      VERIFY_CRON: "0 * * * *",
      VERIFY_DNS_SERVERS: [],
      VERIFY_HTTP_PORT: 80,
      VERIFY_HTTPS_PORT: 443,
      VERIFY_WHOIS_SERVER: "whois.cnnic.cn:43",
      VERIFY_RDAP_URL: "https://rdap.verisign.com/{tld}/v1/",
      VERIFY_CONCURRENCY: 8,
      VERIFY_TIMEOUT_MS: 5000,
      VERIFY_REGISTRY_GAP_MS: 1000,
    });
  });

  it("reads resolvers with ports, and turns the variables into probe settings", () => {
    const result = parseConfig({ VERIFY_DNS_SERVERS: "114.114.114.114, 127.0.0.1:5353，[::1]:53", VERIFY_WHOIS_SERVER: "127.0.0.1:4343", VERIFY_CONCURRENCY: "16", VERIFY_REGISTRY_GAP_MS: "250" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.VERIFY_DNS_SERVERS).toEqual(["114.114.114.114:53", "127.0.0.1:5353", "[::1]:53"]);
    const settings = verifySettingsFromConfig(result.config);
    expect(settings).toMatchObject({ dnsServers: ["114.114.114.114:53", "127.0.0.1:5353", "[::1]:53"], whoisServer: { host: "127.0.0.1", port: 4343 }, concurrency: 16, timeoutMs: 5000, maxRedirects: 3, maxBodyBytes: 65536 });
    expect(settings.registry).toMatchObject({ gapMs: 250, maxPerServerPerPass: 20, minIntervalMs: 6 * 3_600_000 });
    expect(settings.userAgent).toMatch(/shutdown-bot/);
  });

  it("reports every wrong value at once", () => {
    const result = parseConfig({ VERIFY: "yes", VERIFY_DNS_SERVERS: "dns.example.com", VERIFY_HTTP_PORT: "http", VERIFY_WHOIS_SERVER: "whois.cnnic.cn", VERIFY_RDAP_URL: "rdap", VERIFY_CONCURRENCY: "0", VERIFY_TIMEOUT_MS: "5", VERIFY_CRON: "hourly", VERIFY_REGISTRY_GAP_MS: "-1" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.variable).sort()).toEqual([
      "VERIFY",
      "VERIFY_CONCURRENCY",
      "VERIFY_CRON",
      "VERIFY_DNS_SERVERS",
      "VERIFY_HTTP_PORT",
      "VERIFY_RDAP_URL",
      "VERIFY_REGISTRY_GAP_MS",
      "VERIFY_TIMEOUT_MS",
      "VERIFY_WHOIS_SERVER",
    ]);
  });

  it("parses resolver and server addresses", () => {
    expect(parseResolverAddress("8.8.8.8")).toBe("8.8.8.8:53");
    expect(parseResolverAddress("2001:db8::1")).toBe("[2001:db8::1]:53");
    expect(parseResolverAddress("8.8.8.8:70000")).toBeNull();
    expect(parseResolverAddress("localhost")).toBeNull();
    expect(parseHostPort("whois.cnnic.cn:43")).toEqual({ host: "whois.cnnic.cn", port: 43 });
    expect(parseHostPort("whois.cnnic.cn")).toBeNull();
  });
});
