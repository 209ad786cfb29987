package smtp

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"net/textproto"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	gosmtp "github.com/emersion/go-smtp"
	"github.com/matchguard/matchguard/analyzer"
	"github.com/matchguard/matchguard/config"
)

// ---- the in-process upstream ----

type upMsg struct {
	from  string
	rcpts []string
	raw   []byte
}

// fakeUpstream is a go-smtp server that checks PLAIN/LOGIN passwords and
// XOAUTH2 tokens, keeps what it accepts, and can be told to fail.
type fakeUpstream struct {
	t    *testing.T
	srv  *gosmtp.Server
	ln   net.Listener
	addr string

	mu       sync.Mutex
	msgs     []upMsg
	mailErr  error
	rcptErr  error
	dataErr  error
	dropData bool // close the connection at DATA
	auths    int
	conns    int // sessions opened
	mails    int // MAIL commands accepted
	dataRead int // bytes of message text read so far
	// idle, when set before start, ends a session that sends nothing for
	// so long with go-smtp's 421.
	idle time.Duration
	// tls, when set before start, offers STARTTLS.
	tls      *tls.Config
	tlsMails int // MAIL commands over TLS
}

func newFakeUpstream(t *testing.T) *fakeUpstream {
	t.Helper()
	u := &fakeUpstream{t: t}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	u.ln, u.addr = ln, ln.Addr().String()
	u.start()
	t.Cleanup(u.stop)
	return u
}

func (u *fakeUpstream) start() {
	s := gosmtp.NewServer(gosmtp.BackendFunc(func(c *gosmtp.Conn) (gosmtp.Session, error) {
		u.mu.Lock()
		u.conns++
		u.mu.Unlock()
		return &upSession{u: u, c: c}, nil
	}))
	s.ReadTimeout = u.idle
	s.TLSConfig = u.tls
	s.AllowInsecureAuth = true
	s.Domain = "upstream.test"
	s.ErrorLog = logAdapter{discardLog()}
	u.srv = s
	go s.Serve(u.ln)
}

// stop closes the server and its listener. Closing the listener too
// matters: Server.Close only closes listeners that Serve has registered,
// and Serve runs in a goroutine that may not have started yet.
func (u *fakeUpstream) stop() {
	u.srv.Close()
	u.ln.Close()
}

