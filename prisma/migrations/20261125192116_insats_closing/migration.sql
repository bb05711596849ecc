-- AlterTable
ALTER TABLE "est_group" ADD COLUMN     "closingReport" JSONB,
ADD COLUMN     "extensions" JSONB;
