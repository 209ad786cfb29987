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
