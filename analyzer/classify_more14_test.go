package analyzer

import (
	"testing"
)

// TestClassifyBlindSetL: what blind set l taught. A decline may say only
// that the program cannot take her file further, or that her file is
// closed and no meeting will be set; an eligibility answer may only say
// she can apply now or what is not needed to apply; a portal's "requested
// documents" is a request; a program asking whether it will be first for
// her is an alert; a place that is "hers", held for her, or that means
// pulling out of the Match, withdrawing other applications or not
// submitting a list is an offer; a program that hears she is going
// elsewhere tells her result; a platform's moved session with a "New
// session:" field fixes the new day.
func TestClassifyBlindSetL(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	lk, hv, ng, sb := "hpark@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "rmoss@stbrendans.org"
	cases := []struct{ from, subj, body, typ, date string }{
		{sb, "Your file", "Thank you for applying. I am sorry to say we can't take your application any further this year.", TypeInterviewDecline, ""},
		{lk, "Status", "Every date has been taken, so your application is now closed and we won't be arranging an interview with you.", TypeInterviewDecline, ""},
		{ng, "Re: question", "Yes, you may apply now even before your certificate is issued. The Step 3 exam is not required to apply.", TypeEligibilityReply, ""},
		{"erasnotifications@aamc.org", "ERAS notice", "Harbor Valley Health Clinical Informatics Fellowship has requested missing items for your application. Sign in to upload them.", TypeApplicationRequest, ""},
		{hv, "A question", "If your name ends up high on our list, would we be the top one for you too?", TypeRankSolicitation, ""},
		{md13, "Following up", "The fellowship spot is yours should you want it; we only need you to withdraw all other applications first.", TypePreMatchOffer, ""},
		{ng, "Possibility", "I could set aside one of our track positions for you this month, and you would not submit a rank list in March.", TypePreMatchOffer, ""},
		{sb, "Research year", "Taking the research post would mean dropping out of the match, but the letter can go out this week.", TypePreMatchOffer, ""},
		{md13, "Match day", "I heard you are off to another fellowship next year. Congratulations and good luck.", TypeMatchResult, ""},
		{"no-reply@interviewbroker.com", "Session changed", "At your request, your session with Northgate Regional Hospital Internal Medicine Residency has been moved.\n\nPrevious session: Thursday, December 10, 2026 (cancelled)\nNew session: Monday, December 14, 2026, 9:00 AM ET", TypeInterviewConfirmation, "2026-12-14"},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, InterviewDate: k.date}, "date")
	}
}
