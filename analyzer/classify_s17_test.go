package analyzer

import (
	"testing"
	"time"
)

// TestClassifySession17 (blind sets ox, oy, oz and na, in other words): a
// rank question or an offer outside the Match in French or Spanish is
// still an alert; a forwarded note that makes the offer on condition she
// withdraws is one; an optional visit said to play no part in selection,
// after her interview, is news; a single day she is asked whether she can
// attend is offered, not fixed; a warning that an unanswered invitation
// may lapse withdraws nothing; a seat that may open on a waitlist offers
// no days; keeping her place on the alternate list asks nothing about her
// ranking; the hour of her interview on her own clock is no second day;
// a weekday before "the 6th" picks the month; a day she was with them is
// past.
func TestClassifySession17(t *testing.T) {
	c := testClassifier(t)
	oct := time.Date(2026, 10, 5, 9, 0, 0, 0, time.FixedZone("EDT", -4*3600))
	dec := time.Date(2026, 12, 14, 9, 0, 0, 0, time.FixedZone("EST", -5*3600))
	cases := []datedCase{
		{"a rank question in French", "lchen@northgate-health.org", "Après votre entrevue",
			"Bonjour Amina, merci pour votre visite. Entre nous, où allez-vous placer Northgate sur votre liste ? Nous serions ravis de savoir si nous sommes votre premier choix.",
			dec, TypeRankSolicitation, "northgate", ""},
		{"an offer outside the Match in Spanish", "rmoss@stbrendans.org", "Una idea",
			"Hola Amina, tenemos una plaza nueva en la vía de informática y podríamos dártela ya, fuera del proceso del Match, si retiras tu inscripción del NRMP antes de enero.",
			dec, TypePreMatchOffer, "st-brendan", ""},
		{"an offer forwarded, on condition she withdraws", "ci-fellowship@lakeside-med.org", "FW: position",
			"Amina, Dr. Park asked me to send this on.\n\n---------- Forwarded message ---------\nFrom: Vikram Iyer <viyer@lakeside-med.org>\nSubject: position\n\nHelen, the CMIO office can fund a fellow from January. I'd like to give the spot to Dr. Rahman provided she withdraws from the AMIA match this month.",
			dec, TypePreMatchOffer, "lakeside", ""},
		{"an optional visit that plays no part in selection", "aci-fellowship@informatics.meridian.edu", "Campus visit days",
			"Dear applicants, you are welcome to visit the department in person after your interview is done. Visit days are Monday, December 7 or Thursday, December 10 - tell us which day you prefer. The visit is optional and has no bearing on our rank list.",
			time.Date(2026, 11, 20, 9, 0, 0, 0, time.FixedZone("MST", -7*3600)), TypeProgramUpdate, "meridian", ""},
		{"one day, asked whether she can attend", "ci-fellowship@lakeside-med.org", "Fellowship interview",
			"Dr. Park and the committee would be glad to have you interview on Thursday, November 12. Your interview is scheduled from 8 to 3. Could you tell me whether you will be able to attend?",
			oct, TypeInterviewInvite, "lakeside", "2026-11-12"},
		{"an unanswered invitation may lapse", "Thalamus <no-reply@thalamusgme.com>", "Interview invitation: Northgate Regional Hospital",
			"Northgate Regional Hospital - Internal Medicine Residency, Clinical Informatics Track has invited you to interview on Thursday, December 10, 2026. A seat freed up after a cancellation on our December 10 session, and we are happy to offer it to you. If we do not hear back within three days, the invitation might be rescinded.",
			time.Date(2026, 11, 9, 9, 0, 0, 0, time.UTC), TypeInterviewInvite, "northgate", "2026-12-10"},
		{"a waitlist that lists its remaining days", "imresidency@northgate-health.org", "Interview waitlist",
			"All of our interview days are booked, but the committee would still like to meet you, so we have added you to the interview waitlist. Should a seat become available, you will get an invitation listing the days left (December 10, December 17 or January 7), and you can choose one.",
			oct, TypeWaitlist, "northgate", ""},
		{"her place on the alternate list kept", "rmoss@stbrendans.org", "Alternate list",
			"We have put you on our interview alternate list. If the day we eventually offer cannot work for you, tell us and you'll retain your spot on the list.",
			oct, TypeWaitlist, "st-brendan", ""},
		{"her own clock, and a weekday before a bare day", "sokafor@harborvalley.edu", "Interview",
			"I would like to interview you on Thursday, November 5 at 6 PM Pacific. By my math that is 8:00 AM on Friday the 6th for you.",
			time.Date(2026, 9, 28, 18, 0, 0, 0, time.FixedZone("PDT", -7*3600)), TypeInterviewInvite, "harbor-valley", "2026-11-05"},
		{"a day she was with them", "cmartin@stbrendans.org", "Great to meet you",
			"It was such a pleasure having you with us on Tuesday. The residents keep talking about your discharge project, and several of us hope you'll be joining us in July. If it would help to talk to one of our current residents about call, I can set up a call; send me a few times that work.",
			dec, TypePostInterviewInterest, "st-brendan", ""},
		{"a weekday before a bare day picks its month", "sokafor@harborvalley.edu", "Interview",
			"Your interview is confirmed for Friday the 6th at 9 AM Pacific in the Pavilion.",
			time.Date(2026, 9, 28, 18, 0, 0, 0, time.FixedZone("PDT", -7*3600)), TypeInterviewConfirmation, "harbor-valley", "2026-11-06"},
	}
	checkDated(t, c, cases)
}

