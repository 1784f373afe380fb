-- CreateTable
CREATE TABLE "VerificationPass" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "offline" BOOLEAN NOT NULL DEFAULT false,
    "domains" INTEGER NOT NULL,
    "elapsedMs" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,

    CONSTRAINT "VerificationPass_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DomainBaseline" (
    "id" SERIAL NOT NULL,
    "domainId" INTEGER NOT NULL,
    "domain" TEXT NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,
    "title" TEXT,
    "icpNumber" TEXT,
    "serverAddress" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,

    CONSTRAINT "DomainBaseline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationEvidence" (
    "id" SERIAL NOT NULL,
    "passId" INTEGER NOT NULL,
    "domainId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "probe" TEXT NOT NULL,
    "asked" TEXT NOT NULL,
    "of" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "elapsedMs" INTEGER NOT NULL,

    CONSTRAINT "VerificationEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ItemVerification" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "verification" TEXT NOT NULL DEFAULT 'unverified',
    "state" TEXT NOT NULL,
    "summary" TEXT,
    "advice" TEXT,
    "observedAt" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),
    "changedAt" TIMESTAMP(3),

    CONSTRAINT "ItemVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationAcceptance" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "VerificationAcceptance_pkey" PRIMARY KEY ("id")
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
