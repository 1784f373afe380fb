// The upload URL handed out by files.getUploadURLExternal, and url_private downloads.
// @slack/web-api's filesUploadV2 posts multipart/form-data with the bytes as a file part;
// curl-style clients post raw bytes. Both are accepted.
import type { IncomingMessage } from "node:http";
import { contentTypeOf, parseMultipart } from "./request-body.ts";
import type { WorkspaceState } from "./workspace-state.ts";

export interface PlainReply {
  status: number;
  body: string | Buffer;
  contentType: string;
}

const text = (status: number, body: string): PlainReply => ({ status, body, contentType: "text/plain; charset=utf-8" });

async function bytesOf(req: IncomingMessage, raw: Buffer): Promise<Buffer | undefined> {
  if (contentTypeOf(req) !== "multipart/form-data") return raw;
  const form = await parseMultipart(req.headers["content-type"] ?? "", raw);
  for (const [, v] of form) if (typeof v !== "string") return Buffer.from(await v.arrayBuffer());
  const field = form.get("file") ?? form.get("content");
  return typeof field === "string" ? Buffer.from(field, "utf8") : undefined;
}

export async function handleUpload(state: WorkspaceState, fileId: string, req: IncomingMessage, raw: Buffer): Promise<PlainReply> {
  const upload = state.uploads.get(fileId);
  if (!upload) return text(404, "file_not_found");
  let content: Buffer | undefined;
  try {
    content = await bytesOf(req, raw);
  } catch {
    return text(400, "invalid_form_data");
  }
  if (content === undefined) return text(400, "no_file_data");
  upload.content = content;
  return text(200, `OK - ${content.length}`);
}

export function handleDownload(state: WorkspaceState, fileId: string, req: IncomingMessage): PlainReply {
  const auth = req.headers.authorization ?? "";
  if (auth !== `Bearer ${state.identity.botToken}`) return text(403, "not_authed");
  const file = state.files.find((f) => f.id === fileId);
  if (!file) return text(404, "file_not_found");
  return { status: 200, body: file.content, contentType: file.mimetype };
}
