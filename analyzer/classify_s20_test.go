package analyzer

import (
	"testing"
	"time"
)

// TestClassifySession20 (blind sets ij–im, in other words): a day put to
// her because someone else gave a place up ends her wait; a call with the
// current fellows after her interview is no invitation; "the day still
// holds" and her block on the schedule confirm her interview; a call
// offered "should questions arise" is no invitation either.
func TestClassifySession20(t *testing.T) {
	c := testClassifier(t)
	oct := time.Date(2026, 10, 26, 9, 0, 0, 0, time.FixedZone("EDT", -4*3600))
	nov := time.Date(2026, 11, 16, 9, 0, 0, 0, time.FixedZone("EST", -5*3600))
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
	}
	checkDated(t, c, cases)

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
