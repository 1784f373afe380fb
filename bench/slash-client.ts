// A lean Slack-side client: signed slash commands over keep-alive HTTP, timed per request.
// NOTE: node:http rather than fetch, so the client's own cost stays small next to the floor's.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { newTriggerId, signSlackRequest, slashCommandBody, type SlackStandin } from "../tools/slack-standin/index.ts";

export interface SlashResult {
  status: number;
  body: string;
  ms: number;
  /** The stand-in's id of the request's response_url, where a late reply goes. */
  responseUrlId: string;
}

export class SlashClient {
  private readonly agent: http.Agent;
  private readonly target: URL;

  constructor(
    url: string,
    private readonly signingSecret: string,
    private readonly slack: SlackStandin,
    maxSockets = 128,
  ) {
    this.target = new URL(url);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  send(userId: string, text: string): Promise<SlashResult> {
    const responseUrl = this.slack.createResponseUrl({ userId });
    const body = slashCommandBody({
      command: "/shutdown",
      text,
      user_id: userId,
      response_url: responseUrl.url,
      trigger_id: newTriggerId(),
    });
    const headers = {
      "Content-Type": "application/x-www-form-urlencoded",
      "Content-Length": String(Buffer.byteLength(body)),
      ...signSlackRequest(this.signingSecret, body),
    };
    const started = performance.now();
    const attempt = (retried: boolean): Promise<SlashResult> =>
      new Promise((resolve, reject) => {
        const req = http.request(
          { host: this.target.hostname, port: this.target.port, path: this.target.pathname, method: "POST", headers, agent: this.agent },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started, responseUrlId: responseUrl.id }));
            res.on("error", reject);
          },
        );
        // NOTE: a kept-alive connection the server closed as idle just as this request went out
        // ("socket hang up" on a reused socket, node's documented race) is tried once more on a
        // new one, timed from the first try; any other failure fails the run.
        req.on("error", (error: NodeJS.ErrnoException) => (!retried && req.reusedSocket && error.code === "ECONNRESET" ? resolve(attempt(true)) : reject(error)));
        req.end(body);
      });
    return attempt(false);
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Closed loop: `concurrency` senders, each sending its next request when the last is answered. */
export async function runClosedLoop(
  concurrency: number,
  total: number,
  next: (i: number) => Promise<SlashResult>,
): Promise<SlashResult[]> {
  const results: SlashResult[] = [];
  let issued = 0;
  const sender = async () => {
    while (issued < total) {
      const i = issued++;
      results.push(await next(i));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
  return results;
}
