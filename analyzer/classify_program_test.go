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
