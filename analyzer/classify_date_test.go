package analyzer

import (
	"strings"
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
		{"Nov 2", []string{"2026-11-02"}},              // weeks ago: that day past, not next year's
		{"Sep 2", []string{"2027-09-02"}},              // months ago: next year's
		{"at 9:30 and 10:45", nil},
		{"score 230/260", nil},
		{"tomorrow", []string{"2026-11-27"}},
		{"see you on Tuesday", []string{"2026-12-01"}},                   // ahead of the Date (Thu Nov 26)
		{"the fellows you met on Tuesday night", []string{"2026-11-24"}}, // in the past
		{"last Thursday", []string{"2026-11-19"}},
		{"on 10th December 2026, Thursday, at 8", []string{"2026-12-10"}}, // the weekday names that date
		{"DATE : 10.12.2026 (Thursday)", []string{"2026-12-10"}},          // dotted: day first
		{"version 2.3.1 of the app", nil},
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
		// "Month the ordinal"
		{sb, "Invitation to interview", "It is my pleasure to invite you to interview. We have held a place for you on Tuesday, December the eighth, beginning at half past seven.", TypeInterviewInvite, "2026-12-08"},
		// the booking day beside the interview day; a season's range; an
		// office closure; an alternative offered only if needed
		{ng, "Thalamus: Interview confirmed", "Interview Confirmation\n\nScheduled on:  11/26/2026\nInterview Date: 12/17/2026 (Thursday)\nTime: 8:00 AM ET", TypeInterviewConfirmation, "2026-12-17"},
		{ng, "Interview invitation", "The committee would like to invite you to interview on Tuesday, 1/5/2027. Our interview season runs from December 10 through January 21.", TypeInterviewInvite, "2027-01-05"},
		{ng, "Interview invitation", "We are pleased to invite you to interview. We have reserved a spot for you on Thursday, January 7. Our office will be closed on Friday, November 27 for Thanksgiving.", TypeInterviewInvite, "2027-01-07"},
		{hv, "Interview time zones", "We are happy to keep you on our virtual day.\n\n  Interview:   Tuesday, December 8, 11:00 AM - 2:00 PM Pacific\n\nIf an overnight interview is too difficult, reply and we can look at Thursday, December 17 instead.", TypeInterviewConfirmation, "2026-12-08"},
		// the day's own start time is no other event's start
		{sb, "Re: Interview day", "You're all set for Tues 1 Dec, 8:30 start. Itinerary will come the week before.", TypeInterviewConfirmation, "2026-12-01"},
		{sb, "Re: Interview day", "You're all set for Tuesday, December 1; the day starts at 8 with morning report.", TypeInterviewConfirmation, "2026-12-01"},
		// a confirmation that names no day confirms the day on record
		// (config: Northgate's interview is December 10); Meridian has none
		{ng, "Re: Parking", "Yep, you're confirmed - see you then! Garage B is free for interviewees.", TypeInterviewConfirmation, "2026-12-10"},
		{md, "Re: Parking", "Yep, you're confirmed - see you then! Garage B is free for interviewees.", TypeInterviewConfirmation, ""},
		// blind set ws, in other words: an agenda whose days include the
		// day on record; one of her interviewers writing ahead
		{ng, "Agenda", "Here is the plan.\n\nWednesday, December 9\n  7:00 pm  Residents' dinner (optional)\n\nThursday, December 10\n  8:00 am  Welcome\n  9:00 am  Interviews\n\nParking is free in Garage B.", TypeInterviewConfirmation, "2026-12-10"},
		// the day being moved away from, named first ("move all
		// interviews planned for …")
		{ng, "Change of date", "An accreditation visit means we have to move all interviews planned for Thursday, December 10. We have moved you to Thursday, December 17 - same times, same hotel. If the 17th does not work, tell me.", TypeInterviewConfirmation, "2026-12-17"},
		{lk, "A quick note", "Hi Amina, I'll be your second interviewer, so you'll see me right after the program overview. No need to prepare anything.", TypeInterviewConfirmation, "2026-11-12"},
		// blind set uf, in other words: the day the subject line names
		// (not a reply's subject, which is hers), or names as the
		// interview day, over an evening event the text mentions; the day
		// moved to in a platform's notice; the day kept when she asked to move
		{sb, "Your guide on 8 Dec", "Hi Amina, I'm one of the chief residents and I'll show you around. I'll meet you at the lobby at 8:40. If you're around on Monday, the residents' Zoom at 7 PM is casual.", TypeInterviewConfirmation, "2026-12-08"},
		{sb, "Re: Arriving Monday", "Hi Amina, I'll be your guide on Tuesday and will meet you at the lobby at 8:40. Monday evening the residents are meeting on Zoom at 7 PM if you are around.", TypeInterviewConfirmation, "2026-12-01"},
		{sb, "Itinerary - Interview Day, Tue Dec 8", "Your itinerary is below.\n\nMon Dec 7 | 7 PM | Residents' hangout (optional)\nTue Dec 8 | 9 AM | Welcome and overview\nTue Dec 8 | 10 AM | Conversations with faculty", TypeInterviewConfirmation, "2026-12-08"},
		{"no-reply@thalamusgme.com", "Interview update - Northgate Regional Hospital", "Northgate Regional Hospital has changed your interview.\n  Old date: Thu 10 Dec 2026 (cancelled)\n  New date: Tue 15 Dec 2026, 08:30 EST\n  Status: Scheduled", TypeInterviewConfirmation, "2026-12-15"},
		// a day opened up, offered through a platform; the evening before
		// the interviews is not the interview day
		{"no-reply@interviewbroker.com", "Message from Dr. Rebecca Moss (St. Brendan's Children's Hospital)", "a day opened up!! we'd love to have u on tues dec 8, can u make it? pls accept in the broker", TypeInterviewInvite, "2026-12-08"},
		{lk, "Your interview", "Our fellows host an optional get-together the evening before interviews, Wednesday, December 2, at 6 pm. Your interview is confirmed for Thursday, December 3.", TypeInterviewConfirmation, "2026-12-03"},
		// the eve and the day itself (blind set vs)
		{sb, "Tomorrow", "Dear Dr. Rahman, we're looking forward to tomorrow. Snow is forecast overnight, so give yourself extra time.", TypeInterviewConfirmation, "2026-11-27"},
		{sb, "Tuesday", "Dr. Rahman, I see I'm interviewing you on Tuesday. Bring any numbers you have on your dosing alerts.", TypeInterviewConfirmation, "2026-12-01"},
		// "we're" (tokens drop the apostrophe) is no past "were"
		{lk, "See you next week", "We're expecting you next Thursday for your interview day. Check-in is at 7:15 in the lobby.", TypeInterviewConfirmation, "2026-12-03"},
		{hv, "Re: switching days?", "Hi Amina, the 12/10 session is full and already has a waiting list, so we'll keep you on 12/3, in the afternoon block you asked for. Please plan on the 3rd.", TypeInterviewConfirmation, "2026-12-03"},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, InterviewDate: k.date}, "date")
	}
}

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

