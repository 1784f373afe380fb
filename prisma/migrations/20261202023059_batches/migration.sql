-- CreateTable
CREATE TABLE "Batch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "closedAt" DATETIME,
    "closedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT
);

-- Everything there is becomes 第一批 (id 1, the default of the batchId columns below), dated
-- from the first unit.
INSERT INTO "Batch" ("id", "name", "createdAt") VALUES (1, '第一批', COALESCE((SELECT MIN("createdAt") FROM "Unit"), strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')));

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ChecklistItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "batchId" INTEGER NOT NULL DEFAULT 1,
    "task" TEXT NOT NULL,
    "domainId" INTEGER,
    "state" TEXT NOT NULL DEFAULT 'todo',
    "method" TEXT,
    "note" TEXT,
    "expectedBy" DATETIME,
    "updatedAt" DATETIME,
    "updatedBy" TEXT,
    CONSTRAINT "ChecklistItem_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ChecklistItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ChecklistItem_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ChecklistItem" ("domainId", "expectedBy", "id", "key", "method", "note", "state", "task", "unitId", "updatedAt", "updatedBy") SELECT "domainId", "expectedBy", "id", "key", "method", "note", "state", "task", "unitId", "updatedAt", "updatedBy" FROM "ChecklistItem";
DROP TABLE "ChecklistItem";
ALTER TABLE "new_ChecklistItem" RENAME TO "ChecklistItem";
CREATE UNIQUE INDEX "ChecklistItem_key_key" ON "ChecklistItem"("key");
CREATE INDEX "ChecklistItem_unitId_idx" ON "ChecklistItem"("unitId");
CREATE INDEX "ChecklistItem_batchId_idx" ON "ChecklistItem"("batchId");
CREATE INDEX "ChecklistItem_task_state_idx" ON "ChecklistItem"("task", "state");
CREATE TABLE "new_Deadline" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "batchId" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "opensAt" DATETIME,
    "dueAt" DATETIME NOT NULL,
    "tasks" TEXT NOT NULL,
    "updatedAt" DATETIME,
    "updatedBy" TEXT,
    CONSTRAINT "Deadline_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Deadline" ("dueAt", "id", "key", "opensAt", "tasks", "title", "updatedAt", "updatedBy") SELECT "dueAt", "id", "key", "opensAt", "tasks", "title", "updatedAt", "updatedBy" FROM "Deadline";
DROP TABLE "Deadline";
ALTER TABLE "new_Deadline" RENAME TO "Deadline";
CREATE UNIQUE INDEX "Deadline_key_key" ON "Deadline"("key");
CREATE INDEX "Deadline_batchId_idx" ON "Deadline"("batchId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Batch_name_key" ON "Batch"("name");
