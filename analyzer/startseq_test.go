package analyzer

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

func seqString(qs []startSeq) string {
	var out []string
	for _, q := range qs {
		var ws []string
		for _, w := range q {
			if w.prefix {
				ws = append(ws, w.text+"*")
			} else {
				ws = append(ws, w.text)
			}
		}
		out = append(out, strings.Join(ws, " "))
	}
	return strings.Join(out, " | ")
}

func TestStartSeqs(t *testing.T) {
	tests := []struct {
		expr string
		want string // "" means no filter
	}{
		{`^((?:i\s+demand|i\s+insist|this\s+is\s+unacceptable))(?:[^\w]|$)`, "i demand | i insist | this is"},
		{`^(thank\w*\s+(?:you\s+)?for\s+asking)`, "thank* for | thank* you"},
		{`^(rank\w*)(?:[^\w]+[\w'’-]+){0,3}?[^\w]+(?:first)`, "rank* first* | rank*"},
		{`^(e-?mail\w*)`, "email* | e mail*"},
		{`^(i'd|i’d|i\s+would)\s+rank`, "i d | i would"},
		{`^(#\s?1)`, ""},          // cannot start at a word
		{`^(\w+\s+rank)`, ""},     // any first word
		{`^([\w'-]+\s+rank)`, ""}, // a class of letters and punctuation
		{`^(top)(?:[^\w]|$)`, "top"},
		{`^(top\b)`, "top*"},
		{`^(fianc[eé]e?)\s+visa`, "fianc*"}, // é is not a word byte: the word may end there,
	}
	for _, tt := range tests {
		re, err := syntax.Parse(tt.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		seqs, ok := startSeqs(re.Simplify())
		got := seqString(seqs)
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("startSeqs(%s) = %q, want %q", tt.expr, got, tt.want)
		}
	}
}

// TestStartSeqsSoundOnGeneratedMatches draws random texts that each
// clause's expression matches and checks the start sequences let every
// one of them through: a filter that turned away a real match would hide
// a violation.
func TestStartSeqsSoundOnGeneratedMatches(t *testing.T) {
	e := testEngine(t)
	rng := rand.New(rand.NewPCG(1, 2))
	tried := 0
	for _, c := range e.clauses {
		if !c.isAnchored || c.startIndex() == nil {
			continue
		}
		re, err := syntax.Parse(c.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		re = re.Simplify()
		for n := 0; n < 40; n++ {
			var b strings.Builder
			genMatch(&b, re, rng)
			text := b.String()
			if text == "" || !isWordByte(text[0]) || c.regexp().FindStringIndex(text) == nil {
				continue // the walk ignored a constraint (\b, $): not a match
			}
			tried++
			ix := e.ids.index(text, []span{{0, len(text)}}, "")
			if !c.startsAt(text, ix.sentenceWords(0), 0) {
				t.Errorf("clause %s matches %q but its start sequences turn it away", c.expr, text)
				break
			}
		}
	}
	if tried < 3000 {
		t.Errorf("only %d generated matches; the generator has stopped covering the rules", tried)
	}
}

// TestStartSeqsSoundOnCorpus runs every anchored clause at every word of
// every message of our corpus: wherever the expression matches, the start
// sequences must agree. It is the suite's longest test (about six minutes
// over the 24,000 messages on one core), so it takes every other message,
// spread over the CPUs: by default the even ones, and with
// MATCHGUARD_CORPUS_REST=1 the odd ones the default run leaves (.ci/run
// runs that as a step of its own, so CI covers the whole corpus once).
func TestStartSeqsSoundOnCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every clause over the whole corpus")
	}
	e := testEngine(t)
	all, _ := filepath.Glob("../testdata/mail/*/*.eml")
	if len(all) < 1000 {
		t.Fatalf("corpus has %d messages", len(all))
	}
	half := 0
	if os.Getenv("MATCHGUARD_CORPUS_REST") != "" {
		half = 1
	}
	var files []string
	for i, f := range all {
		if i%2 == half {
			files = append(files, f)
		}
	}
	var matches atomic.Int64
	check := func(f string) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Error(err)
			return
		}
		m := Parse(raw)
		d := e.newDoc(m.Own, m.Subject)
		for n, s := range d.sents {
			sent := d.norm[s.start:s.end]
			ws := d.ix.sentenceWords(n)
			for _, c := range e.clauses {
				if !c.isAnchored || c.startIndex() == nil {
					continue
				}
				for i, w := range ws {
					if w.sig&c.firstSig == 0 || !c.regexp().MatchString(sent[w.start:]) {
						continue
					}
					matches.Add(1)
					if !c.startsAt(sent, ws, i) {
						t.Errorf("%s: clause %.80s matches %.60q but its start sequences turn it away", filepath.Base(f), c.expr, sent[w.start:])
					}
				}
			}
		}
	}
	work := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range work {
				check(f)
			}
		}()
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
	if matches.Load() < 500 {
		t.Errorf("only %d matches in the corpus: the test has stopped testing", matches.Load())
	}
}

