package analyzer

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/matchguard/matchguard/config"
)

// Input is one outgoing message to judge.
type Input struct {
	Msg *Message
	// Now is the time the message is judged at (its Date header, or the
	// time of the send).
	Now time.Time
	// Rcpts are the envelope recipients (SMTP RCPT TO); nil means the
	// message's To, Cc and Bcc.
	Rcpts []string
}

// Engine judges outgoing messages. It is built once and is safe for
// concurrent use.
type Engine struct {
	cfg      *config.Config
	set      *RuleSet
	rules    []*rule // in rule-set order
	byID     map[string]*rule
	negation *regexp.Regexp
	notNeg   *regexp.Regexp
	// logic rules' compiled parameters
	updates  []*pattern
	frequent []*pattern
	again    []*pattern // update-limit's again_patterns
	updSubj  *regexp.Regexp
	thanks   []*pattern
	requests []*pattern
	names    *nameIndex
	slots    *slotFinder
	ids      *prefixTrie // every word prefix a pattern uses (read-only after build)
	clauses  []*clauseRE
}

// rule is a compiled rule.
type rule struct {
	spec     *RuleSpec
	action   Action
	patterns []*pattern
	unless   []*pattern
	unlessNx []*pattern // unless_next
	skipIf   []*pattern
	asked    []*pattern // skip_if_asked
	// quoted holds quoted_patterns (as a rule of its own, so its matches
	// are found and kept apart); they count when ifQuoted matches the quote.
	quoted   *rule
	ifQuoted []*pattern
	// cues are the window cues: those that start with a word (and the ids
	// of their first words' prefixes) and the others.
	cues struct {
		words, other []string
		ids          []int32
	}
	// lower holds wrong-program's cue lists in lower case, made once.
	lower struct {
		once                                  sync.Once
		hist, referral, future, target, after []string
	}
}

// wrongProgramCues returns r's cue lists in lower case (made on first use;
// safe for concurrent checks).
func (r *rule) wrongProgramCues() (hist, referral, future, target, after []string) {
	l := &r.lower
	l.once.Do(func() {
		l.hist, l.referral, l.future = lowerAll(r.spec.HistoryCues), lowerAll(r.spec.ReferralCues), lowerAll(r.spec.FutureCues)
		l.target, l.after = lowerAll(r.spec.TargetCues), lowerAll(r.spec.AfterCues)
	})
	return l.hist, l.referral, l.future, l.target, l.after
}

// NewEngine builds the engine from the built-in rules, the user's rule
// files in cfg.Rules.Dir and the actions in cfg.Rules.Actions. A nil cfg
// means config.Default(). Errors name the rule file and rule.
func NewEngine(cfg *config.Config) (*Engine, error) {
	if cfg == nil {
		cfg = config.Default()
	}
	set, err := LoadRules(cfg.Rules.Dir)
	if err != nil {
		return nil, err
	}
	return NewEngineWithRules(cfg, set)
}

// NewEngineWithRules builds the engine from an already loaded rule set.
func NewEngineWithRules(cfg *config.Config, set *RuleSet) (*Engine, error) {
	e, _, err := newEngine(cfg, set, prefixIndex())
	return e, err
}

