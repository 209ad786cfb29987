package analyzer

import (
	"strings"
	"time"
)

// Reading interview dates from text. Dates are found on the word stream of
// classify_phrase.go, so "Tuesday, December 3rd at 9:00 AM ET",
// "Dec. 3", "3 Dec 2026", "12/03/2026", "Thu 12/3" and "2026-12-03" are all
// the same few shapes: a month name next to a day number, or numbers joined
// by "/" or "-". A missing year is the next occurrence on or after the
// message's Date (a weekday named beside the date picks between this year
// and the next).

// clDate is one date mentioned in a text.
type clDate struct {
	day       clDay
	from, to  int // tokens
	hasYear   bool
	weekday   int // 0 none, else time.Weekday+1
	at        time.Time
	sentence  int32
	deadline  bool
	old       bool // "originally set for …": replaced by another date
	otherEvnt bool // the sentence is about a non-interview event
	interview bool // the sentence speaks of the interview
	hers      bool // the sentence gives the day to her ("your session", "held for you")
	moved     bool // the day the interview moves to
	notDay    bool // no day to come to: "the week of", "emailed on"
	named     bool // "interview" stands just before it: "your interview on …"
	swapped   bool // read day first because a weekday beside it says so
	doc       *clDoc
	text      string // as written, for evidence
	bareDay   bool   // "the 10th": the month is a guess from the Date
	subject   bool   // found in the Subject line
	relative  bool   // a weekday alone ("on Tuesday"): the next one is a guess
}

// clDay is a calendar day.
type clDay = struct {
	Y int
	M time.Month
	D int
}

func clMonth(w string) time.Month {
	switch w {
	case "january", "jan":
		return time.January
	case "february", "feb":
		return time.February
	case "march", "mar":
		return time.March
	case "april", "apr":
		return time.April
	case "may":
		return time.May
	case "june", "jun":
		return time.June
	case "july", "jul":
		return time.July
	case "august", "aug":
		return time.August
	case "september", "sep", "sept":
		return time.September
	case "october", "oct":
		return time.October
	case "november", "nov":
		return time.November
	case "december", "dec":
		return time.December
	}
	return clForeignMonths[w]
}

// clForeignMonths are the months in the other languages programs write in
// (Spanish, French, Portuguese, German): "10 de diciembre de 2026", "le
// jeudi 5 novembre", "am 12. November".
var clForeignMonths = map[string]time.Month{
	"enero": time.January, "janvier": time.January, "janeiro": time.January, "januar": time.January,
	"febrero": time.February, "février": time.February, "fevrier": time.February, "fevereiro": time.February, "februar": time.February,
	"marzo": time.March, "mars": time.March, "março": time.March, "märz": time.March, "maerz": time.March,
	"abril": time.April, "avril": time.April,
	"mayo": time.May, "mai": time.May, "maio": time.May,
	"junio": time.June, "juin": time.June, "junho": time.June, "juni": time.June,
	"julio": time.July, "juillet": time.July, "julho": time.July, "juli": time.July,
	"agosto": time.August, "août": time.August, "aout": time.August,
	"septiembre": time.September, "setiembre": time.September, "septembre": time.September, "setembro": time.September,
	"octubre": time.October, "octobre": time.October, "outubro": time.October, "oktober": time.October,
	"noviembre": time.November, "novembre": time.November, "novembro": time.November,
	"diciembre": time.December, "décembre": time.December, "decembre": time.December, "dezembro": time.December, "dezember": time.December,
}

func clWeekday(w string) int {
	switch w {
	case "sunday", "sun":
		return int(time.Sunday) + 1
	case "monday", "mon":
		return int(time.Monday) + 1
	case "tuesday", "tue", "tues":
		return int(time.Tuesday) + 1
	case "wednesday", "wed":
		return int(time.Wednesday) + 1
	case "thursday", "thu", "thur", "thurs":
		return int(time.Thursday) + 1
	case "friday", "fri":
		return int(time.Friday) + 1
	case "saturday", "sat":
		return int(time.Saturday) + 1
	}
	return 0
}

func clIsDigit(c byte) bool { return '0' <= c && c <= '9' }

// clNum parses a token of digits with an optional ordinal suffix.
func clNum(w string, ordinal bool) (int, bool) {
	n, i := 0, 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		if i > 4 {
			return 0, false
		}
		n = n*10 + int(w[i]-'0')
		i++
	}
	if i == 0 {
		return 0, false
	}
	switch w[i:] {
	case "":
		return n, true
	case "st", "nd", "rd", "th":
		return n, ordinal
	case "er", "re", "ère", "º", "ª", "o", "a":
		// French "le 1er décembre", Spanish and Portuguese "1º de
		// dezembro", "1.º"
		return n, ordinal && n <= 31
	}
	return 0, false
}

// joined reports whether tokens i and i+1 are separated by exactly sep.
func (d *clDoc) joined(i int, sep byte) bool {
	return i+1 < len(d.toks) && d.toks[i+1].s == d.toks[i].e+1 && d.src[d.toks[i].e] == sep
}

