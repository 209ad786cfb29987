package smtp

import (
	"errors"
	"sort"
	"time"

	gosmtp "github.com/emersion/go-smtp"
	"github.com/matchguard/matchguard/analyzer"
)

// handle judges one received message and relays or refuses it, as
// SPEC.md's verdict table says. tx, when set, is the upstream transaction
// begun as the message came in: it is finished when the message is
// relayed and aborted otherwise.
func (ss *session) handle(raw []byte, tx *txn) error {
	delivered := false
	defer func() {
		if !delivered {
			ss.abort(tx)
		}
	}()
	deliver := func(rcpts []string) *gosmtp.SMTPError {
		delivered = true
		if tx != nil {
			return ss.finish(tx, raw, rcpts)
		}
		return ss.relay(raw, rcpts)
	}
	s := ss.s
	rcpts := append([]string(nil), ss.rcpts...)
	log := ss.log.With("rcpt_domains", domains(rcpts), "size", len(raw))

	progs := s.cfg.ProgramsFor(rcpts)
	if len(progs) == 0 {
		// Not program mail: relayed untouched and not stored.
		if err := deliver(rcpts); err != nil {
			log.Info("relay failed", "program", false, "code", err.Code)
			return err
		}
		log.Info("relayed", "program", false)
		return nil
	}

	keys := make([]string, len(progs))
	for i, p := range progs {
		keys[i] = p.Key
	}
	now := s.o.Now()
	t0 := time.Now()
	msg := analyzer.Parse(raw)
	tParse := time.Since(t0)
	res, err := s.o.Engine.Check(analyzer.Input{Msg: msg, Now: now, Rcpts: rcpts}, s.o.Store)
	tCheck := time.Since(t0) - tParse
	if err != nil {
		log.Error("analysis failed (history)", "err", err)
		return errStore
	}
	if len(res.Programs) == 0 {
		res.Programs = keys
	}
	if res.Program == "" {
		res.Program = res.Programs[0]
	}
	log = log.With("programs", res.Programs, "verdict", string(res.Verdict), "rules", res.Rules())

	sendAs := string(res.Verdict)
	var approval *Review
	switch res.Verdict {
	case analyzer.Pass, analyzer.VerdWarn:
	case analyzer.VerdHold, analyzer.VerdBlk:
		fp := s.o.Fingerprint(msg, rcpts)
		ap, err := s.o.Store.TakeApproval(fp)
		if err != nil {
			log.Error("store: approvals", "err", err)
			return errStore
		}
		covers := ap != nil && (ap.Status == StatusOverridden || (ap.Status == StatusApproved && res.Verdict == analyzer.VerdHold))
		if ap != nil && !covers {
			if err := s.o.Store.ReturnApproval(ap); err != nil {
				log.Error("store: return approval", "err", err, "review", ap.ID)
			}
		}
		if !covers {
			return ss.refuse(log, raw, msg, rcpts, fp, now, &res)
		}
		approval, sendAs = ap, ap.Status
		log = log.With("review", ap.ID, "sent_as", sendAs)
	default:
		log.Error("unknown verdict")
		return errStore
	}

	t1 := time.Now()
	if err := deliver(rcpts); err != nil {
		if approval != nil {
			if rerr := s.o.Store.ReturnApproval(approval); rerr != nil {
				log.Error("store: return approval", "err", rerr)
			}
		}
		log.Info("relay failed", "code", err.Code)
		return err
	}
	// Sent: from here on a store failure must not turn into an error
	// reply, or the client would send the message twice.
	tRelay := time.Since(t1)
	ss.record(log, msg, rcpts, now, &res, sendAs)
	log.Info("relayed", "ms_parse", ms(tParse), "ms_check", ms(tCheck), "ms_relay", ms(tRelay), "ms_record", ms(time.Since(t1)-tRelay))
	return nil
}

// refuse stores a review item for a held or blocked message and returns
// the 550 that explains it.
func (ss *session) refuse(log interface {
	Info(string, ...any)
	Error(string, ...any)
}, raw []byte, msg *analyzer.Message, rcpts []string, fp string, now time.Time, res *analyzer.Result) error {
	s := ss.s
	status := StatusHeld
	if res.Verdict == analyzer.VerdBlk {
		status = StatusBlocked
	}
	rv := &Review{
		Status:      status,
		At:          now.UTC(),
		From:        ss.from,
		To:          rcpts,
		Subject:     msg.Subject,
		MessageID:   msg.MessageID,
		Program:     res.Program,
		Programs:    res.Programs,
		Verdict:     res.Verdict,
		Rules:       res.Rules(),
		Findings:    res.Findings,
		Fingerprint: fp,
		Own:         msg.Own,
		Raw:         raw,
	}
	id, err := s.o.Store.AddReview(rv)
	if err != nil {
		log.Error("store: add review", "err", err)
		return errStore
	}
	log.Info("refused", "review", id)
	to := ""
	if p := s.cfg.Program(res.Program); p != nil {
		to = " to " + p.Label()
		if len(res.Programs) > 1 {
			to += " and others"
		}
	}
	web := s.cfg.Web.Listen
	if web == "" {
		web = "127.0.0.1:8025"
	}
	if status == StatusBlocked {
		return blockReply(id, web, to, res)
	}
	return holdReply(id, web, to, res)
}

