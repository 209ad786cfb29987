package analyzer

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"
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

func TestClassifyParaphrasesTerse(t *testing.T) {
	c := testClassifier(t)
	lk, hv, ng, sb, md := "hpark@lakeside-med.org", "informatics.fellowship@harborvalley.edu", "imresidency@northgate-health.org", "rmoss@stbrendans.org", "jfeld@meridian.edu"
	cases := []struct{ from, subj, body, typ string }{
		{md, "hello", "Loved your personal statement. Any chance you could hop on Zoom with me and two of our fellows sometime next week?", TypeInterviewInvite},
		{lk, "Re: Friday", "Friday at 10 is perfect. Talk then!", TypeInterviewConfirmation},
		{hv, "Re: Interview request", "Thanks for your patience. Sadly, every spot is taken this year.", TypeInterviewDecline},
		{ng, "Your status", "You're high on our backup list for interviews. I'll email you the moment something frees up.", TypeWaitlist},
		{sb, "Re: quick question", "Yes - we take J-1 physicians every year and about half our residents are IMGs.", TypeEligibilityReply},
		{md, "one more thing", "Could you have your PD send me a short note confirming you'll finish residency in June?", TypeApplicationRequest},
		{lk, "so glad you came", "Our fellows haven't stopped talking about your demo. Hope the rest of your trail goes well!", TypePostInterviewInterest},
		{hv, "candid question", "Candidly, we want applicants who really want us. Where would we fall on your list?", TypeRankSolicitation},
		{ng, "an idea", "Rather than wait for Match Day, we could lock in your spot now with a signed letter of intent.", TypePreMatchOffer},
		{sb, "Welcome, Class of 2027!", "We're so happy you'll be part of our residency family. Orientation details to come.", TypeMatchResult},
		{md, "Fellowship updates", "A few quick updates: our new director starts in January and we moved to a new office building.", TypeProgramUpdate},
		{lk, "Re: parking", "You can park in Garage B; the validation desk is on the first floor.", TypeOther},
		// Two-line notes of the season's end (blind set ss, in other words).
		{sb, "Paperwork", "The agreement is ready for you. Sign it and there is no need to bother with a rank list.", TypePreMatchOffer},
		{hv, "Two spots", "Say yes this week and one of our spots is guaranteed; you wouldn't need to enter the match.", TypePreMatchOffer},
		{ng, "quick one", "Are there other interviews or offers I ought to know about?", TypeRankSolicitation},
		{ng, "note", "You're going to be ranked highly here. Nothing to reply.", TypePostInterviewInterest},
		{md, "Re: thank you", "Thank you, Amina. The feeling is mutual on our side.", TypePostInterviewInterest},
		{ng, "Match rules", "As a reminder, we will never ask how you plan to rank us.", TypeProgramUpdate},
		{ng, "Tomorrow", "For tomorrow: ask for me at the reception desk at 7:30. Looking forward to it!", TypeInterviewConfirmation},
		// One sentence in a long letter decides (blind set tt, in other words).
		{hv, "Re: thanks", "Once you have seen everyone, I would be curious to hear how we stacked up against the others.", TypeRankSolicitation},
		{lk, "Hello", "Do keep me posted on how your own list is coming together.", TypeRankSolicitation},
		{ng, "A note", "If you already know that Northgate is where you hope to end up, tell me.", TypeRankSolicitation},
		{sb, "Paperwork", "The department has drawn up a contract for you ahead of Match Day; please sign it by January 15.", TypePreMatchOffer},
		{md, "Our season", "Positions are offered only through the match, and we will not make any offers outside it.", TypeProgramUpdate},
		{md, "Thank you", "Thank you for spending Tuesday with us. We would love for you to join our fellows and our team.", TypePostInterviewInterest},
		{lk, "Onboarding steps for incoming fellows", "Please upload your immunization records and your visa documents to the onboarding portal by April 30.", TypeProgramUpdate},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ})
	}
}

// TestClassifyMeaningOverKeywords: a full calendar with a promise to come
// back to her is a waitlist, not a decline; an incomplete review is a
// request; an eligibility answer relayed by a colleague is still one; a
// thank-you to every interviewee is not personal interest; a note from a
// director that only says a hold is coming confirms the day.
func TestClassifyMeaningOverKeywords(t *testing.T) {
	c := testClassifier(t)
	lk, hv, ng, md := "hpark@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "jfeld@meridian.edu"
	cases := []struct{ from, subj, body, typ string }{
		{hv, "Your application", "Every interview day we have is booked at the moment. Your file stays under active consideration, and if a date frees up we will write to you.", TypeWaitlist},
		{hv, "Your application", "Every interview day we have is booked. We wish you the very best in the Match.", TypeInterviewDecline},
		{md, "Interviews", "Our last interview day is past and we won't be able to fit you in this season.", TypeInterviewDecline},
		{ng, "Your file", "We can't finish the evaluation of your file without the dean's letter, which hasn't reached us.", TypeApplicationRequest},
		{lk, "Re: hello", "Before committee, please email us a short summary of your quality project.", TypeApplicationRequest},
		{lk, "Fwd: question", "Her training done overseas would not count; once she completes a US residency she is eligible.", TypeEligibilityReply},
		{ng, "Policy", "Thank you all for interviewing with us. Our list will rest only on your files and interview days.", TypeProgramUpdate},
		{hv, "Re: thanks", "Faculty loved your dashboard demo. Hoping to work with you.", TypePostInterviewInterest},
		{hv, "FYI", "FYI everyone: the hospital approved funding for an extra fellow next year.", TypeProgramUpdate},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ})
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

// TestClassifyTakenBackAndMoved: an invitation the program takes back is a
// decline whatever inviting words it repeats; a notice laid out as
// "Previous date / New date" fixes the new day; eligibility told in her own
// terms (the visa she needs, years since graduation, which Step is needed);
// documents asked for in other words; news passed on to applicants; results
// spoken of as out; a request that names her one interview day keeps it.
func TestClassifyTakenBackAndMoved(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	lk, hv, ng, md := "hpark@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "jfeld@meridian.edu"
	cases := []struct{ from, subj, body, typ, date string }{
		{ng, "Interview invitation rescinded", "We are sorry: the program has rescinded your interview invitation, as our interview calendar closed early.", TypeInterviewDecline, ""},
		{hv, "Your interview", "Your invitation to interview was withdrawn because all dates have been filled.", TypeInterviewDecline, ""},
		{hv, "Interview invitation", "Thank you for letting us know. As you requested, your interview invitation has been withdrawn.", TypeOther, ""},
		{"Thalamus <notifications@thalamusgme.com>", "Interview change - Harbor Valley Health", "Your interview with Harbor Valley Health Clinical Informatics Fellowship has been moved.\nOriginal date: Thursday, December 3, 2026\nNew date: Friday, December 11, 2026", TypeInterviewConfirmation, "2026-12-11"},
		{md, "Re: question", "We do take applicants who hold an H-1B, and you graduated within our five-year window.", TypeEligibilityReply, ""},
		{ng, "Re: Step 3", "Step 3 is not a requirement for our residents on J-1 visas.", TypeEligibilityReply, ""},
		{lk, "paperwork", "Could you email us a few items: a copy of your medical license and the photo page of your passport.", TypeApplicationRequest, ""},
		{md, "Re: application", "Please have your MSPE uploaded by your school; the committee meets next week.", TypeApplicationRequest, ""},
		{hv, "Fwd: Informatics award", "Passing this along to our applicants - our fellows won the hospital innovation prize this year.", TypeProgramUpdate, ""},
		{md, "results", "I checked the match results this morning, and we will be working together after all. Congratulations!", TypeMatchResult, ""},
		{ng, "Badge", "Ahead of your interview on Thursday, December 10, please send us a scan of your passport for a visitor badge.", TypeApplicationRequest, "2026-12-10"},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, InterviewDate: k.date}, "date")
	}
}

// TestClassifyAlertsInFreshWords: the two alerts said in words none of
// our sets used (written to find gaps before a held-out set does), and
// the same words where nothing is asked or offered.
func TestClassifyAlertsInFreshWords(t *testing.T) {
	c := testClassifier(t)
	alerts := []struct{ body, typ string }{
		{"Are we still in the mix for you?", TypeRankSolicitation},
		{"Any update on your thinking about where you'd like to train?", TypeRankSolicitation},
		{"How is your decision coming along?", TypeRankSolicitation},
		{"It would be great to know whether we are a serious option for you.", TypeRankSolicitation},
		{"Have you made up your mind about where you would like to go?", TypeRankSolicitation},
		{"Which way are you leaning at this point?", TypeRankSolicitation},
		{"Can you tell me whether we made your shortlist?", TypeRankSolicitation},
		{"I'd love to hear your honest thoughts about how we fit into your plans.", TypeRankSolicitation},
		{"Would you be willing to share your preferences with us?", TypeRankSolicitation},
		{"We can take you outside the algorithm if you say the word.", TypePreMatchOffer},
		{"Should you accept by Friday, we will hold a position for you regardless of how the match goes.", TypePreMatchOffer},
		{"We would like to extend you a faculty-track position in lieu of the fellowship, effective immediately.", TypePreMatchOffer},
		{"The contract is yours to sign whenever you are ready, well before lists are due.", TypePreMatchOffer},
		{"Would you consider coming on board now rather than waiting for March?", TypePreMatchOffer},
	}
	for _, k := range alerts {
		expectClass(t, k.body, c.Classify(msg("hpark@lakeside-med.org", "Checking in", k.body)), Classification{Type: k.typ})
	}
	for _, body := range []string{
		"Please share your preferences for the interview date with us.",
		"Let us know your dietary preferences for the dinner.",
		"How is your research project coming along?",
		"Our algorithm for sepsis alerts runs outside the EHR.",
		"Please sign the contract once the match results are out.",
		"We look forward to having you on board in July after the match.",
	} {
		if got := c.Classify(msg("hpark@lakeside-med.org", "Checking in", body)); got.Type == TypeRankSolicitation || got.Type == TypePreMatchOffer {
			t.Errorf("%q: got the alert %s\n   %s", body, got.Type, strings.Join(got.Evidence, "\n   "))
		}
	}
}

// TestClassifyAlertsInEveryVoice (blind set vv, in other words): a
// messenger from a personal mailbox speaks for the program it names; a
// question in the subject line; a program's rules about asking and
// offering are no ask and no offer; a deadline for their list is no
// interview day.
func TestClassifyAlertsInEveryVoice(t *testing.T) {
	c := testClassifier(t)
	friend := "Jo Alvarez <jo.alvarez@fastmail.example>"
	cases := []struct{ from, subj, body, typ, prog, date string }{
		{friend, "Hello from an old Northgate hand", "Great to hear you interviewed. Dr. Chen asked me to gently find out whether Northgate is still in your top few; I'll pass it along.", TypeRankSolicitation, "northgate", ""},
		{"plindqvist@northgate-health.org", "Northgate - are we your #1?", "Enjoyed meeting you. The question in the subject line stands; a yes or no is fine.", TypeRankSolicitation, "northgate", ""},
		{"gme-office@gme.northgate-health.org", "Match communication policy", "Dear applicants, a reminder of our policy. No program director or staff member may ask you how you intend to rank our program. No one may request a commitment from you, or offer you a position outside the Match.", TypeProgramUpdate, "northgate", ""},
		{"wachebe@lakeside-med.org", "An alternative", "It is a faculty position, not ACGME-accredited, and we would like to offer it to you in place of the fellowship.", TypePreMatchOffer, "lakeside", ""},
		{"rmoss@stbrendans.org", "Missing document", "Please ask your third letter writer to upload the letter, and send us your current CV before we finalize our interview list on December 16.", TypeApplicationRequest, "st-brendan", ""},
	}
	// A friend forwarding what a program sent him relays nothing: the
	// program's words are in the forwarded part, not his.
	fwd := Parse([]byte("From: Jo Alvarez <jo.alvarez@fastmail.example>\r\nTo: amina.rahman@example.org\r\n" +
		"Subject: Fwd: Interview invitation\r\nDate: Thu, 26 Nov 2026 10:00:00 -0500\r\n\r\n" +
		"Look, Harbor Valley invited me too! Which day did you get?\r\n\r\n---------- Forwarded message ---------\r\n" +
		"From: Harbor Valley Health <informatics.fellowship@harborvalley.edu>\r\nSubject: Interview invitation\r\n\r\n" +
		"On behalf of the program director, we would like to invite you to interview on November 19; I'll pass your reply on to Dr. Okafor.\r\n"))
	if got := c.Classify(fwd); got.Type != TypeOther || got.Program != "" {
		t.Errorf("a friend's forward: got %s/%q, want other/\"\"\n   %s", got.Type, got.Program, strings.Join(got.Evidence, "\n   "))
	}
	for _, k := range cases {
		m := msg(k.from, k.subj, k.body)
		got := c.Classify(m)
		if got.Type != k.typ || got.Program != k.prog || got.InterviewDate != k.date {
			t.Errorf("%.60q\n  got %s/%q/%q, want %s/%q/%q\n   %s", k.body, got.Type, got.Program, got.InterviewDate, k.typ, k.prog, k.date, strings.Join(got.Evidence, "\n   "))
		}
	}
}

