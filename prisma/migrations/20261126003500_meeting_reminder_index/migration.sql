-- Hand-written: the reminder sweep (every 15 minutes) looks for planned meetings starting soon
-- across all municipalities; this index keeps it from reading every meeting ever held.
CREATE INDEX "meeting_status_starts_idx" ON "meeting" ("status", "startsAt");
