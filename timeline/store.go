package timeline

import (
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// BusyTimeout is how long a statement waits for another process's write
// lock on the same database file before failing.
const BusyTimeout = 5 * time.Second

// ErrNotFound is returned for an unknown review id.
var ErrNotFound = errors.New("timeline: not found")

// Store is the SQLite store. Its methods are safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	// The analyzer.History queries run for every checked message: prepared
	// once, at Open.
	topChoice, updates, interview, similar *sql.Stmt
	// The inserts the proxy makes for every message it relays, prepared
	// once too: parsing them cost as much as running them.
	insSend, insBands, insEvent, insReview *sql.Stmt
	// now is the clock for times the store sets itself (review decisions,
	// a review's time when the caller gives none).
	now func() time.Time
}

// Open opens the database at path, creating it (and its parent directory)
// if needed, and brings its schema up to date. path ":memory:" opens a
// private in-memory database, gone at Close.
//
// File databases use WAL journaling, a busy timeout of BusyTimeout and
// enforced foreign keys. Open fails, naming the versions, when the file was
// written by a newer matchguard whose schema this binary does not know.
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("timeline: no database path")
	}
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("timeline: database path %q: a '?' is not allowed in the path", path)
	}
	memory := path == ":memory:"
	if !memory {
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return nil, fmt.Errorf("timeline: create the database directory: %w", err)
			}
		}
	}
	q := fmt.Sprintf("_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)&_txlock=immediate",
		BusyTimeout.Milliseconds())
	if !memory {
		q += "&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
	}
	db, err := sql.Open("sqlite", path+"?"+q)
	if err != nil {
		return nil, fmt.Errorf("timeline: open %s: %w", path, err)
	}
	// One connection: an in-memory database exists per connection, and for a
	// file it serializes this process's writers so that none ever sees
	// SQLITE_BUSY from its own siblings. Other processes wait up to
	// BusyTimeout. Every statement here is short.
	db.SetMaxOpenConns(1)
	db.SetConnMaxIdleTime(0)
	db.SetConnMaxLifetime(0)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("timeline: open %s: %w", path, err)
	}
	if err := migrate(db, migrationFS); err != nil {
		db.Close()
		return nil, fmt.Errorf("timeline: %s: %w", path, err)
	}
	s := &Store{db: db, path: path, now: time.Now}
	for _, p := range []struct {
		stmt **sql.Stmt
		q    string
	}{
		{&s.topChoice, topChoiceQuery},
		{&s.updates, updatesQuery},
		{&s.interview, interviewQuery},
		{&s.similar, similarQuery},
		{&s.insSend, insertSendQuery},
		{&s.insBands, insertBandsQuery},
		{&s.insEvent, insertEventQuery},
		{&s.insReview, insertReviewQuery},
	} {
		if *p.stmt, err = db.Prepare(p.q); err != nil {
			s.Close()
			return nil, fmt.Errorf("timeline: %s: prepare: %w", path, err)
		}
	}
	return s, nil
}

// Close closes the database. The Store must not be used afterwards.
func (s *Store) Close() error {
	for _, st := range []*sql.Stmt{s.topChoice, s.updates, s.interview, s.similar, s.insSend, s.insBands, s.insEvent, s.insReview} {
		if st != nil {
			st.Close()
		}
	}
	return s.db.Close()
}

// Path returns the path the store was opened with.
func (s *Store) Path() string { return s.path }

// migration is one embedded schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads migrations/NNNN_name.sql from fsys, in version order.
// Versions must start at 1 and have no gaps or repeats.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := filepath.Base(n)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name.sql", base)
		}
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: want version %d (versions start at 1, no gaps or repeats)", m.name, i+1)
		}
	}
	return ms, nil
}

// migrate applies the migrations in fsys that the database lacks, each in
// its own transaction together with its schema_version row.
func migrate(db *sql.DB, fsys fs.FS) error {
	ms, err := loadMigrations(fsys)
	if err != nil {
		return err
	}
	if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS schema_version (
		version    INTEGER PRIMARY KEY,
		name       TEXT    NOT NULL,
		applied_at TEXT    NOT NULL
	)`); err != nil {
		return fmt.Errorf("create schema_version: %w", err)
	}
	var have int
	if err := db.QueryRow(`SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&have); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if have > len(ms) {
		return fmt.Errorf("the database is at schema version %d, newer than this matchguard knows (%d): use a newer matchguard, or another --db", have, len(ms))
	}
	for _, m := range ms[have:] {
		if err := applyMigration(db, m); err != nil {
			return err
		}
	}
	return nil
}

func applyMigration(db *sql.DB, m migration) error {
	tx, err := db.Begin()
	if err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	defer tx.Rollback()
	// Another process may have applied it while we waited for the lock.
	var done int
	if err := tx.QueryRow(`SELECT COUNT(*) FROM schema_version WHERE version = ?`, m.version).Scan(&done); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if done > 0 {
		return nil
	}
	if _, err := tx.Exec(m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.Exec(`INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	return nil
}

// SchemaVersion returns the database's schema version.
func (s *Store) SchemaVersion() (int, error) {
	var v int
	err := s.db.QueryRow(`SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v)
	return v, err
}

// toDB converts t to the stored form: UTC nanoseconds since the epoch; the
// zero time is 0.
func toDB(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// fromDB is the inverse of toDB; 0 gives the zero time.
func fromDB(ns int64) time.Time {
	if ns == 0 {
		return time.Time{}
	}
	return time.Unix(0, ns).UTC()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
