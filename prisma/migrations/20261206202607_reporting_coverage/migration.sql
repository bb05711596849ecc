-- AlterTable
ALTER TABLE "organisation" ADD COLUMN     "reportingEnd" DATE,
ADD COLUMN     "reportingStart" DATE;

-- CreateTable
CREATE TABLE "organisation_week_count" (
    "municipalityId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "weekStart" DATE NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "organisation_week_count_pkey" PRIMARY KEY ("municipalityId","organisationId","weekStart")
);

-- CreateTable
CREATE TABLE "reporting_pause" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "from" DATE NOT NULL,
    "until" DATE NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reporting_pause_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reporting_pause_municipalityId_organisationId_idx" ON "reporting_pause"("municipalityId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "organisation_id_municipalityId_key" ON "organisation"("id", "municipalityId");

-- AddForeignKey
ALTER TABLE "reporting_pause" ADD CONSTRAINT "reporting_pause_organisationId_municipalityId_fkey" FOREIGN KEY ("organisationId", "municipalityId") REFERENCES "organisation"("id", "municipalityId") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "reporting_pause" ADD CONSTRAINT "reporting_pause_days" CHECK ("from" < "until");
ALTER TABLE "reporting_pause" ADD CONSTRAINT "reporting_pause_reason_length" CHECK (length("reason") <= 500);
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_reporting_days" CHECK ("reportingStart" IS NULL OR "reportingEnd" IS NULL OR "reportingStart" < "reportingEnd");

-- Which weeks each organisation reported in, kept current on write like the area rollups
-- (ADR 008): statement-level triggers, deltas applied in key order.
CREATE FUNCTION organisation_week_apply(m UUID[], o UUID[], w DATE[], n INT[]) RETURNS VOID
LANGUAGE sql AS $$
  INSERT INTO "organisation_week_count" AS t ("municipalityId", "organisationId", "weekStart", "n")
  SELECT "municipalityId", "organisationId", "weekStart", sum("n")::int
  FROM unnest(m, o, w, n) AS d("municipalityId", "organisationId", "weekStart", "n")
  WHERE d."n" <> 0 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("municipalityId", "organisationId", "weekStart") DO UPDATE SET "n" = t."n" + excluded."n";
$$;

CREATE FUNCTION organisation_week_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM organisation_week_apply(array_agg(m), array_agg(o), array_agg(w), array_agg(n))
  FROM (SELECT "municipalityId" m, "reporterOrgId" o, date_trunc('week', "occurredAt" AT TIME ZONE 'Europe/Stockholm')::date w, count(*)::int n
        FROM new_rows WHERE "status" = 'ACTIVE' GROUP BY 1, 2, 3) x;
  RETURN NULL;
END $$;

CREATE FUNCTION organisation_week_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM organisation_week_apply(array_agg(m), array_agg(o), array_agg(w), array_agg(n))
  FROM (SELECT m, o, w, sum(n)::int n FROM (
          SELECT "municipalityId" m, "reporterOrgId" o, date_trunc('week', "occurredAt" AT TIME ZONE 'Europe/Stockholm')::date w, 1 n
          FROM new_rows WHERE "status" = 'ACTIVE'
          UNION ALL
          SELECT "municipalityId", "reporterOrgId", date_trunc('week', "occurredAt" AT TIME ZONE 'Europe/Stockholm')::date, -1
          FROM old_rows WHERE "status" = 'ACTIVE'
        ) u GROUP BY 1, 2, 3) x;
  RETURN NULL;
END $$;

CREATE FUNCTION organisation_week_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM organisation_week_apply(array_agg(m), array_agg(o), array_agg(w), array_agg(n))
  FROM (SELECT "municipalityId" m, "reporterOrgId" o, date_trunc('week', "occurredAt" AT TIME ZONE 'Europe/Stockholm')::date w, -count(*)::int n
        FROM old_rows WHERE "status" = 'ACTIVE' GROUP BY 1, 2, 3) x;
  RETURN NULL;
END $$;

CREATE TRIGGER organisation_week_insert AFTER INSERT ON "incident"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION organisation_week_on_insert();
CREATE TRIGGER organisation_week_update AFTER UPDATE ON "incident"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION organisation_week_on_update();
CREATE TRIGGER organisation_week_delete AFTER DELETE ON "incident"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION organisation_week_on_delete();

INSERT INTO "organisation_week_count" ("municipalityId", "organisationId", "weekStart", "n")
SELECT "municipalityId", "reporterOrgId", date_trunc('week', "occurredAt" AT TIME ZONE 'Europe/Stockholm')::date, count(*)::int
FROM "incident" WHERE "status" = 'ACTIVE' GROUP BY 1, 2, 3;
