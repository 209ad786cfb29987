// Package smtp is matchguard's submission proxy. Mail clients submit to
// it on 127.0.0.1; each message to a program is analyzed and then relayed
// to the real submission server (the upstream), or refused with a reply
// that says why. Mail to anyone else is relayed byte for byte and not
// stored.
//
// By default the proxy has no accounts of its own: a client's AUTH is
// checked by authenticating to the upstream with it (PLAIN and LOGIN, and
// XOAUTH2 / OAUTHBEARER tokens passed through), and that upstream session
// relays the client's mail. The credentials live in memory for the
// session only. With auth = "local" the client signs in as a local user
// and the proxy uses its own upstream credentials.
//
// A message is answered 250 only after the upstream accepted it; an
// upstream failure is passed on with its code, so the client keeps the
// message and retries. Nothing is recorded for a message that was not
// relayed, except the review item of a held or blocked one.
//
// Speed. Mail clients open a session per message, so the proxy keeps
// authenticated upstream connections for a short while (UpstreamIdle,
// 30s) and lets a later sign-in with the very same credentials take one
// instead of connecting and authenticating again; the pool is keyed by an
// HMAC of the credentials with a random per-process key and holds no
// credential. When DATA begins, MAIL, RCPT and DATA go upstream while the
// message comes in and is judged; a message past 1 MB follows as it
// arrives. The final dot waits for the verdict: a refused message, one
// the client breaks off or one over the size limit ends with the upstream
// connection closed before it, and the upstream discards it. (Writing a
// relayed message's record after its 250 instead of before was tried and
// measured: on a busy machine it cost more CPU than it saved time.)
package smtp

import (
	"context"
	"crypto/subtle"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	gosmtp "github.com/emersion/go-smtp"
	"github.com/matchguard/matchguard/analyzer"
	"github.com/matchguard/matchguard/config"
)

// Options configure a Server. Config, Engine and Store are required.
type Options struct {
	Config *config.Config
	Engine Checker
	Store  Store
	// Log receives one line per session event; nil discards.
	Log *slog.Logger
	// Now is the clock messages are judged by; default time.Now.
	Now func() time.Time
	// Fingerprint identifies "the same message" for approvals; default
	// FallbackFingerprint. cmd/proxy wires analyzer.Fingerprint.
	Fingerprint func(m *analyzer.Message, rcpts []string) string
	// TLSConfig serves STARTTLS and the implicit-TLS listener; default:
	// cfg's cert_file/key_file, or a certificate made in the data
	// directory on first run.
	TLSConfig *tls.Config
	// UpstreamTLS verifies the upstream; default: system roots and the
	// upstream's host name.
	UpstreamTLS *tls.Config
	// MaxRecipients per message; default 100.
	MaxRecipients int
	// Grace is how long shutdown waits for messages in flight; default 30s.
	Grace time.Duration
	// UpstreamIdle is how long an authenticated upstream connection is
	// kept, unused, for the next session with the same credentials;
	// default 30s. UpstreamIdleMax bounds how many are kept; default 8,
	// negative keeps none.
	UpstreamIdle    time.Duration
	UpstreamIdleMax int

	// streamFrom and streamPiece: see defaultStreamFrom; tests make them
	// small.
	streamFrom, streamPiece int
}

// Server is the proxy. Build it with New, bind with Listen, run with
// Serve.
type Server struct {
	o        Options
	cfg      *config.Config
	log      *slog.Logger
	up       upstream
	pool     *pool
	gs       *gosmtp.Server
	tlsCfg   *tls.Config
	certFP   string
	certMade bool

	// auth = "local": the local user and the upstream credentials.
	local     bool
	localUser string
	localPass string
	localUp   *cred

	ln, tlsLn net.Listener

	mu       sync.Mutex
	conns    map[*trackedConn]struct{}
	closing  atomic.Bool
	nextSess atomic.Uint64
}

