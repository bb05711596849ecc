-- AlterEnum
ALTER TYPE "Cadence" ADD VALUE 'TWICE_WEEKLY';

-- AlterTable
ALTER TABLE "est_group" ADD COLUMN     "evidence" JSONB,
ADD COLUMN     "originGroupId" UUID,
ADD COLUMN     "originWeek" TEXT;
