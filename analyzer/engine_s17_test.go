package analyzer

import (
	"testing"
	"time"
)

// TestSession17Outgoing: session 17's blind sets ot, ov and ow, in other
// words. Her seat in a program's class declared settled is a promise; a
// wish to know where she stands, or whether her name has found a place on
// the list, asks it; so does asking whether to keep her other applications
// alive; telling the program where she stands, followed by a condition,
// asks nothing; another program's person who shared a session with her is
// a third party.
func TestSession17Outgoing(t *testing.T) {
	e := testEngine(t)
	at := time.Date(2026, 12, 18, 15, 0, 0, 0, time.UTC)
	cases := []struct{ to, subj, body, want string }{
		{"rmoss@stbrendans.org", "July", "Dear Dr. Moss,\n\nYou may regard my seat in the pathway's incoming class as secured on my side; March will only make it official.\n\nAmina",
			"binding-commitment"},
		{"rmoss@stbrendans.org", "July", "Dear Dr. Moss,\n\nYou may regard my paperwork for the pathway as complete on my side; the last reference arrived yesterday.\n\nAmina",
			""},
		{"lchen@northgate-health.org", "Winter", "Dear Dr. Chen,\n\nHearing, however briefly, where I stand with Northgate would give me real comfort through January.\n\nAmina",
			"rank-solicitation"},
		{"lchen@northgate-health.org", "Winter", "Dear Dr. Chen,\n\nI would like you to know where I stand on the readmissions project: the data pull is finished and the model is training.\n\nAmina",
			""},
		{"lchen@northgate-health.org", "Winter", "Dear Dr. Chen,\n\nMay I ask whether my name has earned a spot upon the committee's list?\n\nAmina",
			"rank-solicitation"},
		{"imresidency@northgate-health.org", "A question", "Hi Diego,\n\nIs there any sense whether I should leave my remaining applications open, or am I in a comfortable place on Dr. Chen's rank list?\n\nAmina",
			"rank-solicitation"},
		{"jfeld@meridian.edu", "Plans", "Dear Dr. Feld,\n\nI'd like you to know where I stand, plainly: if Meridian ranks me, I will come.\n\nAmina",
			"binding-commitment"},
		{"lchen@northgate-health.org", "Update", "Dear Dr. Chen,\n\nA brief update on our poster. Dr. Park of Lakeside co-presented with me at the regional meeting, and she spoke warmly of your readmissions group.\n\nAmina",
			""},
	}
	for _, c := range cases {
		wantRules(t, e, outDraft(c.to, c.subj, c.body), at, c.want)
	}
}
