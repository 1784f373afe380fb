-- AlterTable
ALTER TABLE "ChecklistItem" ADD COLUMN "expectedBy" DATETIME;
