package analyzer

import (
	"embed"
	"fmt"
	"github.com/matchguard/matchguard/config"
	"math/bits"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

//go:embed classify/*.toml
var classifyData embed.FS

// Where a group's phrases are looked for.
const (
	clInAny = iota
	clInSubject
	clInBody
)

// clGroup is one compiled group of classify/types.toml.
type clGroup struct {
	typ       string
	weight    float64
	in        int
	negatable bool
	veto      []int32
	vetoP     []*clPhrase
	negators  []int32
	negatedTo string
	negVeto   []int32 // words that keep a negated phrase from counting for negatedTo
	soft      bool    // word cues: count only when no phrase reached the bar
	phrases   []*clPhrase
	// contig: the phrases are numbered one after another (clPhrase.idx),
	// so score visits only those a text's candidate set holds.
	contig bool
}

// clPlatform is a sender that carries program mail for programs.
type clPlatform struct {
	name    string
	domains []string
	match   bool // a matching service (NRMP, AMIA): sends match results
	// stems are the domains' first labels as clStem reads them, by domain.
	stems []string
}

// clProgramWord in a phrase matches any program's name in the text.
const clProgramWord = "{program}"

// clRules is the classifier's compiled data.
type clRules struct {
	vocab     *clVocab
	groups    []clGroup
	negators  map[int32]bool
	notAfter  map[string]bool
	platforms []clPlatform
	noreply   map[string]bool
	// departments: words in a local part or subdomain that make a sender
	// on a program's domain another part of the hospital (mychart, jobs,
	// foundation…); programWords override them (fellowship, gme…).
	departments  map[string]bool
	programWords map[string]bool
	// newsDepts are departments that also carry the program's own news:
	// they are the program when the text holds one of trainingWords.
	newsDepts     map[string]bool
	trainingWords []string
	// hrDepts carry a program's decisions but not its news.
	hrDepts    map[string]bool
	keepers    []clGroupKeeper // one per group
	negKeepers []clGroupKeeper // one per group: accepts negated matches only
}

type clTypesFile struct {
	Negators []string `toml:"negators"`
	NotAfter []string `toml:"not_after"`
	// TypeVetoP are veto phrases every group of a type carries, by type.
	TypeVetoP map[string][]string `toml:"type_veto_phrases"`
	Group     []struct {
		Type      string   `toml:"type"`
		Weight    float64  `toml:"weight"`
		In        string   `toml:"in"`
		Negatable bool     `toml:"negatable"`
		Veto      []string `toml:"veto"`
		VetoP     []string `toml:"veto_phrases"`
		Negators  []string `toml:"negators"`
		NegatedTo string   `toml:"negated_to"`
		NegVeto   []string `toml:"negated_veto"`
		Soft      bool     `toml:"soft"`
		Phrases   []string `toml:"phrases"`
	} `toml:"group"`
}

type clSendersFile struct {
	Noreply         []string `toml:"noreply"`
	Departments     []string `toml:"departments"`
	NewsDepartments []string `toml:"news_departments"`
	HRDepartments   []string `toml:"hr_departments"`
	TrainingWords   []string `toml:"training_words"`
	ProgramWords    []string `toml:"program_words"`
	Platform        []struct {
		Name    string   `toml:"name"`
		Domains []string `toml:"domains"`
		Match   bool     `toml:"match"`
	} `toml:"platform"`
}

// clKnownTypes is read-only.
var clKnownTypes = map[string]bool{
	TypeInterviewInvite: true, TypeInterviewConfirmation: true, TypeInterviewDecline: true,
	TypeWaitlist: true, TypeEligibilityReply: true, TypeApplicationRequest: true,
	TypePostInterviewInterest: true, TypeRankSolicitation: true, TypePreMatchOffer: true,
	TypeProgramUpdate: true, TypeMatchResult: true,
	"cue:autoreply": true, "cue:phish": true, "cue:season": true, "cue:choose": true, "cue:offer-you": true, "cue:clinical-job": true, "cue:staff-job": true, "cue:full": true,
	"cue:tentative": true, "cue:asks-confirm": true, "cue:moved": true, "cue:around-match": true, "cue:leave-match": true, "cue:interview-offer": true, "cue:place-offer": true, "cue:season-over": true, "cue:interviewed": true, "cue:withdrawn": true, "cue:onboarding": true, "cue:after-match": true, "cue:not-selection": true, "cue:to-program": true, "cue:if-opens": true, "cue:interview-done": true, "cue:relay": true, "cue:social": true, "cue:automated": true, "cue:event": true, "cue:retracted": true,
}

// loadCLRules reads and compiles the embedded data into a fresh vocabulary.
func loadCLRules() (*clRules, error) {
	r := &clRules{vocab: newCLVocab(), negators: map[int32]bool{}, notAfter: map[string]bool{}, noreply: map[string]bool{}}
	r.vocab.progID = r.vocab.exactID(clProgramWord)
	const typesFile = "classify/types.toml"
	src, err := classifyData.ReadFile(typesFile)
	if err != nil {
		return nil, err
	}
	var tf clTypesFile
	md, err := toml.Decode(string(src), &tf)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", typesFile, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("%s: unknown key %s", typesFile, und[0])
	}
	for _, w := range tf.Negators {
		r.negators[r.vocab.exactID(w)] = true
	}
	for _, w := range tf.NotAfter {
		r.notAfter[w] = true
	}
	// Compiled once, shared by every group of the type.
	typeVetoP := map[string][]*clPhrase{}
	for typ, pss := range tf.TypeVetoP {
		if !clKnownTypes[typ] {
			return nil, fmt.Errorf("%s: type_veto_phrases: unknown type %q", typesFile, typ)
		}
		for _, ps := range pss {
			p, err := compileCLPhrase(r.vocab, ps)
			if err != nil {
				return nil, fmt.Errorf("%s: type_veto_phrases (%s): %w", typesFile, typ, err)
			}
			typeVetoP[typ] = append(typeVetoP[typ], p)
		}
	}
	for i, g := range tf.Group {
		if !clKnownTypes[g.Type] {
			return nil, fmt.Errorf("%s: group %d: unknown type %q", typesFile, i+1, g.Type)
		}
		cg := clGroup{typ: g.Type, weight: g.Weight, negatable: g.Negatable}
		switch g.In {
		case "", "any":
			cg.in = clInAny
		case "subject":
			cg.in = clInSubject
		case "body":
			cg.in = clInBody
		default:
			return nil, fmt.Errorf("%s: group %d (%s): in = %q; want any, subject or body", typesFile, i+1, g.Type, g.In)
		}
		for _, w := range g.Veto {
			cg.veto = append(cg.veto, r.vocab.exactID(w))
		}
		for _, w := range g.Negators {
			cg.negators = append(cg.negators, r.vocab.exactID(w))
		}
		if g.NegatedTo != "" && !clKnownTypes[g.NegatedTo] {
			return nil, fmt.Errorf("%s: group %d (%s): negated_to: unknown type %q", typesFile, i+1, g.Type, g.NegatedTo)
		}
		cg.negatedTo = g.NegatedTo
		for _, w := range g.NegVeto {
			cg.negVeto = append(cg.negVeto, r.vocab.exactID(w))
		}
		cg.soft = g.Soft
		for _, ps := range g.VetoP {
			p, err := compileCLPhrase(r.vocab, ps)
			if err != nil {
				return nil, fmt.Errorf("%s: group %d (%s): veto_phrases: %w", typesFile, i+1, g.Type, err)
			}
			cg.vetoP = append(cg.vetoP, p)
		}
		cg.vetoP = append(cg.vetoP, typeVetoP[g.Type]...)
		for _, ps := range g.Phrases {
			p, err := compileCLPhrase(r.vocab, ps)
			if err != nil {
				return nil, fmt.Errorf("%s: group %d (%s): %w", typesFile, i+1, g.Type, err)
			}
			cg.phrases = append(cg.phrases, p)
		}
		cg.contig = len(cg.phrases) > 0
		for k, p := range cg.phrases {
			cg.contig = cg.contig && p.idx == cg.phrases[0].idx+int32(k)
		}
		r.groups = append(r.groups, cg)
	}

	for i := range r.groups {
		r.keepers = append(r.keepers, clGroupKeeper{r: r, g: &r.groups[i]})
		r.negKeepers = append(r.negKeepers, clGroupKeeper{r: r, g: &r.groups[i], negatedOnly: true})
	}

	const sendersFile = "classify/senders.toml"
	src, err = classifyData.ReadFile(sendersFile)
	if err != nil {
		return nil, err
	}
	var sf clSendersFile
	md, err = toml.Decode(string(src), &sf)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", sendersFile, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("%s: unknown key %s", sendersFile, und[0])
	}
	r.departments, r.programWords = map[string]bool{}, map[string]bool{}
	r.newsDepts, r.hrDepts = map[string]bool{}, map[string]bool{}
	for _, w := range sf.HRDepartments {
		r.hrDepts[strings.ToLower(w)] = true
	}
	for _, w := range sf.NewsDepartments {
		r.newsDepts[strings.ToLower(w)] = true
	}
	r.trainingWords = sf.TrainingWords
	for _, w := range sf.Departments {
		r.departments[strings.ToLower(w)] = true
	}
	for _, w := range sf.ProgramWords {
		r.programWords[strings.ToLower(w)] = true
	}
	for _, n := range sf.Noreply {
		r.noreply[strings.ToLower(n)] = true
	}
	for _, p := range sf.Platform {
		pl := clPlatform{name: p.Name, domains: p.Domains, match: p.Match}
		for _, d := range p.Domains {
			stem := d
			if dot := strings.IndexByte(d, '.'); dot > 0 {
				stem = d[:dot]
			}
			pl.stems = append(pl.stems, clStem(stem))
		}
		r.platforms = append(r.platforms, pl)
	}
	return r, nil
}

