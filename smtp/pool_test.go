package smtp

import (
	"bytes"
	"encoding/base64"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	gosmtp "github.com/emersion/go-smtp"
)

func (u *fakeUpstream) counts() (auths, conns int) {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.auths, u.conns
}

// waitPool waits until the pool holds n idle connections (sessions put
// theirs back when they end, after the client has had its 221).
func waitPool(t *testing.T, h *harness, n int) {
	t.Helper()
	for i := 0; i < 200; i++ {
		if h.srv.pool.size() == n {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("pool holds %d idle connections, want %d", h.srv.pool.size(), n)
}

// session runs one whole client session with the given AUTH line and, when
// it is accepted, one message; it returns the AUTH reply's code and the
// message's.
func (h *harness) session(auth string, subject string) (authCode, dataCode int) {
	h.t.Helper()
	c := h.dial()
	c.must("EHLO client.test", 250)
	authCode, _ = c.cmd(auth)
	if authCode != 235 {
		c.must("QUIT", 221)
		return authCode, 0
	}
	dataCode, _ = c.send("amina@example.org", []string{pd}, mkMsg(pd, subject, "Thank you for the interview."))
	c.must("QUIT", 221)
	return authCode, dataCode
}

var goodAuth = "AUTH PLAIN " + plainIR("amina", "s3cret")

func TestPoolReusesAuthenticatedConnection(t *testing.T) {
	h := newHarness(t, nil)
	for i := 0; i < 3; i++ {
		if a, d := h.session(goodAuth, "Thanks"); a != 235 || d != 250 {
			t.Fatalf("session %d: AUTH %d, DATA %d", i, a, d)
		}
		waitPool(t, h, 1)
	}
	auths, conns := h.up.counts()
	if auths != 1 || conns != 1 {
		t.Errorf("upstream saw %d AUTHs on %d connections, want 1 and 1 (pooled)", auths, conns)
	}
	if n := len(h.up.received()); n != 3 {
		t.Errorf("upstream got %d messages, want 3", n)
	}
	if s, _, _ := h.store.counts(); s != 3 {
		t.Errorf("sends recorded = %d, want 3", s)
	}
}

func TestPoolWrongPasswordStillRefused(t *testing.T) {
	h := newHarness(t, nil)
	if a, d := h.session(goodAuth, "Thanks"); a != 235 || d != 250 {
		t.Fatalf("first session: AUTH %d, DATA %d", a, d)
	}
	waitPool(t, h, 1)
	// Same user, other passwords, other identities: each one goes to the
	// upstream, which refuses it; the pooled connection stays unused.
	for _, auth := range []string{
		"AUTH PLAIN " + plainIR("amina", "wrong"),
		"AUTH PLAIN " + plainIR("amina", "s3cret "),
		"AUTH PLAIN " + base64.StdEncoding.EncodeToString([]byte("someone\x00amina\x00s3cre")),
	} {
		if a, _ := h.session(auth, "x"); a != 535 {
			t.Errorf("%s after a pooled success: %d, want 535", auth, a)
		}
	}
	if auths, _ := h.up.counts(); auths != 4 {
		t.Errorf("upstream AUTHs = %d, want 4 (each wrong password checked upstream)", auths)
	}
	if h.srv.pool.size() != 1 {
		t.Errorf("pool size %d, want 1", h.srv.pool.size())
	}
	// A refusal is not remembered either way: the right password still
	// takes the pooled connection.
	if a, d := h.session(goodAuth, "Again"); a != 235 || d != 250 {
		t.Fatalf("good password after refusals: AUTH %d, DATA %d", a, d)
	}
	if auths, _ := h.up.counts(); auths != 4 {
		t.Errorf("upstream AUTHs = %d, want 4", auths)
	}
}

func TestPoolLoginAndPlainShareConnection(t *testing.T) {
	h := newHarness(t, nil)
	if a, _ := h.session(goodAuth, "x"); a != 235 {
		t.Fatal(a)
	}
	waitPool(t, h, 1)
	c := h.dial()
	c.must("EHLO client.test", 250)
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	c.must("AUTH LOGIN "+b64("amina"), 334)
	c.must(b64("s3cret"), 235)
	if code, _ := c.send("amina@example.org", []string{pd}, mkMsg(pd, "Hi", "Hello.")); code != 250 {
		t.Fatalf("send: %d", code)
	}
	if auths, _ := h.up.counts(); auths != 1 {
		t.Errorf("upstream AUTHs = %d, want 1", auths)
	}
}

func TestPoolDeadConnectionRetried(t *testing.T) {
	h := newHarness(t, nil)
	if a, d := h.session(goodAuth, "One"); a != 235 || d != 250 {
		t.Fatalf("first session: AUTH %d, DATA %d", a, d)
	}
	waitPool(t, h, 1)
	// The upstream restarts: the pooled connection is dead, but the proxy
	// cannot know until it uses it.
	h.up.stop()
	h.up.restart()
	if a, d := h.session(goodAuth, "Two"); a != 235 || d != 250 {
		t.Fatalf("session on a dead pooled connection: AUTH %d, DATA %d", a, d)
	}
	got := h.up.received()
	if len(got) != 2 {
		t.Fatalf("upstream got %d messages, want 2", len(got))
	}
	if auths, conns := h.up.counts(); auths != 2 || conns != 2 {
		t.Errorf("upstream AUTHs %d on %d connections, want 2 and 2", auths, conns)
	}
	if s, _, _ := h.store.counts(); s != 2 {
		t.Errorf("sends recorded = %d, want 2", s)
	}
}

func TestPoolIdleClosedByUpstreamRetried(t *testing.T) {
	h := newHarness(t, nil)
	h.up.stop()
	h.up.idle = 150 * time.Millisecond // the upstream says 421 and hangs up
	h.up.restart()
	if a, d := h.session(goodAuth, "One"); a != 235 || d != 250 {
		t.Fatalf("first session: AUTH %d, DATA %d", a, d)
	}
	waitPool(t, h, 1)
	time.Sleep(400 * time.Millisecond)
	if a, d := h.session(goodAuth, "Two"); a != 235 || d != 250 {
		t.Fatalf("after the upstream's idle timeout: AUTH %d, DATA %d", a, d)
	}
	if n := len(h.up.received()); n != 2 {
		t.Fatalf("upstream got %d messages, want 2", n)
	}
}

func TestPoolIdleExpiry(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.UpstreamIdle = 100 * time.Millisecond })
	if a, d := h.session(goodAuth, "One"); a != 235 || d != 250 {
		t.Fatalf("AUTH %d, DATA %d", a, d)
	}
	waitPool(t, h, 1)
	waitPool(t, h, 0)
	if a, d := h.session(goodAuth, "Two"); a != 235 || d != 250 {
		t.Fatalf("AUTH %d, DATA %d", a, d)
	}
	if auths, _ := h.up.counts(); auths != 2 {
		t.Errorf("upstream AUTHs = %d, want 2 (the idle connection expired)", auths)
	}
}