// TestClassifyAsksThatNeverSayRank (blind set xa, in other words): her
// intent to come asked without the words of ranking, and the same words
// about a dinner, a laptop or her travel plans.
func TestClassifyAsksThatNeverSayRank(t *testing.T) {
	c := testClassifier(t)
	asks := []string{
		"Between us, can we count on you?",
		"Honest question: is there anyone else courting you at this point?",
		"When you think about next July, do you see yourself with us?",
		"If the spot were offered, would you take it?",
		"Quick one before committee: I would like to know whether you'd sign if we made room, and whether you've heard from anywhere else.",
		"We are ready to commit our open slot to you, but only if you can assure me you'll be committing to us too.",
		"Should we keep a seat warm for you in July?",
	}
	for _, body := range asks {
		expectClass(t, body, c.Classify(msg("lchen@northgate-health.org", "Thinking of you", body)), Classification{Type: TypeRankSolicitation})
	}
	for _, body := range []string{
		"Can we count on you to bring your laptop on Thursday?",
		"Let me know by Tuesday if you'll join us for the interview dinner.",
		"Dr. Chen will save you a seat and order something vegetarian if you tell me by Friday.",
		"Please tell me if your plans change and you can no longer make it.",
	} {
		if got := c.Classify(msg("lchen@northgate-health.org", "Thursday", body)); got.Type == TypeRankSolicitation {
			t.Errorf("%q: read as rank-solicitation\n   %s", body, strings.Join(got.Evidence, "\n   "))
		}
	}
}

// A cover note that takes back the message it forwards decides alone; a
// calendar file labelled application/ics is read as a calendar.
func TestClassifyCoverNoteAndICSFile(t *testing.T) {
	c := testClassifier(t)
	fwd := Parse([]byte("From: Tess Reyes <treyes@stbrendans.org>\r\nTo: amina.rahman@example.org\r\n" +
		"Subject: Fwd: Your application\r\nDate: Mon, 16 Nov 2026 09:00:00 -0700\r\n\r\n" +
		"Good news: a spot opened up, so please disregard the waitlist note below. Dr. Moss would like to invite you to interview on Tuesday, December 1.\r\n\r\n" +
		"---------- Forwarded message ---------\r\nFrom: St. Brendan's Pediatrics <pedsresidency@stbrendans.org>\r\nSubject: Your application\r\n\r\n" +
		"We have placed you on our interview waitlist and will contact you if a position opens.\r\n"))
	expectClass(t, "cover note", c.Classify(fwd), Classification{Type: TypeInterviewInvite, InterviewDate: "2026-12-01"}, "date")
	ics := "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nDTSTART;TZID=America/Denver:20261201T073000\r\nSUMMARY:Interview day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	raw := "From: Rebecca Moss <rmoss@stbrendans.org>\r\nTo: amina.rahman@example.org\r\nSubject: Calendar hold for your interview day\r\n" +
		"Date: Mon, 16 Nov 2026 09:00:00 -0700\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n" +
		"--b\r\nContent-Type: text/plain\r\n\r\nCalendar hold for your interview day attached.\r\n" +
		"--b\r\nContent-Type: application/ics; name=interview.ics\r\nContent-Disposition: attachment; filename=interview.ics\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		base64.StdEncoding.EncodeToString([]byte(ics)) + "\r\n--b--\r\n"
	m := Parse([]byte(raw))
	if len(m.Calendars) != 1 {
		t.Fatalf("application/ics: %d calendars read, want 1", len(m.Calendars))
	}
	expectClass(t, "ics file", c.Classify(m), Classification{Type: TypeInterviewConfirmation, InterviewDate: "2026-12-01"}, "date")
}

// TestClassifyAlertsInOrdinaryClothes (blind set xc, in other words).
func TestClassifyAlertsInOrdinaryClothes(t *testing.T) {
	c := testClassifier(t)
	cases := []struct{ from, subj, body, typ string }{
		{"rmoss@stbrendans.org", "Message", "To help us plan, kindly confirm by Friday that you will place St. Brendan's within your top three.", TypeRankSolicitation},
		{"jfeld@meridian.edu", "Receipts", "Dr. Feld asked me to find out whether you would be willing to commit to Meridian.", TypeRankSolicitation},
		{"lchen@northgate-health.org", "Parking", "Dr. Chen will call the applicants who plan to rank Northgate first. If that's you, just reply yes.", TypeRankSolicitation},
		{"lchen@northgate-health.org", "Checking in", "Have you had interview invitations from the other big programs in town? We want a sense of our competition.", TypeRankSolicitation},
		{"rmoss@stbrendans.org", "An appointment", "The department can extend an out-of-Match appointment to you, provided you confirm that you will not certify a rank order list.", TypePreMatchOffer},
		{"imresidency@northgate-health.org", "Interview invitation", "We would like to invite you to interview. Two dates remain: Thursday, December 10 and Thursday, December 17. Which is your first choice? Reply and I'll hold it.", TypeInterviewInvite},
		{"gme@northgate-health.org", "Communication policy", "Dear applicants, if anyone at Northgate asks about your rank list or your other offers, please report it to our designated institutional official.", TypeProgramUpdate},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ})
	}
}

// TestClassifyEveryTypeInItsOwnWords (blind set xe, in other words): each
// type without its usual word.
func TestClassifyEveryTypeInItsOwnWords(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"jfeld@meridian.edu", "A conversation", "The faculty would welcome the chance to speak with you. We have set aside a morning for you to meet the fellows.", TypeInterviewInvite},
		{"lchen@northgate-health.org", "Coming up", "Everything is set for this Thursday; park in the visitor garage and come to the fourth floor.", TypeInterviewConfirmation},
		{"rmoss@stbrendans.org", "Your application", "Our committee has finished its review, and we won't be scheduling a day with you this season.", TypeInterviewDecline},
		{"hpark@lakeside-med.org", "Keeping you in mind", "Every seat is taken for now, but you are near the front of the line should one open up.", TypeWaitlist},
		{"sokafor@harborvalley.edu", "Step 3", "Your file needs a Step 3 score report and yours is missing; please send the report to Priya.", TypeApplicationRequest},
		{"jfeld@meridian.edu", "Yesterday", "Our faculty compared notes this morning and the consensus was simple: we enjoyed you.", TypePostInterviewInterest},
		{"hpark@lakeside-med.org", "Results", "The results are out, and the match did not pair you with Lakeside this year.", TypeMatchResult},
		{"rmoss@stbrendans.org", "ECFMG", "To answer your question: we do not require ECFMG certification when you apply, but without it we cannot include you in the Match.", TypeEligibilityReply},
		{"imresidency@northgate-health.org", "Dinner", "A few residents are getting dinner the night before interviews and we'd love for you to join.", TypeProgramUpdate},
	})
}

// TestClassifyAlertsAndLookAlikes (blind set xf, in other words): the two
// alerts said warmly and sideways, and policy letters that only name them.
func TestClassifyAlertsAndLookAlikes(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		// a match promised before the Match; promised for her word, the question decides
		{"hpark@lakeside-med.org", "Good news", "Off the record: you are certain to match with us so long as Lakeside appears on your list.", TypePreMatchOffer},
		{"sokafor@harborvalley.edu", "Quick one", "Tell me Harbor Valley is your first choice and I'll see to it that you're going to match here.", TypeRankSolicitation},
		// a bridge job and a Match application given up
		{"jfeld@meridian.edu", "A research post", "The informatics research post starts in February and turns into a fellowship slot next summer. We'd need you to cancel your AMIA match registration first.", TypePreMatchOffer},
		// asks in long lead-ins, for the committee, for an event, by a messenger
		{"hpark@lakeside-med.org", "A few notes", "One last thing, which I ask only because we are small and every position counts for us, and because the committee meets soon: is the program likely to come out on top when you submit?", TypeRankSolicitation},
		{"lchen@northgate-health.org", "Your plans", "It would be valuable for our committee to learn your plans for the Match, including whether Northgate is the place you would like to train.", TypeRankSolicitation},
		{"rmoss@stbrendans.org", "Spring visit", "Seats are limited, so we are reserving them for applicants who intend to put St. Brendan's near the top. Reply to save yours.", TypeRankSolicitation},
		{"chief.peds.sb@gmail.com", "hey from the chiefs", "Chief resident at St. Brendan's here! Is St. Brendan's the one?? Dr. Moss asked us to find out.", TypeRankSolicitation},
		{"twieczorek@lakeside-med.org", "A paper", "Here is the preprint we discussed. I'd be glad to tell Helen we can count on you.", TypeRankSolicitation},
		{"alum.stb@gmail.com", "Hi from an alum", "Dr. Moss asked a few of us alumni at St. Brendan's to reach out. She hopes to learn which applicants are hoping to rank St. Brendan's first; if that's where you see yourself, let me know and I'll tell her.", TypeRankSolicitation},
		// look-alikes: what to do if someone else asks or offers
		{"hpark@lakeside-med.org", "Our policy", "Dear applicants, should someone from our program ever suggest a position outside the match or ask about your rank list, please tell me at once.", TypeProgramUpdate},
	})
}

// TestClassifyBulkMail (blind set xh, in other words): what decides in a
// letter sent to many applicants at once.
func TestClassifyBulkMail(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"ci-fellowship@lakeside-med.org", "An added interview session", "Dear waitlisted applicants, you are on our interview waitlist. We have added an evening session, and we are delighted to invite you to interview this Tuesday. Please reply by Monday noon.", TypeInterviewInvite},
		{"ci-fellowship@lakeside-med.org", "Waitlist", "Dear applicants, you are on our interview waitlist. If a seat opens for Tuesday, we will invite you to interview then.", TypeWaitlist},
		// (no offer in a letter of intent she need not send; a letter to
		// all applicants is the program's news, as in our corpus)
		{"rmoss@stbrendans.org", "Thank you", "Dear applicants, thank you for visiting us. You need not send us a letter of intent, and we will never ask how you will rank us.", TypeProgramUpdate},
		{"imresidency@northgate-health.org", "Rank list season", "Dear applicants, our committee meets next week. We are asking applicants who plan to put Northgate first to confirm that commitment by reply.", TypeRankSolicitation},
		{"rmoss@stbrendans.org", "Match Day", "Dear applicants, all our positions filled today, and we will not be matching with you this year. We wish you every success.", TypeMatchResult},
		{"imresidency@northgate-health.org", "Our waitlist", "Dear applicants, our season has ended and we are releasing everyone from our interview waitlist. Thank you for your patience.", TypeInterviewDecline},
	})
}