// restart listens again on the same address.
func (u *fakeUpstream) restart() {
	var err error
	for i := 0; i < 50; i++ {
		if u.ln, err = net.Listen("tcp", u.addr); err == nil {
			u.start()
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	u.t.Fatal(err)
}

func (u *fakeUpstream) received() []upMsg {
	u.mu.Lock()
	defer u.mu.Unlock()
	return append([]upMsg(nil), u.msgs...)
}

func (u *fakeUpstream) set(f func(u *fakeUpstream)) {
	u.mu.Lock()
	defer u.mu.Unlock()
	f(u)
}

type upSession struct {
	u      *fakeUpstream
	c      *gosmtp.Conn
	authed bool
	from   string
	rcpts  []string
}

func (s *upSession) AuthMechanisms() []string { return []string{"PLAIN", "LOGIN", "XOAUTH2"} }

func (s *upSession) Auth(mech string) (sasl.Server, error) {
	check := func(user, pass string) error {
		s.u.mu.Lock()
		s.u.auths++
		s.u.mu.Unlock()
		if user == "amina" && pass == "s3cret" {
			s.authed = true
			return nil
		}
		return gosmtp.ErrAuthFailed
	}
	switch mech {
	case "PLAIN":
		return sasl.NewPlainServer(func(_, u, p string) error { return check(u, p) }), nil
	case "LOGIN":
		return newLoginServer(check), nil
	case "XOAUTH2":
		return newTokenServer(func(ir []byte) error {
			if string(ir) == "user=amina\x01auth=Bearer good-token\x01\x01" {
				s.authed = true
				return nil
			}
			return gosmtp.ErrAuthFailed
		}), nil
	}
	return nil, gosmtp.ErrAuthUnknownMechanism
}

func (s *upSession) Mail(from string, _ *gosmtp.MailOptions) error {
	if !s.authed {
		return errAuthRequired
	}
	s.u.mu.Lock()
	defer s.u.mu.Unlock()
	if s.u.mailErr != nil {
		return s.u.mailErr
	}
	s.u.mails++
	if _, ok := s.c.TLSConnectionState(); ok {
		s.u.tlsMails++
	}
	s.from = from
	return nil
}

func (s *upSession) Rcpt(to string, _ *gosmtp.RcptOptions) error {
	s.u.mu.Lock()
	defer s.u.mu.Unlock()
	if s.u.rcptErr != nil {
		return s.u.rcptErr
	}
	s.rcpts = append(s.rcpts, to)
	return nil
}

func (s *upSession) Data(r io.Reader) error {
	s.u.mu.Lock()
	drop, derr := s.u.dropData, s.u.dataErr
	s.u.mu.Unlock()
	if drop {
		s.c.Conn().Close()
		return errors.New("dropped")
	}
	b, err := io.ReadAll(countingReader{r, s.u})
	if err != nil {
		return err
	}
	if derr != nil {
		return derr
	}
	s.u.mu.Lock()
	s.u.msgs = append(s.u.msgs, upMsg{s.from, s.rcpts, b})
	s.u.mu.Unlock()
	return nil
}

type countingReader struct {
	r io.Reader
	u *fakeUpstream
}

func (c countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.u.mu.Lock()
	c.u.dataRead += n
	c.u.mu.Unlock()
	return n, err
}

func (s *upSession) Reset()        { s.from, s.rcpts = "", nil }
func (s *upSession) Logout() error { return nil }

// ---- fakes for the engine and the store ----

// fakeEngine judges by marker words in the raw text.
type fakeEngine struct {
	mu    sync.Mutex
	calls int
}

func (e *fakeEngine) Check(in analyzer.Input, _ analyzer.History) (analyzer.Result, error) {
	e.mu.Lock()
	e.calls++
	e.mu.Unlock()
	text := in.Msg.Text
	r := analyzer.Result{Verdict: analyzer.Pass}
	switch {
	case strings.Contains(text, "rank you first if you rank me"):
		r.Verdict = analyzer.VerdBlk
		r.Findings = []analyzer.Finding{{Rule: "quid-pro-quo", Action: analyzer.Block,
			Message: "Offering a ranking in exchange for one breaks the Match rules.",
			Excerpt: "I will rank you first if you rank me highly", Suggestion: "I remain very interested in your program."}}
	case strings.Contains(text, "I commit to"):
		r.Verdict = analyzer.VerdHold
		r.Findings = []analyzer.Finding{{Rule: "binding-commitment", Action: analyzer.Hold,
			Message: "A promise to rank a program can read as a commitment.", Excerpt: "I commit to ranking you"}}
	case strings.Contains(text, "top choice"):
		r.Verdict = analyzer.VerdWarn
		r.Findings = []analyzer.Finding{{Rule: "top-choice", Action: analyzer.Warn, Message: "Say this to one program only."}}
	}
	return r, nil
}

type fakeStore struct {
	mu      sync.Mutex
	sends   []analyzer.Sent
	events  []Event
	reviews map[string]*Review
	order   []string
	fail    bool
}

func newFakeStore() *fakeStore { return &fakeStore{reviews: map[string]*Review{}} }

var errFake = errors.New("disk full")

func (f *fakeStore) TopChoicePrograms(time.Time) ([]string, error)  { return nil, nil }
func (f *fakeStore) Updates(string, time.Time) ([]time.Time, error) { return nil, nil }
func (f *fakeStore) InterviewDate(string) (time.Time, bool, error)  { return time.Time{}, false, nil }
func (f *fakeStore) SimilarSends(analyzer.Sketch, string, float64, time.Time) ([]analyzer.Similar, error) {
	return nil, nil
}

func (f *fakeStore) RecordSend(s analyzer.Sent) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail {
		return errFake
	}
	f.sends = append(f.sends, s)
	return nil
}

func (f *fakeStore) AddEvent(e Event) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail {
		return errFake
	}
	f.events = append(f.events, e)
	return nil
}

func (f *fakeStore) AddReview(r *Review) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail {
		return "", errFake
	}
	id := fmt.Sprintf("r%d", len(f.order)+1)
	c := *r
	c.ID = id
	f.reviews[id] = &c
	f.order = append(f.order, id)
	return id, nil
}

func (f *fakeStore) TakeApproval(fp string) (*Review, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail {
		return nil, errFake
	}
	for _, id := range f.order {
		r := f.reviews[id]
		if r.Fingerprint == fp && (r.Status == StatusApproved || r.Status == StatusOverridden) {
			c := *r
			r.Status = StatusSent
			return &c, nil
		}
	}
	return nil, nil
}

func (f *fakeStore) ReturnApproval(r *Review) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reviews[r.ID].Status = r.Status
	return nil
}

func (f *fakeStore) setStatus(id, st string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reviews[id].Status = st
}

func (f *fakeStore) counts() (sends, events, reviews int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.sends), len(f.events), len(f.order)
}

// ---- the proxy under test ----

type harness struct {
	t      *testing.T
	up     *fakeUpstream
	store  *fakeStore
	engine *fakeEngine
	srv    *Server
	addr   string
	cancel context.CancelFunc
	done   chan error
	once   sync.Once
}

const testConfig = `
[applicant]
name = "Amina Rahman"
emails = ["amina@example.org"]

[[program]]
key = "lakeside"
name = "Clinical Informatics Fellowship"
institution = "Lakeside University Medical Center"
domains = ["lakeside-med.org"]

[smtp]
listen = "127.0.0.1:0"
max_message_bytes = 200000
timeout = "10s"
[smtp.upstream]
address = "%s"
security = "none"

[web]
listen = "127.0.0.1:8025"

[data]
dir = "%s"
`

