package main

import (
	"fmt"
	"io"
)

// runReview is not built yet; its owner replaces this file.
func runReview(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "matchguard review: not built yet")
	return 2
}
