import { ErrorCode } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import { startSlackStandin, type RecordedCall } from "../../tools/slack-standin/index.ts";
import { clientFor, useStandin } from "./standin-fixture.ts";

const standin = useStandin();

async function rejection(call: Promise<unknown>): Promise<Record<string, unknown>> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e as Record<string, unknown>,
  );
  expect(err, "the call should have been rejected").toBeDefined();
  return err!;
}

describe("injected failures", () => {
  it("ratelimited answers 429 with Retry-After, then the next call goes through", async () => {
    standin().failNext("chat.postMessage", { kind: "ratelimited", retryAfterSeconds: 7 });
    const client = clientFor(standin(), undefined, { rejectRateLimitedCalls: true });
    const err = await rejection(client.chat.postMessage({ channel: "C0GENERAL", text: "x" }));
    expect(err.code).toBe(ErrorCode.RateLimitedError);
    expect(err.retryAfter).toBe(7);
    expect(standin().callsTo("chat.postMessage")[0]).toMatchObject({ status: 429, response: { ok: false, error: "ratelimited" } });

    const res = await client.chat.postMessage({ channel: "C0GENERAL", text: "x" });
    expect(res.ok).toBe(true);
  });

  it("sends the Retry-After header itself", async () => {
    standin().failNext("auth.test", { kind: "ratelimited", retryAfterSeconds: 30 });
    const res = await fetch(`${standin().apiUrl}auth.test`, { method: "POST" });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(await res.json()).toEqual({ ok: false, error: "ratelimited" });
  });

  it("lets a retrying client get through after a 429", async () => {
    standin().failNext("chat.postMessage", { kind: "ratelimited", retryAfterSeconds: 0 });
    const client = clientFor(standin(), undefined, { retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } });
    const res = await client.chat.postMessage({ channel: "C0GENERAL", text: "once" });
    expect(res.ok).toBe(true);
    expect(standin().callsTo("chat.postMessage").map((c) => c.status)).toEqual([429, 200]);
    expect(standin().messages("C0GENERAL")).toHaveLength(1);
  });

  it("an injected 500 reaches the client as an HTTP error with a plain body", async () => {
    standin().failNext("chat.postMessage", { kind: "http", status: 500 });
    const err = await rejection(clientFor(standin()).chat.postMessage({ channel: "C0GENERAL", text: "x" }));
    expect(err.code).toBe(ErrorCode.HTTPError);
    expect(err.statusCode).toBe(500);
    expect(err.body).toBe("Internal Server Error");
    expect(standin().messages("C0GENERAL")).toEqual([]);
  });

  it("a dropped connection reaches the client as a request error", async () => {
    standin().failNext("chat.postMessage", { kind: "drop" });
    const err = await rejection(clientFor(standin()).chat.postMessage({ channel: "C0GENERAL", text: "x" }));
    expect(err.code).toBe(ErrorCode.RequestError);
    expect(standin().callsTo("chat.postMessage")[0]).toMatchObject({ status: 0, response: null });
    expect(standin().messages("C0GENERAL")).toEqual([]);
  });

  it("a lost answer: the call takes effect, the client sees an HTTP error or a dropped connection", async () => {
    standin().failNext("chat.postMessage", { kind: "lost" });
    standin().failNext("chat.postMessage", { kind: "lost", status: 0 });
    const client = clientFor(standin());
    const http = await rejection(client.chat.postMessage({ channel: "C0GENERAL", text: "一" }));
    expect(http).toMatchObject({ code: ErrorCode.HTTPError, statusCode: 502 });
    const dropped = await rejection(client.chat.postMessage({ channel: "C0GENERAL", text: "二" }));
    expect(dropped.code).toBe(ErrorCode.RequestError);
    expect(standin().messages("C0GENERAL").map((m) => m.text)).toEqual(["一", "二"]);
    expect(standin().callsTo("chat.postMessage").map((c) => c.status)).toEqual([502, 0]);
    expect(() => standin().failNext("chat.postMessage", { kind: "lost", status: 42 })).toThrow(RangeError);
  });

  it("an injected error is an ok:false answer with that code", async () => {
    standin().failNext("users.info", { kind: "error", error: "fatal_error" });
    const err = await rejection(clientFor(standin()).users.info({ user: "U0TARO" }));
    expect(err.code).toBe(ErrorCode.PlatformError);
    expect(err.data).toMatchObject({ ok: false, error: "fatal_error" });
  });

  it("consumes failures in order, `times` at a time, per method", async () => {
    const s = standin();
    s.failNext("chat.postMessage", { kind: "http", status: 503 }, 2);
    s.failNext("chat.postMessage", { kind: "error", error: "fatal_error" });
    const client = clientFor(s);
    expect((await client.auth.test()).ok, "other methods are not affected").toBe(true);
    for (let i = 0; i < 4; i++) await client.chat.postMessage({ channel: "C0GENERAL", text: `${i}` }).catch(() => undefined);
    expect(s.callsTo("chat.postMessage").map((c) => c.status)).toEqual([503, 503, 200, 200]);
    expect(s.callsTo("chat.postMessage")[2]!.response).toEqual({ ok: false, error: "fatal_error" });
    expect(s.messages("C0GENERAL").map((m) => m.text)).toEqual(["3"]);
  });

  it('"*" fails the next call of any method, after that method\'s own failures', async () => {
    const s = standin();
    s.failNext("*", { kind: "http", status: 502 });
    s.failNext("users.info", { kind: "error", error: "fatal_error" });
    const client = clientFor(s);
    await client.users.info({ user: "U0TARO" }).catch(() => undefined);
    await client.auth.test().catch(() => undefined);
    await client.auth.test();
    expect(s.calls.map((c) => [c.method, c.status])).toEqual([
      ["users.info", 200],
      ["auth.test", 502],
      ["auth.test", 200],
    ]);
  });

  it("reset forgets pending failures and recorded calls", async () => {
    const s = standin();
    s.failNext("auth.test", { kind: "http", status: 500 });
    await clientFor(s).chat.postMessage({ channel: "C0GENERAL", text: "x" });
    s.reset();
    expect(s.calls).toHaveLength(0);
    expect(s.messages("C0GENERAL")).toEqual([]);
    expect((await clientFor(s).auth.test()).ok).toBe(true);
  });

  it("rejects nonsense failure settings", () => {
    expect(() => standin().failNext("auth.test", { kind: "http", status: 42 })).toThrow(RangeError);
    expect(() => standin().failNext("auth.test", { kind: "drop" }, 0)).toThrow(RangeError);
  });
});

