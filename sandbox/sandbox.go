// Package sandbox is the world `matchguard serve` runs in when there is no
// config file: sample programs, an SMTP sink standing in for the mail
// provider (what the proxy relays lands there, "delivered"), and an IMAP
// server in memory seeded with sample program mail, for the real watcher to
// follow like a real account. The proxy and the page run in front of it as
// they would with a real account; cmd/proxy wires them.
//
// Everything listens on 127.0.0.1, and the sandbox writes only inside its
// own directory: the timeline database, the proxy's certificate, and the
// sink's messages.
package sandbox

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"

	"github.com/matchguard/matchguard/config"
)

//go:embed config.toml
var configTOML []byte

// The demo account: the sandbox's IMAP login, and what the sink accepts
// as AUTH (the proxy passes the client's sign-in on to it).
const (
	User     = "amina.rahman@example.org"
	Password = "matchguard"
)

// Preferred addresses; a busy one is replaced by a free port.
const (
	DefaultSMTP = config.DefaultSMTPListen // the proxy
	DefaultIMAP = "127.0.0.1:1143"
	DefaultWeb  = config.DefaultWebListen
)

// Options configure the sandbox. Dir is required.
type Options struct {
	// Dir is where the sandbox keeps its files (created if missing).
	Dir string
	// RandomPorts makes every listener take a free port instead of the
	// preferred ones (tests, and a second sandbox beside the first).
	RandomPorts bool
	// Log receives what the servers do; nil discards.
	Log *slog.Logger
}

// World is a running sandbox: the sink and the IMAP server. Config is the
// configuration for the proxy, the watcher and the page in front of them.
type World struct {
	Config *config.Config
	Dir    string
	// SinkAddr and IMAPAddr are where the sink and the IMAP server listen.
	SinkAddr, IMAPAddr string
	// Seeded is how many sample messages the inbox holds.
	Seeded int

	sink *sink
	imap *imapWorld
}

// DefaultDir is <XDG data>/matchguard/sandbox.
func DefaultDir() string {
	return filepath.Join(config.DefaultDataDir(), "sandbox")
}

// Start starts the sink and the IMAP server and returns the world. Config
// has the sample programs; SMTP.Listen and Web.Listen are the preferred
// addresses when free (else 127.0.0.1:0: bind them and read the port);
// the upstream is the sink (security none), the IMAP account the memory
// server (security none, User and Password).
func Start(o Options) (*World, error) {
	if o.Dir == "" {
		return nil, errors.New("sandbox: no directory")
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	dir, err := filepath.Abs(o.Dir)
	if err != nil {
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	cfg, err := config.Parse("sandbox config (built in)", configTOML)
	if err != nil {
		return nil, err
	}
	cfg.Path = ""
	cfg.Data.Dir = dir
	cfg.Rules.Dir = filepath.Join(dir, "rules")

	w := &World{Config: cfg, Dir: dir}
	w.sink, err = startSink(filepath.Join(dir, "sink"), User, Password, o.Log.With("part", "sink"))
	if err != nil {
		return nil, err
	}
	w.SinkAddr = w.sink.addr()
	imapAddr := DefaultIMAP
	if o.RandomPorts {
		imapAddr = "127.0.0.1:0"
	}
	w.imap, err = startIMAP(imapAddr, User, Password, o.Log.With("part", "imap-server"))
	if err != nil {
		w.sink.close()
		return nil, err
	}
	w.IMAPAddr = w.imap.addr()
	w.Seeded = w.imap.seeded

	cfg.SMTP.Listen = pick(DefaultSMTP, o.RandomPorts)
	cfg.SMTP.Auth = "upstream"
	cfg.SMTP.Upstream = config.Upstream{Address: w.SinkAddr, Security: "none"}
	cfg.IMAP.Address = w.IMAPAddr
	cfg.IMAP.Security = "none"
	cfg.IMAP.Username = User
	cfg.IMAP.Mailboxes = []string{"INBOX"}
	cfg.IMAP.Tagging = "keyword"
	cfg.Web.Listen = pick(DefaultWeb, o.RandomPorts)
	return w, nil
}

// pick returns addr when it can be bound now, else a free-port address.
func pick(addr string, random bool) string {
	if random {
		return "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "127.0.0.1:0"
	}
	ln.Close()
	return addr
}

// IMAPPassword returns the demo password: the watcher's password source.
func (w *World) IMAPPassword(context.Context) (string, error) { return Password, nil }

// Delivered lists what the sink received, newest first.
func (w *World) Delivered() []Message { return w.sink.list() }

// Close stops the sink and the IMAP server.
func (w *World) Close() error {
	w.imap.close()
	return w.sink.close()
}

// Instructions tells a person how to use the sandbox: where the page is,
// and how to point a mail client at it.
func (w *World) Instructions(out io.Writer, smtpAddr, webAddr string) {
	sh, sp, _ := net.SplitHostPort(smtpAddr)
	ih, ip, _ := net.SplitHostPort(w.IMAPAddr)
	fmt.Fprintf(out, `
matchguard sandbox — no config file, so this is a world of its own. Nothing leaves this machine.

  The page:  http://%s/

  Point a mail client at it (Thunderbird: Account Settings → Add Mail Account → Configure manually):
    Incoming  IMAP  server %s  port %s  connection security: None  authentication: normal password
    Outgoing  SMTP  server %s  port %s  connection security: STARTTLS (or None)  authentication: normal password
    User name %s   Password %s
    (The proxy's certificate is self-signed; accept it once. Its fingerprint is printed above.)

  neomutt, in a muttrc:
    set folder = "imap://%s:%s/"
    set spoolfile = "+INBOX"
    set imap_user = "%s"
    set imap_pass = "%s"
    set smtp_url = "smtp://%s:%s/"
    set smtp_user = "%s"
    set smtp_pass = "%s"
    set ssl_starttls = yes
    set ssl_force_tls = no

  Or send a draft from the command line:
    swaks --server %s --port %s --tls --auth PLAIN --auth-user %s --auth-password %s \
      --from %s --to hpark@lakeside-med.org --header "Subject: Thank you" \
      --body "If you rank me highly, I will rank your program first."

  The inbox holds %d sample messages from the sample programs; the watcher tags them (match-* keywords).
  What the proxy relays lands in the sandbox's sink and shows on the page under "Delivered".
  Files: %s
`, webAddr, ih, ip, sh, sp, User, Password,
		ih, ip, User, Password, sh, sp, User, Password,
		sh, sp, User, Password, User, w.Seeded, w.Dir)
}
