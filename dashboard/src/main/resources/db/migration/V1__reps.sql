-- The dashboard's history, version 1. Portable SQL: the same file runs on SQLite and PostgreSQL (and most JDBC
-- databases). Times are epoch milliseconds (UTC) so that ranges and indexes work the same everywhere; days
-- and weeks are cut in the dashboard's time zone by the Java code, not by the database.

-- One finished rep, as published on isoband/<gateway>/<band>/rep; the id makes duplicates harmless.
CREATE TABLE rep (
    id          VARCHAR(64) NOT NULL PRIMARY KEY,
    gateway     VARCHAR(128) NOT NULL,
    band        VARCHAR(128) NOT NULL,
    session_id  VARCHAR(128) NOT NULL,
    leg         VARCHAR(8),
    angle       INTEGER,
    rep_no      INTEGER NOT NULL,
    start_ms    BIGINT NOT NULL,
    end_ms      BIGINT NOT NULL,
    steady_s    DOUBLE PRECISION NOT NULL,
    target_s    DOUBLE PRECISION NOT NULL,
    verdict     VARCHAR(16) NOT NULL,
    mean_n      DOUBLE PRECISION,
    peak_n      DOUBLE PRECISION,
    cv_pct      DOUBLE PRECISION,
    drift_pct   DOUBLE PRECISION,
    rest_n      DOUBLE PRECISION,
    amplitude_n DOUBLE PRECISION,
    dropped     BIGINT NOT NULL,
    received_ms BIGINT NOT NULL
);
CREATE INDEX rep_by_start ON rep (start_ms);
CREATE INDEX rep_by_band_start ON rep (band, start_ms);

-- The force samples around a rep, when the dashboard saw them live (force batches are QoS 0 and not kept by
-- the broker, so a rep delivered late has none). Offsets in ms from the rep's start, newtons; comma-separated
-- text because arrays and blobs differ between databases and a curve is read whole.
CREATE TABLE rep_curve (
    rep_id      VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES rep (id),
    t_ms        TEXT NOT NULL,
    newtons     TEXT NOT NULL
);

-- A session summary, as published on isoband/<gateway>/<band>/session.
CREATE TABLE session_summary (
    id            VARCHAR(64) NOT NULL PRIMARY KEY,
    gateway       VARCHAR(128) NOT NULL,
    band          VARCHAR(128) NOT NULL,
    session_id    VARCHAR(128) NOT NULL,
    start_ms      BIGINT NOT NULL,
    end_ms        BIGINT NOT NULL,
    reps          INTEGER NOT NULL,
    held          INTEGER NOT NULL,
    steady_total_s DOUBLE PRECISION NOT NULL,
    best_steady_s DOUBLE PRECISION NOT NULL,
    target_s      DOUBLE PRECISION NOT NULL,
    received_ms   BIGINT NOT NULL
);
CREATE INDEX session_summary_by_start ON session_summary (start_ms);
