-- Rollups: what scorecards, digests, awards and leaderboards read instead of raw rows.
--   kpi_day   per member, metric, day and team (the team the records were stored for): the sums every
--             aggregation needs, and for median metrics every value (a median cannot be summed).
--   kudos_day per member, UTC day, direction and kind (peer or customer): live kudos received (for the team
--             they were received in) and given.
-- Statement-level triggers keep them current: an INSERT adds its rows' sums (one upsert per statement, so a
-- 1,000,000-row import pays one grouped upsert); an UPDATE or DELETE (a corrected or late record, a revoke, a
-- member forgotten, a team removed) recomputes the days it touched from the raw rows. spur_rebuild_rollups()
-- recomputes everything from raw data (npm run rollups:rebuild).

-- Metrics aggregated by median keep their values; the list is the catalogue's (src/core/kpi/kpi-catalogue.ts;
-- test/integration/rollups.test.ts checks the two agree).
CREATE FUNCTION spur_kpi_keeps_values(metric text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT metric IN ('first_response_time', 'resolution_time') $$;

CREATE AGGREGATE spur_array_cat(float8[]) (SFUNC = array_cat, STYPE = float8[]);

CREATE TABLE "kpi_day" (
  "member_id" uuid NOT NULL REFERENCES "member"("id") ON DELETE CASCADE,
  "team_id" uuid,
  "metric" text NOT NULL,
  "day" date NOT NULL,
  "observations" integer NOT NULL,
  "value_sum" float8 NOT NULL,
  -- over the records that carry both parts (a ratio ignores the others)
  "ratio_numerator" float8 NOT NULL,
  "ratio_denominator" float8 NOT NULL,
  -- value × weight and weight, the weight being the denominator or 1 (a weighted mean)
  "weighted_sum" float8 NOT NULL,
  "weight_sum" float8 NOT NULL,
  "vals" float8[],
  CONSTRAINT "kpi_day_key" UNIQUE NULLS NOT DISTINCT ("member_id", "metric", "day", "team_id")
);
CREATE INDEX "kpi_day_team_id_day_idx" ON "kpi_day" ("team_id", "day");

CREATE TABLE "kudos_day" (
  "member_id" uuid NOT NULL REFERENCES "member"("id") ON DELETE CASCADE,
  -- received: the team the kudos were received in; given: null (a giver's kudos count for their team now)
  "team_id" uuid,
  "day" date NOT NULL,
  "received" boolean NOT NULL,
  "customer" boolean NOT NULL,
  "count" integer NOT NULL,
  "points" integer NOT NULL,
  CONSTRAINT "kudos_day_key" UNIQUE NULLS NOT DISTINCT ("member_id", "received", "customer", "day", "team_id")
);
CREATE INDEX "kudos_day_team_id_day_idx" ON "kudos_day" ("team_id", "day");

-- The rollup rows of a set of raw KPI rows, as one upsert that adds to what is there.
CREATE FUNCTION spur_kpi_day_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_day AS d (member_id, team_id, metric, day, observations, value_sum, ratio_numerator, ratio_denominator, weighted_sum, weight_sum, vals)
  SELECT member_id, team_id, metric, period_date, count(*), sum(value),
         coalesce(sum(numerator) FILTER (WHERE numerator IS NOT NULL AND denominator IS NOT NULL), 0),
         coalesce(sum(denominator) FILTER (WHERE numerator IS NOT NULL AND denominator IS NOT NULL), 0),
         sum(value * coalesce(denominator, 1)), sum(coalesce(denominator, 1)),
         CASE WHEN spur_kpi_keeps_values(metric) THEN array_agg(value) END
  FROM kpi_new GROUP BY member_id, metric, period_date, team_id
  ORDER BY member_id, metric, period_date, team_id
  ON CONFLICT ON CONSTRAINT kpi_day_key DO UPDATE SET
    observations = d.observations + excluded.observations,
    value_sum = d.value_sum + excluded.value_sum,
    ratio_numerator = d.ratio_numerator + excluded.ratio_numerator,
    ratio_denominator = d.ratio_denominator + excluded.ratio_denominator,
    weighted_sum = d.weighted_sum + excluded.weighted_sum,
    weight_sum = d.weight_sum + excluded.weight_sum,
    vals = d.vals || excluded.vals;
  RETURN NULL;
END $$;

-- Recomputes, from kpi_record, the rollup rows of the (member, metric, day, team) keys a statement touched.
CREATE FUNCTION spur_kpi_day_recompute_touched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    CREATE TEMP TABLE spur_kpi_touched ON COMMIT DROP AS
      SELECT DISTINCT member_id, metric, period_date, team_id FROM (
        SELECT member_id, metric, period_date, team_id FROM kpi_old UNION ALL
        SELECT member_id, metric, period_date, team_id FROM kpi_new) t;
  ELSE
    CREATE TEMP TABLE spur_kpi_touched ON COMMIT DROP AS
      SELECT DISTINCT member_id, metric, period_date, team_id FROM kpi_old;
  END IF;
  DELETE FROM kpi_day d USING spur_kpi_touched k
  WHERE d.member_id = k.member_id AND d.metric = k.metric AND d.day = k.period_date AND d.team_id IS NOT DISTINCT FROM k.team_id;
  INSERT INTO kpi_day (member_id, team_id, metric, day, observations, value_sum, ratio_numerator, ratio_denominator, weighted_sum, weight_sum, vals)
  SELECT r.member_id, r.team_id, r.metric, r.period_date, count(*), sum(r.value),
         coalesce(sum(r.numerator) FILTER (WHERE r.numerator IS NOT NULL AND r.denominator IS NOT NULL), 0),
         coalesce(sum(r.denominator) FILTER (WHERE r.numerator IS NOT NULL AND r.denominator IS NOT NULL), 0),
         sum(r.value * coalesce(r.denominator, 1)), sum(coalesce(r.denominator, 1)),
         CASE WHEN spur_kpi_keeps_values(r.metric) THEN array_agg(r.value) END
  FROM kpi_record r JOIN spur_kpi_touched k
    ON r.member_id = k.member_id AND r.metric = k.metric AND r.period_date = k.period_date AND r.team_id IS NOT DISTINCT FROM k.team_id
  GROUP BY r.member_id, r.metric, r.period_date, r.team_id
  ORDER BY r.member_id, r.metric, r.period_date, r.team_id;
  DROP TABLE spur_kpi_touched;
  RETURN NULL;
END $$;

CREATE TRIGGER kpi_day_insert AFTER INSERT ON kpi_record REFERENCING NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION spur_kpi_day_add();
CREATE TRIGGER kpi_day_update AFTER UPDATE ON kpi_record REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION spur_kpi_day_recompute_touched();
CREATE TRIGGER kpi_day_delete AFTER DELETE ON kpi_record REFERENCING OLD TABLE AS kpi_old
  FOR EACH STATEMENT EXECUTE FUNCTION spur_kpi_day_recompute_touched();

-- kudos_day rows of a set of raw kudos rows: live ones only, received and given.
CREATE FUNCTION spur_kudos_day_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kudos_day AS d (member_id, team_id, day, received, customer, count, points)
  SELECT member_id, team_id, day, received, customer, count(*), sum(points) FROM (
    SELECT recipient_id AS member_id, team_id, (created_at AT TIME ZONE 'UTC')::date AS day, true AS received,
           source = 'customer' AS customer, points FROM kudos_new WHERE revoked_at IS NULL
    UNION ALL
    SELECT giver_id, NULL::uuid, (created_at AT TIME ZONE 'UTC')::date, false, source = 'customer', points
    FROM kudos_new WHERE revoked_at IS NULL AND giver_id IS NOT NULL) k
  GROUP BY member_id, received, customer, day, team_id
  ORDER BY member_id, received, customer, day, team_id
  ON CONFLICT ON CONSTRAINT kudos_day_key DO UPDATE SET count = d.count + excluded.count, points = d.points + excluded.points;
  RETURN NULL;
END $$;

-- Recomputes, from kudos, the kudos_day rows of the keys in spur_kudos_touched (member_id, received, customer, day, team_id).
CREATE FUNCTION spur_kudos_day_recompute() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM kudos_day d USING spur_kudos_touched k
  WHERE d.member_id = k.member_id AND d.received = k.received AND d.customer = k.customer AND d.day = k.day
    AND d.team_id IS NOT DISTINCT FROM k.team_id;
  INSERT INTO kudos_day (member_id, team_id, day, received, customer, count, points)
  SELECT k.member_id, k.team_id, k.day, k.received, k.customer, count(*), sum(r.points)
  FROM spur_kudos_touched k
  JOIN kudos r ON r.revoked_at IS NULL AND (r.source = 'customer') = k.customer
    AND r.created_at >= k.day::timestamp AT TIME ZONE 'UTC' AND r.created_at < (k.day + 1)::timestamp AT TIME ZONE 'UTC'
    AND CASE WHEN k.received THEN r.recipient_id = k.member_id AND r.team_id = k.team_id ELSE r.giver_id = k.member_id END
  GROUP BY k.member_id, k.received, k.customer, k.day, k.team_id
  ORDER BY k.member_id, k.received, k.customer, k.day, k.team_id;
END $$;

CREATE FUNCTION spur_kudos_day_recompute_touched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only changes that move a count: posting a shoutout (shoutout_ref) touches nothing here.
  CREATE TEMP TABLE spur_kudos_rows ON COMMIT DROP AS SELECT * FROM kudos_old;
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM spur_kudos_rows o USING kudos_new n
    WHERE n.id = o.id AND (n.revoked_at, n.giver_id, n.recipient_id, n.team_id, n.points, n.created_at, n.source)
      IS NOT DISTINCT FROM (o.revoked_at, o.giver_id, o.recipient_id, o.team_id, o.points, o.created_at, o.source);
    INSERT INTO spur_kudos_rows SELECT n.* FROM kudos_new n JOIN spur_kudos_rows o ON o.id = n.id;
  END IF;
  IF EXISTS (SELECT 1 FROM spur_kudos_rows) THEN
    CREATE TEMP TABLE spur_kudos_touched ON COMMIT DROP AS
      SELECT DISTINCT member_id, received, customer, day, team_id FROM (
        SELECT recipient_id AS member_id, true AS received, source = 'customer' AS customer,
               (created_at AT TIME ZONE 'UTC')::date AS day, team_id FROM spur_kudos_rows
        UNION ALL
        SELECT giver_id, false, source = 'customer', (created_at AT TIME ZONE 'UTC')::date, NULL::uuid
        FROM spur_kudos_rows WHERE giver_id IS NOT NULL) t;
    PERFORM spur_kudos_day_recompute();
    DROP TABLE spur_kudos_touched;
  END IF;
  DROP TABLE spur_kudos_rows;
  RETURN NULL;
END $$;

CREATE TRIGGER kudos_day_insert AFTER INSERT ON kudos REFERENCING NEW TABLE AS kudos_new
  FOR EACH STATEMENT EXECUTE FUNCTION spur_kudos_day_add();
CREATE TRIGGER kudos_day_update AFTER UPDATE ON kudos REFERENCING OLD TABLE AS kudos_old NEW TABLE AS kudos_new
  FOR EACH STATEMENT EXECUTE FUNCTION spur_kudos_day_recompute_touched();
CREATE TRIGGER kudos_day_delete AFTER DELETE ON kudos REFERENCING OLD TABLE AS kudos_old
  FOR EACH STATEMENT EXECUTE FUNCTION spur_kudos_day_recompute_touched();

-- Every rollup recomputed from raw data (after a bulk load without triggers, or to check them).
CREATE FUNCTION spur_rebuild_rollups() RETURNS TABLE (kpi_days bigint, kudos_days bigint) LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE kpi_record, kudos IN SHARE MODE;
  TRUNCATE kpi_day, kudos_day;
  INSERT INTO kpi_day (member_id, team_id, metric, day, observations, value_sum, ratio_numerator, ratio_denominator, weighted_sum, weight_sum, vals)
  SELECT member_id, team_id, metric, period_date, count(*), sum(value),
         coalesce(sum(numerator) FILTER (WHERE numerator IS NOT NULL AND denominator IS NOT NULL), 0),
         coalesce(sum(denominator) FILTER (WHERE numerator IS NOT NULL AND denominator IS NOT NULL), 0),
         sum(value * coalesce(denominator, 1)), sum(coalesce(denominator, 1)),
         CASE WHEN spur_kpi_keeps_values(metric) THEN array_agg(value) END
  FROM kpi_record GROUP BY member_id, metric, period_date, team_id;
  INSERT INTO kudos_day (member_id, team_id, day, received, customer, count, points)
  SELECT member_id, team_id, day, received, customer, count(*), sum(points) FROM (
    SELECT recipient_id AS member_id, team_id, (created_at AT TIME ZONE 'UTC')::date AS day, true AS received,
           source = 'customer' AS customer, points FROM kudos WHERE revoked_at IS NULL
    UNION ALL
    SELECT giver_id, NULL::uuid, (created_at AT TIME ZONE 'UTC')::date, false, source = 'customer', points
    FROM kudos WHERE revoked_at IS NULL AND giver_id IS NOT NULL) k
  GROUP BY member_id, received, customer, day, team_id;
  RETURN QUERY SELECT (SELECT count(*) FROM kpi_day), (SELECT count(*) FROM kudos_day);
END $$;

-- Existing data.
SELECT spur_rebuild_rollups();
