-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('ON_TRACK', 'AT_RISK', 'OFF_TRACK');

-- CreateTable
CREATE TABLE "goal_follow_up" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "goalId" UUID NOT NULL,
    "quarter" TEXT NOT NULL,
    "status" "GoalStatus" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "authorId" UUID,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "goal_follow_up_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "goal_follow_up_goalId_quarter_key" ON "goal_follow_up"("goalId", "quarter");

-- AddForeignKey
ALTER TABLE "goal_follow_up" ADD CONSTRAINT "goal_follow_up_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "goal_follow_up" ADD CONSTRAINT "goal_follow_up_quarter" CHECK ("quarter" ~ '^[0-9]{4}-Q[1-4]$');
