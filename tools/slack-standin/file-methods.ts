// files.getUploadURLExternal and files.completeUploadExternal: Slack's current upload flow.
// The bytes go to the stand-in's /upload/<file_id> in between (see file-upload.ts).
import { checkBlocks } from "./block-kit-limits.ts";
import { fail, int, invalidArguments, invalidBlocks, present, str, type MethodHandler } from "./method-context.ts";
import { slackId } from "./slack-ids.ts";
import { withGeneratedIds } from "./stored-blocks.ts";
import type { StoredFile } from "./types.ts";
import type { WorkspaceState } from "./workspace-state.ts";

const MIME_TYPES: Record<string, [mimetype: string, filetype: string, pretty: string]> = {
  txt: ["text/plain", "text", "Plain Text"],
  csv: ["text/csv", "csv", "CSV"],
  tsv: ["text/tab-separated-values", "tsv", "TSV"],
  json: ["application/json", "json", "JSON"],
  md: ["text/markdown", "markdown", "Markdown (raw)"],
  pdf: ["application/pdf", "pdf", "PDF"],
  png: ["image/png", "png", "PNG"],
  jpg: ["image/jpeg", "jpg", "JPEG"],
  jpeg: ["image/jpeg", "jpg", "JPEG"],
  gif: ["image/gif", "gif", "GIF"],
  zip: ["application/zip", "zip", "Zip"],
  xlsx: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel Spreadsheet"],
};

function typeOf(filename: string): [string, string, string] {
  const ext = filename.includes(".") ? filename.split(".").pop()!.toLowerCase() : "";
  return MIME_TYPES[ext] ?? ["application/octet-stream", "binary", "Binary"];
}

export function downloadPath(file: { id: string; filename: string }): string {
  return `/files/${file.id}/${encodeURIComponent(file.filename)}`;
}

function fileJson(f: StoredFile, state: WorkspaceState, baseUrl: string): Record<string, unknown> {
  const id = state.identity;
  const [, filetype, pretty] = typeOf(f.filename);
  const created = Math.floor(state.now().getTime() / 1000);
  const url = baseUrl + downloadPath(f);
  return {
    id: f.id,
    created,
    timestamp: created,
    name: f.filename,
    title: f.title,
    mimetype: f.mimetype,
    filetype,
    pretty_type: pretty,
    user: id.botUserId,
    user_team: id.teamId,
    editable: false,
    size: f.size,
    mode: "hosted",
    is_external: false,
    external_type: "",
    is_public: f.channel_id !== undefined && !f.channel_id.startsWith("D"),
    public_url_shared: false,
    display_as_bot: false,
    username: "",
    url_private: url,
    url_private_download: `${url}?download=1`,
    permalink: `https://${id.teamDomain}.slack.com/files/${id.botUserId}/${f.id}/${encodeURIComponent(f.filename)}`,
    permalink_public: `https://slack-files.com/${id.teamId}-${f.id}-${randomSuffix(f.id)}`,
    comments_count: 0,
    is_starred: false,
    // Slack shares asynchronously, so the completion answer lists no shares yet.
    shares: {},
    channels: [],
    groups: [],
    ims: [],
    has_more_shares: false,
    has_rich_preview: false,
    file_access: "visible",
  };
}

function randomSuffix(seed: string): string {
  return Buffer.from(seed).toString("hex").slice(0, 10);
}

const getUploadUrl: MethodHandler = (args, { state, baseUrl }) => {
  const filename = present(args.filename);
  if (filename === undefined) return invalidArguments(["missing required field: filename"]);
  const length = int(args.length);
  if (length === undefined) return invalidArguments(["missing required field: length"]);
  if (length < 1) return invalidArguments(["must be greater than 0 [json-pointer:/length]"]);
  const id = slackId("F");
  state.uploads.set(id, { id, filename, length });
  return { status: 200, body: { ok: true, upload_url: `${baseUrl}/upload/${id}`, file_id: id } };
};

interface FileRequest {
  id: string;
  title?: string;
}

function readFileRequests(v: unknown): FileRequest[] | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const out: FileRequest[] = [];
  for (const item of v) {
    if (typeof item !== "object" || item === null || typeof (item as FileRequest).id !== "string") return undefined;
    const { id, title } = item as { id: string; title?: unknown };
    out.push(typeof title === "string" ? { id, title } : { id });
  }
  return out;
}

const completeUpload: MethodHandler = (args, { state, baseUrl }) => {
  const requests = readFileRequests(args.files);
  if (!requests) return invalidArguments(["missing required field: files"]);
  for (const r of requests) {
    if (state.uploads.get(r.id)?.content === undefined) return fail("file_not_found");
  }
  const channelRef = present(args.channel_id) ?? present(args.channels)?.split(",")[0];
  const channel = channelRef === undefined ? undefined : state.resolveChannel(channelRef);
  if (channelRef !== undefined && !channel) return fail("channel_not_found");
  // "User/bot membership is required for the specified channel." (files.completeUploadExternal, "Errors")
  if (channel && !state.botIsMember(channel.id)) return fail("not_in_channel");
  const initialComment = str(args.initial_comment);
  const threadTs = present(args.thread_ts);
  const blocks = initialComment === undefined && Array.isArray(args.blocks) ? args.blocks : undefined;
  if (blocks) {
    const problems = checkBlocks(blocks, "message");
    if (problems.length > 0) return invalidBlocks(problems);
  }

  const files: StoredFile[] = requests.map((r) => {
    const upload = state.uploads.get(r.id)!;
    state.uploads.delete(r.id);
    const content = upload.content ?? Buffer.alloc(0);
    return {
      id: r.id,
      title: r.title ?? upload.filename,
      filename: upload.filename,
      content,
      size: content.length,
      mimetype: typeOf(upload.filename)[0],
      ...(channel && { channel_id: channel.id }),
      ...(initialComment !== undefined && { initial_comment: initialComment }),
      ...(threadTs && { thread_ts: threadTs }),
    };
  });
  if (channel) {
    const message = state.postMessage(channel.id, {
      text: initialComment ?? "",
      bot_id: state.identity.botId,
      files: files.map((f) => ({ id: f.id, name: f.filename, title: f.title })),
      ...(blocks && { blocks: withGeneratedIds(blocks) }),
      ...(threadTs && { thread_ts: threadTs }),
    });
    for (const f of files) f.message_ts = message.ts;
  }
  state.files.push(...files);
  return { status: 200, body: { ok: true, files: files.map((f) => fileJson(f, state, baseUrl)) } };
};

export const fileMethods: Record<string, MethodHandler> = {
  "files.getUploadURLExternal": getUploadUrl,
  "files.completeUploadExternal": completeUpload,
};
