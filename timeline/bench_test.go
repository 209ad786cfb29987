package timeline

import (
	"fmt"
	"testing"
	"time"

	"github.com/matchguard/matchguard/analyzer"
)

// fillLedger records n sends of distinct generated text (100 words each)
// to 40 programs, an hour apart, and one interview invite per program. The
// facts are spread as the rules keep them in a real season: top choice
// claimed (three times) for one program only, two updates per program, a
// thank-you after every eleventh send. The ledger's size, not the number
// of matching sends, is what the benchmark varies: History answers grow
// with the latter by their nature (Updates returns every update).
func fillLedger(b *testing.B, s *Store, n int) {
	b.Helper()
	g := newTextGen(42)
	for i := range n {
		prog := fmt.Sprintf("program%02d", i%40)
		at := t0.Add(-time.Duration(n-i) * time.Hour)
		sn := send(at, prog, fmt.Sprintf("message %d", i), g.text(100),
			analyzer.Facts{TopChoice: i%40 == 7 && i < 120, Update: i < 80, ThankYou: i%11 == 0})
		if _, err := s.RecordSend(sn); err != nil {
			b.Fatal(err)
		}
		if i < 40 {
			s.AddEvent(Event{At: at, Program: prog, Direction: DirIn, Type: analyzer.TypeInterviewInvite,
				MessageID: fmt.Sprintf("<inv%d@x>", i), InterviewDate: "2026-12-03"})
		}
	}
}

// BenchmarkSimilarSends measures a near-duplicate lookup, and the whole
// History query set one check makes, on an empty ledger and on one of
// 10,000 sends. The band index keeps the two within a small factor.
func BenchmarkSimilarSends(b *testing.B) {
	for _, n := range []int{0, 10000} {
		s, err := Open(":memory:")
		if err != nil {
			b.Fatal(err)
		}
		fillLedger(b, s, n)
		// A new draft: fresh text, not in the ledger.
		sk := analyzer.NewSketch(newTextGen(7).text(100))
		b.Run(fmt.Sprintf("sends=%d/similar", n), func(b *testing.B) {
			defer reportCPU(b)()
			for b.Loop() {
				if _, err := s.SimilarSends(sk, "program00", 0.5, t0); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("sends=%d/check", n), func(b *testing.B) {
			var h analyzer.History = s
			defer reportCPU(b)()
			for b.Loop() {
				if _, err := h.TopChoicePrograms(t0); err != nil {
					b.Fatal(err)
				}
				if _, err := h.Updates("program00", t0); err != nil {
					b.Fatal(err)
				}
				if _, err := h.SimilarSends(sk, "program00", 0.5, t0); err != nil {
					b.Fatal(err)
				}
				if _, _, err := h.InterviewDate("program00"); err != nil {
					b.Fatal(err)
				}
			}
		})
		s.Close()
	}
}

// reportCPU adds a cpu-ns/op metric: the process's CPU time per operation,
// which, unlike ns/op, stays meaningful on a loaded machine. Use it as
// defer reportCPU(b)().
func reportCPU(b *testing.B) func() {
	start := processCPU()
	return func() {
		if b.N > 0 && start > 0 {
			b.ReportMetric(float64(processCPU()-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

// BenchmarkSimilarSendsRepeated is the lookup after the same text was sent
// to one program n times (a proxy's speed test sends one message over and
// over): the program's own sends are no candidates, so the lookup should
// not grow with them.
func BenchmarkSimilarSendsRepeated(b *testing.B) {
	text := newTextGen(9).text(120)
	sk := analyzer.NewSketch(text)
	for _, n := range []int{0, 200, 2000} {
		s, err := Open(b.TempDir() + "/r.db")
		if err != nil {
			b.Fatal(err)
		}
		for i := range n {
			if _, err := s.RecordSend(send(t0.Add(-time.Duration(n-i)*time.Minute), "lakeside", "Thanks", text, analyzer.Facts{})); err != nil {
				b.Fatal(err)
			}
		}
		s.RecordSend(send(t0.Add(-time.Hour), "riverside", "Thanks", text, analyzer.Facts{}))
		b.Run(fmt.Sprintf("own=%d", n), func(b *testing.B) {
			defer reportCPU(b)()
			for b.Loop() {
				got, err := s.SimilarSends(sk, "lakeside", 0.5, t0)
				if err != nil || len(got) != 1 {
					b.Fatalf("got %v, %v; want riverside only", got, err)
				}
			}
		})
		s.Close()
	}
}

// BenchmarkRecordSend is what the proxy writes for each message it relays
// to a program: the send (with its sketch's bands and its timeline event)
// and, for a message with notes, a review item; on a file database, as in
// use.
func BenchmarkRecordSend(b *testing.B) {
	s, err := Open(b.TempDir() + "/rec.db")
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	g := newTextGen(11)
	texts := make([]string, 64)
	for i := range texts {
		texts[i] = g.text(150)
	}
	own := g.text(700)
	fs := []analyzer.Finding{{Rule: "late-thank-you", Action: analyzer.Warn, Message: "A thank-you note is best sent within a day or two."}}
	i := 0
	defer reportCPU(b)()
	for b.Loop() {
		at := t0.Add(time.Duration(i) * time.Minute)
		if _, err := s.RecordSend(send(at, fmt.Sprintf("program%02d", i%40), "Thank you", texts[i%len(texts)], analyzer.Facts{})); err != nil {
			b.Fatal(err)
		}
		if _, err := s.AddReview(&Review{Status: StatusSent, At: at, To: []string{"pd@x.org"}, Subject: "Thank you",
			Program: "program00", Verdict: string(analyzer.VerdWarn), Findings: fs, Own: own}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
