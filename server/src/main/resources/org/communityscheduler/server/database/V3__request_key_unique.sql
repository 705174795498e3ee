-- One job per Idempotency-Key across replicas: two submissions with the same key on two replicas make one job.
-- A key held twice before (the race this index closes) stays with its newest job.
UPDATE job SET request_key = NULL
WHERE request_key IS NOT NULL
  AND id NOT IN (SELECT DISTINCT ON (request_key) id FROM job WHERE request_key IS NOT NULL
                 ORDER BY request_key, submitted DESC);

DROP INDEX job_request_key;
CREATE UNIQUE INDEX job_request_key ON job (request_key) WHERE request_key IS NOT NULL;
