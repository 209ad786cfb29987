package smtp

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"time"

	"github.com/matchguard/matchguard/analyzer"
)

// Review statuses, as SPEC.md names them.
const (
	StatusHeld       = "held"
	StatusBlocked    = "blocked"
	StatusApproved   = "approved"
	StatusOverridden = "overridden"
	StatusSent       = "sent"
	StatusDropped    = "dropped"
)

// Review is a message the proxy refused (held or blocked) or relayed with
// notes (warn, status sent). It carries what a person needs to decide, and
// never a credential.
type Review struct {
	ID          string
	Status      string
	At          time.Time
	From        string
	To          []string // envelope recipients
	Subject     string
	MessageID   string
	Program     string   // first program among the recipients
	Programs    []string // every program among the recipients
	Verdict     analyzer.Verdict
	Rules       []string
	Findings    []analyzer.Finding
	Fingerprint string
	// Why is the typed justification of an override.
	Why string
	// Own is the judged text (the findings' offsets point into it).
	Own string
	// Raw is the message as submitted, for a held or blocked message only,
	// so the review page can show it.
	Raw []byte
}

// Event is one line of the timeline: for the proxy, a relayed program
// message (direction "out", type = the verdict it was sent under: pass,
// warn, approved or overridden).
type Event struct {
	At        time.Time
	Program   string
	Direction string
	Type      string
	Subject   string
	MessageID string
}

// Store is what the proxy needs from the timeline. The timeline package
// implements it on SQLite; tests use a map.
type Store interface {
	// History answers the engine's history questions.
	analyzer.History
	// RecordSend adds a relayed message to the ledger. Called only after
	// the upstream accepted the message.
	RecordSend(analyzer.Sent) error
	// AddEvent adds a timeline event.
	AddEvent(Event) error
	// AddReview stores r and returns its id.
	AddReview(r *Review) (id string, err error)
	// TakeApproval returns the approved or overridden review whose
	// fingerprint is fp and marks it used, or nil when there is none.
	TakeApproval(fp string) (*Review, error)
	// ReturnApproval undoes TakeApproval for a send that did not happen
	// (the upstream refused it, or the approval no longer covers the
	// message's verdict), so the next identical send is let through.
	ReturnApproval(r *Review) error
}

// Checker judges outgoing messages; *analyzer.Engine is one.
type Checker interface {
	Check(in analyzer.Input, h analyzer.History) (analyzer.Result, error)
}

// FallbackFingerprint identifies a message by what a person would call "the
// same message": the envelope recipients, the subject, the text and the
// attachments' content, but not Message-ID, Date or MIME boundaries. The
// proxy uses analyzer.Fingerprint when it is wired in Options.
func FallbackFingerprint(m *analyzer.Message, rcpts []string) string {
	h := sha256.New()
	rs := make([]string, 0, len(rcpts))
	for _, r := range rcpts {
		rs = append(rs, strings.ToLower(strings.TrimSpace(r)))
	}
	sort.Strings(rs)
	w := func(s string) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	w(strings.Join(rs, ","))
	w(strings.Join(strings.Fields(m.Subject), " "))
	w(strings.Join(strings.Fields(m.Text), " "))
	as := make([]string, 0, len(m.Attachments))
	for _, a := range m.Attachments {
		as = append(as, a.SHA256)
	}
	sort.Strings(as)
	w(strings.Join(as, ","))
	return hex.EncodeToString(h.Sum(nil))
}
