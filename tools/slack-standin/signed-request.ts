// Acting as Slack towards the bot: signed slash commands and interaction payloads, posted the
// way Slack posts them, with knobs for forged, stale and retried deliveries.
import { createHmac, randomBytes, randomInt } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { DEFAULT_TEAM_DOMAIN, DEFAULT_TEAM_ID, STANDIN_APP_ID } from "./standin-defaults.ts";

export interface SlackSignatureHeaders {
  "X-Slack-Signature": string;
  "X-Slack-Request-Timestamp": string;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Slack's v0 signature: hex HMAC-SHA256 of "v0:{timestamp}:{raw body}" keyed with the signing secret. */
export function signSlackRequest(signingSecret: string, rawBody: string, timestampSeconds: number = nowSeconds()): SlackSignatureHeaders {
  const digest = createHmac("sha256", signingSecret).update(`v0:${timestampSeconds}:${rawBody}`).digest("hex");
  return { "X-Slack-Signature": `v0=${digest}`, "X-Slack-Request-Timestamp": String(timestampSeconds) };
}

export interface SendOptions {
  /** Seconds; an old value makes a stale request (Bolt refuses those older than five minutes). */
  timestamp?: number;
  /** Sent instead of the real signature, to forge a request. */
  signature?: string;
  /** Adds X-Slack-Retry-Num, as Slack does when redelivering. */
  retryNum?: number;
  /** X-Slack-Retry-Reason, e.g. "http_timeout"; defaults to "http_timeout" when retryNum is set. */
  retryReason?: string;
  headers?: Record<string, string>;
}

export interface SlackHttpResult {
  status: number;
  /** Parsed JSON when the bot answered JSON, else the text ("" for a bare ack). */
  body: unknown;
  headers: Record<string, string>;
}

const SLACK_USER_AGENT = "Slackbot 1.0 (+https://api.slack.com/robots)";

/** Posts a signed form body to the bot, the way Slack delivers commands and interactions. */
export async function sendSignedRequest(botUrl: string, signingSecret: string, rawBody: string, opts: SendOptions = {}): Promise<SlackHttpResult> {
  const signed = signSlackRequest(signingSecret, rawBody, opts.timestamp ?? nowSeconds());
  const headers: Record<string, string> = {
    "Content-Type": "application/x-www-form-urlencoded",
    "User-Agent": SLACK_USER_AGENT,
    Accept: "application/json,*/*",
    ...signed,
    ...(opts.signature !== undefined && { "X-Slack-Signature": opts.signature }),
    ...(opts.retryNum !== undefined && {
      "X-Slack-Retry-Num": String(opts.retryNum),
      "X-Slack-Retry-Reason": opts.retryReason ?? "http_timeout",
    }),
    ...opts.headers,
  };
  const res = await postOnce(botUrl, headers, rawBody);
  let body: unknown = res.text;
  if ((res.headers["content-type"] ?? "").includes("json") && res.text !== "") {
    try {
      body = JSON.parse(res.text);
    } catch {
      // not JSON after all; keep the text
    }
  }
  return { status: res.status, body, headers: res.headers };
}

/**
 * One request on a connection of its own, as Slack delivers each one. NOTE: not fetch: its pool
 * reuses a kept-alive connection, and on a loaded machine the bot's server may close that
 * connection for idleness just as the next request is written on it (ECONNRESET): a fault of
 * the test's client that Slack's deliveries never show.
 */
function postOnce(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string; headers: Record<string, string> }> {
  const target = new URL(url);
  const request = target.protocol === "https:" ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(target, { method: "POST", agent: false, headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const flat: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), headers: flat });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A trigger_id shaped like Slack's ("digits.digits.hex"). */
export function newTriggerId(): string {
  const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");
  return `${digits(13)}.${digits(12)}.${randomBytes(16).toString("hex")}`;
}

export interface SlashCommandInput {
  command: string;
  text?: string;
  user_id: string;
  user_name?: string;
  channel_id?: string;
  channel_name?: string;
  team_id?: string;
  team_domain?: string;
  /** Where respond() will post; make one with standin.createResponseUrl(). */
  response_url: string;
  trigger_id?: string;
  api_app_id?: string;
  /** The legacy verification token; Bolt ignores it. */
  token?: string;
  enterprise_id?: string;
  enterprise_name?: string;
}

const VERIFICATION_TOKEN = "standinVerificationToken0";

/** The form body of a slash command, fields in Slack's order. */
export function slashCommandBody(input: SlashCommandInput): string {
  const channelId = input.channel_id ?? "C0GENERAL";
  const fields: Array<[string, string]> = [
    ["token", input.token ?? VERIFICATION_TOKEN],
    ["team_id", input.team_id ?? DEFAULT_TEAM_ID],
    ["team_domain", input.team_domain ?? DEFAULT_TEAM_DOMAIN],
    ...(input.enterprise_id !== undefined ? ([["enterprise_id", input.enterprise_id]] as Array<[string, string]>) : []),
    ...(input.enterprise_name !== undefined ? ([["enterprise_name", input.enterprise_name]] as Array<[string, string]>) : []),
    ["channel_id", channelId],
    ["channel_name", input.channel_name ?? (channelId.startsWith("D") ? "directmessage" : "general")],
    ["user_id", input.user_id],
    ["user_name", input.user_name ?? input.user_id],
    ["command", input.command],
    ["text", input.text ?? ""],
    ["api_app_id", input.api_app_id ?? STANDIN_APP_ID],
    ["is_enterprise_install", "false"],
    ["response_url", input.response_url],
    ["trigger_id", input.trigger_id ?? newTriggerId()],
  ];
  return new URLSearchParams(fields).toString();
}

export function sendSlashCommand(botUrl: string, signingSecret: string, input: SlashCommandInput, opts?: SendOptions): Promise<SlackHttpResult> {
  return sendSignedRequest(botUrl, signingSecret, slashCommandBody(input), opts);
}

/** Interactions arrive as one form field, payload=<JSON>. */
export function interactionBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function sendInteraction(botUrl: string, signingSecret: string, payload: object, opts?: SendOptions): Promise<SlackHttpResult> {
  return sendSignedRequest(botUrl, signingSecret, interactionBody(payload), opts);
}