// TestClassifyWeekdayTimesAndISO: a weekday with a clock time is a coming
// day whatever word stands before it; moving "from Tuesday to Friday"
// fixes Friday; an ISO date-time's day is read.
func TestClassifyWeekdayTimesAndISO(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	cases := []struct{ from, subj, body, typ, date string }{
		{"sokafor@harborvalley.edu", "Re: interview", "Great, you're booked for Tuesday 2 pm Eastern. The Zoom link follows.", TypeInterviewConfirmation, "2026-12-01"},
		{"lchen@northgate-health.org", "Interview", "We would love to interview you. Could you meet Monday at 9:30?", TypeInterviewInvite, "2026-11-30"},
		{"jfeld@meridian.edu", "Change", "The faculty meeting is on Tuesday, so we've moved your interview from Tuesday to Friday, same time.", TypeInterviewConfirmation, "2026-11-27"},
		{"no-reply@harborvalley.edu", "Interview scheduled", "You have been invited to interview.\n\nStart: 2026-12-08T09:00-05:00\nLocation: Zoom", TypeInterviewInvite, "2026-12-08"},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, InterviewDate: k.date}, "date")
	}
}

// TestClassifyHeldDatesAndLists: a tentative day that waits for her word is
// an invitation; a month carried over a list of days ("Dec 7 or 9") offers
// several; ordinal words and day-first numbers from a British office are
// read; the day an interview is moved away from is not hers; an interview
// offer to accept in ERAS is no pre-match offer; news that interviews are
// over, told to the interviewees, is no decline.
func TestClassifyHeldDatesAndLists(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	lk, hv, ng, md := "hpark@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "jfeld@meridian.edu"
	cases := []struct{ from, subj, body, typ, date string }{
		{ng, "Interview", "I've provisionally held Wednesday, December 9 for your interview. Please confirm it suits you.", TypeInterviewInvite, "2026-12-09"},
		{md, "visit", "Could you interview with us Dec 7 or 9? Either morning is fine.", TypeInterviewInvite, ""},
		{lk, "Interview day", "Your interview is confirmed for Thursday, December tenth.", TypeInterviewConfirmation, "2026-12-10"},
		{"Alice Grey <a.grey@uk.harborvalley.edu>", "Interview", "Your interview is confirmed for 08/12/2026 at 14:00 GMT.", TypeInterviewConfirmation, "2026-12-08"},
		{hv, "Interview date", "We must reschedule your December 3 interview. Could you pick one of December 8, December 10 or December 15?", TypeInterviewInvite, ""},
		{ng, "Interview Offer", "You have received an interview offer. Accept or decline the offer in Thalamus within 72 hours.", TypeInterviewInvite, ""},
		{ng, "Season wrap-up", "Dear interviewees, our interviews are now complete. Thank you for spending the day with us; our rank deadline is March 3.", TypeProgramUpdate, ""},
		{ng, "Application", "Our interviews are now complete for this cycle. We wish you well.", TypeInterviewDecline, ""},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, InterviewDate: k.date}, "date")
	}
}

