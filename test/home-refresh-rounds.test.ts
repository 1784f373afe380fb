// App Home refreshes go out in merged rounds: one that fails does not stop the next, and
// stopping the bot waits for the ones asked for before the store closes.
import { afterEach, describe, expect, it } from "vitest";
import { HomeRounds } from "../src/slack/home/publish-home.ts";
import { registerContact, startBotFixture, type BotFixture } from "./helpers/bot-fixture.ts";
import { expectConsoleError } from "./helpers/expected-errors.ts";
import { settled } from "./helpers/settled.ts";

/** A round function the test releases by hand, recording what each round was asked for. */
function heldRounds(failFirst = false) {
  const calls: (string | null)[][] = [];
  const releases: Array<() => void> = [];
  const errors: unknown[] = [];
  let started: () => void = () => {};
  let nextStart = new Promise<void>((r) => (started = r));
  const rounds = new HomeRounds(
    async (keys) => {
      calls.push(keys);
      const n = calls.length;
      await new Promise<void>((resolve) => {
        releases.push(resolve);
        started();
        nextStart = new Promise<void>((r) => (started = r));
      });
      // As the audience read did when the store had gone: it throws.
      if (failFirst && n === 1) throw new TypeError("The database connection is not open");
    },
    (e) => errors.push(e),
    0,
  );
  return {
    rounds,
    calls,
    errors,
    /** Resolves when the next round has started. */
    roundStarted: () => nextStart,
    release: () => releases.shift()?.(),
  };
}

describe("App Home rounds", () => {
  it("a round that throws is logged, its callers are not rejected, and later refreshes still run", async () => {
    const h = heldRounds(true);
    const first = h.rounds.request("jtda");
    await h.roundStarted();
    h.release();
    await expect(first).resolves.toBeUndefined();
    expect(h.errors).toEqual([new TypeError("The database connection is not open")]);

    const second = h.rounds.request("jtsf");
    await h.roundStarted();
    h.release();
    await second;
    expect(h.calls).toEqual([["jtda"], ["jtsf"]]);
  });

  it("refreshes asked for while a round runs are merged into the next one", async () => {
    const h = heldRounds();
    const a = h.rounds.request("jtda");
    await h.roundStarted();
    const b = h.rounds.request("jtsf");
    const c = h.rounds.request(null);
    h.release();
    await a;
    await h.roundStarted();
    h.release();
    await Promise.all([b, c]);
    expect(h.calls).toEqual([["jtda"], ["jtsf", null]]);
  });

  it("rest, between rounds asked for back to back, four times as long as the last one took", async () => {
    const spans: { start: number; end: number }[] = [];
    const rounds = new HomeRounds(
      async () => {
        const start = performance.now();
        // The round's own work: as long as publishing a burst's homes takes.
        await new Promise((r) => setTimeout(r, 40));
        spans.push({ start, end: performance.now() });
      },
      () => {},
      0,
      4,
    );
    const first = rounds.request("jtda");
    // Asked for while the first runs: it waits for the rest after it.
    await new Promise((r) => setImmediate(r));
    const second = rounds.request("jtsf");
    await Promise.all([first, second]);
    const [a, b] = spans as [{ start: number; end: number }, { start: number; end: number }];
    // NOTE: a lower bound only (timers may fire late on a busy machine, never much early).
    expect(b.start - a.end).toBeGreaterThanOrEqual(4 * (a.end - a.start) - 5);
  });

  it("stop waits for the round running and the one asked for, then drops new requests", async () => {
    const h = heldRounds();
    void h.rounds.request("jtda");
    await h.roundStarted();
    void h.rounds.request("jtsf");
    const stopped = h.rounds.stop();
    expect(await settled(stopped)).toBe(false);
    h.release();
    await h.roundStarted();
    expect(await settled(stopped)).toBe(false);
    h.release();
    await stopped;
    expect(h.calls).toEqual([["jtda"], ["jtsf"]]);

    await h.rounds.request("jtga");
    expect(h.calls).toHaveLength(2);
  });
});

describe("the bot and App Home", () => {
  let f: BotFixture | undefined;
  afterEach(async () => {
    await f?.close();
    f = undefined;
  });
  const WANG = "U0WANG";

  it("stopping waits for the refresh a change asked for, so the store can close right after", async () => {
    f = await startBotFixture();
    await registerContact(f, WANG, "王芳", ["jtda"]);
    await f.idle();
    const publishes = () => f!.slack.callsTo("views.publish").filter((c) => c.args.user_id === WANG).length;
    const before = publishes();
    const reply = await f.slash(WANG, "done column 栏目已上线");
    expect(reply.text).toContain("已记录");
    await f.bot.stop();
    expect(publishes()).toBe(before + 1);
    expect(JSON.stringify(f.slack.homeView(WANG)?.view)).toContain("栏目已上线");
    // afterEach closes the store now; nothing is left to touch it.
  });

  it("a refresh Slack refused does not keep the next change from refreshing App Home", async () => {
    f = await startBotFixture();
    await registerContact(f, WANG, "王芳", ["jtda"]);
    await f.idle();
    f.slack.failNext("views.publish", { kind: "error", error: "fatal_error" }, 50);
    expectConsoleError("fatal_error");
    await f.slash(WANG, "doing backup 第一次");
    await f.idle();
    expect(JSON.stringify(f.slack.homeView(WANG)?.view ?? {})).not.toContain("第一次");
    f.slack.reset();
    await f.slash(WANG, "doing backup 第二次");
    await f.idle();
    expect(JSON.stringify(f.slack.homeView(WANG)?.view)).toContain("第二次");
  });
});
