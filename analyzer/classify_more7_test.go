package analyzer

import (
	"testing"
)

func TestClassifyDatesInMessages(t *testing.T) {
	c := testClassifier(t)
	lk, hv, ng, sb, md := "hpark@lakeside-med.org", "informatics.fellowship@harborvalley.edu", "imresidency@northgate-health.org", "rmoss@stbrendans.org", "jfeld@meridian.edu"
	cases := []struct{ from, subj, body, typ, date string }{
		{lk, "Interview confirmation", "Your interview is confirmed for Wednesday, the 9th of December, 2026, beginning at 8:30 a.m. EST.", TypeInterviewConfirmation, "2026-12-09"},
		{hv, "Re: dates", "Great, we'll put you on Dec. 14th. Please reply by Dec 4 if anything changes.", TypeInterviewConfirmation, "2026-12-14"},
		{ng, "Interview on 01/12/2027", "This confirms your interview on 01/12/2027. Agenda attached.", TypeInterviewConfirmation, "2027-01-12"},
		{sb, "Interview invitation", "We would like to invite you to interview with us. Please choose a date: December 8, December 15, or January 5.", TypeInterviewInvite, ""},
		{md, "Your visit", "We have you scheduled for a virtual visit on Friday Dec 11 (Mountain Time). The fellows' social is the night before, Dec 10.", TypeInterviewConfirmation, "2026-12-11"},
		{lk, "Interview invitation", "We are pleased to invite you to our interview day on 12/16. Please confirm by 12/1 whether you can attend.", TypeInterviewInvite, "2026-12-16"},
		{hv, "Interview scheduled", "You're scheduled: Thu, 3 December 2026, 9:00-13:00 ET. Thank you for your application submitted on September 15.", TypeInterviewConfirmation, "2026-12-03"},
		{ng, "Interview day details", "We look forward to seeing you on January 7! The pre-interview dinner is January 6 at 6:30 PM and the rank list deadline is March 3.", TypeInterviewConfirmation, "2027-01-07"},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, InterviewDate: k.date}, "date")
	}
}