// New checks the configuration and prepares the server; it does not
// listen yet.
func New(o Options) (*Server, error) {
	if o.Config == nil || o.Engine == nil || o.Store == nil {
		return nil, errors.New("smtp: Config, Engine and Store are required")
	}
	cfg := o.Config
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Fingerprint == nil {
		o.Fingerprint = FallbackFingerprint
	}
	if o.MaxRecipients <= 0 {
		o.MaxRecipients = 100
	}
	if o.Grace <= 0 {
		o.Grace = 30 * time.Second
	}
	if o.UpstreamIdle <= 0 {
		o.UpstreamIdle = 30 * time.Second
	}
	if o.UpstreamIdleMax == 0 {
		o.UpstreamIdleMax = 8
	}
	if o.streamFrom <= 0 {
		o.streamFrom = defaultStreamFrom
	}
	if o.streamPiece <= 0 {
		o.streamPiece = defaultStreamPiece
	}
	if cfg.SMTP.Upstream.Address == "" {
		return nil, errors.New("smtp: [smtp.upstream] address is not set: the proxy needs the mail server it relays to (e.g. address = \"smtp.example.org:587\")")
	}
	listen := cfg.SMTP.Listen
	if listen == "" {
		listen = config.DefaultSMTPListen
	}
	ownCert := cfg.SMTP.CertFile != "" && cfg.SMTP.KeyFile != ""
	for _, l := range []struct{ key, addr string }{{"listen", listen}, {"tls_listen", cfg.SMTP.TLSListen}} {
		if l.addr != "" && !config.IsLoopback(l.addr) && !ownCert && o.TLSConfig == nil {
			return nil, fmt.Errorf("smtp: [smtp] %s = %q is not a loopback address. matchguard listens beyond this machine only with TLS and authentication: set [smtp] cert_file and key_file to a certificate your clients can verify, or listen on 127.0.0.1", l.key, l.addr)
		}
	}
	timeout := cfg.SMTP.Timeout.D()
	if timeout <= 0 {
		timeout = 5 * time.Minute
	}
	s := &Server{
		o:     o,
		cfg:   cfg,
		log:   o.Log,
		conns: map[*trackedConn]struct{}{},
		up: upstream{
			addr:     cfg.SMTP.Upstream.Address,
			security: cfg.SMTP.Upstream.Security,
			tls:      o.UpstreamTLS,
			timeout:  timeout,
		},
	}
	if s.up.security == "" {
		s.up.security = "starttls"
	}
	if o.UpstreamIdleMax > 0 {
		s.pool = newPool(o.UpstreamIdle, o.UpstreamIdleMax)
	}

	if cfg.SMTP.Auth == "local" {
		s.local = true
		s.localUser = cfg.SMTP.Username
		pw, err := cfg.SMTP.LocalPassword(context.Background())
		if err != nil {
			return nil, fmt.Errorf("smtp: the local user's password ([smtp] local_password_cmd / local_password_env): %w", err)
		}
		s.localPass = pw
		if u := cfg.SMTP.Upstream.Username; u != "" {
			upw, err := cfg.SMTP.Upstream.Password(context.Background())
			if err != nil {
				return nil, fmt.Errorf("smtp: the upstream password ([smtp.upstream] password_cmd / password_env): %w", err)
			}
			s.localUp = &cred{mech: mechPlain, user: u, pass: upw}
		}
	}

	s.tlsCfg = o.TLSConfig
	if s.tlsCfg == nil {
		var hosts []string
		for _, a := range []string{listen, cfg.SMTP.TLSListen} {
			if h, _, err := net.SplitHostPort(a); err == nil && h != "" {
				hosts = append(hosts, h)
			}
		}
		cert, made, err := loadCert(cfg.SMTP.CertFile, cfg.SMTP.KeyFile, cfg.Data.Dir, hosts)
		if err != nil {
			return nil, err
		}
		s.certFP, s.certMade = Fingerprint(cert), made
		s.tlsCfg = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	} else if len(s.tlsCfg.Certificates) > 0 {
		s.certFP = Fingerprint(s.tlsCfg.Certificates[0])
	}

	gs := gosmtp.NewServer(gosmtp.BackendFunc(s.newSession))
	gs.Domain = "localhost"
	gs.TLSConfig = s.tlsCfg
	gs.ReadTimeout = timeout
	gs.WriteTimeout = timeout
	gs.MaxMessageBytes = cfg.SMTP.MaxMessageBytes
	if gs.MaxMessageBytes <= 0 {
		gs.MaxMessageBytes = config.DefaultMaxMessageBytes
	}
	gs.MaxRecipients = o.MaxRecipients
	// Plain-text AUTH only where the connection cannot leave the machine.
	gs.AllowInsecureAuth = config.IsLoopback(listen)
	gs.ErrorLog = logAdapter{o.Log}
	s.gs = gs
	return s, nil
}

// CertFingerprint is the SHA-256 fingerprint of the STARTTLS certificate.
func (s *Server) CertFingerprint() string { return s.certFP }

// CertMade reports whether New made a new certificate in the data
// directory.
func (s *Server) CertMade() bool { return s.certMade }

// Listen binds [smtp] listen and, when set, tls_listen.
func (s *Server) Listen() error {
	listen := s.cfg.SMTP.Listen
	if listen == "" {
		listen = config.DefaultSMTPListen
	}
	l, err := net.Listen("tcp", listen)
	if err != nil {
		return fmt.Errorf("smtp: listen on %s: %w", listen, err)
	}
	s.ln = &trackedListener{Listener: l, s: s}
	if a := s.cfg.SMTP.TLSListen; a != "" {
		tl, err := net.Listen("tcp", a)
		if err != nil {
			l.Close()
			return fmt.Errorf("smtp: listen on %s: %w", a, err)
		}
		s.tlsLn = tls.NewListener(&trackedListener{Listener: tl, s: s}, s.tlsCfg)
	}
	return nil
}

