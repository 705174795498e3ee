-- The published weeks and the feed secret every replica serves the calendar feeds from (README, "Calendar feeds").
CREATE TABLE published_week (
    start_date date        PRIMARY KEY,
    published  timestamptz NOT NULL,   -- when it was last published
    week       text        NOT NULL    -- the published week as JSON: its sessions' events, workers, rooms
);

-- One row, made by the first replica that needs it.
CREATE TABLE feed_state (
    id       integer     PRIMARY KEY CHECK (id = 1),
    secret   bytea       NOT NULL,     -- every feed key derives from it; replaced to change every key at once
    changed  timestamptz,              -- when a week was last published or taken out; null before
    revision bigint      NOT NULL      -- one more at every change: a replica's copy of the weeks is current while equal
);
