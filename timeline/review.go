package timeline

import (
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/matchguard/matchguard/analyzer"
)

// Review statuses (SPEC.md).
const (
	StatusHeld       = "held"
	StatusBlocked    = "blocked"
	StatusApproved   = "approved"
	StatusOverridden = "overridden"
	StatusSent       = "sent"
	StatusDropped    = "dropped"
)

// MinWhy is the least number of characters an override's justification
// must have (after trimming spaces).
const MinWhy = 10

// IDLength is the length of a review id: base62 characters from
// crypto/rand (about 95 bits), so ids in review URLs cannot be guessed.
const IDLength = 16

// ErrWrongStatus is wrapped by the errors of Approve, Override and Drop
// when the item's status does not allow the decision; the message says why.
var ErrWrongStatus = errors.New("timeline: wrong review status")

// Review is a send kept for the applicant to review: a held or blocked
// message (and warn sends, stored as "sent" with their rules so the page
// can show them). Its JSON form is SPEC's `review list --json` line (id,
// status, at, to, subject, program, rules), plus from, verdict, why,
// decided_at and sent_at where set; the message itself is left out.
type Review struct {
	ID string `json:"id"`
	// Status is held, blocked, approved, overridden, sent or dropped.
	Status string `json:"status"`
	// At is when the message was judged (UTC).
	At      time.Time `json:"at"`
	From    string    `json:"from,omitempty"`
	To      []string  `json:"to"`
	Subject string    `json:"subject"`
	Program string    `json:"program"`
	// Verdict is the analyzer's verdict: hold, block or warn.
	Verdict string `json:"verdict,omitempty"`
	// Rules are the distinct rule ids of Findings, in order.
	Rules    []string           `json:"rules"`
	Findings []analyzer.Finding `json:"-"`
	// Own is the judged text (the applicant's own words); body findings'
	// Start and End are offsets into it, kept by the store.
	Own string `json:"-"`
	// Raw is the message as submitted. Reviews leaves it nil; Review and
	// TakeApproval fill it in.
	Raw []byte `json:"-"`
	// Fingerprint identifies "the same message" (recipients, subject, text
	// and attachments) across re-sends; TakeApproval looks it up.
	Fingerprint string `json:"-"`
	// Why is the override's justification.
	Why string `json:"why,omitempty"`
	// DecidedAt is when the item was approved, overridden or dropped; zero
	// while undecided.
	DecidedAt time.Time `json:"decided_at,omitzero"`
	// SentAt is when an approval let an identical send through
	// (TakeApproval); zero otherwise.
	SentAt time.Time `json:"sent_at,omitzero"`
}

// newID returns IDLength random base62 characters.
func newID() (string, error) {
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	out := make([]byte, 0, IDLength)
	buf := make([]byte, 2*IDLength)
	for len(out) < IDLength {
		if _, err := rand.Read(buf); err != nil {
			return "", err
		}
		for _, b := range buf {
			// 248 = 4*62: reject the rest so every character is equally likely.
			if b < 248 && len(out) < IDLength {
				out = append(out, alphabet[b%62])
			}
		}
	}
	return string(out), nil
}

const insertReviewQuery = `INSERT INTO reviews
	(id, status, at, from_addr, recipients, subject, program, verdict, rules, findings, own, raw, fingerprint, why, decided_at, sent_at)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`

// storedFinding is analyzer.Finding with its offsets, which Finding's JSON
// form leaves out.
type storedFinding struct {
	analyzer.Finding
	Start int `json:"start"`
	End   int `json:"end"`
}

