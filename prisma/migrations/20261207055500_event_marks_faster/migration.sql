-- The look for an earlier report in the hour before is bounded on both sides by the index
-- (municipalityId, areaId, categoryId, placeKey, occurredAt). With only "occurredAt >= t - 60 min"
-- in the index condition and the upper bound inside an OR, every later report at the place was
-- read and filtered: at a place with years of reports, thousands of rows for each report recounted
-- (a first import of 100,000 rows: ~7.5 s of its ~24 s in this function).
CREATE OR REPLACE FUNCTION incident_events_recount(m UUID[], a UUID[], c UUID[], k TEXT[], t TIMESTAMPTZ[], added BOOLEAN DEFAULT false) RETURNS VOID
LANGUAGE sql AS $$
  WITH touched AS (
    SELECT DISTINCT * FROM unnest(m, a, c, k, t) AS x(m, a, c, k, t)
  ), affected AS (
    SELECT DISTINCT i."id", NOT EXISTS (
        SELECT 1 FROM "incident" p
        WHERE p."municipalityId" = i."municipalityId" AND p."areaId" = i."areaId" AND p."categoryId" = i."categoryId"
          AND p."placeKey" = i."placeKey" AND p."status" = 'ACTIVE'
          AND p."occurredAt" >= i."occurredAt" - interval '60 minutes' AND p."occurredAt" <= i."occurredAt"
          AND (p."occurredAt" < i."occurredAt" OR p."id" < i."id")
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

-- A writer may store a report already marked as a copy: an import marks the copies within its file,
-- which would otherwise each be written twice (inserted as beginning an event, then corrected).
-- Such a mark is only a claim – the earlier report it relied on may be withdrawn, or have another
-- id than the writer assumed – so each is checked: one look into the hour before it. Making a
-- copy begin an event changes no other report's mark (a mark depends only on which reports exist).
CREATE OR REPLACE FUNCTION incident_events_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  copies UUID[];
BEGIN
  IF pg_trigger_depth() > 1 THEN RETURN NULL; END IF;
  PERFORM incident_events_recount(array_agg("municipalityId"), array_agg("areaId"), array_agg("categoryId"), array_agg("placeKey"), array_agg("occurredAt"), true)
  FROM new_rows WHERE "status" = 'ACTIVE';
  -- By id from an array (an index scan): joined to the transition table, which has no statistics,
  -- the planner read the whole incident table for each batch.
  SELECT array_agg("id") INTO copies FROM new_rows WHERE "status" = 'ACTIVE' AND NOT "eventStart";
  IF copies IS NOT NULL THEN
    UPDATE "incident" i SET "eventStart" = true
    WHERE i."id" = ANY(copies) AND NOT i."eventStart"
      AND NOT EXISTS (
        SELECT 1 FROM "incident" p
        WHERE p."municipalityId" = i."municipalityId" AND p."areaId" = i."areaId" AND p."categoryId" = i."categoryId"
          AND p."placeKey" = i."placeKey" AND p."status" = 'ACTIVE'
          AND p."occurredAt" >= i."occurredAt" - interval '60 minutes' AND p."occurredAt" <= i."occurredAt"
          AND (p."occurredAt" < i."occurredAt" OR p."id" < i."id"));
  END IF;
  RETURN NULL;
END $$;
