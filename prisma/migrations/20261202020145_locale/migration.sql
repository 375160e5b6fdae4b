-- AlterTable
ALTER TABLE "member" ADD COLUMN     "locale" TEXT;

-- AlterTable
ALTER TABLE "workspace" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en';