// AddReview stores r under a new unguessable id, which it returns and sets
// in r.ID. When r.Status is empty it follows from r.Verdict: hold → held,
// block → blocked, warn → sent. r.At defaults to now; it is stored in UTC.
// When r.Rules is empty it is filled from r.Findings.
func (s *Store) AddReview(r *Review) (id string, err error) {
	if r.Status == "" {
		switch analyzer.Verdict(r.Verdict) {
		case analyzer.VerdHold:
			r.Status = StatusHeld
		case analyzer.VerdBlk:
			r.Status = StatusBlocked
		case analyzer.VerdWarn, analyzer.Pass:
			r.Status = StatusSent
		default:
			return "", fmt.Errorf("timeline: add review: no status, and verdict %q gives none", r.Verdict)
		}
	}
	if !validStatus(r.Status) {
		return "", fmt.Errorf("timeline: add review: status %q: want held, blocked, approved, overridden, sent or dropped", r.Status)
	}
	if r.At.IsZero() {
		r.At = s.now()
	}
	r.At = r.At.UTC()
	if len(r.Rules) == 0 {
		res := analyzer.Result{Findings: r.Findings}
		r.Rules = res.Rules()
	}
	to, _ := json.Marshal(nonNil(r.To))
	rules, _ := json.Marshal(nonNil(r.Rules))
	fs := make([]storedFinding, len(r.Findings))
	for i, f := range r.Findings {
		fs[i] = storedFinding{Finding: f, Start: f.Start, End: f.End}
	}
	findings, err := json.Marshal(fs)
	if err != nil {
		return "", fmt.Errorf("timeline: add review: %w", err)
	}
	raw := r.Raw
	if raw == nil {
		raw = []byte{}
	}
	for range 3 { // a collision of 95-bit ids is not expected; retry anyway
		id, err = newID()
		if err != nil {
			return "", fmt.Errorf("timeline: add review: %w", err)
		}
		res, err := s.insReview.Exec(id, r.Status, toDB(r.At), r.From, string(to), r.Subject, r.Program, r.Verdict,
			string(rules), string(findings), r.Own, raw, r.Fingerprint, r.Why, toDB(r.DecidedAt), toDB(r.SentAt))
		if err != nil {
			return "", fmt.Errorf("timeline: add review: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			r.ID = id
			return id, nil
		}
	}
	return "", errors.New("timeline: add review: could not find a free id")
}

func validStatus(st string) bool {
	switch st {
	case StatusHeld, StatusBlocked, StatusApproved, StatusOverridden, StatusSent, StatusDropped:
		return true
	}
	return false
}

const reviewCols = `id, status, at, from_addr, recipients, subject, program, verdict, rules, findings, own, fingerprint, why, decided_at, sent_at`

type scanner interface {
	Scan(dest ...any) error
}

func scanReview(sc scanner, withRaw bool) (*Review, error) {
	var (
		r                   Review
		at, decided, sentAt int64
		to, rules, findings string
		raw                 []byte
	)
	dest := []any{&r.ID, &r.Status, &at, &r.From, &to, &r.Subject, &r.Program, &r.Verdict,
		&rules, &findings, &r.Own, &r.Fingerprint, &r.Why, &decided, &sentAt}
	if withRaw {
		dest = append(dest, &raw)
	}
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	r.At, r.DecidedAt, r.SentAt = fromDB(at), fromDB(decided), fromDB(sentAt)
	if err := json.Unmarshal([]byte(to), &r.To); err != nil {
		return nil, fmt.Errorf("review %s: recipients: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(rules), &r.Rules); err != nil {
		return nil, fmt.Errorf("review %s: rules: %w", r.ID, err)
	}
	var fs []storedFinding
	if err := json.Unmarshal([]byte(findings), &fs); err != nil {
		return nil, fmt.Errorf("review %s: findings: %w", r.ID, err)
	}
	for _, f := range fs {
		f.Finding.Start, f.Finding.End = f.Start, f.End
		r.Findings = append(r.Findings, f.Finding)
	}
	if withRaw {
		r.Raw = raw
	}
	return &r, nil
}

// Review returns the item with the given id, Raw included, or ErrNotFound.
func (s *Store) Review(id string) (*Review, error) {
	r, err := scanReview(s.db.QueryRow(`SELECT `+reviewCols+`, raw FROM reviews WHERE id = ?`, id), true)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: review %q", ErrNotFound, id)
	}
	if err != nil {
		return nil, fmt.Errorf("timeline: review: %w", err)
	}
	return r, nil
}

// Reviews returns the items with any of the given statuses (all items when
// none is given), newest first. Raw is left nil: use Review for it.
func (s *Store) Reviews(status ...string) ([]Review, error) {
	q := `SELECT ` + reviewCols + ` FROM reviews`
	var args []any
	if len(status) > 0 {
		q += ` WHERE status IN (?` + strings.Repeat(", ?", len(status)-1) + `)`
		for _, st := range status {
			args = append(args, st)
		}
	}
	q += ` ORDER BY at DESC, rowid DESC`
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("timeline: reviews: %w", err)
	}
	defer rows.Close()
	var out []Review
	for rows.Next() {
		r, err := scanReview(rows, false)
		if err != nil {
			return nil, fmt.Errorf("timeline: reviews: %w", err)
		}
		out = append(out, *r)
	}
	return out, rows.Err()
}

