-- A batch of allowance-checked gifts decided and stored in one statement (one round trip, autocommit) instead of
-- five (BEGIN, lock, read, write, COMMIT): store/kudos-ledger-store.ts calls it for every group commit.
--
-- p_gifts is a JSON array, in arrival order, of
--   { gift, giver, workspace, key, since, allowance, cooldown, cost, points, at, reason, values, source, source_ref,
--     recipients: [{ member, team, key }], outbox: [{ topic, payload }] }
-- (gift: the id the gift gets if it is accepted; key: its first row's idempotency key; since: the start of the
-- giver's allowance window; cooldown: null, or the time before which an earlier gift to the same recipient no
-- longer blocks this one).
--
-- One row per gift, in order: outcome 'stored' (already stored: gift_id, at), 'accepted' (gift_id, at, spent:
-- what the giver has spent in the window with this gift), 'allowance' (spent before it) or 'cooldown'
-- (recipient_id, at: when the giver last gave to them).
--
-- The givers' member rows are locked (FOR NO KEY UPDATE, in id order, so batches never deadlock and never block
-- the KEY SHARE locks that inserting kudos takes on recipients). This function is VOLATILE, so each statement
-- after the lock takes a fresh snapshot (READ COMMITTED): the reads see every gift committed before the locks
-- were granted, and two batches of the same giver, from any process, can never overspend.
CREATE FUNCTION spur_record_gifts(p_gifts jsonb)
RETURNS TABLE (outcome text, gift_id uuid, at timestamptz, spent bigint, recipient_id uuid)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_stored jsonb;
  v_spent jsonb;
  v_last jsonb;
  v_taken jsonb := '{}';
  v_accepted int[] := '{}';
  v_gift jsonb;
  v_n bigint;
  v_already bigint;
  v_cost bigint;
  v_cooldown timestamptz;
  v_blocked uuid;
  v_blocked_at timestamptz;
  v_r jsonb;
  v_pair_at timestamptz;
