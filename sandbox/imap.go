package sandbox

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/mail"
	"sort"
	"time"

	goimap "github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// seedFS holds the sample program mail the inbox starts with: copies of
// messages from the test corpus (testdata/mail/in), from the sample
// programs to the sample applicant.
//
//go:embed seed/*.eml
var seedFS embed.FS

// imapWorld is go-imap's memory server on 127.0.0.1 with one user whose
// INBOX holds the seed mail. It lives in memory: each start begins with the
// same inbox, untagged.
type imapWorld struct {
	srv    *imapserver.Server
	ln     net.Listener
	seeded int
}

func startIMAP(addr, user, pass string, log *slog.Logger) (*imapWorld, error) {
	mem := imapmemserver.New()
	u := imapmemserver.NewUser(user, pass)
	if err := u.Create("INBOX", &goimap.CreateOptions{}); err != nil {
		return nil, fmt.Errorf("sandbox: imap: %w", err)
	}
	for _, name := range []string{"Sent", "Drafts", "Trash"} {
		u.Create(name, &goimap.CreateOptions{})
	}
	n, err := seed(u)
	if err != nil {
		return nil, err
	}
	mem.AddUser(u)
	ln, err := net.Listen("tcp", addr)
	if err != nil && addr != "127.0.0.1:0" {
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	if err != nil {
		return nil, fmt.Errorf("sandbox: imap: %w", err)
	}
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), &imapserver.GreetingData{}, nil
		},
		Caps: goimap.CapSet{
			goimap.CapIMAP4rev1: {}, goimap.CapNamespace: {}, goimap.CapUIDPlus: {}, goimap.CapMove: {},
		},
		InsecureAuth: true, // loopback only
		Logger:       slogLogger{log},
	})
	go srv.Serve(ln)
	return &imapWorld{srv: srv, ln: ln, seeded: n}, nil
}

func (w *imapWorld) addr() string { return w.ln.Addr().String() }

func (w *imapWorld) close() { w.srv.Close() }

// seed appends the seed mail to INBOX in date order, each with its Date
// header as the internal date.
func seed(u *imapmemserver.User) (int, error) {
	names, err := fs.Glob(seedFS, "seed/*.eml")
	if err != nil {
		return 0, err
	}
	type msg struct {
		raw  []byte
		date time.Time
	}
	var msgs []msg
	for _, n := range names {
		raw, err := fs.ReadFile(seedFS, n)
		if err != nil {
			return 0, err
		}
		raw = crlf(raw)
		d := time.Now()
		if m, err := mail.ReadMessage(bytes.NewReader(raw)); err == nil {
			if t, err := m.Header.Date(); err == nil {
				d = t
			}
		}
		msgs = append(msgs, msg{raw, d})
	}
	sort.SliceStable(msgs, func(i, j int) bool { return msgs[i].date.Before(msgs[j].date) })
	for _, m := range msgs {
		r := bytes.NewReader(m.raw)
		if _, err := u.Append("INBOX", literal{r, int64(len(m.raw))}, &goimap.AppendOptions{Time: m.date}); err != nil {
			return 0, fmt.Errorf("sandbox: seed the inbox: %w", err)
		}
	}
	return len(msgs), nil
}

// crlf makes line ends CRLF, as IMAP stores messages.
func crlf(b []byte) []byte {
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
}

// literal is an imap.LiteralReader over bytes.
type literal struct {
	*bytes.Reader
	n int64
}

func (l literal) Size() int64 { return l.n }

// slogLogger sends the IMAP server's errors to slog.
type slogLogger struct{ l *slog.Logger }

func (s slogLogger) Printf(format string, v ...any) { s.l.Debug(fmt.Sprintf(format, v...)) }
