package analyzer

import (
	"strings"
	"testing"
)

func TestClassifyParaphrasesPlatforms(t *testing.T) {
	c := testClassifier(t)
	lk, hv, ng, sb, md := "ci-fellowship@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "rmoss@stbrendans.org", "jfeld@meridian.edu"
	cases := []struct{ from, subj, body, typ, date string }{
		{lk, "Interview invitation", "We are delighted to invite you to interview. Our interview dates are Tuesday, December 8 and Thursday, December 10. Please respond by November 10 with your preference.", TypeInterviewInvite, ""},
		{hv, "Interview invitation", "We would like to invite you to interview on Thursday, December 10, 2026. Please confirm your attendance by December 1.", TypeInterviewInvite, "2026-12-10"},
		{ng, "Confirmed: Dec 14", "Your interview slot on 14 December is confirmed. The virtual orientation starts at 7:30 AM CT.", TypeInterviewConfirmation, "2026-12-14"},
		{sb, "Re: date", "That works. We'll see you at 8 on Monday, December 7th.", TypeInterviewConfirmation, "2026-12-07"},
		{md, "Schedule for your visit", "Here is your schedule for Friday 12/4: 9:00 welcome with Dr. Feld, 9:45 fellows panel, 11:00 tour. The pre-interview dinner is Thursday 12/3 at 6 PM.", TypeInterviewConfirmation, "2026-12-04"},
		{"notifications@calendly.com", "New Event: Meridian ACI Fellowship Interview", "A new event has been scheduled. Event type: Meridian ACI Fellowship Interview. Invitee: Amina Rahman. Date: Friday, December 11, 2026 9:00 AM (Mountain Time).", TypeInterviewConfirmation, "2026-12-11"},
		{"no-reply@zoom.us", "Lakeside interview - registration approved", "Hi Amina, your registration for Lakeside University Medical Center CI Fellowship Interview Day has been approved. Date: Dec 2, 2026 08:00 AM Eastern Time.", TypeInterviewConfirmation, "2026-12-02"},
		{hv, "Re: update", "Thanks for sending the update on your paper. Congratulations! I've shared it with the committee.", TypePostInterviewInterest, ""},
		{lk, "Checking in", "We were all so impressed. Before our rank meeting, it would help us to hear where Lakeside falls among your choices.", TypeRankSolicitation, ""},
		{ng, "Your interview tomorrow", "Looking forward to meeting you tomorrow! Please join 10 minutes early using the link below.", TypeInterviewConfirmation, "2026-11-27"},
		{sb, "Holiday greetings", "Happy holidays from all of us at St. Brendan's Pediatrics Residency! Our residents' toy drive raised record donations this year.", TypeProgramUpdate, ""},
		{md, "Re: question about call schedule", "Fellows take home call one week in six; there is no overnight in-house call.", TypeOther, ""},
		{"alerts@airline.example", "Your trip to Harbor Valley", "Flight HV123 departs Dec 9 at 6:05 AM. Check in online 24 hours before departure.", TypeOther, ""},
		{"amia-informatics-l@lists.amia.org", "[INFORMATICS-L] Do programs ask about rank lists?", "Several applicants report programs asking where they will rank them. Is this allowed?", TypeOther, ""},
	}
	for _, k := range cases {
		m := msg(k.from, k.subj, k.body)
		if strings.Contains(k.from, "lists.") {
			m.ListID = "<informatics-l.lists.amia.org>"
		}
		expectClass(t, k.body, c.Classify(m), Classification{Type: k.typ, InterviewDate: k.date}, "date")
	}
}
