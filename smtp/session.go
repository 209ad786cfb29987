package smtp

import (
	"crypto/rand"
	"encoding/base32"
	"errors"
	"io"
	"log/slog"
	"runtime"
	"strings"

	"github.com/emersion/go-sasl"
	gosmtp "github.com/emersion/go-smtp"
)

// session is one client connection's SMTP session. go-smtp calls its
// methods from the connection's goroutine, one at a time.
type session struct {
	s    *Server
	id   string
	conn *trackedConn
	helo string
	log  *slog.Logger

	authed  bool
	cred    *cred   // upstream credentials, in memory for this session only
	poolKey string  // where the pool files connections for cred (no secret)
	up      *upConn // open upstream connection, reused for the session's mail

	from     string
	mailOpts gosmtp.MailOptions
	rcpts    []string
	collect  bool // a large message was handled: collect its memory
}

var sessionIDs = base32.StdEncoding.WithPadding(base32.NoPadding)

func newSessionID() string {
	var b [5]byte
	rand.Read(b[:])
	return strings.ToLower(sessionIDs.EncodeToString(b[:]))
}

func (s *Server) newSession(c *gosmtp.Conn) (gosmtp.Session, error) {
	id := newSessionID()
	ss := &session{
		s:    s,
		id:   id,
		conn: trackedOf(c.Conn()),
		helo: c.Hostname(),
		log:  s.log.With("session", id),
	}
	_, isTLS := c.TLSConnectionState()
	ss.log.Debug("session start", "tls", isTLS)
	return ss, nil
}

func (ss *session) setBusy(b bool) {
	if ss.conn != nil {
		ss.conn.busy.Store(b)
	}
}

// AuthMechanisms lists what the client may use: the upstream judges
// passwords and tokens alike; a local user signs in with a password.
func (ss *session) AuthMechanisms() []string {
	if ss.s.local {
		return []string{mechPlain, mechLogin}
	}
	return []string{mechPlain, mechLogin, mechXOAuth2, mechOAuthBearer}
}

// Auth returns the SASL server for mech.
func (ss *session) Auth(mech string) (sasl.Server, error) {
	if ss.authed {
		return nil, &gosmtp.SMTPError{Code: 503, EnhancedCode: gosmtp.EnhancedCode{5, 5, 1}, Message: "Already authenticated"}
	}
	switch mech {
	case mechPlain:
		return sasl.NewPlainServer(func(identity, user, pass string) error {
			return ss.authPassword(mech, identity, user, pass)
		}), nil
	case mechLogin:
		return newLoginServer(func(user, pass string) error {
			return ss.authPassword(mech, "", user, pass)
		}), nil
	case mechXOAuth2, mechOAuthBearer:
		if ss.s.local {
			break
		}
		return newTokenServer(func(ir []byte) error {
			if len(ir) == 0 {
				return gosmtp.ErrAuthFailed
			}
			return ss.authUpstream(&cred{mech: mech, token: append([]byte(nil), ir...)})
		}), nil
	}
	return nil, gosmtp.ErrAuthUnknownMechanism
}

func (ss *session) authPassword(mech, identity, user, pass string) error {
	if ss.s.local {
		if !ss.s.checkLocal(user, pass) {
			ss.log.Info("auth failed", "mode", "local")
			return gosmtp.ErrAuthFailed
		}
		ss.authed, ss.cred = true, ss.s.localUp
		ss.poolKey = ss.s.pool.key(ss.cred, ss.helo)
		ss.log.Info("auth ok", "mode", "local")
		return nil
	}
	return ss.authUpstream(&cred{mech: mech, identity: identity, user: user, pass: pass})
}

// authUpstream checks the client's credentials by signing in to the
// upstream with them, and keeps that connection for the session. A pooled
// connection signed in with the very same credentials moments ago serves
// as that check.
func (ss *session) authUpstream(cr *cred) error {
	key := ss.s.pool.key(cr, ss.helo)
	if uc := ss.s.pool.get(key); uc != nil {
		ss.up, ss.cred, ss.poolKey, ss.authed = uc, cr, key, true
		ss.log.Info("auth ok", "mode", "upstream", "mech", cr.mech, "pooled", true)
		return nil
	}
	uc, err := ss.s.up.connect(ss.helo, cr)
	if err != nil {
		var ae *authError
		var se *gosmtp.SMTPError
		switch {
		case errors.As(err, &ae):
			ss.log.Info("auth failed", "mode", "upstream", "mech", cr.mech, "upstream_code", ae.se.Code)
			r := normalizeReply(ae.se)
			if r.Code/100 == 4 {
				return &gosmtp.SMTPError{Code: 454, EnhancedCode: gosmtp.EnhancedCode{4, 7, 0},
					Message: clip("The mail server could not check your sign-in right now: "+oneLine(r.Message), maxLine)}
			}
			return &gosmtp.SMTPError{Code: 535, EnhancedCode: gosmtp.EnhancedCode{5, 7, 8},
				Message: clip("Authentication failed: the mail server refused these credentials: "+oneLine(r.Message), maxLine)}
		case errors.As(err, &se):
			ss.log.Warn("upstream refused the session", "upstream_code", se.Code)
			return &gosmtp.SMTPError{Code: 454, EnhancedCode: gosmtp.EnhancedCode{4, 7, 0},
				Message: clip("The mail server refused the connection: "+oneLine(normalizeReply(se).Message), maxLine)}
		default:
			ss.log.Warn("upstream unreachable during auth", "err", err)
			return &gosmtp.SMTPError{Code: 454, EnhancedCode: gosmtp.EnhancedCode{4, 7, 0},
				Message: "Cannot reach the mail server to check your sign-in; try again shortly"}
		}
	}
	ss.up, ss.cred, ss.poolKey, ss.authed = uc, cr, key, true
	ss.log.Info("auth ok", "mode", "upstream", "mech", cr.mech)
	return nil
}

