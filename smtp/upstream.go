package smtp

import (
	"crypto/tls"
	"errors"
	"net"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	gosmtp "github.com/emersion/go-smtp"
)

// upstream is how to reach the real submission server.
type upstream struct {
	addr     string
	security string // starttls, tls or none
	tls      *tls.Config
	timeout  time.Duration
}

// cred is one session's upstream credentials, held in memory for the
// session only and never written anywhere.
type cred struct {
	mech       string // the mechanism the client used
	identity   string
	user, pass string
	token      []byte // XOAUTH2 / OAUTHBEARER initial response
}

// saslClient picks how to present cr to an upstream that advertises
// mechs: passwords go as PLAIN where offered, else LOGIN; tokens go with
// the client's own mechanism.
func (cr *cred) saslClient(c *gosmtp.Client) (sasl.Client, error) {
	switch cr.mech {
	case mechXOAuth2, mechOAuthBearer:
		if ok, _ := c.Extension("AUTH"); ok && !c.SupportsAuth(cr.mech) {
			return nil, &gosmtp.SMTPError{Code: 504, EnhancedCode: gosmtp.EnhancedCode{5, 7, 4},
				Message: "The mail server does not accept " + cr.mech + "; use a password (PLAIN or LOGIN)"}
		}
		return &tokenClient{mech: cr.mech, ir: cr.token}, nil
	}
	if !c.SupportsAuth(mechPlain) && c.SupportsAuth(mechLogin) {
		return sasl.NewLoginClient(cr.user, cr.pass), nil
	}
	return sasl.NewPlainClient(cr.identity, cr.user, cr.pass), nil
}

// upConn is an open, authenticated upstream connection.
type upConn struct {
	c    *gosmtp.Client
	conn net.Conn // the TCP connection under c, for deadlines
	// text is the connection c writes to (TLS above conn, where used):
	// message text goes there through a dotStuffer.
	text net.Conn
	// refused is set once the upstream refused something on this
	// connection: it is not pooled then (a server that limits messages per
	// connection would refuse the next session too).
	refused bool
}

// unreachableError means the upstream could not be reached or spoke no
// SMTP: nothing was sent.
type unreachableError struct{ err error }

func (e *unreachableError) Error() string { return "upstream unreachable: " + e.err.Error() }
func (e *unreachableError) Unwrap() error { return e.err }

// authError is the upstream's refusal of the credentials.
type authError struct{ se *gosmtp.SMTPError }

func (e *authError) Error() string { return "upstream refused credentials: " + e.se.Error() }

// connect dials the upstream, says hello as helo, secures the connection
// as configured and authenticates with cr (no AUTH when cr is nil).
// Errors are *unreachableError, *authError or, for a refusal before
// AUTH, *gosmtp.SMTPError.
func (u *upstream) connect(helo string, cr *cred) (*upConn, error) {
	d := net.Dialer{Timeout: 15 * time.Second}
	raw, err := d.Dial("tcp", u.addr)
	if err != nil {
		return nil, &unreachableError{err}
	}
	host, _, _ := net.SplitHostPort(u.addr)
	tcfg := u.tls
	if tcfg == nil {
		tcfg = &tls.Config{}
	}
	if tcfg.ServerName == "" {
		tcfg = tcfg.Clone()
		tcfg.ServerName = host
	}
	var c *gosmtp.Client
	var text net.Conn
	fail := func(err error) (*upConn, error) {
		raw.Close()
		var se *gosmtp.SMTPError
		if errors.As(err, &se) {
			return nil, se
		}
		return nil, &unreachableError{err}
	}
	switch u.security {
	case "tls":
		tc := tls.Client(raw, tcfg)
		tc.SetDeadline(time.Now().Add(u.timeout))
		if err := tc.Handshake(); err != nil {
			return fail(err)
		}
		tc.SetDeadline(time.Time{})
		c, text = gosmtp.NewClient(tc), tc
	case "none":
		c, text = gosmtp.NewClient(raw), raw
	default: // starttls
		// The EHLO before STARTTLS says "localhost"; the one after says
		// helo. STARTTLS is done here rather than by go-smtp so that the
		// TLS connection is at hand for the message text; go-smtp's client
		// then starts on it as on a new connection, with the greeting it
		// has already had.
		tc, err := u.startTLS(raw, tcfg)
		if err != nil {
			return fail(err)
		}
		host := "upstream"
		if h := tcfg.ServerName; h != "" {
			host = h
		}
		c, text = gosmtp.NewClient(&greetedConn{Conn: tc, greeting: []byte("220 " + host + " ESMTP\r\n")}), tc
	}
	c.CommandTimeout = u.timeout
	if helo == "" {
		helo = "localhost"
	}
	if err := c.Hello(helo); err != nil {
		return fail(err)
	}
	if cr != nil {
		a, err := cr.saslClient(c)
		if err != nil {
			raw.Close()
			return nil, &authError{err.(*gosmtp.SMTPError)}
		}
		if err := c.Auth(a); err != nil {
			raw.Close()
			var se *gosmtp.SMTPError
			if errors.As(err, &se) {
				return nil, &authError{se}
			}
			return nil, &unreachableError{err}
		}
	}
	return &upConn{c: c, conn: raw, text: text}, nil
}