// TestClassifySession17B (blind sets nf, ng, nh and ni, in other words): an
// invitation whose unused places pass to the waitlist invites; a question
// whether she is still torn between programs asks about her ranking; the
// day of a waitlist she leaves is not hers; a weak confirmation in a note
// to everyone is news; a rank question taken back with an apology asks
// nothing; a welcome to the incoming class is no interview; a service's
// notice that her report went to a program is not the program's; an
// alternate list closed with the season declines; a promise that nobody
// will ask about ranking, in keeping with the rules, asks nothing; a
// dinner the night before is the dinner's day, however far its words.
func TestClassifySession17B(t *testing.T) {
	c := testClassifier(t)
	oct := time.Date(2026, 10, 20, 9, 0, 0, 0, time.FixedZone("EDT", -4*3600))
	nov := time.Date(2026, 11, 2, 10, 0, 0, 0, time.FixedZone("EST", -5*3600))
	cases := []datedCase{
		{"an invitation whose unused places pass to the waitlist", "Thalamus <notifications@thalamusgme.com>", "ACTION REQUIRED: interview invitation - Northgate Regional Hospital",
			"Northgate Regional Hospital - Internal Medicine Residency, Clinical Informatics Track has invited you to interview.\n\nAvailable dates:\n- Wednesday, December 2, 2026\n- Thursday, December 17, 2026\n\nSCHEDULE NOW\n\nUnused invitations are passed to the program's waitlist after 72 hours.",
			oct, TypeInterviewInvite, "northgate", ""},
		{"still torn between programs", "hpark@lakeside-med.org", "Re: Thank you",
			"Thanks for your kind note, Amina. As we plan our list, are you still torn between Meridian and Harbor Valley, or have you narrowed your choices down?",
			time.Date(2026, 11, 20, 9, 0, 0, 0, time.FixedZone("CST", -6*3600)), TypeRankSolicitation, "lakeside", ""},
		{"the day of a waitlist she leaves", "imresidency@northgate-health.org", "Re: moving my interview",
			"Good news: I have moved you to Thursday, December 10. Since you accepted, I will take you off the alternate list for the 17th.",
			nov, TypeInterviewConfirmation, "northgate", "2026-12-10"},
		{"a note to everyone with a passcode", "ci-fellowship@lakeside-med.org", "Change to Wednesday's social",
			"Hello everyone,\n\nWednesday's in-person social is cancelled because the restaurant flooded; the fellows will host a Zoom hangout instead (passcode: fellows). Nothing else changes, and check-in on interview days is still at the front desk.\n\nMarcus",
			time.Date(2026, 11, 9, 9, 0, 0, 0, time.FixedZone("CST", -6*3600)), TypeProgramUpdate, "lakeside", ""},
		{"a rank question taken back on Match Day", "rmoss@stbrendans.org", "Match Day",
			"Our list came back this morning and we did not match with you. In February I wrote asking where St. Brendan's sat on your list. I shouldn't have, and I'm sorry if that put you in an uncomfortable position.",
			time.Date(2027, 3, 19, 15, 0, 0, 0, time.FixedZone("EDT", -4*3600)), TypeMatchResult, "st-brendan", ""},
		{"a welcome to the incoming class", "imresidency@northgate-health.org", "Incoming interns: what's next",
			"Hello, incoming interns! Your onboarding portal is open, contracts are due May 1, and orientation runs June 21-25. We cannot wait to meet you in person.",
			time.Date(2027, 4, 14, 9, 0, 0, 0, time.FixedZone("EDT", -4*3600)), TypeProgramUpdate, "northgate", ""},
		{"a service's notice that her report went to a program", "ECFMG <donotreply@ecfmg.org>", "Certification Status Report sent to ERAS",
			"At your request, your ECFMG Certification Status Report was sent on September 25 to the following program: Northgate Regional Hospital - Internal Medicine, Clinical Informatics Track. This is an automated message.",
			time.Date(2026, 9, 25, 9, 0, 0, 0, time.FixedZone("EDT", -4*3600)), TypeOther, "", ""},
		{"an alternate list closed with the season", "gme-applicants@meridian.edu", "Application status",
			"The fellowship's interview season is over. Applicants still on the interview alternate list will not be offered an interview this cycle.",
			nov, TypeInterviewDecline, "meridian", ""},
		{"a promise that nobody will ask, in keeping with the rules", "pedsresidency@stbrendans.org", "Optional Second Look Day",
			"Dear applicants, our optional Second Look Day is Thursday, February 4. In line with NRMP rules, none of our faculty, staff or residents will ask how you plan to rank us or where else you have interviewed.",
			time.Date(2027, 1, 19, 9, 0, 0, 0, time.FixedZone("EST", -5*3600)), TypeProgramUpdate, "st-brendan", ""},
		{"a dinner the night before, far from its words", "imresidency@northgate-health.org", "Re: new interview day",
			"I have moved you to Thursday, December 10. The residents' dinner is on the night before your interview, so for you that is now Wednesday 12/9 at 6:30 PM.",
			nov, TypeInterviewConfirmation, "northgate", "2026-12-10"},
	}
	checkDated(t, c, cases)
}

