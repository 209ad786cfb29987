package imap

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	goimap "github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"

	"github.com/matchguard/matchguard/analyzer"
	"github.com/matchguard/matchguard/config"
)

// ---- fakes ----

// fakeStore is an in-memory Store that dedupes like the timeline does.
type fakeStore struct {
	mu     sync.Mutex
	events []Event
	ids    map[string]bool
	state  map[string][2]uint32
}

func newFakeStore() *fakeStore {
	return &fakeStore{ids: map[string]bool{}, state: map[string][2]uint32{}}
}

func (s *fakeStore) AddEvent(e Event) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ids[e.MessageID] {
		return false, nil
	}
	s.ids[e.MessageID] = true
	s.events = append(s.events, e)
	return true, nil
}

func (s *fakeStore) MailboxState(account, mailbox string) (uint32, uint32, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.state[account+"\x00"+mailbox]
	return st[0], st[1], nil
}

func (s *fakeStore) SetMailboxState(account, mailbox string, v, last uint32) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state[account+"\x00"+mailbox] = [2]uint32{v, last}
	return nil
}

func (s *fakeStore) Events() []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.events)
}

// fakeClassifier reads "type=<t>" from the message text, and panics on
// "PANIC", so the tests do not depend on the real classifier's judgment.
type fakeClassifier struct{}

var typeRE = regexp.MustCompile(`type=([a-z-]+)`)

func (fakeClassifier) Classify(m *analyzer.Message) analyzer.Classification {
	text := m.Text + "\n" + m.Subject
	if strings.Contains(text, "PANIC") {
		panic("classifier exploded")
	}
	if mm := typeRE.FindStringSubmatch(text); mm != nil {
		return analyzer.Classification{Type: mm[1], Program: "lakeside"}
	}
	return analyzer.Classification{Type: analyzer.TypeOther}
}

// ---- a memory IMAP server ----

type testServer struct {
	t        *testing.T
	mem      *imapmemserver.Server
	user     *imapmemserver.User
	addr     string
	mu       sync.Mutex
	srv      *imapserver.Server
	keywords bool // false: PERMANENTFLAGS lacks \* and keyword STOREs are refused
	// onStore, when set, sees each STORE before the server does; an error
	// it returns is the command's answer.
	onStore func(conn *imapserver.Conn, set goimap.NumSet, flags *goimap.StoreFlags) error
}

// setOnStore sets (or, with nil, clears) the STORE hook.
func (ts *testServer) setOnStore(f func(conn *imapserver.Conn, set goimap.NumSet, flags *goimap.StoreFlags) error) {
	ts.mu.Lock()
	ts.onStore = f
	ts.mu.Unlock()
}

func newTestServer(t *testing.T, keywords bool) *testServer {
	t.Helper()
	ts := &testServer{t: t, mem: imapmemserver.New(), keywords: keywords}
	ts.user = imapmemserver.NewUser("amina", "secret")
	if err := ts.user.Create("INBOX", &goimap.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	ts.mem.AddUser(ts.user)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts.addr = ln.Addr().String()
	ts.serve(ln)
	t.Cleanup(func() { ts.stop() })
	return ts
}

func (ts *testServer) serve(ln net.Listener) {
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(conn *imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			var s imapserver.Session = ts.mem.NewSession()
			if !ts.keywords {
				s = &noKeywordSession{Session: s}
			}
			s = &hookSession{Session: s, ts: ts, conn: conn}
			return s, &imapserver.GreetingData{}, nil
		},
		Caps:         goimap.CapSet{goimap.CapIMAP4rev1: {}},
		InsecureAuth: true,
		Logger:       discardLogger{},
	})
	ts.mu.Lock()
	ts.srv = srv
	ts.mu.Unlock()
	go srv.Serve(ln)
}

// stop closes the listener and every connection, as a server restart does.
func (ts *testServer) stop() {
	ts.mu.Lock()
	srv := ts.srv
	ts.srv = nil
	ts.mu.Unlock()
	if srv != nil {
		srv.Close()
	}
}