func discardLog() *slogLogger { return newDiscardLogger() }

func newHarness(t *testing.T, edit func(o *Options)) *harness {
	t.Helper()
	h := &harness{t: t, up: newFakeUpstream(t), store: newFakeStore(), engine: &fakeEngine{}}
	cfg, err := config.Parse("test.toml", []byte(fmt.Sprintf(testConfig, h.up.addr, t.TempDir())))
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Config: cfg, Engine: h.engine, Store: h.store, Grace: 3 * time.Second, Log: testLogger(t)}
	if edit != nil {
		edit(&o)
	}
	h.srv, err = New(o)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.srv.Listen(); err != nil {
		t.Fatal(err)
	}
	h.addr = h.srv.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel, h.done = cancel, make(chan error, 1)
	go func() { h.done <- h.srv.Serve(ctx) }()
	t.Cleanup(h.shutdown)
	return h
}

func (h *harness) shutdown() { h.once.Do(h.doShutdown) }

func (h *harness) doShutdown() {
	h.cancel()
	select {
	case err := <-h.done:
		if err != nil {
			h.t.Errorf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		h.t.Error("Serve did not return after cancel")
	}
}

// client speaks raw protocol lines.
type client struct {
	t    *testing.T
	conn net.Conn
	tp   *textproto.Conn
}

func (h *harness) dial() *client {
	h.t.Helper()
	c, err := net.Dial("tcp", h.addr)
	if err != nil {
		h.t.Fatal(err)
	}
	c.SetDeadline(time.Now().Add(20 * time.Second))
	cl := &client{t: h.t, conn: c, tp: textproto.NewConn(c)}
	h.t.Cleanup(func() { c.Close() })
	cl.expect(220)
	return cl
}

func (c *client) read() (int, string) {
	c.t.Helper()
	code, msg, err := c.tp.ReadResponse(0)
	if err != nil && code == 0 {
		c.t.Fatalf("read reply: %v", err)
	}
	return code, msg
}

func (c *client) expect(want int) string {
	c.t.Helper()
	code, msg := c.read()
	if code != want {
		c.t.Fatalf("got %d %q, want %d", code, msg, want)
	}
	return msg
}

func (c *client) cmd(line string) (int, string) {
	c.t.Helper()
	if err := c.tp.PrintfLine("%s", line); err != nil {
		c.t.Fatal(err)
	}
	return c.read()
}

func (c *client) must(line string, want int) string {
	c.t.Helper()
	code, msg := c.cmd(line)
	if code != want {
		c.t.Fatalf("%s: got %d %q, want %d", line, code, msg, want)
	}
	return msg
}

func plainIR(user, pass string) string {
	return base64.StdEncoding.EncodeToString([]byte("\x00" + user + "\x00" + pass))
}

func (c *client) login() {
	c.t.Helper()
	c.must("EHLO client.test", 250)
	c.must("AUTH PLAIN "+plainIR("amina", "s3cret"), 235)
}

// send runs one transaction and returns the final reply.
func (c *client) send(from string, rcpts []string, msg string) (int, string) {
	c.t.Helper()
	c.must("MAIL FROM:<"+from+">", 250)
	for _, r := range rcpts {
		c.must("RCPT TO:<"+r+">", 250)
	}
	c.must("DATA", 354)
	w := c.tp.DotWriter()
	io.WriteString(w, msg)
	w.Close()
	return c.read()
}

func mkMsg(to, subject, body string) string {
	return "From: Amina Rahman <amina@example.org>\r\n" +
		"To: " + to + "\r\n" +
		"Subject: " + subject + "\r\n" +
		"Message-ID: <" + fmt.Sprint(time.Now().UnixNano()) + "@example.org>\r\n" +
		"Date: Thu, 26 Nov 2026 10:00:00 +0000\r\n" +
		"\r\n" + body + "\r\n"
}

const pd = "hpark@lakeside-med.org"

// ---- tests ----

func TestProgramMailRelayedAndRecorded(t *testing.T) {
	h := newHarness(t, nil)
	c := h.dial()
	c.login()
	msg := mkMsg(pd, "Thank you", "Dear Dr Park,\r\n.leading dot line\r\nThank you for the interview.")
	code, text := c.send("amina@example.org", []string{pd}, msg)
	if code != 250 {
		t.Fatalf("DATA: %d %s", code, text)
	}
	got := h.up.received()
	if len(got) != 1 || !bytes.Equal(got[0].raw, []byte(msg)) {
		t.Fatalf("upstream got %d messages; first differs from what was sent", len(got))
	}
	if got[0].from != "amina@example.org" || len(got[0].rcpts) != 1 || got[0].rcpts[0] != pd {
		t.Errorf("envelope = %q %q", got[0].from, got[0].rcpts)
	}
	sends, events, reviews := h.store.counts()
	if sends != 1 || events != 1 || reviews != 0 {
		t.Errorf("store: sends=%d events=%d reviews=%d, want 1 1 0", sends, events, reviews)
	}
	h.store.mu.Lock()
	if s := h.store.sends[0]; s.Program != "lakeside" || s.Verdict != "pass" {
		t.Errorf("send = %+v", s)
	}
	if e := h.store.events[0]; e.Direction != "out" || e.Type != "pass" || e.Subject != "Thank you" && e.Subject != "" {
		t.Errorf("event = %+v", e)
	}
	h.store.mu.Unlock()
	// A second message on the same session reuses the upstream session.
	if code, text := c.send("amina@example.org", []string{pd}, mkMsg(pd, "Again", "Hello again.")); code != 250 {
		t.Fatalf("second DATA: %d %s", code, text)
	}
	h.up.mu.Lock()
	auths := h.up.auths
	h.up.mu.Unlock()
	if auths != 1 {
		t.Errorf("upstream AUTHs = %d, want 1 (connection kept)", auths)
	}
	c.must("QUIT", 221)
}

func TestFriendMailUntouchedNotStored(t *testing.T) {
	h := newHarness(t, nil)
	c := h.dial()
	c.login()
	// Bytes a rewriting relay would change: bare high-bit bytes, long
	// header folding, trailing spaces.
	msg := "From: amina@example.org\r\nTo: friend@example.net\r\nSubject: =?utf-8?q?caf=C3=A9?=\r\nX-Long: a\r\n\tb  \r\n\r\nI will rank you first if you rank me highly \xe9\r\n\r\n"
	if code, text := c.send("amina@example.org", []string{"friend@example.net"}, msg); code != 250 {
		t.Fatalf("DATA: %d %s", code, text)
	}
	got := h.up.received()
	if len(got) != 1 || !bytes.Equal(got[0].raw, []byte(msg)) {
		t.Fatalf("friend mail not relayed byte for byte")
	}
	if s, e, r := h.store.counts(); s+e+r != 0 {
		t.Errorf("store touched for friend mail: %d %d %d", s, e, r)
	}
	if h.engine.calls != 0 {
		t.Errorf("engine called %d times for friend mail", h.engine.calls)
	}
}

func TestAuthRequired(t *testing.T) {
	h := newHarness(t, nil)
	c := h.dial()
	c.must("EHLO client.test", 250)
	if code, msg := c.cmd("MAIL FROM:<amina@example.org>"); code != 530 || !strings.HasPrefix(msg, "5.7.0") {
		t.Fatalf("MAIL without AUTH: %d %q, want 530 5.7.0", code, msg)
	}
	if len(h.up.received()) != 0 {
		t.Fatal("relayed without AUTH")
	}
}

func TestWrongPassword(t *testing.T) {
	h := newHarness(t, nil)
	c := h.dial()
	c.must("EHLO client.test", 250)
	code, msg := c.cmd("AUTH PLAIN " + plainIR("amina", "wrong"))
	if code != 535 {
		t.Fatalf("wrong password: %d %q, want 535", code, msg)
	}
	c.must("MAIL FROM:<amina@example.org>", 530)
}

func TestAuthLogin(t *testing.T) {
	h := newHarness(t, nil)
	c := h.dial()
	c.must("EHLO client.test", 250)
	b64 := base64.StdEncoding.EncodeToString
	if msg := c.must("AUTH LOGIN", 334); msg != b64([]byte("Username:")) {
		t.Errorf("challenge %q", msg)
	}
	c.must(b64([]byte("amina")), 334)
	c.must(b64([]byte("s3cret")), 235)
	if code, _ := c.send("amina@example.org", []string{pd}, mkMsg(pd, "Hi", "Hello.")); code != 250 {
		t.Fatalf("send after LOGIN: %d", code)
	}
	// With the user name in the initial response.
	c2 := h.dial()
	c2.must("EHLO client.test", 250)
	c2.must("AUTH LOGIN "+b64([]byte("amina")), 334)
	c2.must(b64([]byte("nope")), 535)
}

func TestXOAUTH2PassedThrough(t *testing.T) {
	h := newHarness(t, nil)
	c := h.dial()
	c.must("EHLO client.test", 250)
	tok := func(s string) string {
		return base64.StdEncoding.EncodeToString([]byte("user=amina\x01auth=Bearer " + s + "\x01\x01"))
	}
	c.must("AUTH XOAUTH2 "+tok("bad-token"), 535)
	c2 := h.dial()
	c2.must("EHLO client.test", 250)
	c2.must("AUTH XOAUTH2 "+tok("good-token"), 235)
	if code, _ := c2.send("amina@example.org", []string{pd}, mkMsg(pd, "Hi", "Hello.")); code != 250 {
		t.Fatalf("send after XOAUTH2: %d", code)
	}
}

func TestUpstreamDownDuringAuth(t *testing.T) {
	h := newHarness(t, nil)
	h.up.stop()
	c := h.dial()
	c.must("EHLO client.test", 250)
	code, msg := c.cmd("AUTH PLAIN " + plainIR("amina", "s3cret"))
	if code != 454 {
		t.Fatalf("AUTH with upstream down: %d %q, want 454", code, msg)
	}
	h.up.restart()
	c2 := h.dial()
	c2.login()
	if code, _ := c2.send("amina@example.org", []string{pd}, mkMsg(pd, "Hi", "Hello.")); code != 250 {
		t.Fatalf("after restart: %d", code)
	}
}

func TestUpstreamDownAtData(t *testing.T) {
	h := newHarness(t, nil)
	c := h.dial()
	c.login()
	h.up.stop() // closes the kept connection too
	code, msg := c.send("amina@example.org", []string{pd}, mkMsg(pd, "Hi", "Hello."))
	if code != 451 || !strings.HasPrefix(msg, "4.4.1") {
		t.Fatalf("upstream down: %d %q, want 451 4.4.1", code, msg)
	}
	if s, e, _ := h.store.counts(); s+e != 0 {
		t.Error("recorded a send that did not happen")
	}
	// Same session, upstream back: the proxy re-dials with the session's
	// credentials and the same send succeeds.
	h.up.restart()
	if code, msg := c.send("amina@example.org", []string{pd}, mkMsg(pd, "Hi", "Hello.")); code != 250 {
		t.Fatalf("after restart: %d %q", code, msg)
	}
	if s, _, _ := h.store.counts(); s != 1 {
		t.Errorf("sends = %d, want 1", s)
	}
}

func TestUpstreamRepliesPassedOn(t *testing.T) {
	cases := []struct {
		name     string
		set      func(u *fakeUpstream)
		code     int
		enhanced string
		text     string
	}{
		{"data 4xx", func(u *fakeUpstream) {
			u.dataErr = &gosmtp.SMTPError{Code: 451, EnhancedCode: gosmtp.EnhancedCode{4, 7, 1}, Message: "Greylisted, try later"}
		}, 451, "4.7.1", "Greylisted"},
		{"data 5xx", func(u *fakeUpstream) {
			u.dataErr = &gosmtp.SMTPError{Code: 554, EnhancedCode: gosmtp.EnhancedCode{5, 7, 1}, Message: "Spam detected\nsecond line"}
		}, 554, "5.7.1", "Spam detected"},
		{"rcpt 5xx", func(u *fakeUpstream) {
			u.rcptErr = &gosmtp.SMTPError{Code: 550, EnhancedCode: gosmtp.EnhancedCode{5, 1, 1}, Message: "No such user"}
		}, 550, "5.1.1", "No such user"},
		{"mail 4xx", func(u *fakeUpstream) {
			u.mailErr = &gosmtp.SMTPError{Code: 452, EnhancedCode: gosmtp.EnhancedCode{4, 3, 1}, Message: "Mailbox full"}
		}, 452, "4.3.1", "Mailbox full"},
		{"drop at data", func(u *fakeUpstream) { u.dropData = true }, 451, "4.4.2", "send it again"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, nil)
			c := h.dial()
			c.login()
			h.up.set(tc.set)
			code, msg := c.send("amina@example.org", []string{pd}, mkMsg(pd, "Hi", "Hello."))
			lines := strings.Split(msg, "\n")
			last := lines[len(lines)-1]
			if code != tc.code || !strings.HasPrefix(last, tc.enhanced+" ") && !strings.HasPrefix(msg, tc.enhanced+" ") || !strings.Contains(msg, tc.text) {
				t.Fatalf("got %d %q, want %d %s …%s…", code, msg, tc.code, tc.enhanced, tc.text)
			}
			if s, e, _ := h.store.counts(); s+e != 0 {
				t.Error("recorded a send the upstream refused")
			}
			// The session stays usable once the upstream behaves.
			h.up.set(func(u *fakeUpstream) { u.dataErr, u.rcptErr, u.mailErr, u.dropData = nil, nil, nil, false })
			if code, msg := c.send("amina@example.org", []string{pd}, mkMsg(pd, "Hi", "Hello.")); code != 250 {
				t.Fatalf("retry: %d %q", code, msg)
			}
		})
	}
}

