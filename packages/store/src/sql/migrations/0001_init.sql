-- maslul store, version 1: instances, their append-only event log, snapshots and timers.
-- "{{schema}}" is replaced by the store's schema name (quoted). JSON is kept as text, exactly as
-- the runtime wrote it (a replay must see the same bytes); cast it to query it: payload::json.

CREATE TABLE {{schema}}.instances (
  id              text    PRIMARY KEY,
  program_id      text    NOT NULL,
  program_version integer NOT NULL,
  start_date      text    NOT NULL,
  -- the seq of the last event: the version the next append expects
  version         integer NOT NULL DEFAULT 0
);

CREATE TABLE {{schema}}.events (
  instance_id     text    NOT NULL REFERENCES {{schema}}.instances (id),
  seq             integer NOT NULL,
  type            text    NOT NULL,
  at              text    NOT NULL,
  date            text    NOT NULL,
  actor           text    NOT NULL,
  payload         text,
  item            text,
  idempotency_key text,
  trace           text    NOT NULL,
  PRIMARY KEY (instance_id, seq)
);

-- A retried key is applied once: a second event with it cannot be stored.
CREATE UNIQUE INDEX events_idempotency_key
  ON {{schema}}.events (instance_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

CREATE TABLE {{schema}}.snapshots (
  instance_id     text    NOT NULL REFERENCES {{schema}}.instances (id),
  seq             integer NOT NULL,
  program_version integer NOT NULL,
  body            text    NOT NULL,
  PRIMARY KEY (instance_id, seq)
);

-- One row per delivery key (deadline id @ instant): it fires once.
CREATE TABLE {{schema}}.timers (
  instance_id   text    NOT NULL REFERENCES {{schema}}.instances (id),
  deadline_id   text    NOT NULL,
  due_at        bigint  NOT NULL,
  deadline      text    NOT NULL,
  -- due_at, or when a failed delivery is tried again
  ready_at      bigint  NOT NULL,
  attempts      integer NOT NULL DEFAULT 0,
  claimed_by    text,
  claimed_until bigint  NOT NULL DEFAULT 0,
  fired_at      bigint,
  last_error    text,
  PRIMARY KEY (instance_id, deadline_id, due_at)
);

CREATE INDEX timers_pending ON {{schema}}.timers (ready_at) WHERE fired_at IS NULL;