// newEngine builds the engine, taking what it can from index (see
// prefixindex.go); it returns the pattern compiler too, for tests.
func newEngine(cfg *config.Config, set *RuleSet, index map[uint64]indexed) (*Engine, *patternCompiler, error) {
	e := &Engine{cfg: cfg, set: set, byID: map[string]*rule{}}
	pc := &patternCompiler{concepts: set.Concepts, program: programToken(cfg), cache: map[string]string{}, ids: prefixIDs{}, eager: set.User, index: index}
	compileAll := func(r *RuleSpec, what string, srcs []string) ([]*pattern, error) {
		var out []*pattern
		for i, s := range srcs {
			for _, b := range pc.branches(s) {
				p, err := pc.compilePattern(b)
				if err != nil {
					return nil, fmt.Errorf("%s: rule %q: %s %d: %v", r.Source, r.ID, what, i+1, err)
				}
				out = append(out, p)
			}
		}
		return out, nil
	}
	var err error
	for i := range set.Rules {
		spec := &set.Rules[i]
		act, _ := ParseAction(spec.Action)
		if a, ok := cfg.Rules.Actions[spec.ID]; ok {
			act, _ = ParseAction(a)
		}
		r := &rule{spec: spec, action: act}
		if r.patterns, err = compileAll(spec, "pattern", spec.Patterns); err != nil {
			return nil, nil, err
		}
		if r.unless, err = compileAll(spec, "unless", spec.Unless); err != nil {
			return nil, nil, err
		}
		if r.unlessNx, err = compileAll(spec, "unless_next", spec.UnlessNext); err != nil {
			return nil, nil, err
		}
		if r.skipIf, err = compileAll(spec, "skip_if", spec.SkipIf); err != nil {
			return nil, nil, err
		}
		if r.asked, err = compileAll(spec, "skip_if_asked", spec.SkipIfAsked); err != nil {
			return nil, nil, err
		}
		if len(spec.QuotedPatterns) > 0 {
			qp, err := compileAll(spec, "quoted_patterns", spec.QuotedPatterns)
			if err != nil {
				return nil, nil, err
			}
			if r.ifQuoted, err = compileAll(spec, "if_quoted", spec.IfQuoted); err != nil {
				return nil, nil, err
			}
			r.quoted = &rule{spec: spec, action: r.action, patterns: qp, unless: r.unless}
		}

		for _, cue := range spec.WindowCue {
			if w := cueWord(cue); w != "" {
				r.cues.words = append(r.cues.words, cue)
				r.cues.ids = append(r.cues.ids, pc.ids.ids([]string{w})...)
			} else {
				r.cues.other = append(r.cues.other, cue)
			}
		}
		switch spec.Kind {
		case "update-limit":
			if e.updates, err = compileAll(spec, "update_patterns", spec.UpdatePatterns); err == nil {
				e.frequent, err = compileAll(spec, "frequent_patterns", spec.FrequentPatterns)
			}
			if err == nil {
				e.again, err = compileAll(spec, "again_patterns", spec.AgainPatterns)
			}
			if err == nil && spec.UpdateSubject != "" {
				if e.updSubj, err = regexp.Compile(spec.UpdateSubject); err != nil {
					err = fmt.Errorf("%s: rule %q: update_subject: %v", spec.Source, spec.ID, err)
				}
			}
		case "late-thank-you":
			e.thanks, err = compileAll(spec, "thanks_patterns", spec.ThanksPatterns)
		case "unprompted-attachments":
			e.requests, err = compileAll(spec, "requests", spec.Requests)
		case "placeholder":
			e.slots = newSlotFinder(spec.SlotWords, spec.SlotStarters, spec.SlotNotes)
		}
		if err != nil {
			return nil, nil, err
		}
		e.rules = append(e.rules, r)
		e.byID[spec.ID] = r
	}
	for id := range cfg.Rules.Actions {
		if e.byID[id] == nil {
			return nil, nil, fmt.Errorf("%s: rules.actions: no rule %q; `matchguard rules` lists them", cfg.Path, id)
		}
	}
	if e.negation, err = wordAlternation(set.Concepts["negation"]); err != nil {
		return nil, nil, fmt.Errorf("concept negation: %v", err)
	}
	if e.notNeg, err = wordAlternation(set.Concepts["not_negation"]); err != nil {
		return nil, nil, fmt.Errorf("concept not_negation: %v", err)
	}
	if e.slots == nil {
		e.slots = newSlotFinder(nil, nil, nil)
	}
	pc.finish()
	e.clauses = pc.clauses
	e.ids = pc.ids.trie(len(pc.sets))
	e.names = newNameIndex(cfg)
	return e, pc, nil
}

// Rules returns the rule set the engine was built from, with each rule's
// effective action.
func (e *Engine) Rules() []RuleInfo {
	out := make([]RuleInfo, 0, len(e.rules))
	for _, r := range e.rules {
		out = append(out, RuleInfo{ID: r.spec.ID, Kind: r.spec.Kind, Action: r.action, Title: r.spec.Title,
			Why: r.spec.Why, Suggestion: r.spec.Suggestion, Source: r.spec.Source})
	}
	return out
}

// RuleInfo describes a rule for people (`matchguard rules`).
type RuleInfo struct {
	ID         string `json:"id"`
	Kind       string `json:"kind"`
	Action     Action `json:"action"`
	Title      string `json:"title"`
	Why        string `json:"why"`
	Suggestion string `json:"suggestion"`
	Source     string `json:"source"`
}

// programToken is what {program} in a pattern stands for: the run of
// programMark letters that markPrograms writes over every program name in
// the text the rules read; with no programs configured, nothing.
func programToken(cfg *config.Config) string {
	if len(cfg.Programs) == 0 {
		return `\x00never\x00`
	}
	return string(programMark) + string(programMark) + "+"
}

func wordAlternation(list []string) (*regexp.Regexp, error) {
	if len(list) == 0 {
		return regexp.MustCompile(`\x00never\x00`), nil
	}
	var words, inner []string
	for _, w := range list {
		q := strings.ReplaceAll(regexp.QuoteMeta(strings.ToLower(w)), " ", `\s+`)
		if strings.HasPrefix(w, "n't") || strings.HasPrefix(w, "n’t") {
			inner = append(inner, q)
		} else {
			words = append(words, q)
		}
	}
	expr := `(?:^|[^\w])(?:` + strings.Join(words, "|") + `)(?:[^\w]|$)`
	if len(inner) > 0 {
		expr += `|(?:` + strings.Join(inner, "|") + `)(?:[^\w]|$)`
	}
	return regexp.Compile(expr)
}

