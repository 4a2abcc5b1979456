-- maslul store, version 3: the refusal log. Refused events are kept apart from the event log
-- (which holds facts only): who tried what, when, and the rule that refused it, as JSON text.
-- Each instance keeps its newest refusals only; n orders them.

CREATE TABLE {{schema}}.refusals (
  instance_id text   NOT NULL REFERENCES {{schema}}.instances (id),
  n           bigint GENERATED ALWAYS AS IDENTITY,
  at          text   NOT NULL,
  body        text   NOT NULL,
  PRIMARY KEY (instance_id, n)
);
