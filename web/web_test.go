package web

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/matchguard/matchguard/analyzer"
	"github.com/matchguard/matchguard/config"
	"github.com/matchguard/matchguard/imap"
	"github.com/matchguard/matchguard/timeline"
)

const testAddr = "127.0.0.1:8025"

var testNow = time.Date(2026, 11, 26, 15, 0, 0, 0, time.UTC)

func corpusConfig(t testing.TB) *config.Config {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	cfg, err := config.Load(filepath.Join(filepath.Dir(file), "..", "testdata", "mail", "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// seeded is a page over a store with one review of each kind and a few
// events, alerts among them.
type seeded struct {
	srv                                *Server
	st                                 *timeline.Store
	held, blocked, warned, heldSubject string
}

func newSeeded(t testing.TB, sandbox *Sandbox) *seeded {
	t.Helper()
	st, err := timeline.Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cfg := corpusConfig(t)
	own := "Dear Dr. Park,\n\nThank you for the interview. I promise I will rank Lakeside first, you have my word.\n\nBest,\nAmina"
	ex := "I promise I will rank Lakeside first"
	start := strings.Index(own, ex)
	held := &timeline.Review{At: testNow.Add(-2 * time.Hour), From: "amina.rahman@example.org",
		To: []string{"hpark@lakeside-med.org"}, Subject: "Thank you <b>for</b> the interview", Program: "lakeside",
		Verdict: "hold", Own: own, Fingerprint: "fp-held",
		Findings: []analyzer.Finding{
			{Rule: "binding-commitment", Action: analyzer.Hold, Message: "A promise of a rank reads as a commitment.",
				Excerpt: ex, Suggestion: "Lakeside is a program I would be glad to train in.", Field: "body", Start: start, End: start + len(ex)},
			{Rule: "unprompted-attachments", Action: analyzer.Hold, Message: "An attachment nobody asked for.",
				Field: "attachments", Start: -1, End: -1},
		}}
	qpq := "If you rank me highly, I will rank your program first."
	blocked := &timeline.Review{At: testNow.Add(-time.Hour), To: []string{"sokafor@harborvalley.edu"},
		Subject: "Rank", Program: "harbor-valley", Verdict: "block", Own: qpq, Fingerprint: "fp-blocked",
		Findings: []analyzer.Finding{{Rule: "quid-pro-quo", Action: analyzer.Block, Message: "A ranking exchange.",
			Excerpt: qpq, Suggestion: "I remain very interested in your program.", Field: "body", Start: 0, End: len(qpq)}}}
	warned := &timeline.Review{At: testNow.Add(-3 * time.Hour), To: []string{"jfeld@meridian.edu"},
		Subject: "Update", Program: "meridian", Verdict: "warn", Own: "You are my top choice.",
		Findings: []analyzer.Finding{{Rule: "top-choice", Action: analyzer.Warn, Message: "Say it to one program only.",
			Excerpt: "top choice", Field: "body", Start: 11, End: 21}}}
	for _, r := range []*timeline.Review{held, blocked, warned} {
		if _, err := st.AddReview(r); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range []timeline.Event{
		{At: testNow.Add(-20 * 24 * time.Hour), Program: "lakeside", Direction: "in", Type: "interview-invite",
			Subject: "Interview invitation", MessageID: "<a@x>", From: "hpark@lakeside-med.org", InterviewDate: "2026-11-12"},
		{At: testNow.Add(-5 * 24 * time.Hour), Program: "lakeside", Direction: "out", Type: "pass", Subject: "Thank you", MessageID: "<b@x>"},
		{At: testNow.Add(-24 * time.Hour), Program: "northgate", Direction: "in", Type: "rank-solicitation",
			Subject: "Where will you rank us?", MessageID: "<c@x>", From: "lchen@northgate-health.org",
			Detail: imap.Checklist("rank-solicitation")},
		{At: testNow.Add(-12 * time.Hour), Program: "harbor-valley", Direction: "in", Type: "pre-match-offer",
			Subject: "An offer", MessageID: "<d@x>", From: "sokafor@harborvalley.edu"},
		{At: testNow.Add(-6 * time.Hour), Direction: "in", Type: "program-update", Subject: "Newsletter", MessageID: "<e@x>"},
	} {
		if _, err := st.AddEvent(e); err != nil {
			t.Fatal(err)
		}
	}
	srv, err := New(Options{Config: cfg, Store: st, Addr: testAddr, Checklist: imap.Checklist, Sandbox: sandbox,
		Now: func() time.Time { return testNow }, Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	return &seeded{srv: srv, st: st, held: held.ID, blocked: blocked.ID, warned: warned.ID}
}

func (s *seeded) do(t testing.TB, req *http.Request) (*http.Response, string) {
	t.Helper()
	if req.Host == "" || req.Host == "example.com" {
		req.Host = testAddr
	}
	rec := httptest.NewRecorder()
	s.srv.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func (s *seeded) get(t testing.TB, path string) (*http.Response, string) {
	t.Helper()
	return s.do(t, httptest.NewRequest("GET", path, nil))
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// token loads a review page and returns its cookie and form token.
func (s *seeded) token(t testing.TB, id string) (*http.Cookie, string) {
	t.Helper()
	res, body := s.get(t, "/review/"+id)
	m := csrfRE.FindStringSubmatch(body)
	if m == nil || len(res.Cookies()) == 0 {
		t.Fatalf("no CSRF token or cookie on /review/%s", id)
	}
	return res.Cookies()[0], m[1]
}

func (s *seeded) post(t testing.TB, path string, c *http.Cookie, form url.Values) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest("POST", path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if c != nil {
		req.AddCookie(c)
	}
	return s.do(t, req)
}

func TestEveryPageRenders(t *testing.T) {
	t.Parallel()
	s := newSeeded(t, &Sandbox{SMTP: "127.0.0.1:1587", IMAP: "127.0.0.1:1143", User: "demo", Password: "pw",
		Delivered: func() []Delivered {
			return []Delivered{{At: testNow, From: "a@b", To: []string{"hpark@lakeside-med.org"}, Subject: "Clean note", Size: 99}}
		}})
	for _, tc := range []struct{ path, want string }{
		{"/", "Waiting for you (2)"},
		{"/", "Clean note"},
		{"/review", "sent with warnings"},
		{"/review?status=held", "Thank you &lt;b&gt;for&lt;/b&gt; the interview"},
		{"/review?program=harbor-valley&rule=quid-pro-quo", "Rank"},
		{"/review/" + s.held, "<mark class=\"hold\" title=\"binding-commitment\">I promise I will rank Lakeside first"},
		{"/review/" + s.blocked, "Override and allow one send"},
		{"/review/" + s.warned, "top-choice"},
		{"/timeline", "Rank deadline <strong>2026-12-03</strong>"},
		{"/timeline", "Thank-you note due"},
		{"/timeline?program=lakeside", "updates sent: 0"},
		{"/timeline?type=interview-invite", "Interview invitation"},
		{"/programs", "Lakeside University Medical Center"},
		{"/delivered", "Clean note"},
		{"/static/style.css", "ol.line"},
	} {
		res, body := s.get(t, tc.path)
		if res.StatusCode != 200 {
			t.Errorf("GET %s: %d\n%s", tc.path, res.StatusCode, body)
			continue
		}
		if !strings.Contains(body, tc.want) {
			t.Errorf("GET %s: no %q in the page", tc.path, tc.want)
		}
	}
	res, body := s.get(t, "/timeline.ics")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/calendar; charset=utf-8" ||
		!strings.Contains(body, "BEGIN:VCALENDAR") || !strings.Contains(body, "UID:rank-deadline.lakeside@matchguard") {
		t.Errorf("GET /timeline.ics: %d %s\n%s", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	if res, _ := s.get(t, "/review/nosuchid0000000"); res.StatusCode != 404 {
		t.Errorf("unknown review: %d, want 404", res.StatusCode)
	}
	if res, _ := s.get(t, "/nothing-here"); res.StatusCode != 404 {
		t.Errorf("unknown path: %d, want 404", res.StatusCode)
	}
}

func TestReviewPageMarksFindings(t *testing.T) {
	t.Parallel()
	s := newSeeded(t, nil)
	_, body := s.get(t, "/review/"+s.held)
	for _, want := range []string{
		// in place, numbered, linked to its explanation
		`<mark class="hold" title="binding-commitment">I promise I will rank Lakeside first<sup><a href="#f1">1</a></sup></mark>, you have my word.`,
		// the attachment finding has no place in the text: listed above it
		`About the message as a whole`,
		`<a href="#f2"><span class="badge hold">unprompted-attachments</span></a>`,
		`A promise of a rank reads as a commitment.`,
		`Lakeside is a program I would be glad to train in.`,
		`action="/review/` + s.held + `/approve"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("held review page lacks %q", want)
		}
	}
	if strings.Index(body, "About the message as a whole") > strings.Index(body, "Your words, as judged") {
		t.Error("unplaced findings should come above the text")
	}
	if strings.Contains(body, "/override\"") {
		t.Error("a held message offers override")
	}
	// The page shows no script at all.
	if strings.Contains(body, "<script") {
		t.Error("the page has a script")
	}
}

func TestMarkTextOverlapsAndBadOffsets(t *testing.T) {
	t.Parallel()
	text := "abcdefghij"
	fs := viewFindings([]analyzer.Finding{
		{Rule: "a", Action: analyzer.Warn, Field: "body", Start: 2, End: 5},
		{Rule: "b", Action: analyzer.Block, Field: "body", Start: 4, End: 7},
		{Rule: "c", Action: analyzer.Hold, Field: "body", Start: 8, End: 99}, // out of range
		{Rule: "d", Action: analyzer.Hold, Field: "history", Start: -1, End: -1},
	}, text, "")
	segs := markText(text, fs, "body")
	var got []string
	for _, sg := range segs {
		if sg.Mark {
			got = append(got, fmt.Sprintf("[%s|%s|%v]", sg.Text, sg.Action, sg.Refs))
		} else {
			got = append(got, sg.Text)
		}
	}
	if want := "ab [cdefg|block|[1 2]] hij"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
	if fs[2].Placed || fs[3].Placed {
		t.Error("bad offsets and history findings must be listed, not marked")
	}
	// Never cut inside a UTF-8 character.
	fs = viewFindings([]analyzer.Finding{{Rule: "x", Field: "body", Start: 1, End: 3}}, "é!", "")
	if fs[0].Placed {
		t.Error("a span starting inside a character was placed")
	}
}

func TestPostWithoutTokenIsForbidden(t *testing.T) {
	t.Parallel()
	s := newSeeded(t, nil)
	cookie, tok := s.token(t, s.held)
	forged := []byte(tok)
	forged[0] ^= 1 // another base64url character
	other := *cookie
	other.Value = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	for _, path := range []string{"/review/" + s.held + "/approve", "/review/" + s.blocked + "/override", "/review/" + s.held + "/drop"} {
		form := url.Values{"why": {"a long enough reason"}}
		cases := []struct {
			name   string
			cookie *http.Cookie
			tok    string
			origin string
		}{
			{"no token, no cookie", nil, "", ""},
			{"cookie, no token", cookie, "", ""},
			{"token, no cookie", nil, tok, ""},
			{"token of another cookie", &other, tok, ""},
			{"forged token", cookie, string(forged), ""},
			{"foreign origin", cookie, tok, "http://evil.example"},
		}
		for _, c := range cases {
			f := url.Values{}
			for k, v := range form {
				f[k] = v
			}
			if c.tok != "" {
				f.Set("csrf", c.tok)
			}
			req := httptest.NewRequest("POST", path, strings.NewReader(f.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if c.cookie != nil {
				req.AddCookie(c.cookie)
			}
			if c.origin != "" {
				req.Header.Set("Origin", c.origin)
			}
			res, _ := s.do(t, req)
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("POST %s (%s): %d, want 403", path, c.name, res.StatusCode)
			}
		}
	}
	for _, id := range []string{s.held, s.blocked} {
		r, err := s.st.Review(id)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != timeline.StatusHeld && r.Status != timeline.StatusBlocked {
			t.Errorf("review %s changed to %s by a refused POST", id, r.Status)
		}
	}
}

func TestForeignHostRefused(t *testing.T) {
	t.Parallel()
	s := newSeeded(t, nil)
	for _, host := range []string{"evil.example", "evil.example:8025", "127.0.0.1:9999", "localhost", "192.168.1.5:8025"} {
		req := httptest.NewRequest("GET", "/review", nil)
		req.Host = host
		if res, _ := s.do(t, req); res.StatusCode != http.StatusMisdirectedRequest {
			t.Errorf("Host %s: %d, want 421", host, res.StatusCode)
		}
		req = httptest.NewRequest("POST", "/review/"+s.held+"/approve", nil)
		req.Host = host
		if res, _ := s.do(t, req); res.StatusCode != http.StatusMisdirectedRequest {
			t.Errorf("POST with Host %s: %d, want 421", host, res.StatusCode)
		}
	}
	for _, host := range []string{"127.0.0.1:8025", "localhost:8025", "LOCALHOST:8025", "[::1]:8025"} {
		req := httptest.NewRequest("GET", "/review", nil)
		req.Host = host
		if res, _ := s.do(t, req); res.StatusCode != 200 {
			t.Errorf("Host %s: %d, want 200", host, res.StatusCode)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	t.Parallel()
	s := newSeeded(t, nil)
	res, _ := s.get(t, "/timeline")
	for k, want := range map[string]string{
		"X-Frame-Options":        "DENY",
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "no-referrer",
	} {
		if got := res.Header.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "default-src 'self'") || strings.Contains(csp, "unsafe") {
		t.Errorf("CSP = %q", csp)
	}
	c := res.Cookies()
	if len(c) != 1 || !c[0].HttpOnly || c[0].SameSite != http.SameSiteStrictMode {
		t.Errorf("CSRF cookie = %+v, want HttpOnly SameSite=Strict", c)
	}
}

func TestDecisionsThroughPOST(t *testing.T) {
	t.Parallel()
	s := newSeeded(t, nil)
	status := func(id string) string {
		r, err := s.st.Review(id)
		if err != nil {
			t.Fatal(err)
		}
		return r.Status
	}

	// Approve the held message.
	c, tok := s.token(t, s.held)
	res, _ := s.post(t, "/review/"+s.held+"/approve", c, url.Values{"csrf": {tok}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/review/"+s.held+"?done=approved" {
		t.Fatalf("approve: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	if got := status(s.held); got != timeline.StatusApproved {
		t.Errorf("after approve: %s", got)
	}
	if _, body := s.get(t, "/review/"+s.held+"?done=approved"); !strings.Contains(body, "Send the same message again") {
		t.Error("no notice after approving")
	}
	// Approving again is refused with the store's reason.
	res, body := s.post(t, "/review/"+s.held+"/approve", c, url.Values{"csrf": {tok}})
	if res.StatusCode != http.StatusConflict || !strings.Contains(body, "approved already") {
		t.Errorf("second approve: %d\n%s", res.StatusCode, body)
	}
	// A blocked message cannot be approved.
	res, body = s.post(t, "/review/"+s.blocked+"/approve", c, url.Values{"csrf": {tok}})
	if res.StatusCode != http.StatusConflict || !strings.Contains(body, "only overridden with a reason") {
		t.Errorf("approve blocked: %d\n%s", res.StatusCode, body)
	}
	// Override needs a typed reason of 10 characters.
	res, body = s.post(t, "/review/"+s.blocked+"/override", c, url.Values{"csrf": {tok}, "why": {"  because "}})
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "at least 10 characters") || !strings.Contains(body, "because") {
		t.Errorf("short reason: %d\n%s", res.StatusCode, body)
	}
	if got := status(s.blocked); got != timeline.StatusBlocked {
		t.Errorf("after short reason: %s", got)
	}
	why := "My mentor reviewed it; the program asked me to state this."
	res, _ = s.post(t, "/review/"+s.blocked+"/override", c, url.Values{"csrf": {tok}, "why": {why}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("override: %d", res.StatusCode)
	}
	r, _ := s.st.Review(s.blocked)
	if r.Status != timeline.StatusOverridden || r.Why != why {
		t.Errorf("after override: %s %q", r.Status, r.Why)
	}
	// Drop the approved one.
	res, _ = s.post(t, "/review/"+s.held+"/drop", c, url.Values{"csrf": {tok}})
	if res.StatusCode != http.StatusSeeOther || status(s.held) != timeline.StatusDropped {
		t.Errorf("drop: %d %s", res.StatusCode, status(s.held))
	}
	// A warned send cannot be dropped.
	res, body = s.post(t, "/review/"+s.warned+"/drop", c, url.Values{"csrf": {tok}})
	if res.StatusCode != http.StatusConflict || !strings.Contains(body, "sent already") {
		t.Errorf("drop warned: %d\n%s", res.StatusCode, body)
	}
	// Unknown id.
	if res, _ := s.post(t, "/review/Zz0000000000000a/approve", c, url.Values{"csrf": {tok}}); res.StatusCode != 404 {
		t.Errorf("unknown id: %d", res.StatusCode)
	}
}

func TestAlertsWithChecklistOnTop(t *testing.T) {
	t.Parallel()
	s := newSeeded(t, nil)
	_, body := s.get(t, "/timeline")
	alerts := strings.Index(body, `<section class="alerts">`)
	first := strings.Index(body, `<section class="program"`)
	if alerts < 0 || first < 0 || alerts > first {
		t.Fatal("alerts are not above the programs")
	}
	for _, want := range []string{"accreditation", "visa", "withdrawing from the Match", "mentor", "asks about your ranking", "offer outside the Match"} {
		if !strings.Contains(body[alerts:first], want) {
			t.Errorf("alerts lack %q", want)
		}
	}
}

func TestListenRefusesNonLoopback(t *testing.T) {
	t.Parallel()
	if _, err := Listen("0.0.0.0:0"); err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Errorf("Listen 0.0.0.0: %v", err)
	}
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
}

// BenchmarkTimelinePage renders the timeline page over 5,000 events across
// the corpus's programs. The bar: under 100 ms a page.
func BenchmarkTimelinePage(b *testing.B) {
	s := newSeeded(b, nil)
	cfg := corpusConfig(b)
	types := []string{"interview-invite", "program-update", "waitlist", "eligibility-reply"}
	for i := range 5000 {
		p := cfg.Programs[i%len(cfg.Programs)].Key
		e := timeline.Event{At: testNow.Add(-time.Duration(i) * 37 * time.Minute), Program: p,
			Direction: "in", Type: types[i%len(types)], Subject: fmt.Sprintf("Message %d about the program", i),
			MessageID: fmt.Sprintf("<%d@bench>", i), From: "someone@" + cfg.Programs[i%len(cfg.Programs)].Domains[0]}
		if i%3 == 0 {
			e.Direction, e.Type, e.From = "out", "pass", ""
		}
		if _, err := s.st.AddEvent(e); err != nil {
			b.Fatal(err)
		}
	}
	req := httptest.NewRequest("GET", "/timeline", nil)
	req.Host = testAddr
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rec := httptest.NewRecorder()
		s.srv.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
	b.StopTimer()
	if ms := float64(b.Elapsed().Milliseconds()) / float64(b.N); ms > 100 {
		b.Errorf("%.1f ms a page, want < 100 ms", ms)
	}
}
