-- CreateTable
CREATE TABLE "context_series" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "context_series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "context_value" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "seriesId" UUID NOT NULL,
    "periodKey" TEXT NOT NULL,
    "areaName" TEXT NOT NULL DEFAULT '',
    "subgroup" TEXT NOT NULL DEFAULT '',
    "value" DOUBLE PRECISION NOT NULL,
    "respondents" INTEGER,

    CONSTRAINT "context_value_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "context_series_municipalityId_source_name_key" ON "context_series"("municipalityId", "source", "name");

-- CreateIndex
CREATE UNIQUE INDEX "context_value_seriesId_periodKey_areaName_subgroup_key" ON "context_value"("seriesId", "periodKey", "areaName", "subgroup");

-- AddForeignKey
ALTER TABLE "context_series" ADD CONSTRAINT "context_series_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "context_value" ADD CONSTRAINT "context_value_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "context_series"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "context_value" ADD CONSTRAINT "context_value_period" CHECK ("periodKey" ~ '^[0-9]{4}(-(T[1-3]|Q[1-4]|(0[1-9]|1[0-2])))?$');
ALTER TABLE "context_value" ADD CONSTRAINT "context_value_respondents" CHECK ("respondents" IS NULL OR "respondents" >= 0);
