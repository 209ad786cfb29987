package analyzer

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

//go:embed rules/*.toml
var builtinRules embed.FS

// RuleSpec is one rule as written in a rules file. Phrase rules are judged
// by their patterns; other kinds name logic in Go and carry parameters.
type RuleSpec struct {
	ID         string `toml:"id"`
	Kind       string `toml:"kind"` // "phrase" (default) or the logic's name
	Action     string `toml:"action"`
	Title      string `toml:"title"`
	Why        string `toml:"why"`
	Suggestion string `toml:"suggestion"`
	// Phrase rules.
	Patterns []string `toml:"patterns"`
	Unless   []string `toml:"unless"`
	// YieldTo names rules that, having fired on the same sentence, make
	// this one redundant (an exchange offer is not also a top-choice note).
	YieldTo []string `toml:"yield_to"`
	// Negation says where a negation cancels a match: "around" (default:
	// a few words before the match or inside it), "before" (only before
	// it, for rules whose patterns contain negations) or "off".
	Negation string `toml:"negation"`
	// Question marks a rule whose meaning is a question (rank-solicitation):
	// a condition after a colon then takes back none of its exceptions, as
	// it does other rules' ("I want you to know where I stand: if St.
	// Brendan's ranks me, I'm coming" tells; binding-commitment judges it).
	Question bool `toml:"question"`
	// Window 2 lets a pattern's clauses match across two neighbouring
	// sentences ("They make early offers. Could I be considered?").
	Window int `toml:"window"`
	// WindowCue, when set, lists words one of which must occur in the
	// second sentence of a window (it is where the ask is).
	WindowCue []string `toml:"window_cue"`
	// UnlessNext patterns, matched against the sentence right after a
	// match, take the match back: "they want an answer by the 27th. No
	// action needed on your end at all, just being transparent."
	UnlessNext []string `toml:"unless_next"`
	// SkipIf patterns, matched against each sentence of the applicant's
	// words, keep the rule from running at all (an answer to the program's
	// own question is not oversharing).
	SkipIf []string `toml:"skip_if"`
	// SkipIfAsked patterns, matched against each sentence of the quoted
	// message the applicant answers, keep the rule from running: a gap the
	// program asked her to explain may be explained.
	SkipIfAsked []string `toml:"skip_if_asked"`
	// QuotedPatterns fire the rule on the applicant's words only when one
	// of IfQuoted matches a sentence of the quoted message she answers:
	// "I am delighted to accept the position" under a program's offer
	// made outside the Match.
	QuotedPatterns []string `toml:"quoted_patterns"`
	IfQuoted       []string `toml:"if_quoted"`
	// QuotedFirst counts QuotedPatterns only in her opening sentence: a
	// bare "yes" answers the quoted question only where it opens the reply.
	QuotedFirst bool `toml:"quoted_first"`
	// Logic rules' parameters.
	SlotWords        []string `toml:"slot_words"`
	SlotStarters     []string `toml:"slot_starters"`
	SlotNotes        []string `toml:"slot_notes"`
	HistoryCues      []string `toml:"history_cues"`
	TargetCues       []string `toml:"target_cues"`
	FutureCues       []string `toml:"future_cues"`
	ReferralCues     []string `toml:"referral_cues"`
	AfterCues        []string `toml:"after_cues"`
	GenericGreetings []string `toml:"generic_greetings"`
	Similarity       float64  `toml:"similarity"`
	UpdatePatterns   []string `toml:"update_patterns"`
	MaxUpdates       int      `toml:"max_updates"`
	MinDaysBetween   int      `toml:"min_days_between"`
	FrequentPatterns []string `toml:"frequent_patterns"`
	AgainPatterns    []string `toml:"again_patterns"`
	UpdateSubject    string   `toml:"update_subject"`
	CVWords          []string `toml:"cv_words"`
	Prompted         []string `toml:"prompted"`
	Requests         []string `toml:"requests"`
	MaxDocuments     int      `toml:"max_documents"`
	ThanksPatterns   []string `toml:"thanks_patterns"`
	GraceHours       int      `toml:"grace_hours"`

	// Source is the file the rule came from ("builtin:outgoing.toml" or a path).
	Source string `toml:"-"`
}

// RuleFile is the shape of a rules file: concepts and rules.
type RuleFile struct {
	Concepts map[string][]string `toml:"concepts"`
	Rules    []RuleSpec          `toml:"rule"`
}

