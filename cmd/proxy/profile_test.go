package main

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

func TestProfiledWritesAProfile(t *testing.T) {
	dir := t.TempDir()
	code := profiled(filepath.Join(dir, "prof.%p"), func() int {
		s := 0
		for i := 0; i < 3e7; i++ {
			s += i % 7
		}
		if s < 0 {
			return 1
		}
		return 3
	})
	if code != 3 {
		t.Errorf("code = %d, want the run's own 3", code)
	}
	fi, err := os.Stat(filepath.Join(dir, "prof."+strconv.Itoa(os.Getpid())))
	if err != nil || fi.Size() == 0 {
		t.Fatalf("no profile written: %v", err)
	}
	// No path: just the run. A path that cannot be created: still the run.
	if got := profiled("", func() int { return 4 }); got != 4 {
		t.Errorf("without a path: %d, want 4", got)
	}
	if got := profiled(filepath.Join(dir, "missing", "p"), func() int { return 5 }); got != 5 {
		t.Errorf("with a bad path: %d, want 5", got)
	}
}
