// Which registry knows a domain, and which part of a name is the registered domain.

/** Suffixes under which CNNIC registers names (WHOIS at whois.cnnic.cn). */
const CNNIC_SUFFIXES = new Set([
  "cn",
  ...["gov", "com", "net", "org", "edu", "ac", "mil"].map((s) => `${s}.cn`),
  ...["bj", "sh", "tj", "cq", "he", "sx", "nm", "ln", "jl", "hl", "js", "zj", "ah", "fj", "jx", "sd", "ha", "hb", "hn", "gd", "gx", "hi", "sc", "gz", "yn", "xz", "sn", "gs", "qh", "nx", "xj"].map((s) => `${s}.cn`),
]);
/** TLDs whose registry answers RDAP (Verisign). */
const RDAP_TLDS = new Set(["com", "net"]);

export function normalizeDomain(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}

/** The public suffix a name sits under, from the suffixes this campaign meets; else its TLD. */
function publicSuffix(labels: string[]): string {
  const lastTwo = labels.slice(-2).join(".");
  return labels.length >= 2 && CNNIC_SUFFIXES.has(lastTwo) && lastTwo !== labels.join(".") ? lastTwo : labels.at(-1)!;
}

/** jt.czsga.gov.cn → czsga.gov.cn; www.jtupo.com → jtupo.com */
export function registrableDomain(name: string): string {
  const labels = normalizeDomain(name).split(".");
  const suffix = publicSuffix(labels);
  const suffixLabels = suffix.split(".").length;
  return labels.slice(-(suffixLabels + 1)).join(".");
}

export interface RegistryTarget {
  protocol: "whois" | "rdap";
  tld: string;
}

/** A registered domain's registry; null for a sub-domain (jt.czsga.gov.cn) or a TLD without a check. */
export function registryTargetOf(name: string, isSubdomain = false): RegistryTarget | null {
  const domain = normalizeDomain(name);
  if (isSubdomain || registrableDomain(domain) !== domain) return null;
  const tld = domain.split(".").at(-1)!;
  if (tld === "cn") return { protocol: "whois", tld };
  if (RDAP_TLDS.has(tld)) return { protocol: "rdap", tld };
  return null;
}
