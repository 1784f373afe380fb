-- AlterTable
ALTER TABLE "ChecklistItem" ADD COLUMN     "batchId" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Deadline" ADD COLUMN     "batchId" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "Batch" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT,

    CONSTRAINT "Batch_pkey" PRIMARY KEY ("id")
);

-- Everything there is becomes 第一批 (id 1, the default of the batchId columns above), dated
-- from the first unit. The sequence moves past it.
INSERT INTO "Batch" ("id", "name", "createdAt") VALUES (1, '第一批', COALESCE((SELECT MIN("createdAt") FROM "Unit"), CURRENT_TIMESTAMP));
SELECT setval(pg_get_serial_sequence('"Batch"', 'id'), 1);

-- CreateIndex
CREATE UNIQUE INDEX "Batch_name_key" ON "Batch"("name");

-- CreateIndex
CREATE INDEX "ChecklistItem_batchId_idx" ON "ChecklistItem"("batchId");

-- CreateIndex
CREATE INDEX "Deadline_batchId_idx" ON "Deadline"("batchId");

-- AddForeignKey
ALTER TABLE "ChecklistItem" ADD CONSTRAINT "ChecklistItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deadline" ADD CONSTRAINT "Deadline_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
