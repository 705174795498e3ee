-- The jobs every replica serves and solves (README, "Running several replicas").
CREATE TABLE job (
    id             text PRIMARY KEY,
    name           text,
    status         text        NOT NULL,   -- SOLVING_SCHEDULED, SOLVING_ACTIVE, NOT_SOLVING or QUARANTINED
    submitted      timestamptz NOT NULL,
    finished       timestamptz,
    score          text,
    request_key    text,                   -- digest of an Idempotency-Key and its token; null without one
    plan           text        NOT NULL,   -- the plan exactly as it was sent
    state          text        NOT NULL,   -- the rest of the job as JSON: times, best schedule so far
    saved_at       timestamptz NOT NULL,
    owner          text,                   -- the replica solving it; null while it waits for one
    lease_until    timestamptz,            -- the owner's hold; another replica may claim the job after it
    stop_requested boolean     NOT NULL DEFAULT false
);

CREATE INDEX job_open ON job (submitted) WHERE status IN ('SOLVING_SCHEDULED', 'SOLVING_ACTIVE');
CREATE INDEX job_finished ON job (finished) WHERE status = 'NOT_SOLVING';
CREATE INDEX job_request_key ON job (request_key) WHERE request_key IS NOT NULL;
