-- CreateTable
CREATE TABLE "DirectoryVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "DirectoryVersion_pkey" PRIMARY KEY ("id")
);

-- The directory's version: one row, raised by every change to the tables below, in the change's
-- own transaction, so a reader that asks it before reading never keeps a stale answer. NOTE: a
-- migration that drops and creates one of these tables drops its trigger: write it again there.
-- test/store-contract.test.ts checks every table on both databases.
INSERT INTO "DirectoryVersion" ("id", "version") VALUES (1, 0);

-- NOTE: the body's semicolons are written \073, since migrate deploy (the pg adapter) cuts a
-- script at every semicolon, quoted or not.
CREATE FUNCTION "raise_directory_version"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN UPDATE "DirectoryVersion" SET "version" = "version" + 1\073 RETURN NULL\073 END';
CREATE TRIGGER "Unit_directory_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Unit" FOR EACH STATEMENT EXECUTE FUNCTION "raise_directory_version"();
CREATE TRIGGER "Domain_directory_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Domain" FOR EACH STATEMENT EXECUTE FUNCTION "raise_directory_version"();
CREATE TRIGGER "Contact_directory_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Contact" FOR EACH STATEMENT EXECUTE FUNCTION "raise_directory_version"();
CREATE TRIGGER "UnitContact_directory_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "UnitContact" FOR EACH STATEMENT EXECUTE FUNCTION "raise_directory_version"();
CREATE TRIGGER "Coordinator_directory_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Coordinator" FOR EACH STATEMENT EXECUTE FUNCTION "raise_directory_version"();
CREATE TRIGGER "Deadline_directory_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Deadline" FOR EACH STATEMENT EXECUTE FUNCTION "raise_directory_version"();
CREATE TRIGGER "Batch_directory_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Batch" FOR EACH STATEMENT EXECUTE FUNCTION "raise_directory_version"();
