package analyzer

import (
	"strings"
	"testing"
	"time"
)

// TestClassifyNoOutcomeBeforeRankLists: a program cannot tell her how a
// Match came out before its rank lists are even due, so words about
// "matched fellows" then are about others (or later), and the message is
// what else it does; the same words once the Match has run are its news.
func TestClassifyNoOutcomeBeforeRankLists(t *testing.T) {
	c := testClassifier(t)
	sept := time.Date(2026, 9, 14, 11, 0, 0, 0, time.FixedZone("EDT", -4*3600))
	april := time.Date(2027, 4, 2, 11, 0, 0, 0, time.FixedZone("EDT", -4*3600))
	cases := []struct {
		name, from, subj, body string
		at                     time.Time
		want                   string
	}{
		{"visa answer in September", "ci-fellowship@lakeside-med.org", "RE: Sponsorship",
			"Lakeside sponsors J-1 visas only; H-1B is not available for fellows. Your Statement of Need is paperwork the GME office begins with matched fellows in January, so there is nothing to send now.",
			sept, TypeEligibilityReply},
		{"welcome in April", "ci-fellowship@lakeside-med.org", "Welcome to Lakeside",
			"Congratulations on matching with us! You are one of our two matched fellows for July, and our GME office will start your J-1 paperwork next week.",
			april, TypeMatchResult},
	}
	for _, k := range cases {
		m := msg(k.from, k.subj, k.body)
		m.Date = k.at
		if got := c.Classify(m); got.Type != k.want {
			t.Errorf("%s: got %s, want %s\n   %s", k.name, got.Type, k.want, strings.Join(got.Evidence, "\n   "))
		}
	}
}

// TestClassifyBlindSetsSGSH (blind sets sg and sh, in other words): her
// order of programs asked through the ones she'd put first, and a paper
// the program offers to send her, which asks nothing of her.
func TestClassifyBlindSetsSGSH(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"obright@lakeside-med.org", "Following up after your day with us", "We compared notes and you're among those we're most excited about. Since we have more strong candidates than spots, it would help to know whether there are programs you'd put ahead of ours.", TypeRankSolicitation},
		{"obright@lakeside-med.org", "Following up after your day with us", "Thanks again for coming in. Even a quick sense of 'you're in my top two' or 'still deciding' would let us plan.", TypeRankSolicitation},
		{"bthornton@northgate-health.org", "RE: Thank you for today", "Thank you for the kind note. You'd fit in well with our residents. If you want the alert-fatigue paper I brought up, I'm glad to send it along.", TypePostInterviewInterest},
	})
}

// TestClassifyBlindSetsSKSL (blind sets sk and sl, in other words): a
// careers system or a billing service that signs with the hospital's name
// is none of the program's business; "Reminder:" labels her interview;
// an itinerary "for your visit" confirms it; a paper offered is no
// request; a casual call for invited applicants is not her day.
func TestClassifyBlindSetsSKSL(t *testing.T) {
	c := testClassifier(t)
	checkFull(t, c, []fullCase{
		{"Northgate Regional Hospital Careers <northgate@myworkday.example>", "Next steps: Informatics Analyst (R-1192)",
			"Thank you for applying for the Clinical Informatics Analyst position. This is a staff position, separate from our residency programs. The hiring manager would like to set up a phone screen; we cannot offer visa sponsorship for this role.",
			TypeOther, "", ""},
		{"Lakeside University Medical Center <billing@lumc-statements.example>", "Your statement is ready",
			"Your new statement is ready to view. Amount due: $95.10 for your urgent care visit on 11/11/2026. Pay online or call Patient Financial Services.",
			TypeOther, "", ""},
		{"interviews@gme.harborvalley.edu", "Reminder: your interview tomorrow",
			"It was great to see you at dinner tonight. For tomorrow: check in at 7:45 in the main lobby and bring a photo ID.",
			TypeInterviewConfirmation, "harbor-valley", "2026-11-27"},
		{"informatics.fellowship@harborvalley.edu", "Your trip: hotel, dinner and the day",
			"We can't wait to host you! Here is everything you need for your visit on Thursday, December 3. Dinner with the fellows is the night before at 6:30.",
			TypeInterviewConfirmation, "harbor-valley", "2026-12-03"},
		{"rostrowski@lakeside-med.org", "Re: Thank you",
			"Thank you for the note; you were one of the strongest people I met this season. If you'd like to read the draft of our alert-retirement paper, tell me and I'll send it.",
			TypePostInterviewInterest, "lakeside", ""},
		{"informatics.fellowship@harborvalley.edu", "Interview invitation",
			"We'd like to invite you to interview on Thursday, December 10. Separately, our fellows are holding a casual video call for invited applicants on Tuesday, December 1 at 5 PM.",
			TypeInterviewInvite, "harbor-valley", "2026-12-10"},
	})
}