// genMatch writes a random text the expression matches (ignoring
// zero-width assertions, which the caller checks afterwards).
func genMatch(b *strings.Builder, re *syntax.Regexp, rng *rand.Rand) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			b.WriteRune(r)
		}
	case syntax.OpCharClass:
		// Favour the characters texts have: letters, spaces, punctuation.
		var pick []rune
		for _, r := range []rune("abcdefghijklmnopqrstuvwxyz0123456789 ,.;:'’-é\n") {
			for i := 0; i+1 < len(re.Rune); i += 2 {
				if re.Rune[i] <= r && r <= re.Rune[i+1] {
					pick = append(pick, r)
				}
			}
		}
		if len(pick) == 0 && len(re.Rune) > 0 {
			pick = append(pick, re.Rune[0])
		}
		if len(pick) > 0 {
			b.WriteRune(pick[rng.IntN(len(pick))])
		}
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte('x')
	case syntax.OpCapture:
		genMatch(b, re.Sub[0], rng)
	case syntax.OpConcat:
		for _, s := range re.Sub {
			genMatch(b, s, rng)
		}
	case syntax.OpAlternate:
		genMatch(b, re.Sub[rng.IntN(len(re.Sub))], rng)
	case syntax.OpQuest:
		if rng.IntN(2) == 0 {
			genMatch(b, re.Sub[0], rng)
		}
	case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		lo, hi := 0, 3
		if re.Op == syntax.OpPlus {
			lo = 1
		}
		if re.Op == syntax.OpRepeat {
			lo, hi = re.Min, re.Max
			if hi < 0 {
				hi = lo + 3
			}
		}
		for n := lo + rng.IntN(hi-lo+1); n > 0; n-- {
			genMatch(b, re.Sub[0], rng)
		}
	}
}

// The generator must itself produce matches, or the soundness test above
// proves nothing.
func TestGenMatchMakesMatches(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, expr := range []string{`^(?:i\s+demand|i\s+insist)`, `^rank\w*(?:[^\w]+[\w'’-]+){0,3}?[^\w]+first`, `^e-?mail`} {
		re := regexp.MustCompile(expr)
		st, _ := syntax.Parse(expr, syntax.Perl)
		for n := 0; n < 20; n++ {
			var b strings.Builder
			genMatch(&b, st.Simplify(), rng)
			if !re.MatchString(b.String()) {
				t.Errorf("genMatch(%s) = %q, which it does not match", expr, b.String())
			}
		}
	}
}

// Built-in clauses are compiled when first needed; every one of them must
// compile, or it would silently never match.
func TestBuiltinClausesCompile(t *testing.T) {
	e := testEngine(t)
	if len(e.clauses) < 300 {
		t.Fatalf("%d clauses", len(e.clauses))
	}
	for _, c := range e.clauses {
		if _, err := c.compile(); err != nil {
			t.Error(err)
		}
	}
}

func TestUserRulesCompileEagerly(t *testing.T) {
	dir := t.TempDir()
	// The token parses; the repeat count is beyond the regexp package's limit.
	os.WriteFile(filepath.Join(dir, "mine.toml"), []byte("[[rule]]\nid = \"mine\"\naction = \"warn\"\npatterns = [\"rank x{1001}\"]\n"), 0o644)
	cfg := corpusConfig(t)
	cfg.Rules.Dir = dir
	if _, err := NewEngine(cfg); err == nil || !strings.Contains(err.Error(), "mine") {
		t.Errorf("err = %v; want an error naming the rule", err)
	}
}

// One engine serves every session of the proxy at once, and its clauses
// compile on first use: checks running side by side on a fresh engine
// must judge as one check after another does.
func TestConcurrentChecksOnFreshEngine(t *testing.T) {
	files, _ := filepath.Glob("../testdata/mail/out/*.eml")
	if len(files) > 120 {
		files = files[:120]
	}
	var msgs []*Message
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		msgs = append(msgs, Parse(raw))
	}
	judge := func(e *Engine, m *Message) string {
		r, err := e.Check(Input{Msg: m, Now: m.Date}, nil)
		if err != nil {
			t.Error(err)
		}
		var ids []string
		for _, f := range r.Findings {
			ids = append(ids, f.Rule)
		}
		return strings.Join(ids, ",")
	}
	want := make([]string, len(msgs))
	seq := testEngine(t)
	for i, m := range msgs {
		want[i] = judge(seq, m)
	}
	e := testEngine(t)
	got := make([]string, len(msgs))
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(msgs); i += 4 {
				got[i] = judge(e, msgs[i])
			}
		}(w)
	}
	wg.Wait()
	for i := range msgs {
		if got[i] != want[i] {
			t.Errorf("%s: concurrent check found %q, one at a time %q", filepath.Base(files[i]), got[i], want[i])
		}
	}
}

