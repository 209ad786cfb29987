package analyzer

import (
	"testing"
)

func TestClassifyParaphrasesCasual(t *testing.T) {
	c := testClassifier(t)
	lk, hv, ng, sb, md := "hpark@lakeside-med.org", "informatics.fellowship@harborvalley.edu", "imresidency@northgate-health.org", "rmoss@stbrendans.org", "twhitlock@meridian.edu"
	cases := []struct{ from, subj, body, typ, date string }{
		{lk, "Fellowship interview", "Dr. Park would be delighted to speak with you about the fellowship. Are you free on December 9 or December 11? Each session runs 9 to 1 Eastern.", TypeInterviewInvite, ""},
		{hv, "Interview", "Could we set up a time for you to meet our faculty? Let me know a few windows that work in the next two weeks.", TypeInterviewInvite, ""},
		{ng, "RE: scheduling", "Got it - I've put you down for Thursday 12/17. Calendar invite to follow.", TypeInterviewConfirmation, "2026-12-17"},
		{sb, "Interview moved", "Due to a conflict, we need to move your interview from December 1 to December 8. Same time, same link.", TypeInterviewConfirmation, "2026-12-08"},
		{md, "application", "Our committee has completed its review, and we will not be offering you an interview for the upcoming year.", TypeInterviewDecline, ""},
		{lk, "Application", "We have reached the maximum number of interviews we can conduct this year and have closed our interview schedule.", TypeInterviewDecline, ""},
		{hv, "On hold", "Your application has been placed on hold. We will reach back out in December if additional interview dates open.", TypeWaitlist, ""},
		{ng, "Re: IMG question", "Our program has historically matched many international graduates. We require passing Step 1 and Step 2 CK; there is no year of graduation limit.", TypeEligibilityReply, ""},
		{sb, "Letters", "Only two of your three letters of recommendation have arrived. Please check with your third letter writer.", TypeApplicationRequest, ""},
		{md, "Thank you!", "The fellows said they had a great time with you at lunch. You'd be a great colleague.", TypePostInterviewInterest, ""},
		{lk, "Between us", "I know we're not supposed to ask, but is there any chance you'd rank us first?", TypeRankSolicitation, ""},
		{hv, "Follow-up", "To help us plan, please indicate your level of interest in our program on a scale of 1 to 10 and whether you plan to rank us.", TypeRankSolicitation, ""},
		{ng, "Position", "We're prepared to give you one of our track spots right now if you'll sign before the rank list deadline.", TypePreMatchOffer, ""},
		{sb, "Match results", "It is our great pleasure to welcome you to St. Brendan's as a PGY-1 in the Pediatrics Residency. You matched with us!", TypeMatchResult, ""},
		{md, "Virtual Q&A for applicants", "Join our fellows for an informal virtual Q&A on December 2. No registration needed.", TypeProgramUpdate, ""},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, InterviewDate: k.date}, "date")
	}
}
