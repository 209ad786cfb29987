package analyzer

import (
	"bytes"
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/matchguard/matchguard/config"
)

// builtinAnswers parses every token of the built-in rules, as built with
// programs configured and without (what {program} stands for differs).
func builtinAnswers(t *testing.T) map[string]indexed {
	t.Helper()
	set, err := LoadRules("")
	if err != nil {
		t.Fatal(err)
	}
	answers := map[string]indexed{}
	for _, cfg := range []*config.Config{corpusConfig(t), config.Default()} {
		_, pc, err := newEngine(cfg, set, nil)
		if err != nil {
			t.Fatal(err)
		}
		for expr, a := range pc.prefixes {
			answers[expr] = a
		}
	}
	return answers
}

// TestPrefixIndexUpToDate holds the embedded index to the built-in rules:
// every token they use is in it, with the answer parsing gives. After a
// change to the rules, run go test ./analyzer -run TestPrefixIndexUpToDate
// -update.
func TestPrefixIndexUpToDate(t *testing.T) {
	answers := builtinAnswers(t)
	want := encodePrefixIndex(answers)
	if *update {
		if err := os.WriteFile("prefixindex.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(prefixIndexData, want) {
		t.Fatalf("prefixindex.bin is out of date (%d tokens in the rules): run go test ./analyzer -run TestPrefixIndexUpToDate -update", len(answers))
	}
	index := prefixIndex()
	if len(index) != len(answers) {
		t.Fatalf("index decodes to %d entries, want %d", len(index), len(answers))
	}
	for x, a := range answers {
		got := index[exprKey(x)]
		for _, p := range []struct {
			name      string
			got, want prefixAnswer
		}{{"any", got.any, a.any}, {"first", got.first, a.first}} {
			if p.got.ok != p.want.ok || !reflect.DeepEqual(slices.Sorted(slices.Values(p.got.set)), slices.Sorted(slices.Values(p.want.set))) {
				t.Errorf("%.80q: %s = %v, want %v", x, p.name, p.got, p.want)
			}
		}
	}
}

// TestPrefixIndexChangesNoJudgment builds the engine with the index and
// without: every clause gets the same word filters and start sequences.
func TestPrefixIndexChangesNoJudgment(t *testing.T) {
	set, err := LoadRules("")
	if err != nil {
		t.Fatal(err)
	}
	with, pcWith, err := newEngine(corpusConfig(t), set, prefixIndex())
	if err != nil {
		t.Fatal(err)
	}
	without, pcWithout, err := newEngine(corpusConfig(t), set, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(with.clauses) != len(without.clauses) {
		t.Fatalf("%d clauses with the index, %d without", len(with.clauses), len(without.clauses))
	}
	// Prefix ids are numbered as met, so compare the prefixes they stand for.
	keys := func(pc *patternCompiler, ids []int32) []uint64 {
		byID := map[int32]uint64{}
		for k, id := range pc.ids {
			byID[id] = k
		}
		out := make([]uint64, len(ids))
		for i, id := range ids {
			out[i] = byID[id]
		}
		slices.Sort(out)
		return out
	}
	for i, a := range with.clauses {
		b := without.clauses[i]
		same := a.src == b.src && a.expr == b.expr && a.isAnchored == b.isAnchored &&
			reflect.DeepEqual(keys(pcWith, a.firstIDs), keys(pcWithout, b.firstIDs)) && len(a.seqIDs) == len(b.seqIDs)
		for k := 0; same && k < len(a.seqIDs); k++ {
			same = reflect.DeepEqual(keys(pcWith, a.seqIDs[k]), keys(pcWithout, b.seqIDs[k]))
		}
		if !same {
			t.Fatalf("clause %q differs with the index", a.src)
		}
		sa, sb := a.startIndex(), b.startIndex()
		if (sa == nil) != (sb == nil) || sa != nil && !reflect.DeepEqual(*sa, *sb) {
			t.Fatalf("clause %q: start sequences differ with the index", a.src)
		}
	}
}

// TestPrefixIndexDamaged: a damaged index decodes to an error, never to
// wrong answers.
func TestPrefixIndexDamaged(t *testing.T) {
	good := prefixIndexData
	for _, b := range [][]byte{nil, []byte("mgpi0"), good[:len(good)/2], append(append([]byte(nil), good...), 0)} {
		if m, err := decodePrefixIndex(b); err == nil {
			t.Errorf("decode of %d damaged bytes: %d entries, no error", len(b), len(m))
		}
	}
}