// startTLS reads the greeting on raw, says EHLO and STARTTLS, and returns
// the TLS connection. Refusals are *gosmtp.SMTPError.
func (u *upstream) startTLS(raw net.Conn, cfg *tls.Config) (*tls.Conn, error) {
	raw.SetDeadline(time.Now().Add(u.timeout))
	defer raw.SetDeadline(time.Time{})
	tp := textproto.NewConn(raw)
	step := func(cmd string, want int) (string, error) {
		if cmd != "" {
			if err := tp.PrintfLine("%s", cmd); err != nil {
				return "", err
			}
		}
		_, msg, err := tp.ReadResponse(want)
		var te *textproto.Error
		if errors.As(err, &te) {
			return "", &gosmtp.SMTPError{Code: te.Code, Message: te.Msg}
		}
		return msg, err
	}
	if _, err := step("", 220); err != nil {
		return nil, err
	}
	ehlo, err := step("EHLO localhost", 250)
	if err != nil {
		return nil, err
	}
	offered := false
	for _, l := range strings.Split(ehlo, "\n")[1:] {
		if f := strings.Fields(l); len(f) > 0 && strings.EqualFold(f[0], "STARTTLS") {
			offered = true
		}
	}
	if !offered {
		return nil, errors.New("smtp: server doesn't support STARTTLS")
	}
	if _, err := step("STARTTLS", 220); err != nil {
		return nil, err
	}
	tc := tls.Client(raw, cfg)
	if err := tc.Handshake(); err != nil {
		return nil, err
	}
	return tc, nil
}

// greetedConn hands go-smtp's client the greeting the server gave before
// STARTTLS, as the first thing it reads.
type greetedConn struct {
	net.Conn
	greeting []byte
}

func (g *greetedConn) Read(b []byte) (int, error) {
	if len(g.greeting) > 0 {
		n := copy(b, g.greeting)
		g.greeting = g.greeting[n:]
		return n, nil
	}
	return g.Conn.Read(b)
}

// close ends the upstream session politely, within a few seconds.
func (uc *upConn) close() {
	uc.conn.SetDeadline(time.Now().Add(5 * time.Second))
	uc.c.CommandTimeout = 5 * time.Second
	uc.c.Quit()
	uc.c.Close()
}

// send runs one transaction. dataSent reports whether the message's end
// was written, after which an error leaves the outcome unknown.
func (uc *upConn) send(from string, rcpts []string, size int, raw []byte, timeout time.Duration) (dataSent bool, err error) {
	w, err := uc.envelope(from, rcpts, int64(size))
	if err != nil {
		return false, err
	}
	return uc.endText(w, nil, raw, 0, timeout)
}