// near reports whether token j follows token i with only spaces and
// punctuation (no more than 3 bytes) between.
func (d *clDoc) near(i, j int) bool {
	return j < len(d.toks) && d.toks[j].s-d.toks[i].e <= 3 && d.toks[j].sent == d.toks[i].sent
}

// nearWrapped is near, or tokens i and j on consecutive lines with only
// white space between them: a line wrapped inside a date ("… on Thursday,
// November\n5, 2026"), which a short line's own sentence would cut.
func (d *clDoc) nearWrapped(i, j int) bool {
	if d.near(i, j) {
		return true
	}
	if j >= len(d.toks) || d.toks[j].s-d.toks[i].e > 4 || d.toks[j].s < d.toks[i].e {
		return false
	}
	gap := d.src[d.toks[i].e:d.toks[j].s]
	return strings.Count(gap, "\n") == 1 && strings.Trim(gap, " \t\r\n,") == ""
}

// findDates returns the dates mentioned in d. ref is the message's Date
// (zero when unknown); dates without a year are placed on or after it.
func findDates(d *clDoc, ref time.Time) []clDate { return findDatesOrder(d, ref, false) }

// findDatesOrder is findDates; dayFirst reads "04/11/2026" as 4 November
// (a writer in Britain or Europe), not April 11.
func findDatesOrder(d *clDoc, ref time.Time, dayFirst bool) []clDate {
	var out []clDate
	toks := d.toks
	for i := 0; i < len(toks); i++ {
		w := toks[i].w
		var dt clDate
		ok := false
		// swappable: a numeric date whose two numbers could each be the
		// month; a weekday beside it decides the order.
		swappable := false
		if m := clMonth(w); m != 0 {
			// Month Day [Year]: "December 3rd, 2026", "Dec. 3", "December
			// the eighth".
			j := i + 1
			prev := i
			if j+1 < len(toks) && toks[j].w == "the" && d.near(i, j) && d.near(j, j+1) {
				if day, _ := clOrdinalWord(d, j+1); day > 0 {
					prev, j = j, j+1
				} else if day, isNum := clNum(toks[j+1].w, true); isNum && day >= 1 && day <= 31 {
					prev, j = j, j+1
				}
			}
			if d.nearWrapped(prev, j) {
				if day, n := clOrdinalWord(d, j); day > 0 {
					// "December first", "January twenty-first"
					dt = clDate{day: clDay{0, m, day}, from: i, to: j + n - 1}
					ok = true
				} else if day, isNum := clNum(toks[j].w, true); isNum && day >= 1 && day <= 31 && !d.joined(j, ':') {
					dt = clDate{day: clDay{0, m, day}, from: i, to: j}
					ok = true
					if d.nearWrapped(j, j+1) {
						if y, isY := clNum(toks[j+1].w, false); isY && y >= 2000 && y <= 2100 {
							dt.day.Y, dt.hasYear, dt.to = y, true, j+1
						}
					}
				}
			}
		} else if day, isNum := clNum(w, true); isNum {
			switch {
			case day >= 1 && day <= 31 && d.near(i, i+1) && clMonth(toks[i+1].w) != 0 && !d.joined(i, '/') && !d.joined(i, ':'):
				// Day Month [Year]: "3 Dec", "3rd December 2026".
				dt = clDate{day: clDay{0, clMonth(toks[i+1].w), day}, from: i, to: i + 1}
				ok = true
				if d.near(i+1, i+2) {
					if y, isY := clNum(toks[i+2].w, false); isY && y >= 2000 && y <= 2100 {
						dt.day.Y, dt.hasYear, dt.to = y, true, i+2
					}
				}
			case day >= 1 && day <= 31 && len(w) > 2 && !clIsDigit(w[len(w)-1]) && i > 0 && toks[i-1].w == "the" && !ref.IsZero() && !(d.near(i, i+1) && toks[i+1].w == "of") && !(i+1 < len(toks) && clOrdinalNoun[toks[i+1].w]):
				// "the 23rd": the next such day on or after the Date.
				mo, y := ref.Month(), ref.Year()
				if day < ref.Day() {
					mo++
					if mo > time.December {
						mo, y = time.January, y+1
					}
				}
				dt = clDate{day: clDay{y, mo, day}, from: i - 1, to: i, hasYear: true, bareDay: true}
				ok = true
			case day >= 1 && day <= 31 && i+2 < len(toks) && (toks[i+1].w == "of" || toks[i+1].w == "de" || toks[i+1].w == "do") && d.near(i+1, i+2) && clMonth(toks[i+2].w) != 0:
				// "the 3rd of December", "10 de diciembre de 2026"
				dt = clDate{day: clDay{0, clMonth(toks[i+2].w), day}, from: i, to: i + 2}
				ok = true
				if i+4 < len(toks) && toks[i+3].w == "de" && d.near(i+3, i+4) {
					if y, isY := clNum(toks[i+4].w, false); isY && y >= 2000 && y <= 2100 {
						dt.day.Y, dt.hasYear, dt.to = y, true, i+4
					}
				}
			case len(w) == 4 && day >= 2000 && day <= 2100 && (d.joined(i, '-') && d.joined(i+1, '-') || d.joined(i, '/') && d.joined(i+1, '/')):
				// ISO 2026-12-03, and 2026/12/03 as platforms write it.
				mo, ok1 := clNum(toks[i+1].w, false)
				dw := toks[i+2].w
				if len(dw) > 3 && dw[2] == 't' && clIsDigit(dw[3]) {
					dw = dw[:2] // "2026-11-05T13:00": the day before the time
				}
				dd, ok2 := clNum(dw, false)
				if ok1 && ok2 && mo >= 1 && mo <= 12 && dd >= 1 && dd <= 31 {
					dt = clDate{day: clDay{day, time.Month(mo), dd}, from: i, to: i + 2, hasYear: true}
					ok = true
				}
			case day >= 1 && day <= 31 && d.joined(i, '.') && d.joined(i+1, '.') && i+2 < len(toks) && len(toks[i+2].w) == 4 && (i == 0 || !d.joined(i-1, '.')):
				// Dotted, day first, with the year: 10.12.2026.
				mo, ok2 := clNum(toks[i+1].w, false)
				y, ok3 := clNum(toks[i+2].w, false)
				if ok2 && ok3 && mo >= 1 && mo <= 12 && y >= 2000 && y <= 2100 && len(toks[i+1].w) <= 2 {
					dt = clDate{day: clDay{y, time.Month(mo), day}, from: i, to: i + 2, hasYear: true}
					ok = true
				}
			case day >= 1 && day <= 31 && d.joined(i, '-') && d.joined(i+1, '-') && i+2 < len(toks) && len(toks[i+2].w) == 4 && len(toks[i+1].w) <= 2 && (i == 0 || !d.joined(i-1, '-')):
				// Numeric with hyphens and the year last: 12-11-2026 (month
				// first unless the writer writes day first).
				dd, ok2 := clNum(toks[i+1].w, false)
				y, ok3 := clNum(toks[i+2].w, false)
				mo := day
				if ok2 && (day > 12 || dayFirst) && dd >= 1 && dd <= 12 {
					mo, dd = dd, day
				}
				if ok2 && ok3 && mo >= 1 && mo <= 12 && dd >= 1 && dd <= 31 && y >= 2000 && y <= 2100 {
					dt = clDate{day: clDay{y, time.Month(mo), dd}, from: i, to: i + 2, hasYear: true}
					ok = true
					swappable = mo <= 12 && dd <= 12
				}
			case day >= 1 && day <= 31 && d.joined(i, '/') && (i == 0 || !d.joined(i-1, '/')):
				// US numeric: 12/3, 12/03/2026, 12/3/26. Day first
				// ("04/11/2026", "13/11/2026") when the writer writes so,
				// or when the first number can be no month (with a year).
				dd, ok2 := clNum(toks[i+1].w, false)
				mo := day
				if ok2 && (day > 12 || dayFirst) && dd >= 1 && dd <= 12 {
					mo, dd = dd, day
					if day > 12 && !(d.joined(i+1, '/') && len(toks[i+2].w) == 4) {
						ok2 = false
					}
				}
				if ok2 && mo <= 12 && dd >= 1 && dd <= 31 && len(toks[i+1].w) <= 2 {
					dt = clDate{day: clDay{0, time.Month(mo), dd}, from: i, to: i + 1}
					ok = true
					swappable = mo <= 12 && dd <= 12
					if d.joined(i+1, '/') {
						if y, isY := clNum(toks[i+2].w, false); isY {
							switch {
							case len(toks[i+2].w) == 4 && y >= 2000 && y <= 2100:
								dt.day.Y, dt.hasYear, dt.to = y, true, i+2
							case len(toks[i+2].w) == 2:
								dt.day.Y, dt.hasYear, dt.to = 2000+y, true, i+2
							default:
								ok = false
							}
						}
					}
				}
			}
		} else if day, n := clOrdinalWord(d, i); day > 0 && i+n+1 < len(toks) && toks[i+n].w == "of" && d.near(i+n, i+n+1) && clMonth(toks[i+n+1].w) != 0 {
			// "the first of December"
			dt = clDate{day: clDay{0, clMonth(toks[i+n+1].w), day}, from: i, to: i + n + 1}
			ok = true
		} else if w == "thanksgiving" && i >= 2 && toks[i-1].w == "after" && toks[i-2].w == "day" && !ref.IsZero() {
			// "the day after Thanksgiving": US Thanksgiving is the fourth
			// Thursday of November.
			y := ref.Year()
			if ref.Month() == time.December {
				y++
			}
			first := time.Date(y, time.November, 1, 0, 0, 0, 0, time.UTC)
			thu := 1 + (int(time.Thursday)-int(first.Weekday())+7)%7 + 21
			dt = clDate{day: clDay{y, time.November, thu + 1}, from: i - 2, to: i, hasYear: true}
			ok = true
		} else if w == "today" && !ref.IsZero() && i > 0 && (toks[i-1].w == "is" || toks[i-1].w == "interview" || toks[i-1].w == "for" && clHasWord(d, "interview")) {
			// "your interview … is today", "your Zoom link for today" on
			// interview day: the Date's own day.
			dt = clDate{day: clDay{ref.Year(), ref.Month(), ref.Day()}, from: i, to: i, hasYear: true}
			ok = true
		} else if (w == "tomorrow" || w == "tmrw" || w == "tmw" || w == "tomorow" || w == "tommorow" || w == "tommorrow" || w == "2morrow") && !ref.IsZero() {
			// "the day after tomorrow" is two days on.
			t, from := ref.AddDate(0, 0, 1), i
			if i >= 2 && toks[i-1].w == "after" && toks[i-2].w == "day" && d.near(i-2, i-1) && d.near(i-1, i) {
				t, from = ref.AddDate(0, 0, 2), i-2
			}
			dt = clDate{day: clDay{t.Year(), t.Month(), t.Day()}, from: from, to: i, hasYear: true}
			ok = true
		} else if n := clInDays(toks, i); n > 0 && !ref.IsZero() {
			// "your interview … is in 3 days": counted from the Date.
			t := ref.AddDate(0, 0, n)
			dt = clDate{day: clDay{t.Year(), t.Month(), t.Day()}, from: i, to: i + 2, hasYear: true}
			ok = true
		} else if (w == "week" || w == "weeks") && i > 0 && i+2 < len(toks) && toks[i+1].w == "from" && (toks[i+2].w == "today" || toks[i+2].w == "tomorrow") && !ref.IsZero() {
			// "a week from today", "two weeks from tomorrow"
			n := map[string]int{"a": 1, "one": 1, "1": 1, "two": 2, "2": 2, "three": 3, "3": 3}[toks[i-1].w]
			if n > 0 {
				t := ref.AddDate(0, 0, 7*n)
				if toks[i+2].w == "tomorrow" {
					t = t.AddDate(0, 0, 1)
				}
				dt = clDate{day: clDay{t.Year(), t.Month(), t.Day()}, from: i - 1, to: i + 2, hasYear: true}
				ok = true
			}
		} else if wd := clRelWeekday(d, i); wd != 0 && !ref.IsZero() && !clAfterWrittenDate(toks, i) {
			// "next Thursday", "this Friday", "on Tuesday", "see you
			// Monday": the next such day after the Date ("next" when the
			// Date is that weekday is a week on). A weekday that heads a
			// written date ("Tuesday, December 1") is left to that date.
			ahead := (wd - 1 - int(ref.Weekday()) + 7) % 7
			if ahead == 0 && toks[i-1].w != "this" {
				ahead = 7
			}
			// "next Thursday" said on a Wednesday or a Tuesday is the
			// Thursday of the week after ("this Thursday" is tomorrow's).
			if toks[i-1].w == "next" && ahead > 0 && ahead <= 2 {
				ahead += 7
			}
			if clPastBefore(d, i) {
				// "you met on Thursday", "last Tuesday": the day before
				// the Date, not after it.
				ahead = -((int(ref.Weekday()) - (wd - 1) + 7) % 7)
				if ahead == 0 {
					ahead = -7
				}
			}
			if i >= 2 && toks[i-1].w == "from" && toks[i-2].w == "week" {
				// "a week from Thursday": that Thursday, and seven days on
				ahead += 7
			}
			if toks[i-1].w == "following" && i >= 2 && toks[i-2].w == "the" && ahead > 0 {
				// "moved your interview to the following Thursday" (after
				// "this Thursday"): the same weekday a week on.
				ahead += 7
			}
			to := i
			// "your faculty interview on Tuesday week" (British): the
			// Tuesday after the coming one.
			if i+1 < len(toks) && toks[i+1].w == "week" && d.near(i, i+1) && toks[i+1].clause == toks[i].clause && !clPastBefore(d, i) &&
				!(d.near(i+1, i+2) && (toks[i+2].w == "of" || toks[i+2].w == "from" || clIsDigit(toks[i+2].w[0]))) {
				ahead += 7
				to = i + 1
			}
			if n := clNextWeekAfter(toks, i); n > 0 && !clPastBefore(d, i) {
				// "Thursday of next week", "Thursday next week": that day
				// in the calendar week (Monday to Sunday) after the Date's.
				toMonday := (8 - int(ref.Weekday())) % 7
				if toMonday == 0 {
					toMonday = 7
				}
				ahead = toMonday + (wd-1+6)%7
				to = i + n
			}
			t := ref.AddDate(0, 0, ahead)
			from := i - 1
			if i == 0 || !clRelLead(toks[i-1].w) {
				// "from Wednesday to Friday": the word before is left to
				// markDates, which reads it (the old day, the new one).
				from = i
			}
			dt = clDate{day: clDay{t.Year(), t.Month(), t.Day()}, from: from, to: to, hasYear: true, relative: !clPastBefore(d, i)}
			ok = true
		}
		if !ok {
			continue
		}
		// A weekday just before: "Tuesday, December 3", "Thu 12/3".
		if dt.from > 0 && d.near(dt.from-1, dt.from) {
			dt.weekday = clWeekday(toks[dt.from-1].w)
			if dt.weekday != 0 {
				dt.from--
			}
		}
		if swappable {
			clSwapByWeekday(d, &dt, ref)
		}
		if !placeCLDate(&dt, ref) {
			i = dt.to
			continue
		}
		dt.sentence = toks[dt.from].sent
		dt.doc = d
		dt.text = d.excerpt(clSpan{dt.from, dt.to})
		dt.at = clTimeAfter(d, dt)
		out = append(out, dt)
		i = dt.to
		// "Nov 10 or 17", "December 1, 8 and 15": the month carries on.
		if !dt.hasYear && !dt.bareDay && clMonth(toks[dt.from].w) != 0 || clWeekday(toks[dt.from].w) != 0 && dt.from+1 <= dt.to && clMonth(toks[dt.from+1].w) != 0 && !dt.hasYear {
			for k := dt.to; ; {
				j := k + 1
				if j < len(toks) && d.near(k, j) && (toks[j].w == "or" || toks[j].w == "and") {
					j++
				} else if !(j < len(toks) && d.near(k, j) && strings.ContainsAny(d.src[toks[k].e:toks[j].s], ",&")) {
					break
				}
				if j >= len(toks) || !d.near(j-1, j) {
					break
				}
				nd, isNum := clNum(toks[j].w, true)
				if !isNum || nd < 1 || nd > 31 || d.joined(j, ':') || d.joined(j, '/') || clUnitFollows(d, j) {
					break
				}
				nx := clDate{day: clDay{0, dt.day.M, nd}, from: j, to: j}
				if !placeCLDate(&nx, ref) {
					break
				}
				nx.sentence = toks[j].sent
				nx.doc = d
				nx.text = d.excerpt(clSpan{j, j})
				nx.at = clTimeAfter(d, nx)
				out = append(out, nx)
				k, i = j, j
			}
		}
	}
	return out
}

