-- CreateIndex
CREATE INDEX "Case_agencyIds_idx" ON "Case" USING GIN ("agencyIds");

-- CreateIndex
CREATE INDEX "Case_status_detectedAt_idx" ON "Case"("status", "detectedAt");

-- CreateIndex
CREATE INDEX "Case_overdue_detectedAt_idx" ON "Case"("overdue", "detectedAt");

-- CreateIndex
CREATE INDEX "Case_provinceCode_detectedAt_idx" ON "Case"("provinceCode", "detectedAt");

-- CreateIndex
CREATE INDEX "Case_nextDeadlineAt_idx" ON "Case"("nextDeadlineAt");
