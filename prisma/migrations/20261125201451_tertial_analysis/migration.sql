-- AlterTable
ALTER TABLE "tertial_analysis" ADD COLUMN     "submittedAt" TIMESTAMPTZ,
ADD COLUMN     "submittedById" UUID;

-- CreateTable
CREATE TABLE "incident_day_count" (
    "municipalityId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "areaId" UUID NOT NULL,
    "categoryId" UUID NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "incident_day_count_pkey" PRIMARY KEY ("municipalityId","day","areaId","categoryId")
);

-- CreateTable
CREATE TABLE "incident_month_count" (
    "municipalityId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "areaId" UUID NOT NULL,
    "categoryId" UUID NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "incident_month_count_pkey" PRIMARY KEY ("municipalityId","month","areaId","categoryId")
);

-- CreateTable
CREATE TABLE "tertial_comment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "analysisId" UUID NOT NULL,
    "section" TEXT NOT NULL DEFAULT 'overall',
    "text" TEXT NOT NULL,
    "authorId" UUID,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tertial_comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tertial_snapshot_incident" (
    "analysisId" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "tertial" TEXT NOT NULL,
    "areaId" UUID NOT NULL,
    "categoryId" UUID NOT NULL,
    "place" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "tertial_snapshot_incident_pkey" PRIMARY KEY ("analysisId","incidentId")
);

-- CreateIndex
CREATE INDEX "incident_month_count_month_idx" ON "incident_month_count"("month");

-- CreateIndex
CREATE INDEX "tertial_comment_analysisId_createdAt_idx" ON "tertial_comment"("analysisId", "createdAt");

-- CreateIndex
CREATE INDEX "tertial_snapshot_incident_analysisId_tertial_areaId_categor_idx" ON "tertial_snapshot_incident"("analysisId", "tertial", "areaId", "categoryId");

-- AddForeignKey
ALTER TABLE "tertial_comment" ADD CONSTRAINT "tertial_comment_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "tertial_analysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tertial_comment" ADD CONSTRAINT "tertial_comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tertial_snapshot_incident" ADD CONSTRAINT "tertial_snapshot_incident_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "tertial_analysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rollups kept current on write (ADR 008). Statement-level triggers see all rows a statement
-- touched at once, so a 100 000-row import updates each (day, area, category) once, not per row.
-- Deltas are applied in key order so concurrent writers lock rows in the same order (no deadlock).
CREATE FUNCTION incident_rollup_apply(m UUID[], d DATE[], a UUID[], c UUID[], n INT[]) RETURNS VOID
LANGUAGE sql AS $$
  WITH delta AS (
    SELECT * FROM unnest(m, d, a, c, n) AS t("municipalityId", "day", "areaId", "categoryId", "n") WHERE t."n" <> 0
  ), days AS (
    INSERT INTO "incident_day_count" AS t ("municipalityId", "day", "areaId", "categoryId", "n")
    SELECT "municipalityId", "day", "areaId", "categoryId", "n" FROM delta ORDER BY 1, 2, 3, 4
    ON CONFLICT ("municipalityId", "day", "areaId", "categoryId") DO UPDATE SET "n" = t."n" + excluded."n"
  )
  INSERT INTO "incident_month_count" AS t ("municipalityId", "month", "areaId", "categoryId", "n")
  SELECT "municipalityId", date_trunc('month', "day")::date, "areaId", "categoryId", sum("n")::int
  FROM delta GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("municipalityId", "month", "areaId", "categoryId") DO UPDATE SET "n" = t."n" + excluded."n";
$$;

CREATE FUNCTION incident_rollup_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM incident_rollup_apply(array_agg(m), array_agg(d), array_agg(a), array_agg(c), array_agg(n))
  FROM (SELECT "municipalityId" m, ("occurredAt" AT TIME ZONE 'Europe/Stockholm')::date d, "areaId" a, "categoryId" c, count(*)::int n
        FROM new_rows WHERE "status" = 'ACTIVE' GROUP BY 1, 2, 3, 4) x;
  RETURN NULL;
END $$;

CREATE FUNCTION incident_rollup_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM incident_rollup_apply(array_agg(m), array_agg(d), array_agg(a), array_agg(c), array_agg(n))
  FROM (SELECT m, d, a, c, sum(n)::int n FROM (
          SELECT "municipalityId" m, ("occurredAt" AT TIME ZONE 'Europe/Stockholm')::date d, "areaId" a, "categoryId" c, 1 n
          FROM new_rows WHERE "status" = 'ACTIVE'
          UNION ALL
          SELECT "municipalityId", ("occurredAt" AT TIME ZONE 'Europe/Stockholm')::date, "areaId", "categoryId", -1
          FROM old_rows WHERE "status" = 'ACTIVE'
        ) u GROUP BY 1, 2, 3, 4) x;
  RETURN NULL;
END $$;

CREATE FUNCTION incident_rollup_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM incident_rollup_apply(array_agg(m), array_agg(d), array_agg(a), array_agg(c), array_agg(n))
  FROM (SELECT "municipalityId" m, ("occurredAt" AT TIME ZONE 'Europe/Stockholm')::date d, "areaId" a, "categoryId" c, -count(*)::int n
        FROM old_rows WHERE "status" = 'ACTIVE' GROUP BY 1, 2, 3, 4) x;
  RETURN NULL;
END $$;

CREATE TRIGGER incident_rollup_insert AFTER INSERT ON "incident"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_rollup_on_insert();
CREATE TRIGGER incident_rollup_update AFTER UPDATE ON "incident"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_rollup_on_update();
CREATE TRIGGER incident_rollup_delete AFTER DELETE ON "incident"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_rollup_on_delete();

-- Backfill from the incidents already stored.
INSERT INTO "incident_day_count" ("municipalityId", "day", "areaId", "categoryId", "n")
SELECT "municipalityId", ("occurredAt" AT TIME ZONE 'Europe/Stockholm')::date, "areaId", "categoryId", count(*)::int
FROM "incident" WHERE "status" = 'ACTIVE' GROUP BY 1, 2, 3, 4;
INSERT INTO "incident_month_count" ("municipalityId", "month", "areaId", "categoryId", "n")
SELECT "municipalityId", date_trunc('month', "day")::date, "areaId", "categoryId", sum("n")::int
FROM "incident_day_count" GROUP BY 1, 2, 3, 4;

ALTER TABLE "tertial_comment" ADD CONSTRAINT "tertial_comment_text_length" CHECK (length("text") BETWEEN 1 AND 4000);
ALTER TABLE "tertial_snapshot_incident" ADD CONSTRAINT "tertial_snapshot_incident_tertial_format" CHECK ("tertial" ~ '^[0-9]{4}-T[1-3]$');
