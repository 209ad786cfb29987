package timeline

import (
	"database/sql"
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/matchguard/matchguard/analyzer"
)

var t0 = time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)

func send(at time.Time, program, subject string, text string, f analyzer.Facts) analyzer.Sent {
	if text != "" {
		f.Sketch = analyzer.NewSketch(text)
	}
	return analyzer.Sent{
		At: at, Program: program, MessageID: fmt.Sprintf("<%d.%s@example.org>", at.UnixNano(), program),
		Subject: subject, To: []string{"pd@" + program + ".org"}, Verdict: "pass", Facts: f,
	}
}

func TestRecordSendStoresEverything(t *testing.T) {
	s := newStore(t)
	text := "Thank you for the interview yesterday; I enjoyed meeting the informatics faculty."
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.FixedZone("EST", -5*3600))
	in := send(at, "lakeside", "Thank you", text, analyzer.Facts{ThankYou: true, TopChoice: true})
	id, err := s.RecordSend(in)
	if err != nil || id <= 0 {
		t.Fatalf("RecordSend = %d, %v", id, err)
	}
	var (
		atNS                     int64
		prog, mid, subj, to, ver string
		top, upd, ty             int
		blob                     []byte
	)
	err = s.db.QueryRow(`SELECT at, program, message_id, subject, recipients, verdict, top_choice, is_update, thank_you, sketch FROM sends WHERE id = ?`, id).
		Scan(&atNS, &prog, &mid, &subj, &to, &ver, &top, &upd, &ty, &blob)
	if err != nil {
		t.Fatal(err)
	}
	var sk analyzer.Sketch
	if err := sk.UnmarshalBinary(blob); err != nil || sk != in.Sketch {
		t.Errorf("stored sketch differs from the recorded one (err %v)", err)
	}
	if got := fromDB(atNS); !got.Equal(at) || got.Location() != time.UTC {
		t.Errorf("stored time = %v; want %v in UTC", got, at.UTC())
	}
	if prog != "lakeside" || mid != in.MessageID || subj != "Thank you" || to != `["pd@lakeside.org"]` || ver != "pass" || top != 1 || upd != 0 || ty != 1 {
		t.Errorf("stored row = %q %q %q %q %q top=%d upd=%d ty=%d", prog, mid, subj, to, ver, top, upd, ty)
	}
	var nb int
	s.db.QueryRow(`SELECT COUNT(*) FROM bands WHERE send_id = ?`, id).Scan(&nb)
	if nb != analyzer.SketchBands {
		t.Errorf("band rows = %d; want %d", nb, analyzer.SketchBands)
	}
	// The send is on the timeline as an "out" event, once.
	if _, err := s.AddEvent(Event{At: at, Direction: DirOut, Type: "pass", MessageID: in.MessageID}); err != nil {
		t.Fatal(err)
	}
	evs, _ := s.Events(Filter{Direction: DirOut})
	if len(evs) != 1 || evs[0].Type != "pass" || evs[0].Program != "lakeside" || evs[0].Subject != "Thank you" {
		t.Errorf("out events = %+v; want one pass event for lakeside", evs)
	}

	// A send without text has no bands.
	id2, err := s.RecordSend(send(t0, "lakeside", "hi", "", analyzer.Facts{}))
	if err != nil {
		t.Fatal(err)
	}
	s.db.QueryRow(`SELECT COUNT(*) FROM bands WHERE send_id = ?`, id2).Scan(&nb)
	if nb != 0 {
		t.Errorf("band rows for a textless send = %d; want 0", nb)
	}
	if _, err := s.RecordSend(analyzer.Sent{Program: "x"}); err == nil {
		t.Error("RecordSend without a time succeeded; want an error")
	}
}