// RuleSet is the built-in rules with the user's files laid over them: a
// user rule replaces the built-in rule of the same id, a user concept the
// built-in concept of the same name.
type RuleSet struct {
	Concepts map[string][]string
	Rules    []RuleSpec // in built-in order, then new user rules
	// User is set when a user's file was laid over the built-ins: its
	// expressions are then all compiled while the engine is built, so a
	// mistake in them is reported at once.
	User bool
}

// logicKinds are the rule kinds implemented in Go.
var logicKinds = map[string]bool{
	"placeholder": true, "wrong-program": true, "top-choice-duplicate": true, "mass-email": true,
	"update-limit": true, "unprompted-attachments": true, "late-thank-you": true,
}

// LoadRules reads the built-in rules and then every *.toml in userDir (an
// empty or missing userDir means built-ins only). A bad file is an error
// naming the file and the rule.
func LoadRules(userDir string) (*RuleSet, error) {
	rs := &RuleSet{Concepts: map[string][]string{}}
	names, _ := fs.Glob(builtinRules, "rules/*.toml")
	sort.Strings(names)
	// The built-in files decode side by side (the engine's build is
	// budgeted); they are added in order.
	decoded := make([]RuleFile, len(names))
	errs := make([]error, len(names))
	sideBySide(len(names), func(i int) {
		b, _ := builtinRules.ReadFile(names[i])
		decoded[i], errs[i] = decodeRuleFile("builtin:"+filepath.Base(names[i]), b)
	})
	for i, n := range names {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if err := rs.merge("builtin:"+filepath.Base(n), decoded[i]); err != nil {
			return nil, err
		}
	}
	if userDir == "" {
		return rs, nil
	}
	files, err := filepath.Glob(filepath.Join(userDir, "*.toml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("rules: %w", err)
		}
		if err := rs.add(f, b); err != nil {
			return nil, err
		}
		rs.User = true
	}
	return rs, nil
}

func (rs *RuleSet) add(source string, b []byte) error {
	f, err := decodeRuleFile(source, b)
	if err != nil {
		return err
	}
	return rs.merge(source, f)
}

// decodeRuleFile decodes a rules file strictly: a syntax error names its
// line, an unknown key is an error. A large file is cut before its
// [[rule]] tables into pieces decoded side by side; any doubt (a piece
// that fails, concepts in more than one piece) decodes it whole instead,
// so the result and the errors are those of one decode.
func decodeRuleFile(source string, b []byte) (RuleFile, error) {
	if pieces := ruleFilePieces(string(b), runtime.GOMAXPROCS(0)); len(pieces) > 1 {
		parts := make([]RuleFile, len(pieces))
		errs := make([]error, len(pieces))
		sideBySide(len(pieces), func(i int) { parts[i], errs[i] = decodeRuleText(source, pieces[i]) })
		var f RuleFile
		ok := true
		for i := range parts {
			if errs[i] != nil || parts[i].Concepts != nil && f.Concepts != nil {
				ok = false
				break
			}
			if parts[i].Concepts != nil {
				f.Concepts = parts[i].Concepts
			}
			f.Rules = append(f.Rules, parts[i].Rules...)
		}
		if ok {
			return f, nil
		}
	}
	return decodeRuleText(source, string(b))
}

// sideBySide runs f(0) … f(n-1) each on its own goroutine and waits for
// them all.
func sideBySide(n int, f func(i int)) {
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(i)
		}()
	}
	wg.Wait()
}

// ruleFilePieces cuts src into at most n pieces of about equal size, each
// cut just before a line "[[rule]]"; nil when the file is small or has no
// such lines to cut at.
func ruleFilePieces(src string, n int) []string {
	const minPiece = 64 << 10
	if n < 2 || len(src) < 2*minPiece {
		return nil
	}
	n = min(n, len(src)/minPiece)
	var pieces []string
	start := 0
	for k := 1; k < n; k++ {
		at := strings.Index(src[max(start, len(src)*k/n):], "\n[[rule]]")
		if at < 0 {
			break
		}
		cut := max(start, len(src)*k/n) + at + 1
		pieces = append(pieces, src[start:cut])
		start = cut
	}
	if len(pieces) == 0 {
		return nil
	}
	return append(pieces, src[start:])
}

func decodeRuleText(source, src string) (RuleFile, error) {
	var f RuleFile
	md, err := toml.Decode(src, &f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return f, fmt.Errorf("%s:%d: %s", source, pe.Position.Line, strings.TrimPrefix(pe.Message, "toml: "))
		}
		return f, fmt.Errorf("%s: %v", source, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return f, fmt.Errorf("%s: unknown key %q", source, und[0].String())
	}
	return f, nil
}

