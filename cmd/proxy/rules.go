package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/matchguard/matchguard/analyzer"
)

// runRules lists the outgoing rules with their effective action and why
// each exists: built-in rules, replaced by the user's rule files, with the
// config's [rules.actions] applied.
func runRules(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("config", "", "config file (default $XDG_CONFIG_HOME/matchguard/config.toml)")
	asJSON := fs.Bool("json", false, "print one JSON object a line")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		fmt.Fprintf(stderr, "matchguard rules: %v\n", err)
		return 2
	}
	eng, err := analyzer.NewEngine(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "matchguard rules: %v\n", err)
		return 2
	}
	for _, r := range eng.Rules() {
		if *asJSON {
			b, _ := json.Marshal(r)
			fmt.Fprintln(stdout, string(b))
			continue
		}
		fmt.Fprintf(stdout, "%-24s %-5s %s\n", r.ID, r.Action, r.Title)
		fmt.Fprintf(stdout, "    %s\n", wrap(r.Why, 74, "    "))
		if r.Source != "" && r.Source[:8] != "builtin:" {
			fmt.Fprintf(stdout, "    (from %s)\n", r.Source)
		}
		fmt.Fprintln(stdout)
	}
	return 0
}