func TestHoldThenApprove(t *testing.T) {
	h := newHarness(t, nil)
	c := h.dial()
	c.login()
	body := "Dear Dr Park,\r\nI commit to ranking you first.\r\nAmina"
	code, msg := c.send("amina@example.org", []string{pd}, mkMsg(pd, "My plans", body))
	if code != 550 {
		t.Fatalf("hold: %d %q, want 550", code, msg)
	}
	lines := strings.Split(msg, "\n")
	if !strings.HasPrefix(lines[len(lines)-1], "5.7.1 ") {
		t.Errorf("last line %q lacks 5.7.1", lines[len(lines)-1])
	}
	for _, want := range []string{"binding-commitment", "I commit to ranking you", "http://127.0.0.1:8025/review/r1", "matchguard review approve r1"} {
		if !strings.Contains(msg, want) {
			t.Errorf("hold reply lacks %q:\n%s", want, msg)
		}
	}
	for _, l := range lines {
		if len(l) > 500 {
			t.Errorf("reply line of %d chars", len(l))
		}
	}
	if len(h.up.received()) != 0 {
		t.Fatal("held message relayed")
	}
	if r := h.store.reviews["r1"]; r == nil || r.Status != StatusHeld || r.Fingerprint == "" {
		t.Fatalf("review = %+v", r)
	}
	// Not approved yet: the same send is held again (a second review).
	if code, _ := c.send("amina@example.org", []string{pd}, mkMsg(pd, "My plans", body)); code != 550 {
		t.Fatalf("resend before approval: %d", code)
	}
	h.store.setStatus("r1", StatusApproved)
	// The client's re-send has a new Message-ID (mkMsg makes one).
	if code, msg := c.send("amina@example.org", []string{pd}, mkMsg(pd, "My plans", body)); code != 250 {
		t.Fatalf("after approval: %d %q", code, msg)
	}
	if len(h.up.received()) != 1 {
		t.Fatal("approved message not relayed")
	}
	h.store.mu.Lock()
	if v := h.store.sends[0].Verdict; v != StatusApproved {
		t.Errorf("recorded as %q, want approved", v)
	}
	if e := h.store.events[0]; e.Type != StatusApproved {
		t.Errorf("event type %q", e.Type)
	}
	h.store.mu.Unlock()
	// The approval is used up.
	if code, _ := c.send("amina@example.org", []string{pd}, mkMsg(pd, "My plans", body)); code != 550 {
		t.Fatalf("second send after one approval: %d", code)
	}
}

