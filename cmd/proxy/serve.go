package main

import (
	"fmt"
	"io"
)

// runServe is not built yet; its owner replaces this file.
func runServe(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "matchguard serve: not built yet")
	return 2
}