// TestClassifyFullDayBesideBookedDay: a day called full in one clause does
// not cancel the day booked in the next; a program named "Applied …" is no
// past application.
func TestClassifyFullDayBesideBookedDay(t *testing.T) {
	c := testClassifier(t)
	m := msg("sokafor@harborvalley.edu", "Re: dates", "The 19th has no room left, so I've booked you for Tuesday, December 1 at 10 AM instead. You're all set.")
	got := c.Classify(m)
	if got.Type != TypeInterviewConfirmation || got.InterviewDate != "2026-12-01" {
		t.Errorf("got %s %q, want confirmation 2026-12-01\n   %s", got.Type, got.InterviewDate, strings.Join(got.Evidence, "\n   "))
	}
	m = msg("Thalamus <no-reply@thalamusgme.com>", "Interview Scheduled", "Your interview has been scheduled.\n\nProgram: Meridian State University - Applied Clinical Informatics Fellowship\nDate: Tuesday, December 8, 2026\nTime: 9:00 AM\n")
	got = c.Classify(m)
	if got.Type != TypeInterviewConfirmation || got.InterviewDate != "2026-12-08" {
		t.Errorf("got %s %q, want confirmation 2026-12-08\n   %s", got.Type, got.InterviewDate, strings.Join(got.Evidence, "\n   "))
	}
}

// TestClassifyWhichOfSeveralDays: when a message names several days, the
// one it moves her to, gives her, or names as her interview is the date;
// weeks, cut-offs and days something is sent are not days to come.
func TestClassifyWhichOfSeveralDays(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	lk, hv, ng, md, sb := "hpark@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "jfeld@meridian.edu", "rmoss@stbrendans.org"
	checkDays(t, c, []dayCase{
		{"moved to", lk, "Interview", "Our faculty retreat falls that week, so we need to shift your interview from Tuesday, December 8 to Friday, December 11, same hour.", TypeInterviewConfirmation, "2026-12-11"},
		{"held for her among the days listed", hv, "Interview", "We'd like to invite you to interview. The open days are Monday, December 7 and Wednesday, December 16. Since you told us mornings are easier, we have reserved Wednesday, December 16 for you.", TypeInterviewInvite, "2026-12-16"},
		{"her row of a table", sb, "Interview invitation", "We are pleased to invite you to interview.\n\nGroup 1 Monday, December 7, 2026 On site\nGroup 2 (your group) Monday, December 14, 2026 Online\nGroup 3 Monday, January 4, 2027 On site\n\nPlease register for your session by December 1.", TypeInterviewInvite, "2026-12-14"},
		{"week of is no day", md, "Interview", "I am travelling the week of December 7, and I would still like to interview you, so we have put you down for Thursday, December 17.", TypeInterviewConfirmation, "2026-12-17"},
		{"sent on is no day", ng, "Interview confirmed", "This confirms your interview on 12/15/2026 at 10 AM ET. Your itinerary will be emailed on 12/8.", TypeInterviewConfirmation, "2026-12-15"},
		{"after is a cut-off", ng, "Interview invitation", "We are pleased to invite you to interview and have scheduled you for our Tuesday 15 December session. Letters uploaded after 1 December will not be read before your interview.", TypeInterviewInvite, "2026-12-15"},
		{"her interview beside a dinner", ng, "Resident dinner", "Ahead of your interview on Friday, December 11, our residents would like to take you to dinner on Thursday, December 10. RSVP by December 4.", TypeProgramUpdate, "2026-12-11"},
	})
}

// TestClassifyDayFirstWriter: a writer whose other dates can only be read
// day first ("by 30/11/2026") writes "07/12/2026" for the 7th of December.
func TestClassifyDayFirstWriter(t *testing.T) {
	c := testClassifier(t)
	m := msg("jfeld@meridian.edu", "Interview invitation", "I would like to invite you to an online interview on 07/12/2026 at 15:00 CET. Kindly confirm by 30/11/2026.")
	got := c.Classify(m)
	if got.Type != TypeInterviewInvite || got.InterviewDate != "2026-12-07" {
		t.Errorf("got %s %q, want invite 2026-12-07\n   %s", got.Type, got.InterviewDate, strings.Join(got.Evidence, "\n   "))
	}
	// A month-first writer's own unambiguous date keeps month first.
	m = msg("jfeld@meridian.edu", "Interview invitation", "I would like to invite you to an online interview on 12/07/2026 at 3 PM ET. Kindly confirm by 11/30/2026.")
	if got := c.Classify(m); got.InterviewDate != "2026-12-07" {
		t.Errorf("month first: got %q, want 2026-12-07", got.InterviewDate)
	}
}

// TestClassifyHerQuotedChoice: "you're all set for the day you picked"
// takes the day from her quoted reply, not from the program's list.
func TestClassifyHerQuotedChoice(t *testing.T) {
	c := testClassifier(t)
	m := msg("rmoss@stbrendans.org", "Re: Interview dates", "Perfect, thank you. We have you down for the day you picked and will send the link a week before.")
	m.Quoted = "Dear Dr. Moss,\nThank you! I would prefer Monday, December 14 if it is still open.\nAmina\n\nWe would like to invite you to interview. Please choose one of: Monday, December 7, Monday, December 14, Monday, January 4."
	got := c.Classify(m)
	if got.Type != TypeInterviewConfirmation || got.InterviewDate != "2026-12-14" {
		t.Errorf("got %s %q, want confirmation 2026-12-14\n   %s", got.Type, got.InterviewDate, strings.Join(got.Evidence, "\n   "))
	}
	// Without the pointer to her choice, the quoted days are not read.
	m.Own = "Thank you for your reply. We will be in touch."
	m.Text = m.Own
	if got := c.Classify(m); got.InterviewDate != "" {
		t.Errorf("no pointer to her choice: got date %q, want none", got.InterviewDate)
	}
}

