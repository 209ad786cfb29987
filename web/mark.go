package web

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/matchguard/matchguard/analyzer"
)

// segment is a run of text, marked when it carries findings.
type segment struct {
	Text string
	Mark bool
	// Refs are the numbers (1-based) of the findings marked here.
	Refs []int
	// Action is the most severe action among them (a CSS class).
	Action string
	// Title names their rules, for the mark's tooltip.
	Title string
}

// viewFinding is a finding as the page lists it.
type viewFinding struct {
	analyzer.Finding
	N      int  // 1-based number, also the anchor f<N>
	Placed bool // marked in the text (or the subject)
}

// placed reports whether f's offsets are a valid span of text.
func placed(f analyzer.Finding, text string) bool {
	return f.Start >= 0 && f.End > f.Start && f.End <= len(text) &&
		utf8.RuneStart(text[f.Start]) && (f.End == len(text) || utf8.RuneStart(text[f.End]))
}

// markText cuts text into segments, marking the spans of the findings
// (numbered from 1 in fs order) that field selects and that are placed.
// Overlapping spans are merged into one mark that names all of them.
func markText(text string, fs []viewFinding, field string) []segment {
	type span struct {
		start, end int
		refs       []int
		action     analyzer.Action
		rules      []string
	}
	var spans []span
	for _, f := range fs {
		if !f.Placed || fieldOf(f.Finding) != field {
			continue
		}
		spans = append(spans, span{start: f.Start, end: f.End, refs: []int{f.N}, action: f.Action, rules: []string{f.Rule}})
	}
	if len(spans) == 0 {
		return []segment{{Text: text}}
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	merged := spans[:1]
	for _, sp := range spans[1:] {
		last := &merged[len(merged)-1]
		if sp.start < last.end {
			last.end = max(last.end, sp.end)
			last.refs = append(last.refs, sp.refs...)
			last.rules = append(last.rules, sp.rules...)
			if severity(sp.action) > severity(last.action) {
				last.action = sp.action
			}
			continue
		}
		merged = append(merged, sp)
	}
	var out []segment
	pos := 0
	for _, sp := range merged {
		if sp.start > pos {
			out = append(out, segment{Text: text[pos:sp.start]})
		}
		out = append(out, segment{Text: text[sp.start:sp.end], Mark: true, Refs: sp.refs,
			Action: string(sp.action), Title: strings.Join(dedupe(sp.rules), ", ")})
		pos = sp.end
	}
	if pos < len(text) {
		out = append(out, segment{Text: text[pos:]})
	}
	return out
}

// fieldOf is where a finding's offsets point: "subject" or "body".
func fieldOf(f analyzer.Finding) string {
	if f.Field == "subject" {
		return "subject"
	}
	return "body"
}

func severity(a analyzer.Action) int {
	switch a {
	case analyzer.Warn:
		return 1
	case analyzer.Hold:
		return 2
	case analyzer.Block:
		return 3
	}
	return 0
}

func dedupe(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// viewFindings numbers the findings and says which can be marked in own
// (body) or subject.
func viewFindings(fs []analyzer.Finding, own, subject string) []viewFinding {
	out := make([]viewFinding, len(fs))
	for i, f := range fs {
		text := own
		if fieldOf(f) == "subject" {
			text = subject
		}
		ok := (f.Field == "" || f.Field == "body" || f.Field == "subject") && placed(f, text)
		out[i] = viewFinding{Finding: f, N: i + 1, Placed: ok}
	}
	return out
}