// clSwapByWeekday reads a numeric date the other way round when a weekday
// beside it ("Thursday 12-11-2026", "10/11/2026 (Tuesday)", "Thursday
// 5/11" from a European writer in October) names the day only that reading
// gives. A date without a year is placed as placeCLDate would place it
// (the next such day after ref); with no ref it is left as it is.
func clSwapByWeekday(d *clDoc, dt *clDate, ref time.Time) {
	if !dt.hasYear && ref.IsZero() {
		return
	}
	wd := dt.weekday
	if wd == 0 && dt.from > 0 && d.near(dt.from-1, dt.from) {
		wd = clWeekday(d.toks[dt.from-1].w)
	}
	if j := dt.to + 1; wd == 0 && j < len(d.toks) && strings.Trim(d.src[d.toks[dt.to].e:d.toks[j].s], " (,") == "" {
		wd = clWeekday(d.toks[j].w)
	}
	if wd == 0 {
		return
	}
	is := func(y int, m time.Month, day int) bool {
		if !dt.hasYear {
			y = clNextYear(m, day, ref)
		}
		return int(time.Date(y, m, day, 0, 0, 0, 0, time.UTC).Weekday())+1 == wd
	}
	if int(dt.day.D) > 12 {
		return
	}
	if !is(dt.day.Y, dt.day.M, dt.day.D) && is(dt.day.Y, time.Month(dt.day.D), int(dt.day.M)) {
		dt.day.M, dt.day.D = time.Month(dt.day.D), int(dt.day.M)
		dt.swapped = true
	}
}