// doc is a message prepared for the rules: the own words, lower-cased
// (ASCII only, so offsets stay), split into sentences.
type doc struct {
	ix          *docIndex // word prefixes of text and subject
	text, lower string
	// norm and subjNorm are lower and subjLower with program names
	// overwritten (markPrograms): what the phrase rules read.
	norm, subjNorm string
	sents          []span
	subject        string
	subjLower      string
	// names and subjNames are the program and people names in text and
	// subject.
	names, subjNames nameHits
	// origText and origSubject are what she typed, before texting forms
	// were written out; textBack and subjBack map offsets in text and
	// subject back to them (nil where nothing was written out).
	origText, origSubject string
	textBack, subjBack    []int
}

// restore points the body and subject findings at what she typed: their
// offsets, and their excerpts where taken from the matched text.
func (d *doc) restore(fs []Finding) {
	for i := range fs {
		f := &fs[i]
		text, orig, back := d.text, d.origText, d.textBack
		if f.Field == "subject" {
			text, orig, back = d.subject, d.origSubject, d.subjBack
		} else if f.Field != "body" {
			continue
		}
		if back == nil || f.Start < 0 || f.End < f.Start || f.End > len(text) {
			continue
		}
		s, e := back[f.Start], back[f.End]
		if f.Excerpt == excerpt(text[f.Start:f.End]) {
			f.Excerpt = excerpt(orig[s:e])
		}
		f.Start, f.End = s, e
	}
}

// textSpeak are the short forms of a message typed on a phone, read as the
// words the patterns are written in ("ur my #1 if im yours?"). Only in
// lower case, and only where they cannot be another word: "ill" and "id"
// only before a verb ("ill be ranking", "id love to").
var textSpeak = map[string]string{
	"u": "you", "ur": "your", "r": "are", "im": "i'm", "ive": "i've", "pls": "please", "plz": "please",
	"thx": "thanks", "abt": "about", "cant": "can't", "wont": "won't", "dont": "don't", "def": "definitely",
	"ill": "i'll", "id": "i'd",
	"thurs": "thursday", "tues": "tuesday", "weds": "wednesday", "tmrw": "tomorrow", "fri": "friday",
	"u'll": "you'll", "u're": "you're", "u've": "you've", "u'd": "you'd", "urs": "yours",
}

// textSpeakFirst marks the first bytes of textSpeak's words (all are
// five bytes or shorter).
var textSpeakFirst = firstBytes(textSpeak)

// firstBytes marks the first byte of each key of m.
func firstBytes(m map[string]string) (t [256]bool) {
	for k := range m {
		if len(k) > 5 {
			panic("analyzer: a text-speak word longer than five bytes: " + k)
		}
		t[k[0]] = true
	}
	return t
}

// urYoure are the words after which "ur" is "you're", not "your" ("ur my
// #1", "ur the best").
var urYoure = map[string]bool{
	"my": true, "a": true, "an": true, "the": true, "so": true, "not": true, "going": true, "gonna": true,
	"welcome": true, "right": true, "amazing": true, "definitely": true, "def": true, "still": true,
	"always": true, "really": true, "too": true, "very": true, "in": true, "on": true, "at": true,
}

var textSpeakVerbs = map[string]bool{
	"be": true, "rank": true, "put": true, "sign": true, "come": true, "send": true, "take": true, "make": true,
	"let": true, "need": true, "have": true, "do": true, "go": true, "keep": true, "love": true, "like": true,
	"always": true, "definitely": true, "def": true, "gladly": true, "happily": true, "accept": true, "list": true,
	"choose": true, "pick": true, "join": true, "never": true, "hate": true, "want": true, "really": true, "still": true,
}

// expandTextSpeak writes out the short forms of textSpeak in s. A text
// with none is returned as it is with a nil map; otherwise back[i] is the
// offset in s of byte i of the result (and back[len(result)] is len(s)),
// so that findings can point at, and quote, what she typed.
func expandTextSpeak(s string) (string, []int) {
	var b strings.Builder
	var back []int
	done := 0 // s[:done] is written to b
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && (isWordByte(s[j]) || s[j] == '\'') {
			j++
		}
		if long, ok := textSpeakAt(s, i, j); ok {
			if back == nil {
				b.Grow(len(s) + 16)
				back = make([]int, 0, len(s)+17)
			}
			b.WriteString(s[done:i])
			for k := done; k < i; k++ {
				back = append(back, k)
			}
			b.WriteString(long)
			for k := range len(long) {
				back = append(back, i+min(k, j-i-1))
			}
			done = j
		}
		i = j
	}
	if back == nil {
		return s, nil
	}
	b.WriteString(s[done:])
	for k := done; k <= len(s); k++ {
		back = append(back, k)
	}
	return b.String(), back
}