// TestClassifyManyHands (blind set xj, in other words): the program's
// many voices, forwards with a cover note, and terse notes from a phone.
func TestClassifyManyHands(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"bmi-office@meridian.edu", "Interview call letter", "This is to inform you that you have been short listed for the personal interview on Tuesday, 8th December 2026. Kindly confirm your participation by return mail.", TypeInterviewInvite},
		{"bmi-office@meridian.edu", "Intimation", "This is to intimate that the fellowship office will remain closed for the holiday season from 24th December.", TypeProgramUpdate},
		{"rmoss@stbrendans.org", "Some news", "Happy news to share: the hospital has funded an additional pathway position, so the pathway grows from two to three residents per year.", TypeProgramUpdate},
		{"surveys@feedbackly.example", "Northgate Regional Hospital: a quick survey", "Northgate Regional Hospital has asked Feedbackly to collect a few answers from interviewed applicants. Where do you plan to rank Northgate Regional Hospital on your list?", TypeRankSolicitation},
		{"lchen@northgate-health.org", "quick q", "someone cancelled for tmrw, can u interview at 9 virtual?", TypeInterviewInvite},
		{"gme@northgate-health.org", "Interview confirmation", "This confirms your interview on Thursday, December 10. No member of our faculty will ask you about your ranking intentions.", TypeInterviewConfirmation},
		{"jfeld@meridian.edu", "Re: Eligibility question", "I'm afraid we can only consider graduates of an ACGME-accredited residency, so we would not be able to consider your application.", TypeEligibilityReply},
	})
	// A cover note with news, and the older message it forwards for
	// reference: the note decides.
	raw := "From: Priya Natarajan <informatics.fellowship@harborvalley.edu>\r\nTo: amina.rahman@example.org\r\n" +
		"Subject: Fwd: Interview waitlist\r\nDate: Tue, 27 Oct 2026 10:18:51 -0700\r\n\r\n" +
		"Dear Dr. Rahman,\r\n\r\nGood news: a candidate has withdrawn and Dr. Okafor would like to offer you the interview on Thursday, November 5 (virtual). Please reply by tomorrow to confirm. For reference, my earlier mail is below.\r\n\r\n" +
		"---------- Forwarded message ---------\r\nFrom: Priya Natarajan <informatics.fellowship@harborvalley.edu>\r\nDate: Mon, Oct 19, 2026\r\nSubject: Interview waitlist\r\n\r\n" +
		"You are on our interview waitlist; we will contact you if a slot becomes available.\r\n"
	if got := c.Classify(Parse([]byte(raw))); got.Type != TypeInterviewInvite || got.InterviewDate != "2026-11-05" {
		t.Errorf("forward with a cover note: got %s %q, want %s 2026-11-05\n   %s", got.Type, got.InterviewDate, TypeInterviewInvite, strings.Join(got.Evidence, "\n   "))
	}
}

// TestClassifyEndOfSeason (blind set xi, in other words): Match Week and
// after.
func TestClassifyEndOfSeason(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"informatics.fellowship@harborvalley.edu", "Our list is certified", "Dear candidates, our list is certified. Please ignore last week's email asking applicants to tell us how they plan to rank the fellowship; it should not have gone out.", TypeProgramUpdate},
		{"noreply@nrmp.org", "Match Week: timeline and SOAP information", "Dear Applicant, here is the timeline. Monday: applicants learn whether they matched. Thursday: SOAP offer rounds. Friday: Match Day.", TypeOther},
		{"noreply@nrmp.org", "Match status", "We regret that you did not match. You are eligible for the Supplemental Offer and Acceptance Program and may take part today.", TypeMatchResult},
		{"rmoss@stbrendans.org", "Match Day", "I wanted to tell you myself that we could not match with you this year; every position filled.", TypeMatchResult},
		{"lchen@northgate-health.org", "A position", "With SOAP over, one of our track positions is still unfilled, and we would like to offer it to you.", TypeMatchResult},
		{"ehr-training@northgate-health.org", "Epic training", "Welcome! Your EHR classes for incoming residents are scheduled for June 22 and 23.", TypeProgramUpdate},
		{"pedsresidency@stbrendans.org", "Re: Visa question", "Happy to answer before rank lists are due: we sponsor J-1 visas only.", TypeEligibilityReply},
	})
	// After her match, a contract to sign is onboarding: never an offer
	// outside the Match.
	body := "Congratulations on matching with us! Enclosed is your resident agreement of appointment; please sign and return it by April 9."
	if got := c.Classify(msg("imresidency@northgate-health.org", "Your agreement", body)); got.Type == TypePreMatchOffer {
		t.Errorf("%q: got %s\n   %s", body, got.Type, strings.Join(got.Evidence, "\n   "))
	}
}

// TestClassifyQuietBreach (blind sets xk and xl, in other words): alerts
// said without the usual words, and look-alikes that must stay quiet.
func TestClassifyQuietBreach(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"sokafor@harborvalley.edu", "Before we meet", "Would it be fair for me to tell the committee that Harbor Valley is where you would most like to train?", TypeRankSolicitation},
		{"sokafor@harborvalley.edu", "P.S.", "Thanks for the visit. P.S. I'm curious whether we came out ahead of the other places you've seen.", TypeRankSolicitation},
		{"notifications@thalamusgme.com", "Northgate Regional Hospital", "Northgate Regional Hospital asks every interviewee to indicate their level of commitment to Northgate before the committee meets.", TypeRankSolicitation},
		{"jfeld@meridian.edu", "A conversation with our chair", "Our chair is meeting candidates who are seriously considering Meridian as their top option. Would you put yourself in that group?", TypeRankSolicitation},
		{"housing@gme.northgate-health.org", "Housing", "We are counting heads for resident housing. If you think you'll end up with us, just let me know.", TypeRankSolicitation},
		{"gfenn@gme.stbrendans.org", "Visa file", "HR needs written confirmation that you intend to come to St. Brendan's if the Match allows.", TypeRankSolicitation},
		{"ci-fellowship@lakeside-med.org", "Feedback", "4. Where does Lakeside sit among the fellowships you are considering?", TypeRankSolicitation},
		{"rmoss@stbrendans.org", "Thank you", "Is there anything that would make us your clear choice?", TypeRankSolicitation},
		{"jfeld@meridian.edu", "A question", "If we were to offer you a spot, would you take it?", TypeRankSolicitation},
		{"tb.md@gmail.com", "Northgate", "Tom here, from the track at Northgate, writing from my personal email. Are you planning to put Northgate first?", TypeRankSolicitation},
		// look-alikes
		{"imresidency@northgate-health.org", "Our policies", "Dear interviewees: you are under no obligation to send us a thank-you note, an update or a letter of intent.", TypeProgramUpdate},
		{"pedsresidency@stbrendans.org", "Webinar: how to build your rank list", "All applicants are welcome to our webinar on how to build your rank list. No one will ask about your list.", TypeProgramUpdate},
		{"rmoss@stbrendans.org", "Re: my letter", "Thank you for your letter. You are a candidate we would be delighted to have.", TypePostInterviewInterest},
		{"cifellowship@meridian.edu", "Interview status", "We are not able to offer you an interview at this time, but we have placed you on our interview waitlist. If you no longer wish to be considered, let me know.", TypeWaitlist},
		{"pedsresidency@stbrendans.org", "Resident social", "Our residents would love to meet you before your interview day! Join us for an informal virtual social on Monday.", TypeProgramUpdate},
	})
}

// typeCase is a message in a few words and the type it must get.
type typeCase struct{ from, subj, body, typ string }

// checkTypes classifies each case and reports a wrong type with the
// evidence that decided it.
func checkTypes(t *testing.T, c *Classifier, cases []typeCase) {
	t.Helper()
	for _, k := range cases {
		got := c.Classify(msg(k.from, k.subj, k.body))
		if got.Type != k.typ {
			t.Errorf("%q: got %s, want %s\n   %s", k.body, got.Type, k.typ, strings.Join(got.Evidence, "\n   "))
		}
	}
}

// TestClassifyQuietMiddle (blind set xn, in other words): declines,
// waitlists, eligibility answers, requests and news that look alike.
func TestClassifyQuietMiddle(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"aci-fellowship@meridian.edu", "Interview wait list", "You're on our interview wait list; candidates on it are offered dates that open, and all interviews are held over Zoom. If you are no longer interested, just reply.", TypeWaitlist},
		{"lchen@northgate-health.org", "Interview selection", "Our first round of interview invitations has gone out. Your file is being held in reserve for our second round.", TypeWaitlist},
		{"pedsresidency@stbrendans.org", "Your badge", "Could you please send us a recent photo by Monday so we can print your name badge?", TypeApplicationRequest},
		{"gme@stbrendans.org", "Document request - ECFMG status report", "Please send a current ECFMG certification status report to our office.", TypeApplicationRequest},
		{"pedsresidency@stbrendans.org", "December interviews now virtual", "Dear applicants, this goes to everyone scheduled for a December interview: all interview days will now be held on Zoom. Your date is unchanged.", TypeProgramUpdate},
		{"informatics.fellowship@harborvalley.edu", "Re: ECFMG timing", "Your ECFMG certificate must be issued before the July 1 start date; applicants whose certification is pending may apply and interview.", TypeEligibilityReply},
		// a reply with the program's news (blind set xm)
		{"informatics.fellowship@harborvalley.edu", "Re: Leadership", "Thanks for asking. Dr. Okafor will be stepping into the role of chief health information officer, and Dr. Marquez will become program director.", TypeProgramUpdate},
	})
}

// TestClassifyFineLine (blind set xo, in other words): offers after the
// Match has run, a question after a colon, and promises not to ask.
func TestClassifyFineLine(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		// a place offered once the Match is over is her Match's outcome
		{"sokafor@harborvalley.edu", "Fellowship appointment", "After the March 20 NRMP Match, we are delighted to offer you our one unfilled fellowship position. Kindly sign the appointment letter by April 2.", TypeMatchResult},
		{"sokafor@harborvalley.edu", "Fellowship appointment", "Following this week's AMIA Match, we are happy to offer you the fellowship position that remained unfilled. Please sign and return the contract within ten days.", TypeMatchResult},
		// the same offer before the Match is one outside it
		{"lchen@northgate-health.org", "An open position", "We have an unfilled informatics track position and would like to offer it to you now, outside the Match, if you accept by Friday and withdraw your rank list.", TypePreMatchOffer},
		// "the following year" is no Match that has run
		{"lchen@northgate-health.org", "Research year", "We would like to offer you a one-year research post now; you would join our track the following year without going through the Match, if you withdraw your registration.", TypePreMatchOffer},
		// the question after a colon stands alone
		{"informatics.fellowship@harborvalley.edu", "Re: Thank you", "Our director wanted me to touch base before the rank deadline on Monday: are you still keen on us, or have you decided on another program?", TypeRankSolicitation},
		// a promise not to ask is no question
		{"informatics.fellowship@harborvalley.edu", "After your visit", "We enjoyed meeting you. Please know that no one on our faculty will ever contact you to ask how you plan to rank programs.", TypePostInterviewInterest},
	})
}

// TestClassifyAlertsSaidOtherwise (blind set xq, in other words): a place
// outside the Match in few words, SOAP, a policy memo that names what is
// forbidden, and a question about the list she certifies.
func TestClassifyAlertsSaidOtherwise(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"lchen@northgate-health.org", "A proposal", "We would like to pull you out of the Match altogether: a signed contract today, and you would tell NRMP that you are withdrawing. You would start in July as planned.", TypePreMatchOffer},
		{"lchen@northgate-health.org", "SOAP", "I am glad to tell you that Northgate has extended you an offer for a categorical position (Informatics Track) through SOAP in today's first round. Please accept it in R3.", TypeMatchResult},
		{"gme@harborvalley.edu", "Recruitment policy", "Dear applicants, a reminder from our GME office: programs may not offer positions before Match Day, ask applicants to withdraw, or ask applicants about their rank intentions. Report any concern to us.", TypeProgramUpdate},
		{"lchen@northgate-health.org", "Before Friday", "Could you let me know whether you'd come to Northgate if matched, and whether we'll be high on the list you submit next week?", TypeRankSolicitation},
	})
}

