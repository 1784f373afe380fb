// The simulated internet's state: domains with their DNS records, web servers and registry
// entries, resolvers, and the registries' servers. Everything can change at run time; every
// change and every request is an event, so callers wait for states instead of for time.
import { EventEmitter } from "node:events";
import net from "node:net";

/** What the domain's virtual host answers (when its server is on and the domain is bound). */
export type PageMode =
  | "up"
  | "not-found"
  | "gone"
  | "suspended"
  | "not-filed"
  | "closed"
  | "expired"
  | "error"
  | "redirect-loop"
  | "redirect-away"
  | "huge"
  | "slow"
  | "hang";

/** What the web server at an address does with a connection. off: nothing listens (refused). */
export type ServerMode = "on" | "off" | "reset" | "silent";

/** What a server answers for a Host it has no site for. */
export type DefaultSite = "nginx" | "bt-panel" | "iis" | "not-found" | "bad-request";

export type DnsState = "present" | "nxdomain" | "nodata";
export type ResolverMode = "answer" | "servfail" | "refused" | "silent";
export type RegistryServerMode = "answer" | "rate-limited" | "silent" | "off" | "error";

export interface FakeDomain {
  name: string;
  /** The A record, and the web server that hosts the site: a loopback address. */
  address: string;
  /** AAAA records (loopback only: "::1"). */
  ipv6: string[];
  /** A CNAME to another name of the world instead of the A record. */
  cname: string | null;
  ttl: number;
  dns: DnsState;
  page: PageMode;
  /** The server still has a virtual host for the domain. */
  bound: boolean;
  /** The virtual host serves https too. */
  https: boolean;
  /** http answers 301 to https. */
  upgradeToHttps: boolean;
  registry: "registered" | "gone";
  title: string;
  icpNumber: string | null;
  charset: "utf-8" | "gbk";
  /** Which provider's wording the suspended / not-filed pages use (0, 1, 2…). */
  providerVariant: number;
  /** Registrant shown by WHOIS. */
  sponsor: string;
}

export interface FakeServer {
  address: string;
  mode: ServerMode;
  defaultSite: DefaultSite;
  /** Listens on the HTTPS port at all. */
  https: boolean;
}

export interface FakeResolverState {
  id: string;
  mode: ResolverMode;
  /** Behaves as a recursive resolver: keeps answers for their TTL (of the world's clock). */
  caching: boolean;
  /** TTL of cached NXDOMAIN/NODATA answers (the zone's SOA minimum). */
  negativeTtl: number;
  cache: Map<string, { rcode: number; records: CachedRecord[]; expiresAt: number }>;
  queries: number;
}

export interface CachedRecord {
  name: string;
  type: "A" | "AAAA" | "CNAME";
  value: string;
  ttl: number;
}

export interface RegistryServerState {
  mode: RegistryServerMode;
  queries: number;
}

export interface WorldStats {
  /** Requests per Host (lower case), over both schemes. */
  requests: Map<string, number>;
  /** Connections per server address. */
  connections: Map<string, number>;
  inFlight: number;
  maxInFlight: number;
  /** Bytes of huge bodies written, and how many of them the client cut short. */
  hugeBytesSent: number;
  hugeAborted: number;
}

export type FakeDomainInit = Partial<FakeDomain> & { name: string; address: string };

export function isLoopback(address: string): boolean {
  if (net.isIPv4(address)) return address.startsWith("127.");
  return address === "::1";
}

export class World extends EventEmitter {
  readonly domains = new Map<string, FakeDomain>();
  readonly servers = new Map<string, FakeServer>();
  readonly resolvers = new Map<string, FakeResolverState>();
  readonly whois: RegistryServerState = { mode: "answer", queries: 0 };
  readonly rdap: RegistryServerState = { mode: "answer", queries: 0 };
  readonly stats: WorldStats = { requests: new Map(), connections: new Map(), inFlight: 0, maxInFlight: 0, hugeBytesSent: 0, hugeAborted: 0 };
  /** Milliseconds of the world's clock: recursive caches age by it. Default the real clock. */
  private offsetMs = 0;
  private fixedMs: number | null = null;

  now(): number {
    return this.fixedMs ?? Date.now() + this.offsetMs;
  }

  /** Pins the world's clock (a simulated time), or null to follow the real clock again. */
  setTime(at: Date | null): void {
    this.fixedMs = at?.getTime() ?? null;
    this.changed();
  }

  advance(seconds: number): void {
    if (this.fixedMs !== null) this.fixedMs += seconds * 1000;
    else this.offsetMs += seconds * 1000;
    this.changed();
  }

