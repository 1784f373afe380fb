// What the probes find, as plain data: every record here can be stored as JSON as it is.

/** What one probe says about "is it gone?". Inconclusive never counts either way. */
export type ProbeOutcome = "gone" | "present" | "inconclusive";

export type ProbeKind = "dns" | "http" | "unbind" | "registry";

/** One question asked on the network: what was asked, of whom, when, what came back. */
export interface EvidenceRecord {
  probe: ProbeKind;
  /** "A jtda.gov.cn", "GET https://jtda.gov.cn/", "GET http://127.0.0.9/ Host: jtda.gov.cn", "WHOIS jtda.gov.cn" */
  asked: string;
  /** "127.0.0.1:5353", "127.0.0.9:443", "whois.cnnic.cn:43" */
  of: string;
  /** The pass's instant, ISO 8601 in +08:00. */
  at: string;
  /** "NXDOMAIN", "127.0.0.9 (TTL 600)", "HTTP 200 「金坛档案局」", "connection refused", "No matching record" */
  answer: string;
  outcome: ProbeOutcome;
  /** Wall time the question took, measured. */
  elapsedMs: number;
}

// ---- DNS -------------------------------------------------------------------------------------

/** How one resolver answered one question. */
export type DnsAnswerStatus =
  | "answer"
  | "nxdomain"
  | "nodata"
  | "servfail"
  | "refused"
  | "timeout"
  | "unreachable"
  | "error";

export type DnsRecordType = "A" | "AAAA" | "CNAME";

export interface DnsRecordAnswer {
  type: DnsRecordType;
  status: DnsAnswerStatus;
  /** Addresses (A, AAAA) or names (CNAME). */
  values: string[];
  /** Remaining TTL in seconds of A/AAAA answers (the lowest of the set); null otherwise. */
  ttlSeconds: number | null;
  /** The resolver's error code when not an answer (ENOTFOUND, ESERVFAIL, ETIMEOUT…). */
  code: string | null;
}

export interface ResolverAnswer {
  /** "127.0.0.1:5353" */
  resolver: string;
  /** gone: NXDOMAIN/NODATA for A, AAAA and CNAME. present: any record. inconclusive: otherwise. */
  outcome: ProbeOutcome;
  /** The resolver answered at all (even SERVFAIL or REFUSED): the network reaches it. */
  reached: boolean;
  records: DnsRecordAnswer[];
}

export interface DnsResult {
  domain: string;
  /** present if any resolver has a record; gone if every resolver that answered says gone; else inconclusive. */
  outcome: ProbeOutcome;
  answers: ResolverAnswer[];
  /** Every A/AAAA address any resolver gave, IPv4 first. */
  addresses: string[];
  cnames: string[];
  /** Highest remaining TTL among the present answers: how long a cache may keep serving them. */
  maxTtlSeconds: number | null;
  /** Resolvers that said gone, and that said present. */
  goneFrom: string[];
  presentFrom: string[];
}

// ---- Pages and the baseline fingerprint -------------------------------------------------------

export type Scheme = "https" | "http";

/** A provider's or server's page that means "no site here", found in the page's text. */
export type DownPageKind = "not-filed" | "suspended" | "closed" | "expired" | "default-site";

export interface PageFacts {
  status: number;
  /** The URL that answered, after redirects. */
  url: string;
  title: string | null;
  icpNumber: string | null;
  downPage: DownPageKind | null;
  /** The down-page wording that matched, e.g. "网站暂停访问". */
  downPhrase: string | null;
  /** 64-bit SimHash of the visible text, 16 hex digits. */
  textHash: string;
  textLength: number;
  bytesRead: number;
  /** The body was longer than the read limit and cut there. */
  truncated: boolean;
  server: string | null;
  /** For https: whether the certificate was valid for the name; null for http. */
  certificate: CertificateCheck | null;
}

export interface CertificateCheck {
  trusted: boolean;
  /** Node's reason when not trusted, e.g. CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID. */
  error: string | null;
}

/** The old site as it was, taken from the first pass that found it up, and kept. */
export interface Fingerprint {
  domain: string;
  takenAt: string;
  url: string;
  status: number;
  title: string | null;
  /** The ICP number in the footer: 苏ICP备05012345号-1 */
  icpNumber: string | null;
  textHash: string;
  /** Every address the domain resolved to then. */
  addresses: string[];
  /** The server that answered: the unbind probe asks it later. */
  serverAddress: string;
  /** The schemes that served the site. */
  schemes: Scheme[];
}

// ---- HTTP(S) ----------------------------------------------------------------------------------

export type SiteReason =
  | "like-baseline"
  | "no-baseline"
  | "changed"
  | "down-page"
  | "not-found"
  | "unknown-host"
  | "redirected-elsewhere"
  | "no-resolution"
  | "refused"
  | "reset"
  | "tls-failed"
  | "timeout"
  | "too-many-redirects"
  | "bad-redirect"
  | "server-error"
  | "other-status"
  | "dns-inconclusive"
  | "error";

export interface SchemeResult {
  scheme: Scheme;
  outcome: ProbeOutcome;
  reason: SiteReason;
  /** The address connected to, when there was one. */
  address: string | null;
  page: PageFacts | null;
  /** Where an off-site redirect pointed. */
  redirectedTo: string | null;
  /** Redirects followed. */
  redirects: number;
  /** The failure's code (ECONNREFUSED, ETIMEDOUT…). */
  code: string | null;
}

export interface HttpResult {
  domain: string;
  outcome: ProbeOutcome;
  /** The scheme result that decided the outcome. */
  decidedBy: Scheme | null;
  https: SchemeResult;
  http: SchemeResult;
}

// ---- Unbind -----------------------------------------------------------------------------------

export type UnbindReason =
  | "serves-site"
  | "serves-domain"
  | "default-site"
  | "unknown-host-status"
  | "no-answer"
  | "no-baseline"
  | "changed"
  | "timeout-unsure"
  | "other-status"
  | "error";

export interface UnbindResult {
  domain: string;
  outcome: ProbeOutcome;
  reason: UnbindReason;
  /** The old server asked (from the baseline). */
  serverAddress: string | null;
  scheme: Scheme | null;
  page: PageFacts | null;
  /** What the server answers for a host it cannot know (the default site), for comparison. */
  control: PageFacts | null;
  code: string | null;
}

// ---- Registry ---------------------------------------------------------------------------------

export type RegistryProtocol = "whois" | "rdap";

export type RegistryReason =
  | "registered"
  | "no-record"
  | "rate-limited"
  | "not-due"
  | "deferred"
  | "skipped-server-down"
  | "not-applicable"
  | "timeout"
  | "unreachable"
  | "unrecognized"
  | "error";

export interface RegistryResult {
  domain: string;
  /** null for a sub-domain or a TLD without a registry check. */
  protocol: RegistryProtocol | null;
  /** "whois.cnnic.cn:43" or the RDAP URL asked. */
  server: string | null;
  outcome: ProbeOutcome;
  reason: RegistryReason;
  /** The query was sent this pass (the rate guard counts it). */
  queried: boolean;
  /** The server answered at all. */
  reached: boolean;
  /** Domain Status lines or RDAP status values. */
  statuses: string[];
  expiresAt: string | null;
}