// TestClassifySession17C (blind sets no, np, nq and nr, in other words):
// places opened off the waitlist with two days to choose invite; a
// panelist's note about her session tomorrow confirms; everyone booked on
// one day moved to the following Thursday has the Thursday; a fallback day
// named after "if that date doesn't suit" is not the day offered; the
// season's news to all who interviewed declines nobody; a parking waitlist
// is no interview waitlist; the match service's schedule is no result; two
// items wanted before the committee meets are an application request; a
// day mentioned in the answer to her visa questions does not make it a
// confirmation.
func TestClassifySession17C(t *testing.T) {
	c := testClassifier(t)
	oct := time.Date(2026, 10, 29, 16, 0, 0, 0, time.FixedZone("EDT", -4*3600))
	cases := []datedCase{
		{"places opened off the waitlist, two days to choose", "rmoss@stbrendans.org", "An interview place has opened",
			"Two applicants withdrew this week, opening two interview places, and you were near the top of our waitlist, so I would like to offer you one of them. We can host you on Tuesday, November 24 or Tuesday, December 1; tell me which you prefer.",
			oct, TypeInterviewInvite, "st-brendan", ""},
		{"a panelist's note about her session tomorrow", "sokafor@harborvalley.edu", "Re: Interview invitation",
			"Sam here. I'm conducting your first panel tomorrow at 8 our time, so mine is the first face you'll see after the welcome. Call my cell if Zoom misbehaves.",
			time.Date(2026, 11, 4, 21, 0, 0, 0, time.FixedZone("PST", -8*3600)), TypeInterviewConfirmation, "harbor-valley", "2026-11-05"},
		{"everyone booked on one day moved to the following Thursday", "imresidency@northgate-health.org", "Your interview day",
			"Our Epic go-live lands on December 10, so we are moving everyone who was booked for the 10th to the following Thursday. Your new interview date is Thursday, December 17.",
			time.Date(2026, 12, 3, 15, 0, 0, 0, time.UTC), TypeInterviewConfirmation, "northgate", "2026-12-17"},
		{"a fallback day after 'if that date doesn't suit'", "aci-fellowship@informatics.meridian.edu", "Interview offer",
			"A spot opened on our interview day next Wednesday, 18 November 2026, and the committee would like to offer it to you. If that date doesn't suit, you will remain on the alternate list for our final interview day on 2 December.",
			time.Date(2026, 11, 9, 10, 0, 0, 0, time.FixedZone("MST", -7*3600)), TypeInterviewInvite, "meridian", "2026-11-18"},
		{"the season's news to all who interviewed", "ci-fellowship@lakeside-med.org", "Grand rounds and the AMIA timeline",
			"Dear Fellowship Candidates,\n\nThank you again to everyone who interviewed with us this fall. We have no further interview days this season. Please send any travel receipts by December 11.",
			time.Date(2026, 11, 23, 11, 0, 0, 0, time.FixedZone("CST", -6*3600)), TypeProgramUpdate, "lakeside", ""},
		{"a parking waitlist", "imresidency@northgate-health.org", "Intern year: dates, EHR training and parking",
			"Dear incoming interns,\n\nCongratulations again, and welcome to the residency! Hospital orientation runs from June 21 to June 30, with EHR training on June 23.\n\nParking: all garage permits are taken, so every intern is placed on the garage's waitlist automatically; until a spot opens you will park in Lot C.\n\nWe can't wait to have you here.",
			time.Date(2027, 4, 14, 15, 0, 0, 0, time.UTC), TypeProgramUpdate, "northgate", ""},
		{"the match service's schedule", "NRMP <noreply@nrmp.org>", "Match Week: what to expect",
			"Match Week begins on Monday, March 15. On Friday, full results are released and you will learn where you matched. This is an automated message.",
			time.Date(2027, 3, 8, 14, 0, 0, 0, time.UTC), TypeOther, "", ""},
		{"two items wanted before the committee meets", "ci-fellowship@lakeside-med.org", "Two items for your file",
			"Dr. Park asked me to follow up on two items before the ranking committee meets: an updated CV and your Step 3 score report. You can reply to this email with both files attached.",
			time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC), TypeApplicationRequest, "lakeside", ""},
		{"a day mentioned in the answer to her visa questions", "imresidency@northgate-health.org", "RE: Visa and eligibility questions",
			"Yes, Northgate sponsors both the J-1 and the H-1B for the track, and since you have passed Step 3 you would be eligible for the H-1B. We have no graduation-year cutoff. Happy to go over it when you're here on Monday, 14 December; I'll be at the check-in desk.",
			time.Date(2026, 12, 8, 16, 0, 0, 0, time.UTC), TypeEligibilityReply, "northgate", ""},
	}
	checkDated(t, c, cases)
}

