// Drops a PostgreSQL database the tests or the bench made, whatever is still connected to it.
import type pg from "pg";

/** How long to wait for a server process that may not be stopped (autovacuum) to leave. */
const LEAVE_TIMEOUT_MS = 30_000;

/**
 * `DROP DATABASE … WITH (FORCE)` ends the sessions on it, but a role that is not a superuser may
 * not end a server process of no role, as an autovacuum worker of the database is (42501, "must
 * be a member of the role whose process is being terminated"): then it waits for that process to
 * leave and drops again. NOTE: `.ci/postgresql-up` grants pg_signal_backend, which spares the wait.
 */
export async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  const deadline = Date.now() + LEAVE_TIMEOUT_MS;
  for (;;) {
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== "42501" || Date.now() > deadline) throw error;
      await waitForNoSessions(client, name, deadline);
    }
  }
}

async function waitForNoSessions(client: pg.Client, name: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
    if (rows[0]!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