// TestClassifyDatesBlindSetKK: dates written by many hands.
func TestClassifyDatesBlindSetKK(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	lk, hv, ng, sb, md := "hpark@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "rmoss@stbrendans.org", "jfeld@meridian.edu"
	cases := []struct{ name, from, subj, body, typ, date string }{
		{"a weekday after a numeric date decides its order", hv, "Interview Confirmation", "This is to confirm your interview on 08/12/2026 (Tuesday), 8:00 AM Pacific. The link will be sent on 01/12/2026.", TypeInterviewConfirmation, "2026-12-08"},
		{"hyphens, day first by the weekday", lk, "Confirmation", "This is to confirm your virtual interview on Thursday 10-12-2026, from 08:00 to 13:00.", TypeInterviewConfirmation, "2026-12-10"},
		{"a week from a weekday", hv, "Re: interview", "Could you come in a week from Tuesday? We will hold the morning for you.", TypeInterviewInvite, "2026-12-08"},
		{"a weekday of next week", md, "Interview", "We would love to have you join us for an interview on Thursday of next week.", TypeInterviewInvite, "2026-12-03"},
		{"an aside between commas", hv, "Next week", "Just a note that we are looking forward to seeing you, virtually at least, on Tuesday next week.", TypeInterviewConfirmation, "2026-12-01"},
		{"an itinerary's interview line", ng, "Interview invitation and itinerary", "We would like to invite you to interview. We have reserved the following visit for you:\n\nWednesday, December 9 - 6:30 PM\nInformal dinner with the residents\nThursday, December 10 - 7:30 AM to 2:00 PM\nInterview day, Tower B\nFriday, December 11 - 8:00 AM\nOptional tour of the lab\n\nPlease confirm by Friday, December 4.", TypeInterviewInvite, "2026-12-10"},
		{"the same hour on her clock", ng, "Evening session", "We would like to schedule you for Monday, January 11, 2027, 7:30 PM Central Time. For you in Dhaka that is 7:30 AM on Tuesday, January 12.", TypeInterviewInvite, "2027-01-11"},
		{"now a new day", lk, "Interview date change - now Friday, December 11", "Because of a system upgrade on Thursday, December 10, we have moved your interview to Friday, December 11.", TypeInterviewConfirmation, "2026-12-11"},
		{"the date in the subject", sb, "St. Brendan's interview - Tue 15 Dec", "We would be delighted to welcome you for an interview on the date above. Please confirm by Friday, December 4.", TypeInterviewInvite, "2026-12-15"},
		{"one day put as a question", md, "Re: interview day?", "would thurs the 10th work? 9am, I'll meet you in the lobby", TypeInterviewInvite, "2026-12-10"},
		{"a deadline with its hour between", hv, "Supplement", "Please complete the supplemental application by 11:59 pm PT on December 3. We begin sending interview invitations on December 7.", TypeApplicationRequest, ""},
	}
	for _, k := range cases {
		t.Run(k.name, func(t *testing.T) {
			m := msg(k.from, k.subj, k.body)
			if strings.HasPrefix(k.subj, "Re:") {
				m.Quoted = "Thank you for the call. Would any day in December work for my interview?"
			}
			expectClass(t, k.body, c.Classify(m), Classification{Type: k.typ, InterviewDate: k.date}, "date")
		})
	}
	// "Confirmed." in reply to her "option 2" takes line 2 of the list.
	m := msg(sb, "Re: Interview dates - please choose", "Confirmed. Thank you!")
	m.Quoted = "Dear Ms. Lowe,\nI would be grateful for option 2.\nAmina\n\n> Please choose one:\n> 1) Monday, December 7\n> 2) Monday, December 14\n> 3) Monday, January 4"
	if got := c.Classify(m); got.Type != TypeInterviewConfirmation || got.InterviewDate != "2026-12-14" {
		t.Errorf("option 2: got %s %q, want confirmation 2026-12-14\n   %s", got.Type, got.InterviewDate, strings.Join(got.Evidence, "\n   "))
	}
}

// TestNumericOrders: the writer's own unambiguous numeric dates.
func TestNumericOrders(t *testing.T) {
	for _, tc := range []struct {
		s                  string
		dayFirst, monthFst bool
	}{
		{"Kindly confirm by 30/10/2026.", true, false},
		{"on 30.10.2026 at 14:00", true, false},
		{"by 11/30/2026", false, true},
		{"by 11/30", false, true},
		{"on 10/11/2026", false, false},
		{"version 13.2.10 and ratio 15/6", false, false},
		{"score 230/260", false, false},
	} {
		d, m := clNumericOrders(tc.s)
		if d != tc.dayFirst || m != tc.monthFst {
			t.Errorf("%q: day first %v, month first %v; want %v, %v", tc.s, d, m, tc.dayFirst, tc.monthFst)
		}
	}
}

