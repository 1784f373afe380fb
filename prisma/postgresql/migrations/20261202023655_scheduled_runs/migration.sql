-- CreateTable
CREATE TABLE "ScheduledRun" (
    "key" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "slot" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "finishedBy" TEXT NOT NULL,

    CONSTRAINT "ScheduledRun_pkey" PRIMARY KEY ("key")
);
