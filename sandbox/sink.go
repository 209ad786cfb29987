package sandbox

import (
	"bufio"
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset" // decode subjects in any charset
	"github.com/emersion/go-message/mail"
	"github.com/emersion/go-sasl"
	gosmtp "github.com/emersion/go-smtp"
)

// Message is one message the sink received.
type Message struct {
	At      time.Time `json:"at"`
	From    string    `json:"from"`
	To      []string  `json:"to"`
	Subject string    `json:"subject"`
	Size    int       `json:"size"`
	// File is the message's file name in the sink directory.
	File string `json:"file"`
}

// sink is the sandbox's stand-in for the mail provider: an SMTP server on
// 127.0.0.1 that accepts AUTH PLAIN and LOGIN for the demo user and keeps
// every message as a file in dir, with an index line (index.jsonl).
type sink struct {
	dir        string
	user, pass string
	log        *slog.Logger
	srv        *gosmtp.Server
	ln         net.Listener

	mu   sync.Mutex
	msgs []Message
}

func startSink(dir, user, pass string, log *slog.Logger) (*sink, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("sandbox: sink: %w", err)
	}
	s := &sink{dir: dir, user: user, pass: pass, log: log}
	if err := s.load(); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("sandbox: sink: %w", err)
	}
	s.ln = ln
	srv := gosmtp.NewServer(gosmtp.BackendFunc(func(*gosmtp.Conn) (gosmtp.Session, error) {
		return &sinkSession{s: s}, nil
	}))
	srv.Domain = "sink.sandbox.invalid"
	srv.AllowInsecureAuth = true // loopback only
	srv.ReadTimeout = time.Minute
	srv.WriteTimeout = time.Minute
	srv.MaxMessageBytes = 40 << 20
	srv.MaxRecipients = 100
	s.srv = srv
	go srv.Serve(ln)
	return s, nil
}

func (s *sink) addr() string { return s.ln.Addr().String() }

func (s *sink) close() error { return s.srv.Close() }

// load reads the index left by an earlier run.
func (s *sink) load() error {
	f, err := os.Open(filepath.Join(s.dir, "index.jsonl"))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("sandbox: sink: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var m Message
		if json.Unmarshal(sc.Bytes(), &m) == nil {
			s.msgs = append(s.msgs, m)
		}
	}
	return nil
}

func (s *sink) list() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Message, len(s.msgs))
	for i, m := range s.msgs {
		out[len(s.msgs)-1-i] = m
	}
	return out
}

func (s *sink) store(from string, to []string, raw []byte) error {
	m := Message{At: time.Now().UTC(), From: from, To: to, Size: len(raw), Subject: subjectOf(raw)}
	s.mu.Lock()
	defer s.mu.Unlock()
	m.File = fmt.Sprintf("%04d-%d.eml", len(s.msgs)+1, m.At.UnixNano())
	if err := os.WriteFile(filepath.Join(s.dir, m.File), raw, 0o600); err != nil {
		return err
	}
	line, _ := json.Marshal(m)
	f, err := os.OpenFile(filepath.Join(s.dir, "index.jsonl"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(append(line, '\n')); err != nil {
		return err
	}
	s.msgs = append(s.msgs, m)
	s.log.Info("delivered", "from", from, "to", to, "bytes", len(raw))
	return nil
}

// subjectOf decodes the Subject header; "" when there is none.
func subjectOf(raw []byte) string {
	e, err := message.Read(bytes.NewReader(raw))
	if e == nil {
		return ""
	}
	_ = err // an unknown charset or encoding still leaves the header readable
	h := mail.Header{Header: e.Header}
	if s, err := h.Subject(); err == nil {
		return s
	}
	return e.Header.Get("Subject")
}

// sinkSession is one SMTP session with the sink.
type sinkSession struct {
	s      *sink
	authed bool
	from   string
	to     []string
}

func (ss *sinkSession) AuthMechanisms() []string { return []string{sasl.Plain, sasl.Login} }

func (ss *sinkSession) Auth(mech string) (sasl.Server, error) {
	check := func(user, pass string) error {
		u := subtle.ConstantTimeCompare([]byte(user), []byte(ss.s.user))
		p := subtle.ConstantTimeCompare([]byte(pass), []byte(ss.s.pass))
		if u&p != 1 {
			return gosmtp.ErrAuthFailed
		}
		ss.authed = true
		return nil
	}
	switch mech {
	case sasl.Plain:
		return sasl.NewPlainServer(func(identity, user, pass string) error {
			if identity != "" && identity != user {
				return gosmtp.ErrAuthFailed
			}
			return check(user, pass)
		}), nil
	case sasl.Login:
		return &loginServer{auth: check}, nil
	}
	return nil, gosmtp.ErrAuthUnknownMechanism
}

func (ss *sinkSession) Mail(from string, _ *gosmtp.MailOptions) error {
	if !ss.authed {
		return gosmtp.ErrAuthRequired
	}
	ss.from = from
	return nil
}

func (ss *sinkSession) Rcpt(to string, _ *gosmtp.RcptOptions) error {
	ss.to = append(ss.to, to)
	return nil
}

func (ss *sinkSession) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if err := ss.s.store(ss.from, ss.to, raw); err != nil {
		ss.s.log.Error("sink: store", "err", err)
		return &gosmtp.SMTPError{Code: 451, EnhancedCode: gosmtp.EnhancedCode{4, 3, 0}, Message: "sandbox sink could not store the message"}
	}
	return nil
}

func (ss *sinkSession) Reset()        { ss.from, ss.to = "", nil }
func (ss *sinkSession) Logout() error { return nil }

// loginServer is the server side of SASL LOGIN (go-sasl has the client
// only). The user name may come in the initial response.
type loginServer struct {
	state int
	user  string
	auth  func(user, pass string) error
}

func (l *loginServer) Next(resp []byte) ([]byte, bool, error) {
	switch l.state {
	case 0:
		if len(resp) == 0 {
			l.state = 1
			return []byte("Username:"), false, nil
		}
		l.user, l.state = string(resp), 2
		return []byte("Password:"), false, nil
	case 1:
		l.user, l.state = string(resp), 2
		return []byte("Password:"), false, nil
	case 2:
		l.state = 3
		return nil, true, l.auth(l.user, string(resp))
	}
	return nil, true, errors.New("unexpected LOGIN response")
}
