-- kpi_record keeps the indexes its reads use (bench/import.ts measures each): (team_id, period_date) serves
-- scorecards, digests and "who was in the team then"; the unique key (member_id, metric, period_date, source,
-- ref) serves the upserts and a member's own records. (metric, period_date) served no query, and
-- (member_id, period_date) only duplicated the unique key's leading column; each slowed every insert.
DROP INDEX "kpi_record_metric_period_date_idx";
DROP INDEX "kpi_record_member_id_period_date_idx";
