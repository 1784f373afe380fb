// The HTTP server that answers like Slack's Web API, plus the upload, response_url and file
// download endpoints Slack hosts elsewhere. Everything it sees is recorded for tests.
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ChannelRateLimit, SLACK_CHANNEL_RATE } from "./channel-rate-limit.ts";
import { FaultPlan } from "./fault-injection.ts";
import { handleDownload, handleUpload, type PlainReply } from "./file-upload.ts";
import { fail, type ApiReply } from "./method-context.ts";
import { manifestBotScopes, METHOD_SCOPES, refuseUnscoped } from "./method-scopes.ts";
import { contentTypeOf, parseApiRequest, readRaw } from "./request-body.ts";
import {
  DEFAULT_BOT_TOKEN,
  DEFAULT_BOT_USER_ID,
  DEFAULT_CHANNELS,
  DEFAULT_TEAM_DOMAIN,
  DEFAULT_TEAM_ID,
  STANDIN_APP_ID,
  STANDIN_BOT_ID,
  STANDIN_BOT_NAME,
} from "./standin-defaults.ts";
import { createResponseUrl, handleResponsePost } from "./response-url.ts";
import type {
  Failure,
  RecordedCall,
  ResponseUrlPost,
  SlackStandin,
  StandinOptions,
  StoredMessage,
} from "./types.ts";
import { TRIGGER_LIFETIME_MS } from "./trigger-ids.ts";
import { WEB_API_METHODS } from "./web-api-methods.ts";
import { WorkspaceState, type StandinIdentity } from "./workspace-state.ts";