// TestClassifySession17D (blind sets nw, nx, ny and nz, in other words): a
// rank question in Hindi and interest in Bengali; papers missing and an
// interview day moved, in Spanish; "next Thursday" said on a Wednesday is
// the week after; a phone reply fixing where to meet on her day confirms
// it; a chief fellow's praise is interest; a booking link in a signature
// invites nobody; papers the portal does not show are asked for.
func TestClassifySession17D(t *testing.T) {
	c := testClassifier(t)
	oct := time.Date(2026, 10, 5, 9, 0, 0, 0, time.FixedZone("EDT", -4*3600))
	cases := []datedCase{
		{"a rank question in Hindi", "hpark@lakeside-med.org", "एक सवाल",
			"नमस्ते अमीना जी, committee आपको बहुत पसंद करती है। आप Lakeside को अपनी rank list में कहाँ रखने वाली हैं? क्या हम पहले नंबर पर हैं?",
			time.Date(2027, 1, 12, 21, 0, 0, 0, time.FixedZone("EST", -5*3600)), TypeRankSolicitation, "lakeside", ""},
		{"interest in Bengali", "sokafor@harborvalley.edu", "ধন্যবাদ",
			"প্রিয় আমিনা, গত বৃহস্পতিবার আপনার সাথে কথা বলে খুব ভালো লেগেছে। আমরা আপনার ব্যাপারে সত্যিই আগ্রহী। কোনো উত্তর দেওয়ার দরকার নেই।",
			time.Date(2026, 11, 7, 20, 0, 0, 0, time.FixedZone("PST", -8*3600)), TypePostInterviewInterest, "harbor-valley", ""},
		{"papers missing, in Spanish", "imresidency@northgate-health.org", "Su solicitud",
			"Estimada Dra. Rahman: faltan dos documentos en su expediente, la carta del decano y el ensayo del track. Envíelos como PDF antes del viernes.",
			oct, TypeApplicationRequest, "northgate", ""},
		{"an interview day moved, in Spanish", "imresidency@northgate-health.org", "Su entrevista",
			"Estimada Dra. Rahman: por la nieve, hemos trasladado su entrevista al martes 15 de diciembre de 2026, con el mismo horario.",
			time.Date(2026, 12, 8, 16, 0, 0, 0, time.UTC), TypeInterviewConfirmation, "northgate", "2026-12-15"},
		{"'next Thursday' said on a Wednesday", "rmoss@stbrendans.org", "Re: your interview",
			"I'm sorry to do this: Dr. Kaur cannot make Tuesday, so we have moved your interview to next Thursday, same times.",
			time.Date(2026, 11, 25, 14, 0, 0, 0, time.FixedZone("MST", -7*3600)), TypeInterviewConfirmation, "st-brendan", "2026-12-03"},
		{"a phone reply fixing where to meet on her day", "hpark@lakeside-med.org", "Re: Question about Thursday",
			"Nothing to bring! Meet me at 8 on Thursday in my office before the fellows whisk you away.",
			time.Date(2026, 11, 9, 8, 0, 0, 0, time.FixedZone("CST", -6*3600)), TypeInterviewConfirmation, "lakeside", "2026-11-12"},
		{"a chief fellow's praise", "mtanaka@lakeside-med.org", "yesterday",
			"Amina, you were terrific yesterday. At the debrief everyone kept talking about your dialysis dashboard.",
			time.Date(2026, 11, 13, 8, 0, 0, 0, time.FixedZone("CST", -6*3600)), TypePostInterviewInterest, "lakeside", ""},
		{"a booking link in a signature", "sokafor@harborvalley.edu", "RE: Thank you",
			"Thank you for your note. The faculty who met you were uniformly enthusiastic, and we intend to rank you highly. No reply needed.\n\nSam Okafor, MD\nProgram Director\nSchedule time with me<https://outlook.office365.com/book/okafor>",
			time.Date(2026, 11, 9, 12, 0, 0, 0, time.FixedZone("PST", -8*3600)), TypePostInterviewInterest, "harbor-valley", ""},
		{"papers the portal does not show", "ci-fellowship@lakeside-med.org", "missing docs",
			"Hi Amina - ERAS hasn't received your MSPE yet. Could you nudge the dean's office, or just email me the PDF? Committee meets on 10/9.",
			oct, TypeApplicationRequest, "lakeside", ""},
	}
	checkDated(t, c, cases)
}

