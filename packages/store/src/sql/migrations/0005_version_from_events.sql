-- maslul store, version 5: an instance's version is the seq of its last event, read from the
-- events' primary key (instance_id, seq), instead of a column that every append updated: that
-- update wrote a second row per append, with an executor start of its own, most of what an
-- append cost over the INSERT of its events.
--
-- The expected version is now checked by the events themselves. An append inserts seq
-- expected+1, expected+2...: when another writer stored expected+1 first, the primary key refuses
-- the insert (unique_violation) and the statement writes nothing; on PostgreSQL a second writer
-- racing the first waits for it at that key, then is refused or goes ahead. An append whose
-- expected version the instance has not reached inserts nothing, because event #expected must
-- exist (version 0 needs none: the key refuses seq 1 when it is stored, the foreign key an unknown
-- instance). So no gap can be written, and the version is max(seq), 0 without events.
--
-- The dropped column always equalled the last event's seq (version 4's append kept them in one
-- statement), and load already took the version from the log: no instance changes version.
-- A process of an older @maslul/store reads that column and fails on this schema: stop those
-- before the first process of this one starts.

ALTER TABLE {{schema}}.instances DROP COLUMN version;

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
  -- A batch has at least one event (the store checks it), numbered from p_expected + 1.
  INSERT INTO {{schema}}.events
         (instance_id, seq, type, at, date, actor, payload, item, idempotency_key, trace)
  SELECT p_instance, e.*
    FROM unnest(p_seq, p_type, p_at, p_date, p_actor, p_payload, p_item, p_key, p_trace) AS e
   WHERE p_expected = 0
      OR EXISTS (SELECT FROM {{schema}}.events WHERE instance_id = p_instance AND seq = p_expected);
  GET DIAGNOSTICS v_written = ROW_COUNT;
  IF v_written = 0 THEN
    RETURN false;
  END IF;
  IF p_snapshot IS NOT NULL THEN
    INSERT INTO {{schema}}.snapshots (instance_id, seq, program_version, body)
    VALUES (p_instance, v_version, p_program_version, p_snapshot);
    -- The definition the instance runs now: written only when a snapshot moves it.
    UPDATE {{schema}}.instances SET program_version = p_program_version
     WHERE id = p_instance AND program_version <> p_program_version;
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
