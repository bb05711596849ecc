-- CreateEnum
CREATE TYPE "AreaStatusLevel" AS ENUM ('GREEN', 'YELLOW', 'RED');

-- AlterTable
ALTER TABLE "lagesbild" ADD COLUMN     "focusNotes" TEXT;

-- CreateTable
CREATE TABLE "lagesbild_area_status" (
    "lagesbildId" UUID NOT NULL,
    "areaId" UUID NOT NULL,
    "level" "AreaStatusLevel" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "lagesbild_area_status_pkey" PRIMARY KEY ("lagesbildId","areaId")
);

-- CreateIndex
CREATE INDEX "lagesbild_area_status_areaId_idx" ON "lagesbild_area_status"("areaId");

-- AddForeignKey
ALTER TABLE "lagesbild_area_status" ADD CONSTRAINT "lagesbild_area_status_lagesbildId_fkey" FOREIGN KEY ("lagesbildId") REFERENCES "lagesbild"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lagesbild_area_status" ADD CONSTRAINT "lagesbild_area_status_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE CASCADE;
