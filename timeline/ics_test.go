package timeline

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestICSEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{`a\b`, `a\\b`},
		{"a;b,c", `a\;b\,c`},
		{"line1\nline2\r\nline3", `line1\nline2\nline3`},
		{"tab\there", "tabhere"},
		{"Zoë: 12:00", "Zoë: 12:00"}, // colons need no escape in TEXT
	}
	for _, tt := range tests {
		if got := icsEscape(tt.in); got != tt.want {
			t.Errorf("icsEscape(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestWriteFolded(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"short", "SUMMARY:short"},
		{"exactly 75", "SUMMARY:" + strings.Repeat("x", 75-8)},
		{"76", "SUMMARY:" + strings.Repeat("x", 76-8)},
		{"long ascii", "DESCRIPTION:" + strings.Repeat("0123456789", 30)},
		{"multibyte across the fold", "SUMMARY:" + strings.Repeat("é", 100)},
		{"4-byte runes", "SUMMARY:" + strings.Repeat("😀", 50)},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		w := bufioWriter(&b)
		writeFolded(w, tt.in)
		w.Flush()
		out := b.String()
		if !strings.HasSuffix(out, "\r\n") {
			t.Errorf("%s: output does not end in CRLF: %q", tt.name, out)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
		for i, l := range lines {
			if len(l) > 75 {
				t.Errorf("%s: line %d is %d octets; want at most 75", tt.name, i, len(l))
			}
			if !utf8.ValidString(l) {
				t.Errorf("%s: line %d splits a UTF-8 character: %q", tt.name, i, l)
			}
			if i > 0 && !strings.HasPrefix(l, " ") {
				t.Errorf("%s: continuation line %d does not start with a space", tt.name, i)
			}
		}
		if got := unfold(out); got != tt.in {
			t.Errorf("%s: unfolded = %q; want %q", tt.name, got, tt.in)
		}
		if len(tt.in) <= 75 && len(lines) != 1 {
			t.Errorf("%s: %d-octet line folded into %d lines; want 1", tt.name, len(tt.in), len(lines))
		}
	}
}

// unfold joins folded lines (RFC 5545 §3.1).
func unfold(s string) string {
	return strings.TrimSuffix(strings.ReplaceAll(s, "\r\n ", ""), "\r\n")
}

// icsUnescape reverses icsEscape.
func icsUnescape(s string) string {
	r := strings.NewReplacer(`\\`, `\`, `\;`, ";", `\,`, ",", `\n`, "\n", `\N`, "\n")
	return r.Replace(s)
}

type icsProp struct{ name, params, value string }

// parseICS checks the physical form of a calendar and returns its content
// lines, unfolded and split into name, parameters and value.
func parseICS(t *testing.T, out string) []icsProp {
	t.Helper()
	if strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\r") {
		t.Fatalf("bare CR or LF in output")
	}
	if !strings.HasSuffix(out, "\r\n") {
		t.Fatalf("output does not end in CRLF")
	}
	var logical []string
	for i, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("physical line %d is %d octets: %q", i+1, len(l), l)
		}
		if strings.HasPrefix(l, " ") {
			if len(logical) == 0 {
				t.Fatalf("output starts with a continuation line")
			}
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	var props []icsProp
	for _, l := range logical {
		colon := strings.IndexByte(l, ':')
		if colon <= 0 {
			t.Fatalf("content line without NAME:value: %q", l)
		}
		name, params, _ := strings.Cut(l[:colon], ";")
		for _, r := range name {
			if !(r >= 'A' && r <= 'Z' || r == '-') {
				t.Fatalf("bad property name %q in %q", name, l)
			}
		}
		props = append(props, icsProp{name, params, l[colon+1:]})
	}
	return props
}

func TestWriteICS(t *testing.T) {
	now := time.Date(2026, 11, 20, 8, 30, 0, 0, time.FixedZone("EST", -5*3600))
	long := "Interview: Clinical Informatics Fellowship, Lakeside University Medical Center; Department of Medicine, Division of Biomedical Informatics — Zoë's day"
	events := []Event{
		{At: t0, Program: "lakeside", Direction: DirIn, Type: "interview-invite", Subject: "skipped: not due"},
		{At: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC), Program: "lakeside", Direction: DirDue, Type: TypeInterview, Subject: long, Detail: "Line one,\nline two; with \\ backslash"},
		{At: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), Program: "lakeside", Direction: DirDue, Type: TypeThankYouDue, Subject: "Thank-you note due"},
		{At: time.Date(2027, 3, 3, 0, 0, 0, 0, time.UTC), Program: "river side/x", Direction: DirDue, Type: TypeRankDeadline},
	}
	var b bytes.Buffer
	if err := WriteICS(&b, events, now); err != nil {
		t.Fatal(err)
	}
	props := parseICS(t, b.String())

	// Structure: one calendar with VERSION and PRODID, three events.
	var (
		stack  []string
		vevent []map[string]icsProp
		cal    = map[string]string{}
	)
	for _, p := range props {
		switch p.name {
		case "BEGIN":
			stack = append(stack, p.value)
			if p.value == "VEVENT" {
				vevent = append(vevent, map[string]icsProp{})
			}
			continue
		case "END":
			if len(stack) == 0 || stack[len(stack)-1] != p.value {
				t.Fatalf("END:%s does not close %v", p.value, stack)
			}
			stack = stack[:len(stack)-1]
			continue
		}
		if len(stack) == 1 {
			cal[p.name] = p.value
		} else if len(stack) == 2 && stack[1] == "VEVENT" {
			vevent[len(vevent)-1][p.name] = p
		}
	}
	if len(stack) != 0 || props[0].value != "VCALENDAR" {
		t.Fatalf("unbalanced calendar: open %v", stack)
	}
	if cal["VERSION"] != "2.0" || cal["PRODID"] != ICSProdID {
		t.Errorf("calendar VERSION %q PRODID %q; want 2.0, %q", cal["VERSION"], cal["PRODID"], ICSProdID)
	}
	if len(vevent) != 3 {
		t.Fatalf("%d VEVENTs; want 3 (only due events)", len(vevent))
	}
	want := []struct {
		uid, start, end, summary, desc string
	}{
		{"interview.lakeside@matchguard", "20261203", "20261204", long, "Line one,\nline two; with \\ backslash"},
		{"thank-you-due.lakeside@matchguard", "20261207", "20261208", "Thank-you note due", ""},
		{"rank-deadline.river_side_x@matchguard", "20270303", "20270304", "rank-deadline", ""},
	}
	for i, w := range want {
		ev := vevent[i]
		if got := ev["UID"].value; got != w.uid {
			t.Errorf("event %d UID = %q; want %q", i, got, w.uid)
		}
		if p := ev["DTSTART"]; p.params != "VALUE=DATE" || p.value != w.start {
			t.Errorf("event %d DTSTART;%s:%s; want ;VALUE=DATE:%s", i, p.params, p.value, w.start)
		}
		if p := ev["DTEND"]; p.params != "VALUE=DATE" || p.value != w.end {
			t.Errorf("event %d DTEND;%s:%s; want ;VALUE=DATE:%s", i, p.params, p.value, w.end)
		}
		if got := ev["DTSTAMP"].value; got != "20261120T133000Z" {
			t.Errorf("event %d DTSTAMP = %q; want now in UTC, 20261120T133000Z", i, got)
		}
		if got := icsUnescape(ev["SUMMARY"].value); got != w.summary {
			t.Errorf("event %d SUMMARY unescaped = %q; want %q", i, got, w.summary)
		}
		if got := icsUnescape(ev["DESCRIPTION"].value); got != w.desc {
			t.Errorf("event %d DESCRIPTION unescaped = %q; want %q", i, got, w.desc)
		}
	}
	// The raw summary is escaped: no unescaped ; or , in TEXT.
	if s := vevent[0]["SUMMARY"].value; !strings.Contains(s, `\;`) || !strings.Contains(s, `\,`) {
		t.Errorf("SUMMARY not escaped: %q", s)
	}

	// UIDs are stable: the same events give the same calendar apart from DTSTAMP.
	var b2 bytes.Buffer
	WriteICS(&b2, events, now.Add(time.Hour))
	strip := func(s string) string {
		var keep []string
		for _, l := range strings.Split(s, "\r\n") {
			if !strings.HasPrefix(l, "DTSTAMP:") {
				keep = append(keep, l)
			}
		}
		return strings.Join(keep, "\r\n")
	}
	if strip(b.String()) != strip(b2.String()) {
		t.Errorf("calendars written at different times differ beyond DTSTAMP")
	}
}

func TestWriteICSEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := WriteICS(&b, nil, t0); err != nil {
		t.Fatal(err)
	}
	props := parseICS(t, b.String())
	if props[0].value != "VCALENDAR" || props[len(props)-1].name != "END" {
		t.Errorf("empty calendar = %q", b.String())
	}
}

func bufioWriter(b *bytes.Buffer) *bufio.Writer { return bufio.NewWriter(b) }
