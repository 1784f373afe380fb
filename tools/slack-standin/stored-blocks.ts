// How Slack stores what it accepted: blocks get block_ids and elements get action_ids when the
// bot left them out, so interaction payloads built from stored messages carry real ids.
import { generatedBlockId } from "./slack-ids.ts";
import type { WorkspaceState } from "./workspace-state.ts";
import type { BlockJson, StoredMessage } from "./types.ts";

function isObject(v: unknown): v is BlockJson {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function withActionId(el: unknown): unknown {
  if (!isObject(el) || typeof el.type !== "string" || el.type === "image") return el;
  if (typeof el.action_id === "string") return { ...el };
  return { ...el, action_id: generatedBlockId() };
}

export function withGeneratedIds(blocks: readonly unknown[]): BlockJson[] {
  return blocks.filter(isObject).map((block) => {
    const out: BlockJson = { ...block };
    if (typeof out.block_id !== "string") out.block_id = generatedBlockId();
    if (out.type === "actions" && Array.isArray(out.elements)) out.elements = out.elements.map(withActionId);
    if (out.type === "section" && out.accessory !== undefined) out.accessory = withActionId(out.accessory);
    if (out.type === "input" && out.element !== undefined) out.element = withActionId(out.element);
    return out;
  });
}

/** A stored message as the Web API shows it (chat.postMessage's `message`, conversations.history). */
/**
 * A stored message as the Web API shows it. `metadata: false` leaves out its metadata, as
 * conversations.history and conversations.replies do unless asked with include_all_metadata.
 */
export function messageJson(m: StoredMessage, state: WorkspaceState, opts: { metadata: boolean } = { metadata: true }): Record<string, unknown> {
  const fromBot = m.user === state.identity.botUserId;
  const out: Record<string, unknown> = { type: "message", text: m.text, user: m.user, ts: m.ts };
  if (fromBot) {
    out.bot_id = m.bot_id ?? state.identity.botId;
    out.app_id = state.identity.appId;
    out.team = state.identity.teamId;
  }
  if (m.blocks) out.blocks = m.blocks;
  if (m.attachments) out.attachments = m.attachments;
  if (m.metadata && opts.metadata) out.metadata = m.metadata;
  if (m.thread_ts) out.thread_ts = m.thread_ts;
  if (m.reply_count !== undefined) out.reply_count = m.reply_count;
  if (m.edited) out.edited = m.edited;
  if (m.files) {
    out.files = m.files;
    out.upload = true;
  }
  return out;
}
