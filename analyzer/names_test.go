package analyzer

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// scan finds names in one pass over a text's words; it must find exactly
// what searching for each name on its own (findName) finds.
func TestNameScanFindsWhatEachSearchFinds(t *testing.T) {
	e := testEngine(t)
	ix := e.names
	files, _ := filepath.Glob("../testdata/mail/*/*.eml")
	texts := []string{
		"Dear Dr. Okafor, Harbor\nValley's program", "LUMC and lumc, St. Brendan's and St Brendan’s",
		"xHarbor Valley", "Harbor Valleyx", "",
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m := Parse(raw)
		texts = append(texts, m.Own, m.Subject)
	}
	found := 0
	for _, text := range texts {
		lower := asciiLower(text)
		h := ix.scan(text, lower)
		for id, n := range ix.lits {
			hay := lower
			if n.exact {
				hay = text
			}
			var want [][2]int
			for i := 0; ; {
				loc := findName(hay, n.lit, i)
				if loc == nil {
					break
				}
				want = append(want, [2]int{loc[0], loc[1]})
				i = loc[0] + 1
			}
			var got [][2]int
			for _, x := range h.hits {
				if x.lit == int32(id) {
					got = append(got, [2]int{x.start, x.end})
				}
			}
			slices.SortFunc(got, func(a, b [2]int) int { return a[0] - b[0] })
			if !slices.Equal(got, want) {
				t.Errorf("%q in %.60q: scan found %v, findName %v", n.lit, text, got, want)
			}
			if h.has(int32(id)) != (len(want) > 0) {
				t.Errorf("%q in %.60q: has = %v", n.lit, text, h.has(int32(id)))
			}
			found += len(want)
		}
	}
	if found < 200 {
		t.Errorf("only %d names found in the corpus: the test has stopped testing", found)
	}
}
