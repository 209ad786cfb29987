package analyzer

import (
	"testing"

	"github.com/matchguard/matchguard/config"
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
		// blind set jj: asked in passing, and policies that only sound alarming
		{hv, "the paper", "Here is the paper I promised. Between the two of us, are we number one for you?", TypeRankSolicitation, "harbor-valley"},
		{lk, "Reimbursement", "Your reimbursement went through. If Lakeside is where you would go over your other programs, reply yes and I will tell the committee.", TypeRankSolicitation, "lakeside"},
		{hv, "Updates", "Our new rotation starts in July. It would help me a great deal to know whether you intend to put Harbor Valley first.", TypeRankSolicitation, "harbor-valley"},
		{md, "Thanks", "We hope Meridian will be high on your list; that is a hope, not a question, so please don't reply with your ranking.", TypePostInterviewInterest, "meridian"},
		{ng, "Rank lists", "Please certify your list by March 3. Please don't send us your rank list or tell us where we fall on it.", TypeProgramUpdate, "northgate"},
		{md, "How we fill positions", "We have heard that some applicants were approached with offers outside the match. Meridian does not do that.", TypeProgramUpdate, "meridian"},
		{"Recruiter <r.blake@staffing-partners.example>", "Analyst role", "I'd like to offer you a Clinical Informatics Analyst role, a staff position with no residency or match involvement.", TypeOther, ""},
		// not offers
		{"Omar <omar.rahman@mailbox.example>", "they said yes", "Westbridge just offered me the job!! Start date is in January. Dinner to celebrate?", TypeOther, ""},
		{"Prep Co <hello@matchprep.example>", "Your seat", "We'd like to offer you a free trial of our residency interview coaching. Spots are limited.", TypeOther, ""},
		// texting, and a fishing question by proxy
		{ng, "hiii", "so fun meeting u at the dinner!! real talk tho - where r we on ur list?? just reply here", TypeRankSolicitation, "northgate"},
		{hv, "quick q", "Are we still at the top for you?", TypeRankSolicitation, "harbor-valley"},
		// telling her how the program will rank her, and that it asks nothing
		{sb, "With thanks", "Thank you for interviewing with us. Our faculty loved meeting you, and I am happy to share that we will be ranking you to match. I am not asking anything about your ranking - please don't feel any need to respond.", TypePostInterviewInterest, "st-brendan"},
		// a policy told to all, in a bullet wrapped at the margin
		{lk, "Our post-interview policy", "A reminder of our policy:\n\n- No one from our program will ask you how you plan to rank us, where else you interviewed,\n  or whether we are your first choice. If anyone does, please let the GME office know.", TypeProgramUpdate, "lakeside"},
		// a place without the Match, and a place only if one opens
		{md, "jonah says", "ok so if u want the spot it's urs, no match needed. he just needs a yes by monday", TypePreMatchOffer, "meridian"},
		{md, "Interview waitlist", "Our interview slots are full, but we have placed you on our interview waitlist. If a spot opens, we will offer it to you right away.", TypeWaitlist, "meridian"},
		// declines and waitlists without their stock words
		{md, "closing the loop", "Quick note to close the loop on your application: we won't be extending an interview this cycle.", TypeInterviewDecline, "meridian"},
		{hv, "Your application", "We are not able to offer you an interview at this time. However, your application remains active, and you will be considered if a position becomes available on our interview schedule.", TypeWaitlist, "harbor-valley"},
		// a hope is no question; a policy that no one will contact her is news
		{hv, "So glad you interviewed with us", "We were very impressed, and we hope you will rank us favorably when you submit your list. Either way, I am sure you will do great things.", TypePostInterviewInterest, "harbor-valley"},
		{sb, "Reminder: our policy", "Dear Applicants,\n\nA reminder of our policy: no one from our program will contact you about how you plan to rank us.", TypeProgramUpdate, "st-brendan"},
		{lk, "Quick question from Dr. Park", "Dr. Park wanted to check whether Lakeside is still in your plans for the match. A quick yes or no is all we need.", TypeRankSolicitation, "lakeside"},
		{lk, "Checking in", "As we finalize our list next week, we'd love to hear how you're leaning.", TypeRankSolicitation, "lakeside"},
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

// TestClassifyAsksInAnyWords: a program's question or request about the
// applicant's ranking or her other applications is a solicitation however
// it is worded; a program answering what she volunteered, promising not to
// ask, or arranging a day around her other interviews is not.
func TestClassifyAsksInAnyWords(t *testing.T) {
	c := testClassifier(t)
	lk, hv, ng, sb, md := "hpark@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "rmoss@stbrendans.org", "jfeld@meridian.edu"
	warm := "It was lovely having you with us, and the fellows enjoyed your demo. "
	cases := []struct{ from, subj, body, typ, prog string }{
		{hv, "Checking in", warm + "What could we do to climb higher on your list?", TypeRankSolicitation, "harbor-valley"},
		{ng, "hello", warm + "Which other residencies are you still weighing?", TypeRankSolicitation, "northgate"},
		{sb, "hello", warm + "Did you also interview anywhere else nearby?", TypeRankSolicitation, "st-brendan"},
		{md, "hello", warm + "Do we have a chance of being your #1?", TypeRankSolicitation, "meridian"},
		{lk, "hello", warm + "Should you match with us, would you actually come?", TypeRankSolicitation, "lakeside"},
		{hv, "hello", warm + "Could you promise to put Harbor Valley first?", TypeRankSolicitation, "harbor-valley"},
		{ng, "hello", warm + "We were wondering whether you'd pick Northgate over the other places you saw.", TypeRankSolicitation, "northgate"},
		{sb, "hello", "Can we rely on you listing St. Brendan's first when you certify?", TypeRankSolicitation, "st-brendan"},
		{md, "hello", "Realistically, how much weight should we give your interest in Meridian?", TypeRankSolicitation, "meridian"},
		{lk, "hello", "Do you expect to place us in your upper tier?", TypeRankSolicitation, "lakeside"},
		// not asking
		{ng, "Re: my first choice", "We were thrilled to hear that Northgate is your first choice. We can make no promises, but you impressed everyone.", TypePostInterviewInterest, "northgate"},
		{sb, "Thanks", "Thanks for letting us know that we're your top choice; you were a favorite of our faculty too.", TypePostInterviewInterest, "st-brendan"},
		{lk, "Thank you", "We plan to rank you highly. There is no need to tell us anything about your own rank list.", TypePostInterviewInterest, "lakeside"},
		{hv, "Waitlist", "You are on our interview waitlist. If you accept interviews elsewhere on those days, let us know so we can offer the spot to someone else.", TypeWaitlist, "harbor-valley"},
		{md, "Thanks for visiting", "We hope you'll consider us favorably as you finalize your rank list.", TypePostInterviewInterest, "meridian"},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, Program: k.prog}, "program")
	}
}

