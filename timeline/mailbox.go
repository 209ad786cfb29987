package timeline

import (
	"database/sql"
	"errors"
	"fmt"
)

// MailboxState returns the watcher's place in a mailbox: the UIDVALIDITY
// it last saw and the highest UID it has handled. Both are 0 for a mailbox
// never seen. When the server's UIDVALIDITY differs from the stored one,
// the stored lastUID means nothing and the watcher starts over (AddEvent's
// Message-ID dedupe keeps the timeline from doubling).
func (s *Store) MailboxState(account, mailbox string) (uidValidity, lastUID uint32, err error) {
	var v, u int64
	err = s.db.QueryRow(`SELECT uid_validity, last_uid FROM mailboxes WHERE account = ? AND mailbox = ?`,
		account, mailbox).Scan(&v, &u)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, fmt.Errorf("timeline: mailbox state: %w", err)
	}
	return uint32(v), uint32(u), nil
}

// SetMailboxState records the watcher's place in a mailbox, replacing what
// was stored.
func (s *Store) SetMailboxState(account, mailbox string, uidValidity, lastUID uint32) error {
	_, err := s.db.Exec(`INSERT INTO mailboxes (account, mailbox, uid_validity, last_uid) VALUES (?, ?, ?, ?)
		ON CONFLICT (account, mailbox) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid`,
		account, mailbox, int64(uidValidity), int64(lastUID))
	if err != nil {
		return fmt.Errorf("timeline: set mailbox state: %w", err)
	}
	return nil
}