// merge lays the rules and concepts of one decoded file over rs.
func (rs *RuleSet) merge(source string, f RuleFile) error {
	for name, list := range f.Concepts {
		rs.Concepts[name] = list
	}
	for _, r := range f.Rules {
		r.Source = source
		if r.ID == "" {
			return fmt.Errorf("%s: a rule has no id", source)
		}
		if r.Kind == "" {
			r.Kind = "phrase"
		}
		if r.Kind != "phrase" && !logicKinds[r.Kind] {
			return fmt.Errorf("%s: rule %q: unknown kind %q", source, r.ID, r.Kind)
		}
		if _, ok := ParseAction(r.Action); !ok {
			return fmt.Errorf("%s: rule %q: action %q: want block, hold, warn, note or off", source, r.ID, r.Action)
		}
		replaced := false
		for i := range rs.Rules {
			if rs.Rules[i].ID == r.ID {
				rs.Rules[i] = r
				replaced = true
			}
		}
		if !replaced {
			rs.Rules = append(rs.Rules, r)
		}
	}
	return nil
}

// Rule returns the rule with the given id, or nil.
func (rs *RuleSet) Rule(id string) *RuleSpec {
	for i := range rs.Rules {
		if rs.Rules[i].ID == id {
			return &rs.Rules[i]
		}
	}
	return nil
}

// patternCompiler turns the pattern language into regular expressions.
type patternCompiler struct {
	concepts map[string][]string
	program  string // what {program} stands for (programToken)
	cache    map[string]string
	prefixes map[string]indexed         // tokenPrefixes memo, by token: tokens repeat
	ids      prefixIDs                  // every prefix a pattern uses
	clauses  []*clauseRE                // every clause, to finish once all ids are known
	compiled map[string]*compiledClause // clauses shared by branches compile once
	sets     idSets                     // need sets by their ids, numbered: patterns share many
	index    map[uint64]indexed         // answers worked out ahead (prefixindex.go)
	// eager compiles every clause while building, so a bad expression in
	// a user's rule file is an error then; built-in clauses are compiled
	// when first needed (TestBuiltinClausesCompile).
	eager bool
}

type compiledClause struct {
	cr    *clauseRE
	needs []needSet
}

// needSet is a set of prefix ids one of which a token needs, numbered so a
// check looks up which sentences hold it once however many patterns share
// it (about half of all sets are shared).
type needSet struct {
	n   int32 // its number, for docIndex's memo
	ids []int32
}

// needSet numbers ids as a set, the same number for the same ids.
func (pc *patternCompiler) needSet(ids []int32) needSet {
	n, _ := pc.sets.number(ids)
	return needSet{n: n, ids: ids}
}

// idSets numbers lists of ids: the same ids in the same order get the same
// number, counting from 0 (the draft check's need sets, the classifier's).
type idSets map[string]int32

// number returns ids' number, and whether this call gave it.
func (s *idSets) number(ids []int32) (int32, bool) {
	if *s == nil {
		*s = idSets{}
	}
	b := make([]byte, 0, 4*len(ids))
	for _, id := range ids {
		b = append(b, byte(id), byte(id>>8), byte(id>>16), byte(id>>24))
	}
	if n, ok := (*s)[string(b)]; ok {
		return n, false
	}
	n := int32(len(*s))
	(*s)[string(b)] = n
	return n, true
}

var loneConcept = regexp.MustCompile(`^\{([a-z_]+)\}$`)

// branches splits a pattern whose first clause is a lone concept ("{theirs}
// & {mine}") into one pattern per entry of the concept. Each branch then
// has its own first words and needed words, so the prefilter keeps far more
// sentences away from the expressions; the other clauses are shared.
func (pc *patternCompiler) branches(src string) []string {
	// A negation-proof pattern ("!{theirs} & …") branches the same way,
	// each branch keeping the mark.
	mark := ""
	if strings.HasPrefix(src, "!") {
		mark, src = "!", src[1:]
	}
	clauses := strings.Split(src, " & ")
	first := strings.TrimSpace(clauses[0])
	var alts []string
	if m := loneConcept.FindStringSubmatch(first); m != nil && m[1] != "program" {
		alts = pc.concepts[m[1]]
	}
	if len(alts) < 2 || len(alts) > 40 {
		return []string{mark + src}
	}
	rest := ""
	if len(clauses) > 1 {
		rest = " & " + strings.Join(clauses[1:], " & ")
	}
	out := make([]string, 0, len(alts))
	for _, a := range alts {
		// The entry keeps its meaning as one token: its spaces are spaces
		// ("_") and its gaps are gaps.
		a = conceptGap.ReplaceAllStringFunc(" "+strings.TrimSpace(a)+" ", func(g string) string {
			n := 6
			if m := conceptGap.FindStringSubmatch(g); m[1] != "" {
				fmt.Sscanf(m[1], "%d", &n)
			}
			return fmt.Sprintf("(?:[^\\w]+[\\w'’-]+){0,%d}?[^\\w]+", n)
		})
		out = append(out, mark+"(?:"+strings.ReplaceAll(strings.TrimSpace(a), " ", "_")+")"+rest)
	}
	return out
}

