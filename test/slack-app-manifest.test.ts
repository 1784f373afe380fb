// The shipped manifests must grant what the code uses, or installing from them breaks the bot.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SCOPE_OF: Record<string, string[]> = {
  "chat.postMessage": ["chat:write"],
  "chat.postEphemeral": ["chat:write"],
  "chat.update": ["chat:write"],
  "conversations.open": ["im:write"],
  "conversations.history": ["im:history", "channels:history"],
  "users.info": ["users:read"],
  "files.getUploadURLExternal": ["files:write"],
  "files.completeUploadExternal": ["files:write"],
  "filesUploadV2": ["files:write"],
  "views.open": [],
  "views.update": [],
  "views.publish": [],
  "auth.test": [],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return ["generated", "standin"].includes(d.name) ? [] : sourceFiles(full);
    return d.name.endsWith(".ts") ? [full] : [];
  });
}

const code = sourceFiles("src").map((f) => fs.readFileSync(f, "utf8")).join("\n");
const methodsUsed = [...new Set([...code.matchAll(/\bclient\.(\w+)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`))];
const eventsUsed = [...new Set([...code.matchAll(/app\.event\("(\w+)"/g)].map((m) => m[1]!))];

describe.each(["slack-app-manifest.json", "slack-app-manifest.http.json"])("%s", (file) => {
  const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
  const scopes: string[] = manifest.oauth_config.scopes.bot;

  it("declares /shutdown, interactivity and App Home", () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(["/shutdown"]);
    expect(manifest.features.slash_commands[0].should_escape).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(scopes).toContain("commands");
  });

  it("grants a scope for every Web API method the bot calls", () => {
    expect(methodsUsed.length).toBeGreaterThan(3);
    for (const method of methodsUsed) {
      expect(SCOPE_OF, `no scope known for ${method}`).toHaveProperty([method]);
      for (const scope of SCOPE_OF[method]!) expect(scopes, `${method} needs ${scope}`).toContain(scope);
    }
  });

  it("subscribes to every event the bot listens for", () => {
    expect(eventsUsed).toContain("app_home_opened");
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([...eventsUsed].sort());
  });
});

describe("the two ways to connect", () => {
  it("Socket Mode needs no URL; HTTP mode points everything at /slack/events", () => {
    const socket = JSON.parse(fs.readFileSync("slack-app-manifest.json", "utf8"));
    const http = JSON.parse(fs.readFileSync("slack-app-manifest.http.json", "utf8"));
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(http.settings.socket_mode_enabled).toBe(false);
    for (const url of [http.features.slash_commands[0].url, http.settings.interactivity.request_url, http.settings.event_subscriptions.request_url]) {
      expect(url).toMatch(/^https:\/\/.+\/slack\/events$/);
    }
  });
});
