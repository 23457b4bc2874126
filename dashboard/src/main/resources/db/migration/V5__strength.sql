-- Version 5 (numbered past the versions other branches may add meanwhile): strength. The rep event's optional
-- fields of schema 2 (the plan's angle name and rep/try numbering, the force zone and how the rep went in it),
-- and the results of maximum tests. Reps of schema 1 gateways leave the new columns NULL.
ALTER TABLE rep ADD COLUMN angle_name VARCHAR(128);
ALTER TABLE rep ADD COLUMN plan_rep INTEGER;
ALTER TABLE rep ADD COLUMN plan_reps INTEGER;
ALTER TABLE rep ADD COLUMN attempt INTEGER;
ALTER TABLE rep ADD COLUMN max_n DOUBLE PRECISION;
ALTER TABLE rep ADD COLUMN zone_low_pct DOUBLE PRECISION;
ALTER TABLE rep ADD COLUMN zone_high_pct DOUBLE PRECISION;
ALTER TABLE rep ADD COLUMN time_in_zone_s DOUBLE PRECISION;
ALTER TABLE rep ADD COLUMN pct_of_max DOUBLE PRECISION;
-- the session view reads a session's reps at once
CREATE INDEX rep_by_session ON rep (session_id);

-- A maximum test's result, as published on isoband/<gateway>/<band>/max_test; pulls as comma-separated newtons
-- (empty for a pull too short to measure).
CREATE TABLE max_test (
    id          VARCHAR(64) NOT NULL PRIMARY KEY,
    gateway     VARCHAR(128) NOT NULL,
    band        VARCHAR(128) NOT NULL,
    session_id  VARCHAR(128) NOT NULL,
    leg         VARCHAR(8) NOT NULL,
    angle       INTEGER NOT NULL,
    angle_name  VARCHAR(128) NOT NULL,
    at_ms       BIGINT NOT NULL,
    max_n       DOUBLE PRECISION NOT NULL,
    pulls_n     TEXT NOT NULL,
    received_ms BIGINT NOT NULL
);
CREATE INDEX max_test_by_at ON max_test (at_ms);
