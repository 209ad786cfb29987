package web

import (
	"errors"
	"net/http"
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/matchguard/matchguard/analyzer"
	"github.com/matchguard/matchguard/timeline"
)

// Review states as the page shows and filters them: the store's statuses,
// with "sent" split into a warned send and a send after a decision.
var reviewStates = []struct{ Key, Label string }{
	{"held", "held"},
	{"blocked", "blocked"},
	{"warned", "sent with warnings"},
	{"approved", "approved"},
	{"overridden", "overridden"},
	{"sent", "sent after a decision"},
	{"dropped", "dropped"},
}

// stateOf is the page's state of r (a key of reviewStates).
func stateOf(r *timeline.Review) string {
	if r.Status == timeline.StatusSent && (r.Verdict == string(analyzer.VerdWarn) || r.Verdict == string(analyzer.Pass)) {
		return "warned"
	}
	return r.Status
}

func stateLabel(key string) string {
	for _, s := range reviewStates {
		if s.Key == key {
			return s.Label
		}
	}
	return key
}

type reviewRow struct {
	ID, State, StateLabel, At, To, Subject, Program, ProgramLabel string
	Rules                                                         []string
}

type option struct {
	Value, Label string
	Selected     bool
}

func (s *Server) reviewRow(r *timeline.Review) reviewRow {
	st := stateOf(r)
	return reviewRow{ID: r.ID, State: st, StateLabel: stateLabel(st), At: fmtTime(r.At, s.o.Location),
		To: strings.Join(r.To, ", "), Subject: r.Subject, Program: r.Program,
		ProgramLabel: s.programLabel(r.Program), Rules: r.Rules}
}

func (s *Server) programLabel(key string) string {
	if key == "" {
		return "—"
	}
	if p := s.cfg.Program(key); p != nil {
		if p.Institution != "" {
			return p.Institution
		}
		return p.Label()
	}
	return key
}

func (s *Server) programOptions(sel string) []option {
	out := []option{{Value: "", Label: "all programs", Selected: sel == ""}}
	for _, p := range s.cfg.Programs {
		out = append(out, option{Value: p.Key, Label: s.programLabel(p.Key), Selected: p.Key == sel})
	}
	return out
}

type reviewsData struct {
	Rows                    []reviewRow
	States, Programs, Rules []option
	Total                   int
	Filtered                bool
}

// handleReviews lists flagged sends, newest first, filtered by state,
// program and rule.
func (s *Server) handleReviews(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	state, prog, rule := q.Get("status"), q.Get("program"), q.Get("rule")
	all, err := s.st.Reviews()
	if err != nil {
		s.internal(w, r, err)
		return
	}
	d := reviewsData{Total: len(all), Filtered: state != "" || prog != "" || rule != ""}
	rules := map[string]bool{}
	for i := range all {
		rv := &all[i]
		for _, ru := range rv.Rules {
			rules[ru] = true
		}
		if (state == "" || stateOf(rv) == state) && (prog == "" || rv.Program == prog) && (rule == "" || contains(rv.Rules, rule)) {
			d.Rows = append(d.Rows, s.reviewRow(rv))
		}
	}
	d.States = []option{{Value: "", Label: "any state", Selected: state == ""}}
	for _, st := range reviewStates {
		d.States = append(d.States, option{Value: st.Key, Label: st.Label, Selected: st.Key == state})
	}
	d.Programs = s.programOptions(prog)
	d.Rules = []option{{Value: "", Label: "any rule", Selected: rule == ""}}
	for _, ru := range sortedKeys(rules) {
		d.Rules = append(d.Rules, option{Value: ru, Label: ru, Selected: ru == rule})
	}
	s.render(w, r, http.StatusOK, "reviews", &page{Title: "Review", Nav: "review", Data: d})
}

type reviewData struct {
	reviewRow
	From, Why, DecidedAt, SentAt, Verdict string
	SubjectSegs, BodySegs                 []segment
	Unplaced, Findings                    []viewFinding
	CanApprove, CanOverride, CanDrop      bool
	MinWhy                                int
	WhyDraft                              string
}