// senderPlatform is platformFor for the Sender header, where a service
// may name itself by its mailbox as well as its domain: Google Calendar's
// calendar-notification@google.com is listed as the host
// calendar-notification.google.com (google.com itself is no platform).
func (r *clRules) senderPlatform(addr string) *clPlatform {
	if pl := r.platformFor(addr); pl != nil {
		return pl
	}
	if local, dom, ok := strings.Cut(addr, "@"); ok {
		return r.platformFor("@" + local + "." + dom)
	}
	return nil
}

// platformFor returns the platform an address's domain belongs to.
func (r *clRules) platformFor(addr string) *clPlatform {
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return nil
	}
	dom := strings.ToLower(addr[at+1:])
	for i := range r.platforms {
		for _, d := range r.platforms[i].domains {
			if dom == d || strings.HasSuffix(dom, "."+d) {
				return &r.platforms[i]
			}
		}
	}
	// A documentation domain that never delivers mail ("thalamus-gme.
	// example.com", RFC 2606) stands for the platform it names: no
	// phishing comes from one.
	if clExampleDomain(dom) {
		// (a short name too: "nrmp-notices.example.org")
		return r.platformNamed(addr, 4)
	}
	return nil
}

// clExampleDomain reports whether dom is reserved for documentation
// (RFC 2606, RFC 6761) and so can send no real mail.
func clExampleDomain(dom string) bool {
	for _, s := range []string{".example", ".example.com", ".example.net", ".example.org", ".test", ".invalid"} {
		if strings.HasSuffix(dom, s) || dom == strings.TrimPrefix(s, ".") {
			return true
		}
	}
	return false
}

