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
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/mattn/go-isatty"

	"github.com/matchguard/matchguard/analyzer"
	"github.com/matchguard/matchguard/config"
	"github.com/matchguard/matchguard/imap"
	"github.com/matchguard/matchguard/timeline"
)

// runWatch runs the IMAP watcher alone: --once catches up and exits;
// otherwise it follows the mailboxes until SIGINT or SIGTERM.
func runWatch(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("config", "", "config file (default $XDG_CONFIG_HOME/matchguard/config.toml)")
	dbPath := fs.String("db", "", "timeline database (default <data dir>/matchguard.db)")
	once := fs.Bool("once", false, "handle every message not yet handled, then exit")
	verbose := fs.Bool("verbose", false, "log each message's classification and the IMAP steps")
	quiet := fs.Bool("quiet", false, "no progress bar and no summary")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "matchguard watch: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	cfg, err := config.LoadDefault(*cfgPath)
	if errors.Is(err, config.ErrNotFound) {
		fmt.Fprintf(stderr, "matchguard watch: no config file at %s.\n"+
			"The watcher needs an [imap] section: address, security, username and password_cmd or password_env.\n", config.DefaultPath())
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "matchguard watch: %v\n", err)
		return 1
	}
	if cfg.IMAP.Address == "" {
		fmt.Fprintf(stderr, "matchguard watch: %s has no [imap] address; add the section:\n\n"+
			"    [imap]\n    address = \"imap.example.org:993\"\n    security = \"tls\"\n"+
			"    username = \"you@example.org\"\n    password_cmd = \"pass show mail\"\n", cfg.Path)
		return 1
	}

	// Following logs what happens to the connection; a catch-up is quiet
	// unless something goes wrong.
	level := slog.LevelInfo
	if *once {
		level = slog.LevelWarn
	}
	if *verbose {
		level = slog.LevelDebug
	}
	bar := newProgressBar(stderr, *once && !*quiet)
	log := slog.New(slog.NewTextHandler(bar.logWriter(), &slog.HandlerOptions{Level: level}))

	st, ok := openStore("watch", cfg, *dbPath, stderr)
	if !ok {
		return 1
	}
	defer st.Close()
	cls, err := analyzer.NewClassifier(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "matchguard watch: %v\n", err)
		return 1
	}
	opts := &imap.Options{Logger: log}
	if *once && !*quiet {
		opts.Progress = bar.update
	}
	w, err := imap.New(cfg, cls, WatchStore{st}, opts)
	if err != nil {
		fmt.Fprintf(stderr, "matchguard watch: %v\n", err)
		return 1
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *once {
		catchUpGC()
		stats, err := w.Once(ctx)
		bar.done()
		if !*quiet {
			fmt.Fprintf(stdout, "matchguard watch: %d messages read in %s; %d new timeline events, %d tagged, %d unreadable (skipped)\n",
				stats.Messages, strings.Join(cfg.IMAP.Mailboxes, ", "), stats.Events, stats.Tagged, stats.Failed)
		}
		if err != nil {
			if ctx.Err() != nil {
				fmt.Fprintln(stderr, "matchguard watch: interrupted; the next run resumes where this one stopped")
				return 1
			}
			fmt.Fprintf(stderr, "matchguard watch: %v\n", err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(stdout, "matchguard watch: following %s on %s (records in %s). Stop with Ctrl-C.\n",
		strings.Join(cfg.IMAP.Mailboxes, ", "), cfg.IMAP.Address, st.Path())
	if err := w.Run(ctx); err != nil {
		fmt.Fprintf(stderr, "matchguard watch: %v\n", err)
		return 1
	}
	s := w.Stats()
	fmt.Fprintf(stdout, "matchguard watch: stopped after %d messages; %d new timeline events, %d tagged, %d unreadable.\n",
		s.Messages, s.Events, s.Tagged, s.Failed)
	return 0
}

// catchUpGC tunes the garbage collector for a one-shot catch-up, unless
// GOGC is set: parsing each message allocates much and keeps little, so
// collecting a quarter as often saves about a tenth of the CPU. A soft
// limit still bounds the heap, and the process ends with the catch-up.
func catchUpGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	debug.SetGCPercent(400)
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(256 << 20)
	}
}

// StartWatcher makes the watcher serve runs beside the proxy when [imap] is
// configured; it returns nil, nil when it is not. Run the returned function
// until ctx ends.
func StartWatcher(cfg *config.Config, st *timeline.Store, log *slog.Logger) (func(context.Context) error, error) {
	if cfg.IMAP.Address == "" {
		return nil, nil
	}
	cls, err := analyzer.NewClassifier(cfg)
	if err != nil {
		return nil, err
	}
	w, err := imap.New(cfg, cls, WatchStore{st}, &imap.Options{Logger: log.With("part", "imap")})
	if err != nil {
		return nil, err
	}
	return w.Run, nil
}

// WatchStore adapts the timeline store to what the watcher asks of it.
type WatchStore struct{ *timeline.Store }

// AddEvent records a received message as an "in" event.
func (s WatchStore) AddEvent(e imap.Event) (bool, error) {
	return s.Store.AddEvent(inEvent(e))
}

// AddEvents records a batch of received messages in one transaction.
func (s WatchStore) AddEvents(evs []imap.Event) ([]bool, error) {
	tev := make([]timeline.Event, len(evs))
	for i, e := range evs {
		tev[i] = inEvent(e)
	}
	return s.Store.AddEvents(tev)
}

var _ imap.EventBatcher = WatchStore{}

func inEvent(e imap.Event) timeline.Event {
	return timeline.Event{
		At:            e.At,
		Program:       e.Program,
		Direction:     timeline.DirIn,
		Type:          e.Type,
		Subject:       e.Subject,
		MessageID:     e.MessageID,
		From:          e.From,
		InterviewDate: e.InterviewDate,
		Detail:        e.Detail,
	}
}

// progressBar draws one line on a terminal: how many messages of the
// catch-up are done. It stays silent when the output is not a terminal or
// there is little to do, and keeps log lines from tearing it.
type progressBar struct {
	mu      sync.Mutex
	w       io.Writer
	on      bool
	shown   bool
	last    time.Time
	per     map[string]imap.Progress
	started time.Time
}

// progressMin is how many messages make a catch-up worth a bar.
const progressMin = 200

func newProgressBar(w io.Writer, want bool) *progressBar {
	on := false
	if f, ok := w.(*os.File); ok && want {
		on = isatty.IsTerminal(f.Fd()) && os.Getenv("TERM") != "dumb"
	}
	return &progressBar{w: w, on: on, per: map[string]imap.Progress{}, started: time.Now()}
}

func (b *progressBar) update(p imap.Progress) {
	if !b.on {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.per[p.Mailbox] = p
	done, total := 0, 0
	for _, q := range b.per {
		done += q.Done
		total += q.Total
	}
	if total < progressMin {
		return
	}
	now := time.Now()
	if done < total && now.Sub(b.last) < 100*time.Millisecond {
		return
	}
	b.last = now
	const width = 30
	fill := width * done / total
	rate := ""
	if secs := now.Sub(b.started).Seconds(); secs > 0.5 {
		rate = fmt.Sprintf("  %.0f/s", float64(done)/secs)
	}
	fmt.Fprintf(b.w, "\r\x1b[K[%s%s] %d/%d messages%s", strings.Repeat("#", fill), strings.Repeat(".", width-fill), done, total, rate)
	b.shown = true
}

// done ends the bar's line.
func (b *progressBar) done() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.shown {
		fmt.Fprint(b.w, "\n")
		b.shown = false
	}
}

// logWriter returns a writer for log lines that clears the bar first.
func (b *progressBar) logWriter() io.Writer { return barLogWriter{b} }

type barLogWriter struct{ b *progressBar }

func (l barLogWriter) Write(p []byte) (int, error) {
	l.b.mu.Lock()
	defer l.b.mu.Unlock()
	if l.b.shown {
		fmt.Fprint(l.b.w, "\r\x1b[K")
		l.b.shown = false
	}
	return l.b.w.Write(p)
}
