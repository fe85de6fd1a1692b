-- AlterTable
ALTER TABLE "ExportJob" ADD COLUMN     "leaseUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "claimedUntil" TIMESTAMP(3);

