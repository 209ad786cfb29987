// Command matchguard (built from cmd/proxy) is the applicant's guard for
// program mail: an SMTP proxy, an IMAP watcher and a local review page,
// plus command-line tools to check drafts and read the timeline.
//
// This file is wiring only: it picks the subcommand. Each subcommand lives
// in its own file.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"

	"github.com/matchguard/matchguard/config"
	"github.com/matchguard/matchguard/timeline"
)

// command is one subcommand: run gets the arguments after its name and
// returns the exit status.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"serve", "run the proxy, the watcher and the page (no config: the sandbox)", runServe},
		{"check", "analyze drafts (.eml files, - for stdin)", runCheck},
		{"classify", "classify received messages", runClassify},
		{"watch", "run the IMAP watcher alone (--once: catch up and exit)", runWatch},
		{"review", "list, show, approve, override or drop flagged sends", runReview},
		{"timeline", "print every program event (--json, --ics)", runTimeline},
		{"rules", "list the rules and what each one is for", runRules},
	}
}

func main() {
	os.Exit(profiled(os.Getenv("MATCHGUARD_CPUPROFILE"), func() int {
		return run(os.Args[1:], os.Stdout, os.Stderr)
	}))
}

// profiled runs f, writing a CPU profile of it to path when path is set
// (MATCHGUARD_CPUPROFILE, for the speed scripts: serve stops cleanly on
// SIGINT); "%p" in path is the process id. A profile that cannot be
// written does not stop the run.
func profiled(path string, f func() int) int {
	if path == "" {
		return f()
	}
	out, err := os.Create(strings.ReplaceAll(path, "%p", strconv.Itoa(os.Getpid())))
	if err != nil {
		return f()
	}
	defer out.Close()
	if pprof.StartCPUProfile(out) != nil {
		return f()
	}
	defer pprof.StopCPUProfile()
	return f()
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "matchguard: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: matchguard COMMAND [flags] [args]")
	fmt.Fprintln(w)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'matchguard COMMAND -h' for a command's flags.")
}

// storePath is the store a command uses: --db when given, else
// matchguard.db in the config's data directory.
func storePath(cfg *config.Config, flagPath string) string {
	if flagPath != "" {
		return flagPath
	}
	return filepath.Join(cfg.Data.Dir, "matchguard.db")
}

// openStore opens the store at storePath, saying on stderr what failed.
func openStore(cmd string, cfg *config.Config, flagPath string, stderr io.Writer) (*timeline.Store, bool) {
	st, err := timeline.Open(storePath(cfg, flagPath))
	if err != nil {
		fmt.Fprintf(stderr, "matchguard %s: %v\n", cmd, err)
		return nil, false
	}
	return st, true
}
