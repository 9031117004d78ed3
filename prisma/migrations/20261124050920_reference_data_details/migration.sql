-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'MAKE_UP_WORKDAY');

-- AlterTable
ALTER TABLE "AuthorityCap" ADD COLUMN     "titleVi" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "verify" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "FineSchedule" ADD COLUMN     "verify" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Holiday" ADD COLUMN     "kind" "CalendarDayKind" NOT NULL DEFAULT 'HOLIDAY';

-- AlterTable
ALTER TABLE "Province" ADD COLUMN     "nameEn" TEXT NOT NULL DEFAULT '';
