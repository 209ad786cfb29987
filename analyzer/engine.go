package analyzer

import (
	"time"

	"github.com/matchguard/matchguard/config"
)

// Input is one outgoing message to judge.
type Input struct {
	Msg *Message
	// Now is the time the message is judged at (its Date header, or the
	// time of the send).
	Now time.Time
	// Rcpts are the envelope recipients (SMTP RCPT TO); nil means the
	// message's To, Cc and Bcc.
	Rcpts []string
}

// Engine judges outgoing messages. It is built once and safe for
// concurrent use.
type Engine struct {
	cfg *config.Config
}

// NewEngine builds the engine from the built-in rules, the user's rule
// files in cfg.Rules.Dir and the actions in cfg.Rules.Actions.
func NewEngine(cfg *config.Config) (*Engine, error) {
	return &Engine{cfg: cfg}, nil
}

// Check judges in. h may be nil (no history: history rules are skipped).
// The error is only ever History's.
func (e *Engine) Check(in Input, h History) (Result, error) {
	return Result{Verdict: Pass}, nil // TODO(engine): rules land with issue 2
}
