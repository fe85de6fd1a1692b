-- AlterTable
ALTER TABLE "ExportJob" ADD COLUMN "leaseUntil" DATETIME;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN "claimedUntil" DATETIME;

