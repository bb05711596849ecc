-- CreateTable
CREATE TABLE "measure_evaluation" (
    "measureId" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "categoryIds" UUID[],
    "controlAreaIds" UUID[],
    "beforeFirst" DATE NOT NULL,
    "beforeLast" DATE NOT NULL,
    "afterFirst" DATE NOT NULL,
    "afterLast" DATE NOT NULL,
    "recordedById" UUID,
    "recordedAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "measure_evaluation_pkey" PRIMARY KEY ("measureId")
);

-- AddForeignKey
ALTER TABLE "measure_evaluation" ADD CONSTRAINT "measure_evaluation_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_evaluation" ADD CONSTRAINT "measure_evaluation_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The windows as the app refuses them: in order, not overlapping, equally long; a target category.
ALTER TABLE "measure_evaluation" ADD CONSTRAINT "measure_evaluation_windows" CHECK (
  "beforeFirst" <= "beforeLast" AND "beforeLast" < "afterFirst" AND "afterFirst" <= "afterLast"
  AND "afterLast" - "afterFirst" = "beforeLast" - "beforeFirst");
ALTER TABLE "measure_evaluation" ADD CONSTRAINT "measure_evaluation_categories" CHECK (cardinality("categoryIds") >= 1);