// TestClassifySeasonInbox (blind set xs, in other words): a program's
// warm answer to her update.
func TestClassifySeasonInbox(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"lchen@northgate-health.org", "Re: Update", "Congratulations on the paper. Our faculty recall your visit fondly, and this adds to an already strong application.", TypePostInterviewInterest},
	})
}

// TestClassifyAlertsInLongLetters (blind set xt, in other words): the
// alert in one sentence of a friendly letter, from people the config does
// not list.
func TestClassifyAlertsInLongLetters(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"Omar Haddad <omar.haddad.nrh@gmail.com>", "Re: Chart review", "Thanks for the revised protocol; 200 charts it is.\nOur ranking meeting is next week. Honestly, a note from you saying Northgate is your number one would help me make the case.\nOmar\nOmar Haddad, MD\nDirector, Clinical Informatics Track\nInternal Medicine Residency, Northgate Regional Hospital", TypeRankSolicitation},
		{"agrant@stbrendans.org", "Great to see you", "It was great to see you at the social on Friday.\nP.S. Just between us, where does St. Brendan's sit for you?", TypeRankSolicitation},
		{"hpark@lakeside-med.org", "Re: Thank you", "Thank you for your kind note. We'd love to hear that you're leaning our way before the deadline.", TypeRankSolicitation},
		{"pshah@northgate-health.org", "Great day", "We loved having you on Tuesday, and we hope you'll be here in July! Nobody here will ask how you are ranking programs.", TypePostInterviewInterest},
	})
}

// TestClassifyInlineAnswers (blind sets xm and xu): a coordinator who
// answers inside the quoted message, each answer marked with initials.
func TestClassifyInlineAnswers(t *testing.T) {
	c := testClassifier(t)
	m := msg("ci-fellowship@lakeside-med.org", "RE: A few questions", "Hi Dr. Rahman,\nMy answers are inline below, marked MW.\nMarcus")
	m.Quoted = "From: Amina Rahman <amina.rahman@example.org>\nSent: Monday, November 2, 2026 9:10 AM\nSubject: A few questions\n1. Does the fellowship sponsor H-1B visas?\nMW: Yes, we sponsor both H-1B and J-1 visas for fellows.\n2. Is Step 3 required before starting?\nMW: It is required for the H-1B petition only."
	if got := c.Classify(m); got.Type != TypeEligibilityReply {
		t.Errorf("inline answers: got %s, want %s\n%v", got.Type, TypeEligibilityReply, got.Evidence)
	}
	// Without the cover note's pointer, quoted lines stay hers.
	m.Own = "Hi Dr. Rahman,\nThanks for your note.\nMarcus"
	m.Text = m.Own
	if got := c.Classify(m); got.Type == TypeEligibilityReply {
		t.Errorf("no pointer to inline answers: got %s", got.Type)
	}
}

// TestClassifyAlertsProbed: the two alerts asked and offered in fresh
// words (a survey row, "were you to match with us, would you come?", "the
// department can extend you a fellowship contract now, ahead of the
// match"), beside the look-alikes that are not alerts.
func TestClassifyAlertsProbed(t *testing.T) {
	c := testClassifier(t)
	pd := "hpark@lakeside-med.org"
	co := "informatics.fellowship@harborvalley.edu"
	checkTypes(t, c, []typeCase{
		{pd, "Checking in", "Dear Amina,\n\nAs our committee sits down next week, it would help us to understand how Lakeside compares with the other places you saw this season.\n\nBest,\nHelen", "rank-solicitation"},
		{pd, "Quick note", "Hi Amina,\n\nOff the record, are we in your top three? No pressure at all.\n\nHelen", "rank-solicitation"},
		{pd, "Position", "Dear Dr. Rahman,\n\nI am pleased to say that the department can extend you a fellowship contract now, ahead of the match, should you wish to secure your place.\n\nHelen Park, MD", "pre-match-offer"},
		{pd, "A different route", "Dear Amina,\n\nRather than waiting for December, we could bring you on through a non-Match position starting July 1. Let me know if you'd like the paperwork.\n\nHelen", "pre-match-offer"},
		{pd, "Reminder", "Dear applicants,\n\nPer NRMP policy, we will not ask you how you plan to rank programs, and you need not tell us.\n\nHelen", "program-update"},
		{co, "Post-interview survey", "Hello Amina,\n\nPlease take two minutes for our applicant survey. Question 4 asks where Harbor Valley will fall on your final list (1st, 2nd, 3rd or lower).\n\nThank you,\nPriya", "rank-solicitation"},
		{pd, "Still with us?", "Hi Amina,\n\nAre we still in the running on your side? A one-word answer is fine.\n\nHelen", "rank-solicitation"},
		{pd, "One question", "Dear Amina,\n\nWere you to match with us, would you come? I ask because we only want to rank people who would truly join us.\n\nHelen", "rank-solicitation"},
		{pd, "Before the deadline", "Amina,\n\nHave you settled on a first choice yet? We are curious whether we made the cut at the top.\n\nHelen", "rank-solicitation"},
		{co, "Your interview day", "Dear Dr. Rahman,\n\nCould you share the names of the other programs where you interviewed? We use this to benchmark our recruitment.\n\nPriya Natarajan", "rank-solicitation"},
		{pd, "Something to consider", "Dear Amina,\n\nWe can make your appointment official well before Match Day if you are ready to commit to us now. You would simply not enter the fellowship match.\n\nHelen", "pre-match-offer"},
		{pd, "Guaranteed place", "Amina,\n\nIf you let me know by Monday that you'll join us, the spot is yours, and you can skip the ranking altogether.\n\nHelen", "pre-match-offer"},
		{pd, "Direct hire", "Dear Dr. Rahman,\n\nOur health system has an informatics physician opening that we would like to fill with you this spring instead of through the fellowship match. The offer letter is attached.\n\nHelen Park", "pre-match-offer"},
		{co, "Applicant survey", "Hello Amina,\n\nOur anonymous survey asks about your interview day experience: the schedule, the virtual platform and the faculty sessions. It does not ask about your rank list.\n\nPriya", "program-update"},
		{pd, "Reflections", "Dear Amina,\n\nOur faculty enjoyed meeting you, and we will be ranking you highly. Best of luck in the match.\n\nHelen", "post-interview-interest"},
	})
}

// TestClassifyAlertsBlindSetXX (blind set xx, in other words): the alerts
// as program people write them, and the letters that only look like them.
func TestClassifyAlertsBlindSetXX(t *testing.T) {
	c := testClassifier(t)
	hv, ng, md := "sokafor@harborvalley.edu", "lchen@northgate-health.org", "jfeld@meridian.edu"
	checkTypes(t, c, []typeCase{
		{"Ana Ruiz <ana.ruiz.cmio@gmail.com>", "a thought", "Amina,\n\nAna Ruiz here (CMIO at Northgate, we met at the poster session). Writing from my own email.\n\nI could bring you onto the informatics team this summer, salaried and sponsored. The one condition is that you do not certify a rank list in the Match this year.\n\nAna", TypePreMatchOffer},
		{md, "An offer, and a question", "Amina,\n\nWe can give you one of our two fellowship positions today, outside the AMIA match; you would withdraw from the match to take it. Before you decide, where are we on your list at the moment?\n\nJonah", TypePreMatchOffer},
		{"mbrooks@harborvalley.edu", "great to meet you", "hey Amina, so fun at the dinner! honest q: are we ahead of Meridian for you? I won't tell anyone lol.\n\nMaya (CI fellow)", TypeRankSolicitation},
		{ng, "RE: Step 3", "Dear Dr. Rahman,\n\nCongratulations on Step 3. I can tell you that you will be favorably placed on our list. We wish you every success in March.\n\nLaura Chen", TypePostInterviewInterest},
		{hv, "Thank you", "Dear Amina,\n\nThank you for visiting. We will be ranking you highly. Please do not feel any pressure to reply or to tell us about your own list; the rules are there to protect you.\n\nSam Okafor", TypePostInterviewInterest},
		{md, "RE: early offers?", "Dr. Rahman,\n\nNo. Meridian never makes early or outside-the-match offers, and everything goes through the AMIA match.\n\nJonah Feld", TypeProgramUpdate},
		{"ci-fellowship@lakeside-med.org", "Interview invitation", "Dear Dr. Rahman,\n\nWe would like to offer you an interview. Your interview is scheduled for Thursday, December 10, from 9 AM to 2 PM. Please reply to confirm by November 30.\n\nMarcus Webb", TypeInterviewInvite},
	})
}

// TestClassifyQuietTypesXY (blind set xy, in other words): requests,
// reminders, news to all, a hold group and an interviewer's note that look
// like their neighbours.
func TestClassifyQuietTypesXY(t *testing.T) {
	c := testClassifier(t)
	co, pd := "ci-fellowship@lakeside-med.org", "hpark@lakeside-med.org"
	checkTypes(t, c, []typeCase{
		{co, "Documents before your visit", "Hi Amina,\n\nAs we confirmed on Monday, your visit is booked. Before you arrive, security needs three things from every visitor: a signed consent, a photo ID and a parking form. Please send them to me by Friday.\n\nMarcus", TypeApplicationRequest},
		{co, "See you Tuesday", "Dear Dr. Rahman,\n\nA reminder that your interview with the Clinical Informatics Fellowship is this Tuesday at 9 AM. Optional: our fellows are hosting a virtual social the evening before.\n\nMarcus", TypeInterviewConfirmation},
		{"gme-office@lakeside-med.org", "Request: scan of visa page", "Dear Applicant,\n\nBefore the fellowship can send interview invitations, our office checks the visa status of every international applicant. Please email a scan of your visa page to this address.\n\nGME Office", TypeApplicationRequest},
		{pd, "Format change", "Hello all,\n\nI'm writing to everyone scheduled to interview this fall: all remaining interview days will now be virtual. Your date does not change, and a new link will follow.\n\nHelen", TypeProgramUpdate},
		{co, "Game night", "To all of this year's interview candidates: our fellows are hosting a game night on Friday at 7 PM. Completely optional, and no faculty will be there.\n\nMarcus", TypeProgramUpdate},
		{co, "Interview invitation timeline", "Dear applicants,\n\nWe are sending interview invitations in waves this month. Every applicant will hear from us with a decision by November 20, so please don't call the office.\n\nMarcus", TypeProgramUpdate},
		{"Dana Cole <dcole@lakeside-med.org>", "Tuesday", "Dear Dr. Rahman,\n\nI interviewed you on Tuesday and loved our conversation about order sets. You have a bright career ahead of you.\n\nDana", TypePostInterviewInterest},
		{co, "Your application", "Dear Dr. Rahman,\n\nWe have sent all the interview invitations we can for now. Your file has been placed in our hold group, which we revisit after our first interview days.\n\nMarcus", TypeWaitlist},
	})
	// A program's own mailing sent through an events service.
	m := msg("EventHop <events@eventhop-mail.example>", "Virtual open house", "VIRTUAL OPEN HOUSE\nLakeside University Medical Center - Clinical Informatics Fellowship\nThursday, October 1, 6 PM\n\nRegister: https://eventhop.example/r/1\n\nYou're receiving this because you signed up for updates from Lakeside University Medical Center on EventHop.")
	m.Headers = map[string]string{"List-Unsubscribe": "<https://eventhop.example/u>"}
	if got := c.Classify(m); got.Type != TypeProgramUpdate || got.Program != "lakeside" {
		t.Errorf("a program's mailing through an events service: got %s/%q, want program-update/lakeside\n   %s", got.Type, got.Program, strings.Join(got.Evidence, "\n   "))
	}
}

