package timeline

import (
	"fmt"
	"testing"
	"time"

	"github.com/matchguard/matchguard/analyzer"
	"github.com/matchguard/matchguard/config"
)

// BenchmarkCheckAgainstLedger is a whole outgoing check — reader, rules and
// every History query — against an empty ledger and one of 10,000 sends.
// The bar: the second at most twice the first.
func BenchmarkCheckAgainstLedger(b *testing.B) {
	cfg, err := config.Load("../testdata/mail/config.toml")
	if err != nil {
		b.Fatal(err)
	}
	eng, err := analyzer.NewEngine(cfg)
	if err != nil {
		b.Fatal(err)
	}
	body := "Dear Dr. Park,\n\nI wanted to share a brief update since our interview: our manuscript on sepsis alert " +
		"fatigue was accepted for publication in Applied Clinical Informatics. " + newTextGen(3).text(250) +
		"\n\nLakeside remains my top choice, and I am grateful for your time.\n\nSincerely,\nAmina Rahman\n"
	raw := []byte("From: amina.rahman@example.org\r\nTo: hpark@lakeside-med.org\r\nSubject: Update\r\n" +
		"Date: Mon, 30 Nov 2026 09:00:00 +0000\r\n\r\n" + body)
	for _, n := range []int{0, 10000} {
		s, err := Open(":memory:")
		if err != nil {
			b.Fatal(err)
		}
		fillLedger(b, s, n)
		b.Run(fmt.Sprintf("sends=%d", n), func(b *testing.B) {
			defer reportCPU(b)()
			for b.Loop() {
				m := analyzer.Parse(raw)
				if _, err := eng.Check(analyzer.Input{Msg: m, Now: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)}, s); err != nil {
					b.Fatal(err)
				}
			}
		})
		s.Close()
	}
}
