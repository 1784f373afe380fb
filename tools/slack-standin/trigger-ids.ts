// trigger_ids as Slack hands them out: one per slash command or interaction, good for opening
// one view within 3 seconds. Slack's answers (https://docs.slack.dev/reference/methods/views.open,
// "Errors"): invalid_trigger_id for a malformed id, expired_trigger_id once it is too old,
// exchanged_trigger_id when it already opened a view. The 3 seconds: "Pass a valid trigger_id
// within 3 seconds of receiving it" (https://docs.slack.dev/tools/bolt-js/concepts/creating-modals).
import { newTriggerId } from "./signed-request.ts";

export const TRIGGER_LIFETIME_MS = 3_000;

/** Slack's documented shape, "132456.7890123.abcdef". */
const TRIGGER_SHAPE = /^\d+\.\d+\.[0-9a-f]+$/;

export type TriggerRefusal = "invalid_trigger_id" | "expired_trigger_id" | "exchanged_trigger_id";

export class TriggerIds {
  private readonly issued = new Map<string, { atMs: number; exchanged: boolean }>();

  constructor(
    private readonly now: () => Date,
    private readonly lifetimeMs: number = TRIGGER_LIFETIME_MS,
  ) {
    if (!(lifetimeMs > 0)) throw new RangeError(`trigger lifetime must be positive, got ${lifetimeMs}`);
  }

  issue(): string {
    const id = newTriggerId();
    this.issued.set(id, { atMs: this.now().getTime(), exchanged: false });
    return id;
  }

  /** Why this trigger cannot open a view now, or undefined when it can. Does not use it up. */
  check(id: string): TriggerRefusal | undefined {
    if (!TRIGGER_SHAPE.test(id)) return "invalid_trigger_id";
    const record = this.issued.get(id);
    // NOTE: one Slack never issued looks to it like one long expired.
    if (!record) return "expired_trigger_id";
    if (record.exchanged) return "exchanged_trigger_id";
    if (this.now().getTime() - record.atMs > this.lifetimeMs) return "expired_trigger_id";
    return undefined;
  }

  exchange(id: string): void {
    const record = this.issued.get(id);
    if (record) record.exchanged = true;
  }

  clear(): void {
    this.issued.clear();
  }
}
