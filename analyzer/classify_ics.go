package analyzer

import (
	"strings"
	"time"
)

// clEvent is one VEVENT of a text/calendar part.
type clEvent struct {
	method  string // the calendar's METHOD: REQUEST, PUBLISH, CANCEL, …
	summary string
	day     clDay
	at      time.Time // zero when only a date is known
	cancel  bool
}

// parseCLCalendar reads the events of an iCalendar text (RFC 5545): folded
// lines are unfolded; DTSTART may carry TZID, end in Z (UTC, shown in the
// zone of ref, the message's Date) or be a VALUE=DATE day.
func parseCLCalendar(ics string, ref time.Time) []clEvent {
	var out []clEvent
	var method string
	var cur *clEvent
	lines := strings.Split(strings.ReplaceAll(ics, "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		for i+1 < len(lines) && len(lines[i+1]) > 0 && (lines[i+1][0] == ' ' || lines[i+1][0] == '\t') {
			line += lines[i+1][1:]
			i++
		}
		colon := strings.IndexByte(line, ':')
		if colon < 0 {
			continue
		}
		name, value := line[:colon], strings.TrimSpace(line[colon+1:])
		var params []string
		if semi := strings.IndexByte(name, ';'); semi >= 0 {
			params = strings.Split(name[semi+1:], ";")
			name = name[:semi]
		}
		switch strings.ToUpper(name) {
		case "METHOD":
			method = strings.ToUpper(value)
		case "BEGIN":
			if strings.EqualFold(value, "VEVENT") {
				cur = &clEvent{method: method}
			}
		case "END":
			if strings.EqualFold(value, "VEVENT") && cur != nil {
				if cur.day.Y != 0 {
					cur.cancel = cur.cancel || method == "CANCEL"
					out = append(out, *cur)
				}
				cur = nil
			}
		case "SUMMARY":
			if cur != nil {
				cur.summary = strings.NewReplacer(`\,`, ",", `\;`, ";", `\n`, " ", `\N`, " ").Replace(value)
			}
		case "STATUS":
			if cur != nil && strings.EqualFold(value, "CANCELLED") {
				cur.cancel = true
			}
		case "DTSTART":
			if cur != nil {
				cur.day, cur.at = clDTStart(value, params, ref)
			}
		}
	}
	return out
}

// clDTStart parses a DTSTART value.
func clDTStart(v string, params []string, ref time.Time) (clDay, time.Time) {
	tzid := ""
	for _, p := range params {
		if k, val, ok := strings.Cut(p, "="); ok && strings.EqualFold(k, "TZID") {
			tzid = val
		}
	}
	if len(v) < 8 {
		return clDay{}, time.Time{}
	}
	y, ok1 := clNum(v[0:4], false)
	mo, ok2 := clNum(v[4:6], false)
	d, ok3 := clNum(v[6:8], false)
	if !ok1 || !ok2 || !ok3 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return clDay{}, time.Time{}
	}
	day := clDay{y, time.Month(mo), d}
	if len(v) < 15 || v[8] != 'T' {
		return day, time.Time{} // VALUE=DATE
	}
	h, ok4 := clNum(v[9:11], false)
	mi, ok5 := clNum(v[11:13], false)
	s, ok6 := clNum(v[13:15], false)
	if !ok4 || !ok5 || !ok6 {
		return day, time.Time{}
	}
	if strings.HasSuffix(v, "Z") {
		t := time.Date(y, time.Month(mo), d, h, mi, s, 0, time.UTC)
		if !ref.IsZero() {
			t = t.In(ref.Location())
		}
		return clDay{t.Year(), t.Month(), t.Day()}, t
	}
	if tzid != "" {
		if off, ok := clTZIDOffset(tzid, day); ok {
			return day, time.Date(y, time.Month(mo), d, h, mi, s, 0, time.FixedZone(tzid, off*3600))
		}
		return day, time.Time{}
	}
	// Floating time: the day as written.
	return day, time.Date(y, time.Month(mo), d, h, mi, s, 0, time.UTC)
}