// textSpeakAt returns the long form of the word s[i:j] if it is a
// texting form here: a single letter not before a full stop ("u." may be
// an initial),
// "ill" and "id" only before a verb, and "ur" as "you're" before what
// describes her reader.
func textSpeakAt(s string, i, j int) (string, bool) {
	// (Most words cannot be one: too long, or a first letter none starts
	// with. A map lookup costs more than the test.)
	if j-i > 5 || j <= i || !textSpeakFirst[s[i]] {
		return "", false
	}
	long, ok := textSpeak[s[i:j]]
	if !ok || j-i == 1 && j < len(s) && s[j] == '.' {
		return "", false
	}
	next := ""
	if j < len(s) && s[j] == ' ' {
		e := j + 1
		for e < len(s) && isWordByte(s[e]) {
			e++
		}
		next = strings.ToLower(s[j+1 : e])
	}
	switch s[i:j] {
	case "ill", "id":
		return long, textSpeakVerbs[next]
	case "ur":
		if urYoure[next] {
			return "you're", true
		}
	}
	return long, true
}

// spellingVariants maps the spellings the patterns do not list onto the
// ones they do, keeping every byte offset (the replacement is padded or
// of the same length): British spellings, and "number-one" written with a
// hyphen ("my number‑one choice", its U+2011 made "-" by Parse).
var spellingVariants = strings.NewReplacer("programmes", "programs  ", "programme", "program  ", "number-one", "number one")

func (e *Engine) newDoc(text, subject string) *doc {
	origText, origSubject := text, subject
	text, textBack := expandTextSpeak(text)
	subject, subjBack := expandTextSpeak(subject)
	d := &doc{origText: origText, origSubject: origSubject, textBack: textBack, subjBack: subjBack, text: text, lower: asciiLower(text), subject: subject, subjLower: asciiLower(subject)}
	d.names = e.names.scan(text, d.lower)
	d.subjNames = e.names.scan(subject, d.subjLower)
	d.norm = spellingVariants.Replace(markSlotPrograms(e.names.markPrograms(d.lower, d.names)))
	d.subjNorm = spellingVariants.Replace(markSlotPrograms(e.names.markPrograms(d.subjLower, d.subjNames)))
	d.sents = sentences(text)
	d.ix = e.ids.index(d.norm, d.sents, d.subjNorm)
	return d
}

// reSlotProgram is an unfilled slot that stands for the program: "I will
// rank [Program Name] first" still promises a first place (lower case).
var reSlotProgram = regexp.MustCompile(`\[(?:program|program name|programme|institution|institution name|hospital|hospital name|school|residency program|fellowship program)\]|\{\{\s*(?:program|program_name|institution)\s*\}\}|\{(?:program|program_name|institution)\}|<(?:program|program name|institution)>|«(?:program|programname|institution)»|%(?:program|program_name|programname|institution)%`)

// markSlotPrograms writes the program's mark over slots that stand for it
// (the placeholder rule reads the original text).
func markSlotPrograms(norm string) string {
	// IndexAny is fast only on an ASCII set: '«' is looked for apart.
	if !strings.ContainsAny(norm, "[{<%") && !strings.Contains(norm, "«") {
		return norm
	}
	return reSlotProgram.ReplaceAllStringFunc(norm, func(m string) string { return strings.Repeat(string(rune(programMark)), len(m)) })
}

// Check judges in. h may be nil (no history: the rules that need it are
// skipped). The error is only ever History's.
func (e *Engine) Check(in Input, h History) (Result, error) {
	m := in.Msg
	if m == nil {
		m = &Message{}
	}
	now := in.Now
	if now.IsZero() {
		now = m.Date
	}
	rcpts := in.Rcpts
	if rcpts == nil {
		rcpts = m.Recipients()
	}
	var res Result
	progs := e.cfg.ProgramsFor(rcpts)
	for _, p := range progs {
		res.Programs = append(res.Programs, p.Key)
	}
	var prog *config.Program
	if len(progs) > 0 {
		prog = progs[0]
		res.Program = prog.Key
	}
	c := &checkCtx{e: e, in: in, msg: m, now: now, h: h, prog: prog, progs: progs, res: &res}
	// Mail to no program is not ours to judge (it is relayed untouched).
	// Only with no programs configured at all is every message judged, as
	// there is no telling who is a program.
	if prog == nil && len(e.cfg.Programs) > 0 {
		res.Verdict = Pass
		return res, nil
	}
	c.d = e.newDoc(m.Own, m.Subject)
	defer e.ids.release(c.d.ix)

	// Facts come first: logic rules and the ledger need them.
	res.Facts.TopChoice = c.phraseMatches(e.byID["top-choice"]) != nil
	res.Facts.Update = c.anyMatch(e.updates, c.d.sents) || c.anyMatch(e.frequent, c.d.sents) ||
		e.updSubj != nil && e.updSubj.MatchString(m.Subject)
	res.Facts.ThankYou = c.isThankYou()
	res.Facts.Sketch = NewSketch(e.names.mask(m.Own))

	for _, r := range e.rules {
		if r.action == Off {
			continue
		}
		var err error
		if len(r.skipIf) > 0 && c.anyMatch(r.skipIf, c.d.sents) || len(r.asked) > 0 && c.quotedAsks(r.asked) {
			continue
		}
		switch r.spec.Kind {
		case "phrase":
			ms := c.phraseMatches(r)
			if len(ms) == 0 && r.quoted != nil && c.msg.Quoted != "" && c.quotedAsks(r.ifQuoted) {
				ms = c.phraseMatches(r.quoted)
				if r.spec.QuotedFirst {
					ms = c.openingOnly(ms)
				}
			}
			for _, f := range ms {
				if !c.yields(r, f) {
					c.add(r, f)
				}
			}
		case "placeholder":
			c.placeholder(r)
		case "wrong-program":
			c.wrongProgram(r)
		case "top-choice-duplicate":
			err = c.topChoiceDuplicate(r)
		case "mass-email":
			err = c.massEmail(r)
		case "update-limit":
			err = c.updateLimit(r)
		case "unprompted-attachments":
			c.attachments(r)
		case "late-thank-you":
			err = c.lateThankYou(r)
		}
		if err != nil {
			return res, fmt.Errorf("analyzer: %s: history: %w", r.spec.ID, err)
		}
	}
	c.d.restore(res.Findings)
	res.Verdict = Pass
	worst := 0
	for _, f := range res.Findings {
		if k := f.Action.rank(); k > worst {
			worst = k
		}
	}
	res.Verdict = [...]Verdict{Pass, VerdWarn, VerdHold, VerdBlk}[worst]
	return res, nil
}

