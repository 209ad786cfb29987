package timeline

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// ICSProdID is the PRODID of the calendars WriteICS writes.
const ICSProdID = "-//matchguard//matchguard timeline//EN"

// WriteICS writes an iCalendar (RFC 5545) VCALENDAR to w with one all-day
// VEVENT for each "due" event in events; other events are skipped. Each
// event's UID is stable per program and type
// (<type>.<program>@matchguard), so re-importing a calendar updates the
// entries rather than doubling them. DTSTAMP is now. Lines end in CRLF
// and are folded at 75 octets, never inside a UTF-8 character; TEXT values
// are escaped (backslash, semicolon, comma, newline).
func WriteICS(w io.Writer, events []Event, now time.Time) error {
	bw := bufio.NewWriter(w)
	stamp := now.UTC().Format("20060102T150405Z")
	line := func(name, value string) { writeFolded(bw, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", ICSProdID)
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	line("X-WR-CALNAME", "matchguard")
	for _, e := range events {
		if e.Direction != DirDue {
			continue
		}
		u := e.At.UTC()
		day := time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, time.UTC)
		summary := e.Subject
		if summary == "" {
			summary = e.Type
		}
		line("BEGIN", "VEVENT")
		line("UID", icsEscape(uidPart(e.Type)+"."+uidPart(e.Program)+"@matchguard"))
		line("DTSTAMP", stamp)
		line("DTSTART;VALUE=DATE", day.Format("20060102"))
		line("DTEND;VALUE=DATE", day.AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY", icsEscape(summary))
		if e.Detail != "" {
			line("DESCRIPTION", icsEscape(e.Detail))
		}
		if e.Program != "" {
			line("CATEGORIES", icsEscape(e.Type)+","+icsEscape(e.Program))
		} else {
			line("CATEGORIES", icsEscape(e.Type))
		}
		line("TRANSP", "TRANSPARENT")
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("timeline: write calendar: %w", err)
	}
	return nil
}

// uidPart keeps a UID component to safe characters.
func uidPart(s string) string {
	if s == "" {
		return "none"
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			return r
		}
		return '_'
	}, s)
}

// icsEscape escapes a TEXT value (RFC 5545 §3.3.11).
func icsEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			b.WriteString(`\\`)
		case ';':
			b.WriteString(`\;`)
		case ',':
			b.WriteString(`\,`)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case '\n':
			b.WriteString(`\n`)
		default:
			if c < 0x20 || c == 0x7f { // other controls are not allowed in TEXT
				continue
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// writeFolded writes one content line, folded so that no line exceeds 75
// octets (excluding CRLF): continuation lines start with a space, which
// counts toward their 75. A fold never splits a UTF-8 sequence.
func writeFolded(w *bufio.Writer, s string) {
	const max = 75
	limit := max
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = max - 1
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}
