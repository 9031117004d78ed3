-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'CARRIER_REPORT',
ADD COLUMN     "tipId" TEXT;

-- CreateTable
CREATE TABLE "Tip" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tip_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Tip_agencyId_recordedAt_idx" ON "Tip"("agencyId", "recordedAt");

-- CreateIndex
CREATE INDEX "Tip_provinceCode_recordedAt_idx" ON "Tip"("provinceCode", "recordedAt");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE SET NULL ON UPDATE CASCADE;
