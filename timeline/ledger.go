package timeline

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/matchguard/matchguard/analyzer"
)

var _ analyzer.History = (*Store)(nil)

// RecordSend records s in the ledger as sent and returns its ledger id.
// s.At is stored in UTC and must be set. The sketch is indexed by its band
// hashes for SimilarSends (a zero sketch is stored but never matches).
//
// The send is also logged to the timeline as an "out" event whose type is
// s.Verdict (pass, warn, approved, overridden; "pass" when empty), in the
// same transaction; when an "out" event with s.MessageID exists already,
// none is added.
func (s *Store) RecordSend(sent analyzer.Sent) (int64, error) {
	if sent.At.IsZero() {
		return 0, errors.New("timeline: record send: the send has no time")
	}
	to, err := json.Marshal(nonNil(sent.To))
	if err != nil {
		return 0, err
	}
	var blob []byte
	if !sent.Sketch.IsZero() {
		blob, _ = sent.Sketch.MarshalBinary()
	}
	tx, err := s.db.Begin()
	if err != nil {
		return 0, fmt.Errorf("timeline: record send: %w", err)
	}
	defer tx.Rollback()
	res, err := tx.Stmt(s.insSend).Exec(
		toDB(sent.At), sent.Program, sent.MessageID, sent.Subject, string(to), sent.Verdict,
		boolInt(sent.TopChoice), boolInt(sent.Update), boolInt(sent.ThankYou), blob)
	if err != nil {
		return 0, fmt.Errorf("timeline: record send: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if blob != nil {
		bands := sent.Sketch.Bands()
		args := make([]any, 0, len(bands)+2)
		args = append(args, sent.Program, id)
		for _, h := range bands {
			args = append(args, int64(h))
		}
		if _, err := tx.Stmt(s.insBands).Exec(args...); err != nil {
			return 0, fmt.Errorf("timeline: record send: bands: %w", err)
		}
	}
	typ := sent.Verdict
	if typ == "" {
		typ = string(analyzer.Pass)
	}
	if _, err := addEvent(tx.Stmt(s.insEvent), Event{
		At:        sent.At,
		Program:   sent.Program,
		Direction: DirOut,
		Type:      typ,
		Subject:   sent.Subject,
		MessageID: sent.MessageID,
	}); err != nil {
		return 0, fmt.Errorf("timeline: record send: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("timeline: record send: %w", err)
	}
	return id, nil
}

// TopChoicePrograms returns the programs that sends before the given time
// called the applicant's top choice, in the order they were first told.
func (s *Store) TopChoicePrograms(before time.Time) ([]string, error) {
	rows, err := s.topChoice.Query(toDB(before))
	if err != nil {
		return nil, fmt.Errorf("timeline: top-choice programs: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var (
			p     string
			first int64
		)
		if err := rows.Scan(&p, &first); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Updates returns the times of update sends to program before the given
// time, oldest first.
func (s *Store) Updates(program string, before time.Time) ([]time.Time, error) {
	rows, err := s.updates.Query(program, toDB(before))
	if err != nil {
		return nil, fmt.Errorf("timeline: updates: %w", err)
	}
	defer rows.Close()
	var out []time.Time
	for rows.Next() {
		var at int64
		if err := rows.Scan(&at); err != nil {
			return nil, err
		}
		out = append(out, fromDB(at))
	}
	return out, rows.Err()
}

// InterviewDate returns the interview date for program learned from
// received mail: the date carried by the latest "in" event of type
// interview-invite or interview-confirmation that has one, as 00:00 UTC of
// that day. ok is false when there is none. (The config's date, when set,
// is the caller's to prefer.)
func (s *Store) InterviewDate(program string) (time.Time, bool, error) {
	var d string
	err := s.interview.QueryRow(program).Scan(&d)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("timeline: interview date: %w", err)
	}
	t, err := time.Parse(dateLayout, d)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("timeline: interview date: stored %q: %w", d, err)
	}
	return t, true, nil
}

// SimilarSends returns sends before the given time, to programs other than
// program (and not to non-program addresses), whose sketches are estimated
// at least min similar to sk; best first (then oldest first). Candidates
// come only from the band index, so the cost grows with the number of
// near-duplicates, not with the size of the ledger; each candidate is then
// verified with Sketch.Similarity. A zero sketch has no near-duplicates.
func (s *Store) SimilarSends(sk analyzer.Sketch, program string, min float64, before time.Time) ([]analyzer.Similar, error) {
	if sk.IsZero() {
		return nil, nil
	}
	rows, err := s.similar.Query(similarArgs(&sk, program, before)...)
	if err != nil {
		return nil, fmt.Errorf("timeline: similar sends: %w", err)
	}
	defer rows.Close()
	type cand struct {
		id int64
		analyzer.Similar
	}
	var cs []cand
	for rows.Next() {
		var (
			c    cand
			at   int64
			blob []byte
			o    analyzer.Sketch
		)
		if err := rows.Scan(&c.id, &c.Program, &c.Subject, &at, &blob); err != nil {
			return nil, err
		}
		if err := o.UnmarshalBinary(blob); err != nil {
			return nil, fmt.Errorf("timeline: similar sends: send %d: %w", c.id, err)
		}
		c.At = fromDB(at)
		c.Score = sk.Similarity(&o)
		if c.Score >= min {
			cs = append(cs, c)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].Score != cs[j].Score {
			return cs[i].Score > cs[j].Score
		}
		if !cs[i].At.Equal(cs[j].At) {
			return cs[i].At.Before(cs[j].At)
		}
		return cs[i].id < cs[j].id
	})
	var out []analyzer.Similar
	for _, c := range cs {
		out = append(out, c.Similar)
	}
	return out, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// insertSendQuery adds a send to the ledger.
const insertSendQuery = `INSERT INTO sends
	(at, program, message_id, subject, recipients, verdict, top_choice, is_update, thank_you, sketch)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// insertBandsQuery indexes a send's sketch: ?1 the program, ?2 the send's
// id, then each band's hash in band order.
var insertBandsQuery = func() string {
	var b strings.Builder
	b.WriteString(`INSERT OR IGNORE INTO bands (band, hash, program, send_id) VALUES `)
	for i := range analyzer.SketchBands {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "(%d, ?%d, ?1, ?2)", i, i+3)
	}
	return b.String()
}()

// The History queries, prepared at Open.
const (
	topChoiceQuery = `SELECT program, MIN(at) AS first FROM sends
		WHERE top_choice = 1 AND at < ? AND program <> ''
		GROUP BY program ORDER BY first, program`
	updatesQuery = `SELECT at FROM sends
		WHERE is_update = 1 AND program = ? AND at < ? ORDER BY at, id`
	interviewQuery = `SELECT interview_date FROM events
		WHERE program = ? AND direction = 'in' AND interview_date <> ''
			AND type IN ('` + analyzer.TypeInterviewInvite + `', '` + analyzer.TypeInterviewConfirmation + `')
		ORDER BY at DESC, id DESC LIMIT 1`
)

// similarQuery is SimilarSends' candidate query: the sends of other
// programs sharing a band hash with the sketch, found through the bands
// primary key — two ranges per band around the asking program, so its own
// sends are never visited — and looked up by id. Its arguments come from
// similarArgs: ?1 the program, ?2 the time, then each band's number and
// hash.
var similarQuery = func() string {
	var b strings.Builder
	b.WriteString(`SELECT s.id, s.program, s.subject, s.at, s.sketch FROM sends s
		WHERE s.id IN (`)
	for i := range analyzer.SketchBands {
		if i > 0 {
			b.WriteString(" UNION ALL ")
		}
		fmt.Fprintf(&b, `SELECT send_id FROM bands WHERE band = ?%d AND hash = ?%d AND program > ?1
			UNION ALL SELECT send_id FROM bands WHERE band = ?%d AND hash = ?%d AND program < ?1 AND program > ''`,
			3+2*i, 4+2*i, 3+2*i, 4+2*i)
	}
	b.WriteString(`) AND s.at < ?2`)
	return b.String()
}()

func similarArgs(sk *analyzer.Sketch, program string, before time.Time) []any {
	bands := sk.Bands()
	args := make([]any, 0, 2*len(bands)+2)
	args = append(args, program, toDB(before))
	for i, h := range bands {
		args = append(args, i, int64(h))
	}
	return args
}