// openingOnly keeps the matches in her opening sentence (after a
// salutation): a bare "yes" answers the question it stands under, and in
// a reply written between the quoted lines that may be another one.
func (c *checkCtx) openingOnly(ms []match) []match {
	first := -1
	for _, s := range c.d.sents {
		// "Dear Dr. Park," and a bare "Dr. Park,".
		sent := strings.TrimSpace(c.d.norm[s.start:s.end])
		if reSalutation.MatchString(sent) && len(sent) < 60 || len(sent) < 40 && strings.HasSuffix(sent, ",") {
			continue
		}
		first = s.start
		break
	}
	var out []match
	for _, m := range ms {
		if m.field == "body" && m.start == first {
			out = append(out, m)
		}
	}
	return out
}

// checkCtx is the state of one Check.
type checkCtx struct {
	e     *Engine
	in    Input
	msg   *Message
	now   time.Time
	h     History
	prog  *config.Program
	progs []*config.Program
	d     *doc
	res   *Result
	// matches caches phrase matches: top-choice is needed for the facts,
	// its own finding and the duplicate rule.
	matches map[*rule][]match
}

// match is a phrase match: where, in which text.
type match struct {
	field      string // body or subject
	start, end int    // the sentence
}

// phraseMatches returns the sentences (and the subject) where a phrase
// rule fires, at most three.
func (c *checkCtx) phraseMatches(r *rule) []match {
	if r == nil {
		return nil
	}
	if m, ok := c.matches[r]; ok {
		return m
	}
	m := c.findPhrases(r)
	if c.matches == nil {
		c.matches = map[*rule][]match{}
	}
	c.matches[r] = m
	return m
}

// findPhrases does phraseMatches' work, once per rule and message.
func (c *checkCtx) findPhrases(r *rule) []match {
	if r == nil || len(r.patterns) == 0 {
		return nil
	}
	var out []match
	// The subject is judged on its own: the bit it shares with sentences
	// past the 63rd only widens the candidates, never narrows them.
	cands := make([]uint64, len(r.patterns))
	any := uint64(0)
	pairs := uint64(0) // bit i: sentences i and i+1 hold the words of a pattern of several clauses
	for i, p := range r.patterns {
		if r.spec.Window >= 2 && len(p.clauses) >= 2 {
			var pp uint64
			cands[i], pp = p.candidatePairs(c.d.ix)
			pairs |= pp
		} else {
			cands[i] = p.candidates(c.d.ix)
		}
		any |= cands[i]
	}
	if any == 0 {
		return nil
	}
	try := func(field, lower string, s span, n int) bool {
		bit := sentenceBit(n)
		if n < 0 {
			bit = 1 << subjectBit
		}
		if any&bit == 0 {
			return false
		}
		sent := lower[s.start:s.end]
		ws := c.d.ix.sentenceWords(n)
		for i, p := range r.patterns {
			if cands[i]&bit == 0 {
				continue
			}
			lo, hi, ok := matchAll(p, sent, ws)
			if !ok {
				continue
			}
			if c.unlessHoldsAt(r, sent, n, lo, hi) || !p.negationProof && c.e.negated(r.spec.Negation, sent, lo, hi) {
				continue
			}
			if n >= 0 && len(r.unlessNx) > 0 && n+1 < len(c.d.sents) {
				ns := c.d.sents[n+1]
				if c.anyPossible(r.unlessNx, lower[ns.start:ns.end], n+1) {
					continue
				}
			}
			out = append(out, match{field, s.start, s.end})
			return true
		}
		return false
	}
	for i, s := range c.d.sents {
		if !try("body", c.d.norm, s, i) && r.spec.Window >= 2 && i+1 < len(c.d.sents) {
			// (sentences past the 62nd share bits: always tried)
			if pairs&sentenceBit(i) == 0 && i+1 < subjectBit {
				continue
			}
			c.tryPair(r, i, &out)
		}
		if len(out) >= 3 {
			break
		}
	}
	// A reply's subject is the thread's ("Re: Northgate is my first
	// choice" quotes her earlier letter): not her new words.
	if c.d.subjNorm != "" && len(out) < 3 && !(reReplySubject.MatchString(c.msg.Subject) && strings.TrimSpace(c.msg.Quoted) != "") {
		try("subject", c.d.subjNorm, span{0, len(c.d.subjNorm)}, -1)
	}
	return out
}

