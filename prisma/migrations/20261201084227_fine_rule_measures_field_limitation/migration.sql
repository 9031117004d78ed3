-- Fine rules name their remedial measures, the field of their offence and its sanctioning
-- limitation (issue 17). Rows seeded before are postal rules: POSTAL and 1 year; the reference
-- corrections applied at start (prisma/reference/corrections.ts) fill in the rest.
-- AlterTable
ALTER TABLE "FineSchedule" ADD COLUMN     "field" TEXT NOT NULL DEFAULT 'POSTAL',
ADD COLUMN     "remedialMeasures" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "sanctioningLimitationYears" INTEGER NOT NULL DEFAULT 1;