// TestClassifyPlatformsXZ (blind set xz, in other words): services' and
// bulk senders' notices, a day cancelled with others offered, "the day
// after tomorrow".
func TestClassifyPlatformsXZ(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	checkDays(t, c, []dayCase{
		{"a file downloaded", "AppBridge <notifications@appbridge.example>", "A program opened your file", "Harbor Valley Health - Clinical Informatics Fellowship downloaded your application today. A download is not a decision.", TypeProgramUpdate, ""},
		{"a hold cancelled, new days offered", "informatics.fellowship@harborvalley.edu", "Canceled: interview hold", "I'm sorry: this cancels your calendar hold for Friday the 4th. Please choose a new session from the link; we added seats on December 9 and December 16.", TypeInterviewInvite, ""},
		{"the day after tomorrow", "ci-fellowship@lakeside-med.org", "Reminder", "Quick reminder: your interview is the day after tomorrow at 9 AM. Your join link will appear tomorrow.", TypeInterviewConfirmation, "2026-11-28"},
		{"a survey about scheduling", "QuickForm <surveys@quickform.example>", "Interview experience survey", "Lakeside University Medical Center is asking everyone who interviewed this season for feedback. How easy was it to schedule your interview? Was the Zoom link clear?", TypeProgramUpdate, ""},
		{"invitations on a rolling basis", "informatics.fellowship@harborvalley.edu", "Fellowship notes - November", "FELLOWSHIP NOTES\nInvitations for our remaining interview dates go out on a rolling basis through the portal.\nMeet the fellows: Dr. Osei leads our order-set clean-up.", TypeProgramUpdate, ""},
		{"results out", "NRMP <noreply@nrmp.org>", "Your Match results", "Results of the 2027 Main Residency Match are now available. Log in to view your result.", TypeMatchResult, ""},
	})
}

// TestClassifyAlertsManyVoicesWB (blind set wb, in other words): the
// alerts in the words of many kinds of people at a program.
func TestClassifyAlertsManyVoicesWB(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"vkumar@lakeside-med.org", "Final list", "Dear Dr. Amina,\n\nGreetings from Lakeside. Kindly revert back at the earliest regarding what rank you are intending to give our fellowship, so we can do the needful.\n\nDr. V. Kumar", TypeRankSolicitation},
		{"ci-fellowship@lakeside-med.org", "Quick check", "Hi Dr. Rahman,\n\nDr. Park asked me to check with each applicant whether they plan to rank Lakeside, and roughly how high. One line is plenty!\n\nMarcus", TypeRankSolicitation},
		{"rgold@lakeside-med.org", "Hello", "Amina --\n\nDid you end up interviewing at Harbor Valley? I'm curious how you felt we stacked up. Be honest!\n\nRuth", TypeRankSolicitation},
		{"tk.fellow@lakeside-med.org", "psst", "ok dont panic but dr park says theres a spot for u next yr if u want it, guaranteed. u just cant certify ur list. she needs to know by fri", TypePreMatchOffer},
		{"ci-fellowship@lakeside-med.org", "Action requested", "Dear Dr. Rahman,\n\nAs Dr. Park finalizes our plans, please reply to confirm that you would accept a position at Lakeside if matched with us.\n\nMarcus", TypeRankSolicitation},
		{"hpark@lakeside-med.org", "Brief", "Amina,\n\nWe finalize our list next week. If Lakeside really is at the top of yours, a short note saying so would help me argue for you.\n\nHelen", TypeRankSolicitation},
		{"Talent Acquisition <talent@lakeside-med.org>", "Relocation planning", "Dear Dr. Rahman,\n\nI'm with Talent Acquisition at Lakeside University Medical Center. For our relocation planning, could you let me know whether Lakeside will be your first choice on your rank list?\n\nBri", TypeRankSolicitation},
	})
}

// TestClassifySeasonEndWA (blind set wa, in other words): the end of the
// season, when places are offered through SOAP or after the Match has run.
func TestClassifySeasonEndWA(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"sokafor@harborvalley.edu", "Our list is in", "Amina,\n\nOur list went in this morning. I shouldn't have asked the question I put to you on Tuesday; please disregard it. For what it's worth, you are quite high on our list. No reply needed.\n\nSam", TypePostInterviewInterest},
		{"pedsresidency@stbrendans.org", "SOAP - interview request", "Dear Dr. Rahman,\n\nWe received your SOAP application this morning. Could you join a 15-minute video interview tomorrow at 11 AM Eastern?\n\nJill", TypeInterviewInvite},
		{"Alan Reed <alan.reed.md@gmail.com>", "outside the usual channel", "Amina,\n\nAlan Reed here (associate PD at Lakeside), using my own email on purpose. We can fill one position outside the Match this year. If you commit this week, I'll send a contract; you would withdraw from the match first.\n\nAlan", TypePreMatchOffer},
		{"lchen@northgate-health.org", "Re: SOAP offer", "Amina,\n\nDiego told me you accepted elsewhere in Round 1. I'm glad you are placed, and St. Brendan's is lucky.\n\nLaura", TypeMatchResult},
	})
	// Harbor Valley's open place, offered after its rank deadline (December
	// 3) and the results: the Match's outcome, not an offer outside it.
	// Licence steps told to incoming residents after Northgate's Match
	// (rank deadline March 3) has run are onboarding, not an eligibility
	// answer; the same words before it answer her.
	open := msg("informatics.fellowship@harborvalley.edu", "Re: A position has opened", "Hi Dr. Rahman,\n\nJust checking this reached you. Dr. Okafor's offer of our open fellowship position stands through tomorrow at 5 PM.\n\nPriya")
	lic := msg("gme@northgate-health.org", "Your training license", "Dear Dr. Rahman,\n\nAll incoming residents must hold a graduate training license and ECFMG certification before July 1. International medical graduates should start the state board application now.\n\nGME Office")
	pst, est, edt := time.FixedZone("PST", -8*3600), time.FixedZone("EST", -5*3600), time.FixedZone("EDT", -4*3600)
	for _, k := range []struct {
		name string
		m    *Message
		at   time.Time
		typ  string
		not  bool // the type is what it must not be
	}{
		{"an open place after the Match", open, time.Date(2026, 12, 21, 10, 0, 0, 0, pst), TypeMatchResult, false},
		{"the same place offered before the rank deadline", open, time.Date(2026, 11, 20, 10, 0, 0, 0, pst), TypePreMatchOffer, false},
		{"licence steps after the Match", lic, time.Date(2027, 3, 29, 9, 0, 0, 0, edt), TypeProgramUpdate, false},
		{"licence steps before the Match (no onboarding reading)", lic, time.Date(2027, 1, 20, 9, 0, 0, 0, est), TypeProgramUpdate, true},
	} {
		k.m.Date = k.at
		if got := c.Classify(k.m); (got.Type == k.typ) == k.not {
			want := k.typ
			if k.not {
				want = "not " + want
			}
			t.Errorf("%s: got %s, want %s\n   %s", k.name, got.Type, want, strings.Join(got.Evidence, "\n   "))
		}
	}
}

// TestClassifyInboxWC (blind set wc, in other words): a soft offer outside
// the Match, a missing letter, interview day's own mail.
func TestClassifyInboxWC(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	checkDays(t, c, []dayCase{
		{"a line not tied to the match", "hpark@lakeside-med.org", "A thought", "Dear Amina,\n\nWe have a fellow line this year that isn't tied to the match. We could bring you on directly, with the same start date as our matched fellows, if you'd be ready to say yes soon.\n\nHelen", TypePreMatchOffer, ""},
		{"a letter not yet arrived", "informatics.fellowship@harborvalley.edu", "One item missing", "Hi Dr. Rahman,\n\nThe one thing I don't see in your file is your second letter. Could you ask that it be uploaded by Friday?\n\nPriya", TypeApplicationRequest, ""},
		{"interview day's link", "peds.residency@stbrendans.org", "Today's interview", "Good morning Dr. Rahman,\n\nWelcome to interview day at St. Brendan's! Here is your Zoom link for today: https://example.org/j/1\n\n8:00 Welcome", TypeInterviewConfirmation, "2026-11-26"},
	})
}

// TestClassifySoftAlertsWD (blind set wd, in other words): a program's
// name of several words in a question about her plans, "still up there",
// and a year outside the Match held for her.
func TestClassifySoftAlertsWD(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"informatics.fellowship@harborvalley.edu", "Checking in", "Hi Amina,\n\nAhead of our final committee meeting, could you give us a quick sense of whether Harbor Valley is shaping up as a real possibility for you?\n\nPriya", TypeRankSolicitation},
		{"hpark@lakeside-med.org", "Hello", "Hi Amina, it was lovely meeting you. Quick one before the holidays: are we still near the top for you?\n\nHelen", TypeRankSolicitation},
		{"jfeld@meridian.edu", "Another path", "Dear Dr. Rahman,\n\nOur analytics scholar year isn't part of the match, and I'd be happy to hold a place for you while you decide.\n\nJonah Feld", TypePreMatchOffer},
	})
}

// TestClassifyWarmNotesXO (blind set xo, in other words): a faculty
// member's warm note from a personal address, and a coordinator's thanks
// that offers to answer visa questions and welcomes updates without
// asking for any.
func TestClassifyWarmNotesXO(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"Raj Patel <raj.patel.md@gmail.com>", "From Raj", "Hi Amina,\n\nWriting from my own account while I travel. You were my favorite candidate of the week, and I'll be advocating for you when the committee meets.\n\nRaj\n--\nRaj Patel, MD\nAssociate Program Director, Clinical Informatics Fellowship\nHarbor Valley Health", TypePostInterviewInterest},
		{"ci-fellowship@lakeside-med.org", "After your visit", "Hi Dr. Rahman,\n\nDr. Park really enjoyed your demo of the sepsis dashboard. If anything new comes up before our meeting, feel free to send it my way and I will add it to your file.\n\nIf you have questions about J-1 sponsorship, I'm always happy to help.\n\nMarcus", TypePostInterviewInterest},
	})
}

// TestClassifyAlertsEverySenderWF (blind sets wf and wg, in other words):
// questions about her list in a phone's shorthand, after her "very
// highly", in a newsletter's personal line, by an alum the director sends;
// a place filled outside the Match and set aside for her; and the
// look-alikes: a survey that promises not to ask, "glad to see you on our
// list", the season's applicants enjoyed in general.
func TestClassifyAlertsEverySenderWF(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"hpark@lakeside-med.org", "quick one", "hi amina - helen. committee meets fri. where do we stand for u? no wrong answer\n- h", TypeRankSolicitation},
		{"lchen@northgate-health.org", "Re: my interest", "Thank you, that is kind. May I ask you to be more specific: when you say you will rank us highly, do you mean first?\n\nLaura", TypeRankSolicitation},
		{"sokafor@harborvalley.edu", "A call?", "Could we talk this week? I'd love to hear how you're thinking about your rank list and which programs you are weighing.\n\nSam", TypeRankSolicitation},
		{"Tomas Reyes <tomas.reyes@gmail.com>", "Hi from an alum", "Hi Amina, I finished the Harbor Valley fellowship last year. Dr. Okafor asks a few of us alumni to reach out each season, so: would you come if they ranked you highly?\n\nTomas", TypeRankSolicitation},
		{"rmoss@stbrendans.org", "Something new", "Dear Amina,\n\nThe hospital has funded one more pathway position, and GME says we can fill it directly instead of through the Match. If that appeals, I would set the spot aside for you.\n\nRebecca", TypePreMatchOffer},
		{"Lakeside CI Fellowship via FormDesk <noreply@formdesk-mail.com>", "Tell us about your interview day", "Thank you for interviewing with the Lakeside University Medical Center Clinical Informatics Fellowship. We would value your honest feedback on the day. None of the questions ask about your rank list or other programs. Start the survey below.", TypeProgramUpdate},
		{"lchen@northgate-health.org", "Re: Thank you", "Dear Amina,\n\nThank you for your note. The faculty who met you were impressed, and we'd be glad to see you on our list.\n\nLaura Chen", TypePostInterviewInterest},
		{"pedsresidency@stbrendans.org", "Your application", "Dear Dr. Rahman,\n\nWe have enjoyed getting to know this year's applicants through their files. Every interview day is now full, but we have added you to a short list of applicants we will call first if a day opens.\n\nJill", TypeWaitlist},
	})
}