// clNextYear is the year placeCLDate gives a day written without one: the
// next such day after ref, unless it is at most two months past.
func clNextYear(m time.Month, day int, ref time.Time) int {
	y := ref.Year()
	r := time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	if d := time.Date(y, m, day, 0, 0, 0, 0, time.UTC); d.Before(r) && r.Sub(d) > 60*24*time.Hour {
		y++
	} else if !d.Before(r) {
		// Across New Year: "December 1", written on January 7, is five
		// weeks past, not eleven months ahead.
		if p := time.Date(y-1, m, day, 0, 0, 0, 0, time.UTC); r.Sub(p) <= 60*24*time.Hour {
			y--
		}
	}
	return y
}

// clUnitFollows reports whether the number at j counts something ("15
// minutes", "10 am", "3 people") rather than naming a day.
func clUnitFollows(d *clDoc, j int) bool {
	w := d.toks[j].w
	if strings.HasSuffix(w, "am") || strings.HasSuffix(w, "pm") {
		return true
	}
	if j+1 >= len(d.toks) || !d.near(j, j+1) {
		return false
	}
	switch d.toks[j+1].w {
	case "am", "pm", "a", "p", "noon", "minutes", "minute", "min", "mins", "hours", "hour", "hrs", "days", "day", "weeks", "people", "candidates", "applicants", "positions", "spots", "slots", "percent":
		return true
	}
	return false
}