// tryPair tries r's patterns on sentences i and i+1 read as one (rules
// with window = 2).
func (c *checkCtx) tryPair(r *rule, i int, out *[]match) {
	a, b := c.d.sents[i], c.d.sents[i+1]
	// (asked only of the pairs whose words could match: few)
	if len(r.spec.WindowCue) > 0 && !c.hasWindowCue(r, i+1) {
		return
	}
	bits := sentenceBit(i) | sentenceBit(i+1)
	text := c.d.norm[a.start:b.end]
	ws := append([]word(nil), c.d.ix.sentenceWords(i)...)
	for _, w := range c.d.ix.sentenceWords(i + 1) {
		w.start += b.start - a.start
		w.end += b.start - a.start
		ws = append(ws, w)
	}
	first := c.d.norm[a.start:a.end]
	firstWords := c.d.ix.sentenceWords(i)
	second := c.d.norm[b.start:b.end]
	secondWords := c.d.ix.sentenceWords(i + 1)
	for _, p := range r.patterns {
		// Only patterns of several clauses can gain from a second sentence,
		// and their first clause must stand in the first one; a pattern
		// the second sentence holds on its own is found there.
		if len(p.clauses) < 2 || !p.possibleIn(c.d.ix, bits) || p.clauses[0].find(first, firstWords) == nil {
			continue
		}
		if _, _, ok := matchAll(p, second, secondWords); ok {
			continue
		}
		// (an exception is looked for in each sentence with its own words:
		// the index anchors a sentence's patterns at its words only; the
		// first sentence's may be taken back by a "but" in the second)
		lo, hi, ok := matchAll(p, text, ws)
		if !ok || c.unlessHoldsIn(r, first, i, text) || c.unlessHolds(r, second, i+1) || !p.negationProof && c.e.negated(r.spec.Negation, text, lo, hi) {
			continue
		}
		*out = append(*out, match{"body", a.start, b.end})
		return
	}
}

// hasWindowCue reports whether sentence n holds one of r's window cues.
// A cue that starts with a word is looked for only in sentences where a
// word starts with the first letters of its longest word (the document
// index knows them); the others ("?") in every sentence asked about.
func (c *checkCtx) hasWindowCue(r *rule, n int) bool {
	s := c.d.sents[n]
	sent := c.d.norm[s.start:s.end]
	if containsAnyOf(sent, r.cues.other) {
		return true
	}
	if len(r.cues.words) == 0 || n < subjectBit && c.d.ix.sentencesWith(r.cues.ids)&sentenceBit(n) == 0 {
		return false
	}
	return containsAnyOf(sent, r.cues.words)
}

// cueWord returns the prefix of a cue's longest word, or "" when the cue
// starts with no word ("?"). A word after the first always starts a word
// of the text that holds the cue; the first, of a whole-word cue.
func cueWord(cue string) string {
	fs := strings.Fields(strings.ToLower(cue))
	if len(fs) == 0 || literalWord([]rune(fs[0])) == "" {
		return ""
	}
	best := ""
	for _, f := range fs {
		if w := literalWord([]rune(f)); len(w) >= len(best) {
			best = w
		}
	}
	return best
}

