// The environment, parsed once at start. Every problem is reported at once.
import { CronExpressionParser } from "cron-parser";
import cron from "node-cron";
import { z } from "zod";
import { DEFAULT_QUIET_HOURS, parseQuietHours, type QuietHours } from "../domain/quiet-hours.ts";
import { DEFAULT_RDAP_URL, DEFAULT_WHOIS_SERVER, parseHostPort, parseResolverAddress } from "../verification/verify-settings.ts";
import { setupTexts } from "../messages/setup-messages.ts";

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

function parsesAsCron(text: string): boolean {
  try {
    CronExpressionParser.parse(text);
    return true;
  } catch {
    return false;
  }
}

const cronExpression = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    // NOTE: node-cron runs it, cron-parser finds its last slot (the catch-up): both must read it.
    .refine((v) => cron.validate(v) && parsesAsCron(v), { message: "not a valid cron expression" });

export const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default("file:./data/shutdown.db")
    // NOTE: the same two kinds as src/store/database-kind.ts, which opens them.
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), {
      message: "neither SQLite (file:./data/shutdown.db) nor PostgreSQL (postgresql://user:password@host:5432/database)",
    }),
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith("xoxb-"), {
    message: "a bot token starts with xoxb-",
  }),
  SLACK_SIGNING_SECRET: optionalText.refine((v) => v === undefined || /^[0-9a-zA-Z]{8,}$/.test(v), {
    message: "the signing secret is letters and digits (32 hex characters in a real app)",
  }),
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith("xapp-"), {
    message: "an app-level token starts with xapp-",
  }),
  SLACK_API_URL: z
    .string()
    .trim()
    .default("https://slack.com/api/")
    .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }))
    .transform((v) => (v.endsWith("/") ? v : `${v}/`)),
  PORT: z.coerce.number({ error: "must be a number" }).int().min(0).max(65535).default(3000),
  HOST: optionalText.refine((v) => v === undefined || /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)$/.test(v), {
    message: "an address to listen on: 127.0.0.1, 0.0.0.0, :: or a host name",
  }),
  DIGEST_CHANNEL_ID: optionalText.refine((v) => v === undefined || /^[CG][A-Z0-9]{2,}$/.test(v), {
    message: "a channel id starts with C or G",
  }),
  COORDINATOR_USER_IDS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(/[,，\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((ids) => ids.every((id) => SLACK_USER_ID.test(id)), {
      message: "every entry must be a Slack user id (U… or W…)",
    }),
  CAMPAIGN_YEAR: z.coerce
    .number({ error: "must be a year" })
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  REMINDER_CRON: cronExpression("0 9 * * *"),
  DIGEST_CRON: cronExpression("0 17 * * *"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  QUIET_HOURS: z
    .string()
    .trim()
    .default(DEFAULT_QUIET_HOURS)
    .transform((v, ctx): QuietHours => {
      const parsed = parseQuietHours(v);
      if (parsed) return parsed;
      ctx.addIssue({ code: "custom", message: "must be HH:MM-HH:MM in Asia/Shanghai time, or off" });
      return z.NEVER;
    }),
  // Verification probes (src/verification/).
  VERIFY: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  VERIFY_CRON: cronExpression("0 * * * *"),
  VERIFY_DNS_SERVERS: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const entries = v.split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean);
      const parsed = entries.map(parseResolverAddress);
      if (parsed.some((p) => p === null)) {
        ctx.addIssue({ code: "custom", message: "every entry must be an IP address with an optional port (host[:port], IPv6 as [addr]:port)" });
        return z.NEVER;
      }
      return parsed as string[];
    }),
  VERIFY_HTTP_PORT: z.coerce.number({ error: "must be a number" }).int().min(1).max(65535).default(80),
  VERIFY_HTTPS_PORT: z.coerce.number({ error: "must be a number" }).int().min(1).max(65535).default(443),
  VERIFY_WHOIS_SERVER: z
    .string()
    .trim()
    .default(DEFAULT_WHOIS_SERVER)
    .refine((v) => parseHostPort(v) !== null, { message: "must be host:port" }),
  VERIFY_RDAP_URL: z
    .string()
    .trim()
    .default(DEFAULT_RDAP_URL)
    .refine((v) => URL.canParse(v.replaceAll("{tld}", "com")) && /^https?:\/\//.test(v), { message: "must be an http(s) URL ({tld} is replaced by the domain's TLD)" })
    .transform((v) => (v.endsWith("/") ? v : `${v}/`)),
  VERIFY_CONCURRENCY: z.coerce.number({ error: "must be a number" }).int().min(1).max(256).default(8),
  VERIFY_TIMEOUT_MS: z.coerce.number({ error: "must be a number" }).int().min(100).max(120_000).default(5000),
  VERIFY_REGISTRY_GAP_MS: z.coerce.number({ error: "must be a number" }).int().min(0).max(60_000).default(1000),
});

export type Config = z.infer<typeof EnvSchema>;

const EXAMPLES: Record<string, string> = {
  DATABASE_URL: "file:./data/shutdown.db",
  SLACK_BOT_TOKEN: "xoxb-123-456-abc",
  SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
  SLACK_APP_TOKEN: "xapp-1-A123-456-abc",
  SLACK_API_URL: "https://slack.com/api/",
  PORT: "3000",
  HOST: "127.0.0.1",
  DIGEST_CHANNEL_ID: "C0123456789",
  COORDINATOR_USER_IDS: "U0123ABCD,U0456EFGH",
  CAMPAIGN_YEAR: "2027",
  REMINDER_CRON: "0 9 * * *",
  DIGEST_CRON: "0 17 * * *",
  LOG_LEVEL: "info",
  QUIET_HOURS: "22:00-08:00",
  VERIFY: "on",
  VERIFY_CRON: "0 * * * *",
  VERIFY_DNS_SERVERS: "114.114.114.114,223.5.5.5",
  VERIFY_HTTP_PORT: "80",
  VERIFY_HTTPS_PORT: "443",
  VERIFY_WHOIS_SERVER: DEFAULT_WHOIS_SERVER,
  VERIFY_RDAP_URL: DEFAULT_RDAP_URL,
  VERIFY_CONCURRENCY: "8",
  VERIFY_TIMEOUT_MS: "5000",
  VERIFY_REGISTRY_GAP_MS: "1000",
};

export interface ConfigProblem {
  variable: string;
  problem: string;
  example: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

/** Parses the environment; blank values count as unset. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const input: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== "") input[key] = value;
  }
  const result = EnvSchema.safeParse(input);
  if (result.success) return { ok: true, config: result.data };
  const problems = result.error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? "?");
    return { variable, problem: issue.message, example: EXAMPLES[variable] ?? "" };
  });
  return { ok: false, problems };
}

export function formatConfigProblems(problems: ConfigProblem[]): string {
  const lines = problems.map((p) => `  - ${p.variable}: ${p.problem} (e.g. ${p.variable}=${p.example})`);
  return [setupTexts.invalidConfiguration(problems.length), ...lines, setupTexts.seeDocs].join("\n");
}
