// The PostgreSQL migrations on a real server: `prisma migrate deploy` through @prisma/adapter-pg
// builds the derived schema exactly, and the PostgreSQL client works through the same adapter.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { expect, it } from "vitest";
import { Prisma, PrismaClient } from "../src/generated/prisma-postgresql/client.ts";
import { migrationsOf } from "../scripts/migration-diff.ts";
import { postgresqlSchemaPath } from "../scripts/postgresql-schema.ts";
import { runPrisma } from "../scripts/prisma-cli.ts";
import { claimRequest, isAlreadyClaimed } from "../src/store/request-repository.ts";
import type { Db } from "../src/store/store-handle.ts";
import { createPostgresDatabase, describeWithPostgres, usePostgresDatabase } from "./helpers/postgres-database.ts";

const models = [...fs.readFileSync(postgresqlSchemaPath(), "utf8").matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!).sort();

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Tables, columns, indexes and constraints of the public schema, as comparable text. */
async function describeCatalog(url: string): Promise<string[]> {
  const rows = await query<{ line: string }>(
    url,
    `SELECT format('column %s.%s %s %s default %s', table_name, column_name, data_type, is_nullable, coalesce(column_default, '-')) AS line
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
     UNION ALL
     SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
     UNION ALL
     SELECT format('constraint %s.%s %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> '_prisma_migrations'`,
  );
  return rows.map((r) => r.line).sort();
}

describeWithPostgres("PostgreSQL migrations", () => {
  const fresh = usePostgresDatabase({ migrated: false });

  it("prisma migrate deploy builds every table of the schema on a fresh database, then finds nothing to apply", async () => {
    const output = await runPrisma(["migrate", "deploy"], fresh.url);
    expect(output).toMatch(/All migrations have been successfully applied/);
    const tables = await query<{ table_name: string }>(
      fresh.url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    expect(tables.map((t) => t.table_name).sort()).toEqual([...models, "_prisma_migrations"].sort());
    const applied = await query<{ migration_name: string }>(
      fresh.url,
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    ).then((rows) => rows.map((r) => r.migration_name));
    expect(applied).toEqual(migrationsOf("postgresql"));
    expect(await runPrisma(["migrate", "deploy"], fresh.url)).toMatch(/No pending migrations to apply/);
  });

  it("are applied once when two instances start at once on a fresh database (Prisma's advisory lock)", async () => {
    const database = await createPostgresDatabase({ migrated: false });
    try {
      const outputs = await Promise.all([runPrisma(["migrate", "deploy"], database.url), runPrisma(["migrate", "deploy"], database.url)]);
      expect(outputs.filter((o) => /All migrations have been successfully applied/.test(o))).toHaveLength(1);
      const applied = await query<{ migration_name: string; count: string }>(
        database.url,
        "SELECT migration_name, count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL GROUP BY migration_name ORDER BY migration_name",
      );
      expect(applied).toEqual(migrationsOf("postgresql").map((m) => ({ migration_name: m, count: "1" })));
    } finally {
      await database.drop();
    }
  });

  it("build exactly what prisma/postgresql/schema.prisma describes (a schema change without its migration shows)", async () => {
    const migrated = await createPostgresDatabase();
    const fromSchema = await createPostgresDatabase({ migrated: false });
    try {
      // NOTE: `migrate diff --from-migrations` cannot read a PostgreSQL database through this adapter
      // (decision 012), so the schema's own SQL is applied next door and the catalogs compared.
      const sql = await runPrisma(["migrate", "diff", "--from-empty", "--to-schema-datamodel", postgresqlSchemaPath(), "--script"], `file:${path.join(os.tmpdir(), `prisma-diff-${process.pid}.db`)}`);
      const client = new pg.Client({ connectionString: fromSchema.url });
      await client.connect();
      try {
        await client.query(sql);
        const expected = await describeCatalog(fromSchema.url);
        expect(expected.filter((l) => l.startsWith("column ")).length).toBeGreaterThan(models.length);
        expect(await describeCatalog(migrated.url)).toEqual(expected);
        await client.query('ALTER TABLE "HealthProbe" ADD COLUMN "remark" TEXT');
        expect(await describeCatalog(fromSchema.url)).toContain('column HealthProbe.remark text YES default -');
        expect(await describeCatalog(migrated.url)).not.toEqual(await describeCatalog(fromSchema.url));
      } finally {
        await client.end();
      }
    } finally {
      await migrated.drop();
      await fromSchema.drop();
    }
  });
});

describeWithPostgres("the PostgreSQL client through @prisma/adapter-pg", () => {
  const database = usePostgresDatabase();
  const at = new Date("2027-06-21T09:30:00.123+08:00");

  async function withClient<T>(work: (db: PrismaClient) => Promise<T>): Promise<T> {
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    try {
      return await work(db);
    } finally {
      await db.$disconnect();
    }
  }

  it("commits an item change and its audit entry in one transaction, and rolls both back on failure", async () => {
    await withClient(async (db) => {
      const unit = await db.unit.create({ data: { key: "jtda", name: "档案局", position: 1, group: "department", localTelecom: null } });
      const item = await db.checklistItem.create({ data: { key: "jtda/site", unitId: unit.id, task: "site" } });
      await db.$transaction(async (tx) => {
        await tx.checklistItem.update({ where: { id: item.id }, data: { state: "done", note: "已关停", updatedAt: at, updatedBy: "U0WANG" } });
        await tx.auditEntry.create({
          data: { at, actor: "U0WANG", source: "slash", unitId: unit.id, itemId: item.id, field: "state", fromValue: "todo", toValue: "done", note: "已关停" },
        });
      });
      await expect(
        db.$transaction(async (tx) => {
          await tx.checklistItem.update({ where: { id: item.id }, data: { state: "blocked" } });
          await tx.auditEntry.create({ data: { at, actor: "U0WANG", source: "slash", itemId: item.id, field: "state", fromValue: "done", toValue: "blocked" } });
          throw new Error("the reply could not be built");
        }),
      ).rejects.toThrow("the reply could not be built");
      const after = await db.checklistItem.findUniqueOrThrow({ where: { id: item.id }, include: { audit: true, unit: true } });
      expect(after).toMatchObject({ state: "done", note: "已关停", updatedAt: at, updatedBy: "U0WANG" });
      expect(after.unit).toMatchObject({ name: "档案局", governmentRoom: false, localTelecom: null });
      expect(after.audit.map((a) => [a.field, a.fromValue, a.toValue, a.at.toISOString()])).toEqual([["state", "todo", "done", at.toISOString()]]);
    });
  });

  it("keeps one claim per request key: a second claim inserts nothing and the store reads it as already handled", async () => {
    await withClient(async (db) => {
      const claim = () => (db as unknown as Db).$transaction((tx) => claimRequest(tx, "slash:T0:retry-1", at, "已记录"));
      await claim();
      const second = await claim().catch((e: unknown) => e);
      expect(isAlreadyClaimed(second)).toBe(true);
      expect(await db.handledRequest.count({ where: { key: "slash:T0:retry-1" } })).toBe(1);
      // The key is unique in the migrated schema itself, whoever writes.
      const direct = await db.handledRequest.create({ data: { key: "slash:T0:retry-1", reply: "已记录", createdAt: at } }).catch((e: unknown) => e);
      expect(direct).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
      expect((direct as Prisma.PrismaClientKnownRequestError).code).toBe("P2002");
    });
  });
});
