package analyzer

import (
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzCheck feeds arbitrary messages through the reader and the engine:
// it must never panic, always give a known verdict, and every finding's
// offsets must lie inside the text they point into.
func FuzzCheck(f *testing.F) {
	files, _ := filepath.Glob("../testdata/mail/out/*.eml")
	if len(files) > 40 {
		files = files[:40]
	}
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("Subject: [Institution]\n\nIf you rank me highly, I'll rank you first. <Program> {{x}} ____"))
	f.Add([]byte("To: hpark@lakeside-med.org\n\n" + string(make([]byte, 300))))
	// texting forms are read written out; findings must still point into her text
	f.Add([]byte("To: hpark@lakeside-med.org\nSubject: ur #1\n\nur my #1 if im yours? thx for thurs, ill be there. u r the best, pls dont wait"))
	e := testEngine(f)
	h := &memHistory{}
	f.Fuzz(func(t *testing.T, raw []byte) {
		m := Parse(raw)
		res, err := e.Check(Input{Msg: m, Now: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}, h)
		if err != nil {
			t.Fatal(err)
		}
		switch res.Verdict {
		case Pass, VerdWarn, VerdHold, VerdBlk:
		default:
			t.Fatalf("verdict %q", res.Verdict)
		}
		for _, fd := range res.Findings {
			text := m.Own
			if fd.Field == "subject" {
				text = m.Subject
			}
			if fd.Start >= 0 && (fd.Start > fd.End || fd.End > len(text)) {
				t.Fatalf("%s: offsets %d..%d outside %d bytes", fd.Rule, fd.Start, fd.End, len(text))
			}
			if !utf8.ValidString(fd.Excerpt) {
				t.Fatalf("%s: excerpt is not UTF-8: %q", fd.Rule, fd.Excerpt)
			}
		}
	})
}
