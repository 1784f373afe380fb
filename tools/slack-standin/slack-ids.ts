// Ids and timestamps that look like Slack's, so code that parses them behaves as in production.
import { randomInt } from "node:crypto";

const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const MIXED_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function pick(alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** e.g. slackId("V") -> "V07ABCD1234" */
export function slackId(prefix: string, length = 10): string {
  return prefix + pick(UPPER_ALNUM, length);
}

/** Slack fills in short mixed-case block_ids / action_ids for blocks that came without one. */
export function generatedBlockId(): string {
  return pick(MIXED_ALNUM, 5);
}

export function randomToken(length: number): string {
  return pick(MIXED_ALNUM, length);
}

/** Message timestamps: "seconds.micros", strictly increasing even within one millisecond. */
export class TsClock {
  private lastMicros = 0n;

  constructor(private readonly now: () => Date) {}

  next(): string {
    const nowMicros = BigInt(this.now().getTime()) * 1000n;
    this.lastMicros = nowMicros > this.lastMicros ? nowMicros : this.lastMicros + 1n;
    const seconds = this.lastMicros / 1_000_000n;
    const micros = this.lastMicros % 1_000_000n;
    return `${seconds}.${micros.toString().padStart(6, "0")}`;
  }
}

/** "1718900000.000100" -> "p1718900000000100", as in Slack permalinks. */
export function permalinkPart(ts: string): string {
  return `p${ts.replace(".", "")}`;
}

const TS = /^\d+(\.\d{1,6})?$/;

export function isTs(v: unknown): v is string {
  return typeof v === "string" && TS.test(v);
}

/** Orders two ts values numerically; not-ts strings sort as 0. */
export function compareTs(a: string, b: string): number {
  if (!isTs(a) || !isTs(b)) return isTs(a) ? 1 : isTs(b) ? -1 : 0;
  const [as = "0", am = "0"] = a.split(".");
  const [bs = "0", bm = "0"] = b.split(".");
  const d = BigInt(as) - BigInt(bs);
  if (d !== 0n) return d < 0n ? -1 : 1;
  const dm = BigInt(am.padEnd(6, "0")) - BigInt(bm.padEnd(6, "0"));
  return dm === 0n ? 0 : dm < 0n ? -1 : 1;
}
