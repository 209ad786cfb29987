package analyzer

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

type outCase struct {
	File    string   `toml:"file"`
	Verdict string   `toml:"verdict"`
	Rules   []string `toml:"rules"`
	Why     string   `toml:"why"`
}

func loadOutLabels(t testing.TB, dir string) []outCase {
	t.Helper()
	all := loadLabels[outCase](t, filepath.Join(dir, "labels-*.toml"))
	sort.Slice(all, func(i, j int) bool { return all[i].File < all[j].File })
	return all
}

// loadLabels decodes the [[case]] tables of every labels file matching
// pattern, in file order.
func loadLabels[T any](t testing.TB, pattern string) []T {
	t.Helper()
	files, _ := filepath.Glob(pattern)
	var all []T
	for _, f := range files {
		var doc struct {
			Case []T `toml:"case"`
		}
		if _, err := toml.DecodeFile(f, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		all = append(all, doc.Case...)
	}
	return all
}

// goldenLine is what the golden file keeps of one judgment.
type goldenLine struct {
	File     string    `json:"file"`
	Verdict  Verdict   `json:"verdict"`
	Program  string    `json:"program"`
	Findings []goldenF `json:"findings"`
}

type goldenF struct {
	Rule    string `json:"rule"`
	Action  Action `json:"action"`
	Excerpt string `json:"excerpt"`
}

// judgeCorpus checks every labeled outgoing draft as `check --record`
// would: single drafts against an empty ledger, sequences in file order
// against one ledger each, recording what passes or warns.
func judgeCorpus(t testing.TB, e *Engine, dir string) map[string]Result {
	t.Helper()
	out := map[string]Result{}
	judge := func(path string, h *memHistory) Result {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		m := Parse(raw)
		now := m.Date
		if now.IsZero() {
			now = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
		}
		res, err := e.Check(Input{Msg: m, Now: now}, h)
		if err != nil {
			t.Fatal(err)
		}
		if res.Verdict == Pass || res.Verdict == VerdWarn {
			h.record(res, m, now)
		}
		return res
	}
	singles, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
	for _, f := range singles {
		out[filepath.Base(f)] = judge(f, &memHistory{})
	}
	seqs, _ := filepath.Glob(filepath.Join(dir, "seq", "*"))
	for _, s := range seqs {
		h := &memHistory{}
		steps, _ := filepath.Glob(filepath.Join(s, "*.eml"))
		sort.Strings(steps)
		for _, f := range steps {
			rel, _ := filepath.Rel(dir, f)
			out[filepath.ToSlash(rel)] = judge(f, h)
		}
	}
	return out
}

func TestOutgoingCorpus(t *testing.T) {
	dir := "../testdata/mail/out"
	labels := loadOutLabels(t, dir)
	if len(labels) == 0 {
		t.Fatal("no labeled outgoing drafts in " + dir + ": the corpus is part of the repository; restore testdata/mail/out")
	}
	e := testEngine(t)
	got := judgeCorpus(t, e, dir)

	// Every labeled case must hold.
	var bad []string
	stats := map[string]*[3]int{} // rule → tp, fp, fn
	stat := func(r string) *[3]int {
		if stats[r] == nil {
			stats[r] = &[3]int{}
		}
		return stats[r]
	}
	for _, c := range labels {
		res, ok := got[c.File]
		if !ok {
			t.Errorf("%s: labeled but no such file", c.File)
			continue
		}
		want := map[string]bool{}
		for _, r := range c.Rules {
			want[r] = true
		}
		have := map[string]bool{}
		for _, r := range res.Rules() {
			have[r] = true
			if want[r] {
				stat(r)[0]++
			} else {
				stat(r)[1]++
			}
		}
		for r := range want {
			if !have[r] {
				stat(r)[2]++
			}
		}
		gotRules := res.Rules()
		sort.Strings(gotRules)
		wantRules := append([]string{}, c.Rules...)
		sort.Strings(wantRules)
		if string(res.Verdict) != c.Verdict || strings.Join(gotRules, ",") != strings.Join(wantRules, ",") {
			ex := ""
			for _, f := range res.Findings {
				ex += fmt.Sprintf("\n      %s: %q", f.Rule, f.Excerpt)
			}
			bad = append(bad, fmt.Sprintf("%s: got %s %v, want %s %v (%s)%s", c.File, res.Verdict, gotRules, c.Verdict, wantRules, c.Why, ex))
		}
	}
	ids := make([]string, 0, len(stats))
	for r := range stats {
		ids = append(ids, r)
	}
	sort.Strings(ids)
	for _, r := range ids {
		s := stats[r]
		t.Logf("%-24s tp=%3d fp=%3d fn=%3d", r, s[0], s[1], s[2])
	}
	t.Logf("%d of %d cases hold", len(labels)-len(bad), len(labels))
	for _, b := range bad {
		t.Error(b)
	}

	// The golden file keeps the full judgment (excerpts included), so a
	// change in wording or program resolution shows up in review.
	var lines []string
	for _, c := range labels {
		res := got[c.File]
		g := goldenLine{File: c.File, Verdict: res.Verdict, Program: res.Program, Findings: []goldenF{}}
		for _, f := range res.Findings {
			g.Findings = append(g.Findings, goldenF{f.Rule, f.Action, f.Excerpt})
		}
		b, _ := json.Marshal(g)
		lines = append(lines, string(b))
	}
	compareGolden(t, "testdata/golden/outgoing.jsonl", strings.Join(lines, "\n")+"\n")
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./analyzer -update to create it)", err)
	}
	if string(want) != got {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("%s differs at line %d:\n got  %s\n want %s\n(run go test ./analyzer -update and review the diff)", path, i+1, g, w)
				return
			}
		}
	}
}