func TestPoolBounded(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.UpstreamIdleMax = 2 })
	var cs []*client
	for i := 0; i < 4; i++ {
		c := h.dial()
		c.login()
		cs = append(cs, c)
	}
	for _, c := range cs {
		c.must("QUIT", 221)
	}
	time.Sleep(100 * time.Millisecond)
	if n := h.srv.pool.size(); n != 2 {
		t.Errorf("pool holds %d, want 2", n)
	}
}

func TestPoolDisabled(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.UpstreamIdleMax = -1 })
	for i := 0; i < 2; i++ {
		if a, d := h.session(goodAuth, "x"); a != 235 || d != 250 {
			t.Fatalf("AUTH %d, DATA %d", a, d)
		}
	}
	if auths, _ := h.up.counts(); auths != 2 {
		t.Errorf("upstream AUTHs = %d, want 2", auths)
	}
}

func TestPoolTokens(t *testing.T) {
	h := newHarness(t, nil)
	tok := func(s string) string {
		return "AUTH XOAUTH2 " + base64.StdEncoding.EncodeToString([]byte("user=amina\x01auth=Bearer "+s+"\x01\x01"))
	}
	if a, d := h.session(tok("good-token"), "x"); a != 235 || d != 250 {
		t.Fatalf("AUTH %d, DATA %d", a, d)
	}
	waitPool(t, h, 1)
	if a, _ := h.session(tok("bad-token"), "x"); a != 535 {
		t.Errorf("bad token after a pooled good one: %d, want 535", a)
	}
	// A password does not take a token's connection.
	if a, d := h.session(goodAuth, "x"); a != 235 || d != 250 {
		t.Fatalf("AUTH %d, DATA %d", a, d)
	}
	if a, d := h.session(tok("good-token"), "x"); a != 235 || d != 250 {
		t.Fatalf("AUTH %d, DATA %d", a, d)
	}
	if _, conns := h.up.counts(); conns != 3 {
		t.Errorf("upstream connections = %d, want 3 (good token, bad token, password)", conns)
	}
}

func TestPoolLocalMode(t *testing.T) {
	t.Setenv("MG_TEST_LOCAL_PW", "local-pw")
	t.Setenv("MG_TEST_UP_PW", "s3cret")
	h := newHarness(t, func(o *Options) {
		o.Config.SMTP.Auth = "local"
		o.Config.SMTP.Username = "me"
		o.Config.SMTP.LocalPasswordEnv = "MG_TEST_LOCAL_PW"
		o.Config.SMTP.Upstream.Username = "amina"
		o.Config.SMTP.Upstream.PasswordEnv = "MG_TEST_UP_PW"
	})
	local := "AUTH PLAIN " + plainIR("me", "local-pw")
	for i := 0; i < 3; i++ {
		if a, d := h.session(local, "x"); a != 235 || d != 250 {
			t.Fatalf("session %d: AUTH %d, DATA %d", i, a, d)
		}
		waitPool(t, h, 1)
	}
	if a, _ := h.session("AUTH PLAIN "+plainIR("me", "nope"), "x"); a != 535 {
		t.Errorf("wrong local password: %d, want 535", a)
	}
	if auths, _ := h.up.counts(); auths != 1 {
		t.Errorf("upstream AUTHs = %d, want 1", auths)
	}
}

