-- CreateTable
CREATE TABLE "VerificationPass" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "offline" BOOLEAN NOT NULL DEFAULT false,
    "domains" INTEGER NOT NULL,
    "elapsedMs" INTEGER NOT NULL,
    "actor" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "DomainBaseline" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "domainId" INTEGER NOT NULL,
    "domain" TEXT NOT NULL,
    "takenAt" DATETIME NOT NULL,
    "title" TEXT,
    "icpNumber" TEXT,
    "serverAddress" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "VerificationEvidence" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "passId" INTEGER NOT NULL,
    "domainId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "probe" TEXT NOT NULL,
    "asked" TEXT NOT NULL,
    "of" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "elapsedMs" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "ItemVerification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "itemId" INTEGER NOT NULL,
    "verification" TEXT NOT NULL DEFAULT 'unverified',
    "state" TEXT NOT NULL,
    "summary" TEXT,
    "advice" TEXT,
    "observedAt" DATETIME,
    "verifiedAt" DATETIME,
    "changedAt" DATETIME
);

-- CreateTable
CREATE TABLE "VerificationAcceptance" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "itemId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "actor" TEXT NOT NULL,
    "reason" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "VerificationPass_at_idx" ON "VerificationPass"("at");

-- CreateIndex
CREATE UNIQUE INDEX "DomainBaseline_domainId_key" ON "DomainBaseline"("domainId");

-- CreateIndex
CREATE INDEX "VerificationEvidence_domainId_at_idx" ON "VerificationEvidence"("domainId", "at");

-- CreateIndex
CREATE INDEX "VerificationEvidence_passId_idx" ON "VerificationEvidence"("passId");

-- CreateIndex
CREATE UNIQUE INDEX "ItemVerification_itemId_key" ON "ItemVerification"("itemId");

-- CreateIndex
CREATE INDEX "VerificationAcceptance_itemId_at_idx" ON "VerificationAcceptance"("itemId", "at");
