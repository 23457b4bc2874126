-- Version 2: payloads refused for good (they break the contract: a field too long, out of range, an implausible
-- instant), kept with the reason so they can be looked at, instead of being redelivered forever. The payload is
-- the text as received, control characters escaped (PostgreSQL text holds no NUL), cut at 64 KiB.
CREATE TABLE dead_letter (
    received_ms BIGINT NOT NULL,
    topic       VARCHAR(512) NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    payload     TEXT NOT NULL
);
CREATE INDEX dead_letter_by_received ON dead_letter (received_ms);
