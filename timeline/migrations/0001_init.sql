-- 0001: the first schema. Times are INTEGER nanoseconds since the Unix
-- epoch, UTC; calendar days are TEXT 2006-01-02. Lists are JSON TEXT.

-- sends is the ledger: every message relayed to a program (or recorded by
-- `check --record`), with the facts history-dependent rules look back at.
CREATE TABLE sends (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    program     TEXT    NOT NULL DEFAULT '',
    message_id  TEXT    NOT NULL DEFAULT '',
    subject     TEXT    NOT NULL DEFAULT '',
    recipients  TEXT    NOT NULL DEFAULT '[]',
    verdict     TEXT    NOT NULL DEFAULT '',
    top_choice  INTEGER NOT NULL DEFAULT 0 CHECK (top_choice IN (0, 1)),
    is_update   INTEGER NOT NULL DEFAULT 0 CHECK (is_update IN (0, 1)),
    thank_you   INTEGER NOT NULL DEFAULT 0 CHECK (thank_you IN (0, 1)),
    sketch      BLOB
);
CREATE INDEX sends_program_at ON sends (program, at);
CREATE INDEX sends_top_choice ON sends (program, at) WHERE top_choice = 1;
CREATE INDEX sends_update ON sends (program, at) WHERE is_update = 1;

-- bands indexes each send's sketch by its locality-sensitive band hashes:
-- near-duplicate lookups go through here, never through all sends.
CREATE TABLE bands (
    band    INTEGER NOT NULL,
    hash    INTEGER NOT NULL,
    send_id INTEGER NOT NULL REFERENCES sends (id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, send_id)
) WITHOUT ROWID;
CREATE INDEX bands_send ON bands (send_id);

-- events is the timeline: received mail ("in"), sent mail ("out") and
-- stored scheduled items ("due").
CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    at             INTEGER NOT NULL,
    program        TEXT    NOT NULL DEFAULT '',
    direction      TEXT    NOT NULL CHECK (direction IN ('in', 'out', 'due')),
    type           TEXT    NOT NULL,
    subject        TEXT    NOT NULL DEFAULT '',
    message_id     TEXT    NOT NULL DEFAULT '',
    from_addr      TEXT    NOT NULL DEFAULT '',
    interview_date TEXT    NOT NULL DEFAULT '',
    detail         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX events_at ON events (at);
CREATE INDEX events_program_at ON events (program, at);
-- InterviewDate: the latest received mail fixing an interview day.
CREATE INDEX events_interview ON events (program, at) WHERE direction = 'in' AND interview_date <> '';
-- A re-scan of a mailbox never logs the same message twice.
CREATE UNIQUE INDEX events_message ON events (direction, message_id) WHERE message_id <> '';

-- reviews are held and blocked sends (and warn sends, stored as "sent"),
-- with what the review page needs to show and decide them.
CREATE TABLE reviews (
    id          TEXT    PRIMARY KEY,
    status      TEXT    NOT NULL CHECK (status IN ('held', 'blocked', 'approved', 'overridden', 'sent', 'dropped')),
    at          INTEGER NOT NULL,
    from_addr   TEXT    NOT NULL DEFAULT '',
    recipients  TEXT    NOT NULL DEFAULT '[]',
    subject     TEXT    NOT NULL DEFAULT '',
    program     TEXT    NOT NULL DEFAULT '',
    verdict     TEXT    NOT NULL DEFAULT '',
    rules       TEXT    NOT NULL DEFAULT '[]',
    findings    TEXT    NOT NULL DEFAULT '[]',
    own         TEXT    NOT NULL DEFAULT '',
    raw         BLOB,
    fingerprint TEXT    NOT NULL DEFAULT '',
    why         TEXT    NOT NULL DEFAULT '',
    decided_at  INTEGER NOT NULL DEFAULT 0,
    sent_at     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX reviews_at ON reviews (at);
CREATE INDEX reviews_status_at ON reviews (status, at);
CREATE INDEX reviews_fingerprint ON reviews (fingerprint, status);

-- mailboxes is the IMAP watcher's place in each mailbox.
CREATE TABLE mailboxes (
    account      TEXT    NOT NULL,
    mailbox      TEXT    NOT NULL,
    uid_validity INTEGER NOT NULL,
    last_uid     INTEGER NOT NULL,
    PRIMARY KEY (account, mailbox)
);
