package timeline

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/matchguard/matchguard/analyzer"
	"github.com/matchguard/matchguard/config"
)

func TestAddEventDedupes(t *testing.T) {
	s := newStore(t)
	tests := []struct {
		name    string
		e       Event
		added   bool
		wantErr bool
	}{
		{"new", Event{At: t0, Direction: DirIn, Type: "waitlist", MessageID: "<m1@x>"}, true, false},
		{"re-scan of the same message", Event{At: t0.Add(time.Hour), Direction: DirIn, Type: "other", MessageID: "<m1@x>"}, false, false},
		{"same id, other direction", Event{At: t0, Direction: DirOut, Type: "pass", MessageID: "<m1@x>"}, true, false},
		{"no id is never a duplicate", Event{At: t0, Direction: DirIn, Type: "other"}, true, false},
		{"no id again", Event{At: t0, Direction: DirIn, Type: "other"}, true, false},
		{"no time", Event{Direction: DirIn, Type: "other"}, false, true},
		{"bad direction", Event{At: t0, Direction: "sideways", Type: "other"}, false, true},
		{"no type", Event{At: t0, Direction: DirIn}, false, true},
		{"bad interview date", Event{At: t0, Direction: DirIn, Type: "interview-invite", InterviewDate: "3 Dec"}, false, true},
	}
	for _, tt := range tests {
		added, err := s.AddEvent(tt.e)
		if added != tt.added || (err != nil) != tt.wantErr {
			t.Errorf("%s: AddEvent = %v, %v; want %v, error %v", tt.name, added, err, tt.added, tt.wantErr)
		}
	}
	for _, tt := range []struct {
		id   string
		want bool
	}{{"<m1@x>", true}, {"<m2@x>", false}, {"", false}} {
		if got, err := s.SeenMessage(tt.id); got != tt.want || err != nil {
			t.Errorf("SeenMessage(%q) = %v, %v; want %v", tt.id, got, err, tt.want)
		}
	}
	// SeenMessage counts only received mail.
	s.AddEvent(Event{At: t0, Direction: DirOut, Type: "pass", MessageID: "<out-only@x>"})
	if got, _ := s.SeenMessage("<out-only@x>"); got {
		t.Errorf("SeenMessage of a sent-only id = true; want false")
	}
}

