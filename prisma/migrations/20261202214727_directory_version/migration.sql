-- CreateTable
CREATE TABLE "DirectoryVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL
);

-- The directory's version: one row, raised by every change to the tables below, in the change's
-- own transaction, so a reader that asks it before reading never keeps a stale answer. NOTE: a
-- migration that rebuilds one of these tables (SQLite's RedefineTables) drops its triggers:
-- write them again there. test/store-contract.test.ts checks every table on both databases.
INSERT INTO "DirectoryVersion" ("id", "version") VALUES (1, 0);
CREATE TRIGGER "Unit_directory_insert" AFTER INSERT ON "Unit" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "Unit_directory_update" AFTER UPDATE ON "Unit" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "Unit_directory_delete" AFTER DELETE ON "Unit" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "Domain_directory_insert" AFTER INSERT ON "Domain" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "Domain_directory_update" AFTER UPDATE ON "Domain" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "Domain_directory_delete" AFTER DELETE ON "Domain" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "Contact_directory_insert" AFTER INSERT ON "Contact" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "Contact_directory_update" AFTER UPDATE ON "Contact" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "Contact_directory_delete" AFTER DELETE ON "Contact" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "UnitContact_directory_insert" AFTER INSERT ON "UnitContact" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "UnitContact_directory_update" AFTER UPDATE ON "UnitContact" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "UnitContact_directory_delete" AFTER DELETE ON "UnitContact" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "Coordinator_directory_insert" AFTER INSERT ON "Coordinator" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "Coordinator_directory_update" AFTER UPDATE ON "Coordinator" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "Coordinator_directory_delete" AFTER DELETE ON "Coordinator" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "Deadline_directory_insert" AFTER INSERT ON "Deadline" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "Deadline_directory_update" AFTER UPDATE ON "Deadline" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "Deadline_directory_delete" AFTER DELETE ON "Deadline" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "Batch_directory_insert" AFTER INSERT ON "Batch" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "Batch_directory_update" AFTER UPDATE ON "Batch" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
CREATE TRIGGER "Batch_directory_delete" AFTER DELETE ON "Batch" BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1; END;
