-- Helpdesk signing secrets are stored encrypted (AES-256-GCM with SPUR_ENCRYPTION_KEY, like Slack bot tokens).
-- The key is not in the database, so existing plaintext rows are encrypted by Spur at startup, which then
-- clears `secret`; until then Spur reads either column.
ALTER TABLE "helpdesk_integration" ADD COLUMN "secret_encrypted" TEXT;
ALTER TABLE "helpdesk_integration" ALTER COLUMN "secret" DROP NOT NULL;
