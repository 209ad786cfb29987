package analyzer

import (
	"testing"
	"time"
)

// TestClassifySession20: session 20's blind sets (ij–ht), in other words,
// one table; each group of rows says what it holds. First (ij–im): a day
// put to her because someone else gave a place up ends her wait; a call
// with the current fellows after her interview is no invitation; "the day
// still holds" and her block on the schedule confirm her interview; a call
// offered "should questions arise" is no invitation either.
func TestClassifySession20(t *testing.T) {
	c := testClassifier(t)
	oct := time.Date(2026, 10, 26, 9, 0, 0, 0, time.FixedZone("EDT", -4*3600))
	nov := time.Date(2026, 11, 16, 9, 0, 0, 0, time.FixedZone("EST", -5*3600))
	jan := time.Date(2027, 1, 5, 9, 30, 0, 0, time.FixedZone("MST", -7*3600))
	soap := time.Date(2027, 3, 15, 10, 0, 0, 0, time.FixedZone("CDT", -5*3600))
	dec := time.Date(2026, 12, 2, 7, 15, 0, 0, time.FixedZone("PST", -8*3600))
	cases := []datedCase{
		{"someone else's place given up", "jfeld@meridian.edu", "Meridian fellowship",
			"Dr. Rahman,\n\nOne applicant withdrew yesterday, and you are now at the top of our alternate list. Could you interview with us on Tuesday 11/17? It is virtual, 9 to noon Eastern.\n\nBest,\nJonah",
			oct, TypeInterviewInvite, "meridian", "2026-11-17"},
		{"a call with the fellows after her interview", "hpark@lakeside-med.org", "RE: Thank you",
			"Dear Dr. Rahman,\n\nOur faculty were genuinely impressed with you on Thursday, and we will be ranking you very favorably.\n\nIf anything about the second year is unclear, Marcus can arrange a call with a couple of our current fellows.\n\nWarm regards,\nHelen",
			nov, TypePostInterviewInterest, "lakeside", ""},
		{"the day still holds", "sokafor@harborvalley.edu", "Re: Friday",
			"Yes, Friday still stands, and you're in the 10am Teams block.\n\nSam",
			time.Date(2026, 11, 2, 9, 0, 0, 0, time.FixedZone("PST", -8*3600)), TypeInterviewConfirmation, "harbor-valley", "2026-11-05"},
		// (left-out misses of session 19: jr-33, ic-23, jp-19)
		{"a call offered for questions", "hpark@lakeside-med.org", "Following up",
			"Dear Amina,\n\nOur whole team was struck by your answers on Monday, and we hope to rank you highly.\n\nShould questions arise about Denver or the research year, I can set up a call.\n\nBest,\nHelen",
			nov, TypePostInterviewInterest, "lakeside", ""},
		{"a freed day offered from the alternate list", "jfeld@meridian.edu", "An opening",
			"Dr. Rahman,\n\nAn applicant pulled out today, which frees an interview day: Friday, December 4, virtual. You head our alternate list, so I wanted to offer it to you.\n\nPlease let Carla (cc'd) know by Monday whether that works.\n\nJonah",
			nov, TypeInterviewInvite, "meridian", "2026-12-04"},
		// (blind sets ir–iu) After the Match: a place left unfilled, offered
		// in an interview ("put you in an awkward position" is no offer); a
		// SOAP waitlist whose subject says SOAP; this evening's slot among the
		// times to choose; a place held around SOAP's rounds. In the season: a
		// place given in a clause of its own; a survey that asks nothing about
		// her list; an invitation that names its day and waits for her yes;
		// her graduation year answered; thanks to all the candidates at once.
		{"a place left unfilled, offered in an interview", "jfeld@meridian.edu", "Our open position",
			"Dear Amina,\n\nMy message before the match put you in an awkward position, and I am sorry for it.\n\nOne of our positions was left unfilled in the AMIA match. We would like to invite you to interview for it on Tuesday 19 January at 9:00 a.m. Mountain time.\n\nJonah",
			jan, TypeInterviewInvite, "meridian", "2027-01-19"},
		{"a SOAP waitlist", "kbrooks@stbrendans.org", "Your SOAP application",
			"Dear Dr. Rahman,\n\nOur SOAP interview slots are all taken for now, so you are on our interview alternate list. If a slot opens up, the invitation will reach you through Thalamus.\n\nKayla",
			soap, TypeWaitlist, "st-brendan", ""},
		{"this evening's slot among the times", "kbrooks@stbrendans.org", "Interview invitation (SOAP)",
			"Hi Amina,\n\nWe'd be glad to meet with you. Please choose one of these times:\n\n- Monday, March 15, 6:00 PM\n- Tuesday, March 16, 8:00 AM\n\nKayla",
			soap, TypeInterviewInvite, "st-brendan", ""},
		{"a place held around SOAP's rounds", "vhale@northgate-health.org", "Between us",
			"Amina,\n\nIf you tell me tonight that you're committed to us, we'll save one of the categorical places for you outside the R3 rounds. No need to wait for the system.\n\nVictor",
			soap.Add(24 * time.Hour), TypePreMatchOffer, "northgate", ""},
		{"a place given in a clause of its own", "sokafor@harborvalley.edu", "A thought",
			"Amina,\n\nOur CMIO has a salaried informatics role starting in July. Should you want it, it's yours. It would mean not certifying a rank list with AMIA.\n\nSam",
			dec, TypePreMatchOffer, "harbor-valley", ""},
		{"a survey that asks nothing about her list", "ci-fellowship@lakeside-med.org", "A short survey",
			"Dear candidates,\n\nWe'd be grateful for five minutes of feedback on our interview day. The survey is anonymous and doesn't ask anything about how you are ordering programs or which other programs you saw.\n\nMarcus",
			dec, TypeProgramUpdate, "lakeside", ""},
		{"an invitation that names its day", "ci-fellowship@lakeside-med.org", "Interview invitation",
			"Dear Dr. Rahman,\n\nI am delighted to invite you to interview with our fellowship. Your interview is scheduled for Friday, November 20, 2026, from 8 AM to 2 PM. The Zoom link will follow.\n\nPlease confirm by replying to this message by October 23.\n\nMarcus",
			oct, TypeInterviewInvite, "lakeside", "2026-11-20"},
		{"her graduation year answered", "rmoss@stbrendans.org", "Re: a quick question",
			"Hi Amina,\n\nWe consider applicants up to five years from graduation, so 2022 works.\n\nRebecca",
			oct, TypeEligibilityReply, "st-brendan", ""},
		{"thanks to all the candidates", "informatics.fellowship@harborvalley.edu", "Rank list timeline",
			"Dear Clinical Informatics candidates,\n\nThank you again for spending a day with us this month; our faculty enjoyed meeting every one of you.\n\nRank lists are due December 3.\n\nPriya",
			nov, TypeProgramUpdate, "harbor-valley", ""},
		// (blind sets iz, ha, hc) An event that says it is not an interview, a
		// pool's housekeeping about withdrawing, a season's thanks to every
		// candidate are news; "we would like to move you to" a day confirms
		// it; an invitation during SOAP, or to interview for a place filled
		// outside the Match, invites.
		{"an event that is not an interview", "pedsresidency@stbrendans.org", "Meet the pathway",
			"Dear Applicant,\n\nWhile you wait, we'd love for you to meet our residents at a virtual open house on Thursday, October 8, 2026, 7-8 pm Eastern.\n\nThis is not an interview, and attendance is not tracked.\n\nThe Residency Team",
			oct, TypeProgramUpdate, "st-brendan", ""},
		{"a pool's housekeeping", "ci-fellowship@lakeside-med.org", "Season closed",
			"Dear Amina,\n\nThank you for spending a day with us on November 12. Rank lists are due December 3, and results come out December 16.\n\nShould you withdraw from the match or take a position elsewhere, a short note to Marcus would help us keep our records straight.\n\nHelen",
			nov, TypeProgramUpdate, "lakeside", ""},
		{"thanks to every candidate", "ci-fellowship@lakeside-med.org", "Thank you",
			"Dear Amina,\n\nThank you for spending a day with us on November 12; the faculty and fellows enjoyed meeting all the candidates this year.\n\nWe won't hold a second-look day. Rank lists are due December 3.\n\nHelen",
			nov, TypeProgramUpdate, "lakeside", ""},
		{"moved to a new day", "imresidency@northgate-health.org", "A change to your interview",
			"Dear Amina,\n\nI'm sorry to write with a change. Half of our faculty will be at a retreat on the 10th, so we would like to move you to Thursday, December 17. The hours stay the same.\n\nIf the 17th doesn't work, tell me and we will find another option.\n\nDiego",
			nov, TypeInterviewConfirmation, "northgate", "2026-12-17"},
		{"an invitation during SOAP", "kbrooks@stbrendans.org", "Interview",
			"Dr. Rahman,\n\nThank you for applying to St. Brendan's through SOAP. We would like to invite you to a virtual interview on Wednesday, March 17 at 10 a.m. Central. Please reply by 6 pm tonight to accept the time.\n\nKayla",
			soap, TypeInterviewInvite, "st-brendan", "2027-03-17"},
		{"an interview for a place filled outside the Match", "ci-fellowship@lakeside-med.org", "An off-cycle position",
			"Dear Dr. Rahman,\n\nA fellow is moving to a research track, which opens an off-cycle position starting April 1. Because of the start date, this position is filled outside the AMIA Match. Dr. Park would like to invite you to interview for it on Friday, 1/15, in person.\n\nPlease let me know by Monday whether the date works.\n\nMarcus",
			time.Date(2027, 1, 5, 9, 0, 0, 0, time.FixedZone("CST", -6*3600)), TypeInterviewInvite, "lakeside", "2027-01-15"},
		// (blind sets hi–hl) A day put to her as "any chance you could come
		// out"; her day moved in a phone note ("same 9am start"); a place gone
		// to an internal candidate; "one of the applicants we rank near the
		// top"; a held day that replaces an earlier hold.
		{"any chance you could come out", "sokafor@harborvalley.edu", "RE: A visit",
			"Hi Amina, any chance you could come out Friday Nov 6 and interview with us in person? Roughly 8 to 3.\n\nSam",
			oct, TypeInterviewInvite, "harbor-valley", "2026-11-06"},
		{"her day moved in a phone note", "rmoss@stbrendans.org", "Re: Flight cancelled",
			"No need to apologize! I moved you to Weds the 9th, same 9am start. Carla will send an updated invite tomorrow.\n\nR",
			time.Date(2026, 11, 23, 17, 0, 0, 0, time.FixedZone("EST", -5*3600)), TypeInterviewConfirmation, "st-brendan", "2026-12-09"},
		{"a place gone to an internal candidate", "sokafor@harborvalley.edu", "Re: Research year",
			"Quick heads up: the research-year role has gone to an internal candidate, so we won't be interviewing anyone else for it. The fellowship is a separate process.\n\nSam",
			oct, TypeInterviewDecline, "harbor-valley", ""},
		{"one of the applicants we rank near the top", "hpark@lakeside-med.org", "After Thursday",
			"Dear Amina,\n\nOur committee meets on the 24th, and I fully expect you will be one of the applicants we rank near the top. Build your own list on what is best for you.\n\nHelen",
			nov, TypePostInterviewInterest, "lakeside", ""},
		{"a hold that replaces an earlier one", "imresidency@northgate-health.org", "Updated: interview day",
			"Updated calendar hold for your interview day, Thursday, December 17, 8 AM to 2 PM (replaces the December 10 hold). Please come to the front desk at 7:45.\n\nDiego",
			nov, TypeInterviewConfirmation, "northgate", "2026-12-17"},
		// (blind sets hq, hr) Other programs asked about in French; "you're on
		// our alternate list", with whatever day opens later, is a waitlist.
		{"other programs asked about in French", "emarchand@stbrendans.org", "Suite à votre venue",
			"Chère Amina,\n\nPour notre réunion de classement, pourriez-vous me dire dans quels autres programmes vous avez eu des entretiens, et lesquels vous allez placer devant nous ?\n\nÉlodie",
			nov, TypeRankSolicitation, "st-brendan", ""},
		{"on the alternate list, a day later perhaps", "ci-fellowship@lakeside-med.org", "A heads-up",
			"Hi Amina,\n\nYou weren't given one of the first interview spots, but you're on our alternate list. Each year a few people withdraw once other invitations land, and when that happens Marcus writes to the next people on the list with whatever date has opened (most likely the 19th).\n\nColleen",
			oct, TypeWaitlist, "lakeside", ""},
		// (blind set ga) A shuttle that takes her straight to the airport
		// offers no place.
		{"a shuttle straight to the airport", "imresidency@northgate-health.org", "Your interview day, Thursday, December 10",
			"Dear Dr. Rahman,\n\nYour interview is confirmed for Thursday, December 10. Pickup is at 7:45 in the hotel lobby; we finish by 2:30, and the shuttle can take you straight to the airport.\n\nDiego",
			nov, TypeInterviewConfirmation, "northgate", "2026-12-10"},
	}
	checkDated(t, c, cases)

	// A platform's own mailing that tells a program's story names no
	// sender program; a line that says nobody will ask how she plans to
	// rank asks nothing.
	news := msg("Thalamus <news@thalamusgme.com>", "New this season: calendar sync and a travel hub",
		"Hi Amina,\n\nHere's what's new for applicants.\n\nPROGRAM SPOTLIGHT\nThe Clinical Informatics Fellowship at Lakeside University Medical Center cut no-shows by 40% by letting applicants swap dates.\n\nThalamus never shares your rank list or asks how you plan to rank programs.\n\nThe Thalamus Team")
	news.Headers = map[string]string{"List-Unsubscribe": "<https://thalamusgme.com/u/unsub>"}
	news.Date = oct
	if got := c.Classify(news); got.Type != TypeOther || got.Program != "" {
		t.Errorf("a platform's newsletter: got %s/%q, want other/\"\"\n   %v", got.Type, got.Program, got.Evidence)
	}

	// Her visa question answered by the GME office after the Match is an
	// answer, not onboarding news.
	visa := msg("gabernathy@gme.northgate-health.org", "RE: Visa question",
		"Hi Dr. Rahman,\n\nGood question; we hear it from almost every IMG in the incoming class. Northgate sponsors residents on the J-1 through ECFMG; we do not sponsor H-1B visas for PGY-1 trainees.\n\nOnce your file is complete, we submit the ECFMG sponsorship application on your behalf, and you schedule your visa interview at the embassy.\n\nGloria")
	visa.Quoted = "Dear Ms. Abernathy,\n\nCould Northgate sponsor an H-1B instead of a J-1?\n\nAmina"
	visa.Date = time.Date(2027, 3, 26, 11, 0, 0, 0, time.FixedZone("EDT", -4*3600))
	if got := c.Classify(visa); got.Type != TypeEligibilityReply {
		t.Errorf("visa question answered after the Match: got %s, want %s\n   %v", got.Type, TypeEligibilityReply, got.Evidence)
	}

	// A coordinator forwarding the season's note to all who interviewed
	// ("no waitlist, every decision sent") passes on news, no decline.
	fwd := Parse([]byte("From: Marcus Webb <ci-fellowship@lakeside-med.org>\r\nTo: amina.rahman@example.org\r\n" +
		"Subject: FW: End of season note\r\nDate: Thu, 19 Nov 2026 09:41:26 -0500\r\n\r\n" +
		"Dr. Rahman,\r\n\r\nThis one missed your inbox, so here it is again.\r\n\r\nMarcus\r\n\r\n" +
		"-----Original Message-----\r\nFrom: LUMC CI Fellowship <ci-fellowship@lakeside-med.org>\r\nSent: Wednesday, November 18, 2026 12:00 PM\r\n" +
		"To: Applicants <ci-applicants@lists.lakeside-med.org>\r\nSubject: End of season note\r\n\r\n" +
		"Dear applicants,\r\n\r\nThank you to all of you who interviewed with us. Our final interview day is now behind us, and we are not keeping a waitlist this year; every decision has gone out.\r\n\r\n" +
		"Our rank list is due in December like everyone else's.\r\n\r\nHelen Park\r\n"))
	if got := c.Classify(fwd); got.Type != TypeProgramUpdate || got.Program != "lakeside" {
		t.Errorf("forwarded note to all who interviewed: got %s/%q, want %s/lakeside\n   %v", got.Type, got.Program, TypeProgramUpdate, got.Evidence)
	}
}
