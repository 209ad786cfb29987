package web

import (
	"html/template"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/matchguard/matchguard/analyzer"
	"github.com/matchguard/matchguard/config"
	"github.com/matchguard/matchguard/timeline"
)

// GuideUpdates is how many post-interview updates the guide suggests at
// most: one or two.
const GuideUpdates = 2

// eventTypes are the types the timeline's type filter offers.
var eventTypes = []struct{ Value, Label string }{
	{analyzer.TypeInterviewInvite, "interview invitation"},
	{analyzer.TypeInterviewConfirmation, "interview confirmation"},
	{analyzer.TypeInterviewDecline, "interview decline"},
	{analyzer.TypeWaitlist, "waitlist"},
	{analyzer.TypeEligibilityReply, "eligibility reply"},
	{analyzer.TypeApplicationRequest, "application request"},
	{analyzer.TypePostInterviewInterest, "post-interview interest"},
	{analyzer.TypeRankSolicitation, "asks about your ranking (alert)"},
	{analyzer.TypePreMatchOffer, "offer outside the Match (alert)"},
	{analyzer.TypeProgramUpdate, "program update"},
	{analyzer.TypeMatchResult, "match result"},
	{"pass", "sent"},
	{"warn", "sent with warnings"},
	{"approved", "sent after approval"},
	{"overridden", "sent after override"},
	{timeline.TypeInterview, "interview day"},
	{timeline.TypeThankYouDue, "thank-you due"},
	{timeline.TypeRankDeadline, "rank deadline"},
}

func typeLabel(t string) string {
	for _, e := range eventTypes {
		if e.Value == t {
			return e.Label
		}
	}
	return t
}

func isAlert(e *timeline.Event) bool {
	return e.Direction == timeline.DirIn &&
		(e.Type == analyzer.TypeRankSolicitation || e.Type == analyzer.TypePreMatchOffer)
}

type tlItem struct {
	Time, Dir, DirLabel, Type, TypeLabel, Subject, From, Detail string
	Alert                                                       bool
}

type tlDay struct {
	Date  string
	Past  bool
	Today bool
	Items []tlItem
}

// HTML renders the day's events. The timeline page can hold thousands of
// events; escaping them here, with html/template's own escaper, keeps a
// page of 5,000 well under 100 ms (through the template's reflection it
// takes several times longer).
func (d tlDay) HTML() template.HTML {
	var b strings.Builder
	esc := template.HTMLEscapeString
	for _, it := range d.Items {
		b.WriteString(`<li class="ev `)
		b.WriteString(esc(it.Dir))
		b.WriteString(` t-`)
		b.WriteString(esc(it.Type))
		if it.Alert {
			b.WriteString(` alert`)
		}
		b.WriteString(`"><span class="dir">`)
		b.WriteString(esc(it.DirLabel))
		if it.Time != "" {
			b.WriteString(" ")
			b.WriteString(esc(it.Time))
		}
		b.WriteString(`</span> <span class="badge `)
		b.WriteString(esc(it.Dir))
		b.WriteString(`">`)
		b.WriteString(esc(it.TypeLabel))
		b.WriteString(`</span> <span class="subj">`)
		b.WriteString(esc(it.Subject))
		b.WriteString(`</span>`)
		if it.From != "" {
			b.WriteString(` <span class="from">`)
			b.WriteString(esc(it.From))
			b.WriteString(`</span>`)
		}
		if it.Detail != "" {
			b.WriteString(`<p class="detail">`)
			b.WriteString(esc(it.Detail))
			b.WriteString(`</p>`)
		}
		b.WriteString("</li>\n")
	}
	return template.HTML(b.String())
}

type tlProgram struct {
	Key, Label, Match, RankDeadline string
	Sent, Received, Updates         int
	UpdatesOver                     bool
	GuideUpdates                    int
	Days                            []tlDay
}

type alert struct {
	Program, Date, Subject, From, TypeLabel string
	Intro                                   string
	Checks                                  []string
}

type timelineData struct {
	Programs        []tlProgram
	Alerts          []alert
	ProgramOpts     []option
	TypeOpts        []option
	Program, Type   string
	Events          int
	ICS             string
	Filtered, Empty bool
}

// handleTimeline draws each program's time line, alerts first.
func (s *Server) handleTimeline(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := timeline.Filter{Program: q.Get("program"), Type: q.Get("type")}
	d, err := s.timelineData(f)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "timeline", &page{Title: "Timeline", Nav: "timeline", Data: d})
}

