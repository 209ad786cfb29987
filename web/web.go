// Package web is matchguard's local page: the review of flagged sends, each
// program's timeline, and the program directory. It is plain net/http
// (ServeMux method patterns, every route listed in routes) with
// html/template and embedded static files; nothing is loaded from outside
// and nothing essential needs JavaScript.
//
// The page changes what the proxy lets through, so it defends itself
// against the browser it is shown in:
//
//   - The Host header must name the address it listens on (or
//     localhost / 127.0.0.1 with the same port): a page on another site
//     that rebinds its DNS name to 127.0.0.1 gets 421.
//   - Every POST carries a CSRF token: an HMAC, under a secret made anew
//     for each process, of a random value kept in a SameSite=Strict cookie.
//     A POST without both, or with a token that does not match, gets 403.
//   - Content-Security-Policy default-src 'self' (no inline script or
//     style), X-Frame-Options DENY, nosniff, no referrer.
//   - Review ids are the store's: 16 random base62 characters.
//   - Listen refuses any address that is not loopback.
package web

import (
	"context"
	"crypto/rand"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/matchguard/matchguard/config"
	"github.com/matchguard/matchguard/timeline"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Store is what the page needs from the timeline; *timeline.Store is one.
type Store interface {
	Reviews(status ...string) ([]timeline.Review, error)
	Review(id string) (*timeline.Review, error)
	Approve(id string) error
	Override(id, why string) error
	Drop(id string) error
	Timeline(cfg *config.Config, f timeline.Filter) ([]timeline.Event, error)
	// Updates returns the times of update messages sent to program.
	Updates(program string, before time.Time) ([]time.Time, error)
}

// Delivered is one message the sandbox's mail sink received: what the
// proxy "sent".
type Delivered struct {
	At      time.Time
	From    string
	To      []string
	Subject string
	Size    int
}

// Sandbox describes the no-config sandbox, shown at the top of each page.
type Sandbox struct {
	SMTP, IMAP     string // host:port of the proxy and of the IMAP server
	User, Password string // the demo account
	Dir            string // where the sandbox keeps its files
	// Delivered lists what the sink received, newest first.
	Delivered func() []Delivered
}

// Options configure the page. Config and Store are required.
type Options struct {
	Config *config.Config
	Store  Store
	// Addr is the address the page is served on (host:port, after
	// listening): the Host header must name it.
	Addr string
	// Checklist returns what to weigh before answering an alert
	// (rank-solicitation, pre-match-offer); cmd/proxy wires imap.Checklist.
	// Events that carry their own Detail show it instead.
	Checklist func(typ string) string
	// Sandbox, when set, shows the sandbox's accounts and its delivered mail.
	Sandbox *Sandbox
	// Now is the clock; default time.Now.
	Now func() time.Time
	// Location is the zone times are shown in; default time.Local.
	Location *time.Location
	// Log receives errors; nil discards.
	Log *slog.Logger
}

// Server is the page. It is an http.Handler.
type Server struct {
	o      Options
	cfg    *config.Config
	st     Store
	log    *slog.Logger
	hosts  map[string]bool
	secret []byte
	cookie string
	pages  map[string]*template.Template
	mux    *http.ServeMux
}

// New prepares the page for o.Addr.
func New(o Options) (*Server, error) {
	if o.Config == nil || o.Store == nil {
		return nil, errors.New("web: Config and Store are required")
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Checklist == nil {
		o.Checklist = func(string) string { return "" }
	}
	hosts, port, err := allowedHosts(o.Addr)
	if err != nil {
		return nil, err
	}
	s := &Server{o: o, cfg: o.Config, st: o.Store, log: o.Log, hosts: hosts,
		secret: make([]byte, 32), cookie: "matchguard_csrf_" + port}
	if _, err := rand.Read(s.secret); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	if s.pages, err = parsePages(); err != nil {
		return nil, err
	}
	s.mux = http.NewServeMux()
	s.routes()
	return s, nil
}

// routes lists every route of the page.
func (s *Server) routes() {
	static, _ := fs.Sub(staticFS, "static")
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.mux.HandleFunc("GET /{$}", s.handleIndex)
	s.mux.HandleFunc("GET /review", s.handleReviews)
	s.mux.HandleFunc("GET /review/{id}", s.handleReview)
	s.mux.HandleFunc("POST /review/{id}/approve", s.handleDecide)
	s.mux.HandleFunc("POST /review/{id}/override", s.handleDecide)
	s.mux.HandleFunc("POST /review/{id}/drop", s.handleDecide)
	s.mux.HandleFunc("GET /timeline", s.handleTimeline)
	s.mux.HandleFunc("GET /timeline.ics", s.handleICS)
	s.mux.HandleFunc("GET /programs", s.handlePrograms)
	s.mux.HandleFunc("GET /delivered", s.handleDelivered)
}

// allowedHosts returns the Host header values that name addr: addr itself,
// and localhost, 127.0.0.1 and [::1] with its port.
func allowedHosts(addr string) (map[string]bool, string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || port == "" || port == "0" {
		return nil, "", fmt.Errorf("web: address %q: want the host:port the page listens on", addr)
	}
	hosts := map[string]bool{
		strings.ToLower(net.JoinHostPort(host, port)): true,
		"localhost:" + port:                           true,
		"127.0.0.1:" + port:                           true,
		"[::1]:" + port:                               true,
	}
	if port == "80" {
		hosts["localhost"], hosts["127.0.0.1"] = true, true
	}
	return hosts, port, nil
}

// ServeHTTP checks the Host, sets the security headers, checks the CSRF
// token of a POST and serves the route.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Frame-Options", "DENY")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	if !s.hosts[strings.ToLower(r.Host)] {
		http.Error(w, "421 misdirected request: this page answers only to its own address", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		if !s.checkCSRF(r) {
			http.Error(w, "403 forbidden: the form's security token is missing or stale; reload the page and try again", http.StatusForbidden)
			return
		}
	}
	s.mux.ServeHTTP(w, r)
}

// Listen binds addr, which must be a loopback address: the page has no
// sign-in, so it is never offered beyond this machine.
func Listen(addr string) (net.Listener, error) {
	if addr == "" {
		addr = config.DefaultWebListen
	}
	if !config.IsLoopback(addr) {
		return nil, fmt.Errorf("web: [web] listen = %q is not a loopback address; the page has no sign-in and is served on 127.0.0.1 only (use an SSH tunnel to reach it from elsewhere)", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("web: listen on %s: %w", addr, err)
	}
	return ln, nil
}

// Serve serves h on ln until ctx ends, then shuts down, letting requests
// in flight finish for up to five seconds.
func Serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("web: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
	}
	return nil
}
