import { describe, expect, it } from "vitest";
import { formatConfigProblems, parseConfig } from "../src/config/env-schema.ts";

describe("configuration from the environment", () => {
  it("has defaults for everything when nothing is set", () => {
    const result = parseConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      DATABASE_URL: "file:./data/shutdown.db",
      SLACK_API_URL: "https://slack.com/api/",
      PORT: 3000,
      COORDINATOR_USER_IDS: [],
      REMINDER_CRON: "0 9 * * *",
      DIGEST_CRON: "0 17 * * *",
      LOG_LEVEL: "info",
    });
    expect(result.config.CAMPAIGN_YEAR).toBeUndefined();
    expect(result.config.SLACK_BOT_TOKEN).toBeUndefined();
    expect(result.config.HOST, "every interface, as before").toBeUndefined();
  });

  it.each([["127.0.0.1"], ["0.0.0.0"], ["::"], ["::1"], ["bot.intranet.local"]])("takes HOST=%s", (host) => {
    const result = parseConfig({ HOST: host });
    expect(result.ok && result.config.HOST).toBe(host);
  });

  it("refuses a HOST that is not an address", () => {
    const result = parseConfig({ HOST: "http://0.0.0.0:3000" });
    expect(!result.ok && result.problems.map((p) => p.variable)).toEqual(["HOST"]);
  });

  it("reads lists, numbers and URLs; blank values count as unset", () => {
    const result = parseConfig({
      COORDINATOR_USER_IDS: "U0123ABCD, U0456EFGH",
      PORT: "8080",
      CAMPAIGN_YEAR: "2028",
      SLACK_API_URL: "http://127.0.0.1:9999/api",
      SLACK_APP_TOKEN: "  ",
    });
    expect(result.ok && result.config).toMatchObject({
      COORDINATOR_USER_IDS: ["U0123ABCD", "U0456EFGH"],
      PORT: 8080,
      CAMPAIGN_YEAR: 2028,
      SLACK_API_URL: "http://127.0.0.1:9999/api/",
    });
    expect(result.ok && result.config.SLACK_APP_TOKEN).toBeUndefined();
  });

  it("reports every problem at once, naming the variable with an example", () => {
    const result = parseConfig({
      PORT: "eighty",
      COORDINATOR_USER_IDS: "alice",
      REMINDER_CRON: "every morning",
      CAMPAIGN_YEAR: "27",
      SLACK_BOT_TOKEN: "xoxp-user-token",
      LOG_LEVEL: "loud",
      DIGEST_CHANNEL_ID: "#general",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.variable).sort()).toEqual(
      ["CAMPAIGN_YEAR", "COORDINATOR_USER_IDS", "DIGEST_CHANNEL_ID", "LOG_LEVEL", "PORT", "REMINDER_CRON", "SLACK_BOT_TOKEN"],
    );
    const text = formatConfigProblems(result.problems);
    expect(text).toContain("REMINDER_CRON: not a valid cron expression (e.g. REMINDER_CRON=0 9 * * *)");
    expect(text).toContain("COORDINATOR_USER_IDS=U0123ABCD,U0456EFGH");
  });

  it("takes a SQLite or a PostgreSQL DATABASE_URL and refuses any other kind, naming the two", () => {
    for (const url of ["file:./data/shutdown.db", "postgresql://bot:secret@db/shutdown", "postgres://bot@db:5432/shutdown"]) {
      expect(parseConfig({ DATABASE_URL: url }).ok, url).toBe(true);
    }
    const result = parseConfig({ DATABASE_URL: "mysql://bot:secret@db/shutdown" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.variable).toBe("DATABASE_URL");
    expect(result.problems[0]?.problem).toContain("neither SQLite (file:./data/shutdown.db) nor PostgreSQL (postgresql://");
  });
});