// clOrdinalWords are the days of a month written as words.
var clOrdinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
	"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
	"seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}

// clOrdinalWord reads a day written as an ordinal word at token i ("first",
// "twenty-first") and returns it and the tokens it takes, or 0. A word that
// goes on to name something else ("second look", "first week") is none.
func clOrdinalWord(d *clDoc, i int) (int, int) {
	toks := d.toks
	if i >= len(toks) {
		return 0, 0
	}
	n, day := 1, 0
	switch w := toks[i].w; w {
	case "twenty", "thirty":
		if i+1 < len(toks) && d.near(i, i+1) {
			if u, ok := clOrdinalWords[toks[i+1].w]; ok && u < 10 {
				day, n = 20+u, 2
				if w == "thirty" {
					day = 30 + u
				}
			}
		}
	default:
		day = clOrdinalWords[w]
	}
	if day == 0 || day > 31 {
		return 0, 0
	}
	if j := i + n; j < len(toks) && d.near(j-1, j) {
		switch toks[j].w {
		case "look", "week", "weeks", "half", "round", "year", "years", "time", "choice", "day", "days", "interview", "interviews", "place", "option", "letter", "author", "step":
			return 0, 0
		}
	}
	return day, n
}

// placeCLDate fills in a missing year and checks the date exists.
func placeCLDate(dt *clDate, ref time.Time) bool {
	if !dt.hasYear {
		if ref.IsZero() {
			return false
		}
		// The next such day; but a day of the last two months is
		// that day past ("my message of November 20", written on the
		// 23rd), not one eleven months ahead.
		y := clNextYear(dt.day.M, dt.day.D, ref)
		if dt.weekday != 0 {
			for _, cand := range []int{y, y + 1, y - 1} {
				if int(time.Date(cand, dt.day.M, dt.day.D, 0, 0, 0, 0, time.UTC).Weekday())+1 == dt.weekday {
					y = cand
					break
				}
			}
		}
		dt.day.Y = y
	}
	// "Friday the 6th": the next month whose 6th is a Friday.
	if dt.bareDay && dt.weekday != 0 {
		for k := 0; k < 12; k++ {
			t := time.Date(dt.day.Y, dt.day.M+time.Month(k), dt.day.D, 0, 0, 0, 0, time.UTC)
			if t.Day() == dt.day.D && int(t.Weekday())+1 == dt.weekday {
				dt.day = clDay{t.Year(), t.Month(), t.Day()}
				break
			}
		}
	}
	t := time.Date(dt.day.Y, dt.day.M, dt.day.D, 0, 0, 0, 0, time.UTC)
	return t.Day() == dt.day.D // no February 30th
}