func TestBlockThenOverride(t *testing.T) {
	h := newHarness(t, nil)
	c := h.dial()
	c.login()
	body := "Dear Dr Park,\r\nI will rank you first if you rank me highly.\r\n"
	code, msg := c.send("amina@example.org", []string{pd, "friend@example.net"}, mkMsg(pd, "Ranking", body))
	if code != 550 {
		t.Fatalf("block: %d %q", code, msg)
	}
	for _, want := range []string{"quid-pro-quo", "I will rank you first if you rank me highly", "Why:", "Instead:", "review override r1 --why"} {
		if !strings.Contains(msg, want) {
			t.Errorf("block reply lacks %q:\n%s", want, msg)
		}
	}
	// An approval (not an override) does not let a block through.
	h.store.setStatus("r1", StatusApproved)
	if code, _ := c.send("amina@example.org", []string{pd, "friend@example.net"}, mkMsg(pd, "Ranking", body)); code != 550 {
		t.Fatalf("blocked message let through by approve: %d", code)
	}
	if st := h.store.reviews["r1"].Status; st != StatusApproved {
		t.Errorf("approval not returned: %s", st)
	}
	h.store.setStatus("r1", StatusOverridden)
	if code, msg := c.send("amina@example.org", []string{pd, "friend@example.net"}, mkMsg(pd, "Ranking", body)); code != 250 {
		t.Fatalf("after override: %d %q", code, msg)
	}
	if len(h.up.received()) != 1 {
		t.Fatal("overridden message not relayed")
	}
}

