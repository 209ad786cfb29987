package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"
)

// pageNames are the templates under templates/, each rendered inside
// layout.html.
var pageNames = []string{"index", "reviews", "review", "timeline", "programs", "delivered", "error"}

func parsePages() (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"join": strings.Join,
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return one
			}
			return many
		},
	}
	pages := map[string]*template.Template{}
	for _, n := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/partials.html", "templates/"+n+".html")
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", n, err)
		}
		pages[n] = t
	}
	return pages, nil
}

// page is what every template gets.
type page struct {
	Title   string
	Nav     string // the current section: review, timeline, programs, delivered
	CSRF    string
	Sandbox *Sandbox
	Notice  string // a decision that went through
	Error   string // what went wrong, for the person
	Data    any
}

// render executes the named page into a buffer first, so a template error
// becomes a clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p *page) {
	p.CSRF = s.csrfToken(w, r)
	p.Sandbox = s.o.Sandbox
	var buf bytes.Buffer
	if err := s.pages[name].Execute(&buf, p); err != nil {
		s.log.Error("web: render", "page", name, "err", err)
		http.Error(w, "500 internal error: the page could not be drawn", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail shows an error page.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error", &page{Title: http.StatusText(status), Error: msg})
}

// internal logs err and shows a 500.
func (s *Server) internal(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("web: "+r.URL.Path, "err", err)
	s.fail(w, r, http.StatusInternalServerError, "Something went wrong reading the records: "+err.Error())
}

// dayOf is the calendar day an event is shown under: scheduled items are
// whole days (stored at 00:00 UTC), the rest are instants shown in loc.
func dayOf(t time.Time, due bool, loc *time.Location) time.Time {
	if due {
		u := t.UTC()
		return time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, time.UTC)
	}
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC)
}

func fmtDay(d time.Time) string { return d.Format("Mon 2 Jan 2006") }
func fmtTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format("2 Jan 2006 15:04")
}
