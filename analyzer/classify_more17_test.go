package analyzer

import (
	"testing"
)

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
