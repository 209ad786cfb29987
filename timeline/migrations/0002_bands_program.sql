-- 0002: each band entry carries its send's program, so that a near-duplicate
-- lookup for one program skips that program's own sends inside the index
-- instead of looking each of them up (a program sent the same text a
-- hundred times made every later check a hundred lookups slower).
CREATE TABLE bands_new (
    band    INTEGER NOT NULL,
    hash    INTEGER NOT NULL,
    program TEXT    NOT NULL,
    send_id INTEGER NOT NULL REFERENCES sends (id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, program, send_id)
) WITHOUT ROWID;
INSERT INTO bands_new (band, hash, program, send_id)
    SELECT b.band, b.hash, s.program, b.send_id FROM bands b JOIN sends s ON s.id = b.send_id;
DROP TABLE bands;
ALTER TABLE bands_new RENAME TO bands;
CREATE INDEX bands_send ON bands (send_id);
