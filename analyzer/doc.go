// Package analyzer is matchguard's judgment: it reads a message into the
// author's own new words (message.go, text.go), judges an outgoing draft
// against the rules of pre-match communication (engine.go, rules*.go), and
// classifies an incoming program message (classify*.go).
//
// The package is pure: it does no I/O and never reads the clock. Time is
// passed in, and what a rule needs to know about earlier sends it asks
// through the History interface, which the timeline package implements.
package analyzer
