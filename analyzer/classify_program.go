package analyzer

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/matchguard/matchguard/config"
)

// Finding the program a received message belongs to. The sender's address
// decides when it is a program's (a contact, or a configured domain or
// subdomain; Reply-To and Sender too). Mail from a scheduling platform, a
// matching service, a noreply address or an unknown sender names its
// program in the text: the program's names, institution, aliases and
// contacts are looked for in the subject, the sender's display name and the
// program's own words. An unknown sender needs a strong name (institution,
// full name, a contact) and must write about the season; a sender whose
// domain imitates a program's (lakeside-med-support.com) is never the
// program.

// clName is one way of naming a program in text.
type clName struct {
	phrase  *clPhrase
	acronym string // case-sensitive single word ("LUMC"), instead of phrase
	strong  bool   // institution, unique full name, contact name or address
	label   string
	// inst: the program's own name (institution, name or alias), which
	// phrases may stand for with the word {program}; not a person or an
	// address.
	inst bool
}

type clProgram struct {
	p     *config.Program
	names []clName
	stems []string // lower-case letters and digits of domain labels and long aliases
}

// compilePrograms builds the names of every program into v.
func compileCLPrograms(v *clVocab, cfg *config.Config) []clProgram {
	count := map[string]int{}
	norm := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	for i := range cfg.Programs {
		for _, n := range cfg.Programs[i].Names() {
			count[norm(n)]++
		}
	}
	var out []clProgram
	for i := range cfg.Programs {
		p := &cfg.Programs[i]
		cp := clProgram{p: p}
		add := func(s string, strong bool) {
			s = strings.TrimSpace(s)
			if s == "" || count[norm(s)] > 1 {
				return // a name two programs share names neither
			}
			if isCLAcronym(s) {
				cp.names = append(cp.names, clName{acronym: s, label: s, inst: true})
				return
			}
			ph := clPhraseOfName(v, s)
			if ph == nil {
				return
			}
			multi := len(ph.segs[0].alts[0]) > 1
			cp.names = append(cp.names, clName{phrase: ph, strong: strong && multi, label: s, inst: true})
		}
		add(p.Institution, true)
		add(p.Name, true)
		for _, a := range p.Aliases {
			add(a, false)
			if st := clStem(a); len(st) >= 5 {
				cp.stems = append(cp.stems, st)
			}
		}
		for _, c := range p.Contacts {
			if c.Name != "" && len(strings.Fields(c.Name)) > 1 {
				if ph := clPhraseOfName(v, c.Name); ph != nil {
					cp.names = append(cp.names, clName{phrase: ph, strong: true, label: c.Name})
				}
			}
			if c.Email != "" {
				if ph := clPhraseOfName(v, c.Email); ph != nil {
					cp.names = append(cp.names, clName{phrase: ph, strong: true, label: c.Email})
				}
			}
		}
		for _, d := range p.Domains {
			d = strings.ToLower(strings.TrimSpace(d))
			if dot := strings.IndexByte(d, '.'); dot > 0 {
				if st := clStem(d[:dot]); len(st) >= 5 {
					cp.stems = append(cp.stems, st)
				}
			}
			// The domain written in text ("apply at lakeside-med.org").
			if ph := clPhraseOfName(v, d); ph != nil {
				cp.names = append(cp.names, clName{phrase: ph, strong: true, label: d})
			}
		}
		out = append(out, cp)
	}
	return out
}

// clPhraseOfName compiles a name as a run of exact words, tokenized the way
// text is ("St. Brendan's" is "st brendan").
func clPhraseOfName(v *clVocab, s string) *clPhrase {
	d := tokenizeCL(&clVocab{}, s, nil)
	if len(d.toks) == 0 {
		return nil
	}
	ws := make([]string, len(d.toks))
	for i, t := range d.toks {
		ws[i] = t.w
	}
	p, err := compileCLPhrase(v, strings.Join(ws, " "))
	if err != nil {
		return nil
	}
	return p
}

