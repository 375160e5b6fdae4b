-- Platform accounts whose personal data an admin erased: the roster sync and profile events do not bring them
-- back. Only a hash of (workspace, platform user id) is kept, never the id itself.
CREATE TABLE "erased_identity" (
    "workspace_id" UUID NOT NULL,
    "id_hash" TEXT NOT NULL,
    "erased_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "erased_identity_pkey" PRIMARY KEY ("workspace_id","id_hash")
);

ALTER TABLE "erased_identity" ADD CONSTRAINT "erased_identity_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
