package analyzer

import (
	"testing"
)

func TestClassifyParaphrasesMore(t *testing.T) {
	c := testClassifier(t)
	lk, hv, ng, sb, md := "ci-fellowship@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "rmoss@stbrendans.org", "jfeld@meridian.edu"
	cases := []struct{ from, subj, body, typ string }{
		{lk, "Interview Day Registration", "Congratulations! You have been selected for an interview. Please register for one of our interview days using the scheduling portal.", TypeInterviewInvite},
		{hv, "Harbor Valley Health - next step in your application", "We are happy to let you know that the selection committee would like to interview you. Available dates are listed in Thalamus; spots fill quickly.", TypeInterviewInvite},
		{ng, "Interview request", "On behalf of Dr. Chen, I am reaching out to schedule a virtual interview with you. What days are good for you in the week of December 7?", TypeInterviewInvite},
		{sb, "Interview details", "Thank you for confirming. Your interview is on Tuesday, December 1 from 8 AM to noon. Attached is the itinerary.", TypeInterviewConfirmation},
		{md, "Booked!", "Thanks for booking - you're on the calendar for Oct 30 with Dr. Feld.", TypeInterviewConfirmation},
		{lk, "Application decision", "After a holistic review of all applications, we are not able to move forward with your candidacy. We appreciate your interest and wish you success.", TypeInterviewDecline},
		{hv, "Interview status", "We will not be extending an interview invitation to you this cycle.", TypeInterviewDecline},
		{ng, "Update", "Our interview season is complete and we have no additional interview slots.", TypeInterviewDecline},
		{sb, "Waitlist", "We would like to offer you a place on our interview wait list. We will notify you if an interview date becomes available.", TypeWaitlist},
		{md, "Re: J-1", "Our institution does sponsor the J-1 through ECFMG; the H-1B is not available for fellows.", TypeEligibilityReply},
		{lk, "Re: eligibility", "Applicants must have completed an ACGME-accredited residency and be board eligible or certified in their primary specialty by July 1.", TypeEligibilityReply},
		{hv, "Documents needed", "To finalize your application we still require your MSPE and a medical school transcript.", TypeApplicationRequest},
		{ng, "Action required: photo", "Your application does not include a photo. Kindly add one in MyERAS.", TypeApplicationRequest},
		{sb, "Thanks for visiting", "Thank you for spending the day with us. We appreciated your thoughtful questions and think you would thrive here.", TypePostInterviewInterest},
		{md, "Post-interview note", "I wanted to let you know you made a strong impression on our faculty. We will be in touch after the Match.", TypePostInterviewInterest},
		{lk, "Ranking", "Please let me know whether you intend to rank Lakeside as your number one program.", TypeRankSolicitation},
		{hv, "Hi", "Just curious - how do we compare with the other programs you've seen?", TypeRankSolicitation},
		{ng, "Your plans", "Are you planning to rank Northgate highly? We'd love to hear your thoughts on your list.", TypeRankSolicitation},
		{sb, "Confidential", "Can you tell me which programs are at the top of your list?", TypeRankSolicitation},
		{md, "Offer", "We can offer you a spot right now if you agree not to participate in the Match.", TypePreMatchOffer},
		{lk, "Informatics position", "I'd like to offer you a position as a clinical informatics fellow starting July 1. This position is outside the NRMP and AMIA matches and requires a signed agreement by December 1.", TypePreMatchOffer},
		{hv, "Second look day", "We are holding an optional second look day on January 9 for interviewed applicants. Attendance has no bearing on ranking.", TypeProgramUpdate},
		{ng, "Program changes", "We wanted to share that our program has received funding for two additional informatics track positions beginning next year.", TypeProgramUpdate},
		{sb, "Match Day!", "We are delighted to welcome you as one of our new interns! Congratulations on your match.", TypeMatchResult},
		{"results@nrmp.org", "Your Match results", "Congratulations! You have matched to the Internal Medicine Residency at Northgate Regional Hospital.", TypeMatchResult},
		{"hr@acme-bank.example", "Your interview next week", "We look forward to seeing you on Tuesday for your interview for the analyst role. Please bring a photo ID.", TypeOther},
		{"support@thalamus-help.example", "Urgent: verify your Thalamus account", "Your Thalamus account will be suspended. Click here to verify your password.", TypeOther},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ})
	}
}
