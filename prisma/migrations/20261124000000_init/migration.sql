-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('POLICE', 'QLTT', 'CUSTOMS', 'DEPT', 'INSPECTORATE', 'KT1');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('carrier', 'officer', 'manager', 'admin');

-- CreateTable
CREATE TABLE "Province" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "validFrom" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validTo" DATE,

    CONSTRAINT "Province_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "kind" "AgencyKind" NOT NULL,
    "provinceCode" TEXT,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "validFrom" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validTo" DATE,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Carrier" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kt1" BOOLEAN NOT NULL DEFAULT false,
    "licenceNumber" TEXT,
    "licenceValidTo" DATE,
    "complianceContact" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Carrier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ItemCategory" (
    "code" TEXT NOT NULL,
    "labelVi" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "primaryAgency" "AgencyKind" NOT NULL,
    "alsoNotify" "AgencyKind"[],
    "offenceCode" TEXT NOT NULL,

    CONSTRAINT "ItemCategory_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "DeadlinePolicy" (
    "clock" TEXT NOT NULL,
    "startsAt" TEXT NOT NULL,
    "limitValue" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "escalationChain" TEXT[],
    "extensions" JSONB NOT NULL DEFAULT '[]',
    "verify" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "DeadlinePolicy_pkey" PRIMARY KEY ("clock")
);

-- CreateTable
CREATE TABLE "FineSchedule" (
    "id" TEXT NOT NULL,
    "offenceCode" TEXT NOT NULL,
    "decree" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "minVnd" BIGINT NOT NULL,
    "maxVnd" BIGINT NOT NULL,
    "extraPenalties" TEXT[],
    "legalBasis" TEXT NOT NULL,
    "descriptionVi" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,

    CONSTRAINT "FineSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthorityCap" (
    "id" TEXT NOT NULL,
    "agencyKind" "AgencyKind" NOT NULL,
    "title" TEXT NOT NULL,
    "capVnd" BIGINT NOT NULL,
    "legalBasis" TEXT NOT NULL,

    CONSTRAINT "AuthorityCap_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "date" DATE NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "Principal" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "title" TEXT,
    "carrierId" TEXT,
    "agencyId" TEXT,
    "provinceCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMP(3),

    CONSTRAINT "Principal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "carrierId" TEXT NOT NULL,
    "carrierRef" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "leadAgencyId" TEXT,
    "agencyIds" TEXT[],
    "crossBorder" BOOLEAN NOT NULL DEFAULT false,
    "kt1" BOOLEAN NOT NULL DEFAULT false,
    "signsOfCrime" BOOLEAN NOT NULL DEFAULT false,
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "nextDeadlineAt" TIMESTAMP(3),
    "deadlines" JSONB NOT NULL DEFAULT '[]',
    "fineVnd" BIGINT,
    "paidVnd" BIGINT NOT NULL DEFAULT 0,
    "interestVnd" BIGINT NOT NULL DEFAULT 0,
    "outcome" TEXT,
    "detectedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseNumberSequence" (
    "provinceCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "next" INTEGER NOT NULL,

    CONSTRAINT "CaseNumberSequence_pkey" PRIMARY KEY ("provinceCode","year")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" BIGSERIAL NOT NULL,
    "caseId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "actorRole" TEXT NOT NULL,
    "actorAgencyId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "reason" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "recipient" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Agency_kind_provinceCode_idx" ON "Agency"("kind", "provinceCode");

-- CreateIndex
CREATE INDEX "FineSchedule_offenceCode_effectiveFrom_idx" ON "FineSchedule"("offenceCode", "effectiveFrom");

-- CreateIndex
CREATE INDEX "Holiday_year_idx" ON "Holiday"("year");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE UNIQUE INDEX "Case_number_key" ON "Case"("number");

-- CreateIndex
CREATE INDEX "Case_provinceCode_status_idx" ON "Case"("provinceCode", "status");

-- CreateIndex
CREATE INDEX "Case_detectedAt_idx" ON "Case"("detectedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Case_carrierId_carrierRef_key" ON "Case"("carrierId", "carrierRef");

-- CreateIndex
CREATE UNIQUE INDEX "CaseEvent_caseId_seq_key" ON "CaseEvent"("caseId", "seq");

-- CreateIndex
CREATE INDEX "Notification_recipient_createdAt_idx" ON "Notification"("recipient", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_caseId_idx" ON "Notification"("caseId");

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Province"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_principalId_fkey" FOREIGN KEY ("principalId") REFERENCES "Principal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_carrierId_fkey" FOREIGN KEY ("carrierId") REFERENCES "Carrier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Province"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