// Mail starts a message. Only a signed-in session may relay.
func (ss *session) Mail(from string, opts *gosmtp.MailOptions) error {
	if !ss.authed {
		return errAuthRequired
	}
	if !checkAddr(from, true) {
		ss.log.Info("bad sender address refused")
		return errBadSender
	}
	ss.from = from
	ss.mailOpts = gosmtp.MailOptions{}
	if opts != nil {
		ss.mailOpts = *opts
	}
	ss.rcpts = ss.rcpts[:0]
	ss.setBusy(true)
	return nil
}

// Rcpt adds a recipient.
func (ss *session) Rcpt(to string, opts *gosmtp.RcptOptions) error {
	if !ss.authed {
		return errAuthRequired
	}
	if !checkAddr(to, false) {
		ss.log.Info("bad recipient address refused")
		return errBadRcpt
	}
	ss.rcpts = append(ss.rcpts, to)
	return nil
}

// Reset ends the message transaction. go-smtp calls it after the reply to
// DATA is written.
func (ss *session) Reset() {
	if ss.collect {
		ss.collect = false
		runtime.GC()
	}
	ss.from = ""
	ss.rcpts = nil
	ss.mailOpts = gosmtp.MailOptions{}
	ss.setBusy(false)
}

// Logout ends the session: the upstream session goes back to the pool
// (or is closed) and the credentials are forgotten.
func (ss *session) Logout() error {
	if ss.up != nil {
		ss.s.pool.put(ss.poolKey, ss.up)
		ss.up = nil
	}
	ss.cred = nil
	ss.setBusy(false)
	ss.log.Debug("session end")
	return nil
}

// Data reads the message (bounded by MaxMessageBytes: go-smtp answers 552
// beyond it), then judges and relays it.
func (ss *session) Data(r io.Reader) error {
	tx := ss.begin()
	var feed func([]byte)
	if tx != nil {
		feed = tx.feed
	}
	raw, err := readMessage(r, int(ss.mailOpts.Size), int(ss.s.gs.MaxMessageBytes), ss.s.o.streamPiece, feed)
	if err != nil {
		ss.abort(tx)
		if errors.Is(err, gosmtp.ErrDataTooLarge) {
			ss.log.Info("message too large", "limit", ss.s.gs.MaxMessageBytes)
			return gosmtp.ErrDataTooLarge
		}
		// The client went away or broke the stream: nothing is relayed
		// and nothing recorded.
		ss.log.Info("message not received in full; nothing relayed", "err", err)
		return &gosmtp.SMTPError{Code: 451, EnhancedCode: gosmtp.EnhancedCode{4, 3, 0}, Message: "Message not received in full; nothing was sent"}
	}
	err = ss.handle(raw, tx)
	// A large message's memory is collected once the reply is out (in
	// Reset) rather than at twice the heap's size, so a run of large
	// messages costs one at a time.
	ss.collect = len(raw) >= bigMessage
	return err
}

// bigMessage is the size from which a message's memory is collected as
// soon as it is handled.
const bigMessage = 4 << 20

// readMessage reads r to its end into one slice. With a size hint (the
// client's SIZE=) it reads straight into a slice of that size; otherwise
// into growing chunks joined once at the end, so a message costs at most
// twice its size while it is read. feed, when set, gets each piece as it
// is read (at most piece bytes; never written to again).
func readMessage(r io.Reader, hint, max, piece int, feed func([]byte)) ([]byte, error) {
	const minChunk = 64 << 10
	size := minChunk
	if hint > 0 {
		if max > 0 && hint > max {
			hint = max
		}
		size = hint + 1 // room to see the end without a second chunk
	}
	var chunks [][]byte
	total := 0
	cur := make([]byte, size)
	n := 0
	for {
		if n == len(cur) {
			chunks = append(chunks, cur)
			total += n
			next := total / 2
			if next < minChunk {
				next = minChunk
			}
			if next > 8<<20 {
				next = 8 << 20
			}
			cur, n = make([]byte, next), 0
		}
		end := len(cur)
		if feed != nil && end-n > piece {
			end = n + piece
		}
		m, err := r.Read(cur[n:end])
		if feed != nil && m > 0 {
			feed(cur[n : n+m])
		}
		n += m
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if len(chunks) == 0 {
		return cur[:n:n], nil
	}
	out := make([]byte, 0, total+n)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, cur[:n]...), nil
}