func TestWarnRelayedWithNotes(t *testing.T) {
	h := newHarness(t, nil)
	c := h.dial()
	c.login()
	if code, _ := c.send("amina@example.org", []string{pd}, mkMsg(pd, "Interest", "You are my top choice.")); code != 250 {
		t.Fatal("warn not relayed")
	}
	s, e, r := h.store.counts()
	if s != 1 || e != 1 || r != 1 {
		t.Fatalf("store: %d %d %d, want 1 1 1", s, e, r)
	}
	if rv := h.store.reviews["r1"]; rv.Status != StatusSent || rv.Verdict != analyzer.VerdWarn {
		t.Errorf("review = %+v", rv)
	}
}

func TestStoreFailure(t *testing.T) {
	h := newHarness(t, nil)
	h.store.fail = true
	c := h.dial()
	c.login()
	code, msg := c.send("amina@example.org", []string{pd}, mkMsg(pd, "x", "I commit to ranking you."))
	if code != 451 || !strings.HasPrefix(msg, "4.3.0") {
		t.Fatalf("store failure: %d %q, want 451 4.3.0", code, msg)
	}
	if len(h.up.received()) != 0 {
		t.Fatal("relayed although the review could not be stored")
	}
	// After the upstream accepted, a failing ledger must not make the
	// client send twice: 250.
	if code, msg := c.send("amina@example.org", []string{pd}, mkMsg(pd, "x", "Plain thanks.")); code != 250 {
		t.Fatalf("pass with failing ledger: %d %q", code, msg)
	}
}

