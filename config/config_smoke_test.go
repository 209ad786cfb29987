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
