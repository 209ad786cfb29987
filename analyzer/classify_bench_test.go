package analyzer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkClassify measures one classification of a typical program
// message (about 1.5 KB of text). The bar is 5,000 messages a second on
// one core: at most 200 µs an op.
func BenchmarkClassify(b *testing.B) {
	c := testClassifier(b)
	body := strings.Repeat("Thank you for your interest in our Clinical Informatics Fellowship. Our faculty work on clinical decision support, interoperability and population health analytics. ", 4) +
		"We would like to invite you to interview with us. Please select a date for your virtual visit: Tuesday, December 8, Thursday, December 10 or Tuesday, December 15. " +
		"Please respond by November 30. We look forward to meeting you.\n\nBest regards,\nMarcus Webb\nProgram Coordinator, Lakeside University Medical Center"
	msgs := []*Message{
		msg("Thalamus <notifications@thalamusgme.com>", "Interview invitation: Lakeside University Medical Center", body),
		msg("hpark@lakeside-med.org", "Following up", strings.Repeat("We loved meeting you and the whole team was impressed by your work on order sets. ", 10)+"Could you tell us where we are on your rank list?"),
		msg("reservations@skyways.example", "Your flight is confirmed", strings.Repeat("Your booking is confirmed. Baggage allowance and seat details follow. ", 15)),
	}
	b.ReportAllocs()
	defer reportCPU(b)()
	for i := 0; b.Loop(); i++ {
		c.Classify(msgs[i%len(msgs)])
	}
}

// BenchmarkClassifyCorpus classifies every message of our incoming corpus
// (parsed beforehand): one op is one message.
func BenchmarkClassifyCorpus(b *testing.B) {
	files, _ := filepath.Glob("../testdata/mail/in/*.eml")
	if len(files) == 0 {
		b.Skip("no corpus")
	}
	var msgs []*Message
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		msgs = append(msgs, Parse(raw))
	}
	c := testClassifier(b)
	b.ReportAllocs()
	defer reportCPU(b)()
	for i := 0; b.Loop(); i++ {
		c.Classify(msgs[i%len(msgs)])
	}
}

// BenchmarkParseAndClassifyCorpus is the watcher's work per message: read
// the raw message of our incoming corpus and classify it.
func BenchmarkParseAndClassifyCorpus(b *testing.B) {
	files, _ := filepath.Glob("../testdata/mail/in/*.eml")
	if len(files) == 0 {
		b.Fatal("no incoming corpus")
	}
	var raws [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, raw)
	}
	c := testClassifier(b)
	b.ReportAllocs()
	defer reportCPU(b)()
	for i := 0; b.Loop(); i++ {
		c.Classify(Parse(raws[i%len(raws)]))
	}
}
