// The text / blocks / attachments / metadata of a message, checked the way chat.postMessage
// checks them. Shared by chat.* and response_url posts.
import { blocksTooLong, checkBlocks, messageTextTooLong } from "./block-kit-limits.ts";
import { fail, invalidBlocks, str, type ApiArgs, type ApiReply } from "./method-context.ts";
import type { BlockJson, MessageMetadata } from "./types.ts";

export interface MessageContent {
  text: string | undefined;
  blocks: BlockJson[] | undefined;
  attachments: BlockJson[] | undefined;
  metadata: MessageMetadata | undefined;
  /** Accepted with a warning, as Slack answers (`warning` and response_metadata.warnings). */
  warnings: string[];
}

/**
 * "Event types can contain letters, numbers, underscores, and hyphens, but not periods or other
 * punctuation. Metadata with an invalid event_type returns an invalid_metadata_schema warning and
 * is ignored." (https://docs.slack.dev/messaging/message-metadata, "Defining metadata")
 */
const EVENT_TYPE = /^[A-Za-z0-9_-]+$/;

/** An ok answer with Slack's warnings added, when there are any. */
export function withWarnings(body: Record<string, unknown>, warnings: readonly string[]): Record<string, unknown> {
  if (warnings.length === 0) return body;
  return { ...body, warning: warnings.join(","), response_metadata: { warnings: [...warnings] } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** An argument that may still be a JSON string when it could not be decoded. */
function undecoded(v: unknown): boolean {
  return typeof v === "string" && v !== "";
}

/**
 * Returns the content, or the error reply Slack would give. `requireContent` is false for
 * chat.update, which may keep the old text or blocks.
 */
export function readMessageContent(args: ApiArgs, requireContent = true): MessageContent | ApiReply {
  const text = str(args.text);
  const rawBlocks = args.blocks === "" ? undefined : args.blocks;
  const rawAttachments = args.attachments === "" ? undefined : args.attachments;
  const rawMetadata = args.metadata === "" ? undefined : args.metadata;

  if (undecoded(rawBlocks) || (rawBlocks !== undefined && !Array.isArray(rawBlocks))) return fail("invalid_blocks_format");
  if (undecoded(rawAttachments) || (rawAttachments !== undefined && !Array.isArray(rawAttachments))) {
    return fail("invalid_attachments");
  }
  if (undecoded(rawMetadata) || (rawMetadata !== undefined && !isObject(rawMetadata))) return fail("invalid_metadata_format");

  const blocks = rawBlocks as BlockJson[] | undefined;
  const attachments = rawAttachments as BlockJson[] | undefined;
  let metadata: MessageMetadata | undefined;
  const warnings: string[] = [];
  if (isObject(rawMetadata)) {
    if (typeof rawMetadata.event_type !== "string" || !isObject(rawMetadata.event_payload)) {
      return fail("invalid_metadata_schema");
    }
    if (EVENT_TYPE.test(rawMetadata.event_type)) metadata = { event_type: rawMetadata.event_type, event_payload: rawMetadata.event_payload };
    else warnings.push("invalid_metadata_schema");
  }

  const hasContent = (text !== undefined && text !== "") || (blocks !== undefined && blocks.length > 0) || (attachments?.length ?? 0) > 0;
  if (requireContent && !hasContent) return fail("no_text");
  if (messageTextTooLong(text)) return fail("msg_too_long");
  if (blocks !== undefined) {
    const problems = checkBlocks(blocks, "message");
    if (problems.length > 0) return invalidBlocks(problems);
    if (blocksTooLong(blocks)) return fail("msg_blocks_too_long");
  }
  return { text, blocks, attachments, metadata, warnings };
}

export function isReply(v: MessageContent | ApiReply): v is ApiReply {
  return "status" in v && "body" in v;
}
