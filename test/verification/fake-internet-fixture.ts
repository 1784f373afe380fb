// A fake internet per test file, with domains added by each test on their own loopback addresses.
import dgram from "node:dgram";
import { afterAll, beforeAll } from "vitest";
import { createResolvers } from "../../src/verification/dns-probe.ts";
import { startBudget } from "../../src/verification/probe-budget.ts";
import type { VerificationTarget } from "../../src/verification/verification-pass.ts";
import type { VerifySettings } from "../../src/verification/verify-settings.ts";
import { startFakeInternet, type FakeInternet, type FakeInternetOptions } from "../../tools/fake-internet/fake-internet.ts";
import type { FakeDomain, FakeDomainInit } from "../../tools/fake-internet/world.ts";

export interface TestInternet {
  fake: FakeInternet;
  /** Adds a domain on a fresh loopback address, serving an old government site; waits until it listens. */
  addSite(name: string, init?: Partial<FakeDomainInit>): Promise<FakeDomain>;
  settings(overrides?: Partial<VerifySettings>): VerifySettings;
}

/** Starts a fake internet before the file's tests and closes it after. `block` keeps files' addresses apart. */
export function useFakeInternet(block: number, options: FakeInternetOptions = {}): TestInternet {
  let fake: FakeInternet | null = null;
  let n = 0;
  beforeAll(async () => {
    fake = await startFakeInternet(options);
  });
  afterAll(async () => {
    await fake?.close();
  });
  const get = () => {
    if (!fake) throw new Error("the fake internet has not started");
    return fake;
  };
  return {
    get fake() {
      return get();
    },
    async addSite(name, init = {}) {
      const address = init.address ?? `127.${block}.${Math.floor(++n / 250)}.${(n % 250) + 1}`;
      let domain: FakeDomain | null = null;
      await get().change((w) => {
        domain = w.addDomain({ title: `金坛${name.split(".")[0]}局`, icpNumber: "苏ICP备05012345号-1", ...init, name, address });
      });
      return domain!;
    },
    settings: (overrides) => get().settings(overrides),
  };
}

export function target(domain: string, extra: Partial<VerificationTarget> = {}): VerificationTarget {
  return { domain, isSubdomain: false, unitKey: null, baseline: null, registryLastQueriedAt: null, ...extra };
}

/** A UDP port with nothing listening on it: a resolver that cannot be reached. */
export async function deadResolverAddress(): Promise<string> {
  const socket = dgram.createSocket("udp4");
  await new Promise<void>((r) => socket.bind(0, "127.0.0.1", r));
  const { port } = socket.address();
  await new Promise<void>((r) => socket.close(() => r()));
  return `127.0.0.1:${port}`;
}

export function resolversOf(settings: VerifySettings) {
  return createResolvers(settings.dnsServers, settings.timeoutMs);
}

export const budgetOf = (settings: VerifySettings) => startBudget(settings.timeoutMs);