// department returns the word that makes addr, a sender on one of p's
// domains, another part of the hospital than the program: a local part or
// a subdomain label such as "mychart", "careers", "foundation", "news". It
// returns "" for the program's own senders (its contacts, or a local part
// or label with a program word: "ci-fellowship", "gme", "imresidency").
func (r *clRules) department(addr string, p *config.Program) string {
	addr = strings.ToLower(strings.TrimSpace(addr))
	at := strings.LastIndexByte(addr, '@')
	if at < 0 || len(r.departments) == 0 {
		return ""
	}
	for _, c := range p.Contacts {
		if strings.EqualFold(c.Email, addr) {
			return ""
		}
	}
	local, host := addr[:at], addr[at+1:]
	// The labels left of the program's own domain.
	var sub []string
	for _, d := range p.Domains {
		d = strings.ToLower(strings.TrimSpace(d))
		if host == d {
			sub = nil
			break
		}
		if strings.HasSuffix(host, "."+d) {
			sub = strings.Split(strings.TrimSuffix(host, "."+d), ".")
		}
	}
	split := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '-' || r == '_' || r == '+' })
	}
	words := append(split(local), sub...)
	for _, w := range words {
		for pw := range r.programWords {
			if strings.Contains(w, pw) {
				return ""
			}
		}
	}
	for _, w := range words {
		if r.departments[w] {
			return w
		}
	}
	for _, w := range words {
		if r.newsDepts[w] {
			return "news:" + w
		}
	}
	for _, w := range words {
		if r.hrDepts[w] {
			return "hr:" + w
		}
	}
	return ""
}