// FuzzStartSeqs checks the start sequences of any expression against any
// text: wherever the expression matches at the text's first word, one of
// its sequences must agree.
func FuzzStartSeqs(f *testing.F) {
	f.Add(`i\s+(?:demand|insist)`, "i demand an answer")
	f.Add(`thank\w*\s+(?:you\s+)?for\s+asking`, "thanks for asking")
	f.Add(`e-?mail(?:[^\w]+[\w'’-]+){0,3}?[^\w]+me`, "e-mail it to me")
	f.Add(`(?:rank|list)\w*[^\w]*#\s?1`, "ranked #1")
	f.Add(`a(?:b|\s)*c`, "ab b c")
	f.Fuzz(func(t *testing.T, expr, text string) {
		if len(expr) > 200 || len(text) > 200 || text == "" || !isWordByte(text[0]) {
			return
		}
		if _, err := syntax.Parse(expr, syntax.Perl); err != nil {
			return // also keeps "a)|(b" from leaving the group below
		}
		re, err := regexp.Compile(`^(?:` + expr + `)`)
		if err != nil || !re.MatchString(text) {
			return
		}
		st, err := syntax.Parse(`^(?:`+expr+`)`, syntax.Perl)
		if err != nil {
			return
		}
		seqs, ok := startSeqs(st.Simplify())
		if !ok {
			return
		}
		var ws []word
		for i := 0; i < len(text); {
			for i < len(text) && !isWordByte(text[i]) {
				i++
			}
			j := i
			for j < len(text) && isWordByte(text[j]) {
				j++
			}
			if i < j {
				ws = append(ws, word{start: i, end: j})
			}
			i = j
		}
		if !newStartIndex(seqs).startsAt(text, ws, 0) {
			t.Errorf("%s matches %q, but its start sequences %s turn it away", expr, text, seqString(seqs))
		}
	})
}

// A pattern's first clause runs on every sentence its words allow; unless
// its first token can begin with punctuation ("#1"), it must be tried only
// at the words it can start with. A concept entry with an optional first
// word it cannot read ("(?:be |been )?informed") silently turns that off and costs every check
// a search of the sentence; this test names the clause instead.
func TestFirstClausesAnchored(t *testing.T) {
	e := testEngine(t)
	for _, r := range e.rules {
		for _, ps := range [][]*pattern{r.patterns, r.unless, r.skipIf} {
			for _, p := range ps {
				c := p.clauses[0]
				// ("(?:top|first|#1)": a "#1" among words keeps the words
				// from anchoring the clause: write "#1 …" as a pattern of
				// its own.)
				toks := splitTokens(c.src)
				mixedHash := len(toks) > 0 && strings.HasPrefix(toks[0], "(?:") && (strings.Contains(toks[0], "|#") || strings.HasPrefix(toks[0], "(?:#"))
				if c.isAnchored || !mixedHash && len(toks) > 0 && (punctBranch(toks[0]) || strings.HasPrefix(toks[0], `\`) || strings.HasPrefix(toks[0], "#")) {
					continue
				}
				t.Errorf("%s: first clause %.100q is searched for, not anchored at its first words", r.spec.ID, c.src)
			}
		}
	}
}

// punctBranch is this regular expression written out: it must agree with
// it on every token of every built-in clause and on edge cases.
func TestPunctBranchAsRE(t *testing.T) {
	re := regexp.MustCompile(`(?:^\(\?:|\||\()(?:\\[^\w]|#)`)
	toks := []string{"", "(", "(?:", `(?:\?|whether)`, `(?:whether|\?)`, `(\.|x)`, "(#)", `(?:\a|b)`, `(?:\`, `a|\`, `a|\é`,
		"(?:#1|first)", "(?:first|number)", `x(\-)`, `\?`, "#1", "a|#", "(?:", "((#", `|\ `}
	for _, c := range testEngine(t).clauses {
		toks = append(toks, splitTokens(c.src)...)
	}
	hits := 0
	for _, s := range toks {
		got, want := punctBranch(s), re.MatchString(s)
		if got != want {
			t.Errorf("punctBranch(%q) = %v; the expression says %v", s, got, want)
		}
		if want {
			hits++
		}
	}
	if hits < 5 {
		t.Errorf("only %d tokens with a punctuation branch: the test reads no clauses", hits)
	}
}