// TestClassifySession17E (blind set me, in other words): a colleague who
// came down the hall with the news is no question about her ranking.
func TestClassifySession17E(t *testing.T) {
	c := testClassifier(t)
	oct := time.Date(2026, 10, 14, 9, 0, 0, 0, time.FixedZone("EDT", -4*3600))
	checkDated(t, c, []datedCase{
		// (blind sets mg, mh and me) alternate status after a no; a no for
		// one track and an invitation for another; places unfilled that go
		// through SOAP; some applicants placed on the alternate list, told to
		// all; a day to choose once invited; a faculty member glad to have
		// her in the lab next year.
		{"alternate status after a no", "imresidency@northgate-health.org", "Application status",
			"The committee has completed its review. We regret that we are unable to offer you an interview at this time. Your application has been given alternate status, and alternates are offered dates as cancellations occur.",
			oct, TypeWaitlist, "northgate", ""},
		{"a no for one track, an invitation for another", "rmoss@stbrendans.org", "Re: pathway waitlist",
			"Our pathway days are final, so we won't be able to interview you for the pathway this year. The categorical committee, though, would like to invite you to interview for our categorical residency on Tuesday, December 1. Could you let us know whether that works?",
			time.Date(2026, 10, 27, 17, 0, 0, 0, time.FixedZone("MDT", -6*3600)), TypeInterviewInvite, "st-brendan", "2026-12-01"},
		{"places unfilled go through SOAP", "pedsresidency@stbrendans.org", "Between now and Match Day",
			"Dear applicants,\n\nOur last interview day was Wednesday. Our rank meeting is in February and Match Day is March 19. We keep no waitlist; any positions left unfilled are offered through SOAP.",
			time.Date(2026, 12, 18, 13, 0, 0, 0, time.FixedZone("MST", -7*3600)), TypeProgramUpdate, "st-brendan", ""},
		{"some applicants placed on the alternate list, told to all", "aci-fellowship@informatics.meridian.edu", "Our timeline",
			"To all applicants: invitations go out by October 16. Some applicants will be placed on an interview alternate list; that is not a rejection. You'll choose your interview day when you're invited.",
			time.Date(2026, 10, 1, 8, 0, 0, 0, time.FixedZone("CDT", -5*3600)), TypeProgramUpdate, "meridian", ""},
		{"glad to have her in the lab next year", "npetrov@harborvalley.edu", "Re: paper accepted",
			"Congratulations on the acceptance! I won't ask where Harbor Valley sits on your list. Speaking only for myself, I would be very glad to have you working in our lab next year.",
			time.Date(2026, 11, 27, 8, 0, 0, 0, time.FixedZone("PST", -8*3600)), TypePostInterviewInterest, "harbor-valley", ""},
		{"news told as a scene", "hpark@lakeside-med.org", "Welcome to Lakeside!",
			"The AMIA results posted at noon and you matched into our fellowship. Dr. Sato came down the hall to tell me before I had finished reading the list.",
			time.Date(2026, 12, 16, 12, 0, 0, 0, time.FixedZone("CST", -6*3600)), TypeMatchResult, "lakeside", ""},
	})
}
