// Listener work that goes on after the ack (a reply by response_url, a modal, App Home), so
// stopping can wait for it before the store closes.
import type { App } from "@slack/bolt";

export interface ListenerWork {
  /** Resolves when every listener that started so far has finished. */
  settled(): Promise<void>;
}

/** Counts every event's trip through the listeners, from Bolt's global middleware. */
export function trackListenerWork(app: App): ListenerWork {
  const running = new Set<Promise<unknown>>();
  app.use(async ({ next }) => {
    const work = next();
    running.add(work);
    try {
      await work;
    } finally {
      running.delete(work);
    }
  });
  return {
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
