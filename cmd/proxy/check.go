package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/matchguard/matchguard/analyzer"
	"github.com/matchguard/matchguard/config"
	"github.com/matchguard/matchguard/timeline"
)

// checkOutput is one line of `check --json` (SPEC.md).
type checkOutput struct {
	File     string             `json:"file"`
	Verdict  analyzer.Verdict   `json:"verdict"`
	Program  *string            `json:"program"`
	Findings []analyzer.Finding `json:"findings"`
	Error    string             `json:"error,omitempty"`
}

// runCheck analyzes drafts. Exit status: 0 all pass or warn, 1 any hold or
// block, 2 bad usage or unreadable input.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("config", "", "config file (default $XDG_CONFIG_HOME/matchguard/config.toml)")
	dbPath := fs.String("db", "", "the store holding the ledger of sent mail (default: the data directory's, when it exists)")
	record := fs.Bool("record", false, "record each message that passes or warns in the ledger as sent")
	asJSON := fs.Bool("json", false, "print one JSON object a line")
	now := fs.String("now", "", "judge messages without a Date at this RFC 3339 time (default: now)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: matchguard check [--config F] [--db F] [--record] [--json] FILE... (- for stdin)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	fallback := time.Now()
	if *now != "" {
		t, err := time.Parse(time.RFC3339, *now)
		if err != nil {
			fmt.Fprintf(stderr, "matchguard check: --now %q: want an RFC 3339 time like 2026-11-26T14:03:00Z\n", *now)
			return 2
		}
		fallback = t
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		fmt.Fprintf(stderr, "matchguard check: %v\n", err)
		return 2
	}
	eng, err := analyzer.NewEngine(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "matchguard check: %v\n", err)
		return 2
	}
	var hist analyzer.History
	var store *timeline.Store
	path := *dbPath
	if path == "" {
		def := storePath(cfg, "")
		if _, err := os.Stat(def); err == nil || *record {
			path = def
		}
	}
	if path != "" {
		store, err = timeline.Open(path)
		if err != nil {
			fmt.Fprintf(stderr, "matchguard check: %v\n", err)
			return 2
		}
		defer store.Close()
		hist = store
	}

	out := newPrinter(stdout)
	status := 0
	for _, name := range fs.Args() {
		raw, err := readInput(name)
		if err != nil {
			fmt.Fprintf(stderr, "matchguard check: %v\n", err)
			status = 2
			continue
		}
		m := analyzer.Parse(raw)
		at := m.Date
		if at.IsZero() {
			at = fallback
		}
		res, err := eng.Check(analyzer.Input{Msg: m, Now: at}, hist)
		if err != nil {
			fmt.Fprintf(stderr, "matchguard check: %s: %v\n", name, err)
			status = 2
			continue
		}
		if *record && (res.Verdict == analyzer.Pass || res.Verdict == analyzer.VerdWarn) && res.Program != "" {
			if err := recordSent(store, m, res, at); err != nil {
				fmt.Fprintf(stderr, "matchguard check: %s: recording: %v\n", name, err)
				status = 2
			}
		}
		if res.Verdict == analyzer.VerdHold || res.Verdict == analyzer.VerdBlk {
			if status == 0 {
				status = 1
			}
		}
		if *asJSON {
			o := checkOutput{File: name, Verdict: res.Verdict, Findings: res.Findings}
			if o.Findings == nil {
				o.Findings = []analyzer.Finding{}
			}
			if res.Program != "" {
				p := res.Program
				o.Program = &p
			}
			b, _ := json.Marshal(o)
			fmt.Fprintln(stdout, string(b))
		} else {
			out.result(name, m, res)
		}
	}
	return status
}

// recordSent puts a relayed (or --record'ed) message in the ledger; the
// store puts it on the timeline too.
func recordSent(store *timeline.Store, m *analyzer.Message, res analyzer.Result, at time.Time) error {
	to := m.Recipients()
	for _, p := range res.Programs {
		if _, err := store.RecordSend(analyzer.Sent{At: at, Program: p, MessageID: m.MessageID, Subject: m.Subject,
			To: to, Verdict: string(res.Verdict), Facts: res.Facts}); err != nil {
			return err
		}
	}
	return nil
}

// loadConfig loads --config, or the default file, or (when there is none)
// the empty default config.
func loadConfig(path string) (*config.Config, error) {
	cfg, err := config.LoadDefault(path)
	if errors.Is(err, config.ErrNotFound) {
		return config.Default(), nil
	}
	return cfg, err
}

func readInput(name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(io.LimitReader(os.Stdin, 64<<20))
	}
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a directory; give .eml files", name)
	}
	return os.ReadFile(name)
}

// printer writes readable results, in colour on a terminal.
type printer struct {
	w     io.Writer
	color bool
}

func newPrinter(w io.Writer) *printer {
	p := &printer{w: w}
	if f, ok := w.(*os.File); ok && os.Getenv("NO_COLOR") == "" {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.color = true
		}
	}
	return p
}

func (p *printer) paint(code, s string) string {
	if !p.color {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (p *printer) result(name string, m *analyzer.Message, res analyzer.Result) {
	colors := map[analyzer.Verdict]string{analyzer.Pass: "32", analyzer.VerdWarn: "33", analyzer.VerdHold: "35", analyzer.VerdBlk: "31;1"}
	prog := "no program"
	if res.Program != "" {
		prog = strings.Join(res.Programs, ", ")
	}
	fmt.Fprintf(p.w, "%s  %s  (%s) %q\n", p.paint(colors[res.Verdict], strings.ToUpper(string(res.Verdict))), name, prog, m.Subject)
	for _, f := range res.Findings {
		fmt.Fprintf(p.w, "  %s [%s]\n", p.paint("1", f.Rule), f.Action)
		if f.Excerpt != "" {
			fmt.Fprintf(p.w, "    you wrote: %s\n", p.paint("3", "“"+f.Excerpt+"”"))
		}
		fmt.Fprintf(p.w, "    why: %s\n", wrap(f.Message, 76, "         "))
		if f.Suggestion != "" {
			fmt.Fprintf(p.w, "    instead: %s\n", wrap(f.Suggestion, 76, "             "))
		}
	}
	for _, pr := range m.Problems {
		fmt.Fprintf(p.w, "  note: %s\n", pr)
	}
}

// wrap folds s at width, indenting continuation lines.
func wrap(s string, width int, indent string) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(s) {
		if i > 0 {
			if n+1+len(w) > width {
				b.WriteString("\n" + indent)
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}
