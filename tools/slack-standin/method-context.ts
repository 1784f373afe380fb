// What every Web API method handler gets and gives back, plus Slack's ways of saying no.
import { formatProblem, type BlockProblem } from "./block-kit-limits.ts";
import type { ChannelRateLimit } from "./channel-rate-limit.ts";
import type { WorkspaceState } from "./workspace-state.ts";

export type ApiArgs = Record<string, unknown>;

export interface ApiReply {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface MethodContext {
  state: WorkspaceState;
  baseUrl: string;
  channelRate: ChannelRateLimit;
}

export type MethodHandler = (args: ApiArgs, ctx: MethodContext) => ApiReply;

export function ok(body: Record<string, unknown> = {}): ApiReply {
  return { status: 200, body: { ok: true, ...body } };
}

/** Slack reports method errors as HTTP 200 with ok:false. */
export function fail(error: string, extra: Record<string, unknown> = {}): ApiReply {
  return { status: 200, body: { ok: false, error, ...extra } };
}

/** HTTP 429 with Retry-After, as Slack answers a call over a rate limit. */
export function ratelimited(retryAfterSeconds: number): ApiReply {
  return { status: 429, body: { ok: false, error: "ratelimited" }, headers: { "retry-after": String(retryAfterSeconds) } };
}

/** chat.* and response_url: invalid_blocks carries both `errors` and `response_metadata.messages`. */
export function invalidBlocks(problems: BlockProblem[]): ApiReply {
  const errors = problems.map(formatProblem);
  return fail("invalid_blocks", { errors, response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) } });
}

/** views.* report bad views and blocks as invalid_arguments with messages only. */
export function invalidArguments(problems: Array<BlockProblem | string>): ApiReply {
  const messages = problems.map((p) => `[ERROR] ${typeof p === "string" ? p : formatProblem(p)}`);
  return fail("invalid_arguments", { response_metadata: { messages } });
}

export function str(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

/** Non-empty string argument. */
export function present(v: unknown): string | undefined {
  const s = str(v);
  return s === undefined || s === "" ? undefined : s;
}

export function bool(v: unknown): boolean {
  return v === true || v === "true" || v === "1" || v === 1;
}

export function int(v: unknown): number | undefined {
  const s = str(v);
  if (s === undefined || s.trim() === "") return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? Math.trunc(n) : undefined;
}
