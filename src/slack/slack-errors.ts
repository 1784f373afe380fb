// One reading of every failed Slack call, used wherever the bot decides whether to try again:
// - permanent: this call will fail the same way however often it is made (the message is wrong
//   for Slack, or the channel or user is out of reach); for "token" the whole app is, and every
//   other call of the pass would fail too.
// - maybe-happened: Slack may have done it and the answer was lost or garbled (a dropped
//   connection, a timeout, a 5xx, `internal_error`…); before doing it again, look whether it happened.
// - retryable: it did not happen (rate limited, never reached Slack); try again, after
//   Retry-After when Slack gave one.
import { ErrorCode } from "@slack/web-api";

export type SlackErrorClass =
  | { kind: "permanent"; code: string; scope: "message" | "token" }
  | { kind: "maybe-happened"; code: string }
  | { kind: "retryable"; code: string; retryAfterMs?: number };

/** Refused for this message, channel or user: retrying cannot help. */
export const PERMANENT_FOR_MESSAGE: ReadonlySet<string> = new Set([
  "invalid_blocks",
  "invalid_blocks_format",
  "msg_blocks_too_long",
  "msg_too_long",
  "no_text",
  "too_many_attachments",
  "invalid_arguments",
  "invalid_attachments",
  "invalid_metadata_format",
  "invalid_metadata_schema",
  "metadata_too_large",
  "metadata_must_be_sent_from_app",
  "not_in_channel",
  "channel_not_found",
  "is_archived",
  "user_not_found",
  "user_not_in_channel",
  "user_disabled",
  "cannot_dm_bot",
  "restricted_action",
  "restricted_action_read_only_channel",
  "restricted_action_thread_only_channel",
  "restricted_action_non_threadable_channel",
  "duplicate_channel_not_found",
  "message_not_found",
  "cant_update_message",
  "edit_window_closed",
  "invalid_cursor",
  "invalid_ts_latest",
  "invalid_ts_oldest",
  "expired_trigger_id",
  "invalid_trigger_id",
  "exchanged_trigger_id",
  "view_too_large",
  "not_found",
  "file_not_found",
]);

/** The token or the app cannot do it at all: every call would fail, until someone fixes the app. */
export const PERMANENT_FOR_TOKEN: ReadonlySet<string> = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "no_permission",
  "missing_scope",
  "not_allowed_token_type",
  "team_access_not_granted",
  "ekm_access_denied",
  "org_login_required",
  "two_factor_setup_required",
  "app_missing_action_url",
]);

/** Slack's own trouble: the call may have taken effect before the answer went wrong. */
export const MAYBE_HAPPENED: ReadonlySet<string> = new Set(["internal_error", "fatal_error", "request_timeout", "service_unavailable"]);

/** Network failures that mean the request never reached Slack. */
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

interface SlackErrorLike {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
  original?: { code?: string; message?: string; cause?: { code?: string } };
  message?: string;
}

export function classifySlackError(error: unknown): SlackErrorClass {
  const e = (error ?? {}) as SlackErrorLike;
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return { kind: "retryable", code: "ratelimited", retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000 };
    case ErrorCode.HTTPError:
      // A 5xx may come after Slack did the work; a 4xx from a proxy in between means it never got there.
      return (e.statusCode ?? 500) >= 500 ? { kind: "maybe-happened", code: `http_${e.statusCode}` } : { kind: "retryable", code: `http_${e.statusCode}` };
    case ErrorCode.RequestError: {
      const net = e.original?.code ?? e.original?.cause?.code ?? "request_failed";
      return NEVER_SENT.has(net) ? { kind: "retryable", code: net } : { kind: "maybe-happened", code: net };
    }
    case ErrorCode.PlatformError: {
      const code = e.data?.error ?? "unknown_error";
      if (code === "ratelimited") return { kind: "retryable", code, retryAfterMs: 1000 };
      if (PERMANENT_FOR_TOKEN.has(code)) return { kind: "permanent", code, scope: "token" };
      if (PERMANENT_FOR_MESSAGE.has(code)) return { kind: "permanent", code, scope: "message" };
      // NOTE: an unknown answer is read as "may have happened": a look costs one call, a duplicate a person's trust.
      return { kind: "maybe-happened", code };
    }
    default:
      return { kind: "maybe-happened", code: e.message ?? String(error) };
  }
}

/** The Slack error code of a failed call, for logs and for people ("not_in_channel", "http_503"…). */
export function slackErrorCode(error: unknown): string {
  return classifySlackError(error).code;
}