type prefixAnswer struct {
	set []string
	ok  bool
}

func (pc *patternCompiler) tokenPrefixes(expr string, start bool) ([]string, bool) {
	a, ok := pc.prefixes[expr]
	if !ok {
		if pc.prefixes == nil {
			pc.prefixes = make(map[string]indexed, len(pc.index)+64)
		}
		// Parse once and answer both questions: the caller asks both.
		if a, ok = pc.index[exprKey(expr)]; !ok {
			if re := parseToken(expr); re != nil {
				a.any.set, a.any.ok = prefixSet(re, false)
				a.first.set, a.first.ok = prefixSet(re, true)
			}
		}
		pc.prefixes[expr] = a
	}
	if start {
		return a.first.set, a.first.ok
	}
	return a.any.set, a.any.ok
}

var conceptRef = regexp.MustCompile(`\{([a-z_]+)\}`)

// braceWord is a word in braces: a concept's name when conceptRef matches
// it too, else a name no concept can have ("{Standing}", "{standing2}");
// "{3}" is a repetition and is no word.
var braceWord = regexp.MustCompile(`\{[A-Za-z][A-Za-z0-9_]*\}`)

// tokenEndsWord reports whether, in the clause toks, whatever follows
// token i is a non-word character or the end: so it is unless the next
// token that is not optional starts with a backslash or "#", which the
// clause lets follow with no separator ("\\d", "#1").
func tokenEndsWord(toks []string, i int) bool {
	for _, t := range toks[i+1:] {
		if strings.HasPrefix(t, "...") && gapToken.MatchString(t) {
			continue
		}
		if optionalToken(t) {
			continue // taken, it starts with a separator
		}
		return !gluedToken(t)
	}
	return true
}

// optionalToken reports whether a clause token is an optional group on
// its own, "(?:the |my )?", which takes its separator with it.
func optionalToken(t string) bool {
	return strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")?") && balancedGroup(t[:len(t)-1])
}

// gluedToken reports whether a clause token may follow the one before with
// no separator: punctuation or an escape ("\?", "#1", "\d").
func gluedToken(t string) bool {
	return strings.HasPrefix(t, `\`) || strings.HasPrefix(t, "#")
}

// resolveExact settles the maybeExact words of a token's prefix set:
// whole words when the token ends at a word's end, prefixes otherwise.
// set is not changed.
func resolveExact(set []string, atBoundary bool) []string {
	if !slices.ContainsFunc(set, func(p string) bool { return strings.HasSuffix(p, maybeExact) }) {
		return set
	}
	out := make([]string, len(set))
	for i, p := range set {
		if w, ok := strings.CutSuffix(p, maybeExact); ok {
			p = w
			if atBoundary {
				p += exactWord
			}
		}
		out[i] = p
	}
	return out
}

// expand replaces {name} references in a fragment (recursively, for
// concepts that refer to others) and turns spaces into \s+.
func (pc *patternCompiler) expand(frag string, depth int) (string, error) {
	if depth > 5 {
		return "", fmt.Errorf("concepts refer to each other too deeply")
	}
	if !strings.Contains(frag, "{") {
		return strings.ReplaceAll(strings.ReplaceAll(frag, " ?", `\s*`), " ", `\s+`), nil
	}
	for _, m := range braceWord.FindAllString(frag, -1) {
		if !conceptRef.MatchString(m) {
			return "", fmt.Errorf("concept names are lower-case letters and _: %s", m)
		}
	}
	var err error
	out := conceptRef.ReplaceAllStringFunc(frag, func(m string) string {
		name := m[1 : len(m)-1]
		if name == "program" {
			return "(?:" + pc.program + ")"
		}
		if v, ok := pc.cache[name]; ok {
			return v
		}
		list, ok := pc.concepts[name]
		if !ok {
			if err == nil {
				err = fmt.Errorf("unknown concept {%s}", name)
			}
			return m
		}
		parts := make([]string, 0, len(list))
		for _, alt := range list {
			alt = conceptGap.ReplaceAllStringFunc(alt, func(g string) string {
				n := 6
				if m := conceptGap.FindStringSubmatch(g); m[1] != "" {
					fmt.Sscanf(m[1], "%d", &n)
				}
				return fmt.Sprintf(`(?:[^\w]+[\w'’-]+){0,%d}?[^\w]+`, n)
			})
			x, e := pc.expand(alt, depth+1)
			if e != nil && err == nil {
				err = e
			}
			parts = append(parts, x)
		}
		v := "(?:" + strings.Join(parts, "|") + ")"
		pc.cache[name] = v
		return v
	})
	// " ?" is an optional space ("no\\.? ?1" matches "no.1"), not a
	// lazy run of at least one.
	return strings.ReplaceAll(strings.ReplaceAll(out, " ?", `\s*`), " ", `\s+`), err
}

