-- A team can follow a Slack user group: its members are the team's members.

-- AlterTable
ALTER TABLE "team" ADD COLUMN "user_group_id" TEXT,
ADD COLUMN "user_group_handle" TEXT,
ADD COLUMN "user_group_followed_at" TIMESTAMPTZ(3);

-- CreateIndex: a group is followed by one team at most.
CREATE UNIQUE INDEX "team_workspace_id_user_group_id_key" ON "team"("workspace_id", "user_group_id");

-- CreateTable
CREATE TABLE "team_group_member" (
    "team_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_group_member_pkey" PRIMARY KEY ("team_id","member_id")
);

-- CreateIndex
CREATE INDEX "team_group_member_member_id_idx" ON "team_group_member"("member_id");

-- AddForeignKey
ALTER TABLE "team_group_member" ADD CONSTRAINT "team_group_member_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_group_member" ADD CONSTRAINT "team_group_member_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