// TestClassifyLookAlikesWIWH (blind sets wi and wh, in other words): the
// quiet middle and the machines: a firm offer that asks about her list, a
// year outside the Match that "would be yours", hopes and questions about
// her order, a policy told to all applicants, no date to offer yet, a
// platform relaying a program's question, match services known by name
// or by their notice, recruitment closed for good, a survey by its subject.
func TestClassifyLookAlikesWIWH(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"hpark@lakeside-med.org", "A position", "Dear Dr. Rahman,\n\nWe are prepared to offer you a position in the fellowship starting July 1, and GME can issue the contract next week. Before that, could you tell me whether Lakeside is your first choice?\n\nHelen Park", TypePreMatchOffer},
		{"jfeld@meridian.edu", "an idea", "Amina, our department funds an analytics position that doesn't go through the AMIA match. If you wanted it, the spot would be yours.\n\nJonah", TypePreMatchOffer},
		{"mtanaka@harborvalley.edu", "hi!", "Off the record: have you settled on your order yet? Secretly hoping we made the cut near the top.\n\nMei", TypeRankSolicitation},
		{"hpark@lakeside-med.org", "Thank you", "Dear Amina,\n\nIt was a pleasure to meet you. We would be very glad to see Lakeside end up high on your list.\n\nHelen", TypePostInterviewInterest},
		{"imresidency@northgate-health.org", "Visa policy", "Dear Applicants,\n\nSeveral of you asked whether we sponsor H-1B visas, so we are writing to everyone at once: we sponsor J-1 visas only. This applies to all applicants equally.", TypeProgramUpdate},
		{"imresidency@northgate-health.org", "Scheduling", "Hello Dr. Rahman,\n\nI don't have a date to offer you right now, but we expect to add a few more interview dates in January and will keep your application in consideration.\n\nDiego", TypeWaitlist},
		{"Northgate Regional Hospital via Cortex <no-reply@notify.cortexinterviews.com>", "You have a new message from Northgate Regional Hospital", "You have a new message from Northgate Regional Hospital.\n\n\"Dear Dr. Rahman, as we finalize our list, would you be comfortable letting me know whether we are among the programs you plan to rank near the top? Laura Chen\"", TypeRankSolicitation},
		{"jfeld@meridian.edu", "Interviews cancelled", "Dear Amina,\n\nWith funding for the second position gone, we have had to close recruitment for this cycle. We will not be rescheduling, and we will not be considering further applicants this year.\n\nJonah", TypeInterviewDecline},
		{"Harbor Valley Health via FormNest <no-reply@formnest.com>", "How was your visit? (3-minute survey)", "Thank you for visiting Harbor Valley Health on Thursday. We would value your honest feedback on the day.", TypeProgramUpdate},
	})
	for _, k := range []struct{ from, subj, body string }{
		{"NRMP R3 System <r3-noreply@nrmp-notices.org>", "Your Match status is available", "Your Match status for the 2027 Main Residency Match is now available. Status: you did not match to any position. SOAP begins Wednesday."},
		{"CI Match Service <do-not-reply@cimatch.org>", "Match results are available", "Results of the AMIA Clinical Informatics Match were released today at noon Eastern. Log in to view your result."},
	} {
		got := c.Classify(msg(k.from, k.subj, k.body))
		if got.Type != TypeMatchResult || got.Program != "" {
			t.Errorf("%s: got %s %q, want match-result for no program\n   %s", k.from, got.Type, got.Program, strings.Join(got.Evidence, "\n   "))
		}
	}
}

// TestClassifyAlertsInsideWK (blind sets wk and wj, in other words): an
// offer outside the Match said inside ordinary mail, one made after a
// Match has run but to take her around the next one, a firm offer that
// asks about her list, and a help desk naming a program.
func TestClassifyAlertsInsideWK(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"informatics.fellowship@harborvalley.edu", "Research Day", "Hi Amina, the Research Day link is below. Dr. Okafor also asked me to say that if you're sure Harbor Valley is the place for you, we could skip the Match for you.\n\nPriya", TypePreMatchOffer},
		{"vamsel@lakeside-med.org", "Re: Thanks", "Good to hear from you. I have an instructor line opening in July; if you took it, that year would become your fellowship year, and you wouldn't have to go through the match at all.\n\nVA", TypePreMatchOffer},
		{"nbrandt@meridian.edu", "Re: Shadowing", "Yes, our fellows shadow the CMIO weekly. I'd also be glad to talk about bringing you on earlier than the match timeline would.\n\nNadia", TypePreMatchOffer},
		{"rmoss@stbrendans.org", "Re: Leave policy", "Residents get 12 weeks of paid leave. If knowing early would help, we have a contract we'd hold for you.\n\nRebecca", TypePreMatchOffer},
		{"lchen@northgate-health.org", "Re: Research update", "Thank you for the update. We'd like to offer you one of our informatics track positions. Before I take this to GME, can you confirm that you'll be ranking us first?\n\nLaura", TypePreMatchOffer},
	})
	m := msg("ci-fellowship@lakeside-med.org", "Save the date", "We hope you will apply again. Dr. Park would like to offer you one of our July 2028 positions now, so you wouldn't have to go through the match a second time.")
	m.Date = time.Date(2027, 1, 20, 16, 0, 0, 0, time.UTC)
	if got := c.Classify(m); got.Type != TypePreMatchOffer {
		t.Errorf("an offer around next year's match: got %s, want pre-match-offer\n   %s", got.Type, strings.Join(got.Evidence, "\n   "))
	}
	m = msg("ERAS Applicant Support <support@eras.aamc.org>", "RE: Letters not showing [Ticket #ER-1]", "Thank you for contacting ERAS Applicant Support. The letter is now assigned to all programs on your list, including Lakeside University Medical Center.")
	if got := c.Classify(m); got.Type != TypeOther || got.Program != "" {
		t.Errorf("a help desk's answer: got %s %q, want other for no program\n   %s", got.Type, got.Program, strings.Join(got.Evidence, "\n   "))
	}
}

// TestClassifyLanguagesAndForwardsWLWM (blind sets wl and wm, in other
// words): her list asked about in Spanish and French, a place "secured
// before Match Day", and an offer a friend forwards from someone else's
// inbox.
func TestClassifyLanguagesAndForwardsWLWM(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"lchen@northgate-health.org", "Una pregunta", "Hola Amina, con toda confianza: ¿dónde tienes a Northgate en tu lista? Nos ayudaría saber si estamos entre tus primeras opciones.\n\nLaura", TypeRankSolicitation},
		{"hpark@lakeside-med.org", "Une question", "Chère Amina, pourriez-vous me dire où se situe Lakeside dans votre classement ? Merci.\n\nHelen", TypeRankSolicitation},
		{"lchen@northgate-health.org", "One more thing", "Dear Amina,\n\nIf it would ease your mind, there may be ways for us to secure your place at Northgate before Match Day. Call me.\n\nLaura", TypePreMatchOffer},
		{"lchen@northgate-health.org", "thinking of you", "The residents still talk about your dashboard. When the envelopes open in March, would we be your first call?\nLaura", TypeRankSolicitation},
		{"jfeld@meridian.edu", "Re: Thank you", "Thank you for the kind note. Just curious: have you settled your order yet, and is Meridian near the top?\nJonah", TypeRankSolicitation},
		{"hpark@lakeside-med.org", "Re: timing", "We can make this simple for you. Say the word and we'll get the contract started now, and you can stop worrying about the AMIA list.\nHelen", TypePreMatchOffer},
		{"AMIA Clinical Informatics Match <cimatch@amia.org>", "Your result", "The match has been processed. We regret to inform you that you did not match to a fellowship position this year.", TypeMatchResult},
		{"Omar Haddad <omar.haddad@mailbox.example>", "Fwd: did you get one of these?", "Someone in our group chat got this from a program last week. Sounds like yours.\n\n---------- Forwarded message ---------\nFrom: [program director]\nSubject: Following up\n\nWe would be delighted to offer you a categorical position now, outside the Match, if you withdraw.", TypeOther},
	})
}

// TestClassifyVoicesWOWP (blind sets wo and wp, in other words): their
// chances on her list asked about; places that do not wait for, or hinge
// on, the Match; a question about her list under a disclaimer about it; a
// no to her place on the list; scheduling's "first choice"; Bengali and
// Hindi with English mixed in.
func TestClassifyVoicesWOWP(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		// their chances on her list
		{"hpark@lakeside-med.org", "hello", "Our PD wonders if Lakeside stands a chance at your number one. No pressure, just curious!", TypeRankSolicitation},
		{"jfeld@meridian.edu", "checking in", "No need to share the whole order, but are we still in contention for your top spot?", TypeRankSolicitation},
		{"jfeld@meridian.edu", "checking in", "We are thrilled to hear that Meridian is in the running for your top spot, and we will not ask anything more.", TypePostInterviewInterest},
		// places that do not wait for the Match
		{"rmoss@stbrendans.org", "one more thing", "We have an instructor post opening in the spring. Should you want it, it is yours, and none of it rests on the match.", TypePreMatchOffer},
		{"kohara@northgate-health.org", "an idea", "If you'd rather not take chances in March, there is a transitional spot we could sign you up for now; it converts to categorical the year after.", TypePreMatchOffer},
		{"sokafor@harborvalley.edu", "whatever happens", "However the match goes, you're joining us: I can keep one for you beginning in July. Consider the position yours.", TypePreMatchOffer},
		{"physician.recruitment@hr.harborvalley.edu", "Offer", "After your visit with our team last week, we are delighted to extend to you an offer of employment as an informatics hospitalist beginning July 1.", TypePreMatchOffer},
		// what is no alert
		{"informatics.fellowship@harborvalley.edu", "December news", "Rank lists are due December 3. We do not want to hear how you intend to rank us; please list programs in your true order.", TypeProgramUpdate},
		{"imresidency@northgate-health.org", "Session times", "I can offer you a spot in the track faculty chat. The open times are Monday 1/11 at 9 AM or Wednesday 1/13 at 2 PM. Send me your first choice by tomorrow and I'll email a calendar invite.", TypeInterviewInvite},
		{"hpark@lakeside-med.org", "Our list", "The committee finalized its list for the AMIA match this week, and we are unable to include your name on it this year. We wish you every success.", TypeInterviewDecline},
		// a question about her list, under a logistics reason and its first-choice-or-not choices
		{"imresidency@northgate-health.org", "Parking permits", "For the permit count, could you tell me whether Northgate is your first choice or somewhere in your top five?", TypeRankSolicitation},
		// Bengali and Hindi, English mixed in
		{"jfeld@meridian.edu", "একটা প্রশ্ন", "আপা, আপনার তালিকায় আমরা কোথায় আছি? শুধু জানতে চাইছি।", TypeRankSolicitation},
		{"jfeld@meridian.edu", "एक सवाल", "दीदी, आपकी list में हम कहाँ हैं? बस जानना था।", TypeRankSolicitation},
	})
}

// TestClassifyTakenBackAndOptionalVisits (blind set ue, in other words): a
// ranking question the program takes back in the same letter is its news,
// not a question; an optional second look with days to pick is no
// interview invitation.
func TestClassifyTakenBackAndOptionalVisits(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"imresidency@northgate-health.org", "A correction", "Dear applicants, last week's feedback form asked where Northgate falls on your rank list. That item was included by mistake and we have deleted it, along with every answer to it, unread. Nobody here will ask you about your list.", TypeProgramUpdate},
		{"imresidency@northgate-health.org", "Quick question", "Dear Amina, as we finalize our list, could you tell us where Northgate falls on your rank list?", TypeRankSolicitation},
		{"pedsresidency@stbrendans.org", "Second-look mornings", "Dear applicants, some of you have asked whether you could come in person, so we are holding two optional second-look mornings: Friday, February 5 and Friday, February 19. Coming or not has no effect on our list. If you would like to come, tell us your preferred date and we'll send parking details.", TypeProgramUpdate},
		{"pedsresidency@stbrendans.org", "Visit days", "Dear Dr. Rahman, we would love to meet you. Please choose a date for your virtual visit: Friday, February 5 or Friday, February 19.", TypeInterviewInvite},
	})
}