// clTimeAfter reads "at 9:00 AM ET", "9am", "from 10:30 a.m. (EST)" within
// a few words after the date and returns the start, or zero.
func clTimeAfter(d *clDoc, dt clDate) time.Time {
	toks := d.toks
	for j := dt.to + 1; j <= dt.to+4 && j < len(toks) && toks[j].sent == toks[dt.to].sent; j++ {
		w := toks[j].w
		h, ok := clNum(strings.TrimRight(w, "apm"), false)
		if !ok || h > 23 {
			continue
		}
		min := 0
		k := j
		if d.joined(j, ':') {
			mm, ok := clNum(strings.TrimRight(toks[j+1].w, "apm"), false)
			if !ok || mm > 59 {
				continue
			}
			min = mm
			k = j + 1
			w = toks[k].w
		}
		// am/pm glued ("9am", "00pm") or following ("AM", "a.m.").
		ampm := ""
		switch {
		case strings.HasSuffix(w, "am"):
			ampm = "am"
		case strings.HasSuffix(w, "pm"):
			ampm = "pm"
		case k+1 < len(toks) && (toks[k+1].w == "am" || toks[k+1].w == "pm"):
			ampm = toks[k+1].w
			k++
		case k+2 < len(toks) && (toks[k+1].w == "a" || toks[k+1].w == "p") && toks[k+2].w == "m":
			ampm = toks[k+1].w + "m"
			k += 2
		}
		if ampm == "" && k == j {
			continue // a bare number is no time
		}
		if ampm == "pm" && h < 12 {
			h += 12
		}
		if ampm == "am" && h == 12 {
			h = 0
		}
		loc := time.UTC
		if k+1 < len(toks) && d.near(k, k+1) {
			if l := clZoneAbbrev(toks[k+1].w, dt.day); l != nil {
				loc = l
			}
		}
		return time.Date(dt.day.Y, dt.day.M, dt.day.D, h, min, 0, 0, loc)
	}
	return time.Time{}
}

// clUSDST reports whether US daylight time is in effect on a day (second
// Sunday of March to first Sunday of November).
func clUSDST(day clDay) bool {
	start := time.Date(day.Y, time.March, 8, 0, 0, 0, 0, time.UTC)
	for start.Weekday() != time.Sunday {
		start = start.AddDate(0, 0, 1)
	}
	end := time.Date(day.Y, time.November, 1, 0, 0, 0, 0, time.UTC)
	for end.Weekday() != time.Sunday {
		end = end.AddDate(0, 0, 1)
	}
	t := time.Date(day.Y, day.M, day.D, 12, 0, 0, 0, time.UTC)
	return !t.Before(start) && t.Before(end)
}

