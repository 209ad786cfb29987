package timeline

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/matchguard/matchguard/analyzer"
)

func heldReview(fp string) *Review {
	own := "I will rank you first if you rank me to match."
	return &Review{
		At:      t0,
		From:    "amina@example.org",
		To:      []string{"hpark@lakeside-med.org", "coord@lakeside-med.org"},
		Subject: "Following up",
		Program: "lakeside",
		Verdict: "hold",
		Findings: []analyzer.Finding{
			{Rule: "binding-commitment", Action: analyzer.Hold, Message: "m", Excerpt: "I will rank you first", Suggestion: "s", Field: "body", Start: 0, End: 21},
			{Rule: "binding-commitment", Action: analyzer.Hold, Message: "m2", Excerpt: "rank me", Field: "body", Start: 29, End: 36},
		},
		Own:         own,
		Raw:         []byte("Subject: Following up\r\n\r\n" + own + "\r\n"),
		Fingerprint: fp,
	}
}

func TestAddReviewRoundTrip(t *testing.T) {
	s := newStore(t)
	in := heldReview("fp1")
	id, err := s.AddReview(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(id) < 10 || strings.Trim(id, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") != "" || in.ID != id {
		t.Errorf("id = %q (r.ID %q); want 10+ base62 characters, set in r", id, in.ID)
	}
	if in.Status != StatusHeld || !reflect.DeepEqual(in.Rules, []string{"binding-commitment"}) {
		t.Errorf("defaults: status %q rules %v; want held, [binding-commitment]", in.Status, in.Rules)
	}
	got, err := s.Review(id)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, in) {
		t.Errorf("Review(%s):\n got %+v\nwant %+v", id, got, in)
	}
	if f := got.Findings[1]; got.Own[f.Start:f.End] != f.Excerpt {
		t.Errorf("finding offsets lost: Own[%d:%d] = %q; want %q", f.Start, f.End, got.Own[f.Start:f.End], f.Excerpt)
	}
	if _, err := s.Review("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Review(unknown) error = %v; want ErrNotFound", err)
	}
}

func TestAddReviewStatus(t *testing.T) {
	s := newStore(t)
	tests := []struct {
		status, verdict string
		want            string
		wantErr         bool
	}{
		{"", "hold", StatusHeld, false},
		{"", "block", StatusBlocked, false},
		{"", "warn", StatusSent, false}, // warn sends are shown as sent, with their rules
		{"", "", "", true},
		{"warned", "warn", "", true},
		{StatusSent, "warn", StatusSent, false},
	}
	for _, tt := range tests {
		r := &Review{Status: tt.status, Verdict: tt.verdict}
		_, err := s.AddReview(r)
		if (err != nil) != tt.wantErr || (err == nil && r.Status != tt.want) {
			t.Errorf("AddReview(status %q, verdict %q) = status %q, err %v; want %q, error %v", tt.status, tt.verdict, r.Status, err, tt.want, tt.wantErr)
		}
		if err == nil && (r.At.IsZero() || r.At.Location() != time.UTC) {
			t.Errorf("AddReview without a time: At = %v; want now in UTC", r.At)
		}
	}
	ids := map[string]bool{}
	for range 200 {
		id, err := newID()
		if err != nil || len(id) != IDLength || ids[id] {
			t.Fatalf("newID() = %q, %v: want %d fresh characters", id, err, IDLength)
		}
		ids[id] = true
	}
}

