package analyzer

import (
	"time"

	"github.com/matchguard/matchguard/config"
)

// Incoming types (SPEC.md).
const (
	TypeInterviewInvite       = "interview-invite"
	TypeInterviewConfirmation = "interview-confirmation"
	TypeInterviewDecline      = "interview-decline"
	TypeWaitlist              = "waitlist"
	TypeEligibilityReply      = "eligibility-reply"
	TypeApplicationRequest    = "application-request"
	TypePostInterviewInterest = "post-interview-interest"
	TypeRankSolicitation      = "rank-solicitation"
	TypePreMatchOffer         = "pre-match-offer"
	TypeProgramUpdate         = "program-update"
	TypeMatchResult           = "match-result"
	TypeOther                 = "other"
)

// IsAlert reports whether a type is an alert: also flagged \Flagged on the
// server and shown at the top of the timeline with the guide's checklist.
func IsAlert(typ string) bool {
	return typ == TypeRankSolicitation || typ == TypePreMatchOffer
}

// Classification is the classifier's judgment of one received message.
type Classification struct {
	Type string `json:"type"`
	// Program is the program's key, "" for non-program mail.
	Program string `json:"program"`
	// InterviewDate is "2006-01-02" when exactly one interview date is
	// fixed by the message, else "".
	InterviewDate string `json:"interview_date"`
	// InterviewAt is the interview's start when a time is known too.
	InterviewAt time.Time `json:"-"`
	// Confidence is 0..1.
	Confidence float64 `json:"confidence"`
	// Evidence says what decided, for people ("subject: 'Interview invitation'", …).
	Evidence []string `json:"evidence,omitempty"`
}

// Classifier classifies received mail. Safe for concurrent use.
type Classifier struct {
	cfg *config.Config
}

// NewClassifier builds the classifier for the programs in cfg.
func NewClassifier(cfg *config.Config) (*Classifier, error) {
	return &Classifier{cfg: cfg}, nil
}

// Classify judges m. It never fails: unreadable mail is "other".
func (c *Classifier) Classify(m *Message) Classification {
	return Classification{Type: TypeOther} // TODO(classifier): issue 4
}
