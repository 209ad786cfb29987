// Package imap is matchguard's IMAP watcher: it follows the applicant's
// mailboxes, classifies each new message with the analyzer, tags program mail
// on the server and records it in the timeline.
//
// What it does to the server, and what it never does:
//
//   - Messages are read with UID FETCH BODY.PEEK[]: nothing becomes \Seen.
//   - Tags are added with UID STORE +FLAGS.SILENT, which only adds: the
//     keyword match-<type> (none for "other") where SELECT's PERMANENTFLAGS
//     contains \*, and \Flagged for the alert types (rank-solicitation,
//     pre-match-offer). No other flag is touched.
//   - Where keywords are refused (or by config), a copy goes into the folder
//     "<prefix><delim><Type>", e.g. Match/Interview-Invite, created when
//     missing. The original stays where it is.
//   - Nothing is ever deleted, expunged, moved or rewritten.
//
// Progress is kept per account and mailbox as (UIDVALIDITY, last handled
// UID) in the Store, saved after each batch, so a restart resumes where the
// last run stopped. When UIDVALIDITY changes the mailbox is read again from
// UID 1; the Store deduplicates events by Message-ID, so nothing is logged
// twice.
//
// A catch-up is a pipeline: one goroutine sends a UID FETCH per batch and
// hands each message to the classifiers (one per core) as it streams in,
// then sends the next FETCH without waiting for the classifications; a
// finisher takes the batches in UID order, sends one STORE per set of tags,
// records the batch's events while the server answers, and saves the state
// once both are done. Parsing and classifying is most of the CPU a
// catch-up costs (see scripts/bench-imap.sh).
//
// Following uses IDLE where the server has it and polling otherwise. The
// go-imap client's unilateral-data handler runs on its reader goroutine, so
// it only signals a channel; the watcher then stops IDLE (Close + Wait)
// before it sends any other command. A dropped connection is noticed through
// Client.Closed and IDLE's Wait, and the watcher reconnects with jittered
// exponential backoff capped at about a minute.
//
// A message that cannot be read is logged and skipped: one bad message never
// stops a mailbox.
package imap
