// A controllable simulated internet on loopback: resolvers, web servers (HTTP and HTTPS), a
// WHOIS and an RDAP server, all answering from one world that can change at run time.
import { DEFAULT_VERIFY_SETTINGS, type VerifySettings } from "../../src/verification/verify-settings.ts";
import { createCertificateMaker } from "./certificates.ts";
import { startFakeResolver, type FakeResolver, type ResolverInit } from "./dns-server.ts";
import { startRegistryServers, type RegistryServers } from "./registry-servers.ts";
import { startWebServers, type WebServers } from "./web-servers.ts";
import { applyWorldCommand, type CommandResult } from "./world-commands.ts";
import { World, type FakeDomainInit } from "./world.ts";

export interface FakeInternetOptions {
  domains?: readonly FakeDomainInit[];
  /** How many resolvers, or each one's behaviour. Default 2. */
  resolvers?: number | readonly ResolverInit[];
  /** per-name: certificates signed by the test CA for each name. shared: one certificate (untrusted for every name). */
  certificates?: "per-name" | "shared";
}

export interface FakeInternet {
  world: World;
  resolvers: FakeResolver[];
  httpPort: number;
  httpsPort: number;
  /** "127.0.0.1:PORT" */
  whoisServer: string;
  /** "http://127.0.0.1:PORT/{tld}/v1/" */
  rdapUrl: string;
  caPem: string;
  /** Probe settings pointing at this internet (the test CA trusted, no pause between registry queries). */
  settings(overrides?: Partial<VerifySettings>): VerifySettings;
  /** The same as VERIFY_* variables, for a child process. */
  env(): Record<string, string>;
  /** Changes the world, then waits until the servers match it (a server turned off refuses at once). */
  change(fn: (world: World) => void): Promise<void>;
  /** A text command (site jtda.gov.cn down, dns jtda.gov.cn gone…), applied and settled. */
  command(line: string): Promise<CommandResult>;
  /** Resolves when `predicate` holds, checked at every change and request of the world. */
  waitFor(predicate: () => boolean, what?: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeInternet(options: FakeInternetOptions = {}): Promise<FakeInternet> {
  const world = new World();
  world.setMaxListeners(0);
  for (const d of options.domains ?? []) world.addDomain(d);
  const resolverInits = typeof options.resolvers === "number" || options.resolvers === undefined ? Array.from({ length: options.resolvers ?? 2 }, () => ({})) : options.resolvers;
  const certs = await createCertificateMaker(options.certificates ?? "per-name");
  const resolvers: FakeResolver[] = [];
  let web: WebServers | null = null;
  let registries: RegistryServers | null = null;
  try {
    for (const init of resolverInits) resolvers.push(await startFakeResolver(world, init));
    web = await startWebServers(world, certs);
    registries = await startRegistryServers(world);
  } catch (error) {
    await Promise.all(resolvers.map((r) => r.close()));
    await web?.close();
    throw error;
  }
  const w = web;
  const r = registries;
  const settle = async () => {
    await w.sync();
    await r.sync();
  };
  world.on("server-added", () => void w.sync().catch(() => {}));

  const fake: FakeInternet = {
    world,
    resolvers,
    httpPort: w.httpPort,
    httpsPort: w.httpsPort,
    whoisServer: r.whois,
    rdapUrl: r.rdapUrl,
    caPem: certs.caPem,
    settings: (overrides = {}) => ({
      ...DEFAULT_VERIFY_SETTINGS,
      dnsServers: resolvers.map((x) => x.id),
      httpPort: w.httpPort,
      httpsPort: w.httpsPort,
      whoisServer: { host: "127.0.0.1", port: Number(r.whois.split(":")[1]) },
      rdapUrl: r.rdapUrl,
      extraCa: certs.caPem,
      registry: { ...DEFAULT_VERIFY_SETTINGS.registry, gapMs: 0 },
      ...overrides,
    }),
    env: () => ({
      VERIFY: "on",
      VERIFY_DNS_SERVERS: resolvers.map((x) => x.id).join(","),
      VERIFY_HTTP_PORT: String(w.httpPort),
      VERIFY_HTTPS_PORT: String(w.httpsPort),
      VERIFY_WHOIS_SERVER: r.whois,
      VERIFY_RDAP_URL: r.rdapUrl,
      // As settings() says: its registry servers answer every question, so no pause between them.
      VERIFY_REGISTRY_GAP_MS: "0",
    }),
    change: async (fn) => {
      fn(world);
      await settle();
    },
    command: async (line) => {
      const result = applyWorldCommand(world, line);
      await settle();
      return result;
    },
    waitFor: (predicate, what = "a state of the fake internet", timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        if (predicate()) return resolve();
        const check = () => {
          if (!predicate()) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${what}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          world.off("changed", check);
        };
        world.on("changed", check);
      }),
    close: async () => {
      await Promise.all(resolvers.map((x) => x.close()));
      await w.close();
      await r.close();
    },
  };
  return fake;
}
