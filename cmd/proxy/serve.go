package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/matchguard/matchguard/analyzer"
	"github.com/matchguard/matchguard/config"
	"github.com/matchguard/matchguard/smtp"
	"github.com/matchguard/matchguard/timeline"
)

// runServe runs the SMTP proxy until SIGINT or SIGTERM. (The watcher, the
// page and the no-config sandbox join it in later issues.)
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("config", "", "config file (default $XDG_CONFIG_HOME/matchguard/config.toml)")
	verbose := fs.Bool("verbose", false, "log each session step (never credentials or message text)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "matchguard serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	cfg, err := config.LoadDefault(*cfgPath)
	if errors.Is(err, config.ErrNotFound) {
		fmt.Fprintf(stderr, "matchguard serve: no config file at %s.\n"+
			"The proxy needs one: your programs, and [smtp.upstream] address = your mail server's submission address.\n"+
			"Write it there, or pass --config FILE. (A no-config sandbox to try matchguard is coming.)\n", config.DefaultPath())
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "matchguard serve: %v\n", err)
		return 1
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	dbPath := filepath.Join(cfg.Data.Dir, "matchguard.db")
	st, err := timeline.Open(dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "matchguard serve: %v\n", err)
		return 1
	}
	defer st.Close()
	engine, err := analyzer.NewEngine(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "matchguard serve: %v\n", err)
		return 1
	}
	proxy, err := startProxy(cfg, engine, st, log, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "matchguard serve: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "matchguard: ready (records in %s). Stop with Ctrl-C.\n", dbPath)
	if err := proxy(ctx); err != nil {
		fmt.Fprintf(stderr, "matchguard serve: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "matchguard: stopped.")
	return 0
}

// startProxy binds the SMTP proxy's listeners and returns the function
// that serves until ctx ends.
func startProxy(cfg *config.Config, engine *analyzer.Engine, st *timeline.Store, log *slog.Logger, stdout io.Writer) (func(context.Context) error, error) {
	srv, err := smtp.New(smtp.Options{
		Config:      cfg,
		Engine:      engine,
		Store:       proxyStore{st},
		Log:         log,
		Fingerprint: analyzer.Fingerprint,
	})
	if err != nil {
		return nil, err
	}
	if err := srv.Listen(); err != nil {
		return nil, err
	}
	fmt.Fprintf(stdout, "matchguard: SMTP proxy on %s (STARTTLS)", srv.Addr())
	if a := srv.TLSAddr(); a != nil {
		fmt.Fprintf(stdout, " and %s (TLS)", a)
	}
	fmt.Fprintf(stdout, ", relaying to %s (%s).\n", cfg.SMTP.Upstream.Address, cfg.SMTP.Upstream.Security)
	if cfg.SMTP.CertFile == "" {
		made := ""
		if srv.CertMade() {
			made = "new "
		}
		fmt.Fprintf(stdout, "matchguard: %sTLS certificate in %s, SHA-256 fingerprint:\n  %s\n", made, cfg.Data.Dir, srv.CertFingerprint())
	}
	return srv.Serve, nil
}

// proxyStore adapts the timeline store to what the proxy asks of it.
type proxyStore struct{ *timeline.Store }

func (p proxyStore) RecordSend(s analyzer.Sent) error {
	_, err := p.Store.RecordSend(s)
	return err
}

// AddEvent stores the proxy's events. The timeline's RecordSend logs the
// "out" event of a send itself, so those are not added twice.
func (p proxyStore) AddEvent(e smtp.Event) error {
	if e.Direction == timeline.DirOut {
		return nil
	}
	_, err := p.Store.AddEvent(timeline.Event{At: e.At, Program: e.Program, Direction: e.Direction,
		Type: e.Type, Subject: e.Subject, MessageID: e.MessageID})
	return err
}

func (p proxyStore) AddReview(r *smtp.Review) (string, error) {
	return p.Store.AddReview(&timeline.Review{
		Status: r.Status, At: r.At, From: r.From, To: r.To, Subject: r.Subject, Program: r.Program,
		Verdict: string(r.Verdict), Rules: r.Rules, Findings: r.Findings, Own: r.Own, Raw: r.Raw,
		Fingerprint: r.Fingerprint, Why: r.Why,
	})
}

// TakeApproval returns the approval with its decision (approved or
// overridden) as Status; the timeline has already marked it sent.
func (p proxyStore) TakeApproval(fp string) (*smtp.Review, error) {
	r, err := p.Store.TakeApproval(fp)
	if err != nil || r == nil {
		return nil, err
	}
	status := smtp.StatusApproved
	if r.Why != "" || r.Verdict == string(analyzer.VerdBlk) {
		status = smtp.StatusOverridden
	}
	return &smtp.Review{ID: r.ID, Status: status, At: r.At, From: r.From, To: r.To, Subject: r.Subject,
		Program: r.Program, Verdict: analyzer.Verdict(r.Verdict), Rules: r.Rules, Findings: r.Findings,
		Fingerprint: r.Fingerprint, Why: r.Why, Own: r.Own, Raw: r.Raw}, nil
}

// ReturnApproval restores an approval whose send did not happen: the
// taken item stays "sent" in the store, so the decision is stored again
// as a new item with the same fingerprint.
func (p proxyStore) ReturnApproval(r *smtp.Review) error {
	_, err := p.Store.AddReview(&timeline.Review{
		Status: r.Status, At: r.At, From: r.From, To: r.To, Subject: r.Subject, Program: r.Program,
		Verdict: string(r.Verdict), Rules: r.Rules, Findings: r.Findings, Own: r.Own, Raw: r.Raw,
		Fingerprint: r.Fingerprint, Why: r.Why, DecidedAt: time.Now(),
	})
	return err
}
