package analyzer

import (
	"strings"
	"testing"
	"time"
)

// TestClassifySession16 (blind sets pg, ph and pc, in other words): a call
// offered for her questions is no invitation; "the list" she may leave is
// a waitlist; "without hesitation" negates nothing; a weekday before a
// date written in words is that date; a side event's date is not the
// interview's, whatever else its sentence names.
func TestClassifySession16(t *testing.T) {
	c := testClassifier(t)
	oct := time.Date(2026, 10, 27, 16, 0, 0, 0, time.FixedZone("EDT", -4*3600))
	cases := []datedCase{
		{"a call offered for her questions after the interview", "kosei@lakeside-med.org", "Good to meet you",
			"Hi Amina, it was a pleasure to spend part of your interview day with you, and several of us are hoping to work with you. Should you have further questions about the informatics rotations, I'd be glad to arrange a call.",
			clRef, TypePostInterviewInterest, "lakeside", ""},
		{"a waitlist she may leave", "pedsresidency@stbrendans.org", "Interview waitlist",
			"Our interview days are full, so we have placed you on our interview waitlist and will write if a date opens. If you accept an interview elsewhere on our dates, just tell me whether you want to be removed from the list.",
			clRef, TypeWaitlist, "st-brendan", ""},
		{"ranked highly, said without hesitation", "sokafor@harborvalley.edu", "Re: Thank you",
			"The committee met on Friday. Without hesitation, I can tell you that you will be ranked highly here. There is no need to reply.",
			clRef, TypePostInterviewInterest, "harbor-valley", ""},
		{"a weekday before a date in words", "imresidency@northgate-health.org", "Re: Interview date",
			"Dr. Chen approved the switch, so you are confirmed for our interview day on Friday, the eleventh of December. The portal will show the new day by tomorrow.",
			oct, TypeInterviewConfirmation, "northgate", "2026-12-11"},
		{"the welcome lunch's day beside the interview's", "pedsresidency@stbrendans.org", "Your interview on Tuesday, December 1",
			"We look forward to seeing you on Tuesday, December 1. The calendar holds both events: the welcome lunch on Monday, November 30, and your interview day itself.",
			clRef, TypeInterviewConfirmation, "st-brendan", "2026-12-01"},
		{"just the kind of fellow they hope for, ranked accordingly", "rmoss@stbrendans.org", "Re: Thank you",
			"Thanks for your note. The faculty who met you were of one mind: you are just the sort of fellow we want in the pathway. No reply needed.",
			clRef, TypePostInterviewInterest, "st-brendan", ""},
		{"an intent form asking her first place", "ci-fellowship@lakeside-med.org", "Open house and intent form",
			"We would love to see you at our open house. Please return the enclosed intent form, indicating whether Lakeside will be the top program on your rank order list.",
			clRef, TypeRankSolicitation, "lakeside", ""},
		{"a place held on an interview day", "pedsresidency@stbrendans.org", "Interview invitation",
			"The committee would like to meet you, and we are reserving a spot for you on Tuesday, December 1. Please confirm by Friday.",
			oct, TypeInterviewInvite, "st-brendan", "2026-12-01"},
		{"a position outside the match, once she leaves it", "jfeld@meridian.edu", "An unusual position",
			"The dean funded a third position after the AMIA match quota was set, so it will not go through the match, and I would like to offer it to you. You would need to withdraw your AMIA match registration by November 23.",
			time.Date(2026, 11, 10, 17, 0, 0, 0, time.FixedZone("EST", -5*3600)), TypePreMatchOffer, "meridian", ""},
		{"a future place held if she stays out of a later Match", "jfeld@meridian.edu", "An idea for later",
			"Congratulations on matching at Northgate. We would reserve one of our fellowship positions for you for July 2030; you would sign a letter of intent now and would not register for the AMIA Match in your application year.",
			time.Date(2027, 3, 24, 16, 0, 0, 0, time.FixedZone("MDT", -6*3600)), TypePreMatchOffer, "meridian", ""},
		{"a waitlist whose slots are offered through the platform", "pedsresidency@stbrendans.org", "Your application",
			"Our first round of invitations is complete, and you have been placed on our interview waitlist. As slots open up we offer them to those on the waitlist, and the offer will come through Thalamus.",
			clRef, TypeWaitlist, "st-brendan", ""},
		{"a rank question softened by 'no obligation to answer'", "bharlow@northgate-health.org", "Checking in",
			"Purely so we can plan, and with no obligation to answer, could you let me know which other programs you are still considering?",
			clRef, TypeRankSolicitation, "northgate", ""},
		{"a resident who hopes she ends up here", "oadeyemi@stbrendans.org", "So glad you came",
			"Dr. Moss really hopes you end up here, and so do we. I won't pry about your list, but I wanted you to know you'd be very welcome.",
			clRef, TypePostInterviewInterest, "st-brendan", ""},
		{"the day told in her time zone too", "informatics.fellowship@harborvalley.edu", "Interview invitation",
			"We would like to invite you to interview on Thursday, 5 November 2026, 12:30 to 4:30 p.m. Pacific; it works out to Friday 6 November in Dhaka.",
			time.Date(2026, 10, 8, 9, 0, 0, 0, time.FixedZone("PDT", -7*3600)), TypeInterviewInvite, "harbor-valley", "2026-11-05"},
		{"a rank question in Hindi", "nkapoor@stbrendans.org", "Great talking with you",
			"It was a pleasure interviewing you. एक छोटा सा सवाल: आप हमें अपनी rank list में कहाँ रखने का सोच रही हैं?",
			clRef, TypeRankSolicitation, "st-brendan", ""},
		{"a note from Friday is past; the day is the invitation's", "imresidency@northgate-health.org", "Interview invitation",
			"Following up on Dr. Chen's note from Friday: we would like to invite you to interview on our one track day, Thursday 10 December 2026.",
			oct, TypeInterviewInvite, "northgate", "2026-12-10"},
		{"the whole group moved to a new day", "imresidency@northgate-health.org", "Change to your interview date",
			"We have had to cancel the December 10 interview day, and we have moved the whole group to Tuesday, December 15, same hours.",
			clRef, TypeInterviewConfirmation, "northgate", "2026-12-15"},
		{"the day the coordinator writes is not the interview's", "lchen@northgate-health.org", "CI track",
			"We would very much like to interview you for the track. Diego will be in touch on Monday with the logistics and the date.",
			oct, TypeInterviewInvite, "northgate", ""},
		{"her application lists the track among her choices; items are missing", "imresidency@northgate-health.org", "Supplemental items",
			"Your ERAS application lists our informatics track among your program choices. Track applicants complete two extra items, and we don't have them for you yet: a short track statement and your Step 3 report. Please have everything in by Friday.",
			oct, TypeApplicationRequest, "northgate", ""},
	}
	checkDated(t, c, cases)
	// A forward in Spanish ("RV:", "De:/Enviado:/Asunto:") is read as a
	// forward: the CMIO's offer below it is the program's.
	raw := "From: Diego Alvarez <imresidency@northgate-health.org>\r\nTo: amina.rahman@example.org\r\nSubject: RV: Puesto en la oficina del CMIO\r\n" +
		"Date: Tue, 15 Dec 2026 11:32:47 -0500\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nDra. Rahman:\r\n\r\nEl Dr. Whitaker me pidió que le reenviara este mensaje.\r\n\r\nDiego\r\n\r\n" +
		"________________________________\r\nDe: Whitaker, Paul <pwhitaker@northgate-health.org>\r\nEnviado: lunes, 14 de diciembre de 2026 18:20\r\nPara: Alvarez, Diego <imresidency@northgate-health.org>\r\nAsunto: Position\r\n\r\n" +
		"Dr. Rahman, because this is an institutional position rather than an NRMP position, we can offer it to you now. To accept, you would sign the offer letter by January 15 and withdraw from the NRMP Main Match.\r\n"
	if got := c.Classify(Parse([]byte(raw))); got.Type != TypePreMatchOffer {
		t.Errorf("Spanish forward of an offer: got %s\n   %s", got.Type, strings.Join(got.Evidence, "\n   "))
	}
	// "could not be more excited" negates nothing.
	m := msg("imchiefs@northgate-health.org", "Your interview day", "We could not be more excited to meet you in person on your interview day, Thursday, December 10.")
	if got := c.Classify(m); got.Type == TypeInterviewDecline {
		t.Errorf("'could not be more excited to meet you': got %s\n   %s", got.Type, strings.Join(got.Evidence, "\n   "))
	}
}

