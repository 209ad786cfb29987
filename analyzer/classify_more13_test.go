package analyzer

import (
	"strings"
	"testing"
)

// TestClassifyBlindSetK: what blind set k taught. How the season runs
// ("invitations usually go out in October") invites no one; an invitation
// may only ask to get to know her or whether a day suits; a decline may go
// "in another direction"; a file kept in reserve, or a promise to call her
// first on a cancellation, is a waitlist; a copy asked for in passing is a
// request; a hope that she joins is no result; asking how high she will put
// the program, or where it stands on hers, is an alert; a contract against
// her rank list, or a place whose paperwork must beat the rank deadline, is
// an offer; a program's policy told to all is news; her name among those
// who matched is her result.
func TestClassifyBlindSetK(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	lk, hv, ng, sb := "hpark@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "rmoss@stbrendans.org"
	cases := []struct{ from, subj, body, typ, date string }{
		{hv, "Application received", "Your file is complete. Our invitations to interview usually go out in the first half of October.", TypeOther, ""},
		{lk, "Fellowship", "The faculty would love to get to know you. Would you be able to join us on Tuesday, December 8?", TypeInterviewInvite, "2026-12-08"},
		{ng, "Residency", "We have two openings left, on December 14 and December 15. Which of these suits you better?", TypeInterviewInvite, ""},
		{md13, "Your file", "After much thought we have decided to go in another direction for our last interview places.", TypeInterviewDecline, ""},
		{ng, "Status", "All our interview offers went out last week, but we are keeping your file in reserve in case a spot opens.", TypeWaitlist, ""},
		{sb, "Dates", "Our January days are taken. Should there be a cancellation you will be the first one we contact.", TypeWaitlist, ""},
		{hv, "Welcome", "We're glad you applied and hope to be in touch soon.\n\nP.S. Can you send me a copy of your Step 2 score report? It never came through.", TypeApplicationRequest, ""},
		{ng, "Thanks", "It was wonderful meeting you. We'd be delighted to have you join us in July.", TypePostInterviewInterest, ""},
		{lk, "hi", "Quick question - how high are you thinking of putting Lakeside this year?", TypeRankSolicitation, ""},
		{hv, "checking in", "We're close to finishing our list. Where would we be on yours?", TypeRankSolicitation, ""},
		{sb, "Offer", "We can send you a contract today if you withdraw your match registration.", TypePreMatchOffer, ""},
		{lk, "quick one", "There is a research slot I could hold for you beginning in April. I'd need your signature before rank lists are certified.", TypePreMatchOffer, ""},
		{ng, "How we communicate", "Dear applicants, our post-interview policy is simple: we never ask candidates how they will rank us.", TypeProgramUpdate, ""},
		{hv, "Our incoming fellows", "Please join us in congratulating the two applicants who matched with Harbor Valley: Amina Rahman and Leo Park.", TypeMatchResult, ""},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, InterviewDate: k.date}, "date")
	}
}

const md13 = "jfeld@meridian.edu"

// TestClassifyNoreplyNamesProgram: automatic mail from an unlisted service
// speaks for the program it names in full; a short alias alone is not
// enough, and a notice of no season names none.
func TestClassifyNoreplyNamesProgram(t *testing.T) {
	c := testClassifier(t)
	cases := []struct{ from, subj, body, prog string }{
		{"notifications@apply-portal.example", "Waitlist notice", "Northgate Regional Hospital has placed you on the interview waitlist for its residency.", "northgate"},
		{"no-reply@apply-portal.example", "Waitlist notice", "Northgate has placed you on the interview waitlist.", ""},
		{"noreply@rides.example", "Your trip receipt", "Your ride to Northgate Regional Hospital cost $14.20.", ""},
	}
	for _, k := range cases {
		got := c.Classify(msg(k.from, k.subj, k.body))
		if got.Program != k.prog {
			t.Errorf("%.60q: program %q, want %q\n   %s", k.body, got.Program, k.prog, strings.Join(got.Evidence, "\n   "))
		}
	}
}
