-- AlterTable
ALTER TABLE "ChecklistItem" ADD COLUMN     "expectedBy" TIMESTAMP(3);