// TestClassifyForwardInsideReply: a reply whose quoted part is a message
// forwarded below the sender's new words ("Dr. Okafor also asked me to send
// on his note below") is judged with that message, as a forward is; a plain
// reply's quote is not.
func TestClassifyForwardInsideReply(t *testing.T) {
	c := testClassifier(t)
	for _, k := range []struct {
		quoteHead string
		alert     bool
	}{
		{"---------- Forwarded message ---------\r\nFrom: Samuel Okafor <sokafor@harborvalley.edu>\r\nDate: Mon, Nov 23, 2026 at 4:10 PM\r\nSubject: Rahman\r\nTo: Priya Natarajan <informatics.fellowship@harborvalley.edu>\r\n", true},
		{"On Mon, Nov 23, 2026 at 4:10 PM Samuel Okafor <sokafor@harborvalley.edu> wrote:\r\n", false},
	} {
		raw := "From: Priya Natarajan <informatics.fellowship@harborvalley.edu>\r\nTo: Amina Rahman <amina.rahman@example.org>\r\n" +
			"Subject: Re: Parking validation\r\nDate: Tue, 24 Nov 2026 10:32:17 -0800\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
			"Hi Amina, validated, you're all set.\r\n\r\nDr. Okafor also asked me to send on his note below.\r\n\r\nPriya\r\n\r\n" + k.quoteHead + "\r\n" +
			"Priya, could you find out from Dr. Rahman whether Harbor Valley will be at the top of her list? We certify next week.\r\n\r\nSam\r\n"
		got := c.Classify(Parse([]byte(raw)))
		if (got.Type == TypeRankSolicitation) != k.alert {
			t.Errorf("quote opening %.40q: got %s, want rank-solicitation %v\n   %s", k.quoteHead, got.Type, k.alert, strings.Join(got.Evidence, "\n   "))
		}
	}
}

