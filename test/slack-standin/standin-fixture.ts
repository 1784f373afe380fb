// Shared setup: a stand-in per test file and a WebClient pointed at it, as the bot will be.
import { ErrorCode, LogLevel, WebClient, type Logger, type WebClientOptions } from "@slack/web-api";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { SLACK_CHANNEL_RATE, startSlackStandin, type SlackStandin, type StandinOptions } from "../../tools/slack-standin/index.ts";

export const quietLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

export const TARO = { id: "U0TARO", name: "taro", realName: "山田 太郎", tz: "Asia/Tokyo" };
export const HANAKO = { id: "U0HANAKO", name: "hanako", realName: "佐藤 花子", tz: "America/New_York" };

/**
 * Starts one stand-in for the file; every test starts from a reset workspace with two users, the
 * bot invited to #general (where everyone is).
 */
export function useStandin(opts: StandinOptions = {}): () => SlackStandin {
  let standin: SlackStandin | undefined;
  beforeAll(async () => {
    standin = await startSlackStandin(opts);
    standin.invite("C0GENERAL", standin.botUserId);
  });
  afterAll(async () => {
    await standin?.close();
  });
  beforeEach(() => {
    standin!.reset();
    // A test may have turned the posting limit off; the next starts with it as configured.
    standin!.setChannelRateLimit(opts.channelRateLimit === false ? null : (opts.channelRateLimit ?? SLACK_CHANNEL_RATE));
    standin!.addUser(TARO);
    standin!.addUser(HANAKO);
  });
  return () => standin!;
}

export function clientFor(standin: SlackStandin, token: string = standin.botToken, extra: WebClientOptions = {}): WebClient {
  return new WebClient(token, { slackApiUrl: standin.apiUrl, retryConfig: { retries: 0 }, logger: quietLogger, ...extra });
}

/** The Slack answer behind a rejected WebClient call (its `data`), failing if it did not reject that way. */
export async function platformError(call: Promise<unknown>): Promise<Record<string, unknown>> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, "the call should have been rejected").toBeDefined();
  expect((err as { code?: string }).code).toBe(ErrorCode.PlatformError);
  return (err as { data: Record<string, unknown> }).data;
}
