// Everything a verification pass needs to know, as options: no probe reads the environment.
import net from "node:net";

export interface RegistryPolicy {
  /** A domain's registry is asked again only after this long (a few times a day at most). */
  minIntervalMs: number;
  /** At most this many queries to one registry server in one pass; the rest wait for later passes. */
  maxPerServerPerPass: number;
  /** Pause between two queries to the same server (CNNIC answers "Queried interval is too short"). */
  gapMs: number;
  /** After this many failures in a row (timeout, refused, rate limited) a server is left alone for the pass. */
  failuresBeforeSkip: number;
}

export interface HostPort {
  host: string;
  port: number;
}

export interface VerifySettings {
  /** Resolvers as "host:port" (IPv6 as "[::1]:53"); empty means the system's. */
  dnsServers: string[];
  httpPort: number;
  httpsPort: number;
  whoisServer: HostPort;
  /** RDAP base URL; "{tld}" is replaced by the domain's TLD, then "domain/<name>" appended. */
  rdapUrl: string;
  concurrency: number;
  /** The whole budget of one domain's probes (DNS, both schemes, unbind), and of each registry query. */
  timeoutMs: number;
  userAgent: string;
  maxBodyBytes: number;
  maxRedirects: number;
  /** PEM certificates trusted besides Node's own (a test CA). Untrusted certificates are still read: see decision 008. */
  extraCa: string | null;
  registry: RegistryPolicy;
}

export const DEFAULT_WHOIS_SERVER = "whois.cnnic.cn:43";
export const DEFAULT_RDAP_URL = "https://rdap.verisign.com/{tld}/v1/";
export const DEFAULT_USER_AGENT = "shutdown-bot-verify/0.1 (checks that retired government websites are shut down; read-only)";

export const DEFAULT_REGISTRY_POLICY: RegistryPolicy = {
  minIntervalMs: 6 * 3_600_000,
  maxPerServerPerPass: 20,
  gapMs: 1_000,
  failuresBeforeSkip: 2,
};

export const DEFAULT_VERIFY_SETTINGS: VerifySettings = {
  dnsServers: [],
  httpPort: 80,
  httpsPort: 443,
  whoisServer: { host: "whois.cnnic.cn", port: 43 },
  rdapUrl: DEFAULT_RDAP_URL,
  concurrency: 8,
  timeoutMs: 5_000,
  userAgent: DEFAULT_USER_AGENT,
  maxBodyBytes: 64 * 1024,
  maxRedirects: 3,
  extraCa: null,
  registry: DEFAULT_REGISTRY_POLICY,
};

/** "1.2.3.4", "1.2.3.4:5353", "[::1]:53", "::1" → "1.2.3.4:53"-style text, or null when not an IP resolver. */
export function parseResolverAddress(text: string): string | null {
  const t = text.trim();
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/.exec(t);
  if (bracketed) {
    const port = bracketed[2] === undefined ? 53 : Number(bracketed[2]);
    return net.isIPv6(bracketed[1]!) && validPort(port) ? `[${bracketed[1]}]:${port}` : null;
  }
  if (net.isIPv6(t)) return `[${t}]:53`;
  const v4 = /^([\d.]+)(?::(\d{1,5}))?$/.exec(t);
  if (!v4 || !net.isIPv4(v4[1]!)) return null;
  const port = v4[2] === undefined ? 53 : Number(v4[2]);
  return validPort(port) ? `${v4[1]}:${port}` : null;
}

/** "whois.cnnic.cn:43" or "127.0.0.1:4343" (the port is required). */
export function parseHostPort(text: string): HostPort | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(text.trim());
  if (!m) return null;
  const port = Number(m[2]);
  if (!validPort(port) || port === 0) return null;
  return { host: m[1]!.replace(/^\[|\]$/g, ""), port };
}

export function formatHostPort(hp: HostPort): string {
  return net.isIPv6(hp.host) ? `[${hp.host}]:${hp.port}` : `${hp.host}:${hp.port}`;
}

function validPort(port: number): boolean {
  return Number.isInteger(port) && port >= 0 && port <= 65535;
}

/** The parsed VERIFY_* variables of the configuration (src/config/env-schema.ts). */
export interface VerifyConfig {
  VERIFY_DNS_SERVERS: string[];
  VERIFY_HTTP_PORT: number;
  VERIFY_HTTPS_PORT: number;
  VERIFY_WHOIS_SERVER: string;
  VERIFY_RDAP_URL: string;
  VERIFY_CONCURRENCY: number;
  VERIFY_TIMEOUT_MS: number;
  VERIFY_REGISTRY_GAP_MS: number;
}

export function verifySettingsFromConfig(config: VerifyConfig, overrides: Partial<VerifySettings> = {}): VerifySettings {
  return {
    ...DEFAULT_VERIFY_SETTINGS,
    dnsServers: config.VERIFY_DNS_SERVERS,
    httpPort: config.VERIFY_HTTP_PORT,
    httpsPort: config.VERIFY_HTTPS_PORT,
    whoisServer: parseHostPort(config.VERIFY_WHOIS_SERVER) ?? DEFAULT_VERIFY_SETTINGS.whoisServer,
    rdapUrl: config.VERIFY_RDAP_URL,
    concurrency: config.VERIFY_CONCURRENCY,
    timeoutMs: config.VERIFY_TIMEOUT_MS,
    registry: { ...DEFAULT_REGISTRY_POLICY, gapMs: config.VERIFY_REGISTRY_GAP_MS },
    ...overrides,
  };
}