// TestClassifyDatesBlindSetPP: which day is her interview, as set pp taught.
func TestClassifyDatesBlindSetPP(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	ng, sb, md := "imresidency@northgate-health.org", "pedsresidency@stbrendans.org", "jfeld@meridian.edu"
	cases := []struct{ name, from, subj, body, typ, date string }{
		{"her row among session rows", ng, "Interview session details", "Thank you for scheduling. Our sessions:\n\n1 Thursday, December 10 8:30 AM\n2 Thursday, December 17 8:30 AM Your session\n3 Thursday, January 7 9:00 AM\n\nThe Zoom link for your session will be sent the day before.", TypeInterviewConfirmation, "2026-12-17"},
		{"a second visit is no interview", md, "Invitation to interview", "We would like to invite you to interview for our fellowship on Monday, December 7. We also offer an optional second visit on Tuesday, December 15 for candidates who want to meet the team again.", TypeInterviewInvite, "2026-12-07"},
		{"moved off a day", sb, "Re: switch", "tues 12/8 confirmed, we moved you off the 15th like you asked. see you then!", TypeInterviewConfirmation, "2026-12-08"},
		{"booked, and waitlisted for an earlier day", ng, "You're scheduled", "YOU ARE SCHEDULED\nThursday, December 17, 2026, 8:30 AM ET\n\nYou joined the waitlist for Thursday, December 10, 2026. Your current date stays booked unless you accept a new one.", TypeInterviewConfirmation, "2026-12-17"},
	}
	for _, k := range cases {
		t.Run(k.name, func(t *testing.T) {
			m := msg(k.from, k.subj, k.body)
			if strings.HasPrefix(k.subj, "Re:") {
				m.Quoted = "Could I switch my interview from Tuesday, December 15 to Tuesday, December 8?"
			}
			expectClass(t, k.body, c.Classify(m), Classification{Type: k.typ, InterviewDate: k.date}, "date")
		})
	}
}

// TestClassifyDatesBlindSetRR: a two-day interview's first day; "today".
func TestClassifyDatesBlindSetRR(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	m := msg("informatics.fellowship@harborvalley.edu", "Confirmed: two-day virtual interview", "Your two-day virtual interview is confirmed:\n\nDay 1 - Monday, December 7, 2026, 3:00 - 5:00 PM Pacific\nProgram overview\nDay 2 - Tuesday, December 8, 2026, 8:00 AM - 12:00 PM Pacific\nFaculty interviews")
	if got := c.Classify(m); got.Type != TypeInterviewConfirmation || got.InterviewDate != "2026-12-07" {
		t.Errorf("two-day interview: got %s %q, want confirmation 2026-12-07\n   %v", got.Type, got.InterviewDate, got.Evidence)
	}
	m = msg("pedsresidency@stbrendans.org", "See you this morning!", "Just a reminder that your interview with the St. Brendan's Pediatrics Residency is today. Please join the Zoom waiting room by 7:45 AM.")
	if got := c.Classify(m); got.Type != TypeInterviewConfirmation || got.InterviewDate != "2026-11-26" {
		t.Errorf("today: got %s %q, want confirmation 2026-11-26\n   %v", got.Type, got.InterviewDate, got.Evidence)
	}
}

// TestClassifyDaysInEveryForm (blind set xg, in other words): the day in
// a booking receipt, a day offered after "full, but", a UTC restatement,
// a reminder of her day beside a social, a badge for her visit, and a
// place come open on a waitlist.
func TestClassifyDaysInEveryForm(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	lk, ng, md, sb := "ci-fellowship@lakeside-med.org", "lchen@northgate-health.org", "no-reply@sched.meridian.edu", "pedsresidency@stbrendans.org"
	checkDays(t, c, []dayCase{
		{"a booking receipt", md, "Registration complete: Fellowship Interview", "Registration complete\n\nEvent: Fellowship Interview\nStart: 2026-12-09 08:30 MST\nEnd: 2026-12-09 12:00 MST\nRegistered: 2026-11-26", TypeInterviewConfirmation, "2026-12-09"},
		{"full, but another day", ng, "Re: Interview", "Our December dates are almost all full, but Dr. Chen could interview you on Monday, December 14. Would that suit you?", TypeInterviewInvite, "2026-12-14"},
		{"the same slot in UTC", sb, "An evening session", "We have added an evening interview session for applicants overseas, and Dr. Moss would like to invite you: Wednesday, December 9, 6:00-8:00 PM Mountain (01:00-03:00 UTC on Thursday, December 10).", TypeInterviewInvite, "2026-12-09"},
		{"a reminder beside a social", sb, "Reminder: your interview day on Tuesday, December 8", "A reminder of your interview day: Tuesday, December 8 at 8:00 AM MT. The night before, Monday, December 7, the residents host an optional online social.", TypeInterviewConfirmation, "2026-12-08"},
		{"a badge for her visit", lk, "Your visitor pass", "GME has registered you as an interview guest on Wed, 2 Dec. Your pass will be at the front desk.", TypeInterviewConfirmation, "2026-12-02"},
		{"a place come open", sb, "An opening", "You have been on our waitlist, and a spot has just opened up: we would be glad to interview you next Wednesday. Can you let me know today?", TypeInterviewInvite, "2026-12-02"},
	})
}

// dayCase is a message in a few words, its type and its interview day.
type dayCase struct{ name, from, subj, body, typ, date string }

// expectDay reports a classification whose type or interview date is not
// the one wanted, with the evidence that decided it.
func expectDay(t *testing.T, name string, got Classification, typ, date string) {
	t.Helper()
	if got.Type != typ || got.InterviewDate != date {
		t.Errorf("%s: got %s %q, want %s %q\n   %s", name, got.Type, got.InterviewDate, typ, date, strings.Join(got.Evidence, "\n   "))
	}
}

