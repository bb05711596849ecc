-- CreateEnum
CREATE TYPE "IncidentSource" AS ENUM ('PARTNER', 'RESIDENT', 'ASSOCIATION');

-- CreateEnum
CREATE TYPE "TipKind" AS ENUM ('UNSAFE_PLACE', 'VANDALISM', 'GATHERING', 'OTHER');

-- CreateEnum
CREATE TYPE "TipStatus" AS ENUM ('NEW', 'ACCEPTED', 'MERGED', 'CLOSED');

-- AlterTable
ALTER TABLE "incident" ADD COLUMN     "source" "IncidentSource" NOT NULL DEFAULT 'PARTNER';

-- AlterTable
ALTER TABLE "measure" ADD COLUMN     "publicText" TEXT,
ADD COLUMN     "publishedAt" TIMESTAMPTZ;

-- CreateTable
CREATE TABLE "tip" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "trackingHash" TEXT NOT NULL,
    "kind" "TipKind" NOT NULL,
    "areaId" UUID,
    "place" TEXT NOT NULL DEFAULT '',
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "occurredAt" TIMESTAMPTZ,
    "description" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL DEFAULT 'sv',
    "status" "TipStatus" NOT NULL DEFAULT 'NEW',
    "closeReason" TEXT,
    "incidentId" UUID,
    "photo" BYTEA,
    "photoType" TEXT,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "tip_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tip_contact" (
    "tipId" UUID NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "phone" TEXT,

    CONSTRAINT "tip_contact_pkey" PRIMARY KEY ("tipId")
);

-- CreateTable
CREATE TABLE "tip_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tipId" UUID NOT NULL,
    "status" "TipStatus" NOT NULL,
    "userId" UUID,
    "note" TEXT,
    "at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tip_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_hit" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rate_limit_hit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "night_walk" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ NOT NULL,
    "endsAt" TIMESTAMPTZ NOT NULL,
    "isoWeek" TEXT NOT NULL,
    "walkers" INTEGER NOT NULL,
    "route" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "night_walk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "night_walk_area" (
    "walkId" UUID NOT NULL,
    "areaId" UUID NOT NULL,

    CONSTRAINT "night_walk_area_pkey" PRIMARY KEY ("walkId","areaId")
);

-- CreateTable
CREATE TABLE "night_walk_observation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "walkId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "incidentId" UUID,

    CONSTRAINT "night_walk_observation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tip_trackingHash_key" ON "tip"("trackingHash");

-- CreateIndex
CREATE INDEX "tip_municipalityId_status_createdAt_idx" ON "tip"("municipalityId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "tip_event_tipId_at_idx" ON "tip_event"("tipId", "at");

-- CreateIndex
CREATE INDEX "rate_limit_hit_key_at_idx" ON "rate_limit_hit"("key", "at");

-- CreateIndex
CREATE INDEX "night_walk_municipalityId_isoWeek_idx" ON "night_walk"("municipalityId", "isoWeek");

-- CreateIndex
CREATE INDEX "night_walk_area_areaId_idx" ON "night_walk_area"("areaId");

-- AddForeignKey
ALTER TABLE "tip" ADD CONSTRAINT "tip_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tip" ADD CONSTRAINT "tip_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tip" ADD CONSTRAINT "tip_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tip_contact" ADD CONSTRAINT "tip_contact_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "tip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tip_event" ADD CONSTRAINT "tip_event_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "tip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "night_walk" ADD CONSTRAINT "night_walk_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "night_walk" ADD CONSTRAINT "night_walk_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "night_walk_area" ADD CONSTRAINT "night_walk_area_walkId_fkey" FOREIGN KEY ("walkId") REFERENCES "night_walk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "night_walk_area" ADD CONSTRAINT "night_walk_area_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "night_walk_observation" ADD CONSTRAINT "night_walk_observation_walkId_fkey" FOREIGN KEY ("walkId") REFERENCES "night_walk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "night_walk_observation" ADD CONSTRAINT "night_walk_observation_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: value ranges, and the indexes the public page and the lägesbild use.
ALTER TABLE "night_walk" ADD CONSTRAINT "night_walk_walkers_check" CHECK ("walkers" BETWEEN 1 AND 200);
ALTER TABLE "night_walk" ADD CONSTRAINT "night_walk_ends_after_start_check" CHECK ("endsAt" > "startsAt");
ALTER TABLE "night_walk" ADD CONSTRAINT "night_walk_iso_week_format" CHECK ("isoWeek" ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$');
ALTER TABLE "tip" ADD CONSTRAINT "tip_language_check" CHECK ("language" IN ('sv', 'en', 'ar', 'so'));
-- Residents' and associations' reports counted apart in a week's lägesbild.
CREATE INDEX "incident_source_week_idx" ON "incident" ("municipalityId", "isoWeek") WHERE "source" <> 'PARTNER';
-- Published actions per area for the public page.
CREATE INDEX "measure_published_idx" ON "measure" ("areaId") WHERE "publishedAt" IS NOT NULL;
