package imap

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"time"

	goimap "github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/matchguard/matchguard/analyzer"
	"github.com/matchguard/matchguard/config"
)

// Event is one classified program message as the watcher records it. The
// direction is always "in".
type Event struct {
	// At is the message's Date header; its INTERNALDATE when the header is
	// missing or unreadable.
	At      time.Time
	Program string // program key, "" when the classifier found none
	Type    string // one of the incoming types of SPEC.md, never "other"
	Subject string
	From    string // the sender's address
	// Detail is text for people: for the alert types, the checklist of
	// what to confirm before answering (see Checklist).
	Detail string
	// MessageID is the Message-ID header with angle brackets. A message
	// without one gets a stable id made from a digest of its bytes
	// ("<sha256-…@matchguard.invalid>"), so rescans still deduplicate.
	MessageID string
	// InterviewDate is "2006-01-02" when the message fixes one interview
	// date; InterviewAt is its start when a time is known too.
	InterviewDate string
	InterviewAt   time.Time
	Confidence    float64
	Evidence      []string

	// Where the message was found.
	Account string
	Mailbox string
	UID     uint32
}

// Store is what the watcher needs from the timeline. The timeline store
// implements it (through a small adapter in cmd/proxy).
type Store interface {
	// AddEvent records e unless an incoming event with the same
	// Message-ID exists; added reports whether it was new.
	AddEvent(e Event) (added bool, err error)
	// MailboxState returns the UIDVALIDITY and the last handled UID of a
	// mailbox; zeros when the mailbox was never read.
	MailboxState(account, mailbox string) (uidValidity, lastUID uint32, err error)
	// SetMailboxState saves them after each batch.
	SetMailboxState(account, mailbox string, uidValidity, lastUID uint32) error
}

// EventBatcher is an optional Store method: AddEvents records several
// events at once (one transaction), added[i] telling whether events[i] was
// new. The watcher uses it when the Store has it.
type EventBatcher interface {
	AddEvents(events []Event) (added []bool, err error)
}

// Classifier judges one received message; *analyzer.Classifier is one.
type Classifier interface {
	Classify(m *analyzer.Message) analyzer.Classification
}

// Progress reports how far a catch-up has come in one mailbox.
type Progress struct {
	Mailbox string
	Done    int // messages handled so far in this pass
	Total   int // messages to handle in this pass
}

// Options tune a Watcher. The zero value is valid.
type Options struct {
	// Logger receives what the watcher does; default slog.Default().
	Logger *slog.Logger
	// TLSConfig is used for tls and starttls; default: the system roots and
	// the host of cfg.IMAP.Address as server name.
	TLSConfig *tls.Config
	// Password returns the account's password; default cfg.IMAP.Password.
	Password func(ctx context.Context) (string, error)
	// Progress, when set, is called as each batch is done.
	Progress func(Progress)
	// BatchSize is how many messages are fetched before tags, events and
	// the mailbox state are written; default 200.
	BatchSize int
	// MaxMessageBytes bounds how much of one message is read for
	// classification (the rest is skipped, not lost); default 16 MiB.
	MaxMessageBytes int64
	// IdleRefresh is how long IDLE runs before the watcher stops it to
	// check the connection and catch up; default 10 minutes.
	IdleRefresh time.Duration
	// BackoffMin and BackoffMax bound the reconnect delay; defaults 1s and
	// 1 minute. Each delay is jittered.
	BackoffMin, BackoffMax time.Duration
	// DebugWriter, when set, receives the raw IMAP traffic (passwords
	// included: for debugging only).
	DebugWriter io.Writer

	// noIdle makes the watcher poll even where the server has IDLE (tests).
	noIdle bool
}

// Stats counts what a pass (or a whole run) did.
type Stats struct {
	Messages int // messages read and handled
	Events   int // new timeline events
	Tagged   int // messages tagged (keyword, \Flagged or folder copy)
	Failed   int // messages that could not be read and were skipped
}

func (s *Stats) add(o Stats) {
	s.Messages += o.Messages
	s.Events += o.Events
	s.Tagged += o.Tagged
	s.Failed += o.Failed
}

// Watcher follows the configured mailboxes of one account.
type Watcher struct {
	imap    config.IMAP
	account string
	cls     Classifier
	store   Store
	opts    Options
	log     *slog.Logger

	mu    sync.Mutex
	stats Stats
	// rescanTo remembers, per mailbox, the highest UID that existed when a
	// UIDVALIDITY change was seen: those messages may already be in the
	// timeline, so folder copies wait for the store to say they are new.
	rescanTo map[string]uint32
}