func TestReviewDecisions(t *testing.T) {
	s := newStore(t)
	now := t0.Add(time.Hour)
	s.now = func() time.Time { return now }
	add := func(verdict string) string {
		r := heldReview("fp-" + verdict)
		r.Verdict = verdict
		id, err := s.AddReview(r)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	tests := []struct {
		name    string
		verdict string // of the fresh item
		setup   func(id string) error
		do      func(id string) error
		want    string // status after; "" when do must fail
		errHas  string
	}{
		{"approve held", "hold", nil, s.Approve, StatusApproved, ""},
		{"approve blocked", "block", nil, s.Approve, "", "only overridden"},
		{"approve approved", "hold", s.Approve, s.Approve, "", "approved already"},
		{"approve sent", "warn", nil, s.Approve, "", "sent already"},
		{"approve dropped", "hold", s.Drop, s.Approve, "", "only a held"},
		{"override blocked", "block", nil, func(id string) error { return s.Override(id, "  The program asked me to confirm.  ") }, StatusOverridden, ""},
		{"override without reason", "block", nil, func(id string) error { return s.Override(id, "") }, "", "at least 10"},
		{"override short reason", "block", nil, func(id string) error { return s.Override(id, "  because  ") }, "", "at least 10"},
		{"override held", "hold", nil, func(id string) error { return s.Override(id, "a long enough reason") }, "", "approved, not overridden"},
		{"drop held", "hold", nil, s.Drop, StatusDropped, ""},
		{"drop blocked", "block", nil, s.Drop, StatusDropped, ""},
		{"drop approved", "hold", s.Approve, s.Drop, StatusDropped, ""},
		{"drop overridden", "block", func(id string) error { return s.Override(id, "a long enough reason") }, s.Drop, StatusDropped, ""},
		{"drop sent", "warn", nil, s.Drop, "", "sent already"},
		{"drop dropped", "hold", s.Drop, s.Drop, "", "dropped already"},
	}
	for _, tt := range tests {
		id := add(tt.verdict)
		if tt.setup != nil {
			if err := tt.setup(id); err != nil {
				t.Fatalf("%s: setup: %v", tt.name, err)
			}
		}
		before, _ := s.Review(id)
		err := tt.do(id)
		got, _ := s.Review(id)
		if tt.want == "" {
			if err == nil || !strings.Contains(err.Error(), tt.errHas) {
				t.Errorf("%s: err = %v; want one containing %q", tt.name, err, tt.errHas)
			}
			if got.Status != before.Status {
				t.Errorf("%s: status changed to %s on failure", tt.name, got.Status)
			}
			continue
		}
		if err != nil || got.Status != tt.want || !got.DecidedAt.Equal(now) {
			t.Errorf("%s: err %v, status %s, decided %v; want %s at %v", tt.name, err, got.Status, got.DecidedAt, tt.want, now)
		}
	}
	id := add("block")
	s.Override(id, "  The program asked me to confirm.  ")
	if got, _ := s.Review(id); got.Why != "The program asked me to confirm." {
		t.Errorf("recorded why = %q; want the trimmed justification", got.Why)
	}
	for _, do := range []func(string) error{s.Approve, s.Drop, func(id string) error { return s.Override(id, "a long enough reason") }} {
		if err := do("unknown"); !errors.Is(err, ErrNotFound) {
			t.Errorf("decision on an unknown id: %v; want ErrNotFound", err)
		}
	}
	if err := s.Approve(add("block")); !errors.Is(err, ErrWrongStatus) {
		t.Errorf("approve blocked: %v; want ErrWrongStatus", err)
	}
}

func TestReviewsNewestFirst(t *testing.T) {
	s := newStore(t)
	var ids []string
	for i, v := range []string{"hold", "block", "warn", "hold"} {
		r := heldReview("fp")
		r.Verdict, r.At = v, t0.Add(time.Duration(i)*time.Minute)
		id, err := s.AddReview(r)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	tests := []struct {
		status []string
		want   []string
	}{
		{nil, []string{ids[3], ids[2], ids[1], ids[0]}},
		{[]string{StatusHeld}, []string{ids[3], ids[0]}},
		{[]string{StatusBlocked, StatusSent}, []string{ids[2], ids[1]}},
		{[]string{StatusDropped}, nil},
	}
	for _, tt := range tests {
		got, err := s.Reviews(tt.status...)
		if err != nil {
			t.Fatal(err)
		}
		var gotIDs []string
		for _, r := range got {
			gotIDs = append(gotIDs, r.ID)
			if r.Raw != nil || len(r.Findings) != 2 || r.Own == "" {
				t.Errorf("Reviews: item %s has Raw %d bytes, %d findings; want Raw nil, findings kept", r.ID, len(r.Raw), len(r.Findings))
			}
		}
		if !reflect.DeepEqual(gotIDs, tt.want) {
			t.Errorf("Reviews(%v) = %v; want %v", tt.status, gotIDs, tt.want)
		}
	}
}

func TestTakeApproval(t *testing.T) {
	s := newStore(t)
	if r, err := s.TakeApproval("fp"); r != nil || err != nil {
		t.Fatalf("TakeApproval with nothing approved = %v, %v; want nil, nil", r, err)
	}
	held := heldReview("fp")
	s.AddReview(held)
	if r, _ := s.TakeApproval("fp"); r != nil {
		t.Fatalf("TakeApproval of a held (unapproved) item = %+v; want nil", r)
	}
	blocked := heldReview("fp")
	blocked.Verdict = "block"
	s.AddReview(blocked)
	s.Approve(held.ID)
	s.Override(blocked.ID, "they asked me directly")

	got1, err := s.TakeApproval("fp")
	if err != nil || got1 == nil || got1.ID != held.ID || got1.Status != StatusSent || got1.SentAt.IsZero() || len(got1.Raw) == 0 {
		t.Fatalf("first TakeApproval = %+v, %v; want the approved held item, now sent, with Raw", got1, err)
	}
	got2, _ := s.TakeApproval("fp")
	if got2 == nil || got2.ID != blocked.ID || got2.Why != "they asked me directly" {
		t.Fatalf("second TakeApproval = %+v; want the overridden item", got2)
	}
	if r, _ := s.TakeApproval("fp"); r != nil {
		t.Errorf("third TakeApproval = %+v; want nil: each approval lets one send through", r)
	}
	if r, _ := s.TakeApproval(""); r != nil {
		t.Errorf("TakeApproval(\"\") = %+v; want nil", r)
	}
}

func TestTakeApprovalRaceLetsOneThrough(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "race.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := heldReview("same")
	s.AddReview(r)
	s.Approve(r.ID)
	var (
		wg  sync.WaitGroup
		mu  sync.Mutex
		won int
	)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := s.TakeApproval("same")
			if err != nil {
				t.Error(err)
			}
			if got != nil {
				mu.Lock()
				won++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if won != 1 {
		t.Errorf("%d concurrent TakeApproval calls succeeded; want exactly 1", won)
	}
}

func TestApprovalSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "matchguard.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	r := heldReview("fp-reopen")
	id, err := s.AddReview(r)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Approve(id); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Review(id)
	if err != nil || got.Status != StatusApproved || !reflect.DeepEqual(got.Raw, r.Raw) {
		t.Fatalf("after re-open: %+v, %v; want the approved item with its message", got, err)
	}
	taken, err := s.TakeApproval("fp-reopen")
	if err != nil || taken == nil || taken.ID != id {
		t.Fatalf("TakeApproval after re-open = %+v, %v; want %s", taken, err, id)
	}
	s.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, _ := s.Review(id); got.Status != StatusSent {
		t.Errorf("status after take and re-open = %s; want sent", got.Status)
	}
	if again, _ := s.TakeApproval("fp-reopen"); again != nil {
		t.Errorf("a used approval came back after re-open: %+v", again)
	}
}

func TestReviewJSONIsTheListLine(t *testing.T) {
	r := heldReview("fp")
	r.ID, r.Status, r.Rules = "h7Kq2abcdEFG", StatusHeld, []string{"binding-commitment"}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"h7Kq2abcdEFG","status":"held","at":"2026-11-20T15:00:00Z","from":"amina@example.org",` +
		`"to":["hpark@lakeside-med.org","coord@lakeside-med.org"],"subject":"Following up","program":"lakeside",` +
		`"verdict":"hold","rules":["binding-commitment"]}`
	if string(b) != want {
		t.Errorf("json.Marshal(review) =\n %s\nwant\n %s", b, want)
	}
}