// restart listens again on the same address with the same mailboxes.
func (ts *testServer) restart() {
	ts.t.Helper()
	var ln net.Listener
	var err error
	for range 50 {
		if ln, err = net.Listen("tcp", ts.addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		ts.t.Fatal(err)
	}
	ts.serve(ln)
}

type discardLogger struct{}

func (discardLogger) Printf(string, ...any) {}

// noKeywordSession makes the memory server refuse keywords, as servers
// without \* in PERMANENTFLAGS do.
type noKeywordSession struct {
	imapserver.Session
}

func (s *noKeywordSession) Select(name string, opts *goimap.SelectOptions) (*goimap.SelectData, error) {
	data, err := s.Session.Select(name, opts)
	if err != nil {
		return nil, err
	}
	var perm []goimap.Flag
	for _, f := range data.PermanentFlags {
		if f != goimap.FlagWildcard && strings.HasPrefix(string(f), `\`) {
			perm = append(perm, f)
		}
	}
	if !slices.Contains(perm, goimap.FlagFlagged) {
		perm = append(perm, goimap.FlagFlagged, goimap.FlagSeen, goimap.FlagAnswered, goimap.FlagDeleted, goimap.FlagDraft)
	}
	data.PermanentFlags = perm
	return data, nil
}

// hookSession passes STOREs through the server's onStore hook.
type hookSession struct {
	imapserver.Session
	ts   *testServer
	conn *imapserver.Conn
}

func (s *hookSession) Store(w *imapserver.FetchWriter, set goimap.NumSet, flags *goimap.StoreFlags, opts *goimap.StoreOptions) error {
	s.ts.mu.Lock()
	hook := s.ts.onStore
	s.ts.mu.Unlock()
	if hook != nil {
		if err := hook(s.conn, set, flags); err != nil {
			return err
		}
	}
	return s.Session.Store(w, set, flags, opts)
}

// Idle first reports what changed since the last command, as Dovecot does
// when IDLE starts; the memory server otherwise keeps a message delivered
// between the watcher's NOOP and its IDLE to itself until something else
// happens, and the tests that wait for such a message to be tagged flake.
func (s *hookSession) Idle(w *imapserver.UpdateWriter, stop <-chan struct{}) error {
	if err := s.Session.Poll(w, true); err != nil {
		return err
	}
	return s.Session.Idle(w, stop)
}

func (s *noKeywordSession) Store(w *imapserver.FetchWriter, set goimap.NumSet, flags *goimap.StoreFlags, opts *goimap.StoreOptions) error {
	for _, f := range flags.Flags {
		if !strings.HasPrefix(string(f), `\`) {
			return &goimap.Error{Type: goimap.StatusResponseTypeNo, Text: "keywords are not allowed here"}
		}
	}
	return s.Session.Store(w, set, flags, opts)
}

// appendMsg delivers a message with the given flags; it returns its UID.
func (ts *testServer) appendMsg(mbox string, raw string, flags ...goimap.Flag) uint32 {
	ts.t.Helper()
	data, err := ts.user.Append(mbox, bytes.NewReader([]byte(raw)), &goimap.AppendOptions{Flags: flags})
	if err != nil {
		ts.t.Fatal(err)
	}
	return uint32(data.UID)
}

// flags returns each message's flags by UID, lower-cased and sorted.
func (ts *testServer) flags(mbox string) map[uint32][]string {
	ts.t.Helper()
	c, err := imapclient.DialInsecure(ts.addr, &imapclient.Options{})
	if err != nil {
		ts.t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login("amina", "secret").Wait(); err != nil {
		ts.t.Fatal(err)
	}
	if _, err := c.Select(mbox, &goimap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		ts.t.Fatal(err)
	}
	msgs, err := c.Fetch(goimap.UIDSet{{Start: 1, Stop: 0}}, &goimap.FetchOptions{UID: true, Flags: true}).Collect()
	if err != nil {
		ts.t.Fatal(err)
	}
	out := map[uint32][]string{}
	for _, m := range msgs {
		var fl []string
		for _, f := range m.Flags {
			fl = append(fl, strings.ToLower(string(f)))
		}
		slices.Sort(fl)
		out[uint32(m.UID)] = fl
	}
	return out
}

func (ts *testServer) mailboxes() []string {
	ts.t.Helper()
	c, err := imapclient.DialInsecure(ts.addr, &imapclient.Options{})
	if err != nil {
		ts.t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login("amina", "secret").Wait(); err != nil {
		ts.t.Fatal(err)
	}
	list, err := c.List("", "*", nil).Collect()
	if err != nil {
		ts.t.Fatal(err)
	}
	var out []string
	for _, l := range list {
		out = append(out, l.Mailbox)
	}
	slices.Sort(out)
	return out
}

func msg(id, subject, body string) string {
	return fmt.Sprintf("From: Helen Park <hpark@lakeside-med.org>\r\nTo: amina@example.org\r\n"+
		"Subject: %s\r\nDate: Tue, 12 Nov 2026 09:00:00 -0500\r\nMessage-ID: <%s@lakeside-med.org>\r\n"+
		"Content-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n", subject, id, body)
}

func testConfig(addr string) *config.Config {
	c := config.Default()
	c.IMAP.Address = addr
	c.IMAP.Security = "none"
	c.IMAP.Username = "amina"
	c.IMAP.PollInterval = config.Duration(100 * time.Millisecond)
	return c
}

func newTestWatcher(t *testing.T, cfg *config.Config, store Store, mod func(*Options)) *Watcher {
	t.Helper()
	o := &Options{
		Logger:     slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Password:   func(context.Context) (string, error) { return "secret", nil },
		BackoffMin: 20 * time.Millisecond,
		BackoffMax: 200 * time.Millisecond,
	}
	if mod != nil {
		mod(o)
	}
	w, err := New(cfg, fakeClassifier{}, store, o)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

var _ io.Writer = testWriter{}

func ctxT(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// ---- tests ----

func TestOnceTagsWithoutSeenAndKeepsOtherFlags(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	u1 := ts.appendMsg("INBOX", msg("inv1", "Interview", "Please pick a date. type=interview-invite"))
	u2 := ts.appendMsg("INBOX", msg("rank1", "Ranking", "Where will you rank us? type=rank-solicitation"), goimap.FlagSeen, "$Label1")
	u3 := ts.appendMsg("INBOX", msg("news1", "Newsletter", "nothing for you"), goimap.FlagAnswered)
	u4 := ts.appendMsg("INBOX", msg("offer1", "Offer", "type=pre-match-offer"))
	before := ts.flags("INBOX")

	st := newFakeStore()
	w := newTestWatcher(t, testConfig(ts.addr), st, nil)
	stats, err := w.Once(ctxT(t, 10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if stats.Messages != 4 || stats.Events != 3 || stats.Tagged != 3 || stats.Failed != 0 {
		t.Errorf("stats = %+v, want 4 messages, 3 events, 3 tagged", stats)
	}
	after := ts.flags("INBOX")
	want := map[uint32][]string{
		u1: {"match-interview-invite"},
		u2: {"$label1", "\\flagged", "\\seen", "match-rank-solicitation"},
		u3: {"\\answered"},
		u4: {"\\flagged", "match-pre-match-offer"},
	}
	for uid, w := range want {
		slices.Sort(w)
		if !slices.Equal(after[uid], w) {
			t.Errorf("uid %d: flags %v, want %v (before: %v)", uid, after[uid], w, before[uid])
		}
	}
	evs := st.Events()
	if len(evs) != 3 {
		t.Fatalf("events = %d, want 3", len(evs))
	}
	for _, e := range evs {
		if e.Program != "lakeside" || e.At.IsZero() || e.MessageID == "" || e.Mailbox != "INBOX" {
			t.Errorf("event %+v: missing fields", e)
		}
		if analyzer.IsAlert(e.Type) && e.Detail == "" {
			t.Errorf("alert event %s has no checklist", e.Type)
		}
	}
	if v, last, _ := st.MailboxState(w.account, "INBOX"); v == 0 || last != u4 {
		t.Errorf("state = %d/%d, want last %d", v, last, u4)
	}

	// A second pass finds nothing to do.
	stats, err = w.Once(ctxT(t, 10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if stats.Messages != 0 || len(st.Events()) != 3 {
		t.Errorf("second pass: %+v, %d events; want nothing new", stats, len(st.Events()))
	}
}

func TestResumeAfterRestart(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	st := newFakeStore()
	for i := range 5 {
		ts.appendMsg("INBOX", msg(fmt.Sprint("a", i), "Update", "type=program-update"))
	}
	w := newTestWatcher(t, testConfig(ts.addr), st, func(o *Options) { o.BatchSize = 2 })
	if _, err := w.Once(ctxT(t, 10*time.Second)); err != nil {
		t.Fatal(err)
	}
	// A new process: a new watcher over the same store.
	var newUIDs []uint32
	for i := range 3 {
		newUIDs = append(newUIDs, ts.appendMsg("INBOX", msg(fmt.Sprint("b", i), "Waitlist", "type=waitlist")))
	}
	var progress []Progress
	w2 := newTestWatcher(t, testConfig(ts.addr), st, func(o *Options) {
		o.Progress = func(p Progress) { progress = append(progress, p) }
	})
	stats, err := w2.Once(ctxT(t, 10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if stats.Messages != 3 || stats.Events != 3 {
		t.Errorf("resume: %+v, want only the 3 new messages", stats)
	}
	if len(progress) == 0 || progress[len(progress)-1] != (Progress{Mailbox: "INBOX", Done: 3, Total: 3}) {
		t.Errorf("progress = %v", progress)
	}
	if n := len(st.Events()); n != 8 {
		t.Errorf("events = %d, want 8", n)
	}
}

func TestUIDValidityChangeRescansWithoutDoubleLogging(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	st := newFakeStore()
	raws := []string{
		msg("v1", "Invite", "type=interview-invite"),
		msg("v2", "Confirm", "type=interview-confirmation"),
		msg("v3", "Hello", "plain mail"),
	}
	for _, r := range raws {
		ts.appendMsg("INBOX", r)
	}
	w := newTestWatcher(t, testConfig(ts.addr), st, nil)
	if _, err := w.Once(ctxT(t, 10*time.Second)); err != nil {
		t.Fatal(err)
	}
	v1, _, _ := st.MailboxState(w.account, "INBOX")

	// The server rebuilds the mailbox: same messages, new UIDVALIDITY and
	// UIDs, keywords lost; plus one new message.
	if err := ts.user.Delete("INBOX"); err != nil {
		t.Fatal(err)
	}
	if err := ts.user.Create("INBOX", &goimap.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, r := range raws {
		ts.appendMsg("INBOX", r)
	}
	newUID := ts.appendMsg("INBOX", msg("v4", "Decline", "type=interview-decline"))

	stats, err := w.Once(ctxT(t, 10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if stats.Messages != 4 || stats.Events != 1 {
		t.Errorf("rescan: %+v, want 4 read, 1 new event", stats)
	}
	if n := len(st.Events()); n != 3 {
		t.Errorf("events = %d, want 3 (nothing twice)", n)
	}
	v2, last, _ := st.MailboxState(w.account, "INBOX")
	if v2 == v1 || last != newUID {
		t.Errorf("state = %d/%d, want a new UIDVALIDITY (was %d) and last %d", v2, last, v1, newUID)
	}
	// The keywords are back on the rebuilt messages.
	fl := ts.flags("INBOX")
	if !slices.Contains(fl[1], "match-interview-invite") || !slices.Contains(fl[newUID], "match-interview-decline") {
		t.Errorf("flags after rescan: %v", fl)
	}
}

func TestBadMessagesDoNotStopTheMailbox(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	st := newFakeStore()
	bad := []string{
		// The classifier panics on this one.
		msg("p1", "Boom", "PANIC type=waitlist"),
		// A missing final boundary and an unknown charset.
		"From: x@lakeside-med.org\r\nSubject: broken\r\nMIME-Version: 1.0\r\n" +
			"Content-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\nContent-Type: text/plain; charset=x-unknown-42\r\n" +
			"Content-Transfer-Encoding: x-martian\r\n\r\ntype=waitlist\r\n",
		// An 8 KB subject.
		"From: x@lakeside-med.org\r\nSubject: " + strings.Repeat("Interview ", 820) + "\r\n\r\ntype=interview-invite\r\n",
		// A malformed header line, and bytes that are not mail at all: the
		// memory server cannot parse these and answers BODY[] with NIL, so
		// the watcher gets nothing to read and must skip them.
		"From: x@lakeside-med.org\r\nbad header line\r\n\r\ntype=interview-invite\r\n",
		"\x00\x01\x02 garbage \xff\xfe",
	}
	for _, r := range bad {
		ts.appendMsg("INBOX", r)
	}
	good := ts.appendMsg("INBOX", msg("g1", "Invite", "type=interview-invite"))
	w := newTestWatcher(t, testConfig(ts.addr), st, nil)
	stats, err := w.Once(ctxT(t, 10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if stats.Messages != 6 || stats.Failed != 3 || stats.Events != 3 {
		t.Errorf("stats = %+v, want 6 read, 3 events, 3 failed", stats)
	}
	if _, last, _ := st.MailboxState(w.account, "INBOX"); last != good {
		t.Errorf("last = %d, want %d: the mailbox must move past bad mail", last, good)
	}
	if fl := ts.flags("INBOX")[good]; !slices.Contains(fl, "match-interview-invite") {
		t.Errorf("the good message after bad ones is not tagged: %v", fl)
	}
}

func TestFolderModeWhenKeywordsAreRefused(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	st := newFakeStore()
	u1 := ts.appendMsg("INBOX", msg("f1", "Invite", "type=interview-invite"), goimap.FlagSeen)
	u2 := ts.appendMsg("INBOX", msg("f2", "Offer", "type=pre-match-offer"))
	u3 := ts.appendMsg("INBOX", msg("f3", "Invite 2", "type=interview-invite"))
	ts.appendMsg("INBOX", msg("f4", "Hello", "nothing"))
	w := newTestWatcher(t, testConfig(ts.addr), st, nil) // tagging = auto
	stats, err := w.Once(ctxT(t, 10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if stats.Tagged != 3 || stats.Events != 3 {
		t.Errorf("stats = %+v, want 3 tagged, 3 events", stats)
	}
	boxes := ts.mailboxes()
	for _, want := range []string{"Match/Interview-Invite", "Match/Pre-Match-Offer"} {
		if !slices.Contains(boxes, want) {
			t.Errorf("mailboxes %v lack %s", boxes, want)
		}
	}
	if n := len(ts.flags("Match/Interview-Invite")); n != 2 {
		t.Errorf("Match/Interview-Invite holds %d messages, want 2", n)
	}
	fl := ts.flags("INBOX")
	if !slices.Equal(fl[u1], []string{"\\seen"}) || len(fl[u3]) != 0 || !slices.Equal(fl[u2], []string{"\\flagged"}) {
		t.Errorf("originals changed: %v", fl)
	}
	if n := len(fl); n != 4 {
		t.Errorf("INBOX holds %d messages, want 4 (nothing moved or deleted)", n)
	}
	// A second pass copies nothing again.
	if _, err := w.Once(ctxT(t, 10*time.Second)); err != nil {
		t.Fatal(err)
	}
	if n := len(ts.flags("Match/Interview-Invite")); n != 2 {
		t.Errorf("after a second pass Match/Interview-Invite holds %d, want 2", n)
	}
}

func TestFolderModeByConfig(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	st := newFakeStore()
	u := ts.appendMsg("INBOX", msg("c1", "Result", "type=match-result"))
	cfg := testConfig(ts.addr)
	cfg.IMAP.Tagging = "folder"
	cfg.IMAP.FolderPrefix = "Programs"
	w := newTestWatcher(t, cfg, st, nil)
	if _, err := w.Once(ctxT(t, 10*time.Second)); err != nil {
		t.Fatal(err)
	}
	if n := len(ts.flags("Programs/Match-Result")); n != 1 {
		t.Errorf("Programs/Match-Result holds %d, want 1", n)
	}
	if fl := ts.flags("INBOX")[u]; len(fl) != 0 {
		t.Errorf("folder mode set flags %v on the original", fl)
	}
}

func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func runWatcher(t *testing.T, w *Watcher) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	return func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Errorf("Run did not stop within 5s of cancel")
		}
	}
}

func TestIdleWakesUp(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	st := newFakeStore()
	ts.appendMsg("INBOX", msg("i0", "Old", "type=waitlist"))
	w := newTestWatcher(t, testConfig(ts.addr), st, nil)
	stop := runWatcher(t, w)
	defer stop()
	waitFor(t, 5*time.Second, "the first catch-up", func() bool { return len(st.Events()) == 1 })
	for i := range 3 {
		time.Sleep(50 * time.Millisecond)
		start := time.Now()
		uid := ts.appendMsg("INBOX", msg(fmt.Sprint("i", i+1), "New", "type=interview-invite"))
		waitFor(t, 2*time.Second, "the new message to be tagged", func() bool {
			return slices.Contains(ts.flags("INBOX")[uid], "match-interview-invite")
		})
		t.Logf("tagged in %v", time.Since(start))
	}
	if n := len(st.Events()); n != 4 {
		t.Errorf("events = %d, want 4", n)
	}
}

func TestPollingWithoutIdle(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	st := newFakeStore()
	w := newTestWatcher(t, testConfig(ts.addr), st, func(o *Options) { o.noIdle = true })
	stop := runWatcher(t, w)
	defer stop()
	time.Sleep(100 * time.Millisecond)
	uid := ts.appendMsg("INBOX", msg("p1", "New", "type=eligibility-reply"))
	waitFor(t, 2*time.Second, "polling to tag the message", func() bool {
		return slices.Contains(ts.flags("INBOX")[uid], "match-eligibility-reply")
	})
}

func TestReconnectAfterServerCloses(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	st := newFakeStore()
	ts.appendMsg("INBOX", msg("r0", "Old", "type=waitlist"))
	w := newTestWatcher(t, testConfig(ts.addr), st, nil)
	stop := runWatcher(t, w)
	defer stop()
	waitFor(t, 5*time.Second, "the first catch-up", func() bool { return len(st.Events()) == 1 })

	for round := range 2 {
		ts.stop()
		// Mail that arrives while the watcher is disconnected.
		uid := ts.appendMsg("INBOX", msg(fmt.Sprint("r", round+1), "While down", "type=interview-confirmation"))
		time.Sleep(150 * time.Millisecond)
		ts.restart()
		waitFor(t, 5*time.Second, "the watcher to reconnect and tag", func() bool {
			return slices.Contains(ts.flags("INBOX")[uid], "match-interview-confirmation")
		})
		// And IDLE works on the new connection.
		uid = ts.appendMsg("INBOX", msg(fmt.Sprint("s", round+1), "After", "type=waitlist"))
		waitFor(t, 2*time.Second, "a message after the reconnect", func() bool {
			return slices.Contains(ts.flags("INBOX")[uid], "match-waitlist")
		})
	}
	if n := len(st.Events()); n != 5 {
		t.Errorf("events = %d, want 5", n)
	}
}

func TestRunStopsOnCancel(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	w := newTestWatcher(t, testConfig(ts.addr), newFakeStore(), nil)
	stop := runWatcher(t, w)
	time.Sleep(200 * time.Millisecond)
	stop() // fails the test when Run does not return
}

func TestOnceFailsOnBadLogin(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	w := newTestWatcher(t, testConfig(ts.addr), newFakeStore(), func(o *Options) {
		o.Password = func(context.Context) (string, error) { return "wrong", nil }
	})
	start := time.Now()
	_, err := w.Once(ctxT(t, 10*time.Second))
	if err == nil || !strings.Contains(err.Error(), "refused") {
		t.Errorf("err = %v, want a refused login", err)
	}
	if time.Since(start) > time.Second {
		t.Errorf("a refused login was retried (%v)", time.Since(start))
	}
}

func TestSeveralMailboxes(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	if err := ts.user.Create("Programs", &goimap.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	st := newFakeStore()
	ts.appendMsg("INBOX", msg("m1", "A", "type=waitlist"))
	ts.appendMsg("Programs", msg("m2", "B", "type=interview-invite"))
	cfg := testConfig(ts.addr)
	cfg.IMAP.Mailboxes = []string{"INBOX", "Programs"}
	w := newTestWatcher(t, cfg, st, nil)
	stats, err := w.Once(ctxT(t, 10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if stats.Events != 2 {
		t.Errorf("stats = %+v, want 2 events", stats)
	}
}

func TestFolderName(t *testing.T) {
	for _, c := range []struct {
		prefix string
		delim  rune
		typ    string
		want   string
	}{
		{"Match", '/', "interview-invite", "Match/Interview-Invite"},
		{"Match", '.', "pre-match-offer", "Match.Pre-Match-Offer"},
		{"INBOX.Match", '.', "waitlist", "INBOX.Match.Waitlist"},
		{"Match", 0, "match-result", "Match/Match-Result"},
	} {
		if got := FolderName(c.prefix, c.delim, c.typ); got != c.want {
			t.Errorf("FolderName(%q, %q, %q) = %q, want %q", c.prefix, c.delim, c.typ, got, c.want)
		}
	}
	if Keyword("other") != "" || Keyword("waitlist") != "match-waitlist" {
		t.Error("Keyword")
	}
}

func TestBackoff(t *testing.T) {
	b := &backoff{min: time.Second, max: time.Minute}
	var last time.Duration
	for range 20 {
		last = b.next()
		if last > time.Minute || last < 500*time.Millisecond {
			t.Fatalf("delay %v out of bounds", last)
		}
	}
	if last < 30*time.Second {
		t.Errorf("delay after 20 failures = %v, want near the 1m cap", last)
	}
	b.reset()
	if d := b.next(); d > time.Second {
		t.Errorf("after reset: %v", d)
	}
}

// batchStore is a fakeStore with AddEvents, as a store with transactions.
type batchStore struct {
	*fakeStore
	calls int
}

func (b *batchStore) AddEvents(evs []Event) ([]bool, error) {
	b.calls++
	out := make([]bool, len(evs))
	for i, e := range evs {
		out[i], _ = b.AddEvent(e)
	}
	return out, nil
}

func TestEventBatcherIsUsed(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	for i := range 5 {
		ts.appendMsg("INBOX", msg(fmt.Sprint("eb", i), "Update", "type=program-update"))
	}
	st := &batchStore{fakeStore: newFakeStore()}
	w := newTestWatcher(t, testConfig(ts.addr), st, func(o *Options) { o.BatchSize = 2 })
	stats, err := w.Once(ctxT(t, 10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if stats.Events != 5 || st.calls != 3 {
		t.Errorf("events %d in %d AddEvents calls, want 5 in 3 (one a batch)", stats.Events, st.calls)
	}
}
