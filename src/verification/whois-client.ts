// WHOIS (RFC 3912): one line out, the answer until the server closes, read up to a limit.
import net from "node:net";
import type { ProbeBudget } from "./probe-budget.ts";
import type { ProbeOutcome, RegistryReason } from "./verification-types.ts";
import type { HostPort } from "./verify-settings.ts";

export type WhoisAnswer = { ok: true; text: string } | { ok: false; failure: "refused" | "timeout" | "unreachable" | "error"; code: string };

const MAX_WHOIS_BYTES = 64 * 1024;

export function queryWhois(server: HostPort, domain: string, budget: ProbeBudget): Promise<WhoisAnswer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const socket = net.connect({ host: server.host, port: server.port });
    const finish = (answer: WhoisAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const text = () => Buffer.concat(chunks).toString("utf8");
    const timer = setTimeout(() => finish(bytes > 0 ? { ok: true, text: text() } : { ok: false, failure: "timeout", code: "ETIMEDOUT" }), budget.remaining());
    socket.on("connect", () => socket.write(`${domain}\r\n`));
    socket.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      bytes += chunk.length;
      if (bytes >= MAX_WHOIS_BYTES) finish({ ok: true, text: text() });
    });
    socket.on("end", () => finish({ ok: true, text: text() }));
    socket.on("close", () => finish({ ok: true, text: text() }));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      const code = error.code ?? "ERROR";
      if (bytes > 0) return finish({ ok: true, text: text() });
      const failure = code === "ECONNREFUSED" ? "refused" : code === "EHOSTUNREACH" || code === "ENETUNREACH" || code === "ENOTFOUND" || code === "EAI_AGAIN" ? "unreachable" : "error";
      finish({ ok: false, failure, code });
    });
  });
}

export interface RegistryReading {
  outcome: ProbeOutcome;
  reason: RegistryReason;
  statuses: string[];
  expiresAt: string | null;
}

/** CNNIC's answers: "No matching record." for a name not registered; "Domain Name: …" with its status otherwise. */
export function readWhoisAnswer(text: string): RegistryReading {
  if (/no matching record/i.test(text)) return { outcome: "gone", reason: "no-record", statuses: [], expiresAt: null };
  if (/queried interval is too short|exceeded|too many|rate limit|limit reached/i.test(text)) {
    return { outcome: "inconclusive", reason: "rate-limited", statuses: [], expiresAt: null };
  }
  if (/^\s*Domain Name:\s*\S+/im.test(text)) {
    const statuses = [...text.matchAll(/^\s*Domain Status:\s*(.+?)\s*$/gim)].map((m) => m[1]!);
    const expires = /^\s*Expiration Time:\s*(.+?)\s*$/im.exec(text)?.[1] ?? null;
    return { outcome: "present", reason: "registered", statuses, expiresAt: expires };
  }
  return { outcome: "inconclusive", reason: "unrecognized", statuses: [], expiresAt: null };
}