func TestClientDropsMidData(t *testing.T) {
	h := newHarness(t, nil)
	c := h.dial()
	c.login()
	c.must("MAIL FROM:<amina@example.org>", 250)
	c.must("RCPT TO:<"+pd+">", 250)
	c.must("DATA", 354)
	io.WriteString(c.conn, "Subject: half\r\n\r\nThe first half of the")
	c.conn.Close()
	time.Sleep(200 * time.Millisecond)
	if len(h.up.received()) != 0 {
		t.Fatal("a half message was relayed")
	}
	if s, e, r := h.store.counts(); s+e+r != 0 {
		t.Fatal("a half message was recorded")
	}
}

func TestInjectionRefused(t *testing.T) {
	h := newHarness(t, nil)
	c := h.dial()
	c.login()
	for _, line := range []string{
		"MAIL FROM:<amina@example.org\rRCPT TO:<x@evil.test>>",
		"MAIL FROM:<amina@exa mple.org>",
		"MAIL FROM:<a\x00b@example.org>",
	} {
		if code, msg := c.cmd(line); code/100 != 5 {
			t.Errorf("%q: %d %q, want 5xx", line, code, msg)
		}
	}
	c2 := h.dial()
	c2.login()
	c2.must("MAIL FROM:<amina@example.org>", 250)
	for _, line := range []string{
		"RCPT TO:<x@evil.test\rDATA>",
		"RCPT TO:<x@evil..test>",
		"RCPT TO:<x@-evil.test>",
	} {
		if code, msg := c2.cmd(line); code/100 != 5 {
			t.Errorf("%q: %d %q, want 5xx", line, code, msg)
		}
	}
}

func TestTooLarge(t *testing.T) {
	h := newHarness(t, nil)
	c := h.dial()
	c.login()
	c.must("MAIL FROM:<amina@example.org> SIZE=300000", 552)
	big := mkMsg(pd, "big", strings.Repeat("0123456789abcdef0123456789abcdef012345678901234567890123456789\r\n", 4000))
	code, msg := c.send("amina@example.org", []string{pd}, big)
	if code != 552 {
		t.Fatalf("too large: %d %q", code, msg)
	}
	if len(h.up.received()) != 0 {
		t.Fatal("relayed a message over the limit")
	}
	if code, _ := c.send("amina@example.org", []string{pd}, mkMsg(pd, "ok", "small")); code != 250 {
		t.Fatal("session unusable after 552")
	}
}

func TestSizeHintExactAndWrong(t *testing.T) {
	for _, tc := range []struct {
		hint int
	}{{0}, {10}, {5}, {1 << 20}} {
		msg := strings.Repeat("x", 200000+tc.hint%7)
		got, err := readMessage(strings.NewReader(msg), tc.hint, 1<<22, 0, nil)
		if err != nil || string(got) != msg {
			t.Errorf("hint %d: %v, %d bytes", tc.hint, err, len(got))
		}
	}
	msg := "abc"
	got, _ := readMessage(strings.NewReader(msg), len(msg), 100, 0, nil)
	if string(got) != msg {
		t.Errorf("exact hint: %q", got)
	}
}

func TestConcurrentClients(t *testing.T) {
	h := newHarness(t, nil)
	var wg sync.WaitGroup
	errs := make(chan string, 40)
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			conn, err := net.Dial("tcp", h.addr)
			if err != nil {
				errs <- err.Error()
				return
			}
			defer conn.Close()
			tp := textproto.NewConn(conn)
			step := func(line string, want int) bool {
				if line != "" {
					tp.PrintfLine("%s", line)
				}
				code, msg, _ := tp.ReadResponse(0)
				if code != want {
					errs <- fmt.Sprintf("client %d: %q: %d %s", i, line, code, msg)
					return false
				}
				return true
			}
			rcpt := pd
			if i%2 == 1 {
				rcpt = "friend@example.net"
			}
			_ = step("", 220) && step("EHLO c", 250) && step("AUTH PLAIN "+plainIR("amina", "s3cret"), 235) &&
				step("MAIL FROM:<amina@example.org>", 250) && step("RCPT TO:<"+rcpt+">", 250) && step("DATA", 354) &&
				func() bool {
					w := tp.DotWriter()
					io.WriteString(w, mkMsg(rcpt, fmt.Sprintf("n%d", i), "Hello."))
					w.Close()
					return step("", 250)
				}() && step("QUIT", 221)
		}(i)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if n := len(h.up.received()); n != 20 {
		t.Errorf("upstream got %d, want 20", n)
	}
	if s, _, _ := h.store.counts(); s != 10 {
		t.Errorf("sends = %d, want 10", s)
	}
}

