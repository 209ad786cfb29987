package analyzer

import (
	"strings"
	"testing"
)

// TestClassifyBlindSetK: what blind set k taught. How the season runs
// ("invitations usually go out in October") invites no one; an invitation
// may only ask to get to know her or whether a day suits; a decline may go
// "in another direction"; a file kept in reserve, or a promise to call her
// first on a cancellation, is a waitlist; a copy asked for in passing is a
// request; a hope that she joins is no result; asking how high she will put
// the program, or where it stands on hers, is an alert; a contract against
// her rank list, or a place whose paperwork must beat the rank deadline, is
// an offer; a program's policy told to all is news; her name among those
// who matched is her result.
func TestClassifyBlindSetK(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	lk, hv, ng, sb := "hpark@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "rmoss@stbrendans.org"
	cases := []struct{ from, subj, body, typ, date string }{
		{hv, "Application received", "Your file is complete. Our invitations to interview usually go out in the first half of October.", TypeOther, ""},
		{lk, "Fellowship", "The faculty would love to get to know you. Would you be able to join us on Tuesday, December 8?", TypeInterviewInvite, "2026-12-08"},
		{ng, "Residency", "We have two openings left, on December 14 and December 15. Which of these suits you better?", TypeInterviewInvite, ""},
		{md13, "Your file", "After much thought we have decided to go in another direction for our last interview places.", TypeInterviewDecline, ""},
		{ng, "Status", "All our interview offers went out last week, but we are keeping your file in reserve in case a spot opens.", TypeWaitlist, ""},
		{sb, "Dates", "Our January days are taken. Should there be a cancellation you will be the first one we contact.", TypeWaitlist, ""},
		{hv, "Welcome", "We're glad you applied and hope to be in touch soon.\n\nP.S. Can you send me a copy of your Step 2 score report? It never came through.", TypeApplicationRequest, ""},
		{ng, "Thanks", "It was wonderful meeting you. We'd be delighted to have you join us in July.", TypePostInterviewInterest, ""},
		{lk, "hi", "Quick question - how high are you thinking of putting Lakeside this year?", TypeRankSolicitation, ""},
		{hv, "checking in", "We're close to finishing our list. Where would we be on yours?", TypeRankSolicitation, ""},
		{sb, "Offer", "We can send you a contract today if you withdraw your match registration.", TypePreMatchOffer, ""},
		{lk, "quick one", "There is a research slot I could hold for you beginning in April. I'd need your signature before rank lists are certified.", TypePreMatchOffer, ""},
		{ng, "How we communicate", "Dear applicants, our post-interview policy is simple: we never ask candidates how they will rank us.", TypeProgramUpdate, ""},
		{hv, "Our incoming fellows", "Please join us in congratulating the two applicants who matched with Harbor Valley: Amina Rahman and Leo Park.", TypeMatchResult, ""},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, InterviewDate: k.date}, "date")
	}
}

const md13 = "jfeld@meridian.edu"

// TestClassifyBlindSetL: what blind set l taught. A decline may say only
// that the program cannot take her file further, or that her file is
// closed and no meeting will be set; an eligibility answer may only say
// she can apply now or what is not needed to apply; a portal's "requested
// documents" is a request; a program asking whether it will be first for
// her is an alert; a place that is "hers", held for her, or that means
// pulling out of the Match, withdrawing other applications or not
// submitting a list is an offer; a program that hears she is going
// elsewhere tells her result; a platform's moved session with a "New
// session:" field fixes the new day.
func TestClassifyBlindSetL(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	lk, hv, ng, sb := "hpark@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "rmoss@stbrendans.org"
	cases := []struct{ from, subj, body, typ, date string }{
		{sb, "Your file", "Thank you for applying. I am sorry to say we can't take your application any further this year.", TypeInterviewDecline, ""},
		{lk, "Status", "Every date has been taken, so your application is now closed and we won't be arranging an interview with you.", TypeInterviewDecline, ""},
		{ng, "Re: question", "Yes, you may apply now even before your certificate is issued. The Step 3 exam is not required to apply.", TypeEligibilityReply, ""},
		{"erasnotifications@aamc.org", "ERAS notice", "Harbor Valley Health Clinical Informatics Fellowship has requested missing items for your application. Sign in to upload them.", TypeApplicationRequest, ""},
		{hv, "A question", "If your name ends up high on our list, would we be the top one for you too?", TypeRankSolicitation, ""},
		{md13, "Following up", "The fellowship spot is yours should you want it; we only need you to withdraw all other applications first.", TypePreMatchOffer, ""},
		{ng, "Possibility", "I could set aside one of our track positions for you this month, and you would not submit a rank list in March.", TypePreMatchOffer, ""},
		{sb, "Research year", "Taking the research post would mean dropping out of the match, but the letter can go out this week.", TypePreMatchOffer, ""},
		{md13, "Match day", "I heard you are off to another fellowship next year. Congratulations and good luck.", TypeMatchResult, ""},
		{"no-reply@interviewbroker.com", "Session changed", "At your request, your session with Northgate Regional Hospital Internal Medicine Residency has been moved.\n\nPrevious session: Thursday, December 10, 2026 (cancelled)\nNew session: Monday, December 14, 2026, 9:00 AM ET", TypeInterviewConfirmation, "2026-12-14"},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, InterviewDate: k.date}, "date")
	}
}

