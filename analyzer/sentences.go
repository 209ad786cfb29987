package analyzer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range [start, end) of a text.
type span struct{ start, end int }

// abbreviations that end in a period without ending a sentence.
var abbreviations = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "st": true, "e.g": true, "i.e": true,
	"etc": true, "vs": true, "u.s": true, "no": true, "jr": true, "sr": true, "ph.d": true, "m.d": true,
	"dept": true, "univ": true, "approx": true, "inc": true, "al": true, "fig": true, "mt": true, "ft": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "a.m": true, "p.m": true, "u.k": true, "vol": true,
}

// sentences splits text into sentences. A sentence ends at . ! ? (followed
// by space or the end, not after an abbreviation), at a blank line, and at
// a line that looks like a list item or a greeting/closing line. A single
// line break inside a paragraph does not end a sentence: plain-text mail
// is hard-wrapped. Each span includes its closing punctuation.
func sentences(text string) []span {
	var out []span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if e > s {
			out = append(out, span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '.' || c == '!' || c == '?':
			j := i + 1
			for j < len(text) && (text[j] == '.' || text[j] == '!' || text[j] == '?' || text[j] == '"' || text[j] == '\'' || text[j] == ')') {
				j++
			}
			if j < len(text) && (text[j] == 0xe2) { // closing curly quote ” or ’
				if r, n := utf8.DecodeRuneInString(text[j:]); r == '”' || r == '’' {
					j += n
				}
			}
			if j >= len(text) || isSpaceByte(text[j]) {
				if c != '.' || !endsWithAbbrev(text[start:i]) {
					emit(j)
				}
			}
			i = j
		case c == '\n':
			// Blank line, or next line starts a list item / new block.
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			// (A list item that ends in a comma goes on in the next one:
			// "* If the committee is able to rank me in a position to
			// match," "* I will put Lakeside first".)
			list := isListStart(text[j:]) && !dashAside(text[start:i], text[j:])
			goesOn := list && strings.HasSuffix(strings.TrimRight(text[start:i], " \t\r"), ",")
			if j >= len(text) || text[j] == '\n' || (list || lineIsShort(text[start:i])) && !goesOn {
				emit(i + 1)
			}
			i++
		default:
			i++
		}
	}
	emit(len(text))
	return out
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func endsWithAbbrev(s string) bool {
	k := len(s)
	j := k
	for j > 0 && (isWordByte(s[j-1]) || s[j-1] == '.') {
		j--
	}
	w := strings.ToLower(s[j:k])
	if w == "" {
		return false
	}
	if abbreviations[w] {
		return true
	}
	// A list item's number at the start of its line ("1. an updated CV").
	if len(w) <= 2 && w[0] >= '0' && w[0] <= '9' && (len(w) == 1 || w[1] >= '0' && w[1] <= '9') {
		b := strings.TrimRight(s[:j], " \t")
		return b == "" || strings.HasSuffix(b, "\n")
	}
	// A single capital letter: an initial ("Helen M. Park"); not the s of
	// a possessive ("a day at St. Brendan's. I still think of it").
	if j > 0 && (s[j-1] == '\'' || strings.HasSuffix(s[:j], "’")) {
		return false
	}
	return len(w) == 1 && unicode.IsLetter(rune(w[0]))
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// dashAside reports whether a line that starts "- " carries on the
// sentence of a long wrapped line before it as a dash aside ("Nobody from
// Meridian - faculty, fellows, or anyone else at the health system\n  -
// should ask you …") rather than starting a list item: the line before
// runs to the margin without closing its sentence, is no "- " item
// itself and opened the aside with a dash of its own, and the words after
// the dash go on in lower case.
func dashAside(before, line string) bool {
	if len(line) < 3 || line[0] != '-' || line[1] != ' ' || line[2] < 'a' || line[2] > 'z' {
		return false
	}
	if k := strings.LastIndexByte(before, '\n'); k >= 0 {
		before = before[k+1:]
	}
	before = strings.TrimSpace(before)
	// (a line that is itself a "- " item starts a list of them)
	if len(before) < 60 || strings.HasPrefix(before, "- ") {
		return false
	}
	switch before[len(before)-1] {
	case '.', ':', ';', '!', '?', ',':
		return false
	}
	// (the aside opened with a dash earlier on the line: "Nobody from
	// Meridian - faculty, …")
	return strings.Contains(before, " - ") || strings.Contains(before, " – ") || strings.Contains(before, " — ")
}

func isListStart(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '-', '*', '+':
		return len(s) > 1 && s[1] == ' '
	}
	if strings.HasPrefix(s, "•") {
		return true
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i < 3 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}

// lineIsShort reports whether the last line of s is a short line that
// ends a block of its own: a greeting ("Dear Dr. Park,") or a closing
// ("Best regards,"), which ends in a comma or colon and is short.
func lineIsShort(s string) bool {
	if k := strings.LastIndexByte(s, '\n'); k >= 0 {
		s = s[k+1:]
	}
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 60 {
		return false
	}
	last := s[len(s)-1]
	return last == ',' || last == ':'
}

// asciiLower lower-cases ASCII letters only, so byte offsets are kept.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
