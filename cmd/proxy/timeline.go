package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/matchguard/matchguard/analyzer"
	"github.com/matchguard/matchguard/config"
	"github.com/matchguard/matchguard/timeline"
)

// runTimeline prints every program event: a readable per-program view, one
// JSON object a line (--json), or an iCalendar of the scheduled items
// (--ics).
func runTimeline(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("timeline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("config", "", "config file (default $XDG_CONFIG_HOME/matchguard/config.toml)")
	dbPath := fs.String("db", "", "timeline database (default <data dir>/matchguard.db)")
	program := fs.String("program", "", "only this program (its key)")
	asJSON := fs.Bool("json", false, "one JSON object a line, in time order")
	asICS := fs.Bool("ics", false, "an RFC 5545 calendar of interviews, thank-you notes and rank deadlines")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "matchguard timeline: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *asJSON && *asICS {
		fmt.Fprintln(stderr, "matchguard timeline: choose one of --json and --ics")
		return 2
	}
	cfg, err := config.LoadDefault(*cfgPath)
	if errors.Is(err, config.ErrNotFound) {
		cfg, err = config.Default(), nil
	}
	if err != nil {
		fmt.Fprintf(stderr, "matchguard timeline: %v\n", err)
		return 2
	}
	if *program != "" && cfg.Program(*program) == nil {
		var keys []string
		for _, p := range cfg.Programs {
			keys = append(keys, p.Key)
		}
		known := "none are configured"
		if len(keys) > 0 {
			known = "known: " + strings.Join(keys, ", ")
		}
		fmt.Fprintf(stderr, "matchguard timeline: no program %q in the config (%s)\n", *program, known)
		return 2
	}
	st, ok := openStore("timeline", cfg, *dbPath, stderr)
	if !ok {
		return 1
	}
	defer st.Close()
	events, err := st.Timeline(cfg, timeline.Filter{Program: *program})
	if err != nil {
		fmt.Fprintf(stderr, "matchguard timeline: %v\n", err)
		return 1
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	switch {
	case *asICS:
		err = timeline.WriteICS(out, events, time.Now())
	case *asJSON:
		err = writeTimelineJSON(out, events)
	default:
		writeTimelineText(out, cfg, events, time.Now())
	}
	if err != nil {
		fmt.Fprintf(stderr, "matchguard timeline: %v\n", err)
		return 1
	}
	return 0
}

// timelineLine is one line of timeline --json (SPEC.md).
type timelineLine struct {
	At            string  `json:"at"`
	Program       *string `json:"program"`
	Direction     string  `json:"direction"`
	Type          string  `json:"type"`
	Subject       string  `json:"subject"`
	MessageID     *string `json:"message_id"`
	InterviewDate string  `json:"interview_date,omitempty"`
	Detail        string  `json:"detail,omitempty"`
}

func writeTimelineJSON(w io.Writer, events []timeline.Event) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, e := range events {
		l := timelineLine{
			At:            e.At.UTC().Format(time.RFC3339),
			Direction:     e.Direction,
			Type:          e.Type,
			Subject:       e.Subject,
			InterviewDate: e.InterviewDate,
			Detail:        e.Detail,
		}
		if e.Program != "" {
			l.Program = &e.Program
		}
		if e.MessageID != "" {
			l.MessageID = &e.MessageID
		}
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	return nil
}

// writeTimelineText prints one block per program (in config order, then
// mail from programs no longer configured), each event on a line; alerts
// are marked and carry their checklist.
func writeTimelineText(w io.Writer, cfg *config.Config, events []timeline.Event, now time.Time) {
	if len(events) == 0 {
		fmt.Fprintln(w, "The timeline is empty: no program mail recorded and no interview or deadline in the config.")
		fmt.Fprintln(w, "Run 'matchguard watch --once' to read your inbox, or add interview and rank_deadline dates to the config.")
		return
	}
	byProgram := map[string][]timeline.Event{}
	for _, e := range events {
		byProgram[e.Program] = append(byProgram[e.Program], e)
	}
	var order []string
	for _, p := range cfg.Programs {
		if len(byProgram[p.Key]) > 0 {
			order = append(order, p.Key)
		}
	}
	var rest []string
	for k := range byProgram {
		if cfg.Program(k) == nil {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest) // "" (no program) sorts first of the rest; move it last
	if len(rest) > 0 && rest[0] == "" {
		rest = append(rest[1:], "")
	}
	order = append(order, rest...)

	for i, key := range order {
		if i > 0 {
			fmt.Fprintln(w)
		}
		switch p := cfg.Program(key); {
		case p != nil:
			fmt.Fprintf(w, "%s  [%s]\n", p.Label(), key)
		case key == "":
			fmt.Fprintln(w, "Not tied to a program")
		default:
			fmt.Fprintf(w, "%s  (not in the config)\n", key)
		}
		for _, e := range byProgram[key] {
			writeEventLine(w, e, now)
		}
	}
}

func writeEventLine(w io.Writer, e timeline.Event, now time.Time) {
	mark := " "
	if e.Direction == timeline.DirIn && analyzer.IsAlert(e.Type) {
		mark = "!"
	}
	var when string
	if e.Direction == timeline.DirDue {
		when = e.At.UTC().Format("2006-01-02") + "      "
	} else {
		when = e.At.Local().Format("2006-01-02 15:04")
	}
	what := e.Subject
	if what == "" {
		what = "(no subject)"
	}
	if e.Direction == timeline.DirIn && e.InterviewDate != "" && !strings.Contains(what, e.InterviewDate) {
		what += "  (interview " + e.InterviewDate + ")"
	}
	if e.Direction == timeline.DirDue {
		what += dueHint(e.At, now)
	}
	fmt.Fprintf(w, " %s %s  %-4s %-24s %s\n", mark, when, e.Direction, e.Type, what)
	if mark == "!" && e.Detail != "" {
		for _, l := range wrapWords(e.Detail, 76) {
			fmt.Fprintf(w, "        %s\n", l)
		}
	}
}

// dueHint says how far a scheduled day is from today.
func dueHint(at, now time.Time) string {
	day := func(t time.Time) time.Time {
		y, m, d := t.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	n := int(day(at.UTC()).Sub(day(now.Local())).Hours() / 24)
	switch {
	case n == 0:
		return "  — today"
	case n == 1:
		return "  — tomorrow"
	case n > 1 && n <= 60:
		return fmt.Sprintf("  — in %d days", n)
	case n < 0:
		return "  — past"
	}
	return ""
}

func wrapWords(s string, width int) []string {
	var lines []string
	var cur strings.Builder
	for _, word := range strings.Fields(s) {
		if cur.Len() > 0 && cur.Len()+1+len(word) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(word)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
