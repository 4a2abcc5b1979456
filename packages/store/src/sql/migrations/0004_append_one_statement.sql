-- maslul store, version 4: the append function checks and bumps the version and writes the event
-- rows in one statement (a data-modifying WITH), where version 2 ran an UPDATE and then an INSERT:
-- each statement of a function has its own executor start and end, about as costly on PGlite as
-- the row it writes. Same signature, same result: false, writing nothing, when the version is not
-- the expected one; the snapshot and the timer changes are still written only when there are any.

CREATE OR REPLACE FUNCTION {{schema}}.append_events(
  p_instance        text,
  p_expected        integer,
  p_program_version integer,
  p_snapshot        text,
  p_seq             integer[],
  p_type            text[],
  p_at              text[],
  p_date            text[],
  p_actor           text[],
  p_payload         text[],
  p_item            text[],
  p_key             text[],
  p_trace           text[],
  p_removed_ids     text[],
  p_removed_ats     bigint[],
  p_added_ids       text[],
  p_added_ats       bigint[],
  p_added_bodies    text[]
) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  v_version integer := p_expected + cardinality(p_seq);
  v_written integer;
BEGIN
  -- A batch has at least one event (the store checks it): no row written means no version bump.
  WITH bumped AS (
    UPDATE {{schema}}.instances
       SET version = v_version, program_version = COALESCE(p_program_version, program_version)
     WHERE id = p_instance AND version = p_expected
    RETURNING id
  )
  INSERT INTO {{schema}}.events
         (instance_id, seq, type, at, date, actor, payload, item, idempotency_key, trace)
  SELECT bumped.id, e.*
    FROM bumped,
         unnest(p_seq, p_type, p_at, p_date, p_actor, p_payload, p_item, p_key, p_trace) AS e;
  GET DIAGNOSTICS v_written = ROW_COUNT;
  IF v_written = 0 THEN
    RETURN false;
  END IF;
  IF p_snapshot IS NOT NULL THEN
    INSERT INTO {{schema}}.snapshots (instance_id, seq, program_version, body)
    VALUES (p_instance, v_version, p_program_version, p_snapshot);
  END IF;
  IF cardinality(p_removed_ids) > 0 THEN
    DELETE FROM {{schema}}.timers t
     USING unnest(p_removed_ids, p_removed_ats) AS r(id, at)
     WHERE t.instance_id = p_instance AND t.deadline_id = r.id AND t.due_at = r.at
       AND t.fired_at IS NULL AND t.claimed_by IS NULL; -- a claimed timer is being delivered
  END IF;
  IF cardinality(p_added_ids) > 0 THEN
    INSERT INTO {{schema}}.timers (instance_id, deadline_id, due_at, deadline, ready_at)
    SELECT p_instance, a.id, a.at, a.body, a.at
      FROM unnest(p_added_ids, p_added_ats, p_added_bodies) AS a(id, at, body)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN true;
END
$$;
