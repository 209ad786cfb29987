package main

import (
	"fmt"
	"io"
)

// runWatch is not built yet; its owner replaces this file.
func runWatch(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "matchguard watch: not built yet")
	return 2
}
