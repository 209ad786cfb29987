package analyzer

import (
	"testing"
	"time"
)

func TestFileNamesProgram(t *testing.T) {
	cfg := corpusConfig(t)
	tests := []struct {
		file, prog string
		want       bool
	}{
		{"Rahman_Amina_CV_HarborValley.pdf", "harbor-valley", true},
		{"harbor-valley-cover-letter.docx", "harbor-valley", true},
		{"Personal Statement - Harbor Valley Health.pdf", "harbor-valley", true},
		{"StBrendans_CV_2026.pdf", "st-brendan", true},
		{"CV (Northgate).pdf", "northgate", true},
		// no application document: a poster from the place's symposium
		{"Poster_HarborValley_Symposium.pdf", "harbor-valley", false},
		// another program's name
		{"Rahman_CV_Lakeside.pdf", "harbor-valley", false},
		// the name must be whole words: "Northgateway" is not Northgate
		{"Northgateway_letter.pdf", "northgate", false},
		{"cv.pdf", "lakeside", false},
	}
	for _, tt := range tests {
		p := cfg.Program(tt.prog)
		if p == nil {
			t.Fatalf("no program %q in the corpus config", tt.prog)
		}
		if got := fileNamesProgram(tt.file, p); got != tt.want {
			t.Errorf("fileNamesProgram(%q, %s) = %v, want %v", tt.file, tt.prog, got, tt.want)
		}
	}
}

// TestWrongProgramAttachment: a CV named for Harbor Valley, sent to
// Lakeside, is the wrong program's; named for Lakeside it is not.
func TestWrongProgramAttachment(t *testing.T) {
	e := testEngine(t)
	for _, tt := range []struct {
		file string
		want bool
	}{
		{"Rahman_CV_HarborValley.pdf", true},
		{"Rahman_CV_Lakeside.pdf", false},
	} {
		m := &Message{Own: "Here is the updated CV you asked for.", Text: "Here is the updated CV you asked for.",
			Subject:     "Re: Updated CV",
			To:          []Address{{Addr: "hpark@lakeside-med.org"}},
			Attachments: []Attachment{{Filename: tt.file, ContentType: "application/pdf", Size: 2000}}}
		res, err := e.Check(Input{Msg: m, Now: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)}, &memHistory{})
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, f := range res.Findings {
			if f.Rule == "wrong-program" {
				got = true
				if f.Field != "attachments" || f.Excerpt != tt.file {
					t.Errorf("%s: finding at %q %q, want the file name in attachments", tt.file, f.Field, f.Excerpt)
				}
			}
		}
		if got != tt.want {
			t.Errorf("%s to Lakeside: wrong-program %v, want %v (findings %+v)", tt.file, got, tt.want, res.Findings)
		}
	}
}
