-- CreateEnum
CREATE TYPE "ApiScope" AS ENUM ('INCIDENTS_WRITE', 'INCIDENTS_READ', 'INCIDENTS_READ_ALL', 'ROLLUPS_READ');

-- AlterTable
ALTER TABLE "api_token" ADD COLUMN     "scopes" "ApiScope"[] DEFAULT ARRAY['INCIDENTS_WRITE', 'ROLLUPS_READ']::"ApiScope"[];

-- CreateIndex
CREATE INDEX "incident_municipalityId_updatedAt_id_reporterOrgId_idx" ON "incident"("municipalityId", "updatedAt", "id", "reporterOrgId");
