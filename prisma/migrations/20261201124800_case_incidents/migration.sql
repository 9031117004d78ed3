-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "activity" TEXT NOT NULL,
    "stepSeq" INTEGER,
    "stepType" TEXT,
    "errorType" TEXT NOT NULL,
    "sqlState" TEXT,
    "message" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "lastFailedAt" TIMESTAMP(3) NOT NULL,
    "failures" INTEGER NOT NULL,
    "retriedAt" TIMESTAMP(3),
    "retriedBy" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "carrierId" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "agencyIds" TEXT[],
    "restricted" BOOLEAN NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Incident_resolvedAt_openedAt_idx" ON "Incident"("resolvedAt", "openedAt");

-- CreateIndex
CREATE INDEX "Incident_caseId_idx" ON "Incident"("caseId");
