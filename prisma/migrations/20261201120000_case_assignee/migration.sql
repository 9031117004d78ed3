-- Within the lead agency a case is taken or assigned to a named officer (issue 16); the inbox
-- lists "assigned to me" by deadline, hence the index.
-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "assigneeId" TEXT,
ADD COLUMN     "assigneeName" TEXT;

-- CreateIndex
CREATE INDEX "Case_assigneeId_nextDeadlineAt_idx" ON "Case"("assigneeId", "nextDeadlineAt");
