package analyzer

import (
	"testing"
	"time"
)

func TestClassifyDates(t *testing.T) {
	v := newCLVocab()
	cases := []struct {
		text string
		want []string
	}{
		{"Tuesday, December 3rd at 9:00 AM ET", []string{"2026-12-03"}},
		{"on 12/03/2026 in the morning", []string{"2026-12-03"}},
		{"on 12/3/26", []string{"2026-12-03"}},
		{"Dec 3", []string{"2026-12-03"}},
		{"Dec. 3, 2026", []string{"2026-12-03"}},
		{"3 Dec", []string{"2026-12-03"}},
		{"the 3rd of December", []string{"2026-12-03"}},
		{"December 3", []string{"2026-12-03"}},
		{"Thu 12/3", []string{"2026-12-03"}},
		{"2026-12-03", []string{"2026-12-03"}},
		{"January 14", []string{"2027-01-14"}},         // after the Date: next year
		{"Friday, January 15", []string{"2027-01-15"}}, // weekday agrees with 2027
		{"Nov 2", []string{"2027-11-02"}},              // already past this year
		{"at 9:30 and 10:45", nil},
		{"score 230/260", nil},
		{"tomorrow", []string{"2026-11-27"}},
		{"February 30", nil},
	}
	for _, tc := range cases {
		d := tokenizeCL(v, tc.text, &clScratch{})
		got := findDates(d, clRef)
		var days []string
		for _, g := range got {
			days = append(days, clDayString(g.day))
		}
		if len(days) != len(tc.want) {
			t.Errorf("%q: got %v, want %v", tc.text, days, tc.want)
			continue
		}
		for i := range days {
			if days[i] != tc.want[i] {
				t.Errorf("%q: got %v, want %v", tc.text, days, tc.want)
			}
		}
	}
}

func TestClassifyInterviewTime(t *testing.T) {
	v := newCLVocab()
	d := tokenizeCL(v, "Your interview is on Thursday, December 10 at 9:00 AM ET.", &clScratch{})
	got := findDates(d, clRef)
	if len(got) != 1 {
		t.Fatalf("got %d dates", len(got))
	}
	want := time.Date(2026, 12, 10, 9, 0, 0, 0, time.FixedZone("ET", -5*3600))
	if !got[0].at.Equal(want) {
		t.Errorf("at %v, want %v", got[0].at, want)
	}
}

func TestClassifyCalendarParts(t *testing.T) {
	cases := []struct {
		name, ics, date string
	}{
		{"TZID", "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nDTSTART;TZID=America/Chicago:20261204T083000\r\nSUMMARY:Interview day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "2026-12-04"},
		{"UTC shown in the sender's zone", "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nDTSTART:20261204T023000Z\r\nSUMMARY:Interview\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "2026-12-03"},
		{"all-day", "BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261207\r\nSUMMARY:Virtual interview day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "2026-12-07"},
		{"folded summary", "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Clinical Informatics Fellowship \r\n interview\r\nDTSTART;TZID=\"Eastern Standard Time\":20261208T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "2026-12-08"},
	}
	c := testClassifier(t)
	for _, tc := range cases {
		m := msg("hpark@lakeside-med.org", "Invitation: interview", "Please see the attached invitation.")
		m.Calendars = []string{tc.ics}
		got := c.Classify(m)
		if got.Type != TypeInterviewConfirmation || got.InterviewDate != tc.date {
			t.Errorf("%s: got %s %q, want confirmation %q\n%v", tc.name, got.Type, got.InterviewDate, tc.date, got.Evidence)
		}
	}
	// Several events: times to choose from, no date fixed.
	m := msg("hpark@lakeside-med.org", "Interview options", "Pick the slot that suits you.")
	m.Calendars = []string{"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261204T150000Z\r\nSUMMARY:Interview option A\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART:20261211T150000Z\r\nSUMMARY:Interview option B\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"}
	if got := c.Classify(m); got.Type != TypeInterviewInvite || got.InterviewDate != "" {
		t.Errorf("two events: got %s %q, want invite with no date\n%v", got.Type, got.InterviewDate, got.Evidence)
	}
	// A cancelled event fixes nothing.
	m = msg("hpark@lakeside-med.org", "Canceled: interview", "This event has been canceled.")
	m.Calendars = []string{"BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nDTSTART:20261204T150000Z\r\nSUMMARY:Interview\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"}
	if got := c.Classify(m); got.InterviewDate != "" {
		t.Errorf("cancelled: got date %q", got.InterviewDate)
	}
}