// checkDays classifies each case as a subtest: type and interview date.
func checkDays(t *testing.T, c *Classifier, cases []dayCase) {
	t.Helper()
	for _, k := range cases {
		t.Run(k.name, func(t *testing.T) {
			expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, InterviewDate: k.date}, "date")
		})
	}
}

// TestClassifyDatesBlindSetXP (blind set xp, in other words): a
// platform's year-first date, "is in 4 days", a slot kept "until you hear
// otherwise", a moved day told in a few words, and the text's day over a
// calendar file that disagrees.
func TestClassifyDatesBlindSetXP(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	lk, ng, sb, hv := "ci-fellowship@lakeside-med.org", "lchen@northgate-health.org", "pedsresidency@stbrendans.org", "informatics.fellowship@harborvalley.edu"
	checkDays(t, c, []dayCase{
		{"year first", ng, "Interview booked - Northgate", "Interview booked\nProgram: Northgate Regional Hospital - IM Residency\nInterview Date: 2026/12/14\nStart Time: 09:00 EST\nBooked: 2026/11/26 10:00 UTC\nChanges allowed until 2026/12/07.", TypeInterviewConfirmation, "2026-12-14"},
		{"in four days", lk, "Coming up", "A quick reminder that your interview with Lakeside is in 4 days. Please plan to arrive by 8 AM.", TypeInterviewConfirmation, "2026-11-30"},
		{"until you hear otherwise", sb, "Your virtual interview", "This confirms your virtual interview: Wednesday, December 9, 1:00 PM Mountain. If that hour is a hardship, write to us by Monday, November 30 and we will try to move you to another session - but until you hear otherwise, December 9 at 1 PM is your session.", TypeInterviewConfirmation, "2026-12-09"},
		{"now on another day", ng, "RE: Changing my date", "All done - you are now on Friday, Dec 11. I released your December 4 place.", TypeInterviewConfirmation, "2026-12-11"},
		{"placed on another day", hv, "Re: Date request", "I'm sorry, Wednesday, December 2 filled up yesterday. I have placed you on Thursday, December 3, which is our last open day.", TypeInterviewConfirmation, "2026-12-03"},
		{"accepted, before interviews end", lk, "See you soon", "Kim tells me you have accepted our invitation. I will meet you on Monday, December 7. We decide nothing until all interviews are complete, so enjoy the day.", TypeInterviewConfirmation, "2026-12-07"},
	})
	// "This email confirms your interview for the … Track on Friday,
	// December 11" beside a calendar file for another day: the text wins.
	m := msg(ng, "Interview confirmed", "This email confirms your interview for the Internal Medicine Residency, Informatics Track on Friday, December 11, 2026. A calendar invitation is attached. The optional resident mixer is Thursday, December 3 at 6 PM.")
	m.Calendars = []string{"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nDTSTART;TZID=America/New_York:20261214T090000\r\nSUMMARY:Interview\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"}
	if got := c.Classify(m); got.Type != TypeInterviewConfirmation || got.InterviewDate != "2026-12-11" {
		t.Errorf("text against calendar: got %s %q, want confirmation 2026-12-11\n%v", got.Type, got.InterviewDate, got.Evidence)
	}
}

// TestClassifyLookAlikesXR (blind set xr, in other words): types whose
// surface words mislead.
func TestClassifyLookAlikesXR(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	checkDays(t, c, []dayCase{
		{"a receipt from an unlisted service", "bookings@slotbook.com", "You're booked: Harbor Valley", "You're booked!\nProgram: Harbor Valley Health - Clinical Informatics Fellowship\nDate: Thursday, December 3, 2026\nTime: 9:00 AM - 1:00 PM PST", TypeInterviewConfirmation, "2026-12-03"},
		{"a day offered without the word", "jfeld@meridian.edu", "Come meet us", "Could you join us next Wednesday, December 2? Conversations run from 9 to noon, on campus or over Zoom.", TypeInterviewInvite, "2026-12-02"},
		{"no interviews for outsiders", "jfeld@meridian.edu", "A note", "We have decided to take a single fellow, so we won't be inviting outside applicants in for interviews this season.", TypeInterviewDecline, ""},
		{"a hope, not a question", "hpark@lakeside-med.org", "Thanks", "I hope you'll rank us highly; we'd be lucky to have you. No need to reply.", TypePostInterviewInterest, ""},
		{"an appointment outside the Match", "gme@harborvalley.edu", "Offer of appointment", "We are pleased to extend an offer of appointment as a non-ACGME informatics fellow from July 1. If you accept, we will ask you to withdraw any pending match registration.", TypePreMatchOffer, ""},
		{"a place the Match left open", "informatics.fellowship@harborvalley.edu", "An open position", "The AMIA match results came out yesterday, and one of our positions did not fill in the match. Dr. Okafor would like to talk with you about it.", TypeMatchResult, ""},
		{"a visa answer that names the results", "sokafor@harborvalley.edu", "Re: Visa question", "Yes, we sponsor J-1 visas through ECFMG; our GME office starts the petition as soon as match results are in, for anyone licensed by the start date.", TypeEligibilityReply, ""},
		{"the Match's own notice", "noreply@nrmp-alerts.example.org", "Your Match status", "Based on the results of the Main Residency Match, you did not match to a position. You are eligible to participate in SOAP.", TypeMatchResult, ""},
	})
}

