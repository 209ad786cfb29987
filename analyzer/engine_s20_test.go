package analyzer

import (
	"testing"
	"time"
)

// TestSession20Outgoing: session 20's blind sets ie–ih, in other words.
// A promise to send the program what it needs is about paperwork, not
// about her list; a promise that does name her list still binds.
func TestSession20Outgoing(t *testing.T) {
	e := testEngine(t)
	at := time.Date(2026, 12, 2, 15, 0, 0, 0, time.UTC)
	cases := []struct{ to, subj, body, want string }{
		{"imresidency@northgate-health.org", "Thank you", "Dear Mr. Alvarez,\n\nI promise to forward the updated visa paperwork the program asked for by Friday.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Thank you", "Dear Mr. Alvarez,\n\nI have promised to email my corrected transcript to the program office this week.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Thank you", "Dear Mr. Alvarez,\n\nI promise to put the program at the very top of my rank list.\n\nAmina",
			"binding-commitment,top-choice"},
	}
	for _, c := range cases {
		wantRules(t, e, outDraft(c.to, c.subj, c.body), at, c.want)
	}
}
