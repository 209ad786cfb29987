package analyzer

import (
	"math/rand/v2"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
)

func TestTokenPrefixesExactWords(t *testing.T) {
	tests := []struct {
		expr  string
		start bool
		want  []string
	}{
		// A word followed by a space in the token is the whole word.
		{`i\s+am`, true, []string{"i$"}},
		{`i\s+am`, false, []string{"am?"}},
		{`(?:i\s+)?lost`, true, []string{"i$", "lost?"}},
		// A word that ends the token: the clause decides (maybeExact).
		{`(?:i|we)`, false, []string{"i?", "we?"}},
		{`my`, true, []string{"my?"}},
		// Followed by letters, or maybe by letters: a prefix only.
		{`rank\w*`, false, []string{"rank"}},
		// Alternatives the parser factored ("you(?:|r program)") are spread back.
		{`(?:you|your\s+program)`, true, []string{"you?", "your$"}},
		{`(?:returned|reciprocated|repaid)`, false, []string{"retur", "recip", "repai"}},
		{`m[ey]\s+too`, true, []string{"me$", "my$"}},
		{`i(?:'m|\s+am)`, true, []string{"i$"}},
		{`i(?:'m|\s+am)?`, true, []string{"i$", "i?"}},
		{`i(?:'m|\s+am)?\w`, true, []string{"i$", "i"}},
		{`top\d`, false, []string{"top"}},
		{`(?:cried|in\s+tears|i\s+cry)`, false, []string{"cried?", "in$", "i$"}},
		// Longer than prefixLen: the prefix stands for it, never exact.
		{`declined\s+to`, true, []string{"decli"}},
		{`(?:ranks|place)\s+first`, true, []string{"ranks$", "place$"}},
		// A repeat may be followed by itself.
		{`(?:ha)+`, true, []string{"ha"}},
		// \b after a word: a non-word follows.
		{`us\b`, true, []string{"us$"}},
	}
	for _, tt := range tests {
		got, ok := tokenPrefixes(tt.expr, tt.start)
		slices.Sort(got)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if !ok || !slices.Equal(got, want) {
			t.Errorf("tokenPrefixes(%q, start=%v) = %q, %v; want %q", tt.expr, tt.start, got, ok, want)
		}
	}
}

func TestResolveExact(t *testing.T) {
	set := []string{"i?", "we?", "rank", "am$"}
	if got, want := resolveExact(set, true), []string{"i$", "we$", "rank", "am$"}; !slices.Equal(got, want) {
		t.Errorf("at a word's end: got %q, want %q", got, want)
	}
	if got, want := resolveExact(set, false), []string{"i", "we", "rank", "am$"}; !slices.Equal(got, want) {
		t.Errorf("before a possible letter: got %q, want %q", got, want)
	}
	if set[0] != "i?" {
		t.Errorf("resolveExact changed its argument: %q", set)
	}
}

func TestTokenEndsWord(t *testing.T) {
	tests := []struct {
		toks []string
		i    int
		want bool
	}{
		{[]string{"i", "...3", "rank"}, 0, true},
		{[]string{"i", "rank"}, 1, true},
		{[]string{"top", `\d+`}, 0, false},
		{[]string{"top", "(?:of )?", `\d+`}, 0, false},
		{[]string{"top", "(?:of )?", "list"}, 0, true},
		{[]string{"number", "#1"}, 0, false},
	}
	for _, tt := range tests {
		if got := tokenEndsWord(tt.toks, tt.i); got != tt.want {
			t.Errorf("tokenEndsWord(%q, %d) = %v, want %v", tt.toks, tt.i, got, tt.want)
		}
	}
}

// A whole word is found only where the text has exactly that word.
func TestPrefixTrieExactWords(t *testing.T) {
	p := prefixIDs{}
	ids := p.ids([]string{"i$", "i", "in$", "rank$", "ranks$", "my$"})
	tr := p.trie(0)
	text := "i rank informatics in ranks of my mysteries, rankings i3 my_x"
	ix := tr.index(text, []span{{0, len(text)}}, "")
	want := map[string]int32{"i": ids[0], "rank": ids[3], "in": ids[2], "ranks": ids[4], "my": ids[5]}
	for _, w := range ix.sentenceWords(0) {
		s := text[w.start:w.end]
		exact, ok := want[s]
		if !ok {
			exact = -1
		}
		if got := w.ids[prefixLen]; got != exact {
			t.Errorf("word %q: whole-word id %d, want %d", s, got, exact)
		}
		if s[0] == 'i' && w.ids[0] != ids[1] {
			t.Errorf("word %q lost its prefix id: %d, want %d", s, w.ids[0], ids[1])
		}
	}
}

// TestNeedsSoundOnGeneratedMatches draws random texts that each clause's
// expression matches and checks that the words the prefilter asks of the
// clause are in every one of them, and that an anchored clause's first
// word is one it may start at: a filter that turned away a real match
// would hide a violation.
func TestNeedsSoundOnGeneratedMatches(t *testing.T) {
	e := testEngine(t)
	rng := rand.New(rand.NewPCG(3, 4))
	tried := 0
	for _, c := range e.clauses {
		re, err := syntax.Parse(c.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		re = re.Simplify()
	draws:
		for n := 0; n < 40; n++ {
			var b strings.Builder
			genMatch(&b, re, rng)
			text := asciiLower(b.String())
			loc := c.regexp().FindStringSubmatchIndex(text)
			if loc == nil {
				continue // the walk ignored a constraint: not a match
			}
			tried++
			ix := e.ids.index(text, []span{{0, len(text)}}, "")
			for _, set := range c.seqIDs {
				if ix.sentencesWith(set)&1 == 0 {
					t.Errorf("clause %.100s matches %q, but none of a token's needed words is there", c.expr, text)
					e.ids.release(ix)
					break draws
				}
			}
			if at := loc[2]; c.isAnchored && at < len(text) && isWordByte(text[at]) {
				ok := false
				for _, w := range ix.sentenceWords(0) {
					if w.start == at {
						for _, id := range w.ids {
							ok = ok || hasID(c.first, id)
						}
					}
				}
				if !ok {
					t.Errorf("anchored clause %.100s matches %q, but not at a word it may start at", c.expr, text)
					e.ids.release(ix)
					break draws
				}
			}
			e.ids.release(ix)
		}
	}
	if tried < 5000 {
		t.Errorf("only %d generated matches; the generator has stopped covering the rules", tried)
	}
}
