package smtp

import (
	"errors"
	"fmt"
	"time"

	gosmtp "github.com/emersion/go-smtp"
)

// defaultStreamFrom is the size from which a message's text goes upstream
// while the client is still sending it (the final dot waits for the
// verdict). Smaller messages go in one piece once judged: there is nothing
// to win, and a refused draft's text then never leaves the machine (its
// envelope does: MAIL and RCPT, then the connection is closed in DATA).
const defaultStreamFrom = 1 << 20

// defaultStreamPiece bounds one read from the client, so a large message
// reaches the upstream in pieces as it comes in (go-smtp's reader fills
// the whole buffer it is given before it returns).
const defaultStreamPiece = 256 << 10

// txn is an upstream transaction started as soon as the client's DATA
// begins, on the session's kept upstream connection: MAIL, RCPT and DATA
// run while the message comes in and is judged, and a large message's
// text follows it as it arrives. Nothing is submitted before finish sends
// the final dot; abort hangs up instead, and an upstream discards a
// transaction whose text did not end.
type txn struct {
	uc *upConn

	ready chan struct{} // closed when MAIL, RCPT and DATA are answered
	w     *gosmtp.DataCommand
	err   error // the envelope's error; set before ready closes

	// Streaming: pieces of the message, in order, for the writer.
	pending   [][]byte
	buffered  int
	streaming bool
	pieces    chan []byte   // nil once the input ended
	wdone     chan struct{} // closed when the writer has stopped
	wrote     int           // bytes the writer passed to the upstream
	werr      error         // the writer's error; set before wdone closes
	st        *dotStuffer   // the writer's, for the rest of the text

	timeout    time.Duration
	streamFrom int
}

// begin starts the upstream transaction for the message the client is
// about to send, or returns nil when the session has no upstream
// connection at hand (relay then connects once the message is judged).
func (ss *session) begin() *txn {
	if ss.up == nil {
		ss.up = ss.s.pool.get(ss.poolKey)
	}
	if ss.up == nil {
		return nil
	}
	tx := &txn{uc: ss.up, ready: make(chan struct{}), timeout: ss.s.up.timeout, streamFrom: ss.s.o.streamFrom}
	from, rcpts, size := ss.from, append([]string(nil), ss.rcpts...), ss.mailOpts.Size
	go func() {
		defer close(tx.ready)
		tx.w, tx.err = tx.uc.envelope(from, rcpts, size)
	}()
	return tx
}

// envelope sends MAIL, RCPT and DATA and returns the writer for the text.
func (uc *upConn) envelope(from string, rcpts []string, size int64) (*gosmtp.DataCommand, error) {
	if err := uc.c.Mail(from, &gosmtp.MailOptions{Size: size}); err != nil {
		return nil, err
	}
	for _, r := range rcpts {
		if err := uc.c.Rcpt(r, nil); err != nil {
			var se *gosmtp.SMTPError
			if errors.As(err, &se) {
				se = normalizeReply(se)
				se.Message = fmt.Sprintf("<%s>: %s", r, se.Message)
				return nil, se
			}
			return nil, err
		}
	}
	return uc.c.Data()
}

// feed takes the next piece of the message as it is read from the client.
// Once the message reaches streamFrom bytes, it goes on to the upstream.
func (tx *txn) feed(p []byte) {
	if tx == nil || len(p) == 0 {
		return
	}
	if tx.streaming {
		tx.pieces <- p
		return
	}
	tx.pending = append(tx.pending, p)
	tx.buffered += len(p)
	if tx.buffered < tx.streamFrom {
		return
	}
	tx.streaming = true
	tx.pieces = make(chan []byte, 64)
	tx.wdone = make(chan struct{})
	go tx.writer(tx.pieces)
	for _, q := range tx.pending {
		tx.pieces <- q
	}
	tx.pending = nil
}

// writer passes the streamed pieces on once DATA is answered; after an
// error it drains them. Through the dotStuffer it writes whole lines only,
// and never what may be the message's last line (the text so far after its
// last LF but one): endText sends that.
func (tx *txn) writer(pieces <-chan []byte) {
	defer close(tx.wdone)
	<-tx.ready
	err := tx.err
	var (
		st   *dotStuffer
		hold lineHold
	)
	if tx.uc.text != nil {
		st = newDotStuffer(tx.uc.text)
	}
	write := func(ps ...[]byte) {
		for _, p := range ps {
			if err == nil {
				_, err = st.Write(p)
				tx.wrote += len(p)
			}
		}
	}
	for p := range pieces {
		if err != nil {
			continue
		}
		tx.uc.conn.SetWriteDeadline(time.Now().Add(tx.timeout))
		switch {
		case st == nil:
			_, err = tx.w.Write(p)
			tx.wrote += len(p)
		default:
			write(hold.add(p)...)
		}
	}
	tx.uc.conn.SetWriteDeadline(time.Time{})
	tx.st, tx.werr = st, err
}

// endInput says the client's message is complete (or broken off): the
// writer gets no more pieces.
func (tx *txn) endInput() {
	if tx != nil && tx.streaming && tx.pieces != nil {
		close(tx.pieces)
		tx.pieces = nil
	}
}

// wait returns once the envelope is answered and the writer has stopped.
func (tx *txn) wait() {
	tx.endInput()
	<-tx.ready
	if tx.wdone != nil {
		<-tx.wdone
	}
}

// abort ends the transaction without submitting anything: before DATA a
// RSET would do, but once the upstream waits for text only hanging up
// ends it, so the connection is closed either way.
func (ss *session) abort(tx *txn) {
	if tx == nil {
		return
	}
	tx.uc.c.Close() // unblocks the envelope and the writer
	tx.wait()
	if ss.up == tx.uc {
		ss.up = nil
	}
}

// finish sends the rest of the message and the final dot, or passes on the
// upstream's refusal. A kept connection that turns out dead (or closed with
// a 421) before the final dot is replaced: the message goes again, whole,
// on a fresh connection. The reply is nil only when the upstream accepted.
func (ss *session) finish(tx *txn, raw []byte, rcpts []string) *gosmtp.SMTPError {
	tx.wait()
	err := tx.err
	dataSent := false
	if err == nil {
		err = tx.werr
	}
	if err == nil {
		dataSent, err = tx.uc.endText(tx.w, tx.st, raw, tx.wrote, tx.timeout)
		if err == nil {
			return nil
		}
	}
	var se *gosmtp.SMTPError
	if errors.As(err, &se) && !(se.Code == 421 && !dataSent) {
		// A refusal of the envelope, or the reply to the final dot.
		if rerr := tx.uc.reset(); rerr != nil {
			ss.dropUpstream()
		}
		return normalizeReply(se)
	}
	ss.dropUpstream()
	if dataSent {
		ss.log.Warn("upstream connection broke after the message end", "err", err)
		return errUnknownOutcome
	}
	ss.log.Debug("kept upstream connection failed before the message end; sending on a fresh one", "err", err)
	return ss.relayFresh(raw, rcpts)
}