func TestEventsFilter(t *testing.T) {
	s := newStore(t)
	h := time.Hour
	in := []Event{
		{At: t0.Add(2 * h), Program: "lakeside", Direction: DirIn, Type: "interview-invite", Subject: "Invite", MessageID: "<a>", From: "hpark@lakeside-med.org", InterviewDate: "2026-12-03", Detail: "d"},
		{At: t0, Program: "riverside", Direction: DirOut, Type: "pass", Subject: "Hello", MessageID: "<b>"},
		{At: t0.Add(h), Program: "lakeside", Direction: DirOut, Type: "warn", Subject: "Update", MessageID: "<c>"},
		{At: t0.Add(h), Program: "lakeside", Direction: DirIn, Type: "waitlist", Subject: "Tie at same time", MessageID: "<d>"},
		{At: t0.Add(3 * h).In(time.FixedZone("X", 3600)), Program: "", Direction: DirIn, Type: "other", Subject: "Newsletter", MessageID: "<e>"},
	}
	for _, e := range in {
		if _, err := s.AddEvent(e); err != nil {
			t.Fatal(err)
		}
	}
	subjects := func(evs []Event) string {
		var out []string
		for _, e := range evs {
			out = append(out, e.Subject)
		}
		return strings.Join(out, ",")
	}
	tests := []struct {
		name string
		f    Filter
		want string
	}{
		{"all, in time order, ties in storage order", Filter{}, "Hello,Update,Tie at same time,Invite,Newsletter"},
		{"program", Filter{Program: "lakeside"}, "Update,Tie at same time,Invite"},
		{"type", Filter{Type: "pass"}, "Hello"},
		{"direction", Filter{Direction: DirIn}, "Tie at same time,Invite,Newsletter"},
		{"since inclusive", Filter{Since: t0.Add(h)}, "Update,Tie at same time,Invite,Newsletter"},
		{"until exclusive", Filter{Until: t0.Add(h)}, "Hello"},
		{"limit keeps the latest", Filter{Limit: 2}, "Invite,Newsletter"},
		{"combined", Filter{Program: "lakeside", Direction: DirOut, Since: t0, Until: t0.Add(5 * h)}, "Update"},
	}
	for _, tt := range tests {
		got, err := s.Events(tt.f)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if g := subjects(got); g != tt.want {
			t.Errorf("%s: Events(%+v) = %s; want %s", tt.name, tt.f, g, tt.want)
		}
	}
	all, _ := s.Events(Filter{Program: "lakeside", Type: "interview-invite"})
	want := in[0]
	if len(all) != 1 {
		t.Fatalf("got %d events; want 1", len(all))
	}
	got := all[0]
	if got.ID == 0 {
		t.Errorf("stored event has ID 0")
	}
	got.ID = 0
	if got != want {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
	if e, _ := s.Events(Filter{Type: "other"}); len(e) != 1 || e[0].At.Location() != time.UTC {
		t.Errorf("event times come back in UTC; got %v", e)
	}
}

func testConfig() *config.Config {
	return &config.Config{
		Season:  config.Season{RankDeadline: config.Date{Year: 2027, Month: 3, Day: 3}},
		Matches: map[string]config.Match{"amia": {Name: "AMIA Clinical Informatics", RankDeadline: config.Date{Year: 2026, Month: 12, Day: 3}}},
		Programs: []config.Program{
			{Key: "lakeside", Name: "Clinical Informatics Fellowship", Institution: "Lakeside", Interview: config.Date{Year: 2026, Month: 11, Day: 12}, Match: "amia"},
			{Key: "riverside", Name: "Internal Medicine", Institution: "Riverside"},
			{Key: "hilltop", Institution: "Hilltop"},
		},
	}
}

func TestTimelineMergesDueItems(t *testing.T) {
	s := newStore(t)
	cfg := testConfig()
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, e := range []Event{
		// An invite fixes riverside's interview; lakeside's config date wins over its invite.
		{At: day(2026, 11, 1).Add(9 * time.Hour), Program: "riverside", Direction: DirIn, Type: analyzer.TypeInterviewInvite, MessageID: "<r>", InterviewDate: "2026-12-10", Subject: "Riverside invite"},
		{At: day(2026, 11, 2), Program: "lakeside", Direction: DirIn, Type: analyzer.TypeInterviewInvite, MessageID: "<l>", InterviewDate: "2026-11-30", Subject: "Lakeside invite"},
		{At: day(2026, 11, 12), Program: "lakeside", Direction: DirOut, Type: "pass", MessageID: "<o>", Subject: "Same day as the interview"},
	} {
		if _, err := s.AddEvent(e); err != nil {
			t.Fatal(err)
		}
	}
	type row struct {
		at            time.Time
		program, typ  string
		interviewDate string
	}
	all := []row{
		{day(2026, 11, 1).Add(9 * time.Hour), "riverside", "interview-invite", "2026-12-10"},
		{day(2026, 11, 2), "lakeside", "interview-invite", "2026-11-30"},
		{day(2026, 11, 12), "lakeside", "pass", ""},                // stored first on ties
		{day(2026, 11, 12), "lakeside", "interview", "2026-11-12"}, // config date
		{day(2026, 11, 16), "lakeside", "thank-you-due", "2026-11-12"},
		{day(2026, 12, 3), "lakeside", "rank-deadline", ""}, // the AMIA match's
		{day(2026, 12, 10), "riverside", "interview", "2026-12-10"},
		{day(2026, 12, 14), "riverside", "thank-you-due", "2026-12-10"},
		{day(2027, 3, 3), "riverside", "rank-deadline", ""}, // config order on ties
		{day(2027, 3, 3), "hilltop", "rank-deadline", ""},
	}
	tests := []struct {
		name string
		f    Filter
		want []row
	}{
		{"everything", Filter{}, all},
		{"program", Filter{Program: "riverside"}, []row{all[0], all[6], all[7], all[8]}},
		{"due only", Filter{Direction: DirDue, Until: day(2026, 12, 4)}, []row{all[3], all[4], all[5]}},
		{"type", Filter{Type: "rank-deadline"}, []row{all[5], all[8], all[9]}},
		{"limit", Filter{Limit: 2}, all[8:]},
	}
	for _, tt := range tests {
		got, err := s.Timeline(cfg, tt.f)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var rows []row
		for _, e := range got {
			rows = append(rows, row{e.At, e.Program, e.Type, e.InterviewDate})
		}
		if len(rows) != len(tt.want) {
			t.Errorf("%s: got %d events; want %d:\n got %v\nwant %v", tt.name, len(rows), len(tt.want), rows, tt.want)
			continue
		}
		for i := range rows {
			if !rows[i].at.Equal(tt.want[i].at) || rows[i].program != tt.want[i].program || rows[i].typ != tt.want[i].typ || rows[i].interviewDate != tt.want[i].interviewDate {
				t.Errorf("%s: event %d = %v; want %v", tt.name, i, rows[i], tt.want[i])
			}
		}
	}
	got, _ := s.Timeline(cfg, Filter{Type: "rank-deadline", Program: "lakeside"})
	if len(got) != 1 || got[0].Direction != DirDue || !strings.Contains(got[0].Detail, "AMIA") || !strings.Contains(got[0].Subject, "Lakeside") {
		t.Errorf("lakeside rank-deadline = %+v; want a due event naming the AMIA match", got)
	}
	if got, err := s.Timeline(nil, Filter{}); err != nil || len(got) != 3 {
		t.Errorf("Timeline(nil config) = %d events, %v; want the 3 stored", len(got), err)
	}
}

func TestEventJSONIsTheTimelineLine(t *testing.T) {
	e := Event{ID: 9, At: time.Date(2026, 11, 20, 15, 2, 0, 0, time.UTC), Program: "lakeside", Direction: DirIn,
		Type: "interview-invite", Subject: "Interview", MessageID: "<a@b>"}
	// As the CLI writes it: without HTML escaping, so <...> stays readable.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		t.Fatal(err)
	}
	b := bytes.TrimSpace(buf.Bytes())
	want := `{"at":"2026-11-20T15:02:00Z","program":"lakeside","direction":"in","type":"interview-invite","subject":"Interview","message_id":"<a@b>"}`
	if string(b) != want {
		t.Errorf("json.Marshal(event) =\n %s\nwant\n %s", b, want)
	}
}

