package timeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func newStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(":memory:")
	if err != nil {
		t.Fatalf("Open(:memory:): %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenMigratesFromEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nested", "dir", "matchguard.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	ms, err := loadMigrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.SchemaVersion(); err != nil || got != len(ms) {
		t.Errorf("SchemaVersion() = %d, %v; want %d, nil", got, err, len(ms))
	}
	var mode string
	if err := s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk, busy int
	s.db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
	s.db.QueryRow(`PRAGMA busy_timeout`).Scan(&busy)
	if fk != 1 || busy != int(BusyTimeout.Milliseconds()) {
		t.Errorf("foreign_keys = %d, busy_timeout = %d; want 1, %d", fk, busy, BusyTimeout.Milliseconds())
	}
	if _, err := s.AddEvent(Event{At: time.Now(), Direction: DirIn, Type: "other", MessageID: "<a@x>"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// Re-open: nothing to apply, data kept.
	s, err = Open(path)
	if err != nil {
		t.Fatalf("re-Open: %v", err)
	}
	defer s.Close()
	var rows int
	s.db.QueryRow(`SELECT COUNT(*) FROM schema_version`).Scan(&rows)
	if rows != len(ms) {
		t.Errorf("schema_version has %d rows after re-open; want %d", rows, len(ms))
	}
	if seen, err := s.SeenMessage("<a@x>"); err != nil || !seen {
		t.Errorf("SeenMessage after re-open = %v, %v; want true", seen, err)
	}
}

func TestOpenRefusesNewerDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO schema_version (version, name, applied_at) VALUES (999, '0999_future.sql', 'x')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(path)
	if err == nil || !strings.Contains(err.Error(), "version 999") || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("Open of a newer database: err = %v; want one naming version 999 and saying newer", err)
	}
}

func TestOpenBadPath(t *testing.T) {
	for _, p := range []string{"", "a?b.db"} {
		if _, err := Open(p); err == nil {
			t.Errorf("Open(%q) succeeded; want an error", p)
		}
	}
	// The parent is a file: the directory cannot be made.
	f := filepath.Join(t.TempDir(), "file")
	os.WriteFile(f, nil, 0o600)
	if _, err := Open(filepath.Join(f, "x.db")); err == nil {
		t.Errorf("Open under a file succeeded; want an error")
	}
}

func TestMigrateInOrderEachInATransaction(t *testing.T) {
	s := newStore(t)
	fsys := fstest.MapFS{
		"migrations/0002_b.sql": {Data: []byte(`INSERT INTO t VALUES ('two');`)},
		"migrations/0001_a.sql": {Data: []byte(`CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('one');`)},
	}
	db := s.db
	if _, err := db.Exec(`DROP TABLE schema_version`); err != nil {
		t.Fatal(err)
	}
	if err := migrate(db, fsys); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	var got []string
	rows, _ := db.Query(`SELECT v FROM t ORDER BY rowid`)
	for rows.Next() {
		var v string
		rows.Scan(&v)
		got = append(got, v)
	}
	rows.Close()
	if strings.Join(got, ",") != "one,two" {
		t.Errorf("rows after migrate = %v; want [one two] (applied in version order)", got)
	}

	// A failing third migration leaves nothing half-applied.
	fsys["migrations/0003_c.sql"] = &fstest.MapFile{Data: []byte(`INSERT INTO t VALUES ('three'); INSERT INTO nowhere VALUES (1);`)}
	err := migrate(db, fsys)
	if err == nil || !strings.Contains(err.Error(), "0003_c.sql") {
		t.Fatalf("migrate with a bad 0003: err = %v; want one naming 0003_c.sql", err)
	}
	var n, v int
	db.QueryRow(`SELECT COUNT(*) FROM t WHERE v = 'three'`).Scan(&n)
	db.QueryRow(`SELECT MAX(version) FROM schema_version`).Scan(&v)
	if n != 0 || v != 2 {
		t.Errorf("after a failed migration: %d 'three' rows, version %d; want 0, 2", n, v)
	}
}

func TestLoadMigrationsRejectsBadSets(t *testing.T) {
	tests := []struct {
		name  string
		files []string
	}{
		{"gap", []string{"0001_a.sql", "0003_c.sql"}},
		{"repeat", []string{"0001_a.sql", "0001_b.sql"}},
		{"bad name", []string{"first.sql"}},
		{"zero", []string{"0000_a.sql"}},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{}
		for _, f := range tt.files {
			fsys["migrations/"+f] = &fstest.MapFile{Data: []byte("SELECT 1;")}
		}
		if _, err := loadMigrations(fsys); err == nil {
			t.Errorf("%s: loadMigrations(%v) succeeded; want an error", tt.name, tt.files)
		}
	}
}

func TestEmbeddedMigrationsLoad(t *testing.T) {
	ms, err := loadMigrations(migrationFS)
	if err != nil || len(ms) == 0 {
		t.Fatalf("loadMigrations(embedded) = %d, %v", len(ms), err)
	}
}