// TestClassifyBlindSetN: what blind set n taught. Asking whether she wants
// to keep her place on a waiting list is no question about her ranking;
// inviting her own questions before lists are due is interest, not a
// request for her ranking. The alerts around them still fire.
func TestClassifyBlindSetN(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	hv, ng, mr := "sokafor@harborvalley.edu", "lchen@northgate-health.org", "jfeld@meridian.edu"
	cases := []struct{ from, subj, body, typ string }{
		{hv, "Interview waiting list", "Our interview days are full, so you are on our waiting list for now. Tell us whether you wish to stay on the list.", TypeWaitlist},
		{ng, "Alternates", "We cannot interview you yet but have put you among our alternates. Reply if you'd prefer to remain on the list.", TypeWaitlist},
		{mr, "Thanks for Thursday", "We all enjoyed meeting you on Thursday and would be glad to have you with us. Anything you'd want to know about us before ranking, just send me a note.", TypePostInterviewInterest},
		{mr, "Rank list", "We would like to know where you will rank us.", TypeRankSolicitation},
		{ng, "Our list", "Let me know if you are putting us first on your list.", TypeRankSolicitation},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ})
	}
}

// TestClassifyProgramWord: phrases that name the program ({program} in
// classify/types.toml) work for whatever programs the config holds, not
// only the corpus's: a program named only in the user's config is matched
// by its institution, name or alias.
func TestClassifyProgramWord(t *testing.T) {
	cfg, err := config.Parse("riverbend.toml", []byte(`
[[program]]
key = "riverbend"
name = "Clinical Informatics Fellowship"
institution = "Riverbend Health Sciences"
aliases = ["Riverbend", "RHS"]
domains = ["riverbend.example"]
`))
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewClassifier(cfg)
	if err != nil {
		t.Fatal(err)
	}
	pd := "Dr. Lena Ortiz <lortiz@riverbend.example>"
	cases := []struct{ body, typ string }{
		{"Could you tell me, candidly, whether Riverbend is where you intend to end up? A one-line answer is fine.", TypeRankSolicitation},
		{"Could you tell me, candidly, whether RHS is where you intend to end up?", TypeRankSolicitation},
		{"Could you let us know whether Riverbend Health Sciences is among the few places you would be happiest going?", TypeRankSolicitation},
		// the word alone is no program: the same question about a city
		{"Could you tell me whether Lisbon is where you intend to end up for the conference dinner?", TypeOther},
	}
	for _, k := range cases {
		got := c.Classify(msg(pd, "One question", k.body))
		if got.Type != k.typ {
			t.Errorf("%q:\n got %s, want %s (evidence %v)", k.body, got.Type, k.typ, got.Evidence)
		}
	}
}