// record writes a relayed program message to the ledger and the timeline,
// one entry per program, and a review item for warn notes.
func (ss *session) record(log interface {
	Info(string, ...any)
	Error(string, ...any)
}, msg *analyzer.Message, rcpts []string, now time.Time, res *analyzer.Result, sendAs string) {
	st := ss.s.o.Store
	for _, p := range res.Programs {
		sent := analyzer.Sent{
			At: now.UTC(), Program: p, MessageID: msg.MessageID, Subject: msg.Subject,
			To: rcpts, Verdict: sendAs, Facts: res.Facts,
		}
		if err := st.RecordSend(sent); err != nil {
			log.Error("store: record send (the message was sent)", "err", err, "program", p)
		}
		ev := Event{At: now.UTC(), Program: p, Direction: "out", Type: sendAs, Subject: msg.Subject, MessageID: msg.MessageID}
		if err := st.AddEvent(ev); err != nil {
			log.Error("store: add event (the message was sent)", "err", err, "program", p)
		}
	}
	if res.Verdict == analyzer.VerdWarn && sendAs == string(analyzer.VerdWarn) {
		rv := &Review{
			Status: StatusSent, At: now.UTC(), From: ss.from, To: rcpts, Subject: msg.Subject,
			MessageID: msg.MessageID, Program: res.Program, Programs: res.Programs,
			Verdict: res.Verdict, Rules: res.Rules(), Findings: res.Findings, Own: msg.Own,
		}
		if id, err := st.AddReview(rv); err != nil {
			log.Error("store: add review for notes (the message was sent)", "err", err)
		} else {
			log.Info("notes recorded", "review", id)
		}
	}
}

// relay sends raw to the upstream over the session's connection,
// re-dialling once when a kept connection turns out to be stale. The
// reply is nil only when the upstream accepted the message.
func (ss *session) relay(raw []byte, rcpts []string) *gosmtp.SMTPError {
	return ss.relayOn(raw, rcpts, true)
}

// relayFresh is relay on a new connection, for a message whose kept
// connection has just failed.
func (ss *session) relayFresh(raw []byte, rcpts []string) *gosmtp.SMTPError {
	return ss.relayOn(raw, rcpts, false)
}

func (ss *session) relayOn(raw []byte, rcpts []string, pooled bool) *gosmtp.SMTPError {
	s := ss.s
	for attempt := 0; ; attempt++ {
		fresh := false
		if ss.up == nil && attempt == 0 && pooled {
			ss.up = s.pool.get(ss.poolKey)
		}
		if ss.up == nil {
			uc, err := s.up.connect(ss.helo, ss.cred)
			if err != nil {
				var ae *authError
				var se *gosmtp.SMTPError
				switch {
				case errors.As(err, &ae):
					ss.log.Warn("upstream refused the session's credentials on reconnect", "upstream_code", ae.se.Code)
					return &gosmtp.SMTPError{Code: 454, EnhancedCode: gosmtp.EnhancedCode{4, 7, 0},
						Message: clip("The mail server refused the sign-in when reconnecting: "+oneLine(normalizeReply(ae.se).Message), maxLine)}
				case errors.As(err, &se):
					r := normalizeReply(se)
					if r.Code/100 == 5 { // refusing the connection is not about this message
						r.Code, r.EnhancedCode = 451, gosmtp.EnhancedCode{4, 4, 0}
					}
					return r
				}
				ss.log.Warn("upstream unreachable", "err", err)
				return errUnreachable
			}
			ss.up, fresh = uc, true
		}
		dataSent, err := ss.up.send(ss.from, rcpts, len(raw), raw, s.up.timeout)
		if err == nil {
			return nil
		}
		var se *gosmtp.SMTPError
		if errors.As(err, &se) && !(se.Code == 421 && !dataSent && !fresh && attempt == 0) {
			if rerr := ss.up.reset(); rerr != nil {
				ss.dropUpstream()
			}
			return normalizeReply(se)
		}
		// A broken connection, or a 421 before the message's end on a
		// kept connection (the upstream closing a session that sat idle):
		// before the end, it is retried once on a fresh connection.
		ss.dropUpstream()
		if dataSent {
			ss.log.Warn("upstream connection broke after the message end", "err", err)
			return errUnknownOutcome
		}
		if fresh || attempt > 0 {
			ss.log.Warn("upstream connection failed", "err", err)
			return errUnreachable
		}
		ss.log.Debug("kept upstream connection was stale; reconnecting", "err", err)
	}
}

func (ss *session) dropUpstream() {
	if ss.up != nil {
		ss.up.c.Close()
		ss.up = nil
	}
}

// domains lists the distinct recipient domains, for logs.
func domains(rcpts []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rcpts {
		if d := domainOf(r); d != "" && !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	sort.Strings(out)
	return out
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