// TestClassifyBlindSetsSOSP (blind sets so and sp, in other words): "see
// you in July" is a welcome, not an interview day; a file missing its
// MSPE before the committee decides on invitations is a request.
func TestClassifyBlindSetsSOSP(t *testing.T) {
	c := testClassifier(t)
	checkFull(t, c, []fullCase{
		{"rmoss@stbrendans.org", "Re: Thank you for Tuesday",
			"We all enjoyed meeting you on Tuesday. I can't say anything about our list, but I'd be very happy to see you on the ward in July.",
			TypePostInterviewInterest, "st-brendan", ""},
		{"imresidency@northgate-health.org", "Your file: MSPE not yet received",
			"Our committee meets on October 20, which is when interview invitations are decided. Your application is complete except for one item, the MSPE. Please also re-send your USMLE transcript.",
			TypeApplicationRequest, "northgate", ""},
	})
}

// TestClassifyBlindSetSU (blind set su, in other words): praise in new
// words, a choice between the program and staying put asked as a
// hypothetical, and a ranking question apologized for under a match result.
func TestClassifyBlindSetSU(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"wzhao@harborvalley.edu", "Re: Thank you", "You were one of the most thoughtful candidates I've met this year, and I said so to the committee. I hope our paths cross again.", TypePostInterviewInterest},
		{"rmoss@stbrendans.org", "Re: Thank you", "Our faculty were all taken with you, and you are someone we would be happy to rank highly. Our list is ours to make, as yours is yours.", TypePostInterviewInterest},
		{"riyer@northgate-health.org", "A thought experiment", "Imagine it's Match Day and you could choose between Northgate and a research year at home. Which would it be? And is there a program you're weighing us against?", TypeRankSolicitation},
	})
	m := msg("sokafor@harborvalley.edu", "Welcome!", "The AMIA results came out today and you matched with us. Congratulations! I also owe you an apology for my email last month asking where we stood on your list; I shouldn't have sent it.")
	m.Date = time.Date(2026, 12, 16, 12, 0, 0, 0, time.UTC)
	if got := c.Classify(m); got.Type != TypeMatchResult {
		t.Errorf("apology under a match result: got %s, want %s\n   %s", got.Type, TypeMatchResult, strings.Join(got.Evidence, "\n   "))
	}
}

// TestClassifyBlindSetsSXSY (blind sets sx and sy, in other words): "we
// will not be interviewing you" for one position is a decline; the form she
// filled in, named, asks for nothing.
func TestClassifyBlindSetsSXSY(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"hpark@lakeside-med.org", "The spring off-cycle position", "You marked the off-cycle position on your supplemental form. It needs someone who can start in February, so we will not be interviewing you for it. Your July application is unaffected.", TypeInterviewDecline},
	})
}

