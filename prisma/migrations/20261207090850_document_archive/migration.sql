-- AlterTable
ALTER TABLE "law_document" ADD COLUMN     "proposal" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "document_archive" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "documentId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "pdf" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "document_archive_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "document_archive_municipalityId_kind_documentId_version_key" ON "document_archive"("municipalityId", "kind", "documentId", "version");

-- AddForeignKey
ALTER TABLE "document_archive" ADD CONSTRAINT "document_archive_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An archived document is kept as it was made: its bytes and hash are never rewritten (a new
-- approval is a new version, a new row). Removal stays possible for retention and for a
-- municipality's deletion.
ALTER TABLE "document_archive" ADD CONSTRAINT "document_archive_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "document_archive" ADD CONSTRAINT "document_archive_kind_check" CHECK ("kind" IN ('lagesbild', 'tertial', 'law', 'minutes'));

CREATE FUNCTION document_archive_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'document_archive rows are never changed (%).', OLD.id;
END $$;

CREATE TRIGGER document_archive_unchanged BEFORE UPDATE ON "document_archive"
  FOR EACH ROW EXECUTE FUNCTION document_archive_unchanged();