func TestGracefulShutdown(t *testing.T) {
	h := newHarness(t, nil)
	idle := h.dial()
	idle.login()
	busy := h.dial()
	busy.login()
	busy.must("MAIL FROM:<amina@example.org>", 250)
	busy.must("RCPT TO:<"+pd+">", 250)
	busy.must("DATA", 354)
	io.WriteString(busy.conn, "Subject: in flight\r\n\r\nfirst part ")

	go h.shutdown()
	// The idle session is told to come back later.
	if code, _ := idle.read(); code != 421 {
		t.Errorf("idle session got %d, want 421", code)
	}
	// The session in the middle of a message finishes it.
	time.Sleep(100 * time.Millisecond)
	io.WriteString(busy.conn, "second part\r\n.\r\n")
	if code, msg := busy.read(); code != 250 {
		t.Fatalf("in-flight message: %d %q", code, msg)
	}
	if len(h.up.received()) != 1 {
		t.Fatal("in-flight message not relayed")
	}
	// New connections are refused.
	if c, err := net.DialTimeout("tcp", h.addr, time.Second); err == nil {
		c.Close()
		t.Error("listener still open after shutdown")
	}
}

func TestLocalAuth(t *testing.T) {
	t.Setenv("MG_TEST_LOCAL_PW", "local-pw")
	t.Setenv("MG_TEST_UP_PW", "s3cret")
	h := newHarness(t, func(o *Options) {
		o.Config.SMTP.Auth = "local"
		o.Config.SMTP.Username = "me"
		o.Config.SMTP.LocalPasswordEnv = "MG_TEST_LOCAL_PW"
		o.Config.SMTP.Upstream.Username = "amina"
		o.Config.SMTP.Upstream.PasswordEnv = "MG_TEST_UP_PW"
	})
	c := h.dial()
	ehlo := c.must("EHLO c", 250)
	if strings.Contains(ehlo, "XOAUTH2") {
		t.Error("local mode offers XOAUTH2")
	}
	c.must("AUTH PLAIN "+plainIR("amina", "s3cret"), 535) // upstream creds are not the local ones
	c2 := h.dial()
	c2.must("EHLO c", 250)
	c2.must("AUTH PLAIN "+plainIR("me", "local-pw"), 235)
	if code, msg := c2.send("amina@example.org", []string{pd}, mkMsg(pd, "Hi", "Hello.")); code != 250 {
		t.Fatalf("local mode send: %d %q", code, msg)
	}
}

func TestRefusesNonLoopbackWithoutTLS(t *testing.T) {
	cfg, err := config.Parse("t.toml", []byte(fmt.Sprintf(testConfig, "127.0.0.1:25", t.TempDir())))
	if err != nil {
		t.Fatal(err)
	}
	cfg.SMTP.Listen = "0.0.0.0:1587"
	_, err = New(Options{Config: cfg, Engine: &fakeEngine{}, Store: newFakeStore()})
	if err == nil || !strings.Contains(err.Error(), "not a loopback address") {
		t.Fatalf("New = %v, want a loopback refusal", err)
	}
}

func TestCertMadeOnceAndKept(t *testing.T) {
	dir := t.TempDir()
	c1, made, err := loadCert("", "", dir, nil)
	if err != nil || !made {
		t.Fatalf("first: made=%v err=%v", made, err)
	}
	c2, made, err := loadCert("", "", dir, nil)
	if err != nil || made || Fingerprint(c1) != Fingerprint(c2) {
		t.Fatalf("second: made=%v err=%v same=%v", made, err, Fingerprint(c1) == Fingerprint(c2))
	}
	if len(Fingerprint(c1)) != 95 {
		t.Errorf("fingerprint %q", Fingerprint(c1))
	}
}

func TestStartTLSOffered(t *testing.T) {
	h := newHarness(t, nil)
	c := h.dial()
	ehlo := c.must("EHLO c", 250)
	if !strings.Contains(ehlo, "STARTTLS") || !strings.Contains(ehlo, "AUTH PLAIN LOGIN XOAUTH2 OAUTHBEARER") {
		t.Errorf("EHLO: %q", ehlo)
	}
}

func TestNormalizeReply(t *testing.T) {
	in := &gosmtp.SMTPError{Code: 550, Message: "5.7.1 first line\n5.7.1 second line"}
	out := normalizeReply(in)
	if out.EnhancedCode != (gosmtp.EnhancedCode{5, 7, 1}) || out.Message != "first line\nsecond line" {
		t.Errorf("got %v %q", out.EnhancedCode, out.Message)
	}
	if out := normalizeReply(&gosmtp.SMTPError{Code: 250, Message: "odd"}); out.Code != 451 {
		t.Errorf("2xx as error became %d", out.Code)
	}
}
