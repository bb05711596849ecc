-- An Insats's origin group must lie in its own municipality (issue 26): origins that point
-- elsewhere (written before this guard) are cleared, since the foreign key would refuse them.
UPDATE "est_group" g SET "originGroupId" = NULL
 WHERE "originGroupId" IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM "est_group" o WHERE o.id = g."originGroupId" AND o."municipalityId" = g."municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "est_group_id_municipalityId_key" ON "est_group"("id", "municipalityId");

-- AddForeignKey
ALTER TABLE "est_group" ADD CONSTRAINT "est_group_originGroupId_municipalityId_fkey" FOREIGN KEY ("originGroupId", "municipalityId") REFERENCES "est_group"("id", "municipalityId") ON DELETE NO ACTION ON UPDATE CASCADE;