// Approve approves a held item, so the next identical send is relayed
// (TakeApproval). Any other status is an ErrWrongStatus error saying why;
// an unknown id is ErrNotFound.
func (s *Store) Approve(id string) error {
	return s.decide(id, StatusApproved, "", StatusHeld)
}

// Override lets a blocked item through, so the next identical send is
// relayed. why, the applicant's justification, is recorded; it must have
// at least MinWhy characters. Only blocked items can be overridden.
func (s *Store) Override(id, why string) error {
	why = strings.TrimSpace(why)
	if utf8.RuneCountInString(why) < MinWhy {
		return fmt.Errorf("timeline: override %s: give a reason of at least %d characters (--why \"...\")", id, MinWhy)
	}
	return s.decide(id, StatusOverridden, why, StatusBlocked)
}

// Drop discards an item that is held, blocked, approved or overridden: it
// will not be sent through an approval.
func (s *Store) Drop(id string) error {
	return s.decide(id, StatusDropped, "", StatusHeld, StatusBlocked, StatusApproved, StatusOverridden)
}

// decide moves id to status to, if its status is one of from.
func (s *Store) decide(id, to, why string, from ...string) error {
	q := `UPDATE reviews SET status = ?, decided_at = ?, why = CASE WHEN ? <> '' THEN ? ELSE why END
		WHERE id = ? AND status IN (?` + strings.Repeat(", ?", len(from)-1) + `)`
	args := []any{to, toDB(s.now()), why, why, id}
	for _, f := range from {
		args = append(args, f)
	}
	res, err := s.db.Exec(q, args...)
	if err != nil {
		return fmt.Errorf("timeline: review %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return nil
	}
	var cur string
	err = s.db.QueryRow(`SELECT status FROM reviews WHERE id = ?`, id).Scan(&cur)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%w: review %q", ErrNotFound, id)
	}
	if err != nil {
		return fmt.Errorf("timeline: review %s: %w", id, err)
	}
	return fmt.Errorf("%w: review %s is %s; %s", ErrWrongStatus, id, cur, wrongStatusHint(to, cur))
}

func wrongStatusHint(to, cur string) string {
	switch {
	case cur == to:
		return "it is " + cur + " already"
	case cur == StatusSent:
		return "it has been sent already"
	case to == StatusApproved && cur == StatusBlocked:
		return "a blocked message cannot be approved, only overridden with a reason"
	case to == StatusApproved:
		return "only a held message can be approved"
	case to == StatusOverridden && cur == StatusHeld:
		return "a held message is approved, not overridden"
	case to == StatusOverridden:
		return "only a blocked message can be overridden"
	}
	return "it is " + cur + " already"
}

// TakeApproval finds an approved or overridden item with this fingerprint
// and marks it sent, atomically: one approval lets exactly one identical
// send through, even when several sends race. It returns the item (status
// sent, Raw included), or nil, nil when there is none. The oldest decision
// is used first.
func (s *Store) TakeApproval(fingerprint string) (*Review, error) {
	if fingerprint == "" {
		return nil, nil
	}
	var id string
	err := s.db.QueryRow(`UPDATE reviews SET status = 'sent', sent_at = ?
		WHERE id = (SELECT id FROM reviews WHERE fingerprint = ? AND status IN ('approved', 'overridden')
			ORDER BY decided_at, at, rowid LIMIT 1)
		RETURNING id`, toDB(s.now()), fingerprint).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("timeline: take approval: %w", err)
	}
	return s.Review(id)
}