// TestClassifyBlindSetsRBRC (blind sets rb and rc, in other words): the day
// a condition is about is not the alternative offered; a day-before note
// with the meeting place confirms her day; thanks for telling where the
// program stands asks nothing; a letter of intent asked of those who rank
// the program first solicits her order; a mailing marked bulk with "this
// mailbox is not monitored" is no automatic reply.
func TestClassifyBlindSetsRBRC(t *testing.T) {
	c := testClassifier(t)
	oct := time.Date(2026, 10, 13, 14, 0, 0, 0, time.FixedZone("CDT", -5*3600))
	m := msg("hpark@lakeside-med.org", "Interview invitation", "We would like to invite you to interview. We have set aside Thursday, December 3 for you. Please reply by October 20 to confirm that you can attend. If the 3rd is truly impossible, tell Marcus and we will try to find an alternative.")
	m.Date = oct
	if got := c.Classify(m); got.Type != TypeInterviewInvite || got.InterviewDate != "2026-12-03" {
		t.Errorf("single day with a fallback: got %s/%q, want %s/%q\n   %s", got.Type, got.InterviewDate, TypeInterviewInvite, "2026-12-03", strings.Join(got.Evidence, "\n   "))
	}
	checkTypes(t, c, []typeCase{
		{"ci-fellowship@lakeside-med.org", "Tonight and tomorrow", "A couple of quick reminders! Tomorrow I'll meet you in the main lobby at 7:45. Please bring a photo ID for your visitor badge.", TypeInterviewConfirmation},
		{"hpark@lakeside-med.org", "RE: Thank you", "Thank you for your kind note, and for telling us where Lakeside stands for you. We all enjoyed meeting you.", TypePostInterviewInterest},
		{"sokafor@harborvalley.edu", "After your visit", "Applicants who plan to rank Harbor Valley as their first choice may send me a short letter of intent before our meeting.", TypeRankSolicitation},
	})
	raw := "From: HVH IM Residency <im-residency-noreply@harborvalley.edu>\r\nTo: amina.rahman@example.org\r\nSubject: Application status\r\nDate: Fri, 23 Oct 2026 11:02:51 -0700\r\nPrecedence: bulk\r\n\r\nWe regret to inform you that we are unable to offer you an interview this cycle.\r\n\r\nThis mailbox is not monitored.\r\n"
	if got := c.Classify(Parse([]byte(raw))); got.Type != TypeInterviewDecline {
		t.Errorf("bulk no-reply decline: got %s, want %s\n   %s", got.Type, TypeInterviewDecline, strings.Join(got.Evidence, "\n   "))
	}
}

// TestClassifyBlindSetRG (blind set rg, in other words): interview slots
// "all committed" for a round are booked, not her commitment asked for.
func TestClassifyBlindSetRG(t *testing.T) {
	c := testClassifier(t)
	checkTypes(t, c, []typeCase{
		{"jfeld@meridian.edu", "Your application", "We have six interview slots for two positions, and all six are committed for the first round. The committee has placed you on our alternate list; if a slot opens we will write at once.", TypeWaitlist},
	})
}

// TestOpeningLabelJoinsItsClause: "Reminder:" opening a sentence labels
// what follows, so the two stand in one clause; any other colon still
// cuts the clause ("Note: …", "a quick reminder: …").
func TestOpeningLabelJoinsItsClause(t *testing.T) {
	c := testClassifier(t)
	for _, tt := range []struct {
		text, a, b string
		same       bool
	}{
		{"Reminder: your interview tomorrow", "reminder", "your", true},
		{"Note: your interview tomorrow", "note", "your", false},
		{"Here is a quick reminder: your interview tomorrow", "reminder", "your", false},
	} {
		d := tokenizeCL(c.rules.vocab, tt.text, nil)
		clause := map[string]int32{}
		for _, tok := range d.toks {
			clause[tok.w] = tok.clause
		}
		if got := clause[tt.a] == clause[tt.b]; got != tt.same {
			t.Errorf("%q: %q and %q in one clause = %v, want %v", tt.text, tt.a, tt.b, got, tt.same)
		}
	}
}
