-- CreateEnum
CREATE TYPE "RetentionKind" AS ENUM ('INCIDENT', 'TIP', 'NOTIFICATION');

-- CreateEnum
CREATE TYPE "RetentionAction" AS ENUM ('DELETE', 'ANONYMISE');

-- CreateTable
CREATE TABLE "retention_rule" (
    "municipalityId" UUID NOT NULL,
    "kind" "RetentionKind" NOT NULL,
    "months" INTEGER NOT NULL,
    "action" "RetentionAction" NOT NULL,
    "updatedAt" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "retention_rule_pkey" PRIMARY KEY ("municipalityId","kind")
);

-- CreateTable
CREATE TABLE "legal_hold" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "kind" "RetentionKind" NOT NULL,
    "entityId" UUID,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" TIMESTAMPTZ,

    CONSTRAINT "legal_hold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "retention_run" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "kind" "RetentionKind" NOT NULL,
    "action" "RetentionAction" NOT NULL,
    "cutoff" TIMESTAMPTZ NOT NULL,
    "affected" INTEGER NOT NULL,
    "held" INTEGER NOT NULL,
    "exportFile" TEXT,
    "ranAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "retention_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "legal_hold_municipalityId_kind_idx" ON "legal_hold"("municipalityId", "kind");

-- CreateIndex
CREATE INDEX "retention_run_municipalityId_ranAt_idx" ON "retention_run"("municipalityId", "ranAt");

-- AddForeignKey
ALTER TABLE "retention_rule" ADD CONSTRAINT "retention_rule_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "legal_hold" ADD CONSTRAINT "legal_hold_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "retention_run" ADD CONSTRAINT "retention_run_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a rule keeps records at least a year (archive law decisions are set per municipality).
ALTER TABLE "retention_rule" ADD CONSTRAINT "retention_rule_months_check" CHECK ("months" BETWEEN 12 AND 1200);
-- The run log is append-only, like the audit log.
CREATE FUNCTION retention_run_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'retention_run is append-only';
END $$;
CREATE TRIGGER retention_run_no_update BEFORE UPDATE OR DELETE ON "retention_run"
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION retention_run_append_only();
