-- CreateTable
CREATE TABLE "IcpFiling" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "number" TEXT,
    "sponsorName" TEXT,
    "reason" TEXT,
    "step" TEXT NOT NULL DEFAULT 'pending',
    "stepAt" TIMESTAMP(3),
    "stepBy" TEXT,
    "itemId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IcpFiling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IcpFilingDomain" (
    "filingId" INTEGER NOT NULL,
    "domainId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "IcpFilingDomain_pkey" PRIMARY KEY ("filingId","domainId")
);

-- CreateIndex
CREATE UNIQUE INDEX "IcpFiling_number_key" ON "IcpFiling"("number");

-- CreateIndex
CREATE UNIQUE INDEX "IcpFiling_itemId_key" ON "IcpFiling"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "IcpFiling_unitId_ordinal_key" ON "IcpFiling"("unitId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "IcpFilingDomain_domainId_key" ON "IcpFilingDomain"("domainId");

-- AddForeignKey
ALTER TABLE "IcpFiling" ADD CONSTRAINT "IcpFiling_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ChecklistItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IcpFilingDomain" ADD CONSTRAINT "IcpFilingDomain_filingId_fkey" FOREIGN KEY ("filingId") REFERENCES "IcpFiling"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Existing data: one filing per unit that has a 备案号 or an icp item. A unit with a 备案号 but no
-- icp item gets the item it lacked. Items, their states, notes and audit entries stay as they are;
-- the filing's step is read from its item: done stays done, an item in progress on the center
-- route is a form reported handed in (已送达), anything else has not started.
INSERT INTO "ChecklistItem" ("key", "unitId", "task", "state")
SELECT u."key" || '/icp', u."id", 'icp', 'todo'
  FROM "Unit" u
 WHERE u."icpNumber" IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM "ChecklistItem" i WHERE i."key" = u."key" || '/icp');

INSERT INTO "IcpFiling" ("unitId", "ordinal", "number", "step", "stepAt", "stepBy", "itemId")
SELECT i."unitId", 1,
       CASE WHEN (SELECT COUNT(*) FROM "Unit" o WHERE o."icpNumber" = u."icpNumber") = 1 THEN u."icpNumber" END,
       CASE WHEN u."localTelecom" = true
            THEN CASE i."state" WHEN 'done' THEN 'done' WHEN 'doing' THEN 'delivered' ELSE 'pending' END
            ELSE CASE i."state" WHEN 'done' THEN 'done' WHEN 'doing' THEN 'doing' ELSE 'todo' END
       END,
       i."updatedAt", i."updatedBy", i."id"
  FROM "ChecklistItem" i
  JOIN "Unit" u ON u."id" = i."unitId"
 WHERE i."key" = u."key" || '/icp';

INSERT INTO "IcpFilingDomain" ("filingId", "domainId", "position")
SELECT f."id", d."id", d."position"
  FROM "IcpFiling" f
  JOIN "Domain" d ON d."unitId" = f."unitId"
 WHERE d."isSubdomain" = false;