  addDomain(init: FakeDomainInit): FakeDomain {
    const name = init.name.toLowerCase();
    for (const a of [init.address, ...(init.ipv6 ?? [])]) {
      if (!isLoopback(a)) throw new Error(`${name}: ${a} is not a loopback address; the fake internet never leaves loopback`);
    }
    const domain: FakeDomain = {
      ipv6: [],
      cname: null,
      ttl: 600,
      dns: "present",
      page: "up",
      bound: true,
      https: true,
      upgradeToHttps: false,
      registry: "registered",
      title: name,
      icpNumber: null,
      charset: "utf-8",
      providerVariant: 0,
      sponsor: "金坛区电子政务中心",
      ...init,
      name,
    };
    this.domains.set(name, domain);
    this.ensureServer(domain.address);
    this.changed();
    return domain;
  }

  ensureServer(address: string, init: Partial<FakeServer> = {}): FakeServer {
    if (!isLoopback(address)) throw new Error(`${address} is not a loopback address`);
    let server = this.servers.get(address);
    if (!server) {
      server = { address, mode: "on", defaultSite: "nginx", https: true, ...init };
      this.servers.set(address, server);
      this.emit("server-added", server);
    } else Object.assign(server, init);
    return server;
  }

  domain(name: string): FakeDomain {
    const d = this.domains.get(name.toLowerCase());
    if (!d) throw new Error(`unknown domain ${name}`);
    return d;
  }

  update(name: string, change: Partial<Omit<FakeDomain, "name">>): FakeDomain {
    const d = this.domain(name);
    if (change.address !== undefined && !isLoopback(change.address)) throw new Error(`${change.address} is not a loopback address`);
    Object.assign(d, change);
    if (change.address) this.ensureServer(change.address);
    this.changed();
    return d;
  }

  setServer(address: string, change: Partial<Omit<FakeServer, "address">>): FakeServer {
    const server = this.servers.get(address);
    if (!server) throw new Error(`no server at ${address}`);
    Object.assign(server, change);
    this.emit("server-changed", server);
    this.changed();
    return server;
  }

  serverOf(name: string): FakeServer {
    return this.servers.get(this.domain(name).address)!;
  }

  addResolver(id: string, init: Partial<Omit<FakeResolverState, "id" | "cache" | "queries">> = {}): FakeResolverState {
    const state: FakeResolverState = { id, mode: "answer", caching: false, negativeTtl: 60, cache: new Map(), queries: 0, ...init };
    this.resolvers.set(id, state);
    return state;
  }

  setResolver(id: string, change: Partial<Pick<FakeResolverState, "mode" | "caching" | "negativeTtl">>): void {
    const r = this.resolvers.get(id);
    if (!r) throw new Error(`no resolver ${id}`);
    Object.assign(r, change);
    this.changed();
  }

  flushCaches(): void {
    for (const r of this.resolvers.values()) r.cache.clear();
    this.changed();
  }

  setRegistryServer(which: "whois" | "rdap", mode: RegistryServerMode): void {
    this[which].mode = mode;
    this.emit("registry-changed", which);
    this.changed();
  }

  /** Records of `name` as the authoritative zone has them now: rcode 0 (with or without records) or 3 (NXDOMAIN). */
  authoritative(name: string, type: "A" | "AAAA" | "CNAME"): { rcode: number; records: CachedRecord[] } {
    const d = this.domains.get(name.toLowerCase().replace(/\.$/, ""));
    if (!d || d.dns === "nxdomain") return { rcode: 3, records: [] };
    if (d.dns === "nodata") return { rcode: 0, records: [] };
    if (d.cname) {
      const cname: CachedRecord = { name: d.name, type: "CNAME", value: d.cname, ttl: d.ttl };
      if (type === "CNAME") return { rcode: 0, records: [cname] };
      const target = this.authoritative(d.cname, type);
      return { rcode: 0, records: [cname, ...target.records.filter((r) => r.type === type)] };
    }
    if (type === "A") return { rcode: 0, records: [{ name: d.name, type: "A", value: d.address, ttl: d.ttl }] };
    if (type === "AAAA") return { rcode: 0, records: d.ipv6.map((v) => ({ name: d.name, type: "AAAA" as const, value: v, ttl: d.ttl })) };
    return { rcode: 0, records: [] };
  }

  /** Counts a request; listeners of "request" get the Host and the request's headers. */
  countRequest(host: string, headers: Record<string, string | string[] | undefined> = {}): void {
    this.stats.requests.set(host, (this.stats.requests.get(host) ?? 0) + 1);
    this.emit("request", host, headers);
    this.changed();
  }

  requestsFor(host: string): number {
    return this.stats.requests.get(host.toLowerCase()) ?? 0;
  }

  changed(): void {
    this.emit("changed");
  }
}
