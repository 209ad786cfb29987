package config

import "testing"

func TestLoadCorpusConfig(t *testing.T) {
	c, err := Load("../testdata/mail/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	if got := len(c.Programs); got != 5 {
		t.Fatalf("programs = %d, want 5", got)
	}
	if p := c.ProgramFor("Dr Park <HPark@Lakeside-Med.org>"); p == nil || p.Key != "lakeside" {
		t.Errorf("ProgramFor(hpark) = %v, want lakeside", p)
	}
	if p := c.ProgramFor("someone@mail.harborvalley.edu"); p == nil || p.Key != "harbor-valley" {
		t.Errorf("ProgramFor(subdomain) = %v, want harbor-valley", p)
	}
	d, m, ok := c.RankDeadline("lakeside")
	if !ok || m != "amia" || d.String() != "2026-12-03" {
		t.Errorf("RankDeadline(lakeside) = %v %q %v", d, m, ok)
	}
	d, _, _ = c.RankDeadline("northgate")
	if d.String() != "2027-03-03" {
		t.Errorf("RankDeadline(northgate) = %v, want 2027-03-03", d)
	}
}

// TestHasContact: a contact's own address, in any case and in a "Name
// <addr>" form, is the program's contact; another address at its domain
// is not.
func TestHasContact(t *testing.T) {
	c, err := Load("../testdata/mail/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	p := c.Program("lakeside")
	for _, tt := range []struct {
		addr string
		want bool
	}{
		{"hpark@lakeside-med.org", true},
		{"Dr Park <HPark@Lakeside-Med.org>", true},
		{"jsmith@lakeside-med.org", false},
		{"hpark@harborvalley.edu", false},
		{"", false},
	} {
		if got := p.HasContact(tt.addr); got != tt.want {
			t.Errorf("HasContact(%q) = %v, want %v", tt.addr, got, tt.want)
		}
	}
}
