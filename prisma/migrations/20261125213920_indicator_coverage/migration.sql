-- DropIndex
DROP INDEX "indicator_value_indicatorId_periodKey_key";

-- AlterTable
ALTER TABLE "goal" ADD COLUMN     "participants" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "indicator" ADD COLUMN     "baselineYear" INTEGER,
ADD COLUMN     "definition" TEXT,
ADD COLUMN     "milestones" JSONB;

-- AlterTable
ALTER TABLE "indicator_value" ADD COLUMN     "areaId" UUID,
ADD COLUMN     "recordedById" UUID;

-- CreateIndex
CREATE INDEX "indicator_value_indicatorId_periodKey_idx" ON "indicator_value"("indicatorId", "periodKey");

-- AddForeignKey
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One value per indicator, period and area, "the whole municipality" (no area) included.
CREATE UNIQUE INDEX "indicator_value_one_per_period" ON "indicator_value" ("indicatorId", "periodKey", COALESCE("areaId", '00000000-0000-0000-0000-000000000000'::uuid));
