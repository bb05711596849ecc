-- AlterTable
ALTER TABLE "incident" ADD COLUMN     "eventStart" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "placeKey" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "incident_day_count" ADD COLUMN     "events" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "incident_month_count" ADD COLUMN     "events" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "tertial_snapshot_incident" ADD COLUMN     "eventStart" BOOLEAN NOT NULL DEFAULT true;

-- Events, not reports (issue 25, ADR 018). Reports of the same area, category and place (case and
-- spaces ignored) within 60 minutes of the one before are one event. Each report knows whether it
-- begins an event ("eventStart"); the rollups count both reports ("n") and events ("events"), so
-- every figure can count events at the rollups' speed.

-- The place as compared for events, the same as samePlace() in lib/incidents/events.ts. Letters
-- are folded through an explicit table (Latin-1 and Latin Extended A/B) before lower(): in a
-- database with the C locale lower() folds only A–Z, and "ÄNGBY" must be "ängby" everywhere.
CREATE FUNCTION est_place_key(p TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(translate(btrim(regexp_replace(translate(p, E'\u00a0', ' '), '\s+', ' ', 'g')),
    'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƁƂƄƆƇƉƊƋƎƏƐƑƓƔƖƗƘƜƝƟƠƢƤƦƧƩƬƮƯƱƲƳƵƷƸƼǄǅǇǈǊǋǍǏǑǓǕǗǙǛǞǠǢǤǦǨǪǬǮǱǲǴǶǷǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȠȢȤȦȨȪȬȮȰȲȺȻȽȾɁɃɄɅɆɈɊɌɎ',
    'àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷÿźżžɓƃƅɔƈɖɗƌǝəɛƒɠɣɩɨƙɯɲɵơƣƥʀƨʃƭʈưʊʋƴƶʒƹƽǆǆǉǉǌǌǎǐǒǔǖǘǚǜǟǡǣǥǧǩǫǭǯǳǳǵƕƿǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȝȟƞȣȥȧȩȫȭȯȱȳⱥȼƚⱦɂƀʉʌɇɉɋɍɏ'))
$$;

CREATE FUNCTION incident_place_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."placeKey" := est_place_key(NEW."place");
  RETURN NEW;
END $$;

-- Whether the active reports at and up to 60 minutes after each touched (place, instant) begin an
-- event. Only these can change when a report is added, moved, withdrawn or removed: a report's
-- flag depends on the reports in the hour before it. When reports are only added (`added`), a
-- report that does not begin an event cannot come to begin one, so only those that do (at most a
-- couple per place in any hour, and the new ones) are looked at: fifty copies of one report saved
-- at once do not each recount all the others.
CREATE FUNCTION incident_events_recount(m UUID[], a UUID[], c UUID[], k TEXT[], t TIMESTAMPTZ[], added BOOLEAN DEFAULT false) RETURNS VOID
LANGUAGE sql AS $$
  WITH touched AS (
    SELECT DISTINCT * FROM unnest(m, a, c, k, t) AS x(m, a, c, k, t)
  ), affected AS (
    SELECT DISTINCT i."id", NOT EXISTS (
        SELECT 1 FROM "incident" p
        WHERE p."municipalityId" = i."municipalityId" AND p."areaId" = i."areaId" AND p."categoryId" = i."categoryId"
          AND p."placeKey" = i."placeKey" AND p."status" = 'ACTIVE'
          AND p."occurredAt" >= i."occurredAt" - interval '60 minutes'
          AND (p."occurredAt" < i."occurredAt" OR (p."occurredAt" = i."occurredAt" AND p."id" < i."id"))
      ) AS "starts"
    FROM touched x
    JOIN "incident" i ON i."municipalityId" = x.m AND i."areaId" = x.a AND i."categoryId" = x.c AND i."placeKey" = x.k
      AND i."occurredAt" >= x.t AND i."occurredAt" <= x.t + interval '60 minutes'
    WHERE i."status" = 'ACTIVE' AND (NOT added OR i."eventStart")
  )
  UPDATE "incident" i SET "eventStart" = f."starts"
  FROM (SELECT * FROM affected ORDER BY "id") f
  WHERE i."id" = f."id" AND i."eventStart" IS DISTINCT FROM f."starts";
$$;

-- Statement-level, like the rollups: an import of 100 000 rows recounts once. The recount's own
-- update (trigger depth 2) does not recount again; the rollup triggers do see it.
CREATE FUNCTION incident_events_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() > 1 THEN RETURN NULL; END IF;
  PERFORM incident_events_recount(array_agg("municipalityId"), array_agg("areaId"), array_agg("categoryId"), array_agg("placeKey"), array_agg("occurredAt"), true)
  FROM new_rows WHERE "status" = 'ACTIVE';
  RETURN NULL;
END $$;

CREATE FUNCTION incident_events_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() > 1 THEN RETURN NULL; END IF;
  IF TG_OP = 'UPDATE' THEN
    -- Only moves, withdrawals and restorations matter (not a changed description): the old and the
    -- new position of each report whose place, time or status changed. Found with EXCEPT (hashed)
    -- rather than a join of the two transition tables, which have no statistics: as a nested loop
    -- it took seconds for an import batch of 5,000 rows that moved nothing.
    PERFORM incident_events_recount(array_agg(x."municipalityId"), array_agg(x."areaId"), array_agg(x."categoryId"), array_agg(x."placeKey"), array_agg(x."occurredAt"))
    FROM (
      (SELECT "id", "municipalityId", "areaId", "categoryId", "placeKey", "occurredAt", "status" FROM old_rows
       EXCEPT SELECT "id", "municipalityId", "areaId", "categoryId", "placeKey", "occurredAt", "status" FROM new_rows)
      UNION
      (SELECT "id", "municipalityId", "areaId", "categoryId", "placeKey", "occurredAt", "status" FROM new_rows
       EXCEPT SELECT "id", "municipalityId", "areaId", "categoryId", "placeKey", "occurredAt", "status" FROM old_rows)
    ) x;
  ELSE
    PERFORM incident_events_recount(array_agg("municipalityId"), array_agg("areaId"), array_agg("categoryId"), array_agg("placeKey"), array_agg("occurredAt"))
    FROM old_rows WHERE "status" = 'ACTIVE';
  END IF;
  RETURN NULL;
END $$;

-- The rollups count events beside reports.
DROP FUNCTION incident_rollup_apply(UUID[], DATE[], UUID[], UUID[], INT[]) CASCADE;
CREATE FUNCTION incident_rollup_apply(m UUID[], d DATE[], a UUID[], c UUID[], n INT[], e INT[]) RETURNS VOID
LANGUAGE sql AS $$
  WITH delta AS (
    SELECT * FROM unnest(m, d, a, c, n, e) AS t("municipalityId", "day", "areaId", "categoryId", "n", "events") WHERE t."n" <> 0 OR t."events" <> 0
  ), days AS (
    INSERT INTO "incident_day_count" AS t ("municipalityId", "day", "areaId", "categoryId", "n", "events")
    SELECT "municipalityId", "day", "areaId", "categoryId", "n", "events" FROM delta ORDER BY 1, 2, 3, 4
    ON CONFLICT ("municipalityId", "day", "areaId", "categoryId") DO UPDATE SET "n" = t."n" + excluded."n", "events" = t."events" + excluded."events"
  )
  INSERT INTO "incident_month_count" AS t ("municipalityId", "month", "areaId", "categoryId", "n", "events")
  SELECT "municipalityId", date_trunc('month', "day")::date, "areaId", "categoryId", sum("n")::int, sum("events")::int
  FROM delta GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("municipalityId", "month", "areaId", "categoryId") DO UPDATE SET "n" = t."n" + excluded."n", "events" = t."events" + excluded."events";
$$;

CREATE OR REPLACE FUNCTION incident_rollup_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM incident_rollup_apply(array_agg(m), array_agg(d), array_agg(a), array_agg(c), array_agg(n), array_agg(e))
  FROM (SELECT "municipalityId" m, ("occurredAt" AT TIME ZONE 'Europe/Stockholm')::date d, "areaId" a, "categoryId" c,
               count(*)::int n, count(*) FILTER (WHERE "eventStart")::int e
        FROM new_rows WHERE "status" = 'ACTIVE' GROUP BY 1, 2, 3, 4) x;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION incident_rollup_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM incident_rollup_apply(array_agg(m), array_agg(d), array_agg(a), array_agg(c), array_agg(n), array_agg(e))
  FROM (SELECT m, d, a, c, sum(n)::int n, sum(e)::int e FROM (
          SELECT "municipalityId" m, ("occurredAt" AT TIME ZONE 'Europe/Stockholm')::date d, "areaId" a, "categoryId" c, 1 n, "eventStart"::int e
          FROM new_rows WHERE "status" = 'ACTIVE'
          UNION ALL
          SELECT "municipalityId", ("occurredAt" AT TIME ZONE 'Europe/Stockholm')::date, "areaId", "categoryId", -1, -("eventStart"::int)
          FROM old_rows WHERE "status" = 'ACTIVE'
        ) u GROUP BY 1, 2, 3, 4) x;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION incident_rollup_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM incident_rollup_apply(array_agg(m), array_agg(d), array_agg(a), array_agg(c), array_agg(n), array_agg(e))
  FROM (SELECT "municipalityId" m, ("occurredAt" AT TIME ZONE 'Europe/Stockholm')::date d, "areaId" a, "categoryId" c,
               -count(*)::int n, -(count(*) FILTER (WHERE "eventStart"))::int e
        FROM old_rows WHERE "status" = 'ACTIVE' GROUP BY 1, 2, 3, 4) x;
  RETURN NULL;
END $$;

-- Marks every report by the rule from scratch, for one municipality or all: the repair for marks
-- gone wrong (two reports of one event saved at the same moment in two transactions each see no
-- earlier one and both begin an event). The rollup triggers follow the changed marks.
CREATE FUNCTION incident_events_rebuild(only_municipality UUID DEFAULT NULL) RETURNS INT
LANGUAGE sql AS $$
  WITH marks AS (
    SELECT "id", lag("occurredAt") OVER w IS NULL OR "occurredAt" - lag("occurredAt") OVER w > interval '60 minutes' AS "starts"
    FROM "incident"
    WHERE "status" = 'ACTIVE' AND (only_municipality IS NULL OR "municipalityId" = only_municipality)
    WINDOW w AS (PARTITION BY "municipalityId", "areaId", "categoryId", "placeKey" ORDER BY "occurredAt", "id")
  ), changed AS (
    UPDATE "incident" i SET "eventStart" = m."starts" FROM marks m
    WHERE i."id" = m."id" AND i."eventStart" IS DISTINCT FROM m."starts"
    RETURNING 1
  )
  SELECT count(*)::int FROM changed;
$$;

-- Backfill. Every stored report begins an event so far ("eventStart" defaults to true), so the
-- rollups' events equal their reports; the rebuild then clears the marks of the copies and the
-- rollup triggers subtract them. The place keys are written with the triggers off: they would
-- recount rows whose totals do not change.
UPDATE "incident_day_count" SET "events" = "n";
UPDATE "incident_month_count" SET "events" = "n";
ALTER TABLE "incident" DISABLE TRIGGER USER;
UPDATE "incident" SET "placeKey" = est_place_key("place");
ALTER TABLE "incident" ENABLE TRIGGER USER;

-- CreateIndex
CREATE INDEX "incident_municipalityId_areaId_categoryId_placeKey_occurred_idx" ON "incident"("municipalityId", "areaId", "categoryId", "placeKey", "occurredAt");

SELECT incident_events_rebuild();

CREATE TRIGGER incident_place_key BEFORE INSERT OR UPDATE OF "place" ON "incident"
  FOR EACH ROW EXECUTE FUNCTION incident_place_key();
CREATE TRIGGER incident_events_insert AFTER INSERT ON "incident"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_events_on_insert();
CREATE TRIGGER incident_events_update AFTER UPDATE ON "incident"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_events_on_change();
CREATE TRIGGER incident_events_delete AFTER DELETE ON "incident"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_events_on_change();
