-- The incident list and the export read newest first with id breaking ties. With id in the index
-- a backward scan yields exactly that order, so a page of 50 reads 50 rows; on (municipalityId,
-- occurredAt) alone the planner either found an incremental sort or, with statistics behind a
-- large import, joined and sorted every row of the period (570 ms for a week holding 100,000
-- incidents, reproduced on PostgreSQL 15). Built before the old index is dropped; on a large table run
-- this migration in a quiet hour (CREATE INDEX blocks writes to incident while it builds).
CREATE INDEX "incident_municipalityId_occurredAt_id_idx" ON "incident"("municipalityId", "occurredAt", "id");

DROP INDEX "incident_municipalityId_occurredAt_idx";