// Addr is the address of the STARTTLS listener (after Listen).
func (s *Server) Addr() net.Addr {
	if s.ln == nil {
		return nil
	}
	return s.ln.Addr()
}

// TLSAddr is the address of the implicit-TLS listener, or nil.
func (s *Server) TLSAddr() net.Addr {
	if s.tlsLn == nil {
		return nil
	}
	return s.tlsLn.Addr()
}

// Serve serves until ctx is cancelled, then shuts down gracefully:
// listeners close at once, sessions in the middle of a message finish it
// (for up to Options.Grace), idle sessions get a 421.
func (s *Server) Serve(ctx context.Context) error {
	if s.ln == nil {
		if err := s.Listen(); err != nil {
			return err
		}
	}
	errc := make(chan error, 2)
	n := 1
	go func() { errc <- s.gs.Serve(s.ln) }()
	if s.tlsLn != nil {
		n++
		go func() { errc <- s.gs.Serve(s.tlsLn) }()
	}
	select {
	case <-ctx.Done():
	case err := <-errc:
		n--
		if err != nil {
			s.gs.Close()
			s.pool.shut()
			return fmt.Errorf("smtp: %w", err)
		}
	}
	return s.shutdown()
}

func (s *Server) shutdown() error {
	s.closing.Store(true)
	// Idle upstream connections are closed once the sessions are done.
	defer s.pool.shut()
	ctx, cancel := context.WithTimeout(context.Background(), s.o.Grace)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.gs.Shutdown(ctx) }()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		s.kickIdle()
		select {
		case err := <-done:
			if errors.Is(err, context.DeadlineExceeded) {
				s.gs.Close()
				s.log.Warn("shutdown: closed sessions still busy after the grace period")
				return nil
			}
			return nil
		case <-tick.C:
		}
	}
}

// kickIdle wakes every connection that is not in the middle of a message,
// so go-smtp answers it 421 and closes it.
func (s *Server) kickIdle() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		if !c.busy.Load() {
			c.Conn.SetReadDeadline(time.Now())
		}
	}
}

// trackedListener registers each accepted connection so shutdown can
// tell idle sessions from busy ones.
type trackedListener struct {
	net.Listener
	s *Server
}

func (l *trackedListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	tc := &trackedConn{Conn: c, s: l.s}
	l.s.mu.Lock()
	l.s.conns[tc] = struct{}{}
	l.s.mu.Unlock()
	return tc, nil
}

// trackedConn is a client connection; busy is set while a message is in
// its transaction (MAIL to the end of DATA).
type trackedConn struct {
	net.Conn
	s    *Server
	busy atomic.Bool
	once sync.Once
}

func (c *trackedConn) Read(b []byte) (int, error) {
	if c.s.closing.Load() && !c.busy.Load() {
		return 0, timeoutError{}
	}
	return c.Conn.Read(b)
}

func (c *trackedConn) Close() error {
	c.once.Do(func() {
		c.s.mu.Lock()
		delete(c.s.conns, c)
		c.s.mu.Unlock()
	})
	return c.Conn.Close()
}

// timeoutError makes go-smtp end an idle session with 421.
type timeoutError struct{}

func (timeoutError) Error() string   { return "shutting down" }
func (timeoutError) Timeout() bool   { return true }
func (timeoutError) Temporary() bool { return true }

// trackedOf finds our connection under a go-smtp one (which may be TLS).
func trackedOf(c net.Conn) *trackedConn {
	for {
		switch x := c.(type) {
		case *trackedConn:
			return x
		case *tls.Conn:
			c = x.NetConn()
		default:
			return nil
		}
	}
}

// checkLocal compares a local sign-in in constant time.
func (s *Server) checkLocal(user, pass string) bool {
	u := subtle.ConstantTimeCompare([]byte(user), []byte(s.localUser))
	p := subtle.ConstantTimeCompare([]byte(pass), []byte(s.localPass))
	return u&p == 1
}

// logAdapter sends go-smtp's internal errors to slog. go-smtp logs
// connection errors only, never message content or credentials.
type logAdapter struct{ l *slog.Logger }

func (a logAdapter) Printf(format string, v ...any) {
	a.l.Debug("go-smtp: " + fmt.Sprintf(format, v...))
}
func (a logAdapter) Println(v ...any) { a.l.Debug("go-smtp: " + fmt.Sprint(v...)) }