function identityFrom(opts: StandinOptions): StandinIdentity {
  return {
    botToken: opts.botToken ?? DEFAULT_BOT_TOKEN,
    scopes: new Set(opts.scopes ?? manifestBotScopes()),
    botUserId: opts.botUserId ?? DEFAULT_BOT_USER_ID,
    botId: STANDIN_BOT_ID,
    botName: STANDIN_BOT_NAME,
    teamId: opts.teamId ?? DEFAULT_TEAM_ID,
    teamDomain: opts.teamDomain ?? DEFAULT_TEAM_DOMAIN,
    appId: STANDIN_APP_ID,
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

function sendPlain(res: ServerResponse, reply: PlainReply): void {
  res.writeHead(reply.status, { "content-type": reply.contentType });
  res.end(reply.body);
}

/** Answers with an injected failure; returns what was sent, for the record. */
function sendFailure(req: IncomingMessage, res: ServerResponse, failure: Failure): { status: number; response: RecordedCall["response"] } {
  switch (failure.kind) {
    case "lost":
      if (failure.error) return sendFailure(req, res, { kind: "error", error: failure.error });
      return failure.status === 0 ? sendFailure(req, res, { kind: "drop" }) : sendFailure(req, res, { kind: "http", status: failure.status ?? 502 });
    case "ratelimited": {
      const body = { ok: false, error: "ratelimited" };
      sendJson(res, 429, body, { "retry-after": String(failure.retryAfterSeconds) });
      return { status: 429, response: body };
    }
    case "http": {
      const body = STATUS_CODES[failure.status] ?? `HTTP ${failure.status}`;
      res.writeHead(failure.status, { "content-type": "text/plain; charset=utf-8" });
      res.end(body);
      return { status: failure.status, response: body };
    }
    case "error": {
      const body = { ok: false, error: failure.error };
      sendJson(res, 200, body);
      return { status: 200, response: body };
    }
    case "drop":
      req.socket.destroy();
      return { status: 0, response: null };
  }
}

export async function startSlackStandin(opts: StandinOptions = {}): Promise<SlackStandin> {
  const now = opts.now ?? (() => new Date());
  const state = new WorkspaceState(identityFrom(opts), now, opts.triggerLifetimeMs ?? TRIGGER_LIFETIME_MS);
  for (const c of opts.channels ?? DEFAULT_CHANNELS) state.addChannel(c);
  const faults = new FaultPlan();
  const channelRate = new ChannelRateLimit(
    opts.channelRateLimit === false ? null : (opts.channelRateLimit ?? SLACK_CHANNEL_RATE),
    opts.rateClockMs ?? (() => performance.now()),
  );
  // @slack/web-api copies these into response_metadata.scopes / acceptedScopes.
  const scopeHeaders = (method: string) => ({
    "x-oauth-scopes": [...state.identity.scopes].join(","),
    "x-accepted-oauth-scopes": (METHOD_SCOPES[method] ?? []).join(","),
  });
  const calls: RecordedCall[] = [];
  const callListeners = new Set<(c: RecordedCall) => void>();
  const answerListeners = new Set<(c: RecordedCall) => void | Promise<void>>();
  const responseListeners = new Set<(p: ResponseUrlPost) => void>();
  let baseUrl = "";

  function notify<T>(listeners: Set<(v: T) => void>, value: T): void {
    for (const l of listeners) {
      try {
        l(value);
      } catch (err) {
        console.error("slack stand-in listener failed:", err);
      }
    }
  }

  function record(call: RecordedCall): void {
    calls.push(call);
    notify(callListeners, call);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, method: string): Promise<void> {
    const raw = await readRaw(req);
    const parsed = await parseApiRequest(req, url, raw);
    const base = { method, args: parsed.params, token: parsed.token, at: now() };

    const failure = faults.take(method, true);
    if (failure && failure.kind !== "lost") {
      record({ ...base, ...sendFailure(req, res, failure) });
      return;
    }
    let reply: ApiReply;
    const handler = WEB_API_METHODS[method];
    if (parsed.error) reply = fail(parsed.error);
    else if (!handler) reply = fail("unknown_method", { req_method: method });
    else if (parsed.token === undefined) reply = fail("not_authed");
    else if (parsed.token !== state.identity.botToken) reply = fail("invalid_auth");
    else {
      const retryAfter = faults.admit(method, now().getTime());
      reply =
        retryAfter !== undefined
          ? { status: 429, body: { ok: false, error: "ratelimited" }, headers: { "retry-after": String(retryAfter) } }
          : (refuseUnscoped(method, state.identity.scopes) ?? handler(parsed.params, { state, baseUrl, channelRate }));
    }
    if (failure) {
      record({ ...base, ...sendFailure(req, res, failure) });
      return;
    }
    const call: RecordedCall = { ...base, response: reply.body, status: reply.status };
    for (const listener of answerListeners) await listener(call);
    sendJson(res, reply.status, reply.body, { ...scopeHeaders(method), ...reply.headers });
    record(call);
  }

  async function handleResponseUrl(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const raw = await readRaw(req);
    const failure = faults.take("response_url", false);
    if (failure) {
      const sent = sendFailure(req, res, failure);
      const post: ResponseUrlPost = { id, at: now(), body: raw.toString("utf8"), status: sent.status, reply: sent.response ?? "" };
      state.responses.push(post);
      notify(responseListeners, post);
      return;
    }
    const { outcome, body } = handleResponsePost(state, id, raw, contentTypeOf(req));
    sendJson(res, outcome.status, outcome.reply);
    const post: ResponseUrlPost = { id, at: now(), body, status: outcome.status, reply: outcome.reply };
    state.responses.push(post);
    notify(responseListeners, post);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", baseUrl);
    const [, root, ...rest] = url.pathname.split("/");
    const tail = rest.map(decodeURIComponent);
    if (root === "api" && tail.length === 1 && tail[0]) return handleApi(req, res, url, tail[0]);
    if (root === "upload" && tail.length === 1 && req.method === "POST") {
      const raw = await readRaw(req);
      const failure = faults.take("upload", false);
      if (failure) {
        sendFailure(req, res, failure);
        return;
      }
      return sendPlain(res, await handleUpload(state, tail[0]!, req, raw));
    }
    if (root === "response" && tail.length === 1 && req.method === "POST") return handleResponseUrl(req, res, tail[0]!);
    if (root === "files" && tail.length >= 1 && req.method === "GET") return sendPlain(res, handleDownload(state, tail[0]!, req));
    sendPlain(res, { status: 404, body: "not_found", contentType: "text/plain; charset=utf-8" });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      // A bug in the stand-in must fail the test loudly, not look like a Slack answer.
      console.error("slack stand-in failed on", req.method, req.url, err);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(`stand-in error: ${err instanceof Error ? err.stack : String(err)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  const copy = <T>(v: T): T => structuredClone(v);
  const channelId = (ref: string): string => state.resolveChannel(ref)?.id ?? ref;

  const standin: SlackStandin = {
    apiUrl: `${baseUrl}/api/`,
    baseUrl,
    botToken: state.identity.botToken,
    botUserId: state.identity.botUserId,
    botId: state.identity.botId,
    teamId: state.identity.teamId,

    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive sockets from fetch would otherwise hold close() open.
        server.closeAllConnections();
      }),

    addUser: (u) => state.addUser(u),
    users: () => [...state.users.values()].map(copy),
    addChannel: (c) => state.addChannel(c),
    channels: () => [...state.channels.values()].filter((c) => !c.dmUser).map((c) => ({ id: c.id, name: c.name })),
    invite: (channel, ...userIds) => {
      const c = state.channels.get(channelId(channel));
      if (!c || c.dmUser) throw new Error(`no channel ${channel} to invite to`);
      for (const id of userIds) c.members.add(id);
    },
    remove: (channel, userId) => {
      const c = state.channels.get(channelId(channel));
      if (!c || c.dmUser) throw new Error(`no channel ${channel}`);
      c.members.delete(userId);
    },
    members: (channel) => state.membersOf(channelId(channel)),
    newTriggerId: () => state.triggers.issue(),
    addMessage: (channel, m) => {
      const id = channelId(channel);
      if (!state.channels.has(id)) throw new Error(`unknown channel ${channel}`);
      const stored: StoredMessage = state.postMessage(id, {
        user: m.user,
        text: m.text,
        ...(m.blocks && { blocks: m.blocks }),
        ...(m.thread_ts && { thread_ts: m.thread_ts }),
      });
      return copy(stored);
    },

    get calls() {
      return calls;
    },
    callsTo: (method) => calls.filter((c) => c.method === method),

    messages: (channel) => (state.messages.get(channelId(channel)) ?? []).map(copy),
    dmChannelOf: (userId) => state.dmChannelOf(userId),
    dmMessages: (userId) => (state.messages.get(state.dmChannelOf(userId)) ?? []).map(copy),
    ephemerals: (userId) => state.ephemerals.filter((e) => userId === undefined || e.user === userId).map(copy),
    views: () => [...state.views.values()].map(copy),
    homeView: (userId) => {
      const v = [...state.views.values()].find((x) => x.type === "home" && x.user_id === userId);
      return v && copy(v);
    },
    files: () => state.files.map((f) => ({ ...f })),

    createResponseUrl: (o) => createResponseUrl(state, baseUrl, o),
    responses: (id) => state.responses.filter((r) => id === undefined || r.id === id).map(copy),

    failNext: (method, failure, times) => faults.failNext(method, failure, times),
    setRateLimit: (method, perMinute) => faults.setRateLimit(method, perMinute),
    setChannelRateLimit: (rate) => channelRate.set(rate),
    reset: () => {
      calls.length = 0;
      state.reset();
      faults.reset();
      channelRate.reset();
    },
    onCall: (listener) => {
      callListeners.add(listener);
      return () => callListeners.delete(listener);
    },
    beforeAnswer: (listener) => {
      answerListeners.add(listener);
      return () => answerListeners.delete(listener);
    },
    onResponse: (listener) => {
      responseListeners.add(listener);
      return () => responseListeners.delete(listener);
    },
  };
  return standin;
}
