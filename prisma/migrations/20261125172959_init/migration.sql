-- CreateEnum
CREATE TYPE "LagesbildStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "TertialStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'APPROVED');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('ALLOWED', 'DENIED');

-- CreateEnum
CREATE TYPE "GroupKind" AS ENUM ('VECKO', 'FORDJUPNING', 'STRATEGISK', 'LEDNING', 'INSATS', 'OTHER');

-- CreateEnum
CREATE TYPE "Cadence" AS ENUM ('WEEKLY', 'BIWEEKLY', 'QUARTERLY', 'TERTIAL', 'AD_HOC');

-- CreateEnum
CREATE TYPE "GroupStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "GroupRole" AS ENUM ('MEMBER', 'COORDINATOR', 'OBSERVER');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('ACTIVE', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "WeeklyReportStatus" AS ENUM ('REPORTED', 'NOTHING_TO_REPORT');

-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('SHORT_TERM', 'LONG_TERM');

-- CreateEnum
CREATE TYPE "MeasureStatus" AS ENUM ('PLANNED', 'ONGOING', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "MeasureOrigin" AS ENUM ('LAGESBILD', 'MEETING', 'INSATS', 'TERTIAL', 'GOAL', 'OTHER');

-- CreateEnum
CREATE TYPE "IndicatorDirection" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('PLANNED', 'HELD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PoliceClassification" AS ENUM ('NONE', 'RISK', 'UTSATT', 'SARSKILT_UTSATT');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('FORVALTNING', 'POLIS', 'BOSTADSBOLAG', 'RADDNINGSTJANST', 'VAKTARE', 'FORENING', 'NARINGSLIV', 'OTHER');

-- CreateEnum
CREATE TYPE "MunicipalityRole" AS ENUM ('REPORTER', 'COORDINATOR', 'ADMIN');

-- CreateTable
CREATE TABLE "lagesbild" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "periodKey" TEXT NOT NULL,
    "status" "LagesbildStatus" NOT NULL DEFAULT 'DRAFT',
    "assessment" TEXT,
    "outlook" TEXT,
    "resourceNotes" TEXT,
    "snapshot" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "publishedAt" TIMESTAMPTZ,
    "publishedById" UUID,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "lagesbild_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tertial_analysis" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "tertial" TEXT NOT NULL,
    "status" "TertialStatus" NOT NULL DEFAULT 'DRAFT',
    "narrative" JSONB,
    "snapshot" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "approvedAt" TIMESTAMPTZ,
    "approvedById" UUID,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "tertial_analysis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" UUID,
    "municipalityId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "outcome" "AuditOutcome" NOT NULL DEFAULT 'ALLOWED',
    "ip" TEXT,
    "details" JSONB,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "est_group" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "GroupKind" NOT NULL,
    "cadence" "Cadence" NOT NULL,
    "meetingWeekday" INTEGER,
    "meetingTime" TEXT,
    "meetingMinutes" INTEGER NOT NULL DEFAULT 60,
    "description" TEXT,
    "status" "GroupStatus" NOT NULL DEFAULT 'OPEN',
    "openedAt" TIMESTAMPTZ,
    "plannedEndDate" DATE,
    "closedAt" TIMESTAMPTZ,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "est_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "group_area" (
    "groupId" UUID NOT NULL,
    "areaId" UUID NOT NULL,

    CONSTRAINT "group_area_pkey" PRIMARY KEY ("groupId","areaId")
);

-- CreateTable
CREATE TABLE "group_organisation" (
    "groupId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,

    CONSTRAINT "group_organisation_pkey" PRIMARY KEY ("groupId","organisationId")
);

-- CreateTable
CREATE TABLE "group_member" (
    "groupId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "GroupRole" NOT NULL DEFAULT 'MEMBER',
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "group_member_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "incident_category" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "parentId" UUID,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "incident_category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "areaId" UUID NOT NULL,
    "place" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "occurredAt" TIMESTAMPTZ NOT NULL,
    "occurredUntil" TIMESTAMPTZ,
    "isoWeek" TEXT NOT NULL,
    "categoryId" UUID NOT NULL,
    "subcategoryId" UUID,
    "description" TEXT NOT NULL DEFAULT '',
    "policeReported" BOOLEAN NOT NULL DEFAULT false,
    "needsFollowUp" BOOLEAN NOT NULL DEFAULT false,
    "reporterOrgId" UUID NOT NULL,
    "reportedById" UUID,
    "status" "IncidentStatus" NOT NULL DEFAULT 'ACTIVE',
    "withdrawnAt" TIMESTAMPTZ,
    "withdrawReason" TEXT,
    "externalId" TEXT,
    "idempotencyKey" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_version" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "incidentId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "changedById" UUID,
    "changedAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changes" JSONB NOT NULL,

    CONSTRAINT "incident_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "weekly_report" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "isoWeek" TEXT NOT NULL,
    "status" "WeeklyReportStatus" NOT NULL,
    "markedById" UUID,
    "markedAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "weekly_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "measure" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "MeasureKind" NOT NULL DEFAULT 'SHORT_TERM',
    "isJoint" BOOLEAN NOT NULL DEFAULT false,
    "areaId" UUID,
    "place" TEXT,
    "ownerOrgId" UUID NOT NULL,
    "responsibleName" TEXT,
    "startDate" DATE,
    "dueDate" DATE,
    "status" "MeasureStatus" NOT NULL DEFAULT 'PLANNED',
    "cancelReason" TEXT,
    "origin" "MeasureOrigin" NOT NULL DEFAULT 'OTHER',
    "groupId" UUID,
    "lagesbildId" UUID,
    "meetingId" UUID,
    "decisionId" UUID,
    "tertialAnalysisId" UUID,
    "goalId" UUID,
    "effectVerdict" TEXT,
    "effectJudgement" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "measure_participant" (
    "measureId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,

    CONSTRAINT "measure_participant_pkey" PRIMARY KEY ("measureId","organisationId")
);

-- CreateTable
CREATE TABLE "measure_follow_up" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "measureId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" UUID,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "measure_follow_up_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "measure_evidence" (
    "measureId" UUID NOT NULL,
    "incidentId" UUID NOT NULL,

    CONSTRAINT "measure_evidence_pkey" PRIMARY KEY ("measureId","incidentId")
);

-- CreateTable
CREATE TABLE "goal" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "areaId" UUID,
    "groupId" UUID,
    "kind" TEXT NOT NULL DEFAULT 'AREA',
    "title" TEXT NOT NULL,
    "description" TEXT,
    "targetYear" INTEGER,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "goalId" UUID,
    "areaId" UUID,
    "ownerBoard" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT,
    "direction" "IndicatorDirection" NOT NULL DEFAULT 'HIGHER_IS_BETTER',
    "baseline" DOUBLE PRECISION,
    "target" DOUBLE PRECISION,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator_value" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "indicatorId" UUID NOT NULL,
    "periodKey" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "note" TEXT,
    "recordedAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "indicator_value_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ NOT NULL,
    "endsAt" TIMESTAMPTZ NOT NULL,
    "periodKey" TEXT NOT NULL,
    "status" "MeetingStatus" NOT NULL DEFAULT 'PLANNED',
    "location" TEXT,
    "minutes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agenda_item" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "meetingId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'custom',
    "notes" TEXT,

    CONSTRAINT "agenda_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_attendance" (
    "meetingId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "organisationId" UUID,
    "present" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "meeting_attendance_pkey" PRIMARY KEY ("meetingId","userId")
);

-- CreateTable
CREATE TABLE "decision" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "meetingId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "municipality" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/Stockholm',
    "population" INTEGER,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "municipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "area" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "population" INTEGER,
    "isFocus" BOOLEAN NOT NULL DEFAULT false,
    "outline" JSONB,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "area_classification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "areaId" UUID NOT NULL,
    "classification" "PoliceClassification" NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "source" TEXT,

    CONSTRAINT "area_classification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "isPlatformAdmin" BOOLEAN NOT NULL DEFAULT false,
    "disabledAt" TIMESTAMPTZ,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "locale" TEXT NOT NULL DEFAULT 'sv',
    "lastLoginAt" TIMESTAMPTZ,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "membership" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "role" "MunicipalityRole" NOT NULL DEFAULT 'REPORTER',
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "membership_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "lagesbild_municipalityId_periodKey_idx" ON "lagesbild"("municipalityId", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "lagesbild_groupId_periodKey_key" ON "lagesbild"("groupId", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "tertial_analysis_municipalityId_tertial_key" ON "tertial_analysis"("municipalityId", "tertial");

-- CreateIndex
CREATE INDEX "audit_event_userId_at_idx" ON "audit_event"("userId", "at");

-- CreateIndex
CREATE INDEX "audit_event_entityType_entityId_idx" ON "audit_event"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "audit_event_municipalityId_at_idx" ON "audit_event"("municipalityId", "at");

-- CreateIndex
CREATE INDEX "est_group_municipalityId_kind_idx" ON "est_group"("municipalityId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "est_group_municipalityId_slug_key" ON "est_group"("municipalityId", "slug");

-- CreateIndex
CREATE INDEX "group_area_areaId_idx" ON "group_area"("areaId");

-- CreateIndex
CREATE INDEX "group_organisation_organisationId_idx" ON "group_organisation"("organisationId");

-- CreateIndex
CREATE INDEX "group_member_userId_idx" ON "group_member"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "incident_category_municipalityId_code_key" ON "incident_category"("municipalityId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "incident_idempotencyKey_key" ON "incident"("idempotencyKey");

-- CreateIndex
CREATE INDEX "incident_municipalityId_occurredAt_idx" ON "incident"("municipalityId", "occurredAt");

-- CreateIndex
CREATE INDEX "incident_municipalityId_isoWeek_idx" ON "incident"("municipalityId", "isoWeek");

-- CreateIndex
CREATE INDEX "incident_areaId_occurredAt_idx" ON "incident"("areaId", "occurredAt");

-- CreateIndex
CREATE INDEX "incident_reporterOrgId_isoWeek_idx" ON "incident"("reporterOrgId", "isoWeek");

-- CreateIndex
CREATE UNIQUE INDEX "incident_reporterOrgId_externalId_key" ON "incident"("reporterOrgId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "incident_version_incidentId_version_key" ON "incident_version"("incidentId", "version");

-- CreateIndex
CREATE INDEX "weekly_report_municipalityId_isoWeek_idx" ON "weekly_report"("municipalityId", "isoWeek");

-- CreateIndex
CREATE UNIQUE INDEX "weekly_report_organisationId_isoWeek_key" ON "weekly_report"("organisationId", "isoWeek");

-- CreateIndex
CREATE INDEX "measure_municipalityId_status_dueDate_idx" ON "measure"("municipalityId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "measure_areaId_idx" ON "measure"("areaId");

-- CreateIndex
CREATE INDEX "measure_ownerOrgId_idx" ON "measure"("ownerOrgId");

-- CreateIndex
CREATE INDEX "measure_follow_up_measureId_date_idx" ON "measure_follow_up"("measureId", "date");

-- CreateIndex
CREATE INDEX "goal_municipalityId_idx" ON "goal"("municipalityId");

-- CreateIndex
CREATE INDEX "indicator_municipalityId_idx" ON "indicator"("municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_value_indicatorId_periodKey_key" ON "indicator_value"("indicatorId", "periodKey");

-- CreateIndex
CREATE INDEX "meeting_groupId_startsAt_idx" ON "meeting"("groupId", "startsAt");

-- CreateIndex
CREATE INDEX "meeting_municipalityId_startsAt_idx" ON "meeting"("municipalityId", "startsAt");

-- CreateIndex
CREATE INDEX "agenda_item_meetingId_position_idx" ON "agenda_item"("meetingId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "municipality_slug_key" ON "municipality"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "area_municipalityId_code_key" ON "area"("municipalityId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "area_municipalityId_name_key" ON "area"("municipalityId", "name");

-- CreateIndex
CREATE INDEX "area_classification_areaId_validFrom_idx" ON "area_classification"("areaId", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "organisation_municipalityId_code_key" ON "organisation"("municipalityId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE INDEX "membership_municipalityId_idx" ON "membership"("municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "membership_userId_municipalityId_key" ON "membership"("userId", "municipalityId");

-- AddForeignKey
ALTER TABLE "lagesbild" ADD CONSTRAINT "lagesbild_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lagesbild" ADD CONSTRAINT "lagesbild_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "est_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tertial_analysis" ADD CONSTRAINT "tertial_analysis_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "est_group" ADD CONSTRAINT "est_group_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_area" ADD CONSTRAINT "group_area_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "est_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_area" ADD CONSTRAINT "group_area_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_organisation" ADD CONSTRAINT "group_organisation_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "est_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_organisation" ADD CONSTRAINT "group_organisation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_member" ADD CONSTRAINT "group_member_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "est_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_member" ADD CONSTRAINT "group_member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_category" ADD CONSTRAINT "incident_category_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_category" ADD CONSTRAINT "incident_category_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "incident_category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident" ADD CONSTRAINT "incident_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident" ADD CONSTRAINT "incident_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident" ADD CONSTRAINT "incident_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "incident_category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident" ADD CONSTRAINT "incident_subcategoryId_fkey" FOREIGN KEY ("subcategoryId") REFERENCES "incident_category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident" ADD CONSTRAINT "incident_reporterOrgId_fkey" FOREIGN KEY ("reporterOrgId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident" ADD CONSTRAINT "incident_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_version" ADD CONSTRAINT "incident_version_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_version" ADD CONSTRAINT "incident_version_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "weekly_report" ADD CONSTRAINT "weekly_report_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "weekly_report" ADD CONSTRAINT "weekly_report_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "weekly_report" ADD CONSTRAINT "weekly_report_markedById_fkey" FOREIGN KEY ("markedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_ownerOrgId_fkey" FOREIGN KEY ("ownerOrgId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "est_group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_lagesbildId_fkey" FOREIGN KEY ("lagesbildId") REFERENCES "lagesbild"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_tertialAnalysisId_fkey" FOREIGN KEY ("tertialAnalysisId") REFERENCES "tertial_analysis"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "goal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_participant" ADD CONSTRAINT "measure_participant_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_participant" ADD CONSTRAINT "measure_participant_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_follow_up" ADD CONSTRAINT "measure_follow_up_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_follow_up" ADD CONSTRAINT "measure_follow_up_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_evidence" ADD CONSTRAINT "measure_evidence_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_evidence" ADD CONSTRAINT "measure_evidence_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goal" ADD CONSTRAINT "goal_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goal" ADD CONSTRAINT "goal_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goal" ADD CONSTRAINT "goal_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "est_group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "goal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "est_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "area" ADD CONSTRAINT "area_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "area_classification" ADD CONSTRAINT "area_classification_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