// isNoreply reports whether addr's local part marks automatic mail.
func (r *clRules) isNoreply(addr string) bool {
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return false
	}
	return r.noreply[strings.ToLower(addr[:at])]
}

// clHit is one phrase found.
type clHit struct {
	typ     string
	weight  float64
	excerpt string
	subject bool
}

// clScores holds the evidence per type.
type clScores struct {
	score map[string]float64
	hits  []clHit
	soft  []clHit // word cues, held back until useSoft
}

func (s *clScores) add(typ string, w float64, why string) {
	s.score[typ] += w
	s.hits = append(s.hits, clHit{typ: typ, weight: w, excerpt: why})
}

// useSoft adds the word cues when no type reached min on phrases.
func (s *clScores) useSoft(min float64) bool {
	for t, v := range s.score {
		if v >= min && !strings.HasPrefix(t, "cue:") {
			return false
		}
	}
	for _, h := range s.soft {
		s.add(h.typ, h.weight, "word cue "+h.excerpt)
	}
	return len(s.soft) > 0
}

// negated reports whether a negator (the file's, or the group's own
// extra) stands before sp in its clause.
func (r *clRules) negated(d *clDoc, sp clSpan, extra []int32) bool {
	cl := d.toks[sp.from].clause
	for j := sp.from - 1; j >= 0 && j >= sp.from-6; j-- {
		t := &d.toks[j]
		if t.clause != cl {
			break
		}
		if t.id >= 0 && (r.negators[t.id] || clHasID(extra, t.id)) {
			if j+1 < len(d.toks) && r.notAfter[d.toks[j+1].w] {
				continue
			}
			// "we could not be more excited to meet you": more, not less
			if j+2 < len(d.toks) && d.toks[j+1].w == "be" && clComparativeGlad[d.toks[j+2].w] {
				continue
			}
			return true
		}
	}
	return false
}

// clComparativeGlad are the words of "could not be more …", "couldn't be
// happier": a negation that says more, not less.
var clComparativeGlad = map[string]bool{"more": true, "happier": true, "prouder": true, "gladder": true, "better": true, "keener": true}

// clTurnBetween reports whether a "but" stands between tokens i and j:
// "we're not supposed to ask, but would you rank us first?" is asking.
// (vetoedCL starts after the veto's own words: "you can still list the
// track on your rank list" turns nothing.)
func clTurnBetween(d *clDoc, i, j int) bool {
	for k := i; k < j; k++ {
		switch d.toks[k].w {
		case "but", "however", "though", "although", "still":
			return true
		}
	}
	return false
}