func TestTopChoiceProgramsAndUpdates(t *testing.T) {
	s := newStore(t)
	h := time.Hour
	for _, sn := range []analyzer.Sent{
		send(t0, "riverside", "a", "", analyzer.Facts{TopChoice: true}),
		send(t0.Add(1*h), "lakeside", "b", "", analyzer.Facts{TopChoice: true, Update: true}),
		send(t0.Add(2*h), "riverside", "c", "", analyzer.Facts{TopChoice: true}),
		send(t0.Add(3*h), "lakeside", "d", "", analyzer.Facts{Update: true}),
		send(t0.Add(4*h), "hilltop", "e", "", analyzer.Facts{}),
		send(t0.Add(5*h), "", "f", "", analyzer.Facts{TopChoice: true}),
	} {
		if _, err := s.RecordSend(sn); err != nil {
			t.Fatal(err)
		}
	}
	tops := []struct {
		before time.Time
		want   []string
	}{
		{t0, nil},
		{t0.Add(time.Nanosecond), []string{"riverside"}},
		{t0.Add(10 * h), []string{"riverside", "lakeside"}},
	}
	for _, tt := range tops {
		got, err := s.TopChoicePrograms(tt.before)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("TopChoicePrograms(%v) = %v, %v; want %v", tt.before, got, err, tt.want)
		}
	}
	ups := []struct {
		program string
		before  time.Time
		want    []time.Time
	}{
		{"lakeside", t0.Add(1 * h), nil},
		{"lakeside", t0.Add(3 * h), []time.Time{t0.Add(h)}},
		{"lakeside", t0.Add(10 * h), []time.Time{t0.Add(h), t0.Add(3 * h)}},
		{"riverside", t0.Add(10 * h), nil},
	}
	for _, tt := range ups {
		got, err := s.Updates(tt.program, tt.before)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Updates(%s, %v) = %v, %v; want %v", tt.program, tt.before, got, err, tt.want)
		}
	}
}

func TestInterviewDate(t *testing.T) {
	s := newStore(t)
	if _, ok, err := s.InterviewDate("lakeside"); ok || err != nil {
		t.Fatalf("InterviewDate on an empty store = ok %v, %v; want false, nil", ok, err)
	}
	for _, e := range []Event{
		{At: t0, Program: "lakeside", Direction: DirIn, Type: analyzer.TypeInterviewInvite, MessageID: "<1>", InterviewDate: "2026-12-03"},
		{At: t0.Add(48 * time.Hour), Program: "lakeside", Direction: DirIn, Type: analyzer.TypeInterviewConfirmation, MessageID: "<2>", InterviewDate: "2026-12-04"},
		// Later, but not an invite or confirmation, or without a date: ignored.
		{At: t0.Add(72 * time.Hour), Program: "lakeside", Direction: DirIn, Type: analyzer.TypeProgramUpdate, MessageID: "<3>", InterviewDate: "2026-12-09"},
		{At: t0.Add(73 * time.Hour), Program: "lakeside", Direction: DirIn, Type: analyzer.TypeInterviewInvite, MessageID: "<4>"},
		{At: t0.Add(74 * time.Hour), Program: "riverside", Direction: DirIn, Type: analyzer.TypeInterviewInvite, MessageID: "<5>", InterviewDate: "2027-01-10"},
	} {
		if _, err := s.AddEvent(e); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		program string
		want    string
	}{
		{"lakeside", "2026-12-04"},
		{"riverside", "2027-01-10"},
		{"hilltop", ""},
	}
	for _, tt := range tests {
		got, ok, err := s.InterviewDate(tt.program)
		gotS := ""
		if ok {
			gotS = got.Format(dateLayout)
			if got.Location() != time.UTC || got.Hour() != 0 {
				t.Errorf("InterviewDate(%s) = %v; want 00:00 UTC", tt.program, got)
			}
		}
		if err != nil || gotS != tt.want {
			t.Errorf("InterviewDate(%s) = %q, %v; want %q", tt.program, gotS, err, tt.want)
		}
	}
}

