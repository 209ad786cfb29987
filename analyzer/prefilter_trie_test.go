package analyzer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The trie must give every word the ids a lookup of each of its prefixes
// in the id map gives.
func TestPrefixTrieMatchesMap(t *testing.T) {
	pc := &patternCompiler{ids: prefixIDs{}}
	for _, set := range [][]string{{"rank", "ran", "r", "list"}, {"top", "topic", "i", "in"}, {"1st", "_x", "Up"}} {
		pc.ids.ids(set)
	}
	// A second set: prefixes of every length of the words of 200 drafts,
	// every third one kept, so that known and unknown prefixes mix.
	files, _ := filepath.Glob("../testdata/mail/out/*.eml")
	texts := []string{"rank ranked ranking r rx list listing top topics topic i in inn 1st _x up upper", ""}
	big := prefixIDs{}
	n := 0
	for _, f := range files[:200] {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := asciiLower(Parse(raw).Own)
		texts = append(texts, text)
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r > 127 || !isWordByte(byte(r)) }) {
			for k := 1; k <= len(w) && k <= prefixLen; k++ {
				if n++; n%3 == 0 {
					big.ids([]string{w[:k]})
				}
			}
		}
	}
	maps := []prefixIDs{pc.ids, big}
	checked := 0
	for _, p := range maps {
		tr := p.trie(0)
		for _, text := range texts {
			ix := tr.index(text, []span{{0, len(text)}}, "")
			for _, w := range ix.sentenceWords(0) {
				key := uint64(0)
				for k := 0; k < prefixLen; k++ {
					want := int32(-1)
					if w.start+k < w.end {
						key = key<<8 | uint64(text[w.start+k])
						if id, ok := p[uint64(k+1)<<40|key]; ok {
							want = id
						}
					}
					if w.ids[k] != want {
						t.Fatalf("word %q: prefix %d has id %d, want %d", text[w.start:w.end], k+1, w.ids[k], want)
					}
					if want >= 0 {
						checked++
						if ix.masks[want]&1 == 0 {
							t.Fatalf("word %q: mask of id %d misses the sentence", text[w.start:w.end], want)
						}
					}
				}
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d prefixes found: the test has stopped testing", checked)
	}
}

// An index given back with release and taken again must read as a new one:
// no mask of the text before it, and no need set worked out for it, may
// stay set.
func TestPrefixIndexReuse(t *testing.T) {
	pc := &patternCompiler{ids: prefixIDs{}}
	sets := []needSet{
		pc.needSet(pc.ids.ids([]string{"rank", "list"})),
		pc.needSet(pc.ids.ids([]string{"top", "first"})),
		pc.needSet(pc.ids.ids([]string{"mutua", "in"})),
		pc.needSet(pc.ids.ids([]string{"rank", "list"})), // the same set: the same number
	}
	if sets[3].n != sets[0].n || len(pc.sets) != 3 {
		t.Fatalf("need sets numbered %d, %d, %d, %d (%d distinct), want the first and last alike and 3 distinct", sets[0].n, sets[1].n, sets[2].n, sets[3].n, len(pc.sets))
	}
	reused, fresh := pc.ids.trie(len(pc.sets)), pc.ids.trie(len(pc.sets))
	a := "rank me first and i will list you at the top. mutual."
	b := "in the interim, nothing to list."
	ix := reused.index(a, []span{{0, 28}, {29, len(a)}}, "top rank")
	for _, ns := range sets {
		ix.sentencesNeed(ns) // memoized for a, and must be forgotten
	}
	reused.release(ix)
	got := reused.index(b, []span{{0, len(b)}}, "")
	want := fresh.index(b, []span{{0, len(b)}}, "")
	for i, ns := range sets {
		if g, w := got.sentencesNeed(ns), want.sentencesNeed(ns); g != w {
			t.Errorf("need set %d: sentences %b after reuse, want %b", i, g, w)
		}
	}
	if got != ix {
		t.Log("the pool gave a new index (allowed, but the reuse path went untested)")
	}
	for id := range want.masks {
		if got.masks[id] != want.masks[id] {
			t.Errorf("prefix id %d: mask %b after reuse, want %b", id, got.masks[id], want.masks[id])
		}
	}
	if len(got.words) != len(want.words) || len(got.sentenceWords(0)) != len(want.sentenceWords(0)) {
		t.Errorf("words after reuse: %d sentences, %d words; want %d, %d", len(got.words), len(got.sentenceWords(0)), len(want.words), len(want.sentenceWords(0)))
	}
}

// TestIDSets: the same ids get the same number, new ones the next, and
// order counts (callers sort when they mean a set).
func TestIDSets(t *testing.T) {
	var s idSets
	for i, c := range []struct {
		ids   []int32
		n     int32
		isNew bool
	}{
		{[]int32{3, 700000}, 0, true},
		{[]int32{3}, 1, true},
		{[]int32{3, 700000}, 0, false},
		{[]int32{700000, 3}, 2, true},
		{nil, 3, true},
	} {
		if n, isNew := s.number(c.ids); n != c.n || isNew != c.isNew {
			t.Errorf("%d: number(%v) = %d, %v; want %d, %v", i, c.ids, n, isNew, c.n, c.isNew)
		}
	}
}
