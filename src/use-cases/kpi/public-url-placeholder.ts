// Where KPI administration's answers tell people to send KPI records and webhooks: Spur does not know its own
// public address, so the answers show where it goes.
export const PUBLIC_BASE_URL_PLACEHOLDER = "https://<your Spur host>";