// TestClassifyBlindSetNN: the hardest alerts, and policies that only look
// like them.
func TestClassifyBlindSetNN(t *testing.T) {
	c := testClassifier(t)
	lk, hv, sb, md := "ci-fellowship@lakeside-med.org", "informatics.fellowship@harborvalley.edu", "gme@stbrendans.org", "informatics-fellowship@meridian.edu"
	cases := []struct{ from, subj, body, typ string }{
		{md, "Finalizing our list", "Please reply to confirm that you will be ranking Meridian. We only place applicants on our rank list after they confirm.", TypeRankSolicitation},
		{hv, "Quick check-in", "Hit reply with a thumbs up if Harbor Valley is your #1, or a question mark if you are still deciding.", TypeRankSolicitation},
		{lk, "Good news", "Dr. Park has asked me to let you know that we are holding one of our two positions for you. Once we have your commitment in writing, the position is yours.", TypePreMatchOffer},
		{sb, "Resident agreement", "Attached is your Resident Agreement of Appointment for the PGY-1 year. Please sign and return it by Friday, February 26.", TypePreMatchOffer},
		{md, "Re: Positions outside the match?", "Meridian does not offer positions outside the match: all of our fellowship positions are filled through the AMIA Clinical Informatics Match.", TypeProgramUpdate},
		{lk, "Sample agreement", "Several applicants asked about benefits, so I'm attaching our sample fellow agreement, for information only. No signature is needed.", TypeProgramUpdate},
		{hv, "An unfilled position", "One of our positions went unfilled in this year's AMIA match. Now that the match has concluded, we are able to offer positions directly, and we would like to offer it to you.", TypeMatchResult},
	}
	for _, k := range cases {
		got := c.Classify(msg(k.from, k.subj, k.body))
		if got.Type != k.typ {
			t.Errorf("%q\n   got %s, want %s\n   %v", k.body, got.Type, k.typ, got.Evidence)
		}
	}
	// A service's notice listing the programs she applied to is none of
	// theirs; a service's last lines are no staff signature.
	eras := msg("ERAS <myeras-noreply@aamc.org>", "MyERAS: Application Submitted", "Your application was submitted.\n\nPrograms applied to during this session:\n - Northgate Regional Hospital - Internal Medicine\n - St. Brendan's Children's Hospital - Pediatrics\n - 11 additional programs")
	if got := c.Classify(eras); got.Program != "" {
		t.Errorf("ERAS receipt listing programs: program %q, want none", got.Program)
	}
	soc := msg("IMG Physicians Network <events@imgphysicians.example>", "Webinar: the Match for IMGs", "Join our webinar on December 2.\n\nPanelists:\nRebecca Moss, MD\nProgram Director, Pediatrics Residency\nSt. Brendan's Children's Hospital")
	if got := c.Classify(soc); got.Program != "" {
		t.Errorf("society webinar naming a program director: program %q, want none", got.Program)
	}
}

