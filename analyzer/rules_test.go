package analyzer

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestUserRulesOverrideByID(t *testing.T) {
	dir := t.TempDir()
	// Replace top-choice: a different action and a pattern of its own, and
	// add a concept.
	user := `
[concepts]
fav = ["favou?rite"]

[[rule]]
id = "top-choice"
action = "hold"
title = "Top choice (strict)"
why = "My own reason."
suggestion = "Say less."
patterns = ["{program} is my {fav}"]
`
	if err := os.WriteFile(filepath.Join(dir, "mine.toml"), []byte(user), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := corpusConfig(t)
	cfg.Rules.Dir = dir
	e, err := NewEngine(cfg)
	if err != nil {
		t.Fatal(err)
	}
	res, _ := e.Check(Input{Msg: outDraft("hpark@lakeside-med.org", "x", "Lakeside is my favourite."), Now: when}, nil)
	if got := rulesOf(res); got != "top-choice" || res.Verdict != VerdHold || res.Findings[0].Message != "My own reason." {
		t.Errorf("user rule: rules %q verdict %s findings %+v; want top-choice held with the user's reason", got, res.Verdict, res.Findings)
	}
	// The built-in patterns are gone with the replaced rule.
	res, _ = e.Check(Input{Msg: outDraft("hpark@lakeside-med.org", "x", "Lakeside is my top choice."), Now: when}, nil)
	if got := rulesOf(res); got != "" {
		t.Errorf("replaced rule still fires its built-in pattern: %q", got)
	}
	var src string
	for _, r := range e.Rules() {
		if r.ID == "top-choice" {
			src = r.Source
		}
	}
	if !strings.HasSuffix(src, "mine.toml") {
		t.Errorf("source = %q, want the user file", src)
	}
}

func TestConfigActionsApply(t *testing.T) {
	cfg := corpusConfig(t)
	cfg.Rules.Actions = map[string]string{"top-choice": "off", "quid-pro-quo": "warn"}
	e, err := NewEngine(cfg)
	if err != nil {
		t.Fatal(err)
	}
	res, _ := e.Check(Input{Msg: outDraft("hpark@lakeside-med.org", "x", "Lakeside is my top choice. If you rank me highly, I will rank you first."), Now: when}, nil)
	if got := rulesOf(res); got != "quid-pro-quo" || res.Verdict != VerdWarn {
		t.Errorf("rules %q verdict %s; want only quid-pro-quo as a warning", got, res.Verdict)
	}
	cfg.Rules.Actions = map[string]string{"no-such-rule": "off"}
	if _, err := NewEngine(cfg); err == nil || !strings.Contains(err.Error(), "no-such-rule") {
		t.Errorf("unknown rule in actions: err = %v", err)
	}
}

func TestBadRuleFileNamesFileAndRule(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"bad regexp", "[[rule]]\nid = \"mine\"\naction = \"warn\"\npatterns = [\"(unclosed\"]\n", `rule "mine": pattern 1`},
		{"unknown concept", "[[rule]]\nid = \"mine\"\naction = \"warn\"\npatterns = [\"{nope} x\"]\n", "unknown concept {nope}"},
		// (a name the concept syntax cannot hold would otherwise stand as
		// literal text and silently never match)
		{"concept name with a digit", "[[rule]]\nid = \"mine\"\naction = \"warn\"\npatterns = [\"{standing2} x\"]\n", "concept names are lower-case letters and _: {standing2}"},
		{"bad action", "[[rule]]\nid = \"mine\"\naction = \"explode\"\n", `rule "mine": action "explode"`},
		{"unknown key", "[[rule]]\nid = \"mine\"\naction = \"warn\"\npaterns = []\n", "unknown key"},
		{"syntax", "[[rule]\n", "table array name"},
		// A gap glued to an optional group would match any three characters.
		{"glued gap", "[[rule]]\nid = \"mine\"\naction = \"warn\"\npatterns = [\"zebra (?:the )?...4 giraffe\"]\n", "put a space before and after a gap"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "bad.toml"), []byte(tt.src), 0o644)
			cfg := corpusConfig(t)
			cfg.Rules.Dir = dir
			_, err := NewEngine(cfg)
			if err == nil || !strings.Contains(err.Error(), "bad.toml") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v; want it to name bad.toml and %q", err, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	text := "Dear Dr. Park,\n\nThank you for the\ninterview on Nov. 12. It was great! Did you\nget my CV? Yes.\n- one item\n- two items"
	var got []string
	for _, s := range sentences(text) {
		got = append(got, text[s.start:s.end])
	}
	want := []string{"Dear Dr. Park,", "Thank you for the\ninterview on Nov. 12.", "It was great!", "Did you\nget my CV?", "Yes.", "- one item", "- two items"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences:\n got  %q\n want %q", got, want)
	}
}

