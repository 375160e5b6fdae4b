-- CreateEnum
CREATE TYPE "LeaderboardPostMode" AS ENUM ('kudos', 'composite', 'both', 'off');

-- AlterTable
ALTER TABLE "team" ADD COLUMN     "leaderboard_post" "LeaderboardPostMode" NOT NULL DEFAULT 'kudos';
