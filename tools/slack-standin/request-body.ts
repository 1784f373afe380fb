// Reading Web API requests the way Slack accepts them: form-encoded (JSON-valued fields as
// strings), JSON, or multipart; query parameters merged underneath; token from header or param.
import type { IncomingMessage } from "node:http";

/** Fields that clients send as JSON strings inside a form body. */
const JSON_FIELDS = ["blocks", "attachments", "metadata", "view", "files", "user_auth_blocks"];

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function contentTypeOf(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Parses multipart/form-data with the platform's own parser. */
export async function parseMultipart(contentTypeHeader: string, raw: Buffer): Promise<FormData> {
  return new Response(new Uint8Array(raw), { headers: { "content-type": contentTypeHeader } }).formData();
}

export interface ApiRequest {
  params: Record<string, unknown>;
  token: string | undefined;
  /** Set when the body could not be read; Slack answers with this error code. */
  error?: "invalid_json" | "invalid_form_data";
}

function decodeJsonFields(params: Record<string, unknown>): void {
  for (const field of JSON_FIELDS) {
    const v = params[field];
    if (typeof v !== "string" || v === "") continue;
    try {
      params[field] = JSON.parse(v);
    } catch {
      // left as a string; the method answers with its own format error
    }
  }
}

function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(h.trim());
  return m ? m[1]!.trim() : undefined;
}

export async function parseApiRequest(req: IncomingMessage, url: URL, raw: Buffer): Promise<ApiRequest> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const type = contentTypeOf(req);
  let error: ApiRequest["error"];
  if (raw.length > 0) {
    if (type === "application/json") {
      try {
        const body: unknown = JSON.parse(raw.toString("utf8"));
        if (typeof body === "object" && body !== null && !Array.isArray(body)) Object.assign(params, body);
        else error = "invalid_json";
      } catch {
        error = "invalid_json";
      }
    } else if (type === "multipart/form-data") {
      try {
        const form = await parseMultipart(req.headers["content-type"] ?? "", raw);
        for (const [k, v] of form) params[k] = typeof v === "string" ? v : Buffer.from(await v.arrayBuffer());
      } catch {
        error = "invalid_form_data";
      }
    } else {
      for (const [k, v] of new URLSearchParams(raw.toString("utf8"))) params[k] = v;
    }
  }
  decodeJsonFields(params);
  const paramToken = typeof params.token === "string" && params.token !== "" ? params.token : undefined;
  delete params.token;
  return { params, token: bearer(req) ?? paramToken, ...(error && { error }) };
}
