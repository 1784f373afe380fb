// Starts the whole bot on an open store: the Slack app (HTTP or Socket Mode) and its jobs.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Config } from "../config/env-schema.ts";
import { createSlackApp, type SlackCredentials } from "../slack/create-slack-app.ts";
import type { Store } from "../store/open-store.ts";

export interface RunningBot {
  /** The HTTP port (0 in Socket Mode). */
  port: number;
  stop(): Promise<void>;
}

export interface StartBotOptions {
  config: Config;
  store: Store;
  credentials: SlackCredentials;
  clock?: () => Date;
  version?: string;
  /** Interface to listen on; all interfaces by default. */
  host?: string;
}

export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, store, credentials } = options;
  const clock = options.clock ?? (() => new Date());
  const app = createSlackApp({ store, config, clock }, credentials, options.version ?? "dev");
  let port = 0;
  if (credentials.appToken) {
    await app.start();
  } else {
    const server = (await app.start({ port: config.PORT, host: options.host })) as Server;
    port = (server.address() as AddressInfo).port;
  }
  let stopped = false;
  return {
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await app.stop();
    },
  };
}

/** Names of the variables `npm start` needs that are not set. */
export function missingCredentials(config: Config): string[] {
  const missing: string[] = [];
  if (!config.SLACK_BOT_TOKEN) missing.push("SLACK_BOT_TOKEN");
  if (!config.SLACK_SIGNING_SECRET) missing.push("SLACK_SIGNING_SECRET");
  return missing;
}
