package analyzer

import (
	"testing"
)

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

// TestClassifyQuietNotes: short notes whose type rests on meaning.
func TestClassifyQuietNotes(t *testing.T) {
	c := testClassifier(t)
	hv, ng, md := "sokafor@harborvalley.edu", "lchen@northgate-health.org", "jfeld@meridian.edu"
	cases := []struct{ from, subj, body, typ string }{
		{ng, "Re: visa", "J-1 is the only option for our residents, I'm afraid.", TypeEligibilityReply},
		{md, "file", "We've only received two letters so far; could you have your third writer submit theirs?", TypeApplicationRequest},
		{hv, "thinking of you", "We hope you'll give our fellowship strong consideration; we'd be lucky to train someone like you.", TypePostInterviewInterest},
		{ng, "one question", "We'd love to know if we're high on your list as we plan.", TypeRankSolicitation},
		{"Harbor Valley News <news@harborvalley.edu>", "Parking garage closure", "Garage C will close for repairs next week. Use Garage A. You are receiving this because you subscribed.", TypeOther},
		{"CI List <ci-list@lists.amia.org>", "[CI] interview invites", "Did anyone get an interview invitation from a program this week?", TypeOther},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ})
	}
}