func (s *Server) timelineData(f timeline.Filter) (*timelineData, error) {
	evs, err := s.st.Timeline(s.cfg, f)
	if err != nil {
		return nil, err
	}
	now := s.o.Now()
	today := dayOf(now, false, s.o.Location)
	d := &timelineData{Program: f.Program, Type: f.Type, Events: len(evs),
		Filtered: f.Program != "" || f.Type != "", Empty: len(evs) == 0, ICS: "/timeline.ics"}
	if f.Program != "" {
		d.ICS += "?program=" + f.Program
	}
	d.ProgramOpts = s.programOptions(f.Program)
	d.TypeOpts = []option{{Value: "", Label: "all types", Selected: f.Type == ""}}
	for _, t := range eventTypes {
		d.TypeOpts = append(d.TypeOpts, option{Value: t.Value, Label: t.Label, Selected: t.Value == f.Type})
	}

	// Group by program: configured programs in config order, then any
	// other keys, then mail with no program.
	byProg := map[string][]*timeline.Event{}
	for i := range evs {
		e := &evs[i]
		byProg[e.Program] = append(byProg[e.Program], e)
		if isAlert(e) {
			d.Alerts = append(d.Alerts, s.alertOf(e))
		}
	}
	var order []string
	seen := map[string]bool{}
	for _, p := range s.cfg.Programs {
		if f.Program == "" || p.Key == f.Program {
			order = append(order, p.Key)
			seen[p.Key] = true
		}
	}
	var rest []string
	for k := range byProg {
		if !seen[k] && k != "" {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	order = append(order, rest...)
	if len(byProg[""]) > 0 {
		order = append(order, "")
	}
	// Newest alerts first.
	for i, j := 0, len(d.Alerts)-1; i < j; i, j = i+1, j-1 {
		d.Alerts[i], d.Alerts[j] = d.Alerts[j], d.Alerts[i]
	}
	for _, key := range order {
		tp := tlProgram{Key: key, Label: s.programLabel(key), GuideUpdates: GuideUpdates}
		if key == "" {
			tp.Label = "Not a program"
		}
		if p := s.cfg.Program(key); p != nil {
			tp.Label = p.Label()
			if dl, match, ok := s.cfg.RankDeadline(key); ok {
				tp.RankDeadline = dl.String()
				tp.Match = matchName(s.cfg, match)
			}
			ups, err := s.st.Updates(key, now)
			if err != nil {
				return nil, err
			}
			tp.Updates = len(ups)
			tp.UpdatesOver = tp.Updates > GuideUpdates
		}
		tp.Days = s.days(byProg[key], today)
		for _, e := range byProg[key] {
			switch e.Direction {
			case timeline.DirIn:
				tp.Received++
			case timeline.DirOut:
				tp.Sent++
			}
		}
		d.Programs = append(d.Programs, tp)
	}
	return d, nil
}

func matchName(cfg *config.Config, key string) string {
	if key == "" {
		return "NRMP Main Match (season)"
	}
	if m, ok := cfg.Matches[key]; ok && m.Name != "" {
		return m.Name
	}
	return key
}

// days groups events (in time order) under their calendar days.
func (s *Server) days(evs []*timeline.Event, today time.Time) []tlDay {
	type keyed struct {
		day time.Time
		e   *timeline.Event
	}
	ks := make([]keyed, len(evs))
	for i, e := range evs {
		ks[i] = keyed{dayOf(e.At, e.Direction == timeline.DirDue, s.o.Location), e}
	}
	sort.SliceStable(ks, func(i, j int) bool { return ks[i].day.Before(ks[j].day) })
	var out []tlDay
	for _, k := range ks {
		if len(out) == 0 || out[len(out)-1].Date != fmtDay(k.day) {
			out = append(out, tlDay{Date: fmtDay(k.day), Past: k.day.Before(today), Today: k.day.Equal(today)})
		}
		e := k.e
		it := tlItem{Dir: e.Direction, Type: e.Type, TypeLabel: typeLabel(e.Type), Subject: e.Subject,
			From: e.From, Detail: e.Detail, Alert: isAlert(e)}
		switch e.Direction {
		case timeline.DirIn:
			it.DirLabel, it.Time = "received", e.At.In(s.o.Location).Format("15:04")
		case timeline.DirOut:
			it.DirLabel, it.Time = "sent", e.At.In(s.o.Location).Format("15:04")
		default:
			it.DirLabel = "due"
		}
		if it.Alert {
			it.Detail = "" // shown in full with the alerts above
		}
		day := &out[len(out)-1]
		day.Items = append(day.Items, it)
	}
	return out
}

var checkNum = regexp.MustCompile(`\s*\(\d+\)\s*`)

func (s *Server) alertOf(e *timeline.Event) alert {
	text := e.Detail
	if text == "" {
		text = s.o.Checklist(e.Type)
	}
	parts := checkNum.Split(text, -1)
	a := alert{Program: s.programLabel(e.Program), Date: fmtTime(e.At, s.o.Location), Subject: e.Subject,
		From: e.From, TypeLabel: typeLabel(e.Type)}
	if len(parts) > 0 {
		a.Intro = strings.TrimSpace(parts[0])
		for _, p := range parts[1:] {
			if p = strings.TrimSpace(p); p != "" {
				a.Checks = append(a.Checks, p)
			}
		}
	}
	return a
}

// handleICS sends the scheduled items (interviews, thank-you notes, rank
// deadlines) as an iCalendar file.
func (s *Server) handleICS(w http.ResponseWriter, r *http.Request) {
	f := timeline.Filter{Program: r.URL.Query().Get("program"), Direction: timeline.DirDue}
	evs, err := s.st.Timeline(s.cfg, f)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	name := "matchguard.ics"
	if f.Program != "" && s.cfg.Program(f.Program) != nil {
		name = "matchguard-" + f.Program + ".ics"
	}
	h := w.Header()
	h.Set("Content-Type", "text/calendar; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	if err := timeline.WriteICS(w, evs, s.o.Now()); err != nil {
		s.log.Error("web: ics", "err", err)
	}
}

type programRow struct {
	Key, Label, Match, RankDeadline, Interview string
	Contacts                                   []string
	Sent, Received, Flagged                    int
	NextDeadline, NextWhat                     string
}

// handlePrograms shows the program directory with counts and each
// program's next deadline.
func (s *Server) handlePrograms(w http.ResponseWriter, r *http.Request) {
	evs, err := s.st.Timeline(s.cfg, timeline.Filter{})
	if err != nil {
		s.internal(w, r, err)
		return
	}
	revs, err := s.st.Reviews()
	if err != nil {
		s.internal(w, r, err)
		return
	}
	today := dayOf(s.o.Now(), true, time.UTC)
	var rows []programRow
	idx := map[string]int{}
	for _, p := range s.cfg.Programs {
		row := programRow{Key: p.Key, Label: p.Label(), Interview: p.Interview.String()}
		if dl, match, ok := s.cfg.RankDeadline(p.Key); ok {
			row.RankDeadline, row.Match = dl.String(), matchName(s.cfg, match)
		}
		for _, c := range p.Contacts {
			who := c.Email
			if c.Name != "" {
				who = c.Name + " <" + c.Email + ">"
			}
			if c.Role != "" {
				who += " (" + c.Role + ")"
			}
			row.Contacts = append(row.Contacts, who)
		}
		idx[p.Key] = len(rows)
		rows = append(rows, row)
	}
	for _, e := range evs {
		i, ok := idx[e.Program]
		if !ok {
			continue
		}
		row := &rows[i]
		switch e.Direction {
		case timeline.DirIn:
			row.Received++
		case timeline.DirOut:
			row.Sent++
		case timeline.DirDue:
			if row.NextDeadline == "" && !e.At.Before(today) {
				row.NextDeadline, row.NextWhat = e.At.UTC().Format("2006-01-02"), typeLabel(e.Type)
			}
		}
	}
	for _, rv := range revs {
		if i, ok := idx[rv.Program]; ok {
			rows[i].Flagged++
		}
	}
	s.render(w, r, http.StatusOK, "programs", &page{Title: "Programs", Nav: "programs", Data: rows})
}

type deliveredRow struct {
	At, From, To, Subject string
	Size                  int
}

func (s *Server) delivered() []deliveredRow {
	if s.o.Sandbox == nil || s.o.Sandbox.Delivered == nil {
		return nil
	}
	var out []deliveredRow
	for _, m := range s.o.Sandbox.Delivered() {
		out = append(out, deliveredRow{At: fmtTime(m.At, s.o.Location), From: m.From,
			To: strings.Join(m.To, ", "), Subject: m.Subject, Size: m.Size})
	}
	return out
}

// handleDelivered lists what the sandbox's mail sink received.
func (s *Server) handleDelivered(w http.ResponseWriter, r *http.Request) {
	if s.o.Sandbox == nil {
		s.fail(w, r, http.StatusNotFound, "Delivered mail is shown in the sandbox only; your real mail went to your provider.")
		return
	}
	s.render(w, r, http.StatusOK, "delivered", &page{Title: "Delivered", Nav: "delivered", Data: s.delivered()})
}

type indexData struct {
	Waiting   []reviewRow
	Alerts    []alert
	Delivered []deliveredRow
	Refused   int
	Next      []tlItemDated
}

type tlItemDated struct {
	Date, Program, What string
}

// handleIndex is the overview: what waits for a decision, alerts, what is
// due next and (in the sandbox) what was delivered.
func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	revs, err := s.st.Reviews(timeline.StatusHeld, timeline.StatusBlocked)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	d := indexData{Delivered: s.delivered(), Refused: len(revs)}
	for i := range revs {
		d.Waiting = append(d.Waiting, s.reviewRow(&revs[i]))
	}
	evs, err := s.st.Timeline(s.cfg, timeline.Filter{})
	if err != nil {
		s.internal(w, r, err)
		return
	}
	today := dayOf(s.o.Now(), true, time.UTC)
	for i := len(evs) - 1; i >= 0; i-- {
		if isAlert(&evs[i]) {
			d.Alerts = append(d.Alerts, s.alertOf(&evs[i]))
		}
	}
	for i := range evs {
		e := &evs[i]
		if e.Direction == timeline.DirDue && !e.At.Before(today) && len(d.Next) < 6 {
			d.Next = append(d.Next, tlItemDated{Date: e.At.UTC().Format("Mon 2 Jan 2006"),
				Program: s.programLabel(e.Program), What: typeLabel(e.Type)})
		}
	}
	s.render(w, r, http.StatusOK, "index", &page{Title: "matchguard", Nav: "home", Data: d})
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
