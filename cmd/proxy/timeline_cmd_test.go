package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/matchguard/matchguard/config"
	"github.com/matchguard/matchguard/timeline"
)

func TestTimelineJSONLines(t *testing.T) {
	at := time.Date(2026, 11, 20, 15, 2, 0, 0, time.FixedZone("EST", -5*3600))
	evs := []timeline.Event{
		{At: at, Program: "lakeside", Direction: "in", Type: "interview-invite", Subject: "Interview", MessageID: "<a@x>"},
		{At: at.Add(time.Hour), Program: "lakeside", Direction: "due", Type: "rank-deadline", Subject: "Rank"},
	}
	var b bytes.Buffer
	if err := writeTimelineJSON(&b, evs); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2:\n%s", len(lines), b.String())
	}
	want := `{"at":"2026-11-20T20:02:00Z","program":"lakeside","direction":"in","type":"interview-invite","subject":"Interview","message_id":"<a@x>"}`
	if lines[0] != want {
		t.Errorf("line 1:\n got %s\nwant %s", lines[0], want)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(lines[1]), &m); err != nil {
		t.Fatal(err)
	}
	if m["message_id"] != nil || m["direction"] != "due" {
		t.Errorf("due line = %s, want message_id null", lines[1])
	}
}

func TestTimelineTextGroupsByProgram(t *testing.T) {
	cfg := &config.Config{Programs: []config.Program{
		{Key: "b", Name: "Fellowship B"}, {Key: "a", Name: "Fellowship A"},
	}}
	now := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	evs := []timeline.Event{
		{At: now, Program: "a", Direction: "in", Type: "rank-solicitation", Subject: "How will you rank us?", Detail: "Checklist here."},
		{At: now.AddDate(0, 0, 2), Program: "b", Direction: "due", Type: "rank-deadline", Subject: "Rank order list deadline"},
	}
	var b bytes.Buffer
	writeTimelineText(&b, cfg, evs, now)
	out := b.String()
	if strings.Index(out, "Fellowship B") > strings.Index(out, "Fellowship A") {
		t.Errorf("programs not in config order:\n%s", out)
	}
	for _, want := range []string{" ! ", "Checklist here.", "in 2 days"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
