-- Period keys are stored as text; these checks keep them well-formed so grouping by key is safe.
ALTER TABLE "incident" ADD CONSTRAINT "incident_iso_week_format"
  CHECK ("isoWeek" ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$');
ALTER TABLE "weekly_report" ADD CONSTRAINT "weekly_report_iso_week_format"
  CHECK ("isoWeek" ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$');
ALTER TABLE "tertial_analysis" ADD CONSTRAINT "tertial_analysis_tertial_format"
  CHECK ("tertial" ~ '^[0-9]{4}-T[1-3]$');
ALTER TABLE "lagesbild" ADD CONSTRAINT "lagesbild_period_format"
  CHECK ("periodKey" ~ '^[0-9]{4}-(W(0[1-9]|[1-4][0-9]|5[0-3])|[0-9]{2}-[0-9]{2})$');
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_period_format"
  CHECK ("periodKey" ~ '^[0-9]{4}-(W(0[1-9]|[1-4][0-9]|5[0-3])|Q[1-4]|T[1-3]|(0[1-9]|1[0-2])(-[0-3][0-9])?)$');
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_period_format"
  CHECK ("periodKey" ~ '^[0-9]{4}(-(W(0[1-9]|[1-4][0-9]|5[0-3])|Q[1-4]|T[1-3]|(0[1-9]|1[0-2])))?$');
ALTER TABLE "incident" ADD CONSTRAINT "incident_window_order"
  CHECK ("occurredUntil" IS NULL OR "occurredUntil" >= "occurredAt");
ALTER TABLE "est_group" ADD CONSTRAINT "est_group_weekday_range"
  CHECK ("meetingWeekday" IS NULL OR "meetingWeekday" BETWEEN 1 AND 7);
ALTER TABLE "est_group" ADD CONSTRAINT "est_group_time_format"
  CHECK ("meetingTime" IS NULL OR "meetingTime" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');

-- The audit log is append-only: no row may be changed or removed through normal operation.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END $$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
