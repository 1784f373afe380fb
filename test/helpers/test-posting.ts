// The tests' clock for Slack's posting limits (decision 021).
import { fastTime } from "../../src/schedule/pacer.ts";

/**
 * Slack's posting limits, kept by the passes a test runs (in-process or in a bot process of its
 * own) and by the stand-in they post to (`rateClockMs: TEST_POSTING.now`), on a clock 50 times
 * faster than real time: a limit a pass overruns is still answered 429, and a second of pacing
 * takes 20 ms.
 */
export const TEST_POSTING = fastTime(50);
