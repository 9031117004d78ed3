-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "servicePoint" TEXT NOT NULL DEFAULT '';
