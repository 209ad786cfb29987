package analyzer

import (
	"testing"
	"time"
)

// TestSession19Outgoing: session 19's blind sets kc–kf, in other words.
// Whether she will be ranked at all, asked outright, is asking how she
// will be ranked; something of value (a grant, a dataset) promised for a
// place on their list is an exchange, and so is the top of her list
// promised for what she has just asked to know; "let me say it plainly"
// is her speaking, not asking, while "let me make a proposal" puts a
// deal to them.
func TestSession19Outgoing(t *testing.T) {
	e := testEngine(t)
	at := time.Date(2026, 12, 2, 15, 0, 0, 0, time.UTC)
	cases := []struct{ to, subj, body, want string }{
		{"imresidency@northgate-health.org", "February", "Dear Diego,\n\nWhen the committee sits down in February, would my file be among the applications that get listed?\n\nAmina",
			"rank-solicitation"},
		{"imresidency@northgate-health.org", "Quick one", "Dear Diego,\n\nShall I be ranked at all, or should I look elsewhere?\n\nAmina",
			"rank-solicitation"},
		{"imresidency@northgate-health.org", "Process", "Dear Diego,\n\nHow are applicants ranked once the interviews finish? I'm curious about the process only.\n\nAmina",
			""},
		{"sokafor@harborvalley.edu", "Funding", "Dear Dr. Okafor,\n\nShould the program place me high enough to match, I will transfer the remaining foundation funding to Harbor Valley's telehealth group.\n\nAmina",
			"quid-pro-quo"},
		{"sokafor@harborvalley.edu", "Funding", "Dear Dr. Okafor,\n\nIf I match at Harbor Valley, the remaining foundation funding can move with me; my mentor has agreed.\n\nAmina",
			""},
		{"lchen@northgate-health.org", "One question", "Dear Dr. Chen,\n\nIs my name within the group you plan to rank to match? If I knew this, Northgate would sit at the head of my list.\n\nAmina",
			"quid-pro-quo,rank-solicitation,top-choice"},
		{"ci-fellowship@lakeside-med.org", "After the interview", "Dear Marcus,\n\nLet me be clear about one thing: if Lakeside offers me a place through the Match, I will be there in July. You have my word.\n\nAmina",
			"binding-commitment"},
	}
	for _, c := range cases {
		wantRules(t, e, outDraft(c.to, c.subj, c.body), at, c.want)
	}
}