// TestSentencesListItemGoesOn: a list item that ends in a comma goes on in
// the next one (a trade split across two bullets is one sentence).
func TestSentencesListItemGoesOn(t *testing.T) {
	text := "Where I stand:\n* If the committee ranks me to match,\n* I will put Lakeside first.\n* The project time."
	var got []string
	for _, s := range sentences(text) {
		got = append(got, text[s.start:s.end])
	}
	want := []string{"Where I stand:", "* If the committee ranks me to match,\n* I will put Lakeside first.", "* The project time."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences:\n got  %q\n want %q", got, want)
	}
}

// TestCueWord: a window cue is looked for where a word starts with the
// first letters of its longest word; a cue that starts with no word is
// looked for everywhere.
func TestCueWord(t *testing.T) {
	for _, tt := range []struct{ cue, want string }{
		{"in return", "retur"},
		{"the same", "same"},
		{"reciprocat", "recip"},
		{"i hope", "hope"},
		{"won't change", "chang"},
		{"?", ""},
		{"", ""},
	} {
		if got := cueWord(tt.cue); got != tt.want {
			t.Errorf("cueWord(%q) = %q, want %q", tt.cue, got, tt.want)
		}
	}
}

// A large rules file is decoded in pieces side by side: the result must be
// that of one decode, and errors must name the line in the whole file.
func TestDecodeRuleFileInPieces(t *testing.T) {
	b, err := builtinRules.ReadFile("rules/outgoing.toml")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(ruleFilePieces(string(b), 2)); n != 2 {
		t.Fatalf("outgoing.toml cuts into %d pieces; want 2 (the test would prove nothing)", n)
	}
	got, err := decodeRuleFile("x", b)
	if err != nil {
		t.Fatal(err)
	}
	want, err := decodeRuleText("x", string(b))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded in pieces: %d rules; whole: %d rules, and they differ", len(got.Rules), len(want.Rules))
	}

	// A synthetic file, big enough to be cut, with a fault near its end.
	var big strings.Builder
	big.WriteString("[concepts]\nx = [\"a\"]\n")
	for i := 0; big.Len() < 300<<10; i++ {
		fmt.Fprintf(&big, "\n[[rule]]\nid = \"r%d\"\naction = \"warn\"\npatterns = [%s\"rank me\"]\n", i, strings.Repeat(`"filler words here", `, 40))
	}
	lines := strings.Count(big.String(), "\n")
	for _, tc := range []struct{ name, tail, want string }{
		{"syntax", "\n[[rule]]\nid = \"bad\"\naction = \"warn\n", fmt.Sprintf("x:%d:", lines+4)},
		{"unknown key", "\n[[rule]]\nid = \"bad\"\naction = \"warn\"\npatternz = [\"x\"]\n", `unknown key "rule.patternz"`},
		{"concepts twice", "\n[concepts]\ny = [\"b\"]\n", "x:"},
	} {
		src := big.String() + tc.tail
		if len(ruleFilePieces(src, 2)) < 2 {
			t.Fatalf("%s: the file is not cut", tc.name)
		}
		_, err := decodeRuleFile("x", []byte(src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v; want it to contain %q", tc.name, err, tc.want)
		}
	}
}

// TestLoneConceptsBranch: a pattern whose first clause is a lone concept
// is split into one pattern per entry only up to 40 entries (branches);
// past that the whole list runs as one expression on every sentence, and
// CheckDraft slowed from 508 µs to 1,144 µs the one time it happened.
// Keep such concepts at 40 entries or fewer (add a second concept).
func TestLoneConceptsBranch(t *testing.T) {
	rs, err := LoadRules("")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs.Rules {
		for _, p := range append(append([]string{}, r.Patterns...), r.Unless...) {
			first := strings.TrimPrefix(strings.TrimSpace(strings.Split(p, " & ")[0]), "!")
			m := loneConcept.FindStringSubmatch(first)
			if m == nil || m[1] == "program" {
				continue
			}
			if n := len(rs.Concepts[m[1]]); n > 40 {
				t.Errorf("rule %s: pattern %q leads with {%s}, which has %d entries (at most 40 branch)", r.ID, p, m[1], n)
			}
		}
	}
}
