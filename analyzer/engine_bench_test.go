package analyzer

import (
	"strings"
	"testing"
)

// typicalDraft is a 3 KB multipart/alternative thank-you with an update:
// the common case the proxy sees.
func typicalDraft() []byte {
	body := `Dear Dr. Park,

Thank you for taking the time to speak with me on November 12 about the Clinical Informatics
fellowship at Lakeside University Medical Center. I especially appreciated our discussion about
your team's work on integrating clinical decision support into the sepsis pathway and evaluating
its impact on ICU outcomes, and the fellows' candid account of which alerts they retired.

As an international medical graduate with experience implementing EHR order sets in Dhaka and now
working as a research fellow in health informatics, I am excited about the opportunity to
contribute to rigorous, data-driven projects while expanding my skills in enterprise health IT.
Our conversation reinforced my belief that Lakeside would be an excellent environment for my
growth as an informatician. I also valued meeting the current fellows at lunch; hearing how they
split their week between the operational informatics team and their own research projects gave me
a clear picture of the training.

Since our interview, our manuscript on alert fatigue in medication ordering was accepted in
Applied Clinical Informatics; it builds on the override analysis I described during the day.

Thank you again for your time and consideration.

Sincerely,
Amina Rahman, MD
`
	html := "<html><body>" + strings.ReplaceAll("<p>"+strings.ReplaceAll(body, "\n\n", "</p><p>")+"</p>", "\n", " ") + "</body></html>"
	return []byte("From: Amina Rahman <amina.rahman@example.org>\r\nTo: Helen Park <hpark@lakeside-med.org>\r\n" +
		"Subject: Thank you - Clinical Informatics interview on November 12\r\nDate: Fri, 13 Nov 2026 18:00:00 -0500\r\n" +
		"Message-ID: <bench@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n" +
		"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + strings.ReplaceAll(body, "\n", "\r\n") +
		"\r\n--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n--b1--\r\n")
}

// BenchmarkCheckDraft is the whole per-message cost: parse and judge.
func BenchmarkCheckDraft(b *testing.B) { benchParseAndCheck(b, typicalDraft()) }

// benchParseAndCheck parses and judges raw once per op.
func benchParseAndCheck(b *testing.B, raw []byte) {
	e := testEngine(b)
	b.SetBytes(int64(len(raw)))
	defer reportCPU(b)()
	b.ReportAllocs()
	for b.Loop() {
		m := Parse(raw)
		if _, err := e.Check(Input{Msg: m, Now: m.Date}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckOnly is the engine alone on a parsed draft.
func BenchmarkCheckOnly(b *testing.B) {
	e := testEngine(b)
	m := Parse(typicalDraft())
	defer reportCPU(b)()
	for b.Loop() {
		if _, err := e.Check(Input{Msg: m, Now: m.Date}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewEngine is the cost of building the rule engine.
func BenchmarkNewEngine(b *testing.B) {
	cfg := corpusConfig(b)
	defer reportCPU(b)()
	for b.Loop() {
		if _, err := NewEngine(cfg); err != nil {
			b.Fatal(err)
		}
	}
}

func TestTypicalDraftIsThreeKB(t *testing.T) {
	if n := len(typicalDraft()); n < 2800 || n > 3600 {
		t.Errorf("typical draft is %d bytes, want about 3 KB", n)
	}
}

// longLetter is scripts/benchsmtp's 5 KB message: a thank-you whose middle
// sentence is repeated until the letter is 5 KB. Thirty equal sentences
// are a worst case for checks that look at each sentence against the rest
// of the letter.
func longLetter() []byte {
	var b strings.Builder
	b.WriteString("From: Amina Rahman <amina.rahman@example.org>\r\nTo: Helen Park <hpark@lakeside-med.org>\r\n" +
		"Subject: Thank you - Clinical Informatics interview\r\nDate: Thu, 12 Nov 2026 19:40:00 -0500\r\n" +
		"Message-ID: <bench@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
		"Dear Dr. Park,\r\n\r\nThank you for taking the time to speak with me today about the fellowship. " +
		"I especially appreciated our discussion of how your team measured the effect of the sepsis pathway.\r\n\r\n")
	for b.Len() < 5<<10-40 {
		b.WriteString("Our conversation reinforced my belief that Lakeside would be an excellent environment for my growth as an informatician, and I enjoyed meeting the fellows.\r\n")
	}
	b.WriteString("\r\nSincerely,\r\nAmina Rahman\r\n")
	return []byte(b.String())
}

// BenchmarkCheckLongLetter is the proxy benchmark's message, parsed and
// judged.
func BenchmarkCheckLongLetter(b *testing.B) { benchParseAndCheck(b, longLetter()) }
