package analyzer

import (
	"strings"
	"testing"
)

// TestClassifySeveralProgramsAlike: a service's notice naming several
// programs alike belongs to none of them.
func TestClassifySeveralProgramsAlike(t *testing.T) {
	c := testClassifier(t)
	got := c.Classify(msg("MyERAS <myeras@aamc.org>", "Documents delivered",
		"Your documents were delivered to Harbor Valley Health, Northgate Regional Hospital and Meridian State University."))
	if got.Program != "" || got.Type != TypeOther {
		t.Errorf("got %s/%q, want other with no program\n   %s", got.Type, got.Program, strings.Join(got.Evidence, "\n   "))
	}
}

// TestClassifyNoreplyNamesProgram: automatic mail from an unlisted service
// speaks for the program it names in full; a short alias alone is not
// enough, and a notice of no season names none.
func TestClassifyNoreplyNamesProgram(t *testing.T) {
	c := testClassifier(t)
	cases := []struct{ from, subj, body, prog string }{
		{"notifications@apply-portal.example", "Waitlist notice", "Northgate Regional Hospital has placed you on the interview waitlist for its residency.", "northgate"},
		{"no-reply@apply-portal.example", "Waitlist notice", "Northgate has placed you on the interview waitlist.", ""},
		{"noreply@rides.example", "Your trip receipt", "Your ride to Northgate Regional Hospital cost $14.20.", ""},
	}
	for _, k := range cases {
		got := c.Classify(msg(k.from, k.subj, k.body))
		if got.Program != k.prog {
			t.Errorf("%.60q: program %q, want %q\n   %s", k.body, got.Program, k.prog, strings.Join(got.Evidence, "\n   "))
		}
	}
}

func TestContactNamed(t *testing.T) {
	c := testClassifier(t)
	for _, tt := range []struct{ name, want string }{
		{"Sam Okafor", "harbor-valley"},
		{"Samuel Okafor", "harbor-valley"},
		{`"Dr. Samuel Okafor"`, ""}, // a title first: not a first name
		{"Sa Okafor", "harbor-valley"},
		{"Tom Okafor", ""}, // another first name
		{"Okafor", ""},     // a surname alone
		{"Helen Park", "lakeside"},
		{"Amina Rahman", ""},
	} {
		got := ""
		if p := c.contactNamed(tt.name); p != nil {
			got = p.Key
		}
		if got != tt.want {
			t.Errorf("contactNamed(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestClassifyIsThisAProgram (blind set xv, in other words): a program's
// people from their own mailboxes, a social network naming them, a
// program's bulletin, an offer made off the record, a hope that asks
// nothing.
func TestClassifyIsThisAProgram(t *testing.T) {
	c := testClassifier(t)
	for _, k := range []struct{ from, subj, body, typ, prog string }{
		{"Ruth Ames <ruth.ames.md@gmail.com>", "hello from Ruth", "Hi Amina,\n\nRuth Ames here, one of the interviewers you spoke with at Northgate last week. Sending this from my home email over the weekend.\n\nWould you tell me whether Northgate sits at the top of your list?\n\nRuth", TypeRankSolicitation, "northgate"},
		{"LinkHub <notify@linkhub-mail.example>", "You appeared in 5 searches", "Amina, Laura Chen, Program Director at Northgate Regional Hospital, viewed your profile this week.\n\nSee who else is looking with LinkHub Premium.", TypeOther, ""},
		{"imresidency@northgate-health.org", "Northgate IM News - winter issue", "In this issue:\n\nThe hospital foundation will fund a third informatics track position from July.\n\nOur chief residents share their favourite lunch spots.", TypeProgramUpdate, "northgate"},
		{"Laura Chen <laura.chen.home@gmail.com>", "just between us", "Amina,\n\nIf you tell me tonight that you're joining us, I'll keep the spot for you. You would only need to let the match know you're withdrawing.\n\nLaura", TypePreMatchOffer, "northgate"},
		{"lchen@northgate-health.org", "Re: thank you", "Dear Amina,\n\nThank you for your note. We very much hope Northgate stays near the top of yours. It would be a joy to train you.\n\nLaura Chen", TypePostInterviewInterest, "northgate"},
	} {
		got := c.Classify(msg(k.from, k.subj, k.body))
		if got.Type != k.typ || got.Program != k.prog {
			t.Errorf("%q: got %s/%q, want %s/%q\n   %s", k.body, got.Type, got.Program, k.typ, k.prog, strings.Join(got.Evidence, "\n   "))
		}
	}
}