func TestSimilarSends(t *testing.T) {
	s := newStore(t)
	g := newTextGen(1)
	base := g.text(120)
	near := g.edit(base, 4)
	other := g.text(120)
	for _, sn := range []analyzer.Sent{
		send(t0, "riverside", "same", base, analyzer.Facts{}),
		send(t0.Add(time.Hour), "hilltop", "near", near, analyzer.Facts{}),
		send(t0.Add(2*time.Hour), "lakeside", "own program", base, analyzer.Facts{}),
		send(t0.Add(3*time.Hour), "", "no program", base, analyzer.Facts{}),
		send(t0.Add(4*time.Hour), "valley", "unrelated", other, analyzer.Facts{}),
		send(t0.Add(48*time.Hour), "summit", "later", base, analyzer.Facts{}),
	} {
		if _, err := s.RecordSend(sn); err != nil {
			t.Fatal(err)
		}
	}
	sk := analyzer.NewSketch(base)
	nearSk := analyzer.NewSketch(near)
	nearScore := sk.Similarity(&nearSk)
	if nearScore < 0.5 || nearScore == 1 {
		t.Fatalf("test texts: near-duplicate similarity %.2f; want in [0.5, 1)", nearScore)
	}
	day := t0.Add(24 * time.Hour)
	tests := []struct {
		name    string
		sk      analyzer.Sketch
		program string
		min     float64
		before  time.Time
		want    []string // subjects, best first
	}{
		{"best first, own program and non-program excluded", sk, "lakeside", 0.5, day, []string{"same", "near"}},
		{"strictly before", sk, "lakeside", 0.5, t0, nil},
		{"min excludes the near one", sk, "lakeside", 1, day, []string{"same"}},
		{"another program sees lakeside", sk, "riverside", 0.5, day, []string{"own program", "near"}},
		{"later sends count when before is later", sk, "lakeside", 0.9, t0.Add(72 * time.Hour), []string{"same", "later"}},
		{"unrelated text", analyzer.NewSketch(g.text(120)), "lakeside", 0.3, day, nil},
		{"zero sketch", analyzer.Sketch{}, "lakeside", 0, day, nil},
	}
	for _, tt := range tests {
		got, err := s.SimilarSends(tt.sk, tt.program, tt.min, tt.before)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var subs []string
		for i, sim := range got {
			subs = append(subs, sim.Subject)
			if sim.Score < tt.min || (i > 0 && sim.Score > got[i-1].Score) {
				t.Errorf("%s: result %d score %.2f (min %.2f) out of order or below min", tt.name, i, sim.Score, tt.min)
			}
		}
		if !slices.Equal(subs, tt.want) {
			t.Errorf("%s: SimilarSends = %v; want %v", tt.name, subs, tt.want)
		}
	}
	got, _ := s.SimilarSends(sk, "lakeside", 0.5, day)
	if len(got) == 2 && (got[0].Program != "riverside" || got[0].Score != 1 || !got[0].At.Equal(t0) || got[1].Score != nearScore) {
		t.Errorf("SimilarSends fields = %+v; want riverside at %v score 1, then hilltop %.2f", got, t0, nearScore)
	}
}

// TestHistoryQueriesUseIndexes checks the query plans of the History
// queries: no table is scanned; SimilarSends finds candidates through the
// bands primary key, in ranges that leave out the asking program's own
// sends, and looks sends up by id.
func TestHistoryQueriesUseIndexes(t *testing.T) {
	s := newStore(t)
	sk := analyzer.NewSketch(newTextGen(2).text(50))
	tests := []struct {
		name  string
		q     string
		args  []any
		needs []string
	}{
		{"SimilarSends", similarQuery, similarArgs(&sk, "lakeside", t0),
			[]string{"SEARCH bands USING PRIMARY KEY (band=? AND hash=? AND program>?)",
				"SEARCH bands USING PRIMARY KEY (band=? AND hash=? AND program>? AND program<?)",
				"SEARCH s USING INTEGER PRIMARY KEY"}},
		{"TopChoicePrograms", topChoiceQuery, []any{0}, []string{"INDEX sends_top_choice"}},
		{"Updates", updatesQuery, []any{"p", 0}, []string{"INDEX sends_update"}},
		{"InterviewDate", interviewQuery, []any{"p"}, []string{"INDEX events_interview"}},
	}
	for _, tt := range tests {
		rows, err := s.db.Query("EXPLAIN QUERY PLAN "+tt.q, tt.args...)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		joined := strings.Join(plan, "\n")
		for _, d := range plan {
			// Scanning the partial index of top-choice sends is fine: it
			// holds only those (about one a season), not all sends.
			if strings.HasPrefix(d, "SCAN") && !strings.Contains(d, "VALUES CLAUSE") &&
				d != "SCAN sends USING COVERING INDEX sends_top_choice" {
				t.Errorf("%s: query plan scans a table:\n%s", tt.name, joined)
			}
		}
		for _, n := range tt.needs {
			if !strings.Contains(joined, n) {
				t.Errorf("%s: query plan lacks %q:\n%s", tt.name, n, joined)
			}
		}
	}
}

