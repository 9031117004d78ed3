-- CreateEnum
CREATE TYPE "LicenceKind" AS ENUM ('LICENCE', 'NOTIFICATION');

-- CreateEnum
CREATE TYPE "LicenceScope" AS ENUM ('PROVINCIAL', 'INTER_PROVINCIAL', 'INTERNATIONAL');

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "reportId" TEXT,
ALTER COLUMN "caseId" DROP NOT NULL,
ALTER COLUMN "seq" DROP NOT NULL;

-- CreateTable
CREATE TABLE "CarrierLicence" (
    "id" TEXT NOT NULL,
    "carrierId" TEXT NOT NULL,
    "kind" "LicenceKind" NOT NULL,
    "number" TEXT NOT NULL,
    "issuingAuthority" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "validTo" DATE,
    "scope" "LicenceScope" NOT NULL,
    "provinceCode" TEXT,

    CONSTRAINT "CarrierLicence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServicePoint" (
    "carrierId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "commune" TEXT NOT NULL,
    "communeLevel" BOOLEAN NOT NULL DEFAULT false,
    "remote" BOOLEAN NOT NULL DEFAULT false,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "ServicePoint_pkey" PRIMARY KEY ("carrierId","code")
);

-- CreateTable
CREATE TABLE "Pledge" (
    "id" TEXT NOT NULL,
    "carrierId" TEXT NOT NULL,
    "signatory" TEXT NOT NULL,
    "signedOn" DATE NOT NULL,
    "documentRef" TEXT NOT NULL,

    CONSTRAINT "Pledge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PledgeCoverage" (
    "pledgeId" TEXT NOT NULL,
    "carrierId" TEXT NOT NULL,
    "code" TEXT NOT NULL,

    CONSTRAINT "PledgeCoverage_pkey" PRIMARY KEY ("pledgeId","carrierId","code")
);

-- CreateTable
CREATE TABLE "ReportDueDate" (
    "periodKind" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "day" INTEGER NOT NULL,
    "yearOffset" INTEGER NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "verify" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ReportDueDate_pkey" PRIMARY KEY ("periodKind")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "provinceCode" TEXT,
    "periodKind" TEXT NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "kt1" TEXT NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,
    "asOfNow" BOOLEAN NOT NULL,
    "referenceVersion" BIGINT NOT NULL,
    "checksum" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "names" JSONB NOT NULL,
    "trigger" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "generatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CarrierLicence_carrierId_issuedOn_idx" ON "CarrierLicence"("carrierId", "issuedOn");

-- CreateIndex
CREATE UNIQUE INDEX "CarrierLicence_issuingAuthority_number_key" ON "CarrierLicence"("issuingAuthority", "number");

-- CreateIndex
CREATE INDEX "ServicePoint_provinceCode_idx" ON "ServicePoint"("provinceCode");

-- CreateIndex
CREATE INDEX "Pledge_carrierId_idx" ON "Pledge"("carrierId");

-- CreateIndex
CREATE INDEX "PledgeCoverage_carrierId_code_idx" ON "PledgeCoverage"("carrierId", "code");

-- CreateIndex
CREATE INDEX "Report_provinceCode_periodFrom_idx" ON "Report"("provinceCode", "periodFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Report_key_checksum_key" ON "Report"("key", "checksum");

-- CreateIndex
CREATE INDEX "CaseEvent_type_at_idx" ON "CaseEvent"("type", "at");

-- CreateIndex
CREATE INDEX "Notification_reportId_idx" ON "Notification"("reportId");

-- AddForeignKey
ALTER TABLE "CarrierLicence" ADD CONSTRAINT "CarrierLicence_carrierId_fkey" FOREIGN KEY ("carrierId") REFERENCES "Carrier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServicePoint" ADD CONSTRAINT "ServicePoint_carrierId_fkey" FOREIGN KEY ("carrierId") REFERENCES "Carrier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServicePoint" ADD CONSTRAINT "ServicePoint_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Province"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_carrierId_fkey" FOREIGN KEY ("carrierId") REFERENCES "Carrier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeCoverage" ADD CONSTRAINT "PledgeCoverage_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeCoverage" ADD CONSTRAINT "PledgeCoverage_carrierId_code_fkey" FOREIGN KEY ("carrierId", "code") REFERENCES "ServicePoint"("carrierId", "code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A stored report is evidence of what was reported: like CaseEvent and ReferenceChange, a row once
-- written never changes (a regeneration with other figures is another row, with its own checksum).
CREATE FUNCTION "Report_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Report is append-only: % refused', TG_OP
    USING ERRCODE = 'P0001',
          HINT = 'Generate the report again: a changed report is stored beside the old one.';
END;
$$;

CREATE TRIGGER "Report_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "Report"
  FOR EACH STATEMENT EXECUTE FUNCTION "Report_refuse_change"();
