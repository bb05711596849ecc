-- CreateEnum
CREATE TYPE "LawDocumentStatus" AS ENUM ('DRAFT', 'APPROVED');

-- CreateTable
CREATE TABLE "law_document" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "LawDocumentStatus" NOT NULL DEFAULT 'DRAFT',
    "otherInfo" TEXT NOT NULL DEFAULT '',
    "analysis" TEXT NOT NULL DEFAULT '',
    "snapshot" JSONB,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "approvedAt" TIMESTAMPTZ,
    "approvedById" UUID,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "law_document_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "law_document_municipalityId_period_version_key" ON "law_document"("municipalityId", "period", "version");

-- AddForeignKey
ALTER TABLE "law_document" ADD CONSTRAINT "law_document_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "law_document" ADD CONSTRAINT "law_document_period_format" CHECK ("period" ~ '^[0-9]{4}-(Q[1-4]|T[1-3])$');
ALTER TABLE "law_document" ADD CONSTRAINT "law_document_version_positive" CHECK ("version" >= 1);
-- At most one draft per period: new work starts from the latest approved version.
CREATE UNIQUE INDEX "law_document_one_draft" ON "law_document" ("municipalityId", "period") WHERE "status" = 'DRAFT';
