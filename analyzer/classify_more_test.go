package analyzer

import (
	"strings"
	"testing"
)

// TestClassifyParaphrases holds sentences written apart from the corpus, in
// the many ways programs say the same thing, to keep the phrase data
// general rather than fitted to our corpus.
func TestClassifyParaphrases(t *testing.T) {
	c := testClassifier(t)
	lk, hv, ng, sb, md := "ci-fellowship@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "rmoss@stbrendans.org", "jfeld@meridian.edu"
	cases := []struct {
		from, subj, body string
		typ, prog, date  string
	}{
		// invitations
		{lk, "Next steps", "Our selection committee has reviewed your application and would be glad to host you for an interview. Please use the link below to reserve one of the remaining days.", TypeInterviewInvite, "lakeside", ""},
		{hv, "Fellowship interviews", "We are pleased to extend an invitation to interview for our Clinical Informatics Fellowship. Interview days are Nov 4, Nov 11 and Nov 18; kindly indicate your first and second choice.", TypeInterviewInvite, "harbor-valley", ""},
		{ng, "Meet our team", "We'd love for you to spend a day with us. Would Monday 12/14 work for you?", TypeInterviewInvite, "northgate", "2026-12-14"},
		{sb, "Pathway", "Dr. Moss would like to meet you virtually for the Informatics Pathway. Which of these afternoons suits you: Dec 7, Dec 8 or Dec 9?", TypeInterviewInvite, "st-brendan", ""},
		// confirmations
		{md, "Re: interview", "Wonderful - we've got you down for Friday the 11th of December. Tessa will send the agenda.", TypeInterviewConfirmation, "meridian", "2026-12-11"},
		{lk, "Your interview day", "This email confirms your virtual interview on 12/09/2026 at 8:00 AM ET. Please test your camera beforehand.", TypeInterviewConfirmation, "lakeside", "2026-12-09"},
		{hv, "See you soon", "Just a reminder that we will see you on Wed, Dec 2. Parking instructions are attached.", TypeInterviewConfirmation, "harbor-valley", "2026-12-02"},
		// declines
		{ng, "Application update", "We have carefully reviewed your application. Regrettably we cannot invite you to interview this season, as our positions are limited.", TypeInterviewDecline, "northgate", ""},
		{sb, "Your application", "Thank you for your interest. The committee has decided to pursue other applicants whose experience more closely fits our pathway.", TypeInterviewDecline, "st-brendan", ""},
		{md, "re: checking in", "I'm afraid we won't have a spot for you this year, we've filled every interview day.", TypeInterviewDecline, "meridian", ""},
		// waitlist
		{hv, "Interview status", "You are currently an alternate for interviews. If someone cancels we will reach out to you right away.", TypeWaitlist, "harbor-valley", ""},
		{lk, "Status", "We cannot offer you an interview date yet, but your file remains under active consideration and we will contact you if a slot frees up.", TypeWaitlist, "lakeside", ""},
		// eligibility
		{ng, "Re: visa question", "Thanks for asking. Our residency sponsors J-1 visas only; we are not able to sponsor H-1B. IMGs are welcome to apply.", TypeEligibilityReply, "northgate", ""},
		{md, "Re: question", "Yes, physicians who completed residency abroad are eligible for our non-ACGME track, but board eligibility requires an ACGME residency.", TypeEligibilityReply, "meridian", ""},
		// application requests
		{sb, "Missing letter", "Your ERAS file is missing one letter of recommendation. Please have your writer upload it at your earliest convenience.", TypeApplicationRequest, "st-brendan", ""},
		{hv, "A quick request", "Could you send us your Step 3 score report when you have it? It will complete your file.", TypeApplicationRequest, "harbor-valley", ""},
		// post-interview interest
		{ng, "Thank you", "It was great having you with us on Thursday. Everyone on the committee was impressed by your CDS project, and we think you'd be a wonderful addition to the track.", TypePostInterviewInterest, "northgate", ""},
		{lk, "Following your interview", "We very much enjoyed our conversation and you are a highly competitive candidate for our program. We hope to rank you highly.", TypePostInterviewInterest, "lakeside", ""},
		// rank solicitation
		{hv, "One question", "It was wonderful to meet you! Could you let us know how you plan to rank Harbor Valley?", TypeRankSolicitation, "harbor-valley", ""},
		{md, "Quick note", "Off the record, is Meridian your first choice? We'd like to know before our committee meets.", TypeRankSolicitation, "meridian", ""},
		{sb, "Checking in", "Where else have you interviewed, and do you have other offers you are weighing?", TypeRankSolicitation, "st-brendan", ""},
		{ng, "Rank list", "If you can tell us you will rank us #1, we will make sure you match here.", TypeRankSolicitation, "northgate", ""},
		// pre-match offers
		{lk, "Position", "We would like to offer you a fellowship position now, before the Match, provided you withdraw your application from the AMIA match.", TypePreMatchOffer, "lakeside", ""},
		{hv, "Opportunity", "We have a non-ACGME informatics instructor position. If you sign a contract this week, the job is yours; you would not participate in the Match.", TypePreMatchOffer, "harbor-valley", ""},
		// updates
		{md, "Fellowship newsletter - November", "Dear applicants, here is our monthly newsletter: our fellows presented three posters at AMIA and we launched a new telehealth elective.", TypeProgramUpdate, "meridian", ""},
		{ng, "Virtual info session", "Join program leadership for a virtual information session about the Clinical Informatics Track on Dec 1 at 7 PM ET.", TypeProgramUpdate, "northgate", ""},
		// match result
		{sb, "Congratulations!", "Congratulations on matching with St. Brendan's Pediatrics Residency! We cannot wait to welcome you in June.", TypeMatchResult, "st-brendan", ""},
		// allowed program words that are not solicitation
		{lk, "Thank you", "We were very impressed and hope you will rank us favorably. You are exactly the kind of candidate we want.", TypePostInterviewInterest, "lakeside", ""},
		{hv, "After your visit", "You will be ranked highly by our committee. There is no need to tell us anything about your own list.", TypePostInterviewInterest, "harbor-valley", ""},
		{md, "Reminder: AMIA rank list deadline", "A reminder to all applicants that rank lists must be certified in the AMIA match system by December 3. Please rank programs in your true order of preference.", TypeProgramUpdate, "meridian", ""},
		// hard negatives
		{"hr@globalbank.example", "Interview confirmed", "Your interview for the Data Analyst role is confirmed for December 3 at 10 AM.", TypeOther, "", ""},
		{"news@healthit-weekly.example", "Rank lists and the Match: what programs ask", "This week: why programs should never ask where you plan to rank them, and how Lakeside University Medical Center redesigned its onboarding.", TypeOther, "", ""},
		{"scores@usmle.example", "Your Step 2 CK results", "Your score report is available. Log in to view your results.", TypeOther, "", ""},
	}
	for _, tc := range cases {
		got := c.Classify(msg(tc.from, tc.subj, tc.body))
		if got.Type != tc.typ || got.Program != tc.prog || got.InterviewDate != tc.date {
			t.Errorf("%.60q:\n  got %s/%q/%q, want %s/%q/%q\n  %s", tc.body, got.Type, got.Program, got.InterviewDate,
				tc.typ, tc.prog, tc.date, strings.Join(got.Evidence, "\n  "))
		}
	}
}
