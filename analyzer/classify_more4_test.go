package analyzer

import (
	"testing"
)

func TestClassifyParaphrasesOffers(t *testing.T) {
	c := testClassifier(t)
	lk, hv, ng, sb, md := "ci-fellowship@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "rmoss@stbrendans.org", "jfeld@meridian.edu"
	cases := []struct{ from, subj, body, typ string }{
		{lk, "A proposal", "Our department can appoint you as an informatics fellow beginning in July without going through the match, if you commit by the end of the month.", TypePreMatchOffer},
		{hv, "Quick question", "Would you be willing to accept a position with us before Match Day? We could send you a contract next week.", TypePreMatchOffer},
		{ng, "Off-cycle opening", "We have an off-cycle PGY-2 opening starting in January. If you're interested, we can offer it to you directly.", TypePreMatchOffer},
		{sb, "Update on your application", "Thank you for applying. The number of qualified applicants far exceeded our interview capacity, and we are unable to include you in this year's interviews.", TypeInterviewDecline},
		{md, "Fellowship application", "I'm sorry, but we have decided not to interview you for the fellowship. Your research is promising and I encourage you to stay in the field.", TypeInterviewDecline},
		{lk, "Re: visa", "Unfortunately we cannot sponsor any visas for this fellowship; applicants must be US citizens or permanent residents.", TypeEligibilityReply},
		{hv, "Re: your question", "We do accept applicants who trained outside the United States as long as they hold ECFMG certification.", TypeEligibilityReply},
		{ng, "Match", "We're sorry to hear you did not match this year. Please reach out if you would like feedback on your application.", TypeMatchResult},
		{"noreply@nrmp.org", "Match Week: SOAP eligibility", "You are eligible to participate in SOAP. Unfilled programs will be listed on Monday.", TypeMatchResult},
		{sb, "Thank you!", "Thank you for your interest in our program and for taking the time to interview with us. It was wonderful getting to know you.", TypePostInterviewInterest},
		{md, "Great to meet you", "Dr. Anand and I both came away very excited about your candidacy.", TypePostInterviewInterest},
		{lk, "Just checking", "Have you decided where you're going to rank us? We'd really like to know where we stand.", TypeRankSolicitation},
		{hv, "Following up", "We would rank you to match if you could let us know that we are your top choice.", TypeRankSolicitation},
		{sb, "Interview reminder", "This is a reminder of your upcoming interview on December 1 at 8:00 AM ET.", TypeInterviewConfirmation},
		{md, "Spring newsletter", "In this issue: fellow spotlight, new research projects, and photos from the AMIA symposium.", TypeProgramUpdate},
		{"careers@bigtech.example", "Offer letter", "We're pleased to offer you the position of Product Manager. Please sign the attached offer letter by Friday.", TypeOther},
		{"spouse@gmail.example", "fwd: my interview", "Hey, they want me to interview at the bank on Dec 3! Can you watch the kids?", TypeOther},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ})
	}
}