// punctBranch reports whether s holds a group one of whose branches
// starts with escaped punctuation or "#": "(?:\?|whether)". It is the
// regular expression of TestPunctBranchAsRE written out, which an engine build
// would otherwise run over every clause's first token.
func punctBranch(s string) bool {
	opens := func(j int) bool { // a branch starting at s[j]
		return j < len(s) && s[j] == '#' || j+1 < len(s) && s[j] == '\\' && !isWordByte(s[j+1])
	}
	if strings.HasPrefix(s, "(?:") && opens(3) {
		return true
	}
	for i := 0; i < len(s); i++ {
		if (s[i] == '|' || s[i] == '(') && opens(i+1) {
			return true
		}
	}
	return false
}

var gapToken = regexp.MustCompile(`^\.\.\.(\d*)$`)

// gluedGap reports a gap glued to what comes before it ("(?:the )?...4"),
// which would read as three any-characters.
func gluedGap(t string) bool {
	for i := 1; i+3 <= len(t); i++ {
		if t[i:i+3] == "..." && t[i-1] != ' ' && t[i-1] != '\t' && t[i-1] != '.' {
			return true
		}
	}
	return false
}

// conceptGap is "..." or "...N" between words inside a concept entry.
var conceptGap = regexp.MustCompile(` \.\.\.(\d*) `)