// TestClassifyBlindSetQQ: short and ambiguous, the way busy people write.
func TestClassifyBlindSetQQ(t *testing.T) {
	c := testClassifier(t)
	lk, hv, ng, sb, md := "trybak@lakeside-med.org", "informatics.fellowship@harborvalley.edu", "lchen@northgate-health.org", "rmoss@stbrendans.org", "ohaddad@meridian.edu"
	cases := []struct{ from, subj, body, typ string }{
		{lk, "quick one", "Any chance we're #1 for you? Would make my week.", TypeRankSolicitation},
		{ng, "before Monday", "Can we count on you come Match time? Committee meets Monday.", TypeRankSolicitation},
		{md, "following up", "Who else are you looking at? Trying to get a sense of who we're up against.", TypeRankSolicitation},
		{hv, "quick question", "Quick q for our records - did you also interview at Lakeside and Meridian?", TypeRankSolicitation},
		{sb, "Re: Thank you", "Lovely note. P.S. If you'd rather not gamble on the Match, I can lock in a PGY-1 spot for you right now.", TypePreMatchOffer},
		{hv, "this week", "Say yes this week and you're our fellow, match or no match.", TypePreMatchOffer},
		{lk, "next year", "Our chair approved hiring you directly as next year's fellow - no ranking involved. Interested?", TypePreMatchOffer},
		{ng, "interview day", "We'd love to interview you. Is Thursday your first choice, or does Wednesday work better?", TypeInterviewInvite},
		{ng, "update", "Our ranking meeting went well - you're in great shape. No reply needed.", TypePostInterviewInterest},
		{md, "thank you", "We hope you'll rank us favorably, though please don't tell us how.", TypePostInterviewInterest},
		{ng, "certified", "Our list is certified. Best of luck on the 19th!", TypeProgramUpdate},
	}
	for _, k := range cases {
		got := c.Classify(msg(k.from, k.subj, k.body))
		if got.Type != k.typ {
			t.Errorf("%q\n   got %s, want %s\n   %v", k.body, got.Type, k.typ, got.Evidence)
		}
	}
	// A chief resident's personal mailbox, signed with a short name of the
	// program under her own; a fellow applicant's note that names a chief
	// fellow is nobody's program mail.
	chief := msg("Kate Brennan <kbrennan.peds@outlook.com>", "!!", "Are we still your #1? A thumbs up is enough\n\nKate\nPeds Chief Resident, St. Brendan's")
	if got := c.Classify(chief); got.Type != TypeRankSolicitation || got.Program != "st-brendan" {
		t.Errorf("chief from outlook.com: got %s/%q, want rank-solicitation/st-brendan\n   %v", got.Type, got.Program, got.Evidence)
	}
	peer := msg("Omar Farooq <omar.farooq.md@outlook.com>", "waitlist?", "Got a waitlist email from MSU Informatics. Did you? The HVH fellows' social was great - you'll like their chief fellow.\n\nOmar")
	if got := c.Classify(peer); got.Program != "" {
		t.Errorf("fellow applicant: program %q, want none\n   %v", got.Program, got.Evidence)
	}
}
