package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/matchguard/matchguard/analyzer"
	"github.com/matchguard/matchguard/config"
)

// classifyOutput is one line of `classify --json` (SPEC.md).
type classifyOutput struct {
	File          string  `json:"file"`
	Type          string  `json:"type"`
	Program       *string `json:"program"`
	InterviewDate *string `json:"interview_date"`
	Confidence    float64 `json:"confidence"`
}

// runClassify classifies received messages. Exit status: 0, or 2 for bad
// usage, a bad config or an unreadable input (the other inputs are still
// classified).
func runClassify(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("classify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("config", "", "config file (default $XDG_CONFIG_HOME/matchguard/config.toml; none: no programs)")
	asJSON := fs.Bool("json", false, "print one JSON object a line")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: matchguard classify [--config F] [--json] FILE... (- for stdin)")
		fs.PrintDefaults()
	}
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return 2
	}
	if len(files) == 0 {
		fs.Usage()
		return 2
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		fmt.Fprintf(stderr, "matchguard classify: %v\n", err)
		return 2
	}
	cl, err := analyzer.NewClassifier(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "matchguard classify: %v\n", err)
		return 2
	}
	status := 0
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, name := range files {
		raw, err := readInput(name)
		if err != nil {
			fmt.Fprintf(stderr, "matchguard classify: %s: %v\n", name, err)
			status = 2
			continue
		}
		res := cl.Classify(analyzer.Parse(raw))
		if *asJSON {
			out := classifyOutput{File: name, Type: res.Type, Confidence: res.Confidence}
			if res.Program != "" {
				p := res.Program
				out.Program = &p
			}
			if res.InterviewDate != "" {
				d := res.InterviewDate
				out.InterviewDate = &d
			}
			if err := enc.Encode(out); err != nil {
				fmt.Fprintf(stderr, "matchguard classify: %v\n", err)
				return 2
			}
			continue
		}
		printClassification(stdout, name, res, cfg.Program(res.Program))
	}
	return status
}

// printClassification writes one readable result: type, program, date,
// confidence and the evidence that decided.
func printClassification(w io.Writer, name string, res analyzer.Classification, prog *config.Program) {
	typ := res.Type
	switch typ {
	case analyzer.TypeRankSolicitation:
		typ += "  (ALERT: programs may not ask about your ranking or other applications; you need not answer)"
	case analyzer.TypePreMatchOffer:
		typ += "  (ALERT: an offer outside the Match; check accreditation, board eligibility, visa and Match withdrawal before answering)"
	}
	fmt.Fprintf(w, "%s\n  type:       %s\n", name, typ)
	if res.Program != "" {
		label := res.Program
		if prog != nil {
			if l := prog.Label(); l != "" {
				label += " (" + l + ")"
			}
		}
		fmt.Fprintf(w, "  program:    %s\n", label)
	} else {
		fmt.Fprintf(w, "  program:    none\n")
	}
	if res.InterviewDate != "" {
		at := res.InterviewDate
		if !res.InterviewAt.IsZero() {
			at += res.InterviewAt.Format(" 15:04 -0700")
		}
		fmt.Fprintf(w, "  interview:  %s\n", at)
	}
	fmt.Fprintf(w, "  confidence: %.2f\n", res.Confidence)
	if len(res.Evidence) > 0 {
		fmt.Fprintf(w, "  evidence:\n")
		for _, e := range res.Evidence {
			fmt.Fprintf(w, "    - %s\n", strings.TrimSpace(e))
		}
	}
}
