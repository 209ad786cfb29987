package smtp

import (
	"fmt"
	"strings"
	"unicode/utf8"

	gosmtp "github.com/emersion/go-smtp"
	"github.com/matchguard/matchguard/analyzer"
)

// Refusal replies are read by a person in a mail client's error box: a
// few short lines, each finding on its own, and what to do next.

const (
	maxLine     = 450 // characters of text in one reply line
	maxFindings = 6   // findings listed in one reply
)

func reviewURL(web, id string) string {
	return "http://" + web + "/review/" + id
}

// holdReply is the 550 for a held message.
func holdReply(id, web, to string, res *analyzer.Result) *gosmtp.SMTPError {
	var b []string
	b = append(b, fmt.Sprintf("matchguard held this message%s for your review (ID %s):", to, id))
	b = append(b, findingLines(res, false)...)
	b = append(b, fmt.Sprintf("Approve it at %s or run: matchguard review approve %s, then send again.", reviewURL(web, id), id))
	return refusal(b)
}

// blockReply is the 550 for a blocked message: each finding with the
// offending words, why, and a compliant rewrite.
func blockReply(id, web, to string, res *analyzer.Result) *gosmtp.SMTPError {
	var b []string
	b = append(b, fmt.Sprintf("matchguard refused this message%s (ID %s):", to, id))
	b = append(b, findingLines(res, true)...)
	b = append(b, fmt.Sprintf("Please rewrite it. To send it unchanged: matchguard review override %s --why \"your reason\", then send again. Details: %s", id, reviewURL(web, id)))
	return refusal(b)
}

func refusal(lines []string) *gosmtp.SMTPError {
	for i, l := range lines {
		lines[i] = clip(l, maxLine)
	}
	return &gosmtp.SMTPError{Code: 550, EnhancedCode: gosmtp.EnhancedCode{5, 7, 1}, Message: strings.Join(lines, "\n")}
}

// findingLines lists the findings that refused the message (hold and
// block; warn notes only when nothing else is there).
func findingLines(res *analyzer.Result, detail bool) []string {
	var fs []analyzer.Finding
	for _, f := range res.Findings {
		if f.Action == analyzer.Hold || f.Action == analyzer.Block {
			fs = append(fs, f)
		}
	}
	if len(fs) == 0 {
		fs = res.Findings
	}
	var out []string
	for i, f := range fs {
		if i == maxFindings {
			out = append(out, fmt.Sprintf("...and %d more; see the review page.", len(fs)-i))
			break
		}
		head := "- " + f.Rule
		if f.Excerpt != "" {
			head += fmt.Sprintf(": \"%s\"", oneLine(clip(oneLine(f.Excerpt), 160)))
		}
		if !detail {
			if f.Message != "" {
				head += " - " + oneLine(f.Message)
			}
			out = append(out, head)
			continue
		}
		out = append(out, head)
		if f.Message != "" {
			out = append(out, "  Why: "+oneLine(f.Message))
		}
		if f.Suggestion != "" {
			out = append(out, "  Instead: "+oneLine(f.Suggestion))
		}
	}
	if len(out) == 0 {
		out = append(out, "- (no details were given)")
	}
	return out
}

var asciiPunct = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201c", "\"", "\u201d", "\"",
	"\u2013", "-", "\u2014", "-", "\u2026", "...", "\u00a0", " ",
)

// oneLine makes s safe and tidy for a reply line: no control characters
// (a CR or LF would end the reply early), typographic punctuation as
// ASCII, runs of space collapsed.
func oneLine(s string) string {
	s = asciiPunct.Replace(s)
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// clip shortens s to at most n bytes, at a word boundary where one is
// near, marking the cut with "...".
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - 3
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut-40 && sp > 0 {
		cut = sp
	}
	return s[:cut] + "..."
}