// TestClassifyAnswersToPick (blind set ui, in other words): her ranking
// written out as options for her to pick is a ranking question; the
// program's own "we will rank you highly" is not.
func TestClassifyAnswersToPick(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"chiefs@stbrendans.org", "Tiny poll", "Hi Amina! The office asked us to get a sense of the pool before Thursday. Just answer with a number:\n1 - St. Brendan's is my first choice\n2 - I'll rank you high\n3 - not sure yet\nThanks!!", TypeRankSolicitation},
		{"hpark@lakeside-med.org", "After our meeting", "Dear Amina, I'm writing after our committee meeting to say that we will rank you highly. Please reply if you have any questions about the fellowship.", TypePostInterviewInterest},
	})
}

// TestClassifyQuietMiddleMore (blind sets um and un, in other words):
// answers about attempts, a photo asked for as a reply, an event's
// registration, the program telling her where her file stands, and mail
// that speaks for no program.
func TestClassifyQuietMiddleMore(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"rmoss@stbrendans.org", "Re: my Step 1", "Dear Dr. Rahman, failing Step 1 once does not automatically disqualify anyone here; we read the whole file. You only need Step 2 CK passed before ranking.", TypeEligibilityReply},
		{"aci-fellowship@meridian.edu", "Your file", "Hello Dr. Rahman, your application is complete except for one item. Would you mind replying with a recent photo? The committee uses it only internally.", TypeApplicationRequest},
		{"notifications@thalamusgme.com", "Lakeside University Medical Center: new event", "Lakeside University Medical Center has posted an event you are eligible to register for: a virtual open house for everyone who interviewed. Attendance is optional.", TypeProgramUpdate},
		{"aci-fellowship@meridian.edu", "Your application", "Dear Dr. Rahman, I'm writing to let you know where things stand with your application: it remains under review, and if a spot opens we will reach out with dates.", TypeWaitlist},
		{"no-reply@zoom.us", "Webinar registration confirmed: Alert fatigue after go-live", "Thank you for registering. Date: Dec 9, 2026 12:00 PM Central. Panelists: Helen Park, MD (Lakeside University Medical Center). Passcode: 1234.", TypeOther},
		{"mailer@doodle.com", "Ravi invited you to a poll: mock interview practice", "Ravi invited you to a group poll. Pick every slot that works: Sat Dec 19 10 AM, Sun Dec 20 4 PM, Tue Dec 22 7 PM.", TypeOther},
	})
}

// TestClassifyHurriedAndThreads (blind sets uq and ur, in other words):
// texting forms read as words, short replies in a thread, and the
// thread's subject not taken for the answer.
func TestClassifyHurriedAndThreads(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"hpark@lakeside-med.org", "quick q", "great having u thurs. quick q before our mtg: r we ur #1?", TypeRankSolicitation},
		{"ci-fellowship@lakeside-med.org", "letters", "hi, we only have 2 of ur 3 letters. can u commit to getting the 3rd one uploaded by fri?", TypeApplicationRequest},
		{"talvarado@som.meridian.edu", "RE: application", "sorry for the slow reply. we just dont have an interview spot we can offer u this cycle. pls keep us in mind down the road.", TypeInterviewDecline},
		{"rmoss@stbrendans.org", "Re: thank you", "thank u, made my morning. u'll be ranked very favorably. see u on match day hopefully!", TypePostInterviewInterest},
		{"rmoss@stbrendans.org", "r we gonna see u?", "so... r we gonna see u in july?? just need a yes or no for my list", TypeRankSolicitation},
		{"jfeld@meridian.edu", "Re: Eligibility question - IMG applicant", "Thank you for following up. I'm sorry to tell you that we won't be able to offer you an interview this year; we had far more applicants than slots.", TypeInterviewDecline},
		{"informatics.fellowship@harborvalley.edu", "Re: Fwd: Visa question", "Yes, that works! We'll send the Zoom link and the day's schedule about a week ahead.", TypeInterviewConfirmation},
		{"imresidency@northgate-health.org", "RE: Application status", "Thank you for checking in. Your file is almost complete, but two items are still missing: your ECFMG status report and a third letter.", TypeApplicationRequest},
		{"ci-fellowship@lakeside-med.org", "RE: Interview date", "A few updates we're sharing with everyone on this year's interview list: the fellowship has been approved to grow from two to three positions.", TypeProgramUpdate},
	})
}

// TestClassifyAfterTheMatch (blind set ux, in other words): a release
// date for results is no result, an incoming trainee's benefits summary
// is news, and an agreement tied to a withdrawal from the Match is an
// offer outside it.
func TestClassifyAfterTheMatch(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"cimatch@amia.org", "Match results release: Wednesday, December 16", "Dear Applicant, results will be released in your dashboard on Wednesday, December 16. If you are not matched, a list of unfilled positions will be posted the same afternoon.", TypeOther},
		{"gme@lakeside-med.org", "2027-2028 appointment terms", "Dear incoming fellow, attached is the summary of house staff salary and benefits that applies to your appointment. Health coverage begins on your first day of employment.", TypeProgramUpdate},
		{"informatics.fellowship@harborvalley.edu", "RE: Fellowship agreement", "Dr. Okafor is glad you are talking it over. We would need the signed agreement and a screenshot of your match withdrawal confirmation by noon on Thursday.", TypePreMatchOffer},
	})
}

// TestClassifyWhoWrites (blind sets uw and uz, in other words): a P.S.
// below the signature is the sender's; a resident writing on her own, or a
// conference's committee, speaks for no program; a rules reminder that no
// program should offer a spot outside the Match offers none.
func TestClassifyWhoWrites(t *testing.T) {
	c := testClassifier(t)
	m := msg("imresidency@northgate-health.org", "Your interview day", "We're looking forward to having you with us. Parking is in Garage C.")
	m.Signature = "Diego Alvarez | Coordinator\nNorthgate Regional Hospital\n\nP.S. Dr. Chen asked me to check: which other programs are you still considering?"
	if got := c.Classify(m); got.Type != TypeRankSolicitation {
		t.Errorf("P.S. below the signature: got %s, want %s\n   %s", got.Type, TypeRankSolicitation, strings.Join(got.Evidence, "\n   "))
	}
	checkTypes(t, c, []typeCase{
		{"jess.o@mailbox.example", "the repo I mentioned", "Great meeting you at dinner. I'm writing from my personal email as a fellow IMG, not for the program - nobody asked me to reach out. Happy to tell you what life at Northgate is really like.", TypeOther},
		{"speakers@forum.example", "Invitation to present", "On behalf of the program committee, I'm delighted to invite you to present your work at this year's forum, hosted by Meridian State University on April 8.", TypeOther},
		{"imresidency@northgate-health.org", "RE: elective timing", "Happy to help with the elective question. Also, could you send me a list of the programs you've interviewed with? Dr. Chen is putting together a comparison.", TypeRankSolicitation},
		{"informatics.fellowship@harborvalley.edu", "Informatics Notes", "Dear Amina, here is how the next few weeks work. Rank lists are due December 3. Any position you're offered should come through the match; no program should offer you a spot outside it. Results come out in mid-December.", TypeProgramUpdate},
	})
}

// TestClassifyFormalAlerts (blind set vo, in other words): the alerts in
// formal, indirect and non-native registers, and a formal rules reminder
// that offers nothing.
func TestClassifyFormalAlerts(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"vchair@lakeside-med.org", "Re: Thank you", "It would be of real assistance to the committee to have some sense of the place our program presently holds in your own preferences. Any indication would be received in confidence.", TypeRankSolicitation},
		{"kmansour@northgate-health.org", "Between us", "The committee has asked those of us who interviewed candidates to find out where each of them is going to rank Northgate. One line will do.", TypeRankSolicitation},
		{"informatics.fellowship@harborvalley.edu", "One query", "Your file is complete. Also, Sir has asked me to check whether you will be considering HVH seriously or you are having some better options in hand.", TypeRankSolicitation},
		{"jpereira@meridian.edu", "Proposal", "Our department can offer you the position of fellow for July 2027 now, without the need to wait for the result of the AMIA match. The only condition is that you retire your name from the match process.", TypePreMatchOffer},
		{"lchen@northgate-health.org", "Post-interview communication", "Dear Applicants, no member of our faculty will ask how you intend to rank our programme, and no position will be offered to you outside the Match. Should you choose to write to us, we will receive your message gladly.", TypeProgramUpdate},
	})
}

// TestClassifyKnowingSheInterviewsElsewhere (blind set vs, in other
// words): a program that knows she has other interviews ahead asks
// nothing; an eligibility rule stated in an answer is an answer.
func TestClassifyKnowingSheInterviewsElsewhere(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"lchen@northgate-health.org", "Thank you for visiting", "Thank you for spending last Thursday with us; you made a strong impression. We know you have other interviews ahead of you before rank lists are due, and no reply is needed.", TypePostInterviewInterest},
		{"rmoss@stbrendans.org", "Re: timing", "Not at all. We can rank any applicant who has passed Step 1 and Step 2 CK by the time we certify, and the certificate must be issued before July 1.", TypeEligibilityReply},
	})
}

// TestClassifyFriendlyAlerts (blind set vx, in other words): the asks and
// offers of program people being friendly.
func TestClassifyFriendlyAlerts(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"dev@lakeside-med.org", "from the fellows' room", "Unofficial fellows' poll, Helen doesn't know we're doing this -- where would you put us? Top 3? Just reply with a number.", TypeRankSolicitation},
		{"lbrooks@harborvalley.edu", "a question", "You've got a real fan on the committee. Between us, where are we on the list? It stays between you and me.", TypeRankSolicitation},
		{"ci-fellowship@lakeside-med.org", "RE: receipts", "Got the receipts, thanks! One more thing, totally informal: where is Lakeside landing on yours? Even a rough idea helps.", TypeRankSolicitation},
		{"treyes@northgate-health.org", "hi from the chiefs", "Real talk: tell me we're your #1 and I'll buy the coffee at second look. Deal?", TypeRankSolicitation},
		{"akapoor@northgate-health.org", "Following up", "Laura and I think you're exactly who we want. Honestly, we could lock this in now if you're up for skipping the match; we'd send a contract before the holidays.", TypePreMatchOffer},
	})
}

// TestClassifyBlindSetsTCTD (blind sets tc and td, in other words): a
// survey that only asks about the day, a coordinator's sideways ask, an
// offer that takes her out of the Match, a season cut short, "not at this
// time" with her file kept, a Match Week schedule, and a day settled in
// a reply.
func TestClassifyBlindSetsTCTD(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"ci-fellowship@lakeside-med.org", "Quick feedback on your visit", "We'd be grateful for your candid feedback on the day. The questionnaire is anonymous and takes three minutes.", TypeProgramUpdate},
		{"peds.residency@stbrendans.org", "checking in", "Just curious how many programs you're still weighing right now, and are we near the top?", TypeRankSolicitation},
		{"hpark@lakeside-med.org", "a thought", "Say the word and you can have a guaranteed position with us. I'd have the appointment letter drafted Monday and take you out of the match process.", TypePreMatchOffer},
		{"jfeld@meridian.edu", "Your interview", "Our funding fell through, so we've cancelled all remaining interview days. I'm very sorry.", TypeInterviewDecline},
		{"informatics-fellowship@med.meridian.edu", "Application status", "We regret that we are not able to offer you an interview at this time. Your file will stay in our applicant pool. If you take a position elsewhere, please let us know so we can update our list.", TypeWaitlist},
		{"rmoss@stbrendans.org", "Match week", "Match Week begins March 15, when you will find out whether you matched. Please rank programs in your true order of preference.", TypeProgramUpdate},
		{"rmoss@stbrendans.org", "Re: a new date", "Tuesday the 8th it is. We'll start at 7:30 with breakfast in the atrium.", TypeInterviewConfirmation},
	})
}