// TestClassifyDatesBlindSetXW (blind set xw, in other words): a day-month
// date that its weekday reads, a day corrected in the text against the
// calendar file, dates still open after one filled up, a travel office's
// form for an interview past.
func TestClassifyDatesBlindSetXW(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	ng, sb := "lchen@northgate-health.org", "pedsresidency@stbrendans.org"
	checkDays(t, c, []dayCase{
		{"day first, read by its weekday", "Jonas Weber <jweber@northgate-health.org>", "Meeting on 14/12", "Dear Amina, I will be on your panel on Monday 14/12. I look forward to our talk about decision support. See you on the 14th.", TypeInterviewConfirmation, "2026-12-14"},
		{"rather than the 3rd", sb, "Your date", "Small change: your interview will be on Friday, December 4 rather than the 3rd. Everything else stays as planned.", TypeInterviewConfirmation, "2026-12-04"},
		{"still open after one filled", ng, "Re: interview date", "I'm sorry, the 7th is now full. We still have Tuesday the 8th and Friday the 11th; tell me which and I'll pencil it in for you.", TypeInterviewInvite, ""},
		{"the travel office's form", "NRH Travel <gme-travel@northgate-health.org>", "Expense form", "Here is the expense form for your interview on November 20. Please return it with your receipts by December 15.", TypeOther, ""},
	})
	// "You are scheduled for Thursday, December 17, not the 10th" beside
	// the calendar file that had the 10th: the text wins.
	m := msg(ng, "CORRECTION: interview date", "The calendar invitation we sent this morning has the wrong day. You are booked for Thursday, December 17, not the 10th. Please go by this email.")
	m.Calendars = []string{"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nDTSTART;TZID=America/Chicago:20261210T090000\r\nSUMMARY:Interview\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"}
	expectDay(t, "text corrects the calendar", c.Classify(m), TypeInterviewConfirmation, "2026-12-17")
}

// TestClassifyDayOfNotesWE (blind set we, in other words): the booked
// day's own notes (a link for today, logistics for Monday, an itinerary,
// a late interviewer), a day the program moved, and a social's calendar
// file beside the interview's day.
func TestClassifyDayOfNotesWE(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	lk, ng, sb := "hpark@lakeside-med.org", "imresidency@northgate-health.org", "pedsresidency@stbrendans.org"
	checkDays(t, c, []dayCase{
		{"a link for today", ng, "Link", "Morning! Your Teams link for today, in case it got lost: https://example.org/t/2 - we begin at 9:15.", TypeInterviewConfirmation, "2026-11-26"},
		{"an interviewer running late", "Dr. Ana Ruiz <aruiz@lakeside-med.org>", "Running behind", "Hi Amina, my clinic is running over, so I'll be 15 minutes late for our 2:30. Same Zoom link as before. Apologies!", TypeInterviewConfirmation, "2026-11-26"},
		{"logistics for Monday", sb, "Plans for Monday", "A few logistics for Monday: the Meet link stays the same all day, you will see three faculty and our chief, and we wrap up near noon.", TypeInterviewConfirmation, "2026-11-30"},
		{"a generated itinerary", "MSU Scheduling <scheduling@meridian.edu>", "Your itinerary", "Interview itinerary (generated)\nInterview date .... 2026-12-07\nDocuments due .... 2026-12-01 (optional)\n", TypeInterviewConfirmation, "2026-12-07"},
		{"a panel at a set time", lk, "Monday", "Quick note for next Monday: Dr. Lee from our CMIO office will join your 11:15 panel. Nothing else changes.", TypeInterviewConfirmation, "2026-11-30"},
		{"a moved day, confirm asked", ng, "Change of date", "Because of a system upgrade we had to move your interview. Your new interview date is Thursday, December 10, same start time. Please reply to confirm by Monday.", TypeInterviewConfirmation, "2026-12-10"},
		{"a dropped call", "informatics.fellowship@harborvalley.edu", "Ready for tomorrow?", "Hi Amina! Just checking in before tomorrow. The Zoom room opens at 8:30. If the video drops, call me and I'll let you back in.", TypeInterviewConfirmation, "2026-11-27"},
		{"a list to call if a slot opens", "jfeld@meridian.edu", "Your application", "All of our interview slots are taken this year, but I have put you on our list of people to call first if a slot opens up.", TypeWaitlist, ""},
	})
	// The residents' dinner attached as a calendar file does not move the
	// interview to its evening.
	m := msg(ng, "Tomorrow", "Looking forward to seeing you tomorrow for your interview! The residents' virtual dinner tonight is optional; the invite is attached.")
	m.Calendars = []string{"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nDTSTART;TZID=America/New_York:20261126T190000\r\nSUMMARY:Residents' virtual dinner (optional)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"}
	expectDay(t, "a dinner's calendar file", c.Classify(m), TypeInterviewConfirmation, "2026-11-27")
}