// clZoneAbbrev maps a US zone abbreviation to a fixed zone for that day.
func clZoneAbbrev(w string, day clDay) *time.Location {
	std := map[string]int{"e": -5, "c": -6, "m": -7, "p": -8}
	switch w {
	case "utc", "gmt", "z":
		return time.UTC
	}
	if len(w) == 2 && w[1] == 't' || len(w) == 3 && w[2] == 't' && (w[1] == 's' || w[1] == 'd') {
		off, ok := std[w[:1]]
		if !ok {
			return nil
		}
		dst := clUSDST(day)
		if len(w) == 3 {
			dst = w[1] == 'd'
		}
		if dst {
			off++
		}
		return time.FixedZone(strings.ToUpper(w), off*3600)
	}
	return nil
}

// clTZIDOffset gives the UTC offset in hours for common calendar TZIDs on
// a day, without reading the system's zone files (the analyzer does no
// I/O). ok is false for zones it does not know.
func clTZIDOffset(tzid string, day clDay) (int, bool) {
	std := 0
	dst := true
	switch strings.Trim(tzid, `"`) {
	case "America/New_York", "America/Detroit", "America/Toronto", "US/Eastern", "Eastern Standard Time", "EST5EDT":
		std = -5
	case "America/Chicago", "US/Central", "Central Standard Time", "CST6CDT":
		std = -6
	case "America/Denver", "US/Mountain", "Mountain Standard Time", "MST7MDT":
		std = -7
	case "America/Phoenix", "US Mountain Standard Time":
		std, dst = -7, false
	case "America/Los_Angeles", "US/Pacific", "Pacific Standard Time", "PST8PDT":
		std = -8
	case "America/Anchorage", "Alaskan Standard Time":
		std = -9
	case "Pacific/Honolulu", "Hawaiian Standard Time":
		std, dst = -10, false
	case "UTC", "Etc/UTC", "GMT", "Z":
		std, dst = 0, false
	default:
		return 0, false
	}
	if dst && clUSDST(day) {
		std++
	}
	return std, true
}

// clRelWeekday returns the weekday (time.Weekday+1) of a full weekday name
// at token i that a word before makes one coming day ("next Thursday",
// "this Friday", "on Tuesday", "see you Monday"), or 0. Plurals
// ("Thursdays") and weekdays heading a written date are not.
func clRelWeekday(d *clDoc, i int) int {
	w := d.toks[i].w
	switch w {
	case "monday", "tuesday", "tues", "wednesday", "thursday", "thurs", "friday", "saturday", "sunday":
	default:
		return 0
	}
	// A weekday with a time after it ("Thursday 10 am", "Friday at
	// 10am") is a coming day whatever stands before it.
	timed := clTimeFollows(d, i)
	if !timed {
		if i == 0 || !d.near(i-1, i) {
			return 0
		}
		switch pw := d.toks[i-1].w; pw {
		case "from":
			// "Dr. Chen's note from Friday": when a message came, past
			if i >= 2 {
				switch d.toks[i-2].w {
				case "note", "email", "mail", "message", "letter", "call", "conversation", "meeting", "chat", "text", "voicemail":
					return 0
				}
			}
		// "confirmed for Friday", "moved from Wednesday to Friday",
		// "Monday or Tuesday", "by Friday" (a deadline: marked later)
		case "for", "to", "until", "till", "by", "before", "or", "meet":
		default:
			if !clRelLead(pw) {
				return 0
			}
		}
	}
	if j := i + 1; d.near(i, j) && d.toks[j].w == "the" && d.near(j, j+1) {
		// "Friday the 11th (of December)", "Thursday, the tenth of
		// December": a written date follows.
		if _, isNum := clNum(d.toks[j+1].w, true); isNum {
			return 0
		}
		if day, _ := clOrdinalWord(d, j+1); day > 0 {
			return 0
		}
	}
	if j := i + 1; d.near(i, j) && !timed {
		if nw := d.toks[j].w; clMonth(nw) != 0 {
			return 0
		} else if _, isNum := clNum(nw, true); isNum && !d.joined(j, ':') {
			// "Thursday 12/10", "Tuesday 1 December": a written date follows.
			if _, isT := clNum(strings.TrimRight(nw, "apm"), false); !(isT && (strings.HasSuffix(nw, "am") || strings.HasSuffix(nw, "pm"))) {
				return 0
			}
		}
	}
	return clWeekday(w)
}

