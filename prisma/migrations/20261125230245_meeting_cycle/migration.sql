-- CreateEnum
CREATE TYPE "MinutesStatus" AS ENUM ('DRAFT', 'SENT', 'APPROVED');

-- CreateEnum
CREATE TYPE "MeetingEventKind" AS ENUM ('CREATED', 'MOVED', 'CANCELLED', 'SENT', 'APPROVED');

-- CreateEnum
CREATE TYPE "ReminderKind" AS ENUM ('MEETING', 'REPORTING', 'MEASURE_DUE');

-- AlterTable
ALTER TABLE "agenda_item" ADD COLUMN     "minutes" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "decision" ADD COLUMN     "agendaItemId" UUID;

-- AlterTable
ALTER TABLE "est_group" ADD COLUMN     "reminderLeadHours" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "reportingWeekday" INTEGER;

-- AlterTable
ALTER TABLE "meeting" ADD COLUMN     "approvedAt" TIMESTAMPTZ,
ADD COLUMN     "approvedById" UUID,
ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "minutesStatus" "MinutesStatus" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN     "plannedStartsAt" TIMESTAMPTZ;

-- CreateTable
CREATE TABLE "meeting_organisation" (
    "meetingId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,

    CONSTRAINT "meeting_organisation_pkey" PRIMARY KEY ("meetingId","organisationId")
);

-- CreateTable
CREATE TABLE "meeting_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "meetingId" UUID NOT NULL,
    "kind" "MeetingEventKind" NOT NULL,
    "userId" UUID,
    "note" TEXT,
    "snapshot" JSONB,
    "at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_token" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reminder_opt_out" (
    "userId" UUID NOT NULL,
    "kind" "ReminderKind" NOT NULL,

    CONSTRAINT "reminder_opt_out_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateIndex
CREATE INDEX "meeting_event_meetingId_at_idx" ON "meeting_event"("meetingId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_token_userId_key" ON "calendar_token"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_token_tokenHash_key" ON "calendar_token"("tokenHash");

-- AddForeignKey
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "agenda_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_organisation" ADD CONSTRAINT "meeting_organisation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_organisation" ADD CONSTRAINT "meeting_organisation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_event" ADD CONSTRAINT "meeting_event_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_token" ADD CONSTRAINT "calendar_token_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder_opt_out" ADD CONSTRAINT "reminder_opt_out_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: value ranges, and approved minutes that stay as approved.
ALTER TABLE "est_group" ADD CONSTRAINT "est_group_reminder_lead_hours_check" CHECK ("reminderLeadHours" BETWEEN 1 AND 336);
ALTER TABLE "est_group" ADD CONSTRAINT "est_group_reporting_weekday_check" CHECK ("reportingWeekday" IS NULL OR "reportingWeekday" BETWEEN 1 AND 7);
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_ends_after_start_check" CHECK ("endsAt" > "startsAt");

-- Approved minutes are read-only, whatever the application does. Rows may still go when their
-- meeting (or its group) is deleted as a whole: by then the parent row is gone.
CREATE FUNCTION meeting_approved_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND (NOT EXISTS (SELECT 1 FROM "est_group" WHERE id = OLD."groupId")
                           OR NOT EXISTS (SELECT 1 FROM "municipality" WHERE id = OLD."municipalityId")) THEN
    RETURN OLD;
  END IF;
  IF OLD."minutesStatus" = 'APPROVED' THEN
    RAISE EXCEPTION 'approved minutes are read-only (meeting %)', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER meeting_approved_readonly BEFORE UPDATE OR DELETE ON "meeting"
  FOR EACH ROW EXECUTE FUNCTION meeting_approved_guard();

CREATE FUNCTION meeting_part_approved_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  mid uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD."meetingId" ELSE NEW."meetingId" END;
BEGIN
  IF EXISTS (SELECT 1 FROM "meeting" WHERE id = mid AND "minutesStatus" = 'APPROVED')
     OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM "meeting" WHERE id = OLD."meetingId" AND "minutesStatus" = 'APPROVED')) THEN
    RAISE EXCEPTION 'approved minutes are read-only (meeting %)', mid USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER agenda_item_approved_readonly BEFORE INSERT OR UPDATE OR DELETE ON "agenda_item"
  FOR EACH ROW EXECUTE FUNCTION meeting_part_approved_guard();
CREATE TRIGGER decision_approved_readonly BEFORE INSERT OR UPDATE OR DELETE ON "decision"
  FOR EACH ROW EXECUTE FUNCTION meeting_part_approved_guard();
CREATE TRIGGER meeting_attendance_approved_readonly BEFORE INSERT OR UPDATE OR DELETE ON "meeting_attendance"
  FOR EACH ROW EXECUTE FUNCTION meeting_part_approved_guard();
CREATE TRIGGER meeting_organisation_approved_readonly BEFORE INSERT OR UPDATE OR DELETE ON "meeting_organisation"
  FOR EACH ROW EXECUTE FUNCTION meeting_part_approved_guard();
