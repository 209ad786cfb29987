package analyzer

import (
	"testing"
)

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