BEGIN
  PERFORM 1 FROM member
  WHERE id IN (SELECT DISTINCT (g->>'giver')::uuid FROM jsonb_array_elements(p_gifts) g)
  ORDER BY id FOR NO KEY UPDATE;

  SELECT coalesce(jsonb_object_agg(k.idempotency_key, jsonb_build_array(k.gift_id, k.created_at)), '{}')
  INTO v_stored
  FROM kudos k
  WHERE k.idempotency_key IN (SELECT jsonb_array_elements(g->'recipients')->>'key' FROM jsonb_array_elements(p_gifts) g);

  -- What each giver already spent in their window (one window per giver: the last gift's, as all share a team).
  SELECT coalesce(jsonb_object_agg(w.giver, w.total), '{}')
  INTO v_spent
  FROM (
    SELECT g.giver, coalesce(sum(k.points), 0) AS total
    FROM (
      SELECT DISTINCT ON (e->>'giver') (e->>'giver')::uuid AS giver, (e->>'since')::timestamptz AS since
      FROM jsonb_array_elements(p_gifts) WITH ORDINALITY AS x(e, n)
      ORDER BY e->>'giver', n DESC
    ) g
    LEFT JOIN kudos k ON k.giver_id = g.giver AND k.created_at >= g.since AND k.revoked_at IS NULL
    GROUP BY g.giver
  ) w;

  SELECT coalesce(jsonb_object_agg(l.pair, l.last_at), '{}')
  INTO v_last
  FROM (
    SELECT k.giver_id::text || '>' || k.recipient_id::text AS pair, max(k.created_at) AS last_at
    FROM (
      SELECT (e->>'giver')::uuid AS giver, (r->>'member')::uuid AS recipient, (e->>'cooldown')::timestamptz AS since
      FROM jsonb_array_elements(p_gifts) e, jsonb_array_elements(e->'recipients') r
      WHERE e->>'cooldown' IS NOT NULL
    ) p
    JOIN kudos k ON k.giver_id = p.giver AND k.recipient_id = p.recipient AND k.created_at >= p.since
    WHERE k.revoked_at IS NULL
    GROUP BY k.giver_id, k.recipient_id
  ) l;

  FOR v_gift, v_n IN SELECT e, n FROM jsonb_array_elements(p_gifts) WITH ORDINALITY AS x(e, n) ORDER BY n LOOP
    IF v_stored ? (v_gift->>'key') THEN
      RETURN QUERY SELECT 'stored', (v_stored->(v_gift->>'key')->>0)::uuid, (v_stored->(v_gift->>'key')->>1)::timestamptz, NULL::bigint, NULL::uuid;
      CONTINUE;
    END IF;
    IF v_taken ? (v_gift->>'key') THEN
      RETURN QUERY SELECT 'stored', (v_taken->>(v_gift->>'key'))::uuid, (v_gift->>'at')::timestamptz, NULL::bigint, NULL::uuid;
      CONTINUE;
    END IF;
    v_already := coalesce((v_spent->>(v_gift->>'giver'))::bigint, 0);
    v_cost := (v_gift->>'cost')::bigint;
    IF v_already + v_cost > (v_gift->>'allowance')::bigint THEN
      RETURN QUERY SELECT 'allowance', NULL::uuid, NULL::timestamptz, v_already, NULL::uuid;
      CONTINUE;
    END IF;
    v_blocked := NULL;
    v_cooldown := (v_gift->>'cooldown')::timestamptz;
    IF v_cooldown IS NOT NULL THEN
      FOR v_r IN SELECT jsonb_array_elements(v_gift->'recipients') LOOP
        v_pair_at := (v_last->>((v_gift->>'giver') || '>' || (v_r->>'member')))::timestamptz;
        IF v_pair_at IS NOT NULL AND v_pair_at >= v_cooldown THEN
          v_blocked := (v_r->>'member')::uuid;
          v_blocked_at := v_pair_at;
          EXIT;
        END IF;
      END LOOP;
    END IF;
    IF v_blocked IS NOT NULL THEN
      RETURN QUERY SELECT 'cooldown', NULL::uuid, v_blocked_at, NULL::bigint, v_blocked;
      CONTINUE;
    END IF;
    v_spent := v_spent || jsonb_build_object(v_gift->>'giver', v_already + v_cost);
    FOR v_r IN SELECT jsonb_array_elements(v_gift->'recipients') LOOP
      v_last := v_last || jsonb_build_object((v_gift->>'giver') || '>' || (v_r->>'member'), v_gift->'at');
    END LOOP;
    v_taken := v_taken || jsonb_build_object(v_gift->>'key', v_gift->'gift');
    v_accepted := v_accepted || v_n::int;
    RETURN QUERY SELECT 'accepted', (v_gift->>'gift')::uuid, (v_gift->>'at')::timestamptz, v_already + v_cost, NULL::uuid;
  END LOOP;

  IF cardinality(v_accepted) > 0 THEN
    -- No ON CONFLICT: keys were checked under the givers' locks, so a conflict is a real error and fails the batch.
    INSERT INTO kudos (gift_id, workspace_id, team_id, giver_id, recipient_id, position, points, reason, "values",
                       source, source_ref, idempotency_key, created_at)
    SELECT (e->>'gift')::uuid, (e->>'workspace')::uuid, (r->>'team')::uuid, (e->>'giver')::uuid, (r->>'member')::uuid,
           (pos - 1)::int, (e->>'points')::int, e->>'reason', ARRAY(SELECT jsonb_array_elements_text(e->'values')),
           (e->>'source')::"KudosSource", e->>'source_ref', r->>'key', (e->>'at')::timestamptz
    FROM jsonb_array_elements(p_gifts) WITH ORDINALITY AS x(e, n),
         jsonb_array_elements(e->'recipients') WITH ORDINALITY AS y(r, pos)
    WHERE n = ANY(v_accepted)
    ORDER BY n, pos;

    INSERT INTO outbox_message (topic, payload)
    SELECT o->>'topic', o->'payload'
    FROM jsonb_array_elements(p_gifts) WITH ORDINALITY AS x(e, n), jsonb_array_elements(e->'outbox') o
    WHERE n = ANY(v_accepted);
  END IF;
END;
$$;