// TestClassifyBlindSetsTGTH (blind sets tg and th, in other words): a file
// kept open after a first round, a season's plan or Match Week told to
// all, a warm note that asks for nothing, an eligibility answer that tells
// her how to apply, a day offered for her to confirm, and a day moved to
// "the following Thursday".
func TestClassifyBlindSetsTGTH(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"ci-fellowship@lakeside-med.org", "Your application", "Our first round of interview invitations has now been sent, and I'm sorry to say you were not among them. Your application is not closed, though. A few people always cancel, and you are part of that pool.", TypeWaitlist},
		{"ci-fellowship@lakeside-med.org", "What comes next", "Dear interviewees, now that our final interview day has passed, here is how ranking and results will work on our side. The committee meets on November 30.", TypeProgramUpdate},
		{"imresidency@northgate-health.org", "Match Week plans", "Dear applicants, Match Week begins Monday. Dr. Chen will phone each incoming resident on Friday afternoon; please read nothing into silence beyond the match result itself.", TypeProgramUpdate},
		{"sokafor@harborvalley.edu", "Re: thank you", "We would be lucky to have you. Please don't feel you owe us an answer or any word about your plans.", TypePostInterviewInterest},
		{"jfeld@meridian.edu", "Re: Visa question", "You're fine to apply: we sponsor J-1 visas through ECFMG and need the certificate before July. Send the application through ERAS whenever it's ready.", TypeEligibilityReply},
		{"jhaas@med.meridian.edu", "interview", "We would like to interview you on Thursday, 19 November, in the evening. Please let me know whether this date is convenient for you.", TypeInterviewInvite},
	})
	// clRef is a Thursday: "this Friday" is the next day, "the following
	// Friday" a week after that.
	got := c.Classify(msg("imresidency@northgate-health.org", "Change to your interview date", "Dr. Chen is away this Friday, so we have moved your interview to the following Friday. Everything else stays the same."))
	want := clRef.AddDate(0, 0, (int(time.Friday)-int(clRef.Weekday())+7)%7+7).Format("2006-01-02")
	if got.Type != TypeInterviewConfirmation || got.InterviewDate != want {
		t.Errorf("moved to the following Friday: got %s/%q, want %s/%q\n   %s", got.Type, got.InterviewDate, TypeInterviewConfirmation, want, strings.Join(got.Evidence, "\n   "))
	}
}

// TestClassifyAlertOnHerDay: an alert that also confirms her interview day
// carries that day (SPEC.md: the date is null unless one is fixed); the
// other days an alert names (a call about her list, a second look, a day
// that is not the one on record) are none of hers.
func TestClassifyAlertOnHerDay(t *testing.T) {
	checkFull(t, testClassifier(t), []fullCase{
		{"jfeld@meridian.edu", "Your interview next week", "This confirms your interview on Thursday, December 17, 9:00 am to 2:30 pm Mountain time, on Zoom. At the end of the day I will ask you, candidly, where Meridian sits on your list.", TypeRankSolicitation, "meridian", "2026-12-17"},
		{"imresidency@northgate-health.org", "Confirmed: December 10", "Your interview on Thursday, December 10 is confirmed; check in at 7:30. Between us, are we your number one?", TypeRankSolicitation, "northgate", "2026-12-10"},
		// a day that is not her interview on record
		{"imresidency@northgate-health.org", "Confirmed: December 17", "Your call with Dr. Chen on Thursday, December 17 is confirmed. Between us, are we your number one?", TypeRankSolicitation, "northgate", ""},
		// no confirmation of her day: a rank-list call's date is none of hers
		{"peds.residency@stbrendans.org", "Rank list chat", "Dr. Moss would like ten minutes on Monday, February 8 to hear where St. Brendan's falls on your rank list.", TypeRankSolicitation, "st-brendan", ""},
	})
}

// fullCase is a message with the type, program and interview date it must
// get.
type fullCase struct {
	from, subj, body, typ, prog, date string
}

// datedCase is a named case whose message carries its own Date.
type datedCase struct {
	name, from, subj, body string
	at                     time.Time
	typ, prog, date        string
}

func checkDated(t *testing.T, c *Classifier, cases []datedCase) {
	t.Helper()
	for _, k := range cases {
		m := msg(k.from, k.subj, k.body)
		m.Date = k.at
		got := c.Classify(m)
		if got.Type != k.typ || got.Program != k.prog || got.InterviewDate != k.date {
			t.Errorf("%s: got %s/%q/%q, want %s/%q/%q\n   %s", k.name, got.Type, got.Program, got.InterviewDate, k.typ, k.prog, k.date, strings.Join(got.Evidence, "\n   "))
		}
	}
}

func checkFull(t *testing.T, c *Classifier, cases []fullCase) {
	t.Helper()
	for _, tc := range cases {
		got := c.Classify(msg(tc.from, tc.subj, tc.body))
		if got.Type != tc.typ || got.Program != tc.prog || got.InterviewDate != tc.date {
			t.Errorf("%.60q:\n  got %s/%q/%q, want %s/%q/%q\n  %s", tc.body, got.Type, got.Program, got.InterviewDate,
				tc.typ, tc.prog, tc.date, strings.Join(got.Evidence, "\n  "))
		}
	}
}

// TestClassifyBlindSetsTKTL (blind sets tk and tl, in other words): a
// place funded after the Match opened, offered outside it; an
// interviewer's own slot on her day; thanks to a whole group of
// applicants; an alert beside a dinner and her day on record.
func TestClassifyBlindSetsTKTL(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"akessler@med.lakeside-med.org", "Something to raise directly", "A research fellowship position was funded after the match opened, so it sits outside the AMIA match, and we would like to offer it to you. We would need your signed acceptance by Tuesday.", TypePreMatchOffer},
		{"rmenon@northgate-health.org", "Your interview", "I have been assigned a half hour with you on Thursday, December 10 at 11:00. No need to prepare slides.", TypeInterviewConfirmation},
	})
	if got := c.Classify(msg("imresidency@northgate-health.org", "Travel form", "Dr. Chen and the faculty enjoyed meeting all of you on Thursday. The travel reimbursement form is attached; send it back with your receipts by January 15.")); got.Type == TypePostInterviewInterest {
		t.Errorf("thanks to the whole group read as interest in her:\n   %s", strings.Join(got.Evidence, "\n   "))
	}
	got := c.Classify(msg("kosei@gme.northgate-health.org", "Dinner tomorrow", "Confirming the residents' dinner tomorrow at 6:30. Then your interview day is Thursday, December 10, all on Zoom. Honest question: where do you think we'll land on your list?"))
	if got.Type != TypeRankSolicitation || got.InterviewDate != "2026-12-10" {
		t.Errorf("an alert beside a dinner and her day: got %s/%q, want %s/%q\n   %s", got.Type, got.InterviewDate, TypeRankSolicitation, "2026-12-10", strings.Join(got.Evidence, "\n   "))
	}
}

// TestClassifyBlindSetsTOTP (blind sets to and tp, in other words): who
// writes (a friend at the program's domain, the hospital's hiring for a
// staff job, its psychology lab),
// a day cancelled and moved, results-day joy, a decline for an off-cycle
// post she applied for, and Match Week's schedule from the NRMP.
func TestClassifyBlindSetsTOTP(t *testing.T) {
	c := testClassifier(t)
	checkFull(t, c, []fullCase{
		{"jsmith@lakeside-med.org", "coffee?", "Hey Amina! Long time. I work in the cardiology clinic here now. Hope your applications are going well; let's catch up soon.", TypeOther, "", ""},
		{"talent@careers.harborvalley.edu", "Data Analyst role - next steps", "Thanks for applying for the Data Analyst role. This is a full-time staff position in IS, not a training program. Would Monday at 10 AM or Tuesday at 2 PM work for a phone screen?", TypeOther, "", ""},
		{"wellbeing-lab@psych.meridian.edu", "A study on interview season", "We are researchers studying how applicants experience the season. You are receiving this email because you signed up at our table. It has nothing to do with any program's selection.", TypeOther, "", ""},
		{"informatics.fellowship@harborvalley.edu", "yay", "I just saw the list -- so happy you're going to be one of our fellows! Paperwork to follow in January.", TypeMatchResult, "harbor-valley", ""},
		{"ci-fellowship@lakeside-med.org", "Your application: off-cycle fellowship position", "We received many applications for this single position. The committee will not be able to move your application forward to the interview stage.", TypeInterviewDecline, "lakeside", ""},
		{"noreply@nrmp.org", "Match Week begins Monday", "Monday: you will learn in the R3 system, and by email, whether you matched. If you are eligible and did not match, SOAP begins at 2 pm.", TypeOther, "", ""},
	})
	// A day cancelled, and the next one hers.
	m := msg("imresidency@northgate-health.org", "Re: Interview invitation", "The hospital has EHR downtime this Friday, and we've had to cancel that interview day. We've moved you to our next date, Thursday, December 10. Same times.")
	if got := c.Classify(m); got.Type != TypeInterviewConfirmation || got.InterviewDate != "2026-12-10" {
		t.Errorf("moved to our next date: got %s/%q, want %s/%q\n  %s", got.Type, got.InterviewDate, TypeInterviewConfirmation, "2026-12-10", strings.Join(got.Evidence, "\n  "))
	}
}

// TestClassifyBlindSetsTUTS (blind sets tu and ts, in other words): her
// preference asked with no word of ranking, offers in disguise, a waitlist
// in formal English, and thanks that expect nothing.
func TestClassifyBlindSetsTUTS(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"rmenon@northgate-health.org", "RE: Thank you", "Off the record: if you could choose today, which program would you pick? I won't hold you to it.", TypeRankSolicitation},
		{"imresidency@northgate-health.org", "quick q", "Would you be thrilled to hear good news from us in March? A one-word reply is fine.", TypeRankSolicitation},
		{"jfeld@meridian.edu", "Re: Thank you", "Just between us, are you still seriously considering our program? I'd rather know now.", TypeRankSolicitation},
		{"jokoye@peds.stbrendans.org", "hey from the chiefs", "Can I tell Dr. Moss that we're where you want to end up? Totally informal.", TypeRankSolicitation},
		{"hpark@lakeside-med.org", "July", "If things go our way, can we count on having you here in July? A simple yes would do.", TypeRankSolicitation},
		{"peds.residency@stbrendans.org", "A pulse check", "If you saw St. Brendan's on Match Day, would that be good news for you, or a disappointment?", TypeRankSolicitation},
		{"sokafor@harborvalley.edu", "An idea", "If you take the research year, the fellowship position for July 2028 is yours. The one condition is that you step out of this year's match.", TypePreMatchOffer},
		{"informatics.fellowship@harborvalley.edu", "A possibility", "Dr. Okafor is prepared to hold one of our fellowship positions for you. Simply replying 'I accept' is enough.", TypePreMatchOffer},
		{"aci-fellowship@dbmi.meridian.edu", "Your application", "We are not able to offer you an interview at this point. However, your candidature has been placed on our alternate list.", TypeWaitlist},
		{"sokafor@harborvalley.edu", "Thank you for interviewing", "The faculty were most impressed. There is no expectation whatsoever for you to share your ranking intentions with us.", TypePostInterviewInterest},
		{"rmoss@stbrendans.org", "Thank you for coming", "The panel were very taken with you. I would be really pleased to see you on the Informatics Pathway next year.", TypePostInterviewInterest},
		// blind set sc: what every applicant should know is news, not a question to her
		{"informatics-news@mail.meridian.edu", "Fellowship news", "Three things we want every applicant to know about before rank lists are due: our new rotation, our second fellow position, and the date of our open house.", TypeProgramUpdate},
		// blind set ty: the Match's calendar, not its end
		{"hpark@lakeside-med.org", "A conversation", "Because the funding arrived after the match calendar was set, we can offer the position directly: you would withdraw your application from the AMIA match and we would send a contract next week.", TypePreMatchOffer},
	})
}