func TestPoolClosedAtShutdown(t *testing.T) {
	h := newHarness(t, nil)
	if a, d := h.session(goodAuth, "x"); a != 235 || d != 250 {
		t.Fatalf("AUTH %d, DATA %d", a, d)
	}
	waitPool(t, h, 1)
	h.shutdown()
	if n := h.srv.pool.size(); n != 0 {
		t.Errorf("pool holds %d after shutdown", n)
	}
}

func TestPoolKey(t *testing.T) {
	p := newPool(time.Minute, 4)
	a := p.key(&cred{mech: mechPlain, user: "amina", pass: "s3cret"}, "h")
	for _, tc := range []struct {
		name string
		cr   *cred
		helo string
		same bool
	}{
		{"same", &cred{mech: mechPlain, user: "amina", pass: "s3cret"}, "h", true},
		{"LOGIN", &cred{mech: mechLogin, user: "amina", pass: "s3cret"}, "h", true},
		{"password", &cred{mech: mechPlain, user: "amina", pass: "s3cre"}, "h", false},
		{"split moved", &cred{mech: mechPlain, user: "amina" + "s", pass: "3cret"}, "h", false},
		{"identity", &cred{mech: mechPlain, identity: "x", user: "amina", pass: "s3cret"}, "h", false},
		{"helo", &cred{mech: mechPlain, user: "amina", pass: "s3cret"}, "h2", false},
		{"token", &cred{mech: mechXOAuth2, token: []byte("s3cret")}, "h", false},
		{"none", nil, "h", false},
	} {
		if got := p.key(tc.cr, tc.helo) == a; got != tc.same {
			t.Errorf("%s: same key = %v, want %v", tc.name, got, tc.same)
		}
	}
	if strings.Contains(a, "s3cret") || strings.Contains(a, "amina") {
		t.Error("the key carries the credentials")
	}
	if q := newPool(time.Minute, 4); q.key(&cred{mech: mechPlain, user: "amina", pass: "s3cret"}, "h") == a {
		t.Error("two processes' keys agree: the HMAC key is not random")
	}
}

// syncBuf is a log sink for several goroutines.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (w *syncBuf) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *syncBuf) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

func TestNoCredentialInLogs(t *testing.T) {
	var buf syncBuf
	h := newHarness(t, func(o *Options) {
		o.Log = slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	h.session(goodAuth, "One")
	waitPool(t, h, 1)
	h.session(goodAuth, "Two") // pooled
	h.session("AUTH PLAIN "+plainIR("amina", "Wr0ng-pass"), "x")
	h.session("AUTH XOAUTH2 "+base64.StdEncoding.EncodeToString([]byte("user=amina\x01auth=Bearer good-token\x01\x01")), "x")
	h.shutdown()
	logs := buf.String()
	if !strings.Contains(logs, "pooled=true") {
		t.Errorf("no pooled sign-in logged:\n%s", logs)
	}
	for _, secret := range []string{"s3cret", "Wr0ng-pass", "good-token", plainIR("amina", "s3cret"), plainIR("amina", "Wr0ng-pass")} {
		if strings.Contains(logs, secret) {
			t.Errorf("the log carries %q:\n%s", secret, logs)
		}
	}
}

func TestPoolSkipsConnectionWithRefusal(t *testing.T) {
	h := newHarness(t, nil)
	// The upstream refuses the session's message (as a server does past
	// its messages-per-connection limit): that connection is not kept.
	h.up.set(func(u *fakeUpstream) {
		u.mailErr = &gosmtp.SMTPError{Code: 452, EnhancedCode: gosmtp.EnhancedCode{4, 5, 3}, Message: "Too many messages on this connection"}
	})
	if a, d := h.session(goodAuth, "One"); a != 235 || d != 452 {
		t.Fatalf("AUTH %d, DATA %d; want 235, 452", a, d)
	}
	h.up.set(func(u *fakeUpstream) { u.mailErr = nil })
	time.Sleep(50 * time.Millisecond)
	if n := h.srv.pool.size(); n != 0 {
		t.Fatalf("pool holds %d; want the refusing connection closed", n)
	}
	if a, d := h.session(goodAuth, "Two"); a != 235 || d != 250 {
		t.Fatalf("AUTH %d, DATA %d", a, d)
	}
	if _, conns := h.up.counts(); conns != 2 {
		t.Errorf("upstream connections = %d, want 2", conns)
	}
}
