// The posting pace, on a clock the test moves: each wait advances it by exactly what was asked.
import { describe, expect, it } from "vitest";
import { Pacer, SendPacing, fastTime, type PacingClock } from "../src/schedule/pacer.ts";

function manualClock(): PacingClock & { t: number } {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

async function sendTimes(take: () => Promise<void>, clock: { t: number }, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    await take();
    times.push(Math.round(clock.t));
  }
  return times;
}

describe("the posting pace", () => {
  it.each([
    { perSecond: 1, burst: 5, sends: 7, times: [0, 0, 0, 0, 0, 1000, 2000] },
    { perSecond: 1, burst: 1, sends: 3, times: [0, 1000, 2000] },
    { perSecond: 4, burst: 2, sends: 4, times: [0, 0, 250, 500] },
  ])("lets $burst go at once, then $perSecond a second", async ({ perSecond, burst, sends, times }) => {
    const clock = manualClock();
    const pacer = new Pacer({ perSecond, burst }, clock);
    expect(await sendTimes(() => pacer.take(), clock, sends)).toEqual(times);
  });

  it("waits out a Retry-After before the next send, whatever tokens were left, then keeps the pace", async () => {
    const clock = manualClock();
    const pacer = new Pacer({ perSecond: 1, burst: 5 }, clock);
    await pacer.take();
    pacer.pause(3_000);
    // Nothing goes before 3 s, and nothing refilled meanwhile: no burst right after, one a second.
    expect(await sendTimes(() => pacer.take(), clock, 4)).toEqual([3000, 4000, 5000, 6000]);
  });

  it("refills again once a Retry-After is over", async () => {
    const clock = manualClock();
    const pacer = new Pacer({ perSecond: 1, burst: 5 }, clock);
    pacer.pause(1_000);
    await pacer.take();
    expect(clock.t).toBe(1_000);
    clock.t += 10_000;
    expect(await sendTimes(() => pacer.take(), clock, 6)).toEqual([11000, 11000, 11000, 11000, 11000, 12000]);
  });

  it("keeps one a second to each channel, and the process's pace for all of them together", async () => {
    const clock = manualClock();
    const pacing = new SendPacing({ perSecond: 1, burst: 5 }, clock);
    expect(await sendTimes(() => pacing.take("C0DIGEST"), clock, 3)).toEqual([0, 1000, 2000]);
    // DMs to others are not held back by the channel's pace, only by the process's: 4 of its 5 left.
    let dm = 0;
    expect(await sendTimes(() => pacing.take(`D${++dm}`), clock, 6)).toEqual([2000, 2000, 2000, 2000, 3000, 4000]);
  });

  it("runs a faster clock forward by at least what it slept, and no slower than real time", async () => {
    const fast = fastTime(50);
    const before = fast.now();
    await fast.sleep(1_000);
    // NOTE: a timer may fire a fraction of a millisecond early, 50 times that on this clock.
    expect(fast.now() - before).toBeGreaterThanOrEqual(950);
    expect(() => fastTime(0.5)).toThrow(RangeError);
  });
});
