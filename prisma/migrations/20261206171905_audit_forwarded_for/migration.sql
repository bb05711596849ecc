-- AlterTable
ALTER TABLE "audit_event" ADD COLUMN     "forwardedFor" TEXT;
