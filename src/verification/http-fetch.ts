// One GET, to the address the DNS probe found (the domain as Host and SNI), read up to a limit,
// within the domain's budget. No cookies, no credentials, no compression, no keep-alive.
import http, { type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";
import type { ProbeBudget } from "./probe-budget.ts";
import type { CertificateCheck } from "./verification-types.ts";

export interface FetchRequest {
  url: URL;
  /** Connect here instead of resolving the URL's host; null: the system resolves it (registries). */
  address: string | null;
  port: number;
  /** Host header; default the URL's host name. */
  hostHeader?: string;
  budget: ProbeBudget;
  maxBytes: number;
  userAgent: string;
  extraCa: string | null;
  accept?: string;
}

export type FetchFailure = "refused" | "reset" | "timeout" | "tls-failed" | "unreachable" | "error";

export type FetchResponse =
  | {
      ok: true;
      status: number;
      headers: IncomingHttpHeaders;
      body: Buffer;
      /** Cut at maxBytes, or by the budget while reading. */
      truncated: boolean;
      /** The budget ran out while the body was still coming. */
      timedOut: boolean;
      certificate: CertificateCheck | null;
    }
  | { ok: false; failure: FetchFailure; code: string };

const FAILURES: Record<string, FetchFailure> = {
  ECONNREFUSED: "refused",
  ECONNRESET: "reset",
  EPIPE: "reset",
  ETIMEDOUT: "timeout",
  EHOSTUNREACH: "unreachable",
  ENETUNREACH: "unreachable",
  EADDRNOTAVAIL: "unreachable",
};

function failureOf(error: NodeJS.ErrnoException): FetchFailure {
  const code = error.code ?? "";
  if (FAILURES[code]) return FAILURES[code];
  if (code.startsWith("ERR_SSL") || code === "EPROTO" || code.startsWith("ERR_TLS")) return "tls-failed";
  return "error";
}

const contexts = new Map<string, tls.SecureContext>();

/** Node's root certificates and the extra CA, parsed once (parsing them per request costs milliseconds). */
function secureContextFor(extra: string | null): tls.SecureContext {
  const key = extra ?? "";
  let context = contexts.get(key);
  if (!context) {
    context = tls.createSecureContext(extra ? { ca: [...tls.rootCertificates, extra] } : {});
    contexts.set(key, context);
  }
  return context;
}

function checkCertificate(socket: tls.TLSSocket, hostname: string): CertificateCheck {
  if (!socket.authorized) return { trusted: false, error: String(socket.authorizationError ?? "UNTRUSTED") };
  const mismatch = tls.checkServerIdentity(hostname, socket.getPeerCertificate());
  return mismatch ? { trusted: false, error: (mismatch as NodeJS.ErrnoException).code ?? "ERR_TLS_CERT_ALTNAME_INVALID" } : { trusted: true, error: null };
}

export function fetchOnce(request: FetchRequest): Promise<FetchResponse> {
  const { url } = request;
  const secure = url.protocol === "https:";
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  return new Promise((resolve) => {
    let settled = false;
    let certificate: CertificateCheck | null = null;
    const chunks: Buffer[] = [];
    let bytes = 0;
    let status = 0;
    let headers: IncomingHttpHeaders = {};
    let gotHeaders = false;
    const finish = (result: FetchResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(result);
    };
    const fromBody = (truncated: boolean, timedOut = false): FetchResponse => ({ ok: true, status, headers, body: Buffer.concat(chunks), truncated, timedOut, certificate });
    const options: https.RequestOptions = {
      host: request.address ?? hostname,
      port: request.port,
      path: `${url.pathname}${url.search}`,
      method: "GET",
      agent: false,
      headers: {
        Host: request.hostHeader ?? hostname,
        "User-Agent": request.userAgent,
        Accept: request.accept ?? "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "identity",
        Connection: "close",
      },
    };
    if (secure) {
      Object.assign(options, {
        // NOTE: the certificate is checked and recorded, not enforced: an expired certificate on a
        // site that still serves its pages means the site is up (decision 008).
        rejectUnauthorized: false,
        servername: net.isIP(hostname) ? undefined : hostname,
        secureContext: secureContextFor(request.extraCa),
      });
    }
    const req = (secure ? https : http).request(options, (res) => {
      status = res.statusCode ?? 0;
      headers = res.headers;
      gotHeaders = true;
      res.on("data", (chunk: Buffer) => {
        if (settled) return;
        const room = request.maxBytes - bytes;
        if (chunk.length >= room) {
          chunks.push(chunk.subarray(0, room));
          bytes += room;
          finish(fromBody(true));
          return;
        }
        chunks.push(chunk);
        bytes += chunk.length;
      });
      res.on("end", () => finish(fromBody(false)));
      res.on("error", () => finish(fromBody(true)));
      res.on("aborted", () => finish(fromBody(true)));
    });
    req.on("socket", (socket) => {
      if (secure) socket.once("secureConnect", () => (certificate = checkCertificate(socket as tls.TLSSocket, hostname)));
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (gotHeaders) return finish(fromBody(true));
      finish({ ok: false, failure: failureOf(error), code: error.code ?? "ERROR" });
    });
    const timer = setTimeout(() => {
      if (gotHeaders) return finish(fromBody(true, true));
      finish({ ok: false, failure: "timeout", code: "ETIMEDOUT" });
    }, request.budget.remaining());
    req.end();
  });
}