func isCLAcronym(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// clStem keeps lower-case letters and digits.
func clStem(s string) string {
	// (Most are already lower-case letters and digits: no copy.)
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// clMention is how strongly a text names a program.
type clMention struct {
	score  float64
	first  int // earliest token, for ties
	strong bool
	label  string
}

// mentions scores how each program is named in d; weight scales the scores
// (the subject and the display name count more than the body).
func (c *Classifier) mentions(d *clDoc, weight float64, into map[int]*clMention) {
	c.mentionsKept(d, weight, into, nil)
}

// mentionsKept is mentions counting only the names keep accepts.
func (c *Classifier) mentionsKept(d *clDoc, weight float64, into map[int]*clMention, keep clKeeper) {
	if d == nil || len(d.toks) == 0 {
		return
	}
	for pi := range c.programs {
		cp := &c.programs[pi]
		for _, n := range cp.names {
			pos := -1
			if n.acronym != "" {
				lw := strings.ToLower(n.acronym)
				for k := range d.toks {
					t := &d.toks[k]
					if t.w == lw && d.src[t.s:t.e] == n.acronym {
						pos = k
						break
					}
				}
			} else if sp, ok := n.phrase.find(d, keep); ok {
				pos = sp.from
			}
			if pos < 0 {
				continue
			}
			s := 1.5
			if n.strong {
				s = 3
			}
			m := into[pi]
			if m == nil {
				m = &clMention{first: 1 << 30}
				into[pi] = m
			}
			m.score += s * weight
			if n.strong {
				m.strong = true
			}
			if pos < m.first {
				m.first = pos
			}
			if m.label == "" {
				m.label = n.label
			}
		}
	}
}

// eachAcronym calls f with every token of d that is the name's acronym,
// as written ("LUMC", not "lumc").
func (n *clName) eachAcronym(d *clDoc, f func(k int)) {
	lw := strings.ToLower(n.acronym)
	for k := range d.toks {
		if t := &d.toks[k]; t.w == lw && d.src[t.s:t.e] == n.acronym {
			f(k)
		}
	}
}

// clNotPlace keeps a program's name that is not a place on a route, a
// booking or an envelope: a name with a street address after it on its
// line ("7:31 AM Lakeside University Medical Center – Shoreline Pavilion,
// 400 Shoreline Blvd") is where a ride or a stay went, and a name heading
// an address block (its next lines end in a city and a state: "…sent to:
// / Lakeside University Medical Center / Graduate Medical Education /
// Chicago, IL") is where something is sent. Any service may write either.
type clNotPlace struct{}

func (clNotPlace) keep(d *clDoc, sp clSpan) bool {
	// The rest of the name's line and the next two lines.
	lines := strings.SplitN(d.src[d.toks[sp.to].e:], "\n", 4)
	if reStreetAddress.MatchString(clTruncate(lines[0], 120)) {
		return false
	}
	// An address block: the name ends its line, and one of the next two
	// lines is an address.
	if strings.TrimSpace(lines[0]) != "" {
		return true
	}
	for _, l := range lines[1:min(3, len(lines))] {
		if l = strings.TrimSpace(l); l == "" {
			break
		}
		if reStreetAddress.MatchString(clTruncate(l, 120)) || reCityState.MatchString(l) {
			return false
		}
	}
	return true
}

// clNotEvent keeps a program's name that does not name an event: one of
// the next six words of its sentence is "forum", "symposium", "series"….
type clNotEvent struct{}

func (clNotEvent) keep(d *clDoc, sp clSpan) bool {
	sent := d.toks[sp.to].sent
	for j := sp.to + 1; j < len(d.toks) && j <= sp.to+6 && d.toks[j].sent == sent; j++ {
		switch d.toks[j].w {
		case "forum", "symposium", "conference", "summit", "series", "workshop", "webinar", "lecture", "retreat", "hackathon", "colloquium", "seminar", "meeting":
			return false
		}
	}
	return true
}

// reStreetAddress finds a street address: a number, a name, a street word.
var reStreetAddress = regexp.MustCompile(`\b\d{1,5}\s+(?:[A-Z][A-Za-z'’.]*\s+){1,3}(?:St|Street|Ave|Avenue|Blvd|Boulevard|Rd|Road|Dr|Drive|Way|Ln|Lane|Pkwy|Parkway|Pl|Plaza|Ct|Court|Hwy|Highway|Sq|Square|Ter|Terrace)\b`)

// reCityState is a line that is a US city and state ("Chicago, IL",
// "Ann Arbor, MI 48109").
var reCityState = regexp.MustCompile(`^(?:[A-Z][A-Za-z.'’-]*\s){0,3}[A-Z][A-Za-z.'’-]*,\s*[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?)?$`)

// lookalike returns the program whose domain or name an unknown sender's
// domain imitates.
func (c *Classifier) lookalike(addr string) *config.Program {
	host := clHost(addr)
	if host == "" {
		return nil
	}
	dom := clStem(host)
	for i := range c.programs {
		for _, st := range c.programs[i].stems {
			if strings.Contains(dom, st) {
				return c.programs[i].p
			}
		}
	}
	return nil
}

// atsTenant returns the program whose hospital a hiring system's address
// names as its tenant: "notifications@meridian-edu.hirepath.example",
// "do-not-reply@harborvalleyhealth.talentlink.example". The program's name
// stands alone in the first label, left of a domain whose own labels name
// hiring (talent, careers, jobs, recruit, workforce, hire …); a program's
// whole domain set inside another ("lakeside-med.org.portal.example") is
// no tenant but an imitation, as is "lakeside-med.org-applicant.com".
func (c *Classifier) atsTenant(addr string) *config.Program {
	host := clHost(addr)
	labels := strings.Split(host, ".")
	if len(labels) < 3 {
		return nil
	}
	hiring := false
	for _, l := range labels[1 : len(labels)-1] {
		for _, w := range []string{"talent", "career", "job", "recruit", "workforce", "workday", "hire", "hiring", "taleo", "icims", "successfactors", "applicant", "onboard"} {
			hiring = hiring || strings.Contains(l, w)
		}
	}
	if !hiring {
		return nil
	}
	tenant := clStem(labels[0])
	for i := range c.programs {
		for _, d := range c.programs[i].p.Domains {
			if strings.Contains(host, strings.ToLower(d)) {
				return nil
			}
		}
		for _, st := range c.programs[i].stems {
			if strings.Contains(tenant, st) {
				return c.programs[i].p
			}
		}
	}
	return nil
}

// oneOff returns the program one of whose domains the sender's domain
// spells with one letter changed, added or dropped ("harborvaliey.edu",
// written harborvalIey.edu): an imitation.
func (c *Classifier) oneOff(addr string) *config.Program {
	dom := clHost(addr)
	if dom == "" {
		return nil
	}
	for i := range c.programs {
		p := c.programs[i].p
		if p.OwnsHost(dom) {
			continue
		}
		for _, d := range p.Domains {
			if d = strings.ToLower(d); len(d) >= 6 && clEditDistanceOne(dom, d) {
				return p
			}
		}
	}
	return nil
}

// clEditDistanceOne reports whether a and b differ by exactly one letter
// changed, added or dropped.
func clEditDistanceOne(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	switch len(a) - len(b) {
	case 0:
		diff := 0
		for i := range a {
			if a[i] != b[i] {
				diff++
			}
		}
		return diff == 1
	case 1:
		for i := range b {
			if a[i] != b[i] {
				return a[i+1:] == b[i:]
			}
		}
		return true
	}
	return false
}

// clHost is the lower-case domain of an address, "" when it has none.
func clHost(addr string) string {
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return ""
	}
	return strings.ToLower(addr[at+1:])
}

// bestMention picks the program named most strongly (ties: named first).
func (c *Classifier) bestMention(ms map[int]*clMention, needStrong bool, min float64) (*config.Program, *clMention) {
	best := -1
	for pi, m := range ms {
		if m.score < min || needStrong && !m.strong {
			continue
		}
		if best < 0 || m.score > ms[best].score || m.score == ms[best].score && (m.first < ms[best].first || m.first == ms[best].first && pi < best) {
			best = pi
		}
	}
	if best < 0 {
		return nil, nil
	}
	return c.programs[best].p, ms[best]
}

// markProgramNames files every place where d names a program (its
// institution, name or an alias) under the vocabulary word {program}, so
// that phrases can say "whether {program} is where you intend to end up"
// for whatever programs the config holds. sc is d's scratch.
func (c *Classifier) markProgramNames(d *clDoc, sc *clScratch) {
	v := c.rules.vocab
	if d == nil || sc == nil || d.post == nil || v.progID < 0 || len(d.toks) == 0 {
		return
	}
	marked := false
	mark := func(k int) {
		if d.prog == nil {
			d.prog = make([]bool, len(d.toks))
		}
		if !d.prog[k] {
			d.prog[k] = true
			sc.addPost(v.progID, k)
			marked = true
		}
	}
	for pi := range c.programs {
		for _, n := range c.programs[pi].names {
			if !n.inst {
				continue
			}
			if n.acronym != "" {
				n.eachAcronym(d, mark)
				continue
			}
			alt := n.phrase.segs[0].alts[0]
			if !d.hasID(alt[0].id) {
				continue
			}
			for _, pos := range d.post[alt[0].id] {
				if end, ok := matchCLRun(d, int(pos), alt); ok {
					// Every word of the name: "{program} is" reads "Harbor
					// Valley is", "at {program}" reads "at Harbor Valley".
					for k := int(pos); k <= end; k++ {
						mark(k)
					}
				}
			}
		}
	}
	if marked {
		slices.Sort(sc.post[v.progID])
		d.present, d.cand, d.needReady = sc.touched, nil, false
	}
}
