package analyzer

import (
	"testing"
)

// TestClassifyRankingStatementsAndOffers: a program telling the applicant how
// it will rank her is interest; a program asking (even conditionally, "if
// we're your first choice, tell us") is a solicitation; a firm offer outside
// the Match is an alert even from an employer that is no program.
func TestClassifyRankingStatementsAndOffers(t *testing.T) {
	c := testClassifier(t)
	lk, hv, ng, sb, md := "hpark@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "rmoss@stbrendans.org", "jfeld@meridian.edu"
	cases := []struct{ from, subj, body, typ, prog string }{
		// statements of the program's own ranking: allowed interest
		{lk, "After your visit", "Thank you for spending the day with us. I want you to know that our committee intends to rank you very highly.", TypePostInterviewInterest, "lakeside"},
		{hv, "Thanks", "It was a delight to host you. I'm glad to tell you we will rank you near the top of our list. No reply is necessary.", TypePostInterviewInterest, "harbor-valley"},
		// asking, even when put as a condition
		{ng, "Planning", "Should Northgate be at the top of your list, please tell us so that we can plan our informatics track.", TypeRankSolicitation, "northgate"},
		{sb, "one question", "It would be very helpful for our planning to know whether you'd put us first.", TypeRankSolicitation, "st-brendan"},
		{md, "Re: thanks", "Lovely to meet you. Is Meridian still your first choice?", TypeRankSolicitation, "meridian"},
		// offers
		{md, "Opportunity", "Our health system would like to offer you a role as associate medical director for informatics. It is a staff role, not a training position, and we need your answer before Match Day.", TypePreMatchOffer, "meridian"},
		{sb, "Off-cycle start", "We could offer you an off-cycle place beginning in January if you agree by Friday.", TypePreMatchOffer, "st-brendan"},
		{"Talent Team <talent@mercyhealth-careers.example>", "Your offer", "Dr. Rahman, Mercy Health is pleased to offer you the position of Physician Informaticist. The formal offer letter is attached; please return it signed by February 28.", TypePreMatchOffer, ""},
		// not offers
		{"Omar <omar.rahman@mailbox.example>", "they said yes", "Westbridge just offered me the job!! Start date is in January. Dinner to celebrate?", TypeOther, ""},
		{"Prep Co <hello@matchprep.example>", "Your seat", "We'd like to offer you a free trial of our residency interview coaching. Spots are limited.", TypeOther, ""},
		// a waitlist that becomes an invitation
		{hv, "Re: waitlist", "A place has freed up on our December 10 interview day and, as you were first on our alternate list, we would like to give it to you. Can you take it?", TypeInterviewInvite, "harbor-valley"},
		// more paraphrases across the types
		{lk, "Thank you", "We hope you'll consider us. Out of curiosity, how does Lakeside compare with the other places you've seen?", TypeRankSolicitation, "lakeside"},
		{hv, "hi", "Be honest with me - would we make your top three?", TypeRankSolicitation, "harbor-valley"},
		{sb, "Thank you", "We will be ranking you to match and hope you feel the same way, though of course you need not tell us.", TypePostInterviewInterest, "st-brendan"},
		{md, "position", "I can hold a staff informaticist post for you, but I'd need a yes before the AMIA results are released.", TypePreMatchOffer, "meridian"},
		{hv, "Wait list", "Sorry, every interview date is booked, but you're first in line if anything opens.", TypeWaitlist, "harbor-valley"},
		{ng, "Application", "Thanks for your patience. We've now filled our interview calendar and won't be able to meet with you this season.", TypeInterviewDecline, "northgate"},
		{ng, "See you soon", "We can't wait to meet with you on Thursday. Your interview is confirmed for 8 AM.", TypeInterviewConfirmation, "northgate"},
		{"Interview Broker <no-reply@interviewbroker.com>", "Interview cancelled by program", "Northgate Regional Hospital has cancelled its interview session on Dec 17 for all registrants. Please select another session.", TypeProgramUpdate, "northgate"},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, Program: k.prog}, "program")
	}
}