// TestTokenizeContractions: "'s" after a pronoun or "there", "here",
// "let" is "is" (or "us"), kept as the word is typed without the
// apostrophe ("its", "theres"); after a name it is a possessive, dropped.
func TestTokenizeContractions(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"it's confirmed", "its confirmed"},
		{"It’s confirmed", "its confirmed"},
		{"there's a slot, let's talk", "theres a slot lets talk"},
		{"St. Brendan's pathway, Dr. Moss's note", "st brendan pathway dr moss note"},
		{"don't we're", "dont were"},
	} {
		d := tokenizeCL(newCLVocab(), tc.in, nil)
		var got []string
		for _, tk := range d.toks {
			got = append(got, tk.w)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("tokenizeCL(%q) = %q, want %q", tc.in, g, tc.want)
		}
	}
}

// TestClassifyForwardedNoteFixesHerDay: a coordinator forwards a
// colleague's note that fixes a meeting on her interview day ("Please let
// her know it's confirmed for that day"): her day, confirmed.
func TestClassifyForwardedNoteFixesHerDay(t *testing.T) {
	c := testClassifier(t)
	raw := "From: Diego Alvarez <imresidency@northgate-health.org>\r\nTo: Amina Rahman <amina.rahman@example.org>\r\n" +
		"Subject: FW: CMIO meetings\r\nDate: Mon, 02 Nov 2026 20:30:11 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
		"Dr. Rahman,\r\n\r\nFYI - see Dr. Okoye's note below about meeting him during your interview day.\r\n\r\nDiego\r\n\r\n" +
		"From: Okoye, Chidi <cokoye@northgate-health.org>\r\nSent: Monday, November 2, 2026 2:48 PM\r\nTo: Alvarez, Diego <imresidency@northgate-health.org>\r\nSubject: CMIO meetings\r\n\r\n" +
		"Diego, I can see Dr. Rahman at 11:30 on Thursday, December 10, in my office. Please tell her it's confirmed for that day.\r\n\r\nChidi\r\n"
	got := c.Classify(Parse([]byte(raw)))
	if got.Type != TypeInterviewConfirmation || got.InterviewDate != "2026-12-10" {
		t.Errorf("got %s/%q, want %s/\"2026-12-10\"\n   %s", got.Type, got.InterviewDate, TypeInterviewConfirmation, strings.Join(got.Evidence, "\n   "))
	}
}
