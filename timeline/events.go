package timeline

import (
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/matchguard/matchguard/config"
)

// Event directions.
const (
	DirIn  = "in"  // received from a program
	DirOut = "out" // sent to a program
	DirDue = "due" // a scheduled item
)

// Types of scheduled ("due") events.
const (
	TypeInterview    = "interview"
	TypeThankYouDue  = "thank-you-due"
	TypeRankDeadline = "rank-deadline"
)

// ThankYouDueAfter is how long after the start (00:00 UTC) of the interview
// day the thank-you-due item falls: 96 hours, that is 72 hours after the
// end of the interview day.
const ThankYouDueAfter = 96 * time.Hour

const dateLayout = "2006-01-02"

// Event is one item of the timeline.
type Event struct {
	// ID is the stored event's id; 0 for computed "due" events.
	ID int64     `json:"-"`
	At time.Time `json:"at"`
	// Program is the program's key, "" for none.
	Program string `json:"program"`
	// Direction is "in", "out" or "due".
	Direction string `json:"direction"`
	// Type is the incoming type (SPEC), the verdict for "out" events (pass,
	// warn, approved, overridden), or the scheduled item's type.
	Type      string `json:"type"`
	Subject   string `json:"subject"`
	MessageID string `json:"message_id"`
	From      string `json:"from,omitempty"`
	// InterviewDate is "2006-01-02" when the event fixes an interview day.
	InterviewDate string `json:"interview_date,omitempty"`
	// Detail is free text for people (what a due date comes from, …).
	Detail string `json:"detail,omitempty"`
}

// Filter selects events. Zero fields select everything.
type Filter struct {
	Program   string
	Type      string
	Direction string
	// Since is inclusive, Until exclusive.
	Since, Until time.Time
	// Limit > 0 keeps only the Limit latest events (still returned in time
	// order).
	Limit int
}

func (f *Filter) match(e *Event) bool {
	return (f.Program == "" || e.Program == f.Program) &&
		(f.Type == "" || e.Type == f.Type) &&
		(f.Direction == "" || e.Direction == f.Direction) &&
		(f.Since.IsZero() || !e.At.Before(f.Since)) &&
		(f.Until.IsZero() || e.At.Before(f.Until))
}

// stmtExecer is the prepared events insert, on the database or in a
// transaction.
type stmtExecer interface {
	Exec(args ...any) (sql.Result, error)
}

const insertEventQuery = `INSERT INTO events
	(at, program, direction, type, subject, message_id, from_addr, interview_date, detail)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`

// AddEvent stores e. When e.MessageID is set and an event with the same
// direction and Message-ID is stored already, nothing is stored and added
// is false: re-scanning a mailbox never logs a message twice. e.At must be
// set (it is stored in UTC); e.Direction must be in, out or due;
// e.InterviewDate, when set, must be a 2006-01-02 date.
func (s *Store) AddEvent(e Event) (added bool, err error) {
	added, err = addEvent(s.insEvent, e)
	if err != nil {
		return false, fmt.Errorf("timeline: add event: %w", err)
	}
	return added, nil
}

