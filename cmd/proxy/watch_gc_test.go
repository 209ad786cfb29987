package main

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestCatchUpGC(t *testing.T) {
	restore := func() {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	}
	restore()
	t.Cleanup(restore)

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	catchUpGC()
	if got := debug.SetGCPercent(100); got != 400 {
		t.Errorf("GC percent after catchUpGC = %d, want 400", got)
	}
	if got := debug.SetMemoryLimit(-1); got != 256<<20 {
		t.Errorf("memory limit after catchUpGC = %d, want %d", got, 256<<20)
	}

	restore()
	t.Setenv("GOGC", "150")
	catchUpGC()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set, GC percent = %d, want it left alone (100)", got)
	}
}
