-- CreateTable
CREATE TABLE "ScheduledRun" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "job" TEXT NOT NULL,
    "slot" DATETIME NOT NULL,
    "finishedAt" DATETIME NOT NULL,
    "finishedBy" TEXT NOT NULL
);