// TestClassifyBlindSetM: what blind set m taught. Regret about what the day
// cannot pay for is no decline; a place on the interview day offered to her
// is an invitation; "your day with us is …" or a date moved from one day to
// another is a booking; a waitlist held for someone else is not hers; no
// waitlist kept and no one more scheduled is a decline; a later group drawn
// on when times free up is a waitlist; a letter the program cannot see is a
// request; asking her to confirm the program is first for her is an alert;
// a program hoping she will join is interest, while "you will be our
// fellow" after the match is a result; "the 4th floor" is no date.
func TestClassifyBlindSetM(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	lk, hv, ng, sb := "hpark@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "rmoss@stbrendans.org"
	cases := []struct{ from, subj, body, typ, date string }{
		{lk, "Next step", "The committee would love to meet you; we have held Thursday, December 10, 2026 for you. We regret that we cannot reimburse travel for the day.", TypeInterviewInvite, "2026-12-10"},
		{hv, "Fellowship", "We would be glad to offer you a seat at one of our interview days in December. Please reply with a preference.", TypeInterviewInvite, ""},
		{ng, "Your visit", "Your morning with us will be Monday, December 7, 2026. Let us know early if you must cancel, so a candidate from our waitlist can take it.", TypeInterviewConfirmation, "2026-12-07"},
		{sb, "Change", "As requested, we moved you from December 3 to Tuesday, December 8, 2026.", TypeInterviewConfirmation, "2026-12-08"},
		{sb, "Interview day", "See you tomorrow at 8; take the lift to the 3rd floor.", TypeInterviewConfirmation, "2026-11-27"},
		{ng, "Season", "We are no longer scheduling anyone this year and do not keep an alternate list.", TypeInterviewDecline, ""},
		{hv, "Update", "You are in our reserve pool; we will pick from it if interview slots become free before January.", TypeWaitlist, ""},
		{lk, "Letters", "We don't see a letter from your chair in your file. Please ask him to upload it.", TypeApplicationRequest, ""},
		{ng, "Lists", "Could you let us know that our track is number one for you?", TypeRankSolicitation, ""},
		{sb, "Thank you", "The residents hope you'll be joining us next year; it was a treat meeting you.", TypePostInterviewInterest, ""},
		{lk, "Welcome", "You will be our newest fellow from July, and the paperwork will follow in January.", TypeMatchResult, ""},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, InterviewDate: k.date}, "date")
	}
}

// TestClassifyBlindSetO: what blind set o taught. A day set down for her
// that asks whether it suits her is still an invitation; a place promised
// to her as certain is a pre-match offer, even when the price is her list.
// The neighbouring readings still hold.
func TestClassifyBlindSetO(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	hv, ng, lk := "informatics.fellowship@harborvalley.edu", "lchen@northgate-health.org", "hpark@lakeside-med.org"
	cases := []struct{ from, subj, body, typ string }{
		{hv, "Interview", "Dr. Okafor would like to meet you, so I have you on the list for Tuesday, December 8. Please write back to confirm that the day suits you and I will send the agenda.", TypeInterviewInvite},
		{ng, "Interview booked", "Thank you for choosing a date. You are booked for Thursday, December 10; the agenda follows next week.", TypeInterviewConfirmation},
		{lk, "Our list", "Promise us Lakeside is number one for you and a spot here is assured.", TypePreMatchOffer},
		{ng, "Rank list", "We would like to rank you to match, but first we need to know whether you will rank us first.", TypeRankSolicitation},
		{lk, "Interviews", "An interview spot is not guaranteed for every applicant; we will write to you in November.", TypeOther}, // no alert,
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ})
	}
}

// TestClassifyBlindSetJJ: what blind set jj taught besides its alerts. A
// program wanting her is interest; a new position funded is news; a
// program's places filled by the Match, told after it, is her result; a
// date in a quoted calendar line is the program's meeting, not hers; a
// day she already named as her interview is not fixed again by a reply.
func TestClassifyBlindSetJJ(t *testing.T) {
	c := testClassifier(t)
	lk, hv, ng, sb := "hpark@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "rmoss@stbrendans.org"
	cases := []struct{ from, subj, body, typ, date string }{
		{ng, "As we finish", "Our list is done. I can't share positions, but you are someone we very much want at Northgate.", TypePostInterviewInterest, ""},
		{lk, "A note", "The faculty met last week, and you are among the applicants we're most enthusiastic about.", TypePostInterviewInterest, ""},
		{hv, "News", "The health system has funded a fourth fellowship position for July 2027, filled through the match like the others.", TypeProgramUpdate, ""},
		{sb, "After the Match", "Now that Match Day has passed, I wanted to write. Our positions filled in the Match, so we won't be working together this year.", TypeMatchResult, ""},
		{hv, "Your interview on December 3", "Your interview is confirmed; the start moves to 9:00. The calendar line \"faculty ranking meeting, Dec 18.\" That is our own meeting after the last interview day.", TypeInterviewConfirmation, "2026-12-03"},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, InterviewDate: k.date}, "date")
	}
	m := msg(ng, "Re: visa", "We sponsor both J-1 and H-1B visas for categorical residents, so that is no obstacle. I look forward to meeting you on the 10th.")
	m.Quoted = "Dear Dr. Chen,\nBefore my interview on December 10, I wanted to ask whether the track sponsors H-1B visas.\nAmina"
	m.Subject = "Re: visa sponsorship"
	if got := c.Classify(m); got.Type == TypeInterviewConfirmation && containsEvidence(got.Evidence, "fixed in a reply") {
		t.Errorf("a day she already named as her interview was taken as fixed by the reply: %v", got.Evidence)
	}
}

func containsEvidence(ev []string, s string) bool {
	for _, e := range ev {
		if strings.Contains(e, s) {
			return true
		}
	}
	return false
}