describe("rate limits", () => {
  it("allows perMinute calls in a sliding minute, then answers 429 with the seconds left", async () => {
    let clock = Date.parse("2026-03-01T09:00:00Z");
    // NOTE: about the per-method minute window; Slack's per-channel posting limit would also bite.
    const s = await startSlackStandin({ now: () => new Date(clock), channelRateLimit: false });
    try {
      s.invite("C0GENERAL", s.botUserId);
      s.setRateLimit("chat.postMessage", 2);
      const client = clientFor(s, undefined, { rejectRateLimitedCalls: true });
      await client.chat.postMessage({ channel: "C0GENERAL", text: "1" });
      clock += 20_000;
      await client.chat.postMessage({ channel: "C0GENERAL", text: "2" });
      clock += 10_000;
      const err = await rejection(client.chat.postMessage({ channel: "C0GENERAL", text: "3" }));
      expect(err.code).toBe(ErrorCode.RateLimitedError);
      expect(err.retryAfter).toBe(30);
      expect((await client.auth.test()).ok).toBe(true);

      clock += 30_000;
      await client.chat.postMessage({ channel: "C0GENERAL", text: "3 again" });
      expect(s.messages("C0GENERAL").map((m) => m.text)).toEqual(["1", "2", "3 again"]);

      s.setRateLimit("chat.postMessage", null);
      for (let i = 0; i < 5; i++) await client.chat.postMessage({ channel: "C0GENERAL", text: "free" });
    } finally {
      await s.close();
    }
  });

  it('"*" limits all methods together', async () => {
    const s = standin();
    s.setRateLimit("*", 1);
    const client = clientFor(s, undefined, { rejectRateLimitedCalls: true });
    await client.auth.test();
    const err = await rejection(client.users.info({ user: "U0TARO" }));
    expect(err.code).toBe(ErrorCode.RateLimitedError);
  });
});

describe("onCall", () => {
  it("tells a subscriber about each call until it unsubscribes", async () => {
    const seen: RecordedCall[] = [];
    const stop = standin().onCall((c) => seen.push(c));
    const client = clientFor(standin());
    await client.chat.postMessage({ channel: "C0GENERAL", text: "見えた" });
    stop();
    await client.auth.test();
    expect(seen.map((c) => c.method)).toEqual(["chat.postMessage"]);
    expect(seen[0]).toMatchObject({ args: { channel: "C0GENERAL", text: "見えた" }, token: standin().botToken, status: 200 });
    expect(seen[0]!.at).toBeInstanceOf(Date);
  });
});
