package analyzer

import (
	"testing"
	"time"
)

// TestClassifySession21: session 21's blind sets (gh–gk), in other words,
// one table; each group of rows says what it holds.
func TestClassifySession21(t *testing.T) {
	c := testClassifier(t)
	oct := time.Date(2026, 10, 14, 9, 0, 0, 0, time.FixedZone("EDT", -4*3600))
	dec := time.Date(2026, 12, 3, 8, 0, 0, 0, time.FixedZone("EST", -5*3600))
	jan := time.Date(2027, 1, 12, 16, 0, 0, 0, time.FixedZone("CST", -6*3600))
	soap := time.Date(2027, 3, 16, 19, 0, 0, 0, time.FixedZone("CDT", -5*3600))
	cases := []datedCase{
		// A dash aside wrapped onto the next line keeps the sentence's
		// "no one" with its question.
		{"a dash aside wrapped", "imresidency@northgate-health.org", "Before rank lists are due",
			"Dear applicants,\n\n* No one at Northgate - attendings, chiefs, fellows or anyone in the GME office\n  - will ask how you intend to rank the program or which other programs you saw.\n* Rank lists are due March 3.\n\nDiego Alvarez",
			dec, TypeProgramUpdate, "northgate", ""},
		// A post outside the Match described, not offered; her place
		// among the alternates for its interviews.
		{"an off-cycle post described", "ci-fellowship@lakeside-med.org", "Research post - alternates",
			"Dear Dr. Rahman,\n\nThis research post begins in February 2028 and falls outside the usual match cycle, so we are recruiting for it separately. You are one of three alternates for interviews; if a slot opens I will call you.\n\nMarcus",
			jan, TypeWaitlist, "lakeside", ""},
		// The alternates' wait ended with no interview.
		{"no alternate called", "ci-fellowship@lakeside-med.org", "Research post - update",
			"Dear Dr. Rahman,\n\nThe committee met today and chose not to send interview invitations to anyone on the alternate list. I'm sorry we won't be able to interview you for the post.\n\nMarcus",
			jan, TypeInterviewDecline, "lakeside", ""},
		// In Match Week, a place offered so that she need not wait on
		// SOAP; the week's ground rules told to all are news.
		{"a place around SOAP", "amehta@research.stbrendans.org", "Another option",
			"Dear Dr. Rahman,\n\nI would like to offer you a position on our informatics research team: a funded year outside the NRMP, starting July 1. If you'd prefer not to wait on the SOAP rounds, I can have our HR office draft your appointment letter tomorrow.\n\nAnil Mehta",
			soap, TypePreMatchOffer, "st-brendan", ""},
		{"SOAP rules to all", "rmoss@stbrendans.org", "SOAP this week",
			"Dear applicants,\n\nWe have one open categorical position and will fill it through SOAP. Offers come only through R3; nobody here will offer you a position by phone or email.\n\nRebecca Moss",
			soap, TypeProgramUpdate, "st-brendan", ""},
		// A pool's housekeeping: "so we can update the list".
		{"a pool kept current", "jfeld@meridian.edu", "Interview waitlist",
			"Dear Dr. Rahman,\n\nAll of our interview days are full, but we would like to keep you on our interview waitlist. If you take a position elsewhere, please let us know so we can update the list.\n\nJonah",
			oct, TypeWaitlist, "meridian", ""},
		// Program mail in French, Spanish, Portuguese and German: a day
		// given as "le lundi 1er février" (the dinner the evening before
		// and the day to answer by are not it), papers asked for, her
		// eligibility answered, no day left, and interest after the day.
		{"French invitation with 1er", "jfeld@meridian.edu", "Invitation",
			"Bonjour Dre Rahman,\n\nNous aimerions vous accueillir en entrevue le lundi 1er février 2027. Un souper aura lieu la veille au soir, le dimanche 31 janvier. Merci de répondre d'ici le 15 janvier.\n\nJonah Feld",
			dec, TypeInterviewInvite, "meridian", "2027-02-01"},
		{"Spanish papers asked for", "hpark@lakeside-med.org", "Expediente",
			"Dra. Rahman:\n\nPara completar su expediente necesitamos los siguientes documentos: copia del pasaporte y del diploma.\n\nHelen Park",
			oct, TypeApplicationRequest, "lakeside", ""},
		{"Portuguese eligibility", "sokafor@harborvalley.edu", "Re: Pergunta",
			"Oi Amina,\n\nSim, patrocinamos o visto J-1 para fellows, e você é elegível para se candidatar.\n\nSamuel",
			oct, TypeEligibilityReply, "harbor-valley", ""},
		{"German no day left", "jfeld@meridian.edu", "Ihre Bewerbung",
			"Sehr geehrte Frau Dr. Rahman,\n\nleider können wir Ihnen keinen Interviewtermin mehr anbieten.\n\nMit freundlichen Grüßen\nJonah Feld",
			dec, TypeInterviewDecline, "meridian", ""},
		{"French interest after the day", "rmoss@stbrendans.org", "Merci",
			"Chère Dre Rahman,\n\nLes résidents étaient vraiment impressionnés par votre présentation de mardi.\n\nRebecca Moss",
			dec, TypePostInterviewInterest, "st-brendan", ""},
		// (gq, gs) one interview day with sessions to choose, and the
		// residents' coffee hour two days before it; papers needed
		// before the committee reads her file.
		{"one day, two sessions, a coffee hour", "imresidency@northgate-health.org", "Interview invitation",
			"Dear Dr. Rahman,\n\nWe interview all candidates on one day: Wednesday, December 9, 2026. You may pick the morning or the evening session. Our residents are hosting an informal coffee hour on Monday, December 7; it is optional.\n\nPlease reply with the session you prefer.\n\nDiego Alvarez",
			oct, TypeInterviewInvite, "northgate", "2026-12-09"},
		{"papers before the committee reads", "pedsresidency@stbrendans.org", "Your application",
			"Dear Dr. Rahman,\n\nBefore the committee can review your application we will need a short pathway statement and your Step 2 CK transcript.\n\nGraduate Medical Education - Pediatrics",
			oct, TypeApplicationRequest, "st-brendan", ""},
		// (gx, fb) no interview for one track this cycle; no interview,
		// in Portuguese; a waitlist closed with none called; papers asked
		// of every candidate before the day.
		{"no interview for one track", "lvasquez@harborvalley.edu", "Research track",
			"Dear Dr. Rahman,\n\nThe grant limits appointments to U.S. citizens and permanent residents, so we cannot interview you for the research track this cycle. Your fellowship application is not affected.\n\nLuis Vasquez",
			oct, TypeInterviewDecline, "harbor-valley", ""},
		{"no interview, in Portuguese", "jfeld@meridian.edu", "Sua candidatura",
			"Cara Dra. Amina,\n\nInfelizmente, não conseguiremos entrevistá-la neste ciclo.\n\nUm abraço,\nJonah",
			dec, TypeInterviewDecline, "meridian", ""},
		{"the waitlist closed", "jfeld@meridian.edu", "Interview waitlist",
			"Dear Dr. Rahman,\n\nI'm sorry to tell you that our interview waitlist closed last week without any openings.\n\nJonah",
			dec, TypeInterviewDecline, "meridian", ""},
		{"papers asked of every candidate", "sokafor@harborvalley.edu", "Before your interview",
			"Dr. Rahman,\n\nOne thing we ask of every candidate before interview day: a one-page project sketch, and your latest in-training exam report. Please send both to Priya by Thursday, October 29.\n\nSamuel Okafor",
			oct, TypeApplicationRequest, "harbor-valley", ""},
		// (fi, fk) a credentialing office's list passed on; her freedom
		// to keep her list to herself, split by commas.
		{"a list passed on", "imresidency@northgate-health.org", "FW: IMG documents",
			"Hi Dr. Rahman,\n\nOur GME office is asking every interviewed applicant for these items now. Could you upload them to the secure link by Friday?\n\nDiego",
			jan, TypeApplicationRequest, "northgate", ""},
		{"never required to tell", "ci-fellowship@lakeside-med.org", "Housekeeping",
			"Dear candidates,\n\nPlease remember that you are never required to tell us, or any other program, how you plan to rank.\n\nMarcus Webb",
			dec, TypeProgramUpdate, "lakeside", ""},
		// (fj) a platform's interview invitation whose note from the
		// program is glad "to offer you a spot": the interview's spot.
		{"a platform's spot", "no-reply@interviewbroker.com", "Interview Invitation",
			"Hello Amina,\n\nAn interview opening has come up, and St. Brendan's Children's Hospital - Pediatrics Residency would like to interview you.\n\nDate offered: Tuesday, December 1st, 2026\nFormat: Zoom\n\nA note from the program:\n\"We're so glad to be able to offer you a spot. Dr. Ruiz will be one of your interviewers. - Kelsey\"\n\nPlease accept or decline by Friday, November 6.",
			oct, TypeInterviewInvite, "st-brendan", "2026-12-01"},
	}
	checkDated(t, c, cases)
}