// endText writes the message text from done on (the bytes before were
// written through st, up to the start of a line) and ends it: the last
// line goes through go-smtp's writer, which ends the text and reads the
// reply. dataSent reports whether the end was written.
func (uc *upConn) endText(w *gosmtp.DataCommand, st *dotStuffer, raw []byte, done int, timeout time.Duration) (dataSent bool, err error) {
	uc.conn.SetWriteDeadline(time.Now().Add(timeout))
	if uc.text != nil {
		if k := lastLine(raw); k > done {
			if st == nil {
				st = newDotStuffer(uc.text)
			}
			if _, err := st.Write(raw[done:k]); err != nil {
				return false, err
			}
			done = k
		}
	}
	if _, err := w.Write(raw[done:]); err != nil {
		return false, err
	}
	uc.conn.SetWriteDeadline(time.Time{})
	_, err = w.CloseWithResponse()
	return true, err
}

// reset clears a refused transaction so the session can use the
// connection again.
func (uc *upConn) reset() error {
	uc.refused = true
	return uc.c.Reset()
}

var (
	errUnreachable = &gosmtp.SMTPError{Code: 451, EnhancedCode: gosmtp.EnhancedCode{4, 4, 1},
		Message: "The mail server cannot be reached; nothing was sent. Your client will try again."}
	errUnknownOutcome = &gosmtp.SMTPError{Code: 451, EnhancedCode: gosmtp.EnhancedCode{4, 4, 2},
		Message: "The connection to the mail server broke at the end of the message; send it again."}
	errStore = &gosmtp.SMTPError{Code: 451, EnhancedCode: gosmtp.EnhancedCode{4, 3, 0},
		Message: "matchguard could not read or write its records; nothing was sent. Try again shortly."}
	errAuthRequired = &gosmtp.SMTPError{Code: 530, EnhancedCode: gosmtp.EnhancedCode{5, 7, 0},
		Message: "Authentication required: sign in with your mail account's user name and password"}
)

// normalizeReply returns a copy of an upstream reply fit to pass on: the
// enhanced code parsed out of the text where the client left it there,
// one code per reply, lines kept short, and a 4xx/5xx code (anything else
// becomes a temporary failure).
func normalizeReply(se *gosmtp.SMTPError) *gosmtp.SMTPError {
	out := &gosmtp.SMTPError{Code: se.Code, EnhancedCode: se.EnhancedCode, Message: se.Message}
	lines := strings.Split(strings.ReplaceAll(out.Message, "\r", ""), "\n")
	if out.EnhancedCode == gosmtp.EnhancedCodeNotSet || out.EnhancedCode == gosmtp.NoEnhancedCode {
		// go-smtp's client parses the code off the first line only; a
		// server may put it on the last line alone.
		out.EnhancedCode = gosmtp.EnhancedCodeNotSet
		for i := len(lines) - 1; i >= 0; i-- {
			if ec, _, ok := cutEnhancedCode(lines[i]); ok {
				out.EnhancedCode = ec
				break
			}
		}
	}
	for i, l := range lines {
		if _, rest, ok := cutEnhancedCode(l); ok {
			l = rest
		}
		lines[i] = clip(l, 450)
	}
	out.Message = strings.Join(lines, "\n")
	class := out.Code / 100
	if class != 4 && class != 5 {
		out.Code, class = 451, 4
		out.EnhancedCode = gosmtp.EnhancedCode{4, 0, 0}
	}
	if out.EnhancedCode != gosmtp.EnhancedCodeNotSet && out.EnhancedCode[0] != class {
		out.EnhancedCode = gosmtp.EnhancedCode{class, 0, 0}
	}
	return out
}

// cutEnhancedCode splits "5.7.1 text" into its code and text.
func cutEnhancedCode(s string) (gosmtp.EnhancedCode, string, bool) {
	tok, rest, _ := strings.Cut(s, " ")
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		return gosmtp.EnhancedCode{}, s, false
	}
	var ec gosmtp.EnhancedCode
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > 999 || p == "" {
			return gosmtp.EnhancedCode{}, s, false
		}
		ec[i] = n
	}
	if ec[0] != 2 && ec[0] != 4 && ec[0] != 5 {
		return gosmtp.EnhancedCode{}, s, false
	}
	return ec, rest, true
}