func TestConcurrentRecording(t *testing.T) {
	s, err := Open(t.TempDir() + "/c.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const workers, each = 6, 25
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g := newTextGen(uint64(w))
			for i := range each {
				at := t0.Add(time.Duration(w*each+i) * time.Second)
				prog := fmt.Sprintf("p%d", w)
				if _, err := s.RecordSend(send(at, prog, "s", g.text(40), analyzer.Facts{Update: i%2 == 0})); err != nil {
					errs <- err
				}
				if _, err := s.AddEvent(Event{At: at, Program: prog, Direction: DirIn, Type: "other", MessageID: fmt.Sprintf("<%d-%d>", w, i)}); err != nil {
					errs <- err
				}
				if _, err := s.Updates(prog, at.Add(time.Hour)); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	var n int
	s.db.QueryRow(`SELECT COUNT(*) FROM sends`).Scan(&n)
	if n != workers*each {
		t.Errorf("sends = %d; want %d", n, workers*each)
	}
	evs, _ := s.Events(Filter{Direction: DirIn})
	if len(evs) != workers*each {
		t.Errorf("in events = %d; want %d", len(evs), workers*each)
	}
}

// TestTwoStoresOnOneFile is the server and a CLI command sharing the
// database: writes from both wait for each other instead of failing.
func TestTwoStoresOnOneFile(t *testing.T) {
	path := t.TempDir() + "/shared.db"
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var wg sync.WaitGroup
	for w, s := range []*Store{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g := newTextGen(uint64(w + 100))
			for i := range 20 {
				at := t0.Add(time.Duration(w*100+i) * time.Second)
				if _, err := s.RecordSend(send(at, fmt.Sprintf("p%d", w), "s", g.text(30), analyzer.Facts{})); err != nil {
					t.Error(err)
					return
				}
				r := heldReview(fmt.Sprintf("fp%d-%d", w, i))
				if _, err := s.AddReview(r); err != nil {
					t.Error(err)
					return
				}
				if err := s.Approve(r.ID); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	var n int
	b.db.QueryRow(`SELECT COUNT(*) FROM sends`).Scan(&n)
	if n != 80 {
		t.Errorf("sends seen by the second store = %d; want 80", n)
	}
	if got, _ := a.Reviews(StatusApproved); len(got) != 80 {
		t.Errorf("approved reviews seen by the first store = %d; want 80", len(got))
	}
}

// TestBandsMigrationKeepsLookups opens a ledger written before bands
// carried the program (schema 1): after the migration, its sends are found
// for other programs and not for their own.
func TestBandsMigrationKeepsLookups(t *testing.T) {
	path := t.TempDir() + "/old.db"
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	init, err := fs.ReadFile(migrationFS, "migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(db, fstest.MapFS{"migrations/0001_init.sql": {Data: init}}); err != nil {
		t.Fatal(err)
	}
	text := newTextGen(5).text(120)
	sk := analyzer.NewSketch(text)
	blob, _ := sk.MarshalBinary()
	for i, p := range []string{"riverside", "lakeside"} {
		res, err := db.Exec(`INSERT INTO sends (at, program, subject, sketch) VALUES (?, ?, ?, ?)`, toDB(t0.Add(time.Duration(i)*time.Hour)), p, "to "+p, blob)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := res.LastInsertId()
		for b, h := range sk.Bands() {
			if _, err := db.Exec(`INSERT INTO bands (band, hash, send_id) VALUES (?, ?, ?)`, b, int64(h), id); err != nil {
				t.Fatal(err)
			}
		}
	}
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open after schema 1: %v", err)
	}
	defer s.Close()
	for _, tc := range []struct{ asking, want string }{{"lakeside", "to riverside"}, {"riverside", "to lakeside"}, {"hilltop", "to lakeside,to riverside"}} {
		got, err := s.SimilarSends(sk, tc.asking, 0.5, t0.Add(24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		var subs []string
		for _, g := range got {
			subs = append(subs, g.Subject)
		}
		slices.Sort(subs)
		if strings.Join(subs, ",") != tc.want {
			t.Errorf("%s asks: %v; want %s", tc.asking, subs, tc.want)
		}
	}
}
