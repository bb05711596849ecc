-- CreateTable
CREATE TABLE "police_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "policeId" BIGINT NOT NULL,
    "occurredAt" TIMESTAMPTZ NOT NULL,
    "publishedAt" TIMESTAMPTZ NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL DEFAULT '',
    "locationName" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "importedAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "police_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "police_event_municipalityId_occurredAt_idx" ON "police_event"("municipalityId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "police_event_municipalityId_policeId_key" ON "police_event"("municipalityId", "policeId");

-- AddForeignKey
ALTER TABLE "police_event" ADD CONSTRAINT "police_event_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;