func clHasID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// vetoedCL reports whether a veto word or phrase stands in sp's sentence.
func vetoedCL(d *clDoc, sp clSpan, veto []int32, vetoP []*clPhrase) bool {
	if len(veto) == 0 && len(vetoP) == 0 {
		return false
	}
	// Only veto phrases whose words the text holds can stand in it.
	var live [8]*clPhrase
	ps := live[:0]
	for _, p := range vetoP {
		if d.post != nil && !d.candidate(p) {
			continue
		}
		ps = append(ps, p)
	}
	if len(veto) == 0 && len(ps) == 0 {
		return false
	}
	sent := d.toks[sp.from].sent
	lo := clSentStart(d, sp.from)
	hi := sp.from
	for hi+1 < len(d.toks) && d.toks[hi+1].sent == sent {
		hi++
	}
	// A match that speaks of "it" or "this" ("we would be glad to offer it
	// to you") takes its subject from the sentence before ("a slot has
	// opened on our interview day"): the veto words count there too.
	for j := sp.from; j <= sp.to && j < len(d.toks) && len(veto) > 0; j++ {
		if w := d.toks[j].w; w == "it" || w == "this" || w == "them" {
			for k := lo - 1; k >= 0 && d.toks[k].sent == d.toks[lo-1].sent; k-- {
				if id := d.toks[k].id; id >= 0 && clHasID(veto, id) {
					return true
				}
			}
			break
		}
	}
	for j := lo; j <= hi && len(veto) > 0; j++ {
		if id := d.toks[j].id; id >= 0 && clHasID(veto, id) {
			return true
		}
	}
	for _, p := range ps {
		for _, alt := range p.segs[0].alts {
			if d.post == nil {
				for j := lo; j <= hi; j++ {
					if vs, ok := p.at(d, j, alt, nil); ok && !clTurnBetween(d, vs.to+1, sp.from) {
						return true
					}
				}
				continue
			}
			// Only where the alternative's first word stands.
			if !d.hasID(alt[0].id) {
				continue
			}
			at := d.post[alt[0].id]
			k, _ := slices.BinarySearch(at, int32(lo))
			for ; k < len(at) && int(at[k]) <= hi; k++ {
				if vs, ok := p.at(d, int(at[k]), alt, nil); ok && !clTurnBetween(d, vs.to+1, sp.from) {
					return true
				}
			}
		}
	}
	return false
}

// score finds every group's phrases in the subject and the body. subjW
// scales subject evidence (less for a reply, whose subject is the
// applicant's).
func (r *clRules) score(subj, body *clDoc, subjW float64) *clScores {
	s := &clScores{score: make(map[string]float64, 16)}
	// Most phrases cannot match for want of their gate words: rule them
	// out with one bit test before any search.
	useSubj := subj != nil && len(subj.toks) > 0
	var may []uint64
	all := false
	for _, d := range []*clDoc{subj, body} {
		if d == nil || d == subj && !useSubj {
			continue
		}
		c := d.candidates()
		if c == nil {
			all = true
			break
		}
		if may == nil {
			may = slices.Clone(c)
			continue
		}
		for i := range min(len(may), len(c)) {
			may[i] |= c[i]
		}
	}
	if may == nil {
		all = true
	}
	for gi := range r.groups {
		g := &r.groups[gi]
		st := clGroupState{r: r, s: s, g: g, gi: gi, subj: subj, body: body, subjW: subjW}
		if all || !g.contig {
			for _, p := range g.phrases {
				if all || clBit(may, p.idx) {
					st.try(p)
				}
			}
			continue
		}
		// Only the group's phrases in the candidate set, in order.
		lo := int(g.phrases[0].idx)
		hi := lo + len(g.phrases) // exclusive
		for w := lo >> 6; w <= (hi-1)>>6; w++ {
			word := ^uint64(0)
			if w < len(may) {
				word = may[w]
			}
			if w == lo>>6 {
				word &= ^uint64(0) << (uint(lo) & 63)
			}
			if w == (hi-1)>>6 && hi&63 != 0 {
				word &= (1 << (uint(hi) & 63)) - 1
			}
			for word != 0 {
				idx := w<<6 + bits.TrailingZeros64(word)
				word &= word - 1
				st.try(g.phrases[idx-lo])
			}
		}
	}
	return s
}

// clGroupState is score's running total for one group: a group's second
// and later phrases count half, and all of them at most twice its weight.
type clGroupState struct {
	r          *clRules
	s          *clScores
	g          *clGroup
	gi         int
	subj, body *clDoc
	subjW      float64
	total      float64
	n          int
	negAdded   bool
}

