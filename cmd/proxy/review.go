package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/matchguard/matchguard/config"
	"github.com/matchguard/matchguard/timeline"
)

const reviewUsage = `usage: matchguard review COMMAND [flags]

  list [--json] [--status S,...]   flagged sends, newest first
  show ID [--json]                 one item: findings, excerpts, rewrites
  approve ID                       let the next identical send of a held message through
  override ID --why "..."          let the next identical send of a blocked message through
  drop ID                          discard an item; it will not be sent through review

Common flags: --config FILE, --db FILE (default <data dir>/matchguard.db)
`

// runReview lists and decides held and blocked sends.
func runReview(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, reviewUsage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	sub := args[0]
	fs := flag.NewFlagSet("review "+sub, flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("config", "", "config file")
	dbPath := fs.String("db", "", "timeline database (default <data dir>/matchguard.db)")
	var asJSON *bool
	var status, why *string
	switch sub {
	case "list":
		asJSON = fs.Bool("json", false, "one JSON object a line")
		status = fs.String("status", "", "only these statuses (comma-separated: held,blocked,approved,overridden,sent,dropped)")
	case "show":
		asJSON = fs.Bool("json", false, "print JSON")
	case "override":
		why = fs.String("why", "", "your justification (required, recorded)")
	case "approve", "drop":
	default:
		fmt.Fprintf(stderr, "matchguard review: unknown command %q\n\n%s", sub, reviewUsage)
		return 2
	}
	pos, err := parseInterleaved(fs, args[1:])
	if err != nil {
		return 2
	}
	wantArgs := 1
	if sub == "list" {
		wantArgs = 0
	}
	if len(pos) != wantArgs {
		if wantArgs == 0 {
			fmt.Fprintf(stderr, "matchguard review list: unexpected argument %q\n", pos[0])
		} else {
			fmt.Fprintf(stderr, "matchguard review %s: give one review ID (see matchguard review list)\n", sub)
		}
		return 2
	}
	if sub == "override" && strings.TrimSpace(*why) == "" {
		fmt.Fprintf(stderr, "matchguard review override: --why \"...\" is required: say why this message should go out as written; it is recorded\n")
		return 2
	}

	cfg, err := config.LoadDefault(*cfgPath)
	if errors.Is(err, config.ErrNotFound) {
		cfg, err = config.Default(), nil
	}
	if err != nil {
		fmt.Fprintf(stderr, "matchguard review: %v\n", err)
		return 2
	}
	st, ok := openStore("review", cfg, *dbPath, stderr)
	if !ok {
		return 1
	}
	defer st.Close()

	fail := func(err error) int {
		fmt.Fprintf(stderr, "matchguard review %s: %s\n", sub, strings.TrimPrefix(err.Error(), "timeline: "))
		return 1
	}
	switch sub {
	case "list":
		var sts []string
		for _, s := range strings.Split(*status, ",") {
			if s = strings.TrimSpace(s); s != "" {
				sts = append(sts, s)
			}
		}
		items, err := st.Reviews(sts...)
		if err != nil {
			return fail(err)
		}
		if *asJSON {
			enc := json.NewEncoder(stdout)
			for _, r := range items {
				enc.Encode(reviewListJSON(&r))
			}
			return 0
		}
		if len(items) == 0 {
			fmt.Fprintln(stdout, "No flagged sends.")
			return 0
		}
		for _, r := range items {
			fmt.Fprintf(stdout, "%-16s  %-10s  %s  %-14s  %s  [%s]\n", r.ID, r.Status, r.At.Local().Format("2006-01-02 15:04"),
				r.Program, oneLineText(r.Subject, 50), strings.Join(r.Rules, ", "))
		}
		return 0
	case "show":
		r, err := st.Review(pos[0])
		if err != nil {
			return fail(err)
		}
		if *asJSON {
			out := struct {
				reviewJSON
				From     string `json:"from"`
				Verdict  string `json:"verdict"`
				Why      string `json:"why,omitempty"`
				Findings any    `json:"findings"`
			}{reviewListJSON(r), r.From, r.Verdict, r.Why, r.Findings}
			if out.Findings == nil {
				out.Findings = []any{}
			}
			json.NewEncoder(stdout).Encode(out)
			return 0
		}
		printReview(stdout, cfg, r)
		return 0
	case "approve":
		if err := st.Approve(pos[0]); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "Approved %s. Send the message again from your mail client; the same message will go out once.\n", pos[0])
	case "override":
		if err := st.Override(pos[0], *why); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "Overridden %s (your reason is recorded). Send the message again from your mail client; the same message will go out once.\n", pos[0])
	case "drop":
		if err := st.Drop(pos[0]); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "Dropped %s.\n", pos[0])
	}
	return 0
}

// reviewJSON is one line of `review list --json` (SPEC.md).
type reviewJSON struct {
	ID      string    `json:"id"`
	Status  string    `json:"status"`
	At      time.Time `json:"at"`
	To      []string  `json:"to"`
	Subject string    `json:"subject"`
	Program *string   `json:"program"`
	Rules   []string  `json:"rules"`
}

func reviewListJSON(r *timeline.Review) reviewJSON {
	j := reviewJSON{ID: r.ID, Status: r.Status, At: r.At.UTC().Truncate(time.Second), To: r.To, Subject: r.Subject, Rules: r.Rules}
	if r.Program != "" {
		p := r.Program
		j.Program = &p
	}
	if j.To == nil {
		j.To = []string{}
	}
	if j.Rules == nil {
		j.Rules = []string{}
	}
	return j
}

func printReview(w io.Writer, cfg *config.Config, r *timeline.Review) {
	fmt.Fprintf(w, "Review %s: %s\n", r.ID, r.Status)
	fmt.Fprintf(w, "  Judged:  %s (%s)\n", r.At.Local().Format("2006-01-02 15:04 MST"), r.Verdict)
	if r.From != "" {
		fmt.Fprintf(w, "  From:    %s\n", r.From)
	}
	fmt.Fprintf(w, "  To:      %s\n", strings.Join(r.To, ", "))
	fmt.Fprintf(w, "  Subject: %s\n", r.Subject)
	if p := cfg.Program(r.Program); p != nil {
		fmt.Fprintf(w, "  Program: %s (%s)\n", p.Label(), p.Key)
	} else if r.Program != "" {
		fmt.Fprintf(w, "  Program: %s\n", r.Program)
	}
	if r.Why != "" {
		fmt.Fprintf(w, "  Why sent anyway: %s\n", r.Why)
	}
	for _, f := range r.Findings {
		fmt.Fprintf(w, "\n  %s (%s)\n", f.Rule, f.Action)
		if f.Excerpt != "" {
			fmt.Fprintf(w, "    Words:   %q\n", f.Excerpt)
		}
		if f.Message != "" {
			fmt.Fprintf(w, "    Why:     %s\n", f.Message)
		}
		if f.Suggestion != "" {
			fmt.Fprintf(w, "    Instead: %s\n", f.Suggestion)
		}
	}
	fmt.Fprintln(w)
	switch r.Status {
	case timeline.StatusHeld:
		fmt.Fprintf(w, "Approve: matchguard review approve %s   (or drop: matchguard review drop %s)\n", r.ID, r.ID)
	case timeline.StatusBlocked:
		fmt.Fprintf(w, "Rewrite it, or send it as is: matchguard review override %s --why \"your reason\"\n", r.ID)
	}
	fmt.Fprintf(w, "Page: http://%s/review/%s\n", cfg.Web.Listen, r.ID)
}

func oneLineText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// parseInterleaved parses flags that may come after positional arguments
// (review override ID --why "…") and returns the positional ones.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