// New makes a watcher for cfg.IMAP. cls classifies; store keeps events and
// per-mailbox progress.
func New(cfg *config.Config, cls Classifier, store Store, opts *Options) (*Watcher, error) {
	if cfg == nil || cfg.IMAP.Address == "" {
		return nil, errors.New("imap: no [imap] address configured")
	}
	if cls == nil || store == nil {
		return nil, errors.New("imap: a classifier and a store are required")
	}
	w := &Watcher{
		imap:     cfg.IMAP,
		account:  Account(cfg.IMAP),
		cls:      cls,
		store:    store,
		rescanTo: map[string]uint32{},
	}
	if opts != nil {
		w.opts = *opts
	}
	if len(w.imap.Mailboxes) == 0 {
		w.imap.Mailboxes = []string{"INBOX"}
	}
	if w.imap.Security == "" {
		w.imap.Security = "tls"
	}
	if w.imap.Tagging == "" {
		w.imap.Tagging = "auto"
	}
	if w.imap.FolderPrefix == "" {
		w.imap.FolderPrefix = "Match"
	}
	if w.imap.PollInterval <= 0 {
		w.imap.PollInterval = config.Duration(time.Minute)
	}
	if w.imap.Security == "none" && !config.IsLoopback(w.imap.Address) {
		return nil, fmt.Errorf("imap: security \"none\" is allowed for loopback addresses only, not %s", w.imap.Address)
	}
	o := &w.opts
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Password == nil {
		sec := w.imap.Secret
		o.Password = sec.Password
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 200
	}
	if o.MaxMessageBytes <= 0 {
		o.MaxMessageBytes = 16 << 20
	}
	if o.IdleRefresh <= 0 {
		o.IdleRefresh = 10 * time.Minute
	}
	if o.BackoffMin <= 0 {
		o.BackoffMin = time.Second
	}
	if o.BackoffMax <= 0 {
		o.BackoffMax = time.Minute
	}
	w.log = o.Logger.With("account", w.account)
	return w, nil
}

// Account is the key progress is stored under: "user@host:port".
func Account(c config.IMAP) string {
	return c.Username + "@" + c.Address
}

// Stats returns what the watcher has done so far.
func (w *Watcher) Stats() Stats {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.stats
}

func (w *Watcher) addStats(s Stats) {
	w.mu.Lock()
	w.stats.add(s)
	w.mu.Unlock()
}

// Once handles every message not yet handled in each mailbox and returns.
// A dropped connection is retried a few times.
func (w *Watcher) Once(ctx context.Context) (Stats, error) {
	before := w.Stats()
	errs := make([]error, len(w.imap.Mailboxes))
	var wg sync.WaitGroup
	for i, name := range w.imap.Mailboxes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := &mailbox{w: w, name: name, log: w.log.With("mailbox", name)}
			errs[i] = m.once(ctx)
		}()
	}
	wg.Wait()
	after := w.Stats()
	delta := Stats{
		Messages: after.Messages - before.Messages,
		Events:   after.Events - before.Events,
		Tagged:   after.Tagged - before.Tagged,
		Failed:   after.Failed - before.Failed,
	}
	return delta, errors.Join(errs...)
}

// Run follows every mailbox until ctx is cancelled: it catches up, then
// waits for new mail (IDLE, or polling where the server has no IDLE), and
// reconnects with backoff when the connection drops. It returns nil when
// ctx is cancelled.
func (w *Watcher) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	for _, name := range w.imap.Mailboxes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := &mailbox{w: w, name: name, log: w.log.With("mailbox", name)}
			m.follow(ctx)
		}()
	}
	wg.Wait()
	return nil
}

// dial connects and logs in. handler receives unilateral data.
func (w *Watcher) dial(ctx context.Context, handler *imapclient.UnilateralDataHandler) (*imapclient.Client, error) {
	host, _, err := net.SplitHostPort(w.imap.Address)
	if err != nil {
		return nil, fmt.Errorf("imap: address %q: %w", w.imap.Address, err)
	}
	tlsConfig := w.opts.TLSConfig.Clone()
	if tlsConfig == nil {
		tlsConfig = &tls.Config{}
	}
	if tlsConfig.ServerName == "" {
		tlsConfig.ServerName = host
	}
	opts := &imapclient.Options{
		TLSConfig:             tlsConfig,
		UnilateralDataHandler: handler,
		Dialer:                &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second},
		DebugWriter:           w.opts.DebugWriter,
	}
	var c *imapclient.Client
	switch w.imap.Security {
	case "tls":
		c, err = imapclient.DialTLS(w.imap.Address, opts)
	case "starttls":
		c, err = imapclient.DialStartTLS(w.imap.Address, opts)
	case "none":
		c, err = imapclient.DialInsecure(w.imap.Address, opts)
	default:
		err = fmt.Errorf("unknown security %q", w.imap.Security)
	}
	if err != nil {
		return nil, fmt.Errorf("imap: connect to %s: %w", w.imap.Address, err)
	}
	if err := c.WaitGreeting(); err != nil {
		c.Close()
		return nil, fmt.Errorf("imap: greeting from %s: %w", w.imap.Address, err)
	}
	pass, err := w.opts.Password(ctx)
	if err != nil {
		c.Close()
		return nil, &permanentError{fmt.Errorf("imap: password for %s: %w", w.imap.Username, err)}
	}
	if err := c.Login(w.imap.Username, pass).Wait(); err != nil {
		c.Close()
		var ie *goimap.Error
		if errors.As(err, &ie) {
			// The server answered NO: wrong credentials or login refused.
			return nil, &permanentError{fmt.Errorf("imap: login as %s refused: %w", w.imap.Username, err)}
		}
		return nil, fmt.Errorf("imap: login as %s: %w", w.imap.Username, err)
	}
	return c, nil
}

// permanentError is a failure that retrying soon will not fix (a refused
// login, a missing mailbox). Once gives up on it; Run waits the longest
// backoff before trying again.
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

func isPermanent(err error) bool {
	var pe *permanentError
	return errors.As(err, &pe)
}