// containsAnyOf reports whether s contains one of the phrases.
func containsAnyOf(s string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// matchAll reports whether every clause matches s; lo and hi bound the
// first clause's match, the one a negation is looked for around.
func matchAll(p *pattern, s string, ws []word) (lo, hi int, ok bool) {
	for i, c := range p.clauses {
		loc := c.find(s, ws)
		if loc == nil {
			return 0, 0, false
		}
		if i == 0 {
			lo, hi = loc[0], loc[1]
		}
	}
	return lo, hi, true
}

// anyPattern reports whether one of the patterns matches s, a text not
// part of the checked message's own words (quoted text).
func (e *Engine) anyPattern(ps []*pattern, s string) bool {
	ix := e.ids.index(s, []span{{0, len(s)}}, "")
	defer e.ids.release(ix)
	for _, p := range ps {
		if p.candidates(ix)&1 == 0 {
			continue
		}
		if _, _, ok := matchAll(p, s, ix.sentenceWords(0)); ok {
			return true
		}
	}
	return false
}

func (c *checkCtx) anyMatch(ps []*pattern, sents []span) bool {
	_, _, ok := c.sentenceMatching(ps, sents)
	return ok
}

// sentenceMatching returns the first of sents, or else the subject, that
// one of the patterns matches: its field ("body" or "subject") and span.
func (c *checkCtx) sentenceMatching(ps []*pattern, sents []span) (field string, at span, ok bool) {
	for i, s := range sents {
		if c.anyPossible(ps, c.d.norm[s.start:s.end], i) {
			return "body", s, true
		}
	}
	if c.d.subjNorm != "" && c.anyPossible(ps, c.d.subjNorm, -1) {
		return "subject", span{0, len(c.d.subject)}, true
	}
	return "", span{}, false
}

// quotedAsks reports whether a sentence of the quoted message (what the
// applicant answers) matches one of the patterns.
func (c *checkCtx) quotedAsks(ps []*pattern) bool {
	// Read the quote as prose: "could you reply\n> with an updated CV".
	q := reQuoteMarks.ReplaceAllString(asciiLower(c.msg.Quoted), "\n")
	sents := sentences(q)
	for i, s := range sents {
		// ("Your file is complete; there is no need to send additional
		// documents" asks for none.)
		if reNoNeedToSend.MatchString(q[s.start:s.end]) {
			continue
		}
		if c.e.anyPattern(ps, q[s.start:s.end]) {
			return true
		}
		// A request that ends in a colon goes on in the list under it
		// ("Could you reply with:" / "1. an updated CV (PDF), and").
		if strings.HasSuffix(q[s.start:s.end], ":") {
			end := s.end
			for j := i + 1; j < len(sents) && j <= i+6 && isListStart(q[sents[j].start:]); j++ {
				end = sents[j].end
			}
			if list := q[s.start:end]; end > s.end && !reNoNeedToSend.MatchString(list) && c.e.anyPattern(ps, strings.Join(strings.Fields(list), " ")) {
				return true
			}
		}
	}
	return false
}

// reQuoteMarks are the ">" marks that open quoted lines.
var reQuoteMarks = regexp.MustCompile(`\n[ \t]*(?:>[ \t]?)+`)

// unlessHolds reports whether one of a rule's unless patterns matches
// sentence n (s). An unless followed by "but" does not hold: "I know you
// can't say much, but could you tell me where I stand?" still asks; nor
// does one followed by a colon and a question ("One question I did not get
// to ask: where would I fall on your list?") or a condition on the lists
// ("I know rank lists are made independently, so I'll simply say this: if
// the committee does rank me to match, I would put Harbor Valley first").
// A rule whose meaning is a question (RuleSpec.Question) is not taken back
// by such a condition: it asks nothing.
func (c *checkCtx) unlessHolds(r *rule, s string, n int) bool {
	return c.unlessHoldsIn(r, s, n, s)
}

// unlessHoldsAt is unlessHolds for a rule whose words matched s[lo:hi]. An
// exception whose own words take in the whole match holds whatever follows
// it: in "The 6:10 PM flight is my first choice, but if winter weather
// cancels it, would the program allow me to join by Zoom?" the "but" goes
// on to a question the rule's words are not part of.
func (c *checkCtx) unlessHoldsAt(r *rule, s string, n, lo, hi int) bool {
	return c.firstMatchAt(r.unless, s, n, func(ulo, uhi int) bool {
		return ulo <= lo && hi <= uhi || c.unlessAccepts(r, s[uhi:])
	})
}

// unlessHoldsIn is unlessHolds for sentence n, s, read at the start of
// full (the sentence and the next, for a rule that reads two): a "but"
// after the exception may stand in either.
func (c *checkCtx) unlessHoldsIn(r *rule, s string, n int, full string) bool {
	return c.firstMatchAt(r.unless, s, n, func(_, hi int) bool { return c.unlessAccepts(r, full[hi:]) })
}

// unlessAccepts reports whether an exception holds given the words after
// it, rest: not when a "but" or a condition after it goes on to what the
// rule is about.
func (c *checkCtx) unlessAccepts(r *rule, rest string) bool {
	if !reButAfter.MatchString(rest) && (r.spec.Question || !reColonCondition.MatchString(rest)) {
		return true
	}
	return reButSheWill.MatchString(rest) || reButCourtesy.MatchString(rest)
}

// reButCourtesy is a "but" that only softens what came before ("… by
// Tuesday, so I can lock in the swap, but I completely understand if that's
// tight"), asking nothing more.
var reButCourtesy = regexp.MustCompile(`(?:^|[^\w])(?:but|however),?\s+i (?:\w+ )?(?:understand|appreciate|realize|realise|know|recognize|recognise)\b[^?]*$`)

// reButSheWill is a "but" that only goes on to her own errand ("I will be
// slow to reply this week, but I will send the data dictionary by the end
// of the month"), not to a question or a demand.
var reButSheWill = regexp.MustCompile(`(?:^|[^\w])(?:but|however),?\s+i(?:'ll|’ll| will| can| shall) (?:still |also |then )?(?:send|share|forward|submit|email|e-mail|write|follow up|finish|complete|upload|prepare|bring)\b[^?]*$`)

var reButAfter = regexp.MustCompile(`(?:^|[^\w])(?:but|however)[^\w].*(?:\?|\b(?:could|would|can|will|please|tell|let|wonder|curious|share|if|i'll|i’ll|i'd|i’d|know|need|want|promise|rank\w*|list|match\w*|guarantee|offer|first|top|commit\w*))|(?::|\s[-–—])\s*\S.*\b(?:rank\w*|list|lists|stand|standing|fall|sit|land|match\w*|first|top|choice|position|spot|offer\w*|commit\w*|where|place|chances?|odds|likely|interested|intentions?|plans?|decid\w*|elsewhere|other programs?)\b.*\?`)

// reColonCondition is a condition on the lists after a colon or a dash
// ("… so I'll simply say this: if the committee does rank me to match, I
// would put Harbor Valley first"): it takes back an exception before it.
var reColonCondition = regexp.MustCompile(`(?::|\s[-–—])\s*(?:if|should|as long as|provided|once|whenever)\b.*\b(?:first|top|rank\w*|#1|number one|mine)`)

// anyPossible reports whether one of the patterns matches s, sentence n of
// the checked text (-1: the subject), skipping the patterns its words rule
// out.
func (c *checkCtx) anyPossible(ps []*pattern, s string, n int) bool {
	return c.firstMatchAt(ps, s, n, nil)
}

// firstMatchAt reports whether one of the patterns matches s, sentence n
// of the checked text (-1: the subject), and accept (when set) takes the
// match's first-clause span; patterns the sentence's words rule out are
// skipped.
func (c *checkCtx) firstMatchAt(ps []*pattern, s string, n int, accept func(lo, hi int) bool) bool {
	bit := sentenceBit(n)
	if n < 0 {
		bit = 1 << subjectBit
	}
	ws := c.d.ix.sentenceWords(n)
	for _, p := range ps {
		if p.candidates(c.d.ix)&bit == 0 {
			continue
		}
		if lo, hi, ok := matchAll(p, s, ws); ok && (accept == nil || accept(lo, hi)) {
			return true
		}
	}
	return false
}

// negated reports whether a negation stands in the few words before the
// match or inside it ("I am not asking where I stand", "I will not rank").
func (e *Engine) negated(mode, sent string, lo, hi int) bool {
	switch mode {
	case "off":
		return false
	case "before":
		hi = lo
	}
	from := lo - 36
	if from < 0 {
		from = 0
	}
	// Do not reach back over a clause boundary: punctuation, or "but"
	// ("Not trying to be rude, but if I don't hear …").
	if k := strings.LastIndexAny(sent[from:lo], ",;:—–"); k >= 0 {
		from += k + 1
	}
	if k := strings.LastIndex(sent[from:lo], " but "); k >= 0 {
		from += k + 5
	}
	// A dash between spaces starts a new clause too ("fine if you can't
	// say - do you know if…").
	if k := strings.LastIndex(sent[from:lo], " - "); k >= 0 {
		from += k + 3
	}
	region := sent[from:hi]
	region = e.notNeg.ReplaceAllStringFunc(region, func(m string) string { return strings.Repeat(" ", len(m)) })
	return e.negation.MatchString(region)
}

// yields reports whether a finding of one of r's yield_to rules already
// covers the match's sentence.
func (c *checkCtx) yields(r *rule, m match) bool {
	for _, id := range r.spec.YieldTo {
		for _, f := range c.res.Findings {
			if f.Rule == id && f.Field == m.field && f.Start == m.start {
				return true
			}
		}
	}
	return false
}

// add records a phrase finding for a match.
func (c *checkCtx) add(r *rule, m match) {
	text := c.d.text
	if m.field == "subject" {
		text = c.d.subject
	}
	c.res.Findings = append(c.res.Findings, Finding{
		Rule: r.spec.ID, Action: r.action,
		Message:    c.fill(r.spec.Why, nil),
		Excerpt:    excerpt(text[m.start:m.end]),
		Suggestion: c.fill(r.spec.Suggestion, nil),
		Field:      m.field, Start: m.start, End: m.end,
	})
}

// addWhole records a finding about the message as a whole.
func (c *checkCtx) addWhole(r *rule, field, exc string, start, end int, vars map[string]string) {
	c.res.Findings = append(c.res.Findings, Finding{
		Rule: r.spec.ID, Action: r.action,
		Message:    c.fill(r.spec.Why, vars),
		Excerpt:    excerpt(exc),
		Suggestion: c.fill(r.spec.Suggestion, vars),
		Field:      field, Start: start, End: end,
	})
}

// fill replaces {program} and other {vars} in a rule's text.
func (c *checkCtx) fill(s string, vars map[string]string) string {
	name := "the program"
	if c.prog != nil {
		name = programName(c.prog)
	}
	s = strings.ReplaceAll(s, "{program}", name)
	for k, v := range vars {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return strings.TrimSpace(s)
}

func programName(p *config.Program) string {
	if p.Institution != "" {
		return p.Institution
	}
	return p.Name
}

// excerpt collapses white space and keeps at most 240 characters.
func excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 240 {
		s = string(r[:237]) + "…"
	}
	return s
}
