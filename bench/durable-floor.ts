// The durable floor's commit: what `/shutdown done <task> <note>` must write at the least — the
// item's new state and note, and its audit entry, in one transaction — with the driver alone
// (better-sqlite3 on the WAL file; pg on PostgreSQL), on a store the project's migrations built.
// Its rows are its own: one unit per bench contact, with the bench's five tasks.
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseKind } from "../src/store/database-kind.ts";

export const FLOOR_TASKS = ["column", "backup", "site", "unbind", "icp"] as const;

export interface DurableFloor {
  /** Marks the user's item of `task` done with `note`, and audits it, in one committed transaction. */
  report(userId: string, task: string, note: string, now: Date): Promise<void>;
  close(): Promise<void>;
}

type Items = Map<string, Map<string, number>>;

const itemsOf = (users: readonly string[], rows: { key: string; id: number }[]): Items => {
  const byKey = new Map(rows.map((r) => [r.key, r.id]));
  return new Map(users.map((u, i) => [u, new Map(FLOOR_TASKS.map((t) => [t, byKey.get(`floor${i}/${t}`)!]))]));
};

function itemId(items: Items, userId: string, task: string): number {
  const id = items.get(userId)?.get(task);
  if (id === undefined) throw new Error(`floor: no item ${task} for ${userId}`);
  return id;
}

export async function openDurableFloor(kind: DatabaseKind, url: string, users: readonly string[]): Promise<DurableFloor> {
  return kind === "sqlite" ? openSqliteFloor(url, users) : openPostgresFloor(url, users);
}

function openSqliteFloor(url: string, users: readonly string[]): DurableFloor {
  // NOTE: opened as the bot opens its store: made WAL first, then opened anew with better-sqlite3's
  // defaults, which for a WAL file means synchronous=NORMAL (no fsync at each commit).
  const file = url.slice("file:".length);
  const setup = new Database(file);
  setup.pragma("journal_mode = WAL");
  setup.close();
  const db = new Database(file);
  const seeded = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM "Unit"').get()!.n > 0;
  if (!seeded) {
    const unit = db.prepare<[string, string, number]>(`INSERT INTO "Unit" (key, name, position, "group") VALUES (?, ?, ?, 'department')`);
    const item = db.prepare<[string, number, string]>(`INSERT INTO "ChecklistItem" (key, "unitId", task) VALUES (?, ?, ?)`);
    db.transaction(() => {
      users.forEach((_, i) => {
        const unitId = Number(unit.run(`floor${i}`, `单位${i}`, i + 1).lastInsertRowid);
        for (const t of FLOOR_TASKS) item.run(`floor${i}/${t}`, unitId, t);
      });
    })();
  }
  const items = itemsOf(users, db.prepare<[], { key: string; id: number }>('SELECT key, id FROM "ChecklistItem"').all());
  const read = db.prepare<[number], { state: string; note: string | null; unitId: number }>('SELECT state, note, "unitId" FROM "ChecklistItem" WHERE id = ?');
  const update = db.prepare('UPDATE "ChecklistItem" SET state = ?, note = ?, "updatedAt" = ?, "updatedBy" = ? WHERE id = ?');
  const audit = db.prepare(
    'INSERT INTO "AuditEntry" (at, actor, source, "unitId", "itemId", field, "fromValue", "toValue", note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const commit = db.transaction((id: number, userId: string, note: string, at: string) => {
    const before = read.get(id)!;
    update.run("done", note, at, userId, id);
    const field = before.state === "done" ? "note" : "state";
    audit.run(at, userId, "slash", before.unitId, id, field, field === "state" ? before.state : before.note, field === "state" ? "done" : note, note);
  });
  return {
    report: async (userId, task, note, now) => {
      commit.immediate(itemId(items, userId, task), userId, note, now.toISOString());
    },
    close: async () => {
      db.close();
    },
  };
}

async function openPostgresFloor(url: string, users: readonly string[]): Promise<DurableFloor> {
  const pool = new pg.Pool({ connectionString: url });
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM "Unit"');
  if (rows[0]!.n === 0) {
    for (const [i] of users.entries()) {
      const unit = await pool.query<{ id: number }>(`INSERT INTO "Unit" (key, name, position, "group") VALUES ($1, $2, $3, 'department') RETURNING id`, [
        `floor${i}`,
        `单位${i}`,
        i + 1,
      ]);
      for (const t of FLOOR_TASKS) await pool.query(`INSERT INTO "ChecklistItem" (key, "unitId", task) VALUES ($1, $2, $3)`, [`floor${i}/${t}`, unit.rows[0]!.id, t]);
    }
  }
  const items = itemsOf(users, (await pool.query<{ key: string; id: number }>('SELECT key, id FROM "ChecklistItem"')).rows);
  return {
    report: async (userId, task, note, now) => {
      const id = itemId(items, userId, task);
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        // Named statements: parsed and planned once per connection, as a prepared statement.
        const before = (
          await client.query<{ state: string; note: string | null; unitId: number }>({
            name: "floor-read",
            text: 'SELECT state, note, "unitId" FROM "ChecklistItem" WHERE id = $1 FOR UPDATE',
            values: [id],
          })
        ).rows[0]!;
        await client.query({
          name: "floor-update",
          text: 'UPDATE "ChecklistItem" SET state = $1, note = $2, "updatedAt" = $3, "updatedBy" = $4 WHERE id = $5',
          values: ["done", note, now, userId, id],
        });
        const field = before.state === "done" ? "note" : "state";
        await client.query({
          name: "floor-audit",
          text: 'INSERT INTO "AuditEntry" (at, actor, source, "unitId", "itemId", field, "fromValue", "toValue", note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          values: [now, userId, "slash", before.unitId, id, field, field === "state" ? before.state : before.note, field === "state" ? "done" : note, note],
        });
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