func TestRecordSendWithoutVerdictLogsPass(t *testing.T) {
	s := newStore(t)
	sn := send(t0, "lakeside", "x", "", analyzer.Facts{})
	sn.Verdict = ""
	if _, err := s.RecordSend(sn); err != nil {
		t.Fatal(err)
	}
	evs, _ := s.Events(Filter{Direction: DirOut})
	if len(evs) != 1 || evs[0].Type != "pass" {
		t.Errorf("out events = %+v; want one of type pass", evs)
	}
}

func TestAddEventsBatch(t *testing.T) {
	s, err := Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	evs := []Event{
		{At: at, Program: "lakeside", Direction: DirIn, Type: "interview-invite", MessageID: "<a@x>"},
		{At: at, Program: "lakeside", Direction: DirIn, Type: "interview-invite", MessageID: "<a@x>"},
		{At: at, Program: "northgate", Direction: DirIn, Type: "waitlist", MessageID: "<b@x>"},
	}
	added, err := s.AddEvents(evs)
	if err != nil {
		t.Fatal(err)
	}
	if want := []bool{true, false, true}; len(added) != 3 || added[0] != want[0] || added[1] != want[1] || added[2] != want[2] {
		t.Errorf("added = %v, want %v", added, want)
	}
	// A bad event rolls the whole batch back.
	if _, err := s.AddEvents([]Event{{At: at, Direction: DirIn, Type: "x", MessageID: "<c@x>"}, {Direction: DirIn, Type: "x"}}); err == nil {
		t.Fatal("batch with an event without a time: no error")
	}
	got, _ := s.Events(Filter{})
	if len(got) != 2 {
		t.Errorf("after a failed batch: %d events, want 2", len(got))
	}
}
