// The sandbox's command line and configuration. Slack settings come from the stand-in, never from
// .env, so a half-filled .env for the real workspace cannot point the sandbox at Slack.
import { argsProblem } from "../../src/cli/args-problem.ts";
import fs from "node:fs";
import path from "node:path";
import { parseArgs, parseEnv } from "node:util";
import { parseConfig, type ConfigResult } from "../../src/config/env-schema.ts";

export const DEFAULT_SANDBOX_DB = "data/sandbox.db";

/** The only variables the sandbox takes from the environment or .env. */
export const SANDBOX_ENV_KEYS = ["CAMPAIGN_YEAR", "LOG_LEVEL"] as const;

export interface SandboxArgs {
  dbPath: string;
  fresh: boolean;
}

export type SandboxArgsResult = { ok: true; args: SandboxArgs } | { ok: false; problem: string };

export function parseSandboxArgs(argv: string[]): SandboxArgsResult {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { db: { type: "string" }, fresh: { type: "boolean", default: false } },
      strict: true,
      allowPositionals: false,
    });
    if (values.db !== undefined && values.db.trim() === "") return { ok: false, problem: "--db 需要一个文件路径 (--db needs a path)" };
    return { ok: true, args: { dbPath: values.db ?? DEFAULT_SANDBOX_DB, fresh: values.fresh } };
  } catch (error) {
    return { ok: false, problem: argsProblem(error) ?? (error as Error).message };
  }
}

/** CAMPAIGN_YEAR and LOG_LEVEL from the environment, else from .env; nothing else. */
export function readSandboxEnv(env: NodeJS.ProcessEnv, envFile = ".env"): Record<string, string> {
  const fromFile = fs.existsSync(envFile) ? parseEnv(fs.readFileSync(envFile, "utf8")) : {};
  const picked: Record<string, string> = {};
  for (const key of SANDBOX_ENV_KEYS) {
    const value = env[key] ?? fromFile[key];
    if (value !== undefined) picked[key] = value;
  }
  return picked;
}

export interface SandboxSlack {
  apiUrl: string;
  botToken: string;
  signingSecret: string;
  digestChannelId: string;
  coordinatorId: string;
}

export function buildSandboxConfig(dbPath: string, slack: SandboxSlack, env: Record<string, string>): ConfigResult {
  return parseConfig({
    // NOTE: the terminal is the interface here; the bot's info log would only interleave with it.
    LOG_LEVEL: "warn",
    ...env,
    DATABASE_URL: `file:${path.resolve(dbPath)}`,
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: slack.signingSecret,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    DIGEST_CHANNEL_ID: slack.digestChannelId,
    COORDINATOR_USER_IDS: slack.coordinatorId,
  });
}

/** --fresh: the SQLite file and its WAL companions go. */
export function removeStoreFiles(dbPath: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${dbPath}${suffix}`, { force: true });
}
