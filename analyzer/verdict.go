package analyzer

import "time"

// Action is what a rule's finding asks for.
type Action string

// Actions, from mildest to most severe. Off disables a rule.
const (
	Off   Action = "off"
	Warn  Action = "warn"
	Hold  Action = "hold"
	Block Action = "block"
)

func (a Action) rank() int {
	switch a {
	case Warn:
		return 1
	case Hold:
		return 2
	case Block:
		return 3
	}
	return 0
}

// ParseAction accepts block, hold, warn, note (= warn) and off.
func ParseAction(s string) (Action, bool) {
	switch s {
	case "block", "hold", "warn", "off":
		return Action(s), true
	case "note":
		return Warn, true
	}
	return "", false
}

// Verdict is the outcome for a whole message: the most severe action among
// its findings, or pass.
type Verdict string

// Verdicts.
const (
	Pass     Verdict = "pass"
	VerdWarn Verdict = "warn"
	VerdHold Verdict = "hold"
	VerdBlk  Verdict = "block"
)

// Finding is one rule's judgment on one place in a message.
type Finding struct {
	Rule   string `json:"rule"`
	Action Action `json:"action"`
	// Message says what was found and why it matters, in a sentence or two.
	Message string `json:"message"`
	// Excerpt is the offending words as written (may be empty for rules
	// about the message as a whole, such as attachments).
	Excerpt string `json:"excerpt"`
	// Suggestion is a compliant rewrite, where one exists.
	Suggestion string `json:"suggestion,omitempty"`
	// Field is where the excerpt is: "body", "subject", "attachments",
	// "signature", "html" (a slot only in the HTML alternative),
	// "recipients" or "history".
	Field string `json:"field,omitempty"`
	// Start and End are byte offsets of Excerpt in Message.Own (Field
	// "body") or Message.Subject (Field "subject"); both -1 otherwise.
	Start int `json:"-"`
	End   int `json:"-"`
}

// Result is the judgment of one outgoing message.
type Result struct {
	Verdict Verdict
	// Program is the key of the first program among the recipients, ""
	// for mail to no program.
	Program string
	// Programs lists every program among the recipients.
	Programs []string
	Findings []Finding
	// Facts is what the ledger keeps about this message once it is sent.
	Facts Facts
}

// Rules returns the distinct rule ids of the findings, in order.
func (r *Result) Rules() []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range r.Findings {
		if !seen[f.Rule] {
			seen[f.Rule] = true
			out = append(out, f.Rule)
		}
	}
	return out
}

// Facts are the properties of a message that history-dependent rules look
// back at.
type Facts struct {
	TopChoice bool   // claims the program is the applicant's top/first choice
	Update    bool   // an update (new publication, score, award …)
	ThankYou  bool   // a thank-you note
	Sketch    Sketch // MinHash of the own words, for near-duplicates
}

// Sent is one message in the ledger: what the proxy relayed, or what
// `check --record` recorded.
type Sent struct {
	At        time.Time
	Program   string
	MessageID string
	Subject   string
	To        []string
	Verdict   string
	Facts
}

// Similar is an earlier send whose text is a near-duplicate.
type Similar struct {
	Program string
	Subject string
	At      time.Time
	// Score is the estimated Jaccard similarity of the two texts, 0..1.
	Score float64
}

// History is what the history-dependent rules need to know about earlier
// sends. The timeline package implements it on SQLite; tests use a map.
// Every method looks only at sends strictly before the given time.
type History interface {
	// TopChoicePrograms returns the keys of programs that earlier sends
	// called the applicant's top choice.
	TopChoicePrograms(before time.Time) ([]string, error)
	// Updates returns the times of earlier update messages to program.
	Updates(program string, before time.Time) ([]time.Time, error)
	// SimilarSends returns earlier sends to programs other than program
	// whose own words are near-duplicates of sk (estimated similarity at
	// least min).
	SimilarSends(sk Sketch, program string, min float64, before time.Time) ([]Similar, error)
	// InterviewDate returns an interview date for program learned from
	// received mail, when there is one.
	InterviewDate(program string) (time.Time, bool, error)
}
