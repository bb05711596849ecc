-- CreateEnum
CREATE TYPE "AgreementParty" AS ENUM ('KOMMUN', 'POLIS', 'GEMENSAM');

-- CreateEnum
CREATE TYPE "CommitmentStatus" AS ENUM ('MET', 'PARTLY', 'NOT_MET');

-- CreateTable
CREATE TABLE "agreement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreement_commitment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "agreementId" UUID NOT NULL,
    "party" "AgreementParty" NOT NULL DEFAULT 'GEMENSAM',
    "text" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "agreement_commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "commitment_follow_up" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "commitmentId" UUID NOT NULL,
    "halfYear" TEXT NOT NULL,
    "status" "CommitmentStatus" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "authorId" UUID,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "commitment_follow_up_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "agreement_municipalityId_validFrom_idx" ON "agreement"("municipalityId", "validFrom");

-- CreateIndex
CREATE INDEX "agreement_commitment_agreementId_sortOrder_idx" ON "agreement_commitment"("agreementId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "commitment_follow_up_commitmentId_halfYear_key" ON "commitment_follow_up"("commitmentId", "halfYear");

-- AddForeignKey
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_commitment" ADD CONSTRAINT "agreement_commitment_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commitment_follow_up" ADD CONSTRAINT "commitment_follow_up_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "agreement_commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "commitment_follow_up" ADD CONSTRAINT "commitment_follow_up_half_year" CHECK ("halfYear" ~ '^[0-9]{4}-H[12]$');
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_period_order" CHECK ("validTo" >= "validFrom");
