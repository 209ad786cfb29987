// Package timeline is matchguard's store: one SQLite database (the pure-Go
// modernc.org/sqlite driver) holding
//
//   - the ledger of sends, which implements analyzer.History for the
//     history-dependent rules (top-choice-duplicate, mass-email,
//     update-limit, late-thank-you);
//   - the timeline of program events: received mail ("in"), sent mail
//     ("out"), and scheduled items ("due": interview, thank-you-due,
//     rank-deadline) computed from the config and received invitations;
//   - review items: held and blocked sends and their decisions;
//   - the IMAP watcher's position in each mailbox.
//
// The schema is created and upgraded by versioned SQL migrations embedded in
// the binary (migrations/NNNN_name.sql), each applied in its own
// transaction and recorded in the schema_version table. A database written
// by a newer matchguard is refused rather than misread.
//
// Times are stored as UTC nanoseconds since the Unix epoch and come back
// in UTC. A *Store is safe for concurrent use by several goroutines, and
// several processes (the server and a CLI command) may share one file.
package timeline
