package analyzer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// readerSeeds returns the reader fixtures and the corpus drafts and
// received mail, for fuzz seeds.
func readerSeeds(t testing.TB) [][]byte {
	var out [][]byte
	for _, pat := range []string{
		filepath.Join("testdata", "reader", "*.eml"),
		filepath.Join("..", "testdata", "mail", "*", "*.eml"),
		filepath.Join("..", "testdata", "mail", "*", "seq", "*", "*.eml"),
	} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, b)
		}
	}
	return out
}

func FuzzParse(f *testing.F) {
	for _, b := range readerSeeds(f) {
		f.Add(b)
	}
	f.Add([]byte(""))
	f.Add([]byte("\r\n\r\n"))
	f.Add([]byte("Content-Type: multipart/mixed; boundary=a\n\n--a\nContent-Type: message/rfc822\n\n--a--"))
	f.Add([]byte("Content-Type: text/html\n\n<blockquote><div class=gmail_quote><a href=x>"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		m := Parse(raw)
		if m.Size != len(raw) {
			t.Fatalf("Size = %d, want %d", m.Size, len(raw))
		}
		for _, s := range []string{m.Subject, m.Text, m.Own, m.Quoted, m.Signature} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in %q", s)
			}
		}
		if strings.Contains(m.Text, "\r") {
			t.Fatalf("CR left in Text %q", m.Text)
		}
		if len(Fingerprint(m, nil)) != 64 {
			t.Fatal("bad fingerprint")
		}
	})
}

func FuzzSplitOwn(f *testing.F) {
	for _, s := range []string{
		"Hi\n\nOn Fri, Nov 20, 2026 at 3:02 PM Helen <h@x.org> wrote:\n> old",
		"Hi\n> a\nb\n> c\n-- \nsig",
		"x\n________________________________\nFrom: a\nSent: b\nTo: c\nSubject: d\n\nold",
		"On 1 Jan\n2026 x@y wrote:\n\nold",
		"Sent from my iPhone",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		own, quoted, sig := SplitOwn(text)
		if own != strings.TrimSpace(own) {
			t.Fatalf("own not trimmed: %q", own)
		}
		// nothing is invented: every own line is a line of the input
		in := map[string]bool{}
		for _, l := range strings.Split(normalizeNewlines(text), "\n") {
			in[strings.TrimRight(l, " \t")] = true
		}
		for _, l := range strings.Split(own, "\n") {
			if l != "" && !in[l] && !in[strings.TrimLeft(l, " \t")] {
				// own's first line may have lost leading blanks to the trim
				found := false
				for k := range in {
					if strings.TrimSpace(k) == strings.TrimSpace(l) {
						found = true
						break
					}
				}
				if !found {
					t.Fatalf("own line %q not in input", l)
				}
			}
		}
		_ = quoted
		_ = sig
	})
}

// FuzzClassify reads any bytes as received mail and classifies them: never
// a panic, always one of the incoming types, a program only from config.
func FuzzClassify(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "mail", "in", "*.eml"))
	for i, p := range files {
		if i%4 != 0 { // a quarter of the corpus: enough shapes, a short baseline
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("From: x@lakeside-med.org\n\nDear Dr. Rahman, 10.12.2026 (Thursday) ranking us first?"))
	c := testClassifier(f)
	types := map[string]bool{}
	for _, t := range []string{TypeInterviewInvite, TypeInterviewConfirmation, TypeInterviewDecline, TypeWaitlist,
		TypeEligibilityReply, TypeApplicationRequest, TypePostInterviewInterest, TypeRankSolicitation,
		TypePreMatchOffer, TypeProgramUpdate, TypeMatchResult, TypeOther} {
		types[t] = true
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		cl := c.Classify(Parse(raw))
		if !types[cl.Type] {
			t.Fatalf("type %q is none of SPEC's", cl.Type)
		}
		if cl.Program != "" && c.cfg.Program(cl.Program) == nil {
			t.Fatalf("program %q is not configured", cl.Program)
		}
	})
}
