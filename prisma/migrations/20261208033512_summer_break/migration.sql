-- AlterTable
ALTER TABLE "est_group" ADD COLUMN     "summerBreakFrom" INTEGER,
ADD COLUMN     "summerBreakTo" INTEGER;

-- Both weeks or neither, in order, within an ISO year.
ALTER TABLE "est_group" ADD CONSTRAINT "est_group_summer_break_check" CHECK (
  ("summerBreakFrom" IS NULL) = ("summerBreakTo" IS NULL)
  AND ("summerBreakFrom" IS NULL OR ("summerBreakFrom" BETWEEN 1 AND 53 AND "summerBreakTo" BETWEEN "summerBreakFrom" AND 53))
);