func (s *Server) reviewData(rv *timeline.Review) reviewData {
	fs := viewFindings(rv.Findings, rv.Own, rv.Subject)
	d := reviewData{reviewRow: s.reviewRow(rv), From: rv.From, Why: rv.Why, Verdict: rv.Verdict,
		DecidedAt: fmtTime(rv.DecidedAt, s.o.Location), SentAt: fmtTime(rv.SentAt, s.o.Location),
		Findings: fs, MinWhy: timeline.MinWhy,
		SubjectSegs: markText(rv.Subject, fs, "subject"),
		BodySegs:    markText(rv.Own, fs, "body"),
		CanApprove:  rv.Status == timeline.StatusHeld,
		CanOverride: rv.Status == timeline.StatusBlocked,
	}
	switch rv.Status {
	case timeline.StatusHeld, timeline.StatusBlocked, timeline.StatusApproved, timeline.StatusOverridden:
		d.CanDrop = true
	}
	for _, f := range fs {
		if !f.Placed {
			d.Unplaced = append(d.Unplaced, f)
		}
	}
	return d
}

// handleReview shows one message with its findings marked in place.
func (s *Server) handleReview(w http.ResponseWriter, r *http.Request) {
	rv, ok := s.lookup(w, r)
	if !ok {
		return
	}
	p := &page{Title: "Review: " + rv.Subject, Nav: "review", Data: s.reviewData(rv)}
	switch r.URL.Query().Get("done") {
	case "approved":
		p.Notice = "Approved. Send the same message again from your mail client: it will go through once."
	case "overridden":
		p.Notice = "Overridden, with your reason recorded. Send the same message again from your mail client: it will go through once."
	case "dropped":
		p.Notice = "Dropped. An identical send will be judged afresh."
	}
	s.render(w, r, http.StatusOK, "review", p)
}

// lookup finds the review named in the path, or answers 404.
func (s *Server) lookup(w http.ResponseWriter, r *http.Request) (*timeline.Review, bool) {
	id := r.PathValue("id")
	if !validID(id) {
		s.fail(w, r, http.StatusNotFound, "There is no flagged message with this address.")
		return nil, false
	}
	rv, err := s.st.Review(id)
	if errors.Is(err, timeline.ErrNotFound) {
		s.fail(w, r, http.StatusNotFound, "There is no flagged message with this address.")
		return nil, false
	}
	if err != nil {
		s.internal(w, r, err)
		return nil, false
	}
	return rv, true
}

func validID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range id {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// handleDecide approves, overrides or drops a review (the last path
// element says which), then shows the message again: with a notice after
// a redirect when it went through, with the error when it did not.
func (s *Server) handleDecide(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	action := path.Base(r.URL.Path)
	why := r.PostFormValue("why")
	var err error
	if !validID(id) {
		err = timeline.ErrNotFound
	} else {
		switch action {
		case "approve":
			err = s.st.Approve(id)
		case "override":
			if n := utf8.RuneCountInString(strings.TrimSpace(why)); n < timeline.MinWhy {
				err = &personError{status: http.StatusBadRequest,
					msg: "Give a reason of at least 10 characters: it is recorded with the override."}
			} else {
				err = s.st.Override(id, why)
			}
		case "drop":
			err = s.st.Drop(id)
		}
	}
	if err == nil {
		done := map[string]string{"approve": "approved", "override": "overridden", "drop": "dropped"}[action]
		http.Redirect(w, r, "/review/"+url.PathEscape(id)+"?done="+done, http.StatusSeeOther)
		return
	}
	status, msg := http.StatusInternalServerError, err.Error()
	var pe *personError
	switch {
	case errors.As(err, &pe):
		status, msg = pe.status, pe.msg
	case errors.Is(err, timeline.ErrNotFound):
		s.fail(w, r, http.StatusNotFound, "There is no flagged message with this address.")
		return
	case errors.Is(err, timeline.ErrWrongStatus):
		status = http.StatusConflict
		msg = "Not done: " + strings.TrimPrefix(strings.TrimPrefix(msg, timeline.ErrWrongStatus.Error()), ": ")
	default:
		s.log.Error("web: decide", "action", action, "err", err)
	}
	rv, lerr := s.st.Review(id)
	if lerr != nil {
		s.fail(w, r, status, msg)
		return
	}
	d := s.reviewData(rv)
	d.WhyDraft = why
	s.render(w, r, status, "review", &page{Title: "Review: " + rv.Subject, Nav: "review", Error: msg, Data: d})
}

// personError is a refusal worded for the person at the page.
type personError struct {
	status int
	msg    string
}

func (e *personError) Error() string { return e.msg }

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