func addEvent(ins stmtExecer, e Event) (bool, error) {
	if e.At.IsZero() {
		return false, errors.New("the event has no time")
	}
	switch e.Direction {
	case DirIn, DirOut, DirDue:
	default:
		return false, fmt.Errorf("direction %q: want in, out or due", e.Direction)
	}
	if e.Type == "" {
		return false, errors.New("the event has no type")
	}
	if e.InterviewDate != "" {
		if _, err := time.Parse(dateLayout, e.InterviewDate); err != nil {
			return false, fmt.Errorf("interview date %q: want a date like 2026-12-03", e.InterviewDate)
		}
	}
	res, err := ins.Exec(toDB(e.At), e.Program, e.Direction, e.Type, e.Subject, e.MessageID, e.From, e.InterviewDate, e.Detail)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// SeenMessage reports whether a received ("in") event with this Message-ID
// is stored. The watcher may use it to skip work; AddEvent dedupes on its
// own, so it is never needed for correctness. An empty id is never seen.
func (s *Store) SeenMessage(messageID string) (bool, error) {
	if messageID == "" {
		return false, nil
	}
	var n int
	err := s.db.QueryRow(`SELECT COUNT(*) FROM events WHERE direction = 'in' AND message_id = ?`, messageID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("timeline: seen message: %w", err)
	}
	return n > 0, nil
}

// Events returns the stored events f selects, in time order (ties in the
// order they were stored).
func (s *Store) Events(f Filter) ([]Event, error) {
	var (
		where []string
		args  []any
	)
	if f.Program != "" {
		where, args = append(where, "program = ?"), append(args, f.Program)
	}
	if f.Type != "" {
		where, args = append(where, "type = ?"), append(args, f.Type)
	}
	if f.Direction != "" {
		where, args = append(where, "direction = ?"), append(args, f.Direction)
	}
	if !f.Since.IsZero() {
		where, args = append(where, "at >= ?"), append(args, toDB(f.Since))
	}
	if !f.Until.IsZero() {
		where, args = append(where, "at < ?"), append(args, toDB(f.Until))
	}
	q := `SELECT id, at, program, direction, type, subject, message_id, from_addr, interview_date, detail FROM events`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	if f.Limit > 0 {
		q = `SELECT * FROM (` + q + ` ORDER BY at DESC, id DESC LIMIT ?) ORDER BY at, id`
		args = append(args, f.Limit)
	} else {
		q += ` ORDER BY at, id`
	}
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("timeline: events: %w", err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var (
			e  Event
			at int64
		)
		if err := rows.Scan(&e.ID, &at, &e.Program, &e.Direction, &e.Type, &e.Subject,
			&e.MessageID, &e.From, &e.InterviewDate, &e.Detail); err != nil {
			return nil, err
		}
		e.At = fromDB(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Timeline returns the stored events f selects merged with the scheduled
// items computed for each program in cfg, in time order (stable: stored
// events in storage order, then due items in config order, interview
// before thank-you-due before rank-deadline). The due items, all at 00:00
// UTC of their day, are:
//
//   - "interview": the program's interview date from cfg, else the latest
//     date learned from a received invite or confirmation (InterviewDate);
//   - "thank-you-due": the interview day + ThankYouDueAfter (96 h), i.e. 72
//     hours after the interview day ends;
//   - "rank-deadline": cfg.RankDeadline for the program (its match's, or
//     the season's).
func (s *Store) Timeline(cfg *config.Config, f Filter) ([]Event, error) {
	stored := f
	stored.Limit = 0
	evs, err := s.Events(stored)
	if err != nil {
		return nil, err
	}
	due, err := s.dueEvents(cfg)
	if err != nil {
		return nil, err
	}
	for i := range due {
		if f.match(&due[i]) {
			evs = append(evs, due[i])
		}
	}
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].At.Before(evs[j].At) })
	if f.Limit > 0 && len(evs) > f.Limit {
		evs = evs[len(evs)-f.Limit:]
	}
	return evs, nil
}

// dueEvents computes the scheduled items for every program in cfg.
func (s *Store) dueEvents(cfg *config.Config) ([]Event, error) {
	if cfg == nil {
		return nil, nil
	}
	var out []Event
	for i := range cfg.Programs {
		p := &cfg.Programs[i]
		label := p.Label()
		if label == "" {
			label = p.Key
		}
		var (
			day    time.Time
			source string
		)
		if !p.Interview.IsZero() {
			day, source = p.Interview.In(time.UTC), "from the config"
		} else {
			d, ok, err := s.InterviewDate(p.Key)
			if err != nil {
				return nil, err
			}
			if ok {
				day, source = d, "from received mail"
			}
		}
		if !day.IsZero() {
			date := day.Format(dateLayout)
			out = append(out,
				Event{
					At: day, Program: p.Key, Direction: DirDue, Type: TypeInterview,
					Subject: "Interview: " + label, InterviewDate: date,
					Detail: "Interview day " + date + " (" + source + ").",
				},
				Event{
					At: day.Add(ThankYouDueAfter), Program: p.Key, Direction: DirDue, Type: TypeThankYouDue,
					Subject: "Thank-you note due: " + label, InterviewDate: date,
					Detail: "Send a short thank-you within 72 hours of the interview on " + date + ".",
				})
		}
		if d, match, ok := cfg.RankDeadline(p.Key); ok {
			src := "the season's rank deadline"
			if match != "" {
				name := match
				if m, found := cfg.Matches[match]; found && m.Name != "" {
					name = m.Name
				}
				src = "the " + name
				if !strings.HasSuffix(strings.ToLower(name), "match") {
					src += " match"
				}
			}
			out = append(out, Event{
				At: d.In(time.UTC), Program: p.Key, Direction: DirDue, Type: TypeRankDeadline,
				Subject: "Rank order list deadline: " + label,
				Detail:  "Rank order lists are due " + d.String() + " (" + src + ").",
			})
		}
	}
	return out, nil
}

// AddEvents records several events in one transaction; added[i] tells
// whether events[i] was new (see AddEvent). On an error nothing is recorded.
func (s *Store) AddEvents(events []Event) (added []bool, err error) {
	tx, err := s.db.Begin()
	if err != nil {
		return nil, fmt.Errorf("timeline: add events: %w", err)
	}
	defer tx.Rollback()
	added = make([]bool, len(events))
	ins := tx.Stmt(s.insEvent)
	for i, e := range events {
		if added[i], err = addEvent(ins, e); err != nil {
			return nil, fmt.Errorf("timeline: add events: event %d: %w", i+1, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("timeline: add events: %w", err)
	}
	return added, nil
}