// TestClassifyDayAwaitingHerYes: one day offered that is hers once she
// says yes is an invitation, whatever logistics it names; a booked day
// with a date to send her dietary needs by is not.
func TestClassifyDayAwaitingHerYes(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	ng, hv := "imresidency@northgate-health.org", "sokafor@harborvalley.edu"
	checkDays(t, c, []dayCase{
		{"yours if you want it", ng, "An opening", "We had a cancellation, and the seat on our Tuesday, December 8 interview day is yours if you want it. Reply yes by Monday and I'll send the Zoom link.", TypeInterviewInvite, "2026-12-08"},
		{"reply within a day to accept", ng, "A place has opened", "A place has opened on our calendar and we would be glad to host you for the interview day on December 9, 2026. Please reply within 24 hours to accept; once you accept, a calendar invitation with the link will follow.", TypeInterviewInvite, "2026-12-09"},
		{"from a phone", hv, "Re: fellowship", "quick one from my phone: we'd love to see you on the 3rd (thu) for interviews. reply by fri pls\nSam", TypeInterviewInvite, "2026-12-03"},
		{"dietary needs by a date", ng, "Your interview day", "You're all set for your interview on Thursday, December 3. Please reply by Monday with any dietary restrictions.", TypeInterviewConfirmation, "2026-12-03"},
	})
}

// TestClassifyMovedToOneDay: a booked day the program moves to one new day
// ("to the following Thursday") with "if the new date doesn't work, tell
// me" is a confirmation of the new day; moved with options to pick from,
// it is offered anew; "today's interview" with its links is the day it
// was sent.
func TestClassifyMovedToOneDay(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	ng := "imresidency@northgate-health.org"
	checkDays(t, c, []dayCase{
		{"moved to the following Thursday", ng, "Change to your interview date", "A site visit was just scheduled for Thursday, December 3, so we've had to move everyone booked that day, including you, to the following Thursday, December 10. If the new date doesn't work for you, tell me and I will look for another option.", TypeInterviewConfirmation, "2026-12-10"},
		{"moved with two options", ng, "Your interview must move", "Our EHR upgrade goes live on Thursday, December 3, so we need to move your interview. We can offer either Friday, December 4 or Monday, December 7. Please reply with your choice.", TypeInterviewInvite, ""},
		{"today's interview, links and schedule", ng, "Today's interview - links and schedule", "Good morning! Here is everything you need for today. Please join the main room by 8:50 so we can start on time.\n\n9:00 Welcome\n9:45 Interviews", TypeInterviewConfirmation, "2026-11-26"},
	})
}

// TestClassifyUTCStampedDate: a Date stamped in UTC is read in the US zone
// the text names, or in Eastern time before 04:00 UTC: "tomorrow" written
// on a Thursday evening in California is Friday. And "you're locked in
// for", an interview starting within the hour.
func TestClassifyUTCStampedDate(t *testing.T) {
	c := testClassifier(t)
	hv := "informatics.fellowship@harborvalley.edu"
	for _, k := range []struct {
		name, body string
		at         time.Time
		want       string
	}{
		{"a zone named", "Just checking in about tomorrow! The Zoom room opens at 8:45 PT for your interview.", time.Date(2026, 11, 27, 1, 40, 0, 0, time.UTC), "2026-11-27"},
		{"no zone named, before 04:00 UTC", "See you tomorrow for your interview! Your Zoom link is below.", time.Date(2026, 11, 27, 2, 10, 0, 0, time.UTC), "2026-11-27"},
		{"no zone named, in the afternoon", "See you tomorrow for your interview! Your Zoom link is below.", time.Date(2026, 11, 26, 15, 0, 0, 0, time.UTC), "2026-11-27"},
		{"locked in", "Great, you're locked in for Tuesday the 1st, 9 to 1 Eastern. The Zoom link will follow on Monday.", time.Date(2026, 11, 26, 15, 0, 0, 0, time.UTC), "2026-12-01"},
		{"starting within the hour", "Your interview with Harbor Valley Health begins in 1 hour, at 8:00 AM PT.", time.Date(2026, 11, 26, 15, 0, 0, 0, time.UTC), "2026-11-26"},
	} {
		m := msg(hv, "Interview", k.body)
		m.Date = k.at
		expectDay(t, k.name, c.Classify(m), TypeInterviewConfirmation, k.want)
	}
}

// TestClassifyShortRepliesWJ: "sounds good, see you then!" answers the day
// she chose in her quoted mail; "Thalamus shows you for … and I've
// confirmed it" fixes the day.
func TestClassifyShortRepliesWJ(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	m := msg("informatics.fellowship@harborvalley.edu", "Re: Interview timing", "sounds good, see you then!\nP.")
	m.Quoted = "On Wed, Nov 25, 2026 Amina Rahman wrote:\n> I'd like to take Thursday, December 3, please."
	expectDay(t, "see you then", c.Classify(m), TypeInterviewConfirmation, "2026-12-03")
	checkDays(t, c, []dayCase{
		{"the platform shows her booked", "imresidency@northgate-health.org", "RE: Interview invitation", "Good morning, Thalamus shows you for Thursday, December 10, and I've confirmed it on our end. Links come a week before.", TypeInterviewConfirmation, "2026-12-10"},
		{"an automated reminder", "Lakeside Scheduling <ci-fellowship@lakeside-med.org>", "Reminder", "This is an automated reminder. Your interview with the Clinical Informatics Fellowship at Lakeside University Medical Center is tomorrow.", TypeInterviewConfirmation, "2026-11-27"},
		{"the session she took, beside a lunch", "jfeld@meridian.edu", "Re: Interview date", "Samira tells me you took the Tuesday the 8th session - good choice, that's the day our CMIO can join the lunch. I'll be your first interview at 9:30.\nSee you then,\nJonah", TypeInterviewConfirmation, "2026-12-08"},
	})
}
