package analyzer

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"strings"
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
		if c.anchored == nil || c.starts == nil {
			continue
		}
		re, err := syntax.Parse(c.anchored.String(), syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		re = re.Simplify()
		for n := 0; n < 40; n++ {
			var b strings.Builder
			genMatch(&b, re, rng)
			text := b.String()
			if text == "" || !isWordByte(text[0]) || c.anchored.FindStringIndex(text) == nil {
				continue // the walk ignored a constraint (\b, $): not a match
			}
			tried++
			ix := e.ids.index(text, []span{{0, len(text)}}, "")
			if !c.startsAt(text, ix.sentenceWords(0), 0) {
				t.Errorf("clause %s matches %q but its start sequences turn it away", c.anchored, text)
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
// sequences must agree.
func TestStartSeqsSoundOnCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every clause over the whole corpus")
	}
	e := testEngine(t)
	files, _ := filepath.Glob("../testdata/mail/*/*.eml")
	if len(files) < 1000 {
		t.Fatalf("corpus has %d messages", len(files))
	}
	matches := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m := Parse(raw)
		d := e.newDoc(m.Own, m.Subject)
		for n, s := range d.sents {
			sent := d.norm[s.start:s.end]
			ws := d.ix.sentenceWords(n)
			for _, c := range e.clauses {
				if c.anchored == nil || c.starts == nil {
					continue
				}
				for i, w := range ws {
					if w.sig&c.firstSig == 0 || !c.anchored.MatchString(sent[w.start:]) {
						continue
					}
					matches++
					if !c.startsAt(sent, ws, i) {
						t.Errorf("%s: clause %.80s matches %.60q but its start sequences turn it away", filepath.Base(f), c.anchored, sent[w.start:])
					}
				}
			}
		}
	}
	if matches < 500 {
		t.Errorf("only %d matches in the corpus: the test has stopped testing", matches)
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
