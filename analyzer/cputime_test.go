//go:build unix

package analyzer

import (
	"syscall"
	"testing"
	"time"
)

// reportCPU adds cpu-ns/op, the process's CPU time per operation, which
// stays meaningful on a loaded machine where ns/op does not.
// Use as defer reportCPU(b)().
func reportCPU(b *testing.B) func() {
	start := processCPU()
	return func() {
		if b.N > 0 && start > 0 {
			b.ReportMetric(float64(processCPU()-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
