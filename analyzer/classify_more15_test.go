package analyzer

import (
	"testing"
)

// TestClassifyBlindSetM: what blind set m taught. Regret about what the day
// cannot pay for is no decline; a place on the interview day offered to her
// is an invitation; "your day with us is …" or a date moved from one day to
// another is a booking; a waitlist held for someone else is not hers; no
// waitlist kept and no one more scheduled is a decline; a later group drawn
// on when times free up is a waitlist; a letter the program cannot see is a
// request; asking her to confirm the program is first for her is an alert;
// a program hoping she will join is interest, while "you will be our
// fellow" after the match is a result; "the 4th floor" is no date.
func TestClassifyBlindSetM(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	lk, hv, ng, sb := "hpark@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "rmoss@stbrendans.org"
	cases := []struct{ from, subj, body, typ, date string }{
		{lk, "Next step", "The committee would love to meet you; we have held Thursday, December 10, 2026 for you. We regret that we cannot reimburse travel for the day.", TypeInterviewInvite, "2026-12-10"},
		{hv, "Fellowship", "We would be glad to offer you a seat at one of our interview days in December. Please reply with a preference.", TypeInterviewInvite, ""},
		{ng, "Your visit", "Your morning with us will be Monday, December 7, 2026. Let us know early if you must cancel, so a candidate from our waitlist can take it.", TypeInterviewConfirmation, "2026-12-07"},
		{sb, "Change", "As requested, we moved you from December 3 to Tuesday, December 8, 2026.", TypeInterviewConfirmation, "2026-12-08"},
		{sb, "Interview day", "See you tomorrow at 8; take the lift to the 3rd floor.", TypeInterviewConfirmation, "2026-11-27"},
		{ng, "Season", "We are no longer scheduling anyone this year and do not keep an alternate list.", TypeInterviewDecline, ""},
		{hv, "Update", "You are in our reserve pool; we will pick from it if interview slots become free before January.", TypeWaitlist, ""},
		{lk, "Letters", "We don't see a letter from your chair in your file. Please ask him to upload it.", TypeApplicationRequest, ""},
		{ng, "Lists", "Could you let us know that our track is number one for you?", TypeRankSolicitation, ""},
		{sb, "Thank you", "The residents hope you'll be joining us next year; it was a treat meeting you.", TypePostInterviewInterest, ""},
		{lk, "Welcome", "You will be our newest fellow from July, and the paperwork will follow in January.", TypeMatchResult, ""},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, InterviewDate: k.date}, "date")
	}
}
