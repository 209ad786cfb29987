package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseErrorsNameFileLineKey(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		key, msg  string
	}{
		{"unknown table", "[applicant]\nname = \"A\"\n\n[bogus]\nx = 1\n", 4, "bogus", "unknown key"},
		{"unknown key in program", "[[program]]\nkey = \"a\"\nname = \"A\"\ndomain = [\"a.org\"]\n", 4, "program.domain", "unknown key"},
		{"unknown key in second contact", "[[program]]\nkey = \"a\"\nname = \"A\"\n  [[program.contact]]\n  name = \"X\"\n  [[program.contact]]\n  emial = \"y@a.org\"\n", 7, "program.contact.emial", "unknown key"},
		{"wrong type", "[season]\nrank_deadline = \"soon\"\n", 2, "", "2026-12-03"},
		// BurntSushi/toml reports an unclosed header where it meets the newline.
		{"syntax", "[applicant\nname = 1\n", 2, "", "end table name"},
		{"bad security", "[smtp.upstream]\naddress = \"smtp.example.org:587\"\nsecurity = \"ssl\"\n", 3, "smtp.upstream.security", "want one of"},
		{"plaintext to remote", "[imap]\naddress = \"imap.example.org:143\"\nsecurity = \"none\"\n", 3, "imap.security", "loopback"},
		{"duplicate program key", "[[program]]\nkey = \"a\"\nname = \"A\"\n[[program]]\nkey = \"a\"\nname = \"B\"\n", 5, "program.key", "unique"},
		{"undefined match", "[[program]]\nkey = \"a\"\nname = \"A\"\nmatch = \"amia\"\n", 4, "program.match", "[matches.amia]"},
		{"bad contact email", "[[program]]\nkey = \"a\"\nname = \"A\"\n  [[program.contact]]\n  email = \"not-an-address\"\n", 5, "program.contact.email", "not an address"},
		{"bad action", "[rules.actions]\ntop-choice = \"nag\"\n", 2, "rules.actions.top-choice", "block, hold, warn or off"},
		{"listen not host:port", "[web]\nlisten = \"8025\"\n", 2, "web.listen", "host:port"},
		{"program without key", "[[program]]\nname = \"A\"\n", 1, "program", "no key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.toml", []byte(tt.src))
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want *config.Error", err)
			}
			if ce.File != "c.toml" || ce.Line != tt.line {
				t.Errorf("at %s:%d, want c.toml:%d (%v)", ce.File, ce.Line, tt.line, err)
			}
			if tt.key != "" && ce.Key != tt.key {
				t.Errorf("key = %q, want %q", ce.Key, tt.key)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("message %q lacks %q", err.Error(), tt.msg)
			}
		})
	}
}

func TestDefaultsAndSpecExample(t *testing.T) {
	src := `
[applicant]
name = "Amina Rahman"
emails = ["amina@example.org"]

[season]
rank_deadline = 2027-03-03

[matches.amia]
rank_deadline = 2026-12-03

[[program]]
key = "lakeside"
name = "Clinical Informatics Fellowship"
institution = "Lakeside University Medical Center"
aliases = ["Lakeside", "LUMC"]
domains = ["lakeside-med.org"]
interview = 2026-11-12
match = "amia"
  [[program.contact]]
  name = "Helen Park"
  email = "hpark@lakeside-med.org"
  role = "program director"

[smtp]
listen = "127.0.0.1:1587"
[smtp.upstream]
address = "smtp.example.org:587"
security = "starttls"

[imap]
address = "imap.example.org:993"
security = "tls"
username = "amina@example.org"
password_cmd = "pass show mail"

[web]
listen = "127.0.0.1:8025"
`
	c, err := Parse("spec.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Programs[0].Interview.String(); got != "2026-11-12" {
		t.Errorf("interview = %q", got)
	}
	if got := c.IMAP.Mailboxes; len(got) != 1 || got[0] != "INBOX" {
		t.Errorf("mailboxes default = %v, want [INBOX]", got)
	}
	if c.SMTP.MaxMessageBytes != DefaultMaxMessageBytes || c.SMTP.Auth != "upstream" || c.IMAP.Tagging != "auto" {
		t.Errorf("defaults: %+v %+v", c.SMTP, c.IMAP)
	}
	if !c.IsApplicant("Amina <AMINA@example.org>") || c.IsApplicant("x@example.org") {
		t.Error("IsApplicant")
	}
	for addr, want := range map[string]string{
		"hpark@lakeside-med.org":        "lakeside",
		"someone@mail.lakeside-med.org": "lakeside",
		"x@notlakeside-med.org":         "",
		"x@lakeside-med.org.evil.com":   "",
		"":                              "",
	} {
		got := ""
		if p := c.ProgramFor(addr); p != nil {
			got = p.Key
		}
		if got != want {
			t.Errorf("ProgramFor(%q) = %q, want %q", addr, got, want)
		}
	}
}

func TestLoadDefaultWithoutFile(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if _, err := LoadDefault(""); !errors.Is(err, ErrNotFound) {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
	if _, err := LoadDefault(filepath.Join(t.TempDir(), "nope.toml")); err == nil || errors.Is(err, ErrNotFound) {
		t.Errorf("explicit missing file: err = %v, want a real error", err)
	}
}

func TestSecrets(t *testing.T) {
	t.Setenv("MG_TEST_PW", "s3cret")
	if got, err := (Secret{PasswordEnv: "MG_TEST_PW"}).Password(t.Context()); err != nil || got != "s3cret" {
		t.Errorf("env: %q %v", got, err)
	}
	if got, err := (Secret{PasswordCmd: "printf 'pw1\\nignored'"}).Password(t.Context()); err != nil || got != "pw1" {
		t.Errorf("cmd: %q %v", got, err)
	}
	if _, err := (Secret{PasswordCmd: "exit 3"}).Password(t.Context()); err == nil {
		t.Error("failing cmd: no error")
	}
	if _, err := (Secret{PasswordEnv: "MG_TEST_UNSET_VAR"}).Password(t.Context()); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("unset env: %v", err)
	}
	if _, err := (Secret{}).Password(t.Context()); !errors.Is(err, ErrNoSecret) {
		t.Errorf("none: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	if b, err := os.ReadFile("../testdata/mail/config.toml"); err == nil {
		f.Add(b)
	}
	f.Add([]byte("[[program]]\nkey=\"a\"\nname=\"b\"\n[[program.contact]]\nemail=\"x@y.z\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		c, err := Parse("f.toml", src)
		if err == nil && c == nil {
			t.Fatal("nil config without error")
		}
		var ce *Error
		if err != nil && !errors.As(err, &ce) {
			t.Fatalf("error is not *config.Error: %v", err)
		}
	})
}

func TestProgramOwnsHost(t *testing.T) {
	p := &Program{Domains: []string{"Harborvalley.EDU."}}
	for _, tt := range []struct {
		host string
		want bool
	}{
		{"harborvalley.edu", true},
		{"med.harborvalley.edu", true},
		{"harborvalley.edu.example", false},
		{"notharborvalley.edu", false},
		{"harborvaliey.edu", false},
	} {
		if got := p.OwnsHost(tt.host); got != tt.want {
			t.Errorf("OwnsHost(%q) = %v, want %v", tt.host, got, tt.want)
		}
	}
}
