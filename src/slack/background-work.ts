// Work the bot does after a reply (follow-up messages), tracked so that a stop, a test or the
// sandbox can wait for it instead of for a time.
export class BackgroundWork {
  private readonly running = new Set<Promise<unknown>>();

  /** Runs `work` after the current turn (never before the reply it follows). */
  later(work: () => Promise<unknown>, log: (error: unknown) => void): void {
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch(log)
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Resolves once everything started so far, and anything it started, has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
