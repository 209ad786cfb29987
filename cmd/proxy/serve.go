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
	"strings"
	"syscall"
	"time"

	"github.com/matchguard/matchguard/analyzer"
	"github.com/matchguard/matchguard/config"
	"github.com/matchguard/matchguard/imap"
	"github.com/matchguard/matchguard/sandbox"
	"github.com/matchguard/matchguard/smtp"
	"github.com/matchguard/matchguard/timeline"
	"github.com/matchguard/matchguard/web"
)

// runServe runs the SMTP proxy, the IMAP watcher (when [imap] is
// configured) and the page until SIGINT or SIGTERM. With no config file it
// runs them in the sandbox: sample programs, an SMTP sink as the upstream
// and an IMAP server in memory with sample mail.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("config", "", "config file (default $XDG_CONFIG_HOME/matchguard/config.toml; none there: the sandbox)")
	verbose := fs.Bool("verbose", false, "log each session step (never credentials or message text)")
	forceSandbox := fs.Bool("sandbox", false, "run the sandbox even when a config file exists")
	sandboxDir := fs.String("sandbox-dir", "", "the sandbox's directory (default <XDG data>/matchguard/sandbox)")
	sandboxTemp := fs.Bool("sandbox-temp", false, "keep the sandbox in a new temporary directory, removed at exit")
	randomPorts := fs.Bool("random-ports", false, "sandbox: listen on free ports rather than 1587, 1143 and 8025")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "matchguard serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))

	var cfg *config.Config
	var err error
	if !*forceSandbox {
		cfg, err = config.LoadDefault(*cfgPath)
	}
	if *forceSandbox || errors.Is(err, config.ErrNotFound) {
		return runSandbox(*sandboxDir, *sandboxTemp, *randomPorts, log, stdout, stderr)
	}
	if err != nil {
		fmt.Fprintf(stderr, "matchguard serve: %v\n", err)
		return 1
	}
	if err := serveAll(cfg, nil, log, stdout); err != nil {
		fmt.Fprintf(stderr, "matchguard serve: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "matchguard: stopped.")
	return 0
}

// runSandbox starts the sandbox's world and serves in front of it.
func runSandbox(dir string, temp, random bool, log *slog.Logger, stdout, stderr io.Writer) int {
	start := time.Now()
	if temp {
		d, err := os.MkdirTemp("", "matchguard-sandbox-")
		if err != nil {
			fmt.Fprintf(stderr, "matchguard serve: %v\n", err)
			return 1
		}
		defer os.RemoveAll(d)
		dir = d
	}
	if dir == "" {
		dir = sandbox.DefaultDir()
	}
	fmt.Fprintf(stdout, "matchguard: no config file at %s: starting the sandbox in %s.\n", config.DefaultPath(), dir)
	world, err := sandbox.Start(sandbox.Options{Dir: dir, RandomPorts: random, Log: log.With("part", "sandbox")})
	if err != nil {
		fmt.Fprintf(stderr, "matchguard serve: %v\n", err)
		return 1
	}
	defer world.Close()
	sb := &sandboxRun{world: world, start: start}
	if err := serveAll(world.Config, sb, log, stdout); err != nil {
		fmt.Fprintf(stderr, "matchguard serve: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "matchguard: sandbox stopped.")
	return 0
}

// sandboxRun is what serveAll needs to know about a running sandbox.
type sandboxRun struct {
	world *sandbox.World
	start time.Time
}

// serveAll opens the store and runs the proxy, the watcher and the page on
// cfg until SIGINT or SIGTERM; sb is set in the sandbox. When one part
// fails, the others are stopped too.
func serveAll(cfg *config.Config, sb *sandboxRun, log *slog.Logger, stdout io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	dbPath := storePath(cfg, "")
	st, err := timeline.Open(dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	engine, err := analyzer.NewEngine(cfg)
	if err != nil {
		return err
	}
	// The page binds first: the proxy's refusals name its address.
	// A page that cannot bind its port (another program has it) must not
	// take the proxy down with it: mail keeps flowing, decisions are made
	// with `matchguard review`.
	webLn, err := web.Listen(cfg.Web.Listen)
	if err != nil && (!errors.Is(err, syscall.EADDRINUSE) || sb != nil) {
		return err
	}
	if err != nil {
		log.Warn("the page is not served: its address is taken; use matchguard review, or set [web] listen", "err", err)
	} else {
		defer webLn.Close()
		cfg.Web.Listen = webLn.Addr().String()
	}

	proxy, proxyAddr, err := startProxy(cfg, engine, st, log, stdout)
	if err != nil {
		return err
	}

	var watch func(context.Context) error
	if sb != nil {
		watch, err = sandboxWatcher(cfg, st, sb.world, log)
	} else {
		watch, err = StartWatcher(cfg, st, log)
	}
	if err != nil {
		return err
	}

	wo := web.Options{Config: cfg, Store: st, Addr: cfg.Web.Listen, Checklist: imap.Checklist, Log: log.With("part", "web")}
	if sb != nil {
		w := sb.world
		wo.Sandbox = &web.Sandbox{SMTP: proxyAddr, IMAP: w.IMAPAddr, User: sandbox.User, Password: sandbox.Password, Dir: w.Dir,
			Delivered: func() []web.Delivered {
				var out []web.Delivered
				for _, m := range w.Delivered() {
					out = append(out, web.Delivered{At: m.At, From: m.From, To: m.To, Subject: m.Subject, Size: m.Size})
				}
				return out
			}}
	}
	var page *web.Server
	if webLn != nil {
		if page, err = web.New(wo); err != nil {
			return err
		}
	}

	if watch != nil {
		fmt.Fprintf(stdout, "matchguard: watching %s on %s.\n", strings.Join(cfg.IMAP.Mailboxes, ", "), cfg.IMAP.Address)
	}
	if page != nil {
		fmt.Fprintf(stdout, "matchguard: the page is at http://%s/\n", cfg.Web.Listen)
	}
	if sb != nil {
		sb.world.Instructions(stdout, proxyAddr, cfg.Web.Listen)
		fmt.Fprintf(stdout, "matchguard: sandbox ready in %d ms (records in %s). Stop with Ctrl-C.\n",
			time.Since(sb.start).Milliseconds(), dbPath)
	} else {
		fmt.Fprintf(stdout, "matchguard: ready (records in %s). Stop with Ctrl-C.\n", dbPath)
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	parts := []struct {
		name string
		run  func(context.Context) error
	}{
		{"smtp", proxy},
	}
	if page != nil {
		parts = append(parts, struct {
			name string
			run  func(context.Context) error
		}{"web", func(ctx context.Context) error { return web.Serve(ctx, webLn, page) }})
	}
	if watch != nil {
		parts = append(parts, struct {
			name string
			run  func(context.Context) error
		}{"imap", watch})
	}
	errs := make(chan error, len(parts))
	for _, p := range parts {
		go func() {
			err := p.run(ctx)
			if err != nil && ctx.Err() == nil {
				log.Error("stopping: "+p.name+" failed", "err", err)
			}
			cancel() // one part ending ends them all
			errs <- err
		}()
	}
	var first error
	for range parts {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// sandboxWatcher runs the real watcher on the sandbox's IMAP account. The
// memory server starts afresh each time (its UIDVALIDITY is always 1), so
// the stored position is reset and the inbox read again: events are kept
// once (by Message-ID), the tags are set again on the new server.
func sandboxWatcher(cfg *config.Config, st *timeline.Store, w *sandbox.World, log *slog.Logger) (func(context.Context) error, error) {
	for _, mb := range cfg.IMAP.Mailboxes {
		if err := st.SetMailboxState(imap.Account(cfg.IMAP), mb, 0, 0); err != nil {
			return nil, err
		}
	}
	cls, err := analyzer.NewClassifier(cfg)
	if err != nil {
		return nil, err
	}
	iw, err := imap.New(cfg, cls, WatchStore{st}, &imap.Options{
		Logger:      log.With("part", "imap"),
		Password:    w.IMAPPassword,
		BackoffMin:  200 * time.Millisecond,
		BackoffMax:  5 * time.Second,
		IdleRefresh: 5 * time.Minute,
	})
	if err != nil {
		return nil, err
	}
	return iw.Run, nil
}

// startProxy binds the SMTP proxy's listeners and returns the function
// that serves until ctx ends, and the address it listens on.
func startProxy(cfg *config.Config, engine *analyzer.Engine, st *timeline.Store, log *slog.Logger, stdout io.Writer) (func(context.Context) error, string, error) {
	srv, err := smtp.New(smtp.Options{
		Config:      cfg,
		Engine:      engine,
		Store:       proxyStore{st},
		Log:         log,
		Fingerprint: analyzer.Fingerprint,
	})
	if err != nil {
		return nil, "", err
	}
	if err := srv.Listen(); err != nil {
		return nil, "", err
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
	return srv.Serve, srv.Addr().String(), nil
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
