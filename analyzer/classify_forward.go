package analyzer

import (
	"strings"
)

// clForward is a quoted or forwarded message found under the new words.
type clForward struct {
	from, name string // its sender, when a header block names one
	text       string // its text, when it is not the applicant's
	self       bool   // the applicant forwarded it to herself
}

// forwarded reads the header block of m.Quoted ("From: … Sent: …
// Subject: …", with or without "> " marks) and keeps the quoted text when
// someone other than the applicant wrote it.
//
// Only forwards are read (a "Fwd:" subject, or the applicant's own mail):
// in a reply, the quoted text is the conversation so far, and a program's
// old invitation quoted under "you're confirmed" must not count again.
func (c *Classifier) forwarded(m *Message, isFwd bool) clForward {
	var f clForward
	q := m.Quoted
	if strings.TrimSpace(q) == "" {
		return f
	}
	if len(m.From) > 0 && c.cfg.IsApplicant(m.From[0].Addr) {
		f.self = true
	}
	// A platform relaying a program's message ("St. Brendan's has sent you
	// a message:") may set it off as a quote with no header at all: then
	// the quote is the program's words.
	relay := false
	if !isFwd && !f.self {
		if len(m.From) == 0 || !c.relays(m.From[0].Addr) {
			return f
		}
		relay = true
	}
	lines := strings.Split(clTruncate(q, clMaxBody), "\n")
	start := -1
	for i, l := range lines {
		if i > 40 {
			break
		}
		l = strings.TrimSpace(strings.TrimLeft(l, "> "))
		low := strings.ToLower(l)
		// (a forwarded header's "From:", in any language Outlook writes:
		// "De:", "Von:", "Da:" …)
		if m := outlookFromRe.FindStringIndex(l); m != nil {
			v := strings.TrimSpace(strings.TrimRight(l[m[1]-1:], "*"))
			f.from, f.name = clAddrOf(v)
			start = i
			break
		}
		if strings.HasSuffix(low, "wrote:") {
			// "On Oct 18, 2026, Amina Rahman <amina@…> wrote:"
			f.from, f.name = clAddrOf(l)
			start = i
			break
		}
	}
	if relay && start >= 0 && strings.HasPrefix(strings.ToLower(strings.TrimSpace(m.Subject)), "re:") {
		return clForward{} // a reply quoting someone: as any reply
	}
	// Otherwise a platform's notice that carries the program's message
	// under a header block ("You have a new message in your MyERAS
	// PostOffice. From: Northgate … Subject: Interview Invitation"): the
	// program's words, unless the applicant wrote them (below).
	if start < 0 || f.from == "" && f.name == "" {
		if !f.self && !relay {
			return clForward{}
		}
	}
	if f.from != "" && c.cfg.IsApplicant(f.from) || f.name != "" && c.cfg.Applicant.Name != "" && strings.Contains(strings.ToLower(f.name), strings.ToLower(c.cfg.Applicant.Name)) {
		return clForward{} // the applicant's own words
	}
	// The text after the header block.
	var b strings.Builder
	inHead := start >= 0
	for _, l := range lines[start+1:] {
		t := strings.TrimLeft(l, ">")
		t = strings.TrimPrefix(t, " ")
		if inHead {
			tt := strings.TrimSpace(t)
			if tt == "" {
				inHead = false
				continue
			}
			if k := strings.IndexByte(tt, ':'); k > 0 && k < 20 && !strings.Contains(tt[:k], " ") {
				continue // Sent:, To:, Subject:, Date:, Cc:
			}
			inHead = false
		}
		b.WriteString(t)
		b.WriteByte('\n')
	}
	f.text = b.String()
	return f
}

// relays reports whether mail from addr is a platform's or an automatic
// notice, which may relay a program's message.
func (c *Classifier) relays(addr string) bool {
	addr = strings.ToLower(strings.TrimSpace(addr))
	return c.rules.platformFor(addr) != nil || c.rules.isNoreply(addr)
}

// clAddrOf finds "Name <addr>" or a bare address in s.
func clAddrOf(s string) (addr, name string) {
	if lt := strings.LastIndexByte(s, '<'); lt >= 0 {
		if gt := strings.IndexByte(s[lt:], '>'); gt > 0 {
			addr = strings.ToLower(strings.TrimSpace(s[lt+1 : lt+gt]))
			name = strings.Trim(strings.TrimSpace(s[:lt]), `"'`)
			if i := strings.LastIndex(name, ","); i >= 0 {
				name = strings.TrimSpace(name[i+1:]) // "On Oct 18, 2026, Amina Rahman"
			}
			name = strings.TrimSuffix(name, " wrote:")
			return addr, name
		}
	}
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, "<>(),;:[]\"'")
		if strings.Count(w, "@") == 1 && strings.Contains(w[strings.IndexByte(w, '@'):], ".") {
			return strings.ToLower(w), ""
		}
	}
	return "", strings.TrimSpace(s)
}

// platformLookalike returns the platform whose name an unknown domain
// imitates (thalamus-gme-secure.net).
func (r *clRules) platformLookalike(addr string) *clPlatform { return r.platformNamed(addr, 6) }

// platformNamed returns the platform whose domain's first label (at least
// min letters) the domain of addr holds.
func (r *clRules) platformNamed(addr string, min int) *clPlatform {
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return nil
	}
	dom := clStem(addr[at+1:])
	for i := range r.platforms {
		for _, stem := range r.platforms[i].stems {
			if len(stem) >= min && strings.Contains(dom, stem) {
				return &r.platforms[i]
			}
		}
	}
	return nil
}