// try looks for phrase p of the group in the subject and the body.
func (st *clGroupState) try(p *clPhrase) {
	g, subj, body := st.g, st.subj, st.body
	keep := &st.r.keepers[st.gi]
	var found bool
	var w float64
	var why string
	if g.in != clInBody && subj != nil && len(subj.toks) > 0 {
		if sp, ok := p.find(subj, keep); ok {
			found, w = true, g.weight*st.subjW
			if g.in == clInAny {
				w *= 1.25
			}
			why = "subject: \"" + subj.excerpt(sp) + "\""
		}
	}
	if g.in != clInSubject && body != nil {
		if sp, ok := p.find(body, keep); ok && g.weight > w {
			found, w = true, g.weight
			why = "\"" + body.excerpt(sp) + "\""
		}
	}
	if !found && !st.negAdded && g.negatedTo != "" && body != nil && g.in != clInSubject {
		if sp, ok := p.find(body, &st.r.negKeepers[st.gi]); ok {
			st.negAdded = true
			st.s.add(g.negatedTo, g.weight, "negated "+g.typ+": \""+body.excerpt(sp)+"\"")
		}
	}
	if !found {
		return
	}
	if st.n > 0 {
		w *= 0.5
	}
	if st.total+w > 2*g.weight {
		w = 2*g.weight - st.total
	}
	if w <= 0 {
		return
	}
	st.n++
	st.total += w
	if g.soft {
		st.s.soft = append(st.s.soft, clHit{typ: g.typ, weight: w, excerpt: why})
		return
	}
	st.s.add(g.typ, w, why)
}

// clGroupKeeper applies a group's negation and vetoes to a match.
type clGroupKeeper struct {
	r           *clRules
	g           *clGroup
	negatedOnly bool
}

func (k *clGroupKeeper) keep(d *clDoc, sp clSpan) bool {
	if k.g.negatable && (k.r.negated(d, sp, k.g.negators) || clAnsweredNo(d, sp)) != k.negatedOnly {
		return false
	}
	if k.negatedOnly && vetoedCL(d, sp, k.g.negVeto, nil) {
		return false
	}
	return !vetoedCL(d, sp, k.g.veto, k.g.vetoP)
}

// clVetoKeeper applies only a group's vetoes to a match (for cues).
type clVetoKeeper struct{ g *clGroup }

func (k clVetoKeeper) keep(d *clDoc, sp clSpan) bool { return !vetoedCL(d, sp, k.g.veto, k.g.vetoP) }

// ranked returns the output types by score, best first; ties by name so
// the result is deterministic.
func (s *clScores) ranked() []string {
	var out []string
	for t := range s.score {
		if !strings.HasPrefix(t, "cue:") {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if s.score[out[i]] != s.score[out[j]] {
			return s.score[out[i]] > s.score[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// clAnsweredNo reports whether the match is a label answered "no" after a
// colon ("Early commitment: no.", "Positions outside the Match: none"), or
// a short label line answered no by the next sentence ("Offers outside the
// match. We don't have any.").
func clAnsweredNo(d *clDoc, sp clSpan) bool {
	if sp.to+1 >= len(d.toks) {
		return false
	}
	gap := strings.TrimSpace(d.src[d.toks[sp.to].e:d.toks[sp.to+1].s])
	switch {
	case gap == ":":
	case gap == "." && sp.to-clSentStart(d, sp.from) <= 6:
		// a short label line, answered by the next sentence ("3. Offers
		// outside the match. We don't have any.")
	default:
		return false
	}
	next := func(k int) string {
		if sp.to+k < len(d.toks) {
			return d.toks[sp.to+k].w
		}
		return ""
	}
	switch next(1) {
	case "no", "none", "never", "nope", "not", "n":
		return true
	case "we":
		switch next(2) {
		case "dont", "never", "cannot", "cant", "wont":
			return true
		case "do", "will", "can":
			return next(3) == "not"
		}
	}
	return false
}