// clause compiles one clause: tokens separated by spaces; "..." or "...N"
// skips up to 6 (N) words; "_" inside a token is a space. Consecutive
// tokens are separated by at least one non-word character, except before
// a token that starts with punctuation ("\?", "#").
func (pc *patternCompiler) clause(src string) (expr, head string, heads []headPart, sets [][]string, first []string, err error) {
	toks := splitTokens(src)
	var b strings.Builder
	// A clause must start at a word boundary, unless its first token is
	// punctuation ("\?" right after "match?").
	switch {
	case len(toks) > 0 && (strings.HasPrefix(toks[0], `\`) || strings.HasPrefix(toks[0], "#")):
		b.WriteString(`(`)
	case len(toks) > 0 && punctBranch(toks[0]):
		// Words or punctuation ("(?:\?|whether|tell me)"): \b lets "?"
		// follow a word, [^\w] lets a word follow a space.
		b.WriteString(`(?:^|[^\w]|\b)(`)
	default:
		b.WriteString(`(?:^|[^\w])(`)
	}
	gap := 0
	n := 0
	for ti, t := range toks {
		if strings.HasPrefix(t, "...") {
			if m := gapToken.FindStringSubmatch(t); m != nil {
				gap = 6
				if m[1] != "" {
					fmt.Sscanf(m[1], "%d", &gap)
				}
				continue
			}
		}
		if gluedGap(t) {
			// "(?:the )?...4" reads as one token whose dots match any three
			// characters: a gap must stand apart.
			return "", "", nil, nil, nil, fmt.Errorf("clause %q: %q: put a space before and after a gap (\"...\" or \"...N\")", src, t)
		}
		// A token that is an optional group on its own, "(?:the |my )?",
		// takes its separator with it, so "a (?:very )? b" also matches "a b".
		optional := n > 0 && optionalToken(t)
		if optional {
			t = strings.NewReplacer(" |", "|", " )", ")").Replace(t[:len(t)-1])
		}
		x, err := pc.expand(strings.ReplaceAll(t, "_", " "), 0)
		if err != nil {
			return "", "", nil, nil, nil, err
		}
		atBoundary := tokenEndsWord(toks, ti)
		if set, ok := pc.tokenPrefixes(x, false); ok && !optional {
			sets = append(sets, resolveExact(set, atBoundary))
		}
		if n == 0 {
			first, _ = pc.tokenPrefixes(x, true)
			first = resolveExact(first, atBoundary)
		}
		if optional {
			gap0 := gap
			if gap > 0 {
				fmt.Fprintf(&b, `(?:[^\w]+[\w'’-]+){0,%d}?`, gap)
				gap = 0
			}
			b.WriteString(`(?:[^\w]+(?:` + x + `))?`)
			if head == "" {
				heads = append(heads, headPart{node: gapNode(gap0)}, headPart{tok: x, opt: true})
			}
			continue
		}
		if n > 0 {
			if gap > 0 {
				fmt.Fprintf(&b, `(?:[^\w]+[\w'’-]+){0,%d}?`, gap)
			}
			if gluedToken(t) {
				b.WriteString(`[^\w]*`)
			} else {
				b.WriteString(`[^\w]+`)
			}
		}
		if head == "" && n > 0 {
			sep := sepPlus
			if gluedToken(t) {
				sep = sepStar
			}
			heads = append(heads, headPart{node: gapNode(gap)}, headPart{node: sep})
		}
		gap = 0
		b.WriteString("(?:" + x + ")")
		if head == "" {
			heads = append(heads, headPart{tok: x})
		}
		if n++; n == seqWords && head == "" {
			head = b.String() // enough to tell the words a match starts with
		}
	}
	b.WriteString(`)(?:[^\w]|$)`)
	if head == "" {
		head = b.String()
		heads = append(heads, headPart{node: wordEnd})
	}
	return b.String(), head, heads, sets, first, nil
}

// pattern is a compiled pattern: clauses that must all match in one
// sentence, and the word prefixes each needs (see prefilter.go).
type pattern struct {
	src     string // as written, for tests and debugging
	clauses []*clauseRE
	needs   []needSet // one prefix of each set must start a word
	// negationProof patterns ("!…") are not cancelled by a negation.
	negationProof bool
}

// clauseRE is one compiled clause. When its first token can only start
// with known word prefixes, the clause is tried anchored at the words that
// start with one of them, which is far cheaper than searching the sentence.
type clauseRE struct {
	src  string // as written in the rule
	expr string // (?:^|\W)(body)(?:\W|$), or ^(body)(?:\W|$) when anchored
	// The expression is compiled when first needed: the word filters keep
	// most clauses from ever running on most drafts.
	once       sync.Once
	re         *regexp.Regexp
	isAnchored bool
	firstIDs   []int32
	first      []uint64 // bit set of firstIDs, made once all ids are known
	firstSig   uint64   // idSig(firstIDs): skips words that cannot start a match
	// seqIDs are the word prefixes each token with a known word needs, in
	// the clause's order: one word per token, each after the one before.
	// A match cannot start after the latest word from which the sequence
	// can still be completed.
	seqIDs [][]int32
	seq    [][]uint64
	seqSig []uint64
	// starts are the words an anchored match must begin with (see
	// startseq.go); nil when they cannot be told. Like the expression, they
	// are worked out from the head (its first tokens, parsed then) when
	// first needed.
	starts     *startIndex
	head       []headPart
	startsOnce sync.Once
}

// headPart is one piece of a clause's head: a fixed node (a separator, a
// gap, the word end) or a token's expression, parsed when the start
// sequences are first needed.
type headPart struct {
	node *syntax.Regexp
	tok  string
	opt  bool // an optional token, with its separator: (?:[^\w]+tok)?
}

// headTree parses the head into one expression; nil when a token of it
// does not parse.
func headTree(parts []headPart) *syntax.Regexp {
	subs := make([]*syntax.Regexp, 0, len(parts))
	for _, p := range parts {
		if p.tok == "" {
			if p.node != nil {
				subs = append(subs, p.node)
			}
			continue
		}
		t := parseToken(p.tok)
		if t == nil {
			return nil
		}
		if p.opt {
			t = &syntax.Regexp{Op: syntax.OpQuest, Sub: []*syntax.Regexp{{Op: syntax.OpConcat, Sub: []*syntax.Regexp{sepPlus, t}}}}
		}
		subs = append(subs, t)
	}
	return &syntax.Regexp{Op: syntax.OpConcat, Sub: subs}
}

// startIndex returns the clause's start sequences, working them out on
// first use (safe for concurrent use).
func (c *clauseRE) startIndex() *startIndex {
	c.startsOnce.Do(func() {
		if c.head != nil {
			if tree := headTree(c.head); tree != nil {
				if seqs, ok := startSeqs(tree); ok {
					c.starts = newStartIndex(seqs)
				}
			}
			c.head = nil
		}
	})
	return c.starts
}

// compile compiles the clause's expression. Every token of it has been
// parsed while the rules were built, so it fails only on limits of the
// regexp package.
func (c *clauseRE) compile() (*regexp.Regexp, error) {
	re, err := regexp.Compile(c.expr)
	if err != nil {
		return nil, fmt.Errorf("clause %q: %v", c.src, err)
	}
	return re, nil
}

// never matches nothing: it stands for a clause that would not compile.
var never = regexp.MustCompile(`[^\x00-\x{10FFFF}]`)

// regexp returns the compiled expression, compiling it on first use. A
// clause that will not compile (checked when rules come from the user's
// files, see patternCompiler.eager) never matches.
func (c *clauseRE) regexp() *regexp.Regexp {
	c.once.Do(func() {
		var err error
		if c.re, err = c.compile(); err != nil {
			c.re = never
		}
	})
	return c.re
}

func hasID(set []uint64, id int32) bool {
	return id >= 0 && int(id>>6) < len(set) && set[id>>6]&(1<<(uint(id)&63)) != 0
}

// latestStart returns the last word at which a match can start: found
// from the end, the latest word holding the last token's word, before it
// the latest holding the one before, and so on (-1: nowhere).
func (c *clauseRE) latestStart(ws []word) int {
	j := len(ws)
	for k := len(c.seq) - 1; k >= 0; k-- {
		set, sig := c.seq[k], c.seqSig[k]
		found := -1
		for i := j - 1; i >= 0 && found < 0; i-- {
			if ws[i].sig&sig == 0 {
				continue
			}
			for _, id := range ws[i].ids {
				if hasID(set, id) {
					found = i
					break
				}
			}
		}
		if found < 0 {
			return -1
		}
		j = found
	}
	if len(c.seq) == 0 {
		return len(ws) - 1
	}
	return j
}

// startsAt reports whether a match may start at word i, judging by the
// clause's start sequences.
func (c *clauseRE) startsAt(s string, ws []word, i int) bool {
	ix := c.startIndex()
	return ix == nil || ix.startsAt(s, ws, i)
}

// find returns the position of the clause's body in s, whose words are ws.
func (c *clauseRE) find(s string, ws []word) []int {
	if !c.isAnchored {
		loc := c.regexp().FindStringSubmatchIndex(s)
		if loc == nil {
			return nil
		}
		return loc[2:4]
	}
	end := c.latestStart(ws) + 1
	for i, w := range ws[:end] {
		if w.sig&c.firstSig == 0 {
			continue
		}
		for _, id := range w.ids {
			if hasID(c.first, id) {
				if !c.startsAt(s, ws, i) {
					break
				}
				if loc := c.regexp().FindStringSubmatchIndex(s[w.start:]); loc != nil {
					return []int{w.start + loc[2], w.start + loc[3]}
				}
				break
			}
		}
	}
	return nil
}

// possibleIn reports whether the text of the sentences in bits holds the
// words every token needs (the needs may be met in different sentences).
func (p *pattern) possibleIn(ix *docIndex, bits uint64) bool {
	for _, set := range p.needs {
		if ix.sentencesNeed(set)&bits == 0 {
			return false
		}
	}
	return true
}

// candidates returns the sentences (as sentence bits) in which the
// pattern can match, judging by the words they contain.
func (p *pattern) candidates(ix *docIndex) uint64 {
	m := ^uint64(0)
	for _, set := range p.needs {
		if m &= ix.sentencesNeed(set); m == 0 {
			return 0
		}
	}
	return m
}

// candidatePairs returns candidates, and the sentences i (as bit i) that
// with sentence i+1 hold the words every token needs, for a pattern that
// may span two sentences.
func (p *pattern) candidatePairs(ix *docIndex) (single, pairs uint64) {
	single, pairs = ^uint64(0), ^uint64(0)
	for _, set := range p.needs {
		m := ix.sentencesNeed(set)
		single &= m
		if pairs &= m | m>>1; pairs == 0 {
			return 0, 0
		}
	}
	return single, pairs
}

// compilePattern compiles "clause & clause …".
func (pc *patternCompiler) compilePattern(src string) (*pattern, error) {
	p := &pattern{src: src}
	if strings.HasPrefix(src, "!") {
		p.negationProof, src = true, src[1:]
	}
	for _, c := range strings.Split(src, " & ") {
		c = strings.TrimSpace(c)
		if cc, ok := pc.compiled[c]; ok {
			p.clauses = append(p.clauses, cc.cr)
			p.needs = append(p.needs, cc.needs...)
			continue
		}
		expr, _, heads, sets, first, err := pc.clause(c)
		if err != nil {
			return nil, err
		}
		// A clause with a known first word is only ever tried anchored at
		// such words; the others are searched for.
		cr := &clauseRE{src: c, expr: expr}
		if len(first) > 0 {
			cr.isAnchored = true
			cr.expr = "^" + strings.TrimPrefix(expr, `(?:^|[^\w])`)
			cr.firstIDs = pc.ids.ids(first)
			// (worked out when first needed: most clauses never run)
			cr.head = heads
		}
		if pc.eager {
			if _, err := cr.compile(); err != nil {
				return nil, err
			}
		}
		p.clauses = append(p.clauses, cr)
		pc.clauses = append(pc.clauses, cr)
		cc := &compiledClause{cr: cr}
		for _, set := range sets {
			cc.needs = append(cc.needs, pc.needSet(pc.ids.ids(set)))
		}
		if cr.isAnchored {
			for _, ns := range cc.needs {
				cr.seqIDs = append(cr.seqIDs, ns.ids)
			}
		}
		p.needs = append(p.needs, cc.needs...)
		if pc.compiled == nil {
			pc.compiled = map[string]*compiledClause{}
		}
		pc.compiled[c] = cc
	}
	// The needs are all required, in any order: the narrowest sets first,
	// as they are the likeliest to be missing and end the test early.
	slices.SortStableFunc(p.needs, func(a, b needSet) int { return len(a.ids) - len(b.ids) })
	return p, nil
}

// The pieces clause() puts between tokens, parsed once for startSeqs.
var (
	sepPlus = mustParse(`[^\w]+`)
	sepStar = mustParse(`[^\w]*`)
	wordEnd = mustParse(`(?:[^\w]|$)`)
	gaps    = func() (g [16]*syntax.Regexp) {
		for n := 1; n < len(g); n++ {
			g[n] = mustParse(fmt.Sprintf(`(?:[^\w]+[\w'’-]+){0,%d}?`, n))
		}
		return g
	}()
)

func mustParse(expr string) *syntax.Regexp {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	return re.Simplify()
}

// gapNode is the parsed gap of up to n words, nil for none.
func gapNode(n int) *syntax.Regexp {
	if n <= 0 {
		return nil
	}
	if n < len(gaps) {
		return gaps[n]
	}
	return mustParse(fmt.Sprintf(`(?:[^\w]+[\w'’-]+){0,%d}?`, n))
}

// finish turns each clause's first-word ids into a bit set.
func (pc *patternCompiler) finish() {
	n := (len(pc.ids) + 63) / 64
	for _, c := range pc.clauses {
		if c.firstIDs == nil {
			continue
		}
		c.first = make([]uint64, n)
		c.firstSig = idSig(c.firstIDs)
		for _, id := range c.firstIDs {
			c.first[id>>6] |= 1 << (uint(id) & 63)
		}
		c.seq, c.seqSig = make([][]uint64, len(c.seqIDs)), make([]uint64, len(c.seqIDs))
		for k, ids := range c.seqIDs {
			c.seq[k] = make([]uint64, n)
			c.seqSig[k] = idSig(ids)
			for _, id := range ids {
				c.seq[k][id>>6] |= 1 << (uint(id) & 63)
			}
		}
	}
}

// splitTokens splits a clause at spaces outside parentheses, so a group
// such as (?:am i|will i) stays one token.
func splitTokens(s string) []string {
	var out []string
	depth, start := 0, -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s):
			if start < 0 {
				start = i
			}
			i++
		case c == '(':
			depth++
			if start < 0 {
				start = i
			}
		case c == ')':
			depth--
		case c == ' ' && depth <= 0:
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// balancedGroup reports whether s is one parenthesized group from its
// first character to its last.
func balancedGroup(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 && i != len(s)-1 {
				return false
			}
		}
	}
	return depth == 0
}
