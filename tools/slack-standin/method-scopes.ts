// Scopes, as Slack checks them: a token holds the scopes its app was installed with, and a
// method the token holds none of the scopes for answers missing_scope, naming what was needed
// and what the token provides, e.g. {"ok":false,"error":"missing_scope","needed":"chat:write",
// "provided":"commands,users:read"}.
import fs from "node:fs";
import { projectPath } from "../../src/lib/project-root.ts";
import { fail, type ApiReply } from "./method-context.ts";

/**
 * Bot-token scopes each method accepts (any one of them will do), from the "Scopes" facts of
 * Slack's method reference, https://docs.slack.dev/reference/methods/<method>. An empty list:
 * "No scopes required".
 */
export const METHOD_SCOPES: Readonly<Record<string, readonly string[]>> = {
  "auth.test": [],
  "chat.postMessage": ["chat:write"],
  "chat.postEphemeral": ["chat:write"],
  "chat.update": ["chat:write"],
  "chat.getPermalink": [],
  "conversations.open": ["channels:manage", "groups:write", "im:write", "mpim:write"],
  "conversations.history": ["channels:history", "groups:history", "im:history", "mpim:history"],
  "conversations.replies": ["channels:history", "groups:history", "im:history", "mpim:history"],
  "users.info": ["users:read"],
  "views.open": [],
  "views.push": [],
  "views.update": [],
  "views.publish": [],
  "files.getUploadURLExternal": ["files:write"],
  "files.completeUploadExternal": ["files:write"],
};

/** The bot scopes the app is installed with: those of the shipped manifest. */
export function manifestBotScopes(file: string = projectPath("slack-app-manifest.json")): string[] {
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { oauth_config?: { scopes?: { bot?: unknown } } };
  const bot = manifest.oauth_config?.scopes?.bot;
  if (!Array.isArray(bot) || !bot.every((s) => typeof s === "string")) throw new Error(`${file}: no oauth_config.scopes.bot`);
  return bot;
}

export function missingScope(needed: readonly string[], granted: ReadonlySet<string>): ApiReply {
  return fail("missing_scope", { needed: needed.join(","), provided: [...granted].join(",") });
}

/** Slack's refusal when the token holds none of the scopes `method` accepts; undefined when it may call it. */
export function refuseUnscoped(method: string, granted: ReadonlySet<string>): ApiReply | undefined {
  const accepted = METHOD_SCOPES[method];
  if (accepted === undefined || accepted.length === 0) return undefined;
  return accepted.some((s) => granted.has(s)) ? undefined : missingScope(accepted, granted);
}

/**
 * Reading a conversation needs the history scope of its kind (conversations.history, "Scopes":
 * channels:history for public channels, groups:history for private ones, im:history for DMs).
 */
export function historyScopeFor(channel: { dmUser?: string; isPrivate: boolean }): string {
  if (channel.dmUser) return "im:history";
  return channel.isPrivate ? "groups:history" : "channels:history";
}
