package main

import (
	"fmt"
	"io"
)

// runTimeline is not built yet; its owner replaces this file.
func runTimeline(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "matchguard timeline: not built yet")
	return 2
}