// clTimeFollows reports whether a clock time follows token i in its
// clause: "Thursday 10 am", "Friday at 10am", "Monday at 9:30".
func clTimeFollows(d *clDoc, i int) bool {
	toks := d.toks
	j := i + 1
	if j < len(toks) && toks[j].w == "at" && toks[j].clause == toks[i].clause {
		j++
	}
	if j >= len(toks) || toks[j].clause != toks[i].clause || toks[j].s-toks[i].e > 5 && toks[j-1].w != "at" {
		return false
	}
	w := toks[j].w
	if h, ok := clNum(strings.TrimRight(w, "apm"), false); ok && h >= 1 && h <= 12 && (strings.HasSuffix(w, "am") || strings.HasSuffix(w, "pm")) {
		return true
	}
	if h, ok := clNum(w, false); ok && h <= 23 {
		if d.joined(j, ':') {
			return true
		}
		if j+1 < len(toks) && d.near(j, j+1) {
			switch toks[j+1].w {
			case "am", "pm", "a", "p", "noon":
				return true
			}
		}
	}
	return false
}

// clAfterWrittenDate reports whether the weekday at toks[i] trails a date
// written just before it ("10th December 2026, Thursday"): it names that
// date's day, no other.
func clAfterWrittenDate(toks []clToken, i int) bool {
	if i == 0 || toks[i-1].sent != toks[i].sent {
		return false
	}
	w := toks[i-1].w
	if clMonth(w) != 0 {
		return true
	}
	for k := 0; k < len(w); k++ {
		if w[k] < '0' || w[k] > '9' {
			return false
		}
	}
	return w != ""
}

// clPastWords are words that put a weekday named a few words after them in the
// past.
var clPastWords = map[string]bool{
	"met": true, "saw": true, "visited": true, "spoke": true, "talked": true, "enjoyed": true, "was": true,
	"were": true, "had": true, "interviewed": true, "joined": true, "came": true, "attended": true,
	"hosted": true, "last": true, "loved": true, "debriefed": true, "spent": true,
}

// clPastBefore reports whether one of the four words before toks[i], in
// its sentence, puts it in the past; so does "having" among the six before
// it with such a word in the four before that ("It was so great having you here on
// Friday"; but "we look forward to having you here on Friday" is ahead).
func clPastBefore(d *clDoc, i int) bool {
	toks := d.toks
	past := func(k int) bool {
		// ("we're expecting you next Thursday": the tokens drop the
		// apostrophe, and "we're" is no "were")
		return clPastWords[toks[k].w] && !(toks[k].w == "were" && strings.ContainsAny(d.src[toks[k].s:toks[k].e], "'’"))
	}
	for k := i - 1; k >= 0 && k >= i-6 && toks[k].sent == toks[i].sent; k-- {
		if k >= i-4 && past(k) {
			return true
		}
		if toks[k].w == "having" {
			for j := k - 1; j >= 0 && j >= k-4 && toks[j].sent == toks[i].sent; j-- {
				if past(j) {
					return true
				}
			}
		}
	}
	return false
}

// clRelLead reports whether w, before a weekday, makes it one coming day
// and belongs to the date as written ("next Thursday", "on Tuesday").
func clRelLead(w string) bool {
	switch w {
	case "next", "this", "coming", "on", "you", "last", "following":
		return true
	}
	return false
}

// clOrdinalNoun are the words an ordinal counts when it is no day: "the
// 4th floor", "the 3rd year", "the 2nd round".
var clOrdinalNoun = map[string]bool{
	"floor": true, "floors": true, "level": true, "street": true, "avenue": true, "ave": true,
	"year": true, "years": true, "grade": true, "edition": true, "anniversary": true, "time": true,
	"round": true, "place": true, "row": true, "wing": true, "building": true, "tower": true,
	"suite": true, "ward": true, "percentile": true, "century": true, "birthday": true,
	"quarter": true, "week": true, "annual": true, "pod": true, "stop": true, "door": true,
}

// clNextWeekAfter returns how many tokens after toks[i] say "of next
// week" or "next week" in its clause, or 0.
func clNextWeekAfter(toks []clToken, i int) int {
	at := func(k int, w string) bool {
		return i+k < len(toks) && toks[i+k].w == w && toks[i+k].clause == toks[i].clause
	}
	switch {
	case at(1, "of") && at(2, "next") && at(3, "week"):
		return 3
	case at(1, "next") && at(2, "week"):
		return 2
	}
	return 0
}

// clInDays reads "is in 3 days", "begins in two days" at token i ("in"):
// the number of days, or 0. Only after a verb of the event itself, so
// "reply in 3 days" is no day.
func clInDays(toks []clToken, i int) int {
	if toks[i].w != "in" || i == 0 || i+2 >= len(toks) || toks[i+2].w != "days" && toks[i+2].w != "day" {
		return 0
	}
	switch toks[i-1].w {
	case "is", "starts", "begins", "happens", "takes", "interview", "visit":
	default:
		return 0
	}
	n, ok := clNum(toks[i+1].w, false)
	if !ok {
		n = clDayCounts[toks[i+1].w]
	}
	if n < 1 || n > 14 {
		return 0
	}
	return n
}

// clDayCounts are the counts of days written out ("in two days").
var clDayCounts = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10, "a": 1}
