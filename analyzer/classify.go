package analyzer

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

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

// Classifier classifies received mail. Safe for concurrent use: it is
// read-only once built.
//
// How it decides (see classify/types.toml for the phrase data):
//  1. the program, from the sender (classify_program.go);
//  2. evidence per type from phrases in the subject and the program's own
//     new words (quoted text of the applicant is never read), with
//     negation ("we are unable to offer you an interview" is no invite);
//  3. logic the phrases cannot express: calendar invitations, how many
//     dates are offered, auto-replies, mailing lists, phishing, and the
//     precedence of the alert types;
//  4. the best score wins; a weak best is "other"; confidence comes from
//     the margin over the runner-up.
type Classifier struct {
	cfg      *config.Config
	rules    *clRules
	programs []clProgram
	herName  []string  // the applicant's name, lower-case words (read-only)
	scratch  sync.Pool // *[2]clScratch: subject and body postings reused between messages
}

// NewClassifier builds the classifier for the programs in cfg (nil: none).
func NewClassifier(cfg *config.Config) (*Classifier, error) {
	if cfg == nil {
		cfg = &config.Config{}
	}
	r, err := loadCLRules()
	if err != nil {
		return nil, fmt.Errorf("classifier data: %w", err)
	}
	c := &Classifier{cfg: cfg, rules: r}
	c.programs = compileCLPrograms(r.vocab, cfg)
	for _, w := range strings.Fields(strings.ToLower(strings.ReplaceAll(cfg.Applicant.Name, "'", ""))) {
		c.herName = append(c.herName, strings.Trim(w, ".,"))
	}
	r.vocab.buildTrie()
	r.vocab.indexNeeds()
	return c, nil
}

// Limits on what is read, so a huge message costs no more than a large one.
const (
	clMaxSubject = 1 << 10
	clMaxBody    = 48 << 10
	clMinScore   = 3.0 // a best score below this is "other"
	clAlertScore = 6.0 // an alert type this strong wins over softer types
)

// sender kinds
const (
	clSenderUnknown = iota
	clSenderProgram
	clSenderPlatform
	clSenderMatch      // a matching service (NRMP, AMIA)
	clSenderDepartment // another part of a program's hospital (patient portal, foundation)
	clSenderHR         // the hospital's HR or careers system: a program's decisions only
)

// Classify judges m. It never fails: unreadable mail is "other".
func (c *Classifier) Classify(m *Message) Classification {
	if m == nil {
		return Classification{Type: TypeOther, Confidence: 1, Evidence: []string{"no message"}}
	}
	var ev []string
	note := func(format string, a ...any) { ev = append(ev, fmt.Sprintf(format, a...)) }

	// The texts: the subject (without Re:/Fwd:) and the program's own words.
	subject, isReply, isFwd := clCleanSubject(m.Subject)
	own := m.Own
	if strings.TrimSpace(own) == "" && strings.TrimSpace(m.Quoted) == "" {
		own = m.Text
	}
	// A forwarded or quoted message written by someone other than the
	// applicant (a coordinator forwarding the director's note; the
	// applicant forwarding a program's mail to herself) is read as the
	// program's words. The applicant's own quoted text never is.
	// (A reply that forwards a message below its new words — "Dr. Okafor
	// asked me to pass along the note below" — forwards it too.)
	fwd := c.forwarded(m, isFwd || clQuotedIsForward(m.Quoted))
	// (The cover note is read only when there is something under it.)
	cover, fwdRead := "", ""
	if fwd.text != "" || m.Quoted != "" {
		cover = strings.ToLower(clTruncate(own, 4096))
	}
	if fwd.text != "" && reDisregardBelow.MatchString(cover) {
		// "A spot opened up, so disregard the waitlist note below": the
		// forwarded message is what the cover note takes back.
		note("the cover note sets the forwarded message aside")
	} else if fwd.text != "" && reFwdContext.MatchString(cover) && len(strings.Fields(cover)) >= 20 {
		// "Good news … we would like to offer you the interview slot on
		// Thursday. For your reference, my earlier mail is below": the
		// cover note is the news; the forwarded mail, its background.
		note("the cover note is the news; the forwarded message is for reference")
		if isFwd {
			subject = "" // the forwarded message's subject
		}
	} else if fwd.text != "" {
		own = own + "\n\n" + fwd.text
		fwdRead = fwd.text
	}
	// "Please see my answers below in blue": the answers stand inside the
	// quoted message, each line marked with the writer's initials ("[DA]
	// Yes – I've moved you to …", "PN: We sponsor both J-1 and H-1B").
	if m.Quoted != "" && mayAnswerInline(cover) && reInlineAnswers.MatchString(cover) {
		if ans := clInlineAnswers(m.Quoted); ans != "" {
			own = own + "\n\n" + ans
			note("answers written inline in the quoted message")
		}
	}
	// A P.S. below the sender's signature is still the sender's words
	// ("-- Diego … P.S. Dr. Chen asked me to check with each applicant:
	// which other IM programs are you still considering?").
	if ps := clPostscript(m.Signature); ps != "" {
		own = own + "\n\n" + ps
	}
	own = clTruncate(own, clMaxBody)
	// The program's day, for "tomorrow" and calendar times: a Date
	// stamped in UTC is read in the US zone the text names.
	date := clLocalDate(m.Date, own)
	var events []clEvent
	for _, ics := range m.Calendars {
		events = append(events, parseCLCalendar(clTruncate(ics, clMaxBody), date)...)
	}
	body := own
	if len(events) > 0 {
		var b strings.Builder
		b.WriteString(own)
		for _, e := range events {
			if e.summary != "" {
				b.WriteString("\n\n")
				b.WriteString(e.summary)
				b.WriteString(".")
			}
		}
		body = b.String()
	}
	// Texting forms read as the words they stand for ("r we ur #1?",
	// "can u commit"), as the outgoing rules read them.
	body, _ = expandTextSpeak(body)
	subject, _ = expandTextSpeak(subject)
	v := c.rules.vocab
	scratch, _ := c.scratch.Get().(*[2]clScratch)
	if scratch == nil {
		scratch = new([2]clScratch)
	}
	defer func() { scratch[0].reset(); scratch[1].reset(); c.scratch.Put(scratch) }()
	subjDoc := tokenizeCL(v, subject, &scratch[0])
	bodyDoc := tokenizeCL(v, body, &scratch[1])
	c.markProgramNames(subjDoc, &scratch[0])
	c.markProgramNames(bodyDoc, &scratch[1])

	// 1. The program.
	prog, kind, phish, lookalike, byName := c.program(m, fwd, subjDoc, bodyDoc, note)

	// 2. Phrase evidence.
	subjW := 1.0
	if isReply {
		subjW = 0.4
	}
	sc := c.rules.score(subjDoc, bodyDoc, subjW)
	clFullCalendar(sc)
	clSeasonOver(sc)
	clWaitlistedNotDeclined(sc, m.Own, note)
	if sc.score["cue:after-match"] > 0 && sc.score[TypePreMatchOffer] > 0 && sc.score["cue:leave-match"] == 0 && sc.score["cue:around-match"] == 0 {
		// "Congratulations again on matching with us! Attached is your
		// resident agreement": the Match has run; nothing is offered
		// outside it. A place offered now ("following Match Day, one of
		// our positions is unfilled, and I would be delighted to offer it
		// to you") is the Match's outcome for her. (Not a place held only
		// if she leaves a Match still to come: "it is yours … you would
		// need to pull out of the NRMP Match", nor one held around
		// SOAP's rounds: "we'll hold one of the categorical spots for you
		// outside the rounds".)
		w := sc.score[TypePreMatchOffer]
		delete(sc.score, TypePreMatchOffer)
		if clHasWord(bodyDoc, "unfilled") || clHasWord(bodyDoc, "vacated") || clHasWord(bodyDoc, "vacancy") || clHasWord(bodyDoc, "available") {
			sc.add(TypeMatchResult, w, "a place offered after the Match has run")
		} else {
			note("after her match: no offer outside the Match")
		}
	}
	// A message opened to a whole group ("Dear Applicants,"), not a reply.
	// (Or one the coordinator forwards to her: "FW: applicant update …
	// Dear 2027 applicants,".)
	groupNote := !isReply && (reGroupGreeting.MatchString(clTruncate(own, 200)) || reGroupGreeting.MatchString(clTruncate(fwdRead, 200)))
	if !groupNote && (sc.score["cue:offer-you"] > 0 || clHasSeq(bodyDoc, "you", "an", "offer") || clHasSeq(bodyDoc, "you", "a", "position")) && clHasWord(bodyDoc, "soap") && sc.score[TypeMatchResult] < 7 && sc.score["cue:around-match"] == 0 {
		// "St. Brendan's has extended you an offer for a PGY-1 position
		// in our Pediatrics Residency (Informatics Pathway) through SOAP":
		// a place offered in Match Week is her Match's outcome. (Not one
		// offered so that she need not wait on SOAP: "If you would rather
		// not wait on SOAP … I could ask HR to issue your appointment
		// letter on Thursday morning"; nor SOAP's ground rules told to
		// all: "Dear applicants, … Nobody from St. Brendan's will offer
		// you a position by phone".)
		sc.add(TypeMatchResult, 7, "a place offered to her through SOAP")
		delete(sc.score, TypePreMatchOffer)
	}
	clOnboarding(sc)
	// A scheduling platform's interview invitation whose note from the
	// program is glad "to be able to offer you a spot" offers the interview
	// spot it announces, not a place outside the Match (unless the words
	// of a place are there: a position, a contract, the Match itself).
	if kind == clSenderPlatform && sc.score[TypeInterviewInvite] >= 4 && sc.score[TypePreMatchOffer] > 0 &&
		!clHasAnyWord(bodyDoc, "position", "positions", "contract", "contracts", "match", "nrmp", "appointment", "outside", "guarantee", "guaranteed") {
		delete(sc.score, TypePreMatchOffer)
		note("a scheduling platform's interview invitation: the spot it offers is the interview's")
	}
	if w := sc.score[TypeEligibilityReply]; w > 0 && groupNote {
		// "Dear Applicants, several of you have asked about visa
		// sponsorship, so we are writing to everyone at once": a policy
		// told to all, not an answer to her question.
		delete(sc.score, TypeEligibilityReply)
		sc.add(TypeProgramUpdate, w, "eligibility told to all applicants at once: news, not an answer to her")
	}
	if w := sc.score[TypeMatchResult]; w > 0 && w < 7 && groupNote {
		// "Dear applicants, with Match Week starting Monday, here is how
		// we will handle it … Dr. Chen will call each incoming resident":
		// the week's plan told to all, no result of hers (a result told
		// to all, "all our positions were filled in the Match", is
		// stronger evidence than this).
		delete(sc.score, TypeMatchResult)
		sc.add(TypeProgramUpdate, w, "the Match's days told to all applicants at once: news, not her result")
	}
	if w := sc.score[TypeEligibilityReply]; w > 0 && sc.score["cue:onboarding"] > 0 && sc.score[TypeMatchResult] < 4 && c.matchHasRun(prog, m.Date) && !(isReply && m.Quoted != "") {
		// Licence and visa steps told to incoming residents after the
		// Match has run ("all incoming residents must hold a training
		// license … start your application now") are onboarding, not
		// answers about her eligibility. (Her own question answered, "RE:
		// Visa question – H-1B vs J-1" over her quoted mail, is one.)
		delete(sc.score, TypeEligibilityReply)
		sc.add(TypeProgramUpdate, w, "onboarding after the Match: the eligibility words are the program's news to its new trainee")
	}
	if w := sc.score[TypePostInterviewInterest]; w > 0 && groupNote && sc.score[TypeRankSolicitation] < clAlertScore {
		// "Dear Clinical Informatics candidates, thank you again for
		// spending a day with us … the faculty have enjoyed this season":
		// thanks to all who came, no interest in her.
		delete(sc.score, TypePostInterviewInterest)
		sc.add(TypeProgramUpdate, w, "thanks to all the candidates at once: news, not interest in her")
	}
	if w := sc.score[TypeInterviewDecline]; w > 0 && sc.score["cue:interviewed"] > 0 && groupNote {
		// "Dear Fellowship Candidates, thank you again to everyone who
		// interviewed … We have no further interview days this season":
		// the season's news to those already seen, no decline.
		delete(sc.score, TypeInterviewDecline)
		sc.add(TypeProgramUpdate, w, "news to all who interviewed, not a decline")
	}
	if w := sc.score[TypeInterviewInvite]; w > 0 && w <= 4 && sc.score["cue:onboarding"] > 0 && c.matchHasRun(prog, m.Date) {
		// "We can't wait to meet you in person", to the incoming interns
		// after the Match: a welcome, not an interview.
		delete(sc.score, TypeInterviewInvite)
		sc.add(TypeProgramUpdate, w, "onboarding after the Match: meeting the new trainees is no interview")
	}
	// "Re: Eligibility question" answered "we can only accept graduates of
	// an ACGME-accredited residency, so we would not be able to consider
	// your application": the answer to her question, not a decision on an
	// application under review.
	// (The thread's subject alone does not make it so: "Re: Eligibility
	// question" over "we won't be able to offer you an interview this
	// year", which names no requirement, is a decline.)
	if isReply && (clHasWord(subjDoc, "eligibility") || clHasWord(subjDoc, "eligible")) && sc.score[TypeInterviewDecline] > 0 && clNamesRequirement(bodyDoc) {
		w := sc.score[TypeInterviewDecline]
		delete(sc.score, TypeInterviewDecline)
		sc.add(TypeEligibilityReply, w, "a requirement told in answer to her eligibility question")
	}
	// "Re: ECFMG timing question" answered "you're fine to apply … send the
	// application through ERAS whenever it's ready": the answer to her
	// question, which also tells her how to apply; a close call between
	// the two goes to the answer.
	if e, a := sc.score[TypeEligibilityReply], sc.score[TypeApplicationRequest]; isReply && e >= 4 && a >= e && a-e <= 2 && clSubjectAsksEligibility(subjDoc) {
		sc.add(TypeEligibilityReply, a-e+1, "an answer to her question about a requirement, named in the subject")
	}

	if clHerWithdrawal(bodyDoc) {
		// Her own cancellation acknowledged ("as you requested, your
		// interview has been cancelled"): the words of the invitation she
		// gave up invite her to nothing, and the thanks are no courtship.
		delete(sc.score, TypeInterviewInvite)
		delete(sc.score, TypeInterviewConfirmation)
		delete(sc.score, TypePostInterviewInterest)
		note("she withdrew: no invitation, no confirmation")
	} else if sc.score["cue:withdrawn"] > 0 {
		// An invitation taken back repeats the inviting words it takes back.
		w := math.Max(6, sc.score[TypeInterviewInvite]+sc.score[TypeInterviewConfirmation]+1)
		sc.add(TypeInterviewDecline, w, "the interview invitation is withdrawn")
	}
	if sc.score["cue:interview-offer"] > 0 && sc.score["cue:place-offer"] == 0 && sc.score[TypePreMatchOffer] > 0 {
		// "Interview offer: accept or decline this offer in ERAS within
		// 5 days": the offer is of an interview, not of a place.
		sc.score[TypePreMatchOffer] = 0
		note("the offer is of an interview: no pre-match offer")
	}

	// 3. Dates, for the logic below and the interview date.
	dayFirst := clWritesDayFirst(m)
	dates := findDatesOrder(bodyDoc, date, dayFirst)
	// A weekday that only the day-first reading gives ("Thursday 5/11",
	// written in October) says how the writer orders every date.
	if !dayFirst && slices.ContainsFunc(dates, func(d clDate) bool { return d.swapped }) {
		dayFirst = true
		dates = findDatesOrder(bodyDoc, date, true)
	}
	if sd := findDatesOrder(subjDoc, date, dayFirst); len(sd) > 0 {
		// (a reply's subject is hers: "RE: Parking and arrival on
		// Wednesday" names the day she arrives)
		for i := range sd {
			sd[i].subject = !isReply && !isFwd
		}
		dates = append(dates, sd...)
	}
	clPlaceBareDays(dates, m, prog, c.rules.vocab)
	c.markDates(dates)
	// (Nor does her subject name the day over the program's own words:
	// "RE: Interview on Tues 12/1 - schedule conflict" answered with a new
	// day and a calendar file.)
	if isReply || isFwd {
		for i := range dates {
			if dates[i].doc == subjDoc {
				dates[i].named, dates[i].hers = false, false
			}
		}
	}
	// A day in a sentence about another program is that program's ("Lakeside
	// holds its interview day on Thursday, November 12"; "St. Brendan's has
	// the simulation center booked on December 10").
	if prog != nil && len(dates) > 0 {
		others := map[*clDoc]map[int32]bool{}
		for i := range dates {
			d := &dates[i]
			if d.doc == nil || d.from >= len(d.doc.toks) {
				continue
			}
			sents, ok := others[d.doc]
			if !ok {
				sents = c.sentencesNamingOthers(d.doc, prog)
				others[d.doc] = sents
			}
			if sents[d.doc.toks[d.from].sent] {
				d.otherEvnt = true
			}
		}
	}
	// "We would be delighted to welcome you for an interview on the date
	// above": the day in the subject line.
	if clHasSeq(bodyDoc, "date", "above") || clHasSeq(bodyDoc, "above", "date") || clHasSeq(bodyDoc, "date", "in", "the", "subject") {
		for i := range dates {
			if dates[i].doc == subjDoc {
				dates[i].named, dates[i].interview = true, true
			}
		}
	}

	// A day the message moves the interview away from is no longer
	// offered, wherever else it is named ("training on Wednesday, so
	// we've moved you from Wednesday to Friday").
	var oldDays []clDay
	for _, d := range dates {
		if d.old && !slices.ContainsFunc(dates, func(o clDate) bool { return o.day == d.day && o.moved }) {
			oldDays = append(oldDays, d.day)
		}
	}
	offered := clDistinct(dates, func(d clDate) bool {
		if d.deadline || d.otherEvnt || d.old || d.notDay || clPast(d.day, date) {
			return false
		}
		for _, o := range oldDays {
			if o == d.day {
				return false
			}
		}
		return true
	})
	if len(offered) > 1 && !date.IsZero() && sc.score["cue:choose"] == 0 {
		// The message's own day beside later ones is when it was booked
		// ("Scheduled on: 11/18/2026"), not the interview.
		// (Unless she is to choose among them: "Please choose one of the
		// times below … Monday, March 15 · 7:30 PM" can be this evening.)
		y, mo, dd := date.Date()
		today := clDay{y, mo, dd}
		later := slices.DeleteFunc(slices.Clone(offered), func(d clDate) bool { return d.day == today })
		if len(later) > 0 {
			offered = later
		}
	}

	// "Two dates remain: Thursday, December 10 and Thursday, December 17.
	// Which is your first choice?": a first choice among the days offered,
	// not among programs.
	dayChoice := false
	if len(offered) >= 2 && sc.score[TypeRankSolicitation] > 0 && sc.score[TypeInterviewInvite] > 0 {
		onlyChoice := true
		for _, h := range sc.hits {
			if h.typ == TypeRankSolicitation {
				if !clPicksADay(h.excerpt) {
					onlyChoice = false
				}
			}
		}
		if onlyChoice {
			dayChoice = true
			delete(sc.score, TypeRankSolicitation)
			note("a first choice among the %d dates offered, not among programs", len(offered))
		}
	}
	// After her interview ("thank you for spending Tuesday with us"), "we
	// would love for you to join our residents" courts her for the Match:
	// with no day offered and no calendar, no invitation.
	if sc.score["cue:interviewed"] > 0 && len(offered) == 0 && len(events) == 0 &&
		sc.score[TypeInterviewInvite] > 0 && sc.score[TypePostInterviewInterest] >= sc.score[TypeInterviewInvite] {
		delete(sc.score, TypeInterviewInvite)
		note("after her interview, with no day offered: interest, not an invitation")
	}

	// Calendar invitations: a fixed time for an interview.
	var calDays []clEvent
	for _, e := range events {
		if !e.cancel && !clPast(e.day, date) && !clSideEvent(e.summary) {
			calDays = append(calDays, e)
		}
	}
	interviewWord := sc.score[TypeInterviewInvite] > 0 || sc.score[TypeInterviewConfirmation] > 0 ||
		isReply && strings.Contains(strings.ToLower(clTruncate(m.Quoted, 4096)), "interview") ||
		clHasWord(subjDoc, "interview") || clHasWord(bodyDoc, "interview") ||
		clHasWord(subjDoc, "visit") || clHasWord(bodyDoc, "visit")
	if len(calDays) > 0 && interviewWord && sc.score[TypeProgramUpdate] < 4 {
		if distinctEvents(calDays) == 1 && sc.score[TypeInterviewInvite] >= 4 && sc.score[TypeInterviewConfirmation] == 0 {
			// "please see the attached invitation for your interview":
			// the calendar carries an invitation no one has accepted yet.
			sc.add(TypeInterviewInvite, 3, fmt.Sprintf("calendar invitation (%s) for %s, offered", clOr(calDays[0].method, "no METHOD"), clDayString(calDays[0].day)))
		} else if distinctEvents(calDays) == 1 {
			sc.add(TypeInterviewConfirmation, 5, fmt.Sprintf("calendar invitation (%s) for %s", clOr(calDays[0].method, "no METHOD"), clDayString(calDays[0].day)))
		} else {
			sc.add(TypeInterviewInvite, 3, fmt.Sprintf("calendar with %d interview times to choose from", distinctEvents(calDays)))
		}
	}
	// Several dates offered with a word of choosing: an invitation.
	// (A second look, a tour or a social with dates to choose is no
	// interview.)
	otherVisit := clHasSeq(bodyDoc, "second", "look") || clHasWord(bodyDoc, "tour") || clHasSeq(bodyDoc, "open", "house")
	// An event that says it is none ("Informatics Pathway Virtual Open
	// House … This is not an interview") invites everyone to it: news.
	if w := sc.score[TypeInterviewInvite]; w > 0 && (otherVisit || clHasWord(bodyDoc, "webinar") || clHasSeq(bodyDoc, "info", "session") || clHasSeq(bodyDoc, "information", "session")) &&
		(clHasSeq(bodyDoc, "not", "an", "interview") || clHasSeq(bodyDoc, "isnt", "an", "interview") || clHasSeq(bodyDoc, "not", "part", "of", "the", "interview")) {
		delete(sc.score, TypeInterviewInvite)
		sc.add(TypeProgramUpdate, w, "an event for applicants that says it is not an interview")
	}
	// (A booked day the program moves to one new day names the old day and
	// the new one: nothing to choose. Moved with options to pick from, it
	// is offered anew.)
	movedTo := 0
	for _, d := range offered {
		if slices.ContainsFunc(dates, func(o clDate) bool { return o.day == d.day && o.moved }) {
			movedTo++
		}
	}
	// (Nor are the days a waitlist letter lists for when a seat opens; a
	// seat that has opened offers them.)
	waitDays := sc.score[TypeWaitlist] >= 6 && sc.score["cue:if-opens"] > 0 && !clHasWord(bodyDoc, "opened") && !clHasWord(bodyDoc, "freed")
	if len(offered) >= 2 && sc.score["cue:choose"] > 0 && !(sc.score["cue:moved"] > 0 && movedTo == 1) && (sc.score[TypeInterviewInvite] > 0 || interviewWord) && !(otherVisit && !clHasWord(bodyDoc, "interview")) && !waitDays {
		sc.add(TypeInterviewInvite, 5, fmt.Sprintf("%d dates offered to choose from", len(offered)))
	}
	// One date fixed and confirmed: a confirmation. One interview date and
	// nothing to choose, in a reply about the interview: a confirmation too
	// ("Perfect, Thu 11/5 it is").
	switch {
	case len(offered) == 1 && sc.score[TypeInterviewConfirmation] >= 4 && sc.score[TypeInterviewInvite] > 0:
		sc.add(TypeInterviewConfirmation, 2, "one date, confirmed: "+clDayString(offered[0].day))
	case len(offered) == 1 && interviewWord && sc.score["cue:choose"] == 0 && sc.score[TypeInterviewInvite] < 4 && isReply && !c.quotedHasDay(m, offered[0].day) &&
		!(clSubjectAsksEligibility(subjDoc) && sc.score[TypeEligibilityReply] >= 4):
		// (A day her own quoted mail already gave as her interview's is
		// not fixed by the reply: "Before my interview on December 10, I
		// wanted to ask …" answered with "see you on the 10th". Nor is the
		// day mentioned in passing in the answer to her visa questions:
		// "Happy to go over any of this when you're here on Monday".)
		sc.add(TypeInterviewConfirmation, 3, "one interview date fixed in a reply: "+clDayString(offered[0].day))
	}

	// "… would like to interview you. At the moment every slot is taken, so
	// we have added you to our interview waitlist. If a slot becomes
	// available …": a waitlist, whatever invitation words it uses, while no
	// day has come open.
	if waitDays && len(offered) == 0 && sc.score[TypeInterviewInvite] >= sc.score[TypeWaitlist] {
		sc.add(TypeWaitlist, sc.score[TypeInterviewInvite]-sc.score[TypeWaitlist]+1, "on the waitlist: an invitation only if a place opens")
	}

	// "You are on our interview waitlist … we are pleased to invite you to
	// interview this Thursday": invited off the waitlist.
	// (A place has come open: "freed up", "added a session", "a spot has
	// opened", told in the subject too, or someone else gave theirs up: "a
	// candidate has withdrawn"; not "if a seat opens".)
	if len(offered) == 1 && sc.score[TypeInterviewInvite] >= 4 && sc.score[TypeWaitlist] >= sc.score[TypeInterviewInvite] && interviewWord &&
		(clHasAnyWord(bodyDoc, "opened", "freed", "added", "withdrawn", "withdrew", "cancelled", "canceled") || clHasAnyWord(subjDoc, "opened", "freed", "added")) {
		sc.add(TypeInterviewInvite, sc.score[TypeWaitlist]-sc.score[TypeInterviewInvite]+1, "invited off the waitlist for "+clDayString(offered[0].day))
	}

	// Declined for one place and invited for another in the same letter
	// ("we won't be able to interview you for the pathway this year … we
	// would like to invite you to interview for our categorical residency
	// on Tuesday, December 1st. Could you let us know whether December 1st
	// works?"): the invitation, with its day, is the news.
	if sc.score[TypeInterviewInvite] >= 6 && len(offered) >= 1 && sc.score["cue:asks-confirm"] > 0 &&
		sc.score[TypeInterviewDecline] >= sc.score[TypeInterviewInvite] && clHasWord(bodyDoc, "invite") {
		sc.add(TypeInterviewInvite, sc.score[TypeInterviewDecline]-sc.score[TypeInterviewInvite]+1, "declined for one place, invited to interview for another")
	}

	// One day put as a question ("thurs the 10th works? 8am"): proposed,
	// not yet agreed.
	if len(offered) == 1 && offered[0].doc != nil && clQuestionSentence(offered[0].doc, offered[0].from) &&
		clSentenceHas(offered[0].doc, offered[0].from, "works", "work", "suit", "suits", "ok", "okay", "good", "possible", "free", "available") {
		sc.add(TypeInterviewInvite, 4, "a day proposed as a question: "+clDayString(offered[0].day))
	}

	// A short reply that only confirms ("Confirmed. Thank you!", "sounds
	// good, see you then!") answers her choice of a day.
	shortConfirm := isReply && len(bodyDoc.toks) <= 12 && (clHasWord(bodyDoc, "confirmed") || clHasWord(bodyDoc, "booked") || clHasWord(bodyDoc, "done") ||
		clHasSeq(bodyDoc, "see", "you", "then") || clHasSeq(bodyDoc, "sounds", "good")) && len(offered) == 0
	// ("Yes, that works! We'll send the Zoom link … a week ahead": a yes
	// to the day she proposed, opening a short reply)
	if !shortConfirm && isReply && len(bodyDoc.toks) <= 30 && len(offered) == 0 {
		opens := func(ws ...string) bool {
			at := clSeqAt(bodyDoc, ws)
			return at == 0 || at == 1 && (bodyDoc.toks[0].w == "yes" || bodyDoc.toks[0].w == "great" || bodyDoc.toks[0].w == "perfect")
		}
		shortConfirm = opens("that", "works") || opens("works", "for") || opens("works", "great") || opens("works", "perfectly")
	}
	if shortConfirm {
		sc.add(TypeInterviewConfirmation, 4, "a short reply confirming her choice")
	}

	// "The 15th it is.": one day settled in a reply, in so many words.
	if isReply && len(offered) == 1 && offered[0].doc != nil {
		t, j := offered[0].doc.toks, offered[0].to+1
		if j+1 < len(t) && t[j].w == "it" && t[j+1].w == "is" && t[j+1].sent == t[offered[0].to].sent &&
			(j+2 >= len(t) || t[j+2].sent != t[j].sent) {
			sc.add(TypeInterviewConfirmation, 5, "a day settled in a reply: "+clDayString(offered[0].day))
		}
	}

	// A day held for her that waits for her word ("tentatively placed you
	// on Thursday, pending your confirmation"; "pencilled you in — can you
	// confirm?") is an invitation, whatever confirming words it uses.
	if sc.score["cue:tentative"] > 0 && sc.score["cue:asks-confirm"] > 0 && interviewWord && sc.score["cue:moved"] == 0 {
		w := 5.0
		if d := sc.score[TypeInterviewConfirmation] - sc.score[TypeInterviewInvite] + 1; d > w {
			w = d
		}
		sc.add(TypeInterviewInvite, w, "a tentative date that waits for her confirmation")
	}

	// The first letter that invites her and names the day it set ("I am
	// pleased to invite you to interview … Your interview is scheduled for
	// Thursday, November 12 … Please confirm by replying") waits for her
	// yes: an invitation, whatever scheduling words it uses.
	if !isReply && len(offered) == 1 && sc.score["cue:asks-confirm"] > 0 && sc.score["cue:moved"] == 0 &&
		sc.score[TypeInterviewInvite] >= 8 && sc.score[TypeInterviewConfirmation] >= sc.score[TypeInterviewInvite] &&
		(clHasSeq(bodyDoc, "to", "invite", "you") || clHasSeq(bodyDoc, "invite", "you", "to")) {
		sc.add(TypeInterviewInvite, sc.score[TypeInterviewConfirmation]-sc.score[TypeInterviewInvite]+1, "invited, the day named, her yes awaited: "+clDayString(offered[0].day))
	}

	// A question or request to her about her ranking or other
	// applications, in words the phrases do not know.
	if sc.score[TypeRankSolicitation] < clAlertScore && prog != nil && !dayChoice {
		if q := clAsksRanking(bodyDoc); q != "" {
			// "I have room left on two days: Tuesday, December 1 and
			// Thursday, December 3. Could you tell me which you'd prefer (or
			// rank both if either works)?": a choice among the days offered.
			if len(offered) >= 2 && (sc.score[TypeInterviewInvite] > 0 || interviewWord) && clPicksADay(q) {
				note("a choice among the %d dates offered, not among programs: %q", len(offered), q)
			} else {
				sc.add(TypeRankSolicitation, clAlertScore, "asks about her ranking: \""+q+"\"")
			}
		} else if q := clHerRankingOptions(bodyDoc); q != "" {
			sc.add(TypeRankSolicitation, clAlertScore, "her ranking written out as an answer to pick: \""+q+"\"")
		}
	}

	// Her name among those who matched ("congratulations to our new
	// fellows who matched with us: Amina Rahman, …"): her result, told
	// as the program's news.
	if prog != nil && sc.score[TypeMatchResult] < 6 {
		if i := clFindName(bodyDoc, c.herName); i >= 0 && clSentenceHas(bodyDoc, i, "matched", "matching") {
			sc.add(TypeMatchResult, 6, "her name among those who matched")
		}
	}

	// A ranking question the program takes back in the same message ("That
	// question should never have been included. We have removed it") is
	// not asked: what is left is its news.
	if sc.score[TypeRankSolicitation] > 0 && sc.score["cue:retracted"] > 0 && sc.score[TypePreMatchOffer] == 0 {
		note("a ranking question taken back: not asked (%.1f)", sc.score[TypeRankSolicitation])
		sc.score[TypeRankSolicitation] = 0
		if sc.score[TypeProgramUpdate] < clMinScore {
			sc.add(TypeProgramUpdate, clMinScore, "a correction to the applicants")
		}
	}

	// An optional second look or open house offered with days to choose,
	// and no interview in sight ("we're opening two optional second-look
	// days … reply with your preferred date"), is the program's news, not
	// an interview.
	// So is an optional visit said to play no part in selection and to come
	// apart from her interview ("You can, once your interview is done … This
	// visit is not part of the selection process").
	secondLook := clHasSeq(bodyDoc, "second", "look") || clHasSeq(subjDoc, "second", "look") || clHasSeq(bodyDoc, "open", "house")
	noInterview := !clHasWord(bodyDoc, "interview") && !clHasWord(subjDoc, "interview")
	visit := secondLook || clHasWord(bodyDoc, "visit") || clHasWord(subjDoc, "visit")
	if visit && clHasWord(bodyDoc, "optional") && sc.score[TypeInterviewInvite] > 0 &&
		(secondLook && noInterview || sc.score["cue:not-selection"] > 0 && sc.score["cue:interview-done"] > 0) {
		w := sc.score[TypeInterviewInvite]
		sc.score[TypeInterviewInvite] = 0
		note("a visit that is not an interview: not an invitation (%.1f)", w)
		if sc.score[TypeProgramUpdate] < w {
			sc.add(TypeProgramUpdate, w-sc.score[TypeProgramUpdate], "a visit that is not an interview, with days to choose")
		}
	}

	// Word cues, only when no phrase reached the bar.
	sc.useSoft(clMinScore)

	// No match has run for the program before its rank deadline: "We are
	// glad you will be joining us" in October, in a letter that also reads
	// as her interview's, is her interview day.
	if prog != nil && !m.Date.IsZero() && sc.score[TypeMatchResult] > 0 &&
		max(sc.score[TypeInterviewConfirmation], sc.score[TypeInterviewInvite]) >= clMinScore &&
		c.rules.scoreCue(bodyDoc, subjDoc, "cue:after-match") == 0 && c.rules.scoreCue(bodyDoc, subjDoc, "cue:season-over") == 0 {
		if dl, _, ok := c.cfg.RankDeadline(prog.Key); ok && m.Date.Before(dl.In(time.UTC)) {
			sc.score[TypeMatchResult] = 0
			note("no match result before %s's rank deadline (%s)", prog.Key, dl)
		}
	}

	// Nor has a Match service any results to tell before its own Match's
	// rank deadline: the NRMP's "an ROL that is not certified by the
	// deadline will not be used, and you will not be matched" is a
	// reminder. (Read so when the message is about the deadline: its
	// results, if any, would say nothing of one.)
	if kind == clSenderMatch && prog == nil && !m.Date.IsZero() && sc.score[TypeMatchResult] > 0 &&
		c.rules.scoreCue(bodyDoc, subjDoc, "cue:after-match") == 0 &&
		(clHasWord(bodyDoc, "deadline") || clHasWord(subjDoc, "deadline") || clHasWord(bodyDoc, "certify") || clHasWord(subjDoc, "reminder")) {
		if dl, ok := c.serviceDeadline(m); ok && m.Date.Before(dl.In(time.UTC)) {
			sc.score[TypeMatchResult] = 0
			note("no match result from a Match service before its rank deadline (%s)", dl)
		}
	}

	// A notice to every applicant whatever her result ("we are writing to
	// every registered applicant, matched or not, about what happens
	// next") tells none, unless its words of a result speak to her.
	if sc.score[TypeMatchResult] > 0 && (clHasSeq(bodyDoc, "matched", "or", "not") || clHasSeq(bodyDoc, "matched", "or", "unmatched") ||
		clHasSeq(bodyDoc, "whether", "or", "not", "you", "matched")) && !clMatchNewsToHer(sc, m.Own, true) {
		sc.score[TypeMatchResult] = 0
		note("a notice to all applicants, matched or not: no result of hers")
	}

	// 4. Decide.
	saysInterview := clHasWord(subjDoc, "interview") || clHasWord(bodyDoc, "interview")
	typ, why := c.decide(m, sc, prog, kind, phish, lookalike, byName, saysInterview)
	if why != "" {
		note("%s", why)
	}
	// Mail that speaks for no program is no program's interview, answer
	// or news (a classmates' Doodle poll of practice-interview slots): only
	// a Match result and an offer outside the Match keep their type
	// without one.
	if prog == nil && typ != TypeOther && typ != TypeMatchResult && typ != TypePreMatchOffer {
		note("no program: %s read as other", typ)
		typ = TypeOther
	}
	cl := Classification{Type: typ}
	if prog != nil {
		cl.Program = prog.Key
	}
	if typ == TypeOther && prog != nil && why != clWhyAutoReply && fwd.from == "" && (kind == clSenderProgram && !clFromContact(m, prog) || byName) {
		// Someone at the program's domain who is none of its contacts
		// ("a friend who works there", the hospital's newsletter), or a
		// sender tied to it only by a name (a billing service, a careers
		// system), writing nothing of the program's: not program mail.
		cl.Program = ""
	}
	if typ == TypeOther && (phish || lookalike || kind == clSenderMatch || kind == clSenderHR || kind == clSenderDepartment || why == clWhyMemberMail) {
		// Nor is a match service's or society's own mail a program's.
		cl.Program = ""
	}
	cl.Confidence = clConfidence(sc, typ, why)

	// 5. The interview date, for invitations and confirmations, and for an
	// alert that also confirms her day ("Confirming your interview a week
	// from tomorrow, Thursday the 19th … I'll ask you where Meridian sits
	// on your list"): the day it confirms. An alert's other days (a call,
	// a second look, a deadline) are none of hers.
	alertOnDay := (typ == TypeRankSolicitation || typ == TypePreMatchOffer) && sc.score[TypeInterviewConfirmation] >= 4
	if typ == TypeInterviewInvite || typ == TypeInterviewConfirmation || alertOnDay {
		c.interviewDate(&cl, calDays, dates, offered, note)
		onRecord := ""
		if prog != nil && !prog.Interview.IsZero() {
			onRecord = prog.Interview.String()
		}
		if alertOnDay && cl.InterviewDate != "" && (len(calDays) > 0 || onRecord != "" && cl.InterviewDate != onRecord) {
			// The day on record, when the message names it among others
			// ("the dinner tomorrow night … then your interview day is
			// Thursday") and it is still to come, is the one it confirms.
			if onRecord != "" && (date.IsZero() || !prog.Interview.In(date.Location()).AddDate(0, 0, 1).Before(date)) && slices.ContainsFunc(slices.Concat(dates, offered), func(d clDate) bool { return clDayString(d.day) == onRecord }) {
				note("an alert's day %s is not her interview day on record, %s, which it also names", cl.InterviewDate, onRecord)
				cl.InterviewDate, cl.InterviewAt = onRecord, time.Time{}
			} else {
				note("an alert's day %s is not her interview day on record", cl.InterviewDate)
				cl.InterviewDate, cl.InterviewAt = "", time.Time{}
			}
		}
		if cl.InterviewDate == "" && len(offered) == 0 && len(calDays) == 0 && (clPointsToHerChoice(bodyDoc) || shortConfirm) {
			// "You're all set for the date you selected": the day she
			// chose, in her quoted reply.
			if d, ok := c.herQuotedChoice(m, dayFirst); ok {
				cl.InterviewDate = clDayString(d.day)
				cl.InterviewAt = d.at
				note("interview date %s: the day she chose, %q, in her quoted reply", cl.InterviewDate, d.text)
			}
		}
		if cl.InterviewDate == "" && typ == TypeInterviewConfirmation && len(offered) == 0 && len(calDays) == 0 && !date.IsZero() &&
			(clHasWord(bodyDoc, "today") || clHasWord(subjDoc, "today") || clHasWord(subjDoc, "todays") || clRunningLate(subjDoc) || clRunningLate(bodyDoc) || clStartingSoon(subjDoc) || clStartingSoon(bodyDoc)) {
			// A day-of note with no date in it ("Here's your link for
			// today", "use the East Pavilion entrance today", "I'll be
			// about 10 minutes late to our 10:40"): the day it was sent.
			cl.InterviewDate = clDayString(clDay{date.Year(), date.Month(), date.Day()})
			note("interview date %s: a note for the day it was sent", cl.InterviewDate)
		}
		if cl.InterviewDate == "" && typ == TypeInterviewConfirmation && prog != nil && !prog.Interview.IsZero() {
			// "You're all set!": a confirmation that names no day confirms
			// the day on record; so does one whose days (an agenda with the
			// dinner the evening before) include it.
			onRecord := prog.Interview.String()
			// (Not a day the message moves her away from: "we are moving
			// everyone who was booked on December 10".)
			named := slices.ContainsFunc(slices.Concat(dates, offered), func(d clDate) bool { return clDayString(d.day) == onRecord && !d.old && !d.notDay }) ||
				slices.ContainsFunc(calDays, func(e clEvent) bool { return clDayString(e.day) == onRecord })
			if named || len(offered) == 0 && len(calDays) == 0 && len(dates) == 0 {
				cl.InterviewDate = onRecord
				note("interview date %s: the day on record for %s", cl.InterviewDate, prog.Key)
			}
		}
	} else if typ == TypeApplicationRequest || typ == TypeProgramUpdate {
		// "Before your interview on December 10, please send …": a
		// request or notice that names her one interview day still fixes it.
		clHerInterviewDay(&cl, offered, note)
	}

	// Evidence: the phrases that decided, strongest first.
	hits := sc.hits
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].weight > hits[j].weight })
	shown := 0
	for _, h := range hits {
		if h.typ != typ || shown >= 4 {
			continue
		}
		note("%s +%.1f: %s", h.typ, h.weight, h.excerpt)
		shown++
	}
	if typ != TypeOther {
		if r := sc.ranked(); len(r) > 1 && r[0] == typ && sc.score[r[1]] > 0 {
			note("runner-up %s (%.1f against %.1f)", r[1], sc.score[r[1]], sc.score[typ])
		}
	}
	cl.Evidence = ev
	return cl
}

// program finds the message's program and the kind of sender.
// contactNamed returns the program one of whose contacts has the display
// name: the same last name and a first name that is the contact's or
// shortens it ("Sam" for "Samuel"). Nil when none or several do.
func (c *Classifier) contactNamed(name string) *config.Program {
	f := strings.Fields(strings.ToLower(strings.Trim(name, `"' `)))
	if len(f) < 2 {
		return nil
	}
	first, last := strings.TrimSuffix(f[0], "."), f[len(f)-1]
	var found *config.Program
	for i := range c.cfg.Programs {
		p := &c.cfg.Programs[i]
		for _, ct := range p.Contacts {
			cf := strings.Fields(strings.ToLower(ct.Name))
			if len(cf) < 2 || cf[len(cf)-1] != last || len(first) < 2 || !strings.HasPrefix(cf[0], first) {
				continue
			}
			if found != nil && found != p {
				return nil
			}
			found = p
		}
	}
	return found
}

// byName is set when an unknown sender is tied to the program only by a
// name: its display name, or the name automatic mail gives in its text.
func (c *Classifier) program(m *Message, fwd clForward, subj, body *clDoc, note func(string, ...any)) (prog *config.Program, kind int, phish, lookalike, byName bool) {
	from := ""
	fromName := ""
	if len(m.From) > 0 {
		from = strings.ToLower(strings.TrimSpace(m.From[0].Addr))
		fromName = m.From[0].Name
	}
	if fwd.self && fwd.from != "" {
		// The applicant forwarded a message to herself: judge its sender.
		note("forwarded by the applicant; original sender %s", fwd.from)
		from, fromName = fwd.from, fwd.name
	}
	phishScore := c.rules.scoreCue(body, subj, "cue:phish")
	if from != "" {
		if p := c.cfg.ProgramFor(from); p != nil {
			dept := c.rules.department(from, p)
			if hr, ok := strings.CutPrefix(dept, "hr:"); ok {
				note("program %s: sender %s, the hospital's %s system (its decisions only)", p.Key, from, hr)
				return p, clSenderHR, false, false, false
			}
			if strings.HasPrefix(dept, "news:") {
				dept = strings.TrimPrefix(dept, "news:")
				if c.rules.saysTraining(subj, body) {
					dept = "" // the program's own news
				}
			}
			// The hospital's IT or parking office writing about her
			// interview for the program, or a faculty member in the CMIO's
			// office who interviewed her, ("The Pediatrics Residency office has
			// registered you for visitor parking for your interview
			// tomorrow") carries the program's logistics.
			if dept != "" && (clHasSeq(body, "your", "interview") || clHasSeq(body, "your", "virtual", "interview") || clHasSeq(body, "interview", "you") || clHasSeq(body, "interviewing", "you")) {
				if c.rules.saysTraining(body) {
					note("the hospital's %q office writes about her interview for the program", dept)
					dept = ""
				}
			}
			if dept != "" {
				// The hospital's patient portal, job board or foundation
				// writes from the program's domain; it is not the program,
				// unless it makes an alert's offer or asks an alert's
				// question (decide).
				note("sender %s is another part of %s's hospital (%q), not the program", from, p.Key, dept)
				return p, clSenderDepartment, false, false, false
			}
			note("program %s: sender %s", p.Key, from)
			return p, clSenderProgram, false, false, false
		}
	}
	kind = clSenderUnknown
	if pl := c.rules.platformFor(from); pl != nil {
		kind = clSenderPlatform
		if pl.match {
			kind = clSenderMatch
		}
		note("sender is %s", pl.name)
	}
	if kind == clSenderUnknown && from != "" {
		// The hospital's hiring system, its tenant named in the address:
		// its HR, which carries the program's decisions.
		if tp := c.atsTenant(from); tp != nil && phishScore < 4 {
			note("program %s: sender %s, the hospital's hiring system (its decisions only)", tp.Key, from)
			return tp, clSenderHR, false, false, false
		}
		if lp := c.oneOff(from); lp != nil {
			note("sender %s spells %s's domain with one letter changed: not the program", from, lp.Key)
			return nil, kind, phishScore >= 4, true, false
		}
		if lp := c.lookalike(from); lp != nil {
			note("sender %s imitates %s's domain: not the program", from, lp.Key)
			return nil, kind, phishScore >= 4, true, false
		}
		if pl := c.rules.platformLookalike(from); pl != nil {
			note("sender %s imitates %s: not the platform", from, pl.name)
			return nil, kind, phishScore >= 4, true, false
		}
	}
	// A platform that sends in someone's name says so in Sender
	// ("Meridian ACI Scheduling" <…@gmail.com>, Sender: Google Calendar).
	for _, s := range m.Sender {
		if pl := c.rules.senderPlatform(s.Addr); kind == clSenderUnknown && pl != nil && !pl.match && !strings.EqualFold(s.Addr, from) {
			kind = clSenderPlatform
			note("sent through %s", pl.name)
		}
	}
	if kind == clSenderUnknown && phishScore >= 4 {
		note("reads like phishing (%.0f)", phishScore)
		return nil, kind, true, false, false
	}
	// A match service's system named in both the display name and the
	// domain ("NRMP R3 System" <r3-noreply@nrmp-mail.org>) speaks for the
	// service, as its own domain would.
	if kind == clSenderUnknown && from != "" {
		if pl := c.rules.platformNamed(from, 4); pl != nil && pl.match && strings.Contains(fromName, pl.name) {
			kind = clSenderMatch
			note("sender names itself %s (%s)", pl.name, from)
		}
	}
	// Reply-To or Sender at a program (a platform sending for a program).
	var alt []string
	for _, a := range m.ReplyTo {
		alt = append(alt, a.Addr)
	}
	for _, a := range m.Sender {
		alt = append(alt, a.Addr)
	}
	for _, a := range alt {
		if p := c.cfg.ProgramFor(a); p != nil {
			if kind == clSenderUnknown && phishScore >= 4 {
				break
			}
			note("program %s: reply-to %s", p.Key, a)
			if kind == clSenderUnknown {
				kind = clSenderPlatform
			}
			return p, kind, false, false, false
		}
	}
	// Names in the display name, the subject and the text.
	if len(c.programs) == 0 {
		return nil, kind, false, false, false
	}
	ms := map[int]*clMention{}
	if fromName != "" {
		c.mentions(tokenizeCL(c.rules.vocab, fromName, nil), 2, ms)
	}
	if kind == clSenderUnknown && clHasLeft(body) {
		// One of its people writing from elsewhere to say they have left
		// ("Friday was my last day at Harbor Valley … I no longer have
		// access to ERAS") speaks for the program no more.
		note("the sender has left the program: no program")
		return nil, kind, false, false, false
	}
	if kind == clSenderUnknown {
		// Anyone may name a program (a ride receipt, a licensing board, a
		// ranking service): an unknown sender is the program's only when it
		// signs as the program, in its display name.
		if p, mn := c.bestMention(ms, true, 3); p != nil && c.rules.scoreCue(body, subj, "cue:season") > 0 {
			note("program %s: the sender's name (%q)", p.Key, mn.label)
			return p, clSenderPlatform, false, false, true
		}
		// A short name of the program with its kind of training ("NRH IM
		// Residency" <…@gmail.com>, "LUMC CI Fellowship" through a
		// mailing service) signs as the program too.
		if p, mn := c.bestMention(ms, false, 2); p != nil && clTrainingName(fromName) && !clNamedAlike(ms, mn) && c.rules.scoreCue(body, subj, "cue:season") > 0 {
			note("program %s: the sender's name (%q)", p.Key, mn.label)
			return p, clSenderPlatform, false, false, true
		}
		// One of the program's own people writing from a personal address
		// ("Sam Okafor <…@gmail.com>", signed as Harbor Valley's program
		// director): the display name is a contact of a program the text
		// names.
		if cp := c.contactNamed(fromName); cp != nil {
			own := map[int]*clMention{}
			c.mentions(subj, 1.5, own)
			c.mentions(body, 1, own)
			if m.Signature != "" {
				c.mentions(tokenizeCL(c.rules.vocab, clTruncate(m.Signature, 4096), nil), 1, own)
			}
			if p, _ := c.bestMention(own, false, 1); p == cp || c.rules.scoreCue(body, subj, "cue:season") > 0 {
				note("program %s: its contact %q writing from %s", cp.Key, fromName, from)
				return cp, clSenderPlatform, false, false, false
			}
		}
		// One of its people not in the config, from a personal address,
		// who signs with a role there ("Kayla Brooks, MD / Chief Resident,
		// Pediatrics / St. Brendan's Children's Hospital").
		// (Without a "-- " line, the last lines of a personal mailbox's
		// text sign it; a service's last lines are its own.)
		sigText := m.Signature
		if sigText == "" && (clWebmail(from) || clPersonalSender(m)) {
			sigText = clSignOff(m.Own, fromName)
		}
		if sigText != "" {
			sig := tokenizeCL(c.rules.vocab, clTruncate(sigText, 4096), nil)
			// (A resident who signs with her year, "PGY-3, Pediatrics", writes
			// for the program when she writes of its interviews: a note
			// before the interview day, not coffee with a friend.)
			if clStaffRole(sig) || clTraineeYear(sig) && (clHasWord(body, "interview") || clHasWord(body, "interviewee") || clHasWord(body, "interviewees")) {
				own := map[int]*clMention{}
				c.mentions(sig, 1, own)
				// (a person's own mailbox that signs with a role there may
				// name the program by a short name: "Chief Resident, St.
				// Brendan's")
				if p, mn := c.bestMention(own, !clWebmail(from), 1); p != nil && !clNamedAlike(own, mn) {
					note("program %s: its %s signs from %s", p.Key, "staff member", from)
					return p, clSenderPlatform, false, false, false
				}
			}
		}
		// Someone who writes for the program (an alumnus, a resident, a
		// friend of its director) and says so: "Laura asked me to quietly
		// find out where Northgate falls on your list - I'll pass it
		// along". The program it names speaks through them. (A classmate
		// telling what a program asked of her relays nothing, nor does a
		// forwarded message: only the writer's own words say it.)
		// (Her own words are the body read so far unless it holds a
		// forwarded message: then they are read on their own, without the
		// postings that make the phrases fast.)
		ownDoc := body
		if fwd.text != "" {
			ownDoc = tokenizeCL(c.rules.vocab, clTruncate(m.Own, 1<<16), nil)
		}
		if c.rules.scoreCue(ownDoc, nil, "cue:relay") > 0 {
			// (Not a name an event bears: "you presented at the
			// Lakeside–Harbor Valley regional informatics forum".)
			own := map[int]*clMention{}
			c.mentionsKept(subj, 1.5, own, clNotEvent{})
			c.mentionsKept(body, 1, own, clNotEvent{})
			if p, mn := c.bestMention(own, false, 1); p != nil && !clNamedAlike(own, mn) {
				note("program %s: a messenger for it (%q)", p.Key, mn.label)
				return p, clSenderPlatform, false, false, false
			}
		}
		// A mailing that says whose list it is ("You're receiving this
		// because you signed up for updates from Northgate IM Residency on
		// Huddlecast") is that program's, whichever service sends it.
		if p := c.mailingOf(m); p != nil {
			note("program %s: its own mailing list, sent through %s", p.Key, from)
			return p, clSenderPlatform, false, false, false
		}
		// (A service's message from a person — "Raj Iyer, MD, Associate
		// Program Director … sent you a message" — speaks for the program
		// when the person has a role there; a lodging host's does not.)
		relayed := c.rules.scoreCue(body, subj, "cue:automated") > 0 && (clStaffRole(body) || clHasWord(body, "chair"))
		// (Nor a service's notice of her documents sent to the program:
		// "re-transmitted … to the following program".)
		if (c.rules.isNoreply(from) || relayed) && c.rules.scoreCue(body, subj, "cue:season") > 0 && c.rules.scoreCue(body, subj, "cue:social") == 0 && c.rules.scoreCue(body, subj, "cue:event") == 0 &&
			c.rules.scoreCue(body, subj, "cue:to-program") == 0 {
			// Automatic mail (notifications@, no-reply@) from a service
			// that is not listed speaks for the program it names in full
			// (its institution, its full name), as a platform's would:
			// "Lakeside University Medical Center has added you to their
			// waitlist". A short alias is not enough, nor a notice that
			// names several programs alike, nor a social network's notice
			// that one of its people viewed her profile.
			// (Not where a ride or a stay went: clNotPlace.)
			c.mentionsKept(subj, 1.5, ms, clNotPlace{})
			c.mentionsKept(body, 1, ms, clNotPlace{})
			if p, mn := c.bestMention(ms, true, 1.5); p != nil && !clNamedAlike(ms, mn) {
				note("program %s: automatic mail naming it (%q)", p.Key, mn.label)
				return p, clSenderPlatform, false, false, true
			}
		}
		return nil, kind, false, false, false
	}
	c.mentions(subj, 1.5, ms)
	c.mentions(body, 1, ms)
	if len(ms) == 0 && m.Signature != "" {
		c.mentions(tokenizeCL(c.rules.vocab, clTruncate(m.Signature, 4096), nil), 1, ms)
	}
	if len(ms) == 0 && kind != clSenderUnknown && m.Quoted != "" {
		c.mentions(tokenizeCL(c.rules.vocab, clTruncate(m.Quoted, 8192), nil), 0.5, ms)
	}
	p, mn := c.bestMention(ms, false, 1.5)
	if p != nil && (clNamedAlike(ms, mn) || (kind == clSenderPlatform || kind == clSenderMatch) && clNamedSeveral(ms, mn)) {
		// A service's notice that names several programs alike ("your
		// application went to Lakeside, Harbor Valley and Northgate") is
		// about the applicant's season, from none of them.
		note("names several programs alike (%q among them): no program", mn.label)
		return nil, kind, false, false, false
	}
	if p != nil && kind == clSenderPlatform && (clHasWord(subj, "ticket") || clHasSeq(body, "applicant", "support") || clHasSeq(body, "help", "desk")) &&
		!clHasSeq(subj, "new", "message") && !clHasSeq(body, "new", "message") {
		// A service's help desk answering her about her own account ("the
		// letter is now assigned to all 14 programs on your list, including
		// Lakeside"): her business with the service, none of the program's.
		// (A program's message it relays says so: "You have a new message
		// from Northgate".)
		note("a help desk's answer naming %q: no program", mn.label)
		return nil, kind, false, false, false
	}
	if p != nil && kind == clSenderPlatform && (clHasWord(subj, "webinar") || clHasWord(body, "webinar") || clHasWord(body, "panelist")) && !clHasWord(body, "interview") && !clHasWord(subj, "interview") {
		// A meeting service's registration for a society's webinar with a
		// program's director among its panelists ("Helen Park, MD (Lakeside
		// University Medical Center)") speaks for the event, not the program.
		note("an event naming %q: no program", mn.label)
		return nil, kind, false, false, false
	}
	if p != nil && kind == clSenderPlatform && clBulkMail(m) &&
		!strings.Contains(strings.ToLower(m.Subject), strings.ToLower(mn.label)) && !clHasSeq(body, "on", "behalf", "of") && !clHasSeq(body, "message", "from") && !clHasSeq(body, "sent", "for") {
		// A platform's own newsletter ("New for the 2026–27 season …
		// PROGRAM SPOTLIGHT: the Clinical Informatics Fellowship at
		// Lakeside …") names a program as its story, not as its sender.
		note("a platform's mailing naming %q: no program", mn.label)
		return nil, kind, false, false, false
	}
	if p != nil && kind == clSenderPlatform && clPractice(subj, body) {
		// A meeting service's reminder of a mock interview ("Mock
		// interview - Northgate prep (Dr. Yusuf)") names the program she
		// rehearses for; the session is her mentor's, not the program's.
		note("a practice session for %q's interview: no program", mn.label)
		return nil, kind, false, false, false
	}
	if p != nil {
		note("program %s: named in the message (%q)", p.Key, mn.label)
	}
	return p, kind, false, false, false
}

// scoreCue finds a cue group's phrases (without weighting details).
func (r *clRules) scoreCue(body, subj *clDoc, typ string) float64 {
	s := 0.0
	for gi := range r.groups {
		g := &r.groups[gi]
		if g.typ != typ {
			continue
		}
		// (a cue's group may have vetoes, as the types' groups do: "not
		// for the program - nobody asked me to reach out"; its negation is
		// left to the Go that reads it, and some cues are written with
		// their negation inside: "would not have to go through the Match")
		keep := clVetoKeeper{g}
		for _, p := range g.phrases {
			if _, ok := p.find(body, keep); ok {
				s += g.weight
			} else if subj != nil {
				if _, ok := p.find(subj, keep); ok {
					s += g.weight
				}
			}
		}
	}
	return s
}

// decide picks the type from the scores and the message's circumstances.
// why, when not empty, is the reason a rule (not the phrases) decided.
func (c *Classifier) decide(m *Message, sc *clScores, prog *config.Program, kind int, phish, lookalike, byName, saysInterview bool) (string, string) {
	if lookalike {
		return TypeOther, "lookalike sender: other"
	}
	if phish {
		return TypeOther, "phishing: other"
	}
	// A discussion list's digest that names programs in passing ("[CI-FELLOWS]
	// Digest, Vol 88") is nobody's program mail, whoever runs the list.
	if (clListMail(m) || m.ListID != "") && kind != clSenderProgram && strings.Contains(strings.ToLower(m.Subject), "digest") {
		return TypeOther, "a mailing list's digest: other"
	}
	auto := sc.score["cue:autoreply"]
	autoSubj := false
	for _, h := range sc.hits {
		if h.typ == "cue:autoreply" && strings.HasPrefix(h.excerpt, "subject:") {
			autoSubj = true
		}
	}
	if len(m.From) > 0 {
		if at := strings.IndexByte(m.From[0].Addr, '@'); at > 0 {
			switch strings.ToLower(m.From[0].Addr[:at]) {
			case "mailer-daemon", "postmaster":
				return TypeOther, "delivery report from " + m.From[0].Addr + ": other"
			}
		}
	}
	// A reply made by a machine (RFC 3834 "auto-replied", an
	// out-of-office); a system's own notice ("auto-generated") is judged
	// on its words.
	// (Precedence: bulk marks a mailing, which is no reply: a no-reply
	// notice that "this mailbox is not monitored" still says what it says.)
	autoReplied := clHeaderSays(m, "Auto-Submitted", "auto-replied") || m.Headers["X-Autoreply"] != "" ||
		m.AutoSubmitted && !clHeaderSays(m, "Auto-Submitted", "auto-generated") && !clHeaderSays(m, "Precedence", "bulk") && !clHeaderSays(m, "Precedence", "list")
	if autoSubj || auto >= 5 && autoReplied {
		return TypeOther, clWhyAutoReply
	}
	bulk := clBulkMail(m)
	if bulk && kind == clSenderProgram {
		sc.add(TypeProgramUpdate, 3, "bulk mail from the program (List-Id/List-Unsubscribe)")
	}
	// With no programs configured there is nothing to tell program mail
	// from other mail by: the type is judged from the words alone.
	gate := len(c.cfg.Programs) > 0
	if prog == nil && gate {
		if kind == clSenderDepartment {
			return TypeOther, "the hospital's other mail, not the program's: other"
		}
		if kind == clSenderUnknown {
			// A firm offer, made to the applicant, of a doctor's place or job
			// from an employer that is no program (a hospital, a vendor, a
			// start-up) asks for an answer while the Match runs: an alert.
			// Advertising and offers of other work are not.
			// (Not one in a message a friend forwards: "did you get one of
			// these?" passes on an offer made to someone else.)
			_, _, fwdSubj := clCleanSubject(m.Subject)
			if sc.score[TypePreMatchOffer] >= clAlertScore && sc.score["cue:offer-you"] > 0 && sc.score["cue:clinical-job"] > 0 && sc.score["cue:staff-job"] == 0 &&
				sc.score[TypePreMatchOffer] >= sc.score[clBestNonOffer(sc)] && !bulk && !fwdSubj {
				return TypePreMatchOffer, "an offer from an employer that is no program: pre-match-offer"
			}
			// A match's own results notice, sent by a machine, from a
			// service the config does not list ("Results of the AMIA
			// Clinical Informatics Match … were released today"): the
			// match's, for no program. (A newsletter's tip about "your
			// Match results" is not one.)
			if sc.score[TypeMatchResult] >= 4 && sc.score[TypeMatchResult] >= sc.score[clBestNonOffer(sc)] && !bulk && clResultsOfAMatch(m) && len(m.From) > 0 && c.rules.isNoreply(m.From[0].Addr) {
				return TypeMatchResult, "the results notice of a match: match-result"
			}
			return TypeOther, "not program mail: sender and text name no program"
		}
		if m.ListID != "" && kind != clSenderMatch || clListMail(m) {
			return TypeOther, "mailing list that names no program: other"
		}
	}

	ranked := sc.ranked()
	if len(ranked) == 0 {
		return TypeOther, "no evidence for any type"
	}
	best := ranked[0]
	// A firmer reading wins over a softer one that scores close: an answer
	// to an eligibility question that also invites is an invitation.
	// (Less readily a weak confirmation in a note to a whole group,
	// "Hello everyone": its check-in times and passcodes are everyone's,
	// not her day fixed.)
	group := reGroupGreeting.MatchString(clTruncate(m.Own, 200))
	for ti, tier := range clTiers {
		tb := ""
		for _, t := range tier {
			if sc.score[t] >= 4 && (tb == "" || sc.score[t] > sc.score[tb]) {
				tb = t
			}
		}
		if tb != "" {
			ratio := clTierRatio[ti]
			if group && tb == TypeInterviewConfirmation && sc.score[tb] < 6 {
				ratio = max(ratio, 0.75)
			}
			// After the Match, a program filling a place left open ("one
			// of our two positions went unfilled … we would like to invite
			// you to interview") uses the Match's words for its own
			// positions: its invitation, waitlist or no is her news, unless
			// the Match's words tell her own result.
			if tb == TypeMatchResult && slices.Contains(clTiers[1], best) && sc.score[best] >= 6 && !clMatchNewsToHer(sc, m.Own, false) {
				ratio = 1
			}
			if sc.score[tb] >= ratio*sc.score[best] {
				best = tb
			}
			break
		}
	}
	// The alerts win over softer readings of the same message: "we loved
	// meeting you — where are we on your list?" is a rank solicitation.
	rs, pm := sc.score[TypeRankSolicitation], sc.score[TypePreMatchOffer]
	// A contract to sign after she matched is the match's paperwork.
	// (Not a place held only if she leaves a Match still to come: "this
	// position was left unfilled by the AMIA Match … we can only hold
	// this offer if you withdraw from the NRMP Match".)
	// (Nor one made so that she need not wait on a Match or SOAP still
	// running: "If you would rather not wait on SOAP … I could ask HR to
	// issue your appointment letter".)
	afterMatch := best == TypeMatchResult && sc.score[TypeMatchResult] >= 7 && rs < clAlertScore && sc.score["cue:leave-match"] == 0 && sc.score["cue:around-match"] == 0
	// An invitation to interview for a place outside the Match ("this
	// position is filled outside the AMIA Match cycle. Dr. Park would like
	// to invite you to interview for it on Thursday, 1/14") offers the
	// interview, not yet the place.
	interviewFirst := pm >= clAlertScore && rs < clAlertScore && sc.score[TypeInterviewInvite] >= 8 && sc.score[TypeInterviewInvite] >= 0.8*pm && sc.score["cue:offer-you"] == 0
	if (rs >= clAlertScore || pm >= clAlertScore) && !afterMatch && !interviewFirst {
		// A firm offer that also asks about her list ("Meridian can offer
		// you a fellowship position now … where is Meridian on your list
		// right now?") is the offer's: it is the larger breach.
		// (so is one the program is ready to make now, "prepared to offer
		// you a PGY-1 position … could you let me know whether Northgate
		// is your first choice?")
		if pm >= rs || pm >= 2*clAlertScore || pm >= clAlertScore && sc.score["cue:offer-you"] > 0 && sc.score["cue:place-offer"] > 0 {
			best = TypePreMatchOffer
		} else {
			best = TypeRankSolicitation
		}
	}
	if sc.score[best] < clMinScore {
		return TypeOther, fmt.Sprintf("weak evidence (best %s %.1f): other", best, sc.score[best])
	}
	// A place or contract offered once the Match has run follows it (a
	// vacancy it left, SOAP, the matched resident's agreement): there is
	// no Match left to take her out of.
	// (Unless the offer is made to take her around a Match still to come:
	// "one of our July 2028 positions now, so you wouldn't have to go
	// through the match a second time".)
	// (Nor one held only if she leaves a Match still to come.)
	if best == TypePreMatchOffer && c.matchHasRun(prog, m.Date) && sc.score["cue:around-match"] == 0 && sc.score["cue:leave-match"] == 0 {
		return TypeMatchResult, fmt.Sprintf("an offer after %s's Match has run: the Match's outcome", prog.Key)
	}
	// Nor can a program tell her the outcome of a Match whose rank lists
	// are not even due yet: "our GME office starts the visa paperwork with
	// matched fellows in January" in September is about others, later.
	why := ""
	if best == TypeMatchResult && c.matchNotRanked(prog, m.Date) && sc.score["cue:after-match"] == 0 && !clMatchNewsToHer(sc, m.Own, true) {
		next := clBestExcept(sc, TypeMatchResult, TypePreMatchOffer)
		if sc.score[next] < clMinScore {
			next = TypeOther
		}
		why = fmt.Sprintf("match news before %s's rank deadline: no outcome yet, so %s", prog.Key, next)
		if next == TypeOther {
			return next, why
		}
		best = next
	}
	if prog == nil && gate {
		// Carried mail that names no program keeps only the types that
		// make sense without one.
		switch best {
		case TypeMatchResult:
			if kind != clSenderMatch && sc.score[best] < 7 {
				return TypeOther, "match news from a non-match sender naming no program: other"
			}
		case TypeInterviewInvite, TypeInterviewConfirmation, TypeInterviewDecline, TypeWaitlist:
			if kind == clSenderMatch {
				// A matching service invites no one to interview.
				return TypeOther, fmt.Sprintf("%s from a matching service naming no program: other", best)
			}
			if !saysInterview {
				return TypeOther, fmt.Sprintf("%s naming no program and no interview: other", best)
			}
			if sc.score[best] < 6 {
				// A platform's newsletter mentions "waitlist alerts" and
				// "interview days"; its notice to her says more.
				return TypeOther, fmt.Sprintf("%s naming no program, on thin evidence (%.1f): other", best, sc.score[best])
			}
		default:
			return TypeOther, fmt.Sprintf("%s from a sender naming no program: other", best)
		}
	}
	if kind == clSenderDepartment {
		// Another part of the hospital: only an alert is the program's
		// business ("a staff post that would take the place of the
		// fellowship; we need your decision before rank lists are due").
		if (best == TypePreMatchOffer || best == TypeRankSolicitation) && sc.score[best] >= clAlertScore {
			return best, ""
		}
		return TypeOther, "the hospital's other mail, not the program's: other"
	}
	if (kind == clSenderHR || byName) && sc.score["cue:staff-job"] > 0 && best != TypePreMatchOffer && best != TypeRankSolicitation {
		// The hospital's hiring for a staff job ("Clinical Informatics
		// Analyst II (Req. 26-4471) … not a training program"): its phone
		// screens and decisions are not the program's.
		return TypeOther, fmt.Sprintf("%s about a staff job from the hospital's HR or careers system: other", best)
	}
	if kind == clSenderHR {
		switch best {
		case TypeInterviewInvite, TypeInterviewConfirmation, TypeInterviewDecline, TypeWaitlist, TypeApplicationRequest,
			TypeEligibilityReply, TypePreMatchOffer, TypeRankSolicitation, TypeMatchResult:
			// (HR asking "whether Northgate will be your first choice …
			// for our planning" asks for the program all the same)
		default:
			return TypeOther, fmt.Sprintf("%s from the hospital's HR or careers system (job alerts, news): other", best)
		}
	}
	if best == TypeProgramUpdate && (kind == clSenderPlatform || kind == clSenderMatch) && prog != nil && (bulk || clMemberMail(m.Text)) && !c.speaksFor(m, prog) {
		// A platform's or society's mailing to its members that names
		// programs among others (a conference's fellowship fair) is
		// none of theirs.
		return TypeOther, clWhyMemberMail
	}
	if best == TypeProgramUpdate && sc.score["cue:season"] == 0 {
		// The institution's news for patients ("flu shots at all our
		// clinics") says nothing of training or the season.
		return TypeOther, "news that says nothing of training or the Match: other"
	}
	if bulk && kind != clSenderProgram && kind != clSenderMatch && prog == nil {
		return TypeOther, "bulk mail naming no program: other"
	}
	return best, why
}

// clMoveWords say an interview moves from one day to another (read-only).
var clMoveWords = []string{"move", "moved", "moving", "reschedule", "rescheduled", "rescheduling", "change", "changed", "shift", "shifted", "switch", "switched"}

// clIsDeterminer reports whether w may stand between a preposition and a date.
func clIsDeterminer(w string) bool {
	switch w {
	case "the", "your", "our", "its", "their", "this", "that":
		return true
	}
	return false
}

// clNamedSeveral reports whether another program is named by its full
// name nearly as strongly as the best one: a service's notice listing the
// programs she applied to.
func clNamedSeveral(ms map[int]*clMention, best *clMention) bool {
	if best == nil || !best.strong {
		return false
	}
	for _, m := range ms {
		if m != best && m.strong && m.score >= 0.6*best.score {
			return true
		}
	}
	return false
}

// sentencesNamingOthers returns the sentences of d that name, by its own
// name, a configured program other than prog.
func (c *Classifier) sentencesNamingOthers(d *clDoc, prog *config.Program) map[int32]bool {
	out := map[int32]bool{}
	all := clSentCollector{out}
	for pi := range c.programs {
		cp := &c.programs[pi]
		if cp.p.Key == prog.Key {
			continue
		}
		for _, n := range cp.names {
			if !n.inst {
				continue
			}
			if n.acronym != "" {
				n.eachAcronym(d, func(k int) { out[d.toks[k].sent] = true })
				continue
			}
			n.phrase.find(d, all) // every match, through the collector
		}
	}
	return out
}

// clSentCollector notes the sentence of every match and keeps none, so a
// find visits them all.
type clSentCollector struct{ sents map[int32]bool }

func (c clSentCollector) keep(d *clDoc, sp clSpan) bool {
	c.sents[d.toks[sp.from].sent] = true
	return false
}

// clWaitlistedNotDeclined reads "We were not able to extend you an
// interview invitation in this round … Dr. Feld has asked me to place you
// on our interview waitlist": no invitation yet, but a place on the
// waitlist, which is the message's news. It needs a phrase of full weight
// that puts her on the list, in a message that does not merely offer to
// ("if you would like, we can add your name to our alternate list").
func clWaitlistedNotDeclined(sc *clScores, own string, note func(string, ...any)) {
	if sc.score[TypeInterviewDecline] <= 0 || sc.score[TypeWaitlist] < 6 {
		return
	}
	if reOffersToList.MatchString(strings.ToLower(clTruncate(own, 1<<14))) {
		return
	}
	for _, h := range sc.hits {
		if h.typ == TypeWaitlist && h.weight >= 6 && rePutOnList.MatchString(strings.ToLower(h.excerpt)) {
			note("declined for now but placed on the waitlist (%s): a waitlist", h.excerpt)
			sc.score[TypeInterviewDecline] = 0
			return
		}
	}
}

// rePutOnList is a waitlist phrase that puts her on the list.
var rePutOnList = regexp.MustCompile(`\b(?:place|placed|placing|put|putting|added|adding|add|keep|kept|keeping)\s+(?:you|your name|your application)\b`)

// reOffersToList offers a place on the list rather than giving one.
var reOffersToList = regexp.MustCompile(`\b(?:if you (?:would|'d|’d) like|would you like|if you wish|if you are interested|we (?:can|could) (?:add|place|put|keep)|happy to (?:add|place|put|keep)|glad to (?:add|place|put|keep)|let us know if)\b`)

// clHasLeft reports whether the writer says they have left their post:
// "my last day", "I no longer work", "I have left".
func clHasLeft(d *clDoc) bool {
	return d != nil && (clHasSeq(d, "my", "last", "day") || clHasSeq(d, "no", "longer", "work") || clHasSeq(d, "no", "longer", "with") ||
		clHasSeq(d, "i", "have", "left") || clHasSeq(d, "ive", "left") || clHasSeq(d, "i", "left", "the"))
}

// clPractice reports whether the subject or the body is about a rehearsal
// for an interview: "mock interview", "practice interview", "interview
// prep".
func clPractice(subj, body *clDoc) bool {
	for _, d := range []*clDoc{subj, body} {
		if d != nil && (clHasSeq(d, "mock", "interview") || clHasSeq(d, "mock", "interviews") || clHasSeq(d, "practice", "interview") ||
			clHasSeq(d, "interview", "prep") || clHasSeq(d, "interview", "practice")) {
			return true
		}
	}
	return false
}

// clNamedAlike reports whether another program is named as strongly as
// the best one (by its institution, as often, in the same places).
func clNamedAlike(ms map[int]*clMention, best *clMention) bool {
	if best == nil {
		return false
	}
	for _, m := range ms {
		if m != best && m.strong && best.strong && m.score == best.score {
			return true
		}
	}
	return false
}

// clHerInterviewDay sets the interview date when the only day offered is
// named, in its sentence, as her interview ("your interview on …").
func clHerInterviewDay(cl *Classification, offered []clDate, note func(string, ...any)) {
	ds := clDistinct(offered, nil)
	if len(ds) > 1 {
		// "Ahead of your interview on Thursday, December 10, … a dinner
		// on Wednesday, December 9": the day named as the interview's.
		ds = clDistinct(ds, func(d clDate) bool { return d.named })
	}
	if len(ds) != 1 || !ds[0].interview || ds[0].doc == nil || ds[0].from >= len(ds[0].doc.toks) {
		return
	}
	d := ds[0]
	if !clSentenceHas(d.doc, d.from, "your") || !clSentenceHas(d.doc, d.from, "interview", "visit") {
		return
	}
	// "Fellows' Fireside Chat (optional, not part of your interview) Time:
	// Nov 3": a day that is said not to be the interview's.
	if clSentenceHas(d.doc, d.from, "not") && clSentenceHas(d.doc, d.from, "part") {
		return
	}
	// "before the track committee meets on November 6": the day of
	// another event in a sentence about her interview.
	if clOtherEventDay(d.doc, d.from) {
		return
	}
	cl.InterviewDate = clDayString(d.day)
	cl.InterviewAt = d.at
	note("her interview date %s from %q", cl.InterviewDate, d.text)
}

// clOtherInterview are the words before "interview" that make it another
// kind than the program's: "your visa interview on the 27th".
var clOtherInterview = map[string]bool{
	"visa": true, "embassy": true, "consular": true, "consulate": true, "immigration": true, "biometrics": true,
	"job": true, "uscis": true, "ds": true, "j1": true, "h1b": true,
}

// clBackBefore reports whether "back" stands in the few words before token
// j in its clause ("put you back on your original date").
func clBackBefore(d *clDoc, j int) bool {
	for k := j - 1; k >= 0 && k >= j-5 && d.toks[k].clause == d.toks[j].clause; k-- {
		if d.toks[k].w == "back" {
			return true
		}
	}
	return false
}

// clDeadlineLabelAfter reports whether the date ending at token to is
// followed by a colon and words that make it a deadline ("…, October 21:
// please reply by this date", "December 3: rank list deadline").
func clDeadlineLabelAfter(d *clDoc, to int) bool {
	if to+1 >= len(d.toks) || !strings.Contains(d.src[d.toks[to].e:d.toks[to+1].s], ":") {
		return false
	}
	for j := to + 1; j < len(d.toks) && j <= to+8 && d.toks[j].sent == d.toks[to].sent; j++ {
		switch d.toks[j].w {
		case "deadline", "due":
			return true
		case "reply", "respond", "rsvp", "confirm", "answer":
			if j+1 < len(d.toks) && d.toks[j+1].w == "by" {
				return true
			}
		}
	}
	return false
}

// clOtherEventDay reports whether the words just before the day at token
// i make it the day of something other than her interview: "the committee
// meets on …", "the deadline is …", "the office closes …".
func clOtherEventDay(d *clDoc, i int) bool {
	cl := d.toks[i].clause
	for k := i - 1; k >= 0 && k >= i-3 && d.toks[k].clause == cl; k-- {
		switch d.toks[k].w {
		case "meets", "meet", "convenes", "convene", "deadline", "due", "closes", "close", "closed", "reviews", "decides", "certify", "certifies":
			return true
		case "interview", "interviews", "visit":
			return false
		}
	}
	return false
}

// clHerWithdrawal reports whether a sentence says her interview or
// invitation was withdrawn or cancelled at her own request.
func clHerWithdrawal(d *clDoc) bool {
	for i := range d.toks {
		switch d.toks[i].w {
		case "withdrawn", "cancelled", "canceled", "removed":
			if clSentenceHas(d, i, "requested", "request") && clSentenceHas(d, i, "interview", "invitation", "visit") {
				return true
			}
		}
	}
	return false
}

// clPostscript returns the P.S. in a signature block, from its "P.S." on,
// or "".
func clPostscript(sig string) string {
	if sig == "" {
		return ""
	}
	m := rePostscript.FindStringIndex(sig)
	if m == nil {
		return ""
	}
	return clTruncate(sig[m[0]:], 4096)
}

var rePostscript = regexp.MustCompile(`(?m)^[ \t]*(?:P\.\s?S\b|PS[:.,-])`)

// clNamesRequirement reports whether d speaks of a requirement of
// eligibility: visas, graduation, exams, accreditation, certification.
func clNamesRequirement(d *clDoc) bool {
	return clHasAnyWord(d, "eligib", "ineligib", "requir", "visa", "sponsor", "acgme", "graduat", "citizen", "permanent", "ecfmg", "usmle", "step", "attempt", "accredit", "certif", "qualif", "criteria", "h1b", "j1")
}

// clHasAnyWord reports whether d holds one of ws (each read as clHasWord
// reads it).
func clHasAnyWord(d *clDoc, ws ...string) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return clHasWord(d, w) })
}

// clSubjectAsksEligibility reports whether a subject names a question of
// eligibility ("ECFMG timing question", "Visa sponsorship?"), not
// documents required.
func clSubjectAsksEligibility(d *clDoc) bool {
	return clHasAnyWord(d, "eligib", "ineligib", "visa", "sponsor", "ecfmg", "usmle", "img", "h1b", "j1", "graduat", "citizen", "accredit")
}

// clIsDayLabel reports whether w names a day in a field label ("New date:").
func clIsDayLabel(w string) bool {
	switch w {
	case "date", "day", "time", "session", "slot":
		return true
	}
	return false
}

// clBestNonOffer is the best-scoring output type other than a pre-match offer.
func clBestNonOffer(sc *clScores) string { return clBestExcept(sc, TypePreMatchOffer) }

// clBestExcept is the best-scored type that is none of skip (other when
// none is left).
func clBestExcept(sc *clScores, skip ...string) string {
	for _, t := range sc.ranked() {
		if !slices.Contains(skip, t) {
			return t
		}
	}
	return TypeOther
}

// reDisregardBelow is a cover note that takes back the message it
// forwards (lower case).
// clQuotedIsForward reports whether the quoted part opens with a
// forwarded message's marker ("---------- Forwarded message ---------",
// "Begin forwarded message:"), not a reply's.
func clQuotedIsForward(q string) bool {
	for _, l := range strings.SplitN(q, "\n", 6) {
		if l = strings.TrimSpace(l); l != "" {
			return forwardRe.MatchString(l) || forwardSeparatorRe.MatchString(l)
		}
	}
	return false
}

var reFwdContext = regexp.MustCompile(`\bfor (?:your )?(?:reference|context|records)\b|\bmy (?:earlier|previous|original|last) (?:mail|e-?mail|message|note|letter)\b|\b(?:earlier|previous|original) (?:mail|e-?mail|message|note|letter) (?:is )?(?:below|underneath|attached)\b`)

var reDisregardBelow = regexp.MustCompile(`\b(?:disregard|ignore)\s+(?:the\s+|that\s+|this\s+|my\s+|our\s+)?(?:\w+\s+)?(?:note|message|email|e-mail|mail|letter|notice)\s+(?:below|above|underneath|i forwarded|forwarded)\b|\b(?:disregard|ignore)\s+(?:everything\s+|the\s+message\s+)?below\b`)

// clTiers orders the types from firmest to softest news (read-only).
var clTiers = [][]string{
	{TypeMatchResult},
	{TypeInterviewInvite, TypeInterviewConfirmation, TypeInterviewDecline, TypeWaitlist},
	{TypeApplicationRequest, TypeEligibilityReply},
}

// clTierRatio is how close to the best score a tier's best must come to win.
var clTierRatio = []float64{0.6, 0.5, 0.6}

// interviewDate fixes the interview date when exactly one is offered.
func (c *Classifier) interviewDate(cl *Classification, cal []clEvent, dates, offered []clDate, note func(string, ...any)) {
	// "Your interview is on Thursday, November 5 … go by this email, not
	// the calendar file", "You are scheduled for Thursday, December 17, not
	// the 10th": the day the text names as her interview, or gives to her,
	// wins.
	var named []clDate
	for _, d := range offered {
		for _, o := range dates {
			if o.day == d.day && (o.named || o.hers && !o.otherEvnt) && !o.old && !o.deadline {
				named = append(named, d)
				break
			}
		}
	}
	if n := distinctEvents(cal); n >= 1 && len(clDistinct(named, nil)) == 1 && named[0].day != cal[0].day {
		cl.InterviewDate = clDayString(named[0].day)
		cl.InterviewAt = named[0].at
		note("interview date %s from %q, not the calendar file's %s", cl.InterviewDate, named[0].text, clDayString(cal[0].day))
		return
	}
	if n := distinctEvents(cal); n == 1 {
		cl.InterviewDate = clDayString(cal[0].day)
		cl.InterviewAt = cal[0].at
		note("interview date %s from the calendar invitation", cl.InterviewDate)
		return
	} else if n > 1 {
		note("calendar offers %d dates: none fixed", n)
		return
	}
	pick := offered
	if len(pick) > 1 {
		// Prefer the dates in sentences about the interview itself (a
		// list of days in such a sentence, "Interview days are Thursday,
		// December 3; Thursday, December 10; and …", all of them).
		// (any mention of the day counts: offered keeps the first, and
		// "Itinerary – Interview Day, Tues. Dec. 8" may name it only in
		// the subject)
		in := make([]bool, len(pick))
		for i, d := range pick {
			in[i] = slices.ContainsFunc(dates, func(o clDate) bool {
				return o.day == d.day && o.interview && !o.deadline && !o.old && !o.notDay
			})
		}
		for grew := true; grew; {
			grew = false
			for i, d := range pick {
				for j, o := range pick {
					if !in[i] && in[j] && o.doc == d.doc && d.from > o.to && d.from-o.to <= 4 {
						in[i], grew = true, true
					}
				}
			}
		}
		var iv []clDate
		for i, d := range pick {
			if in[i] {
				iv = append(iv, d)
			}
		}
		if len(clDistinct(iv, nil)) == 1 {
			pick = iv
		}
	}
	// Of several, the one the message moves her to, then the one it gives
	// her ("we have held that date for you: …", "C (your session)").
	// offered holds one date per day: ask of every mention of the day.
	mentioned := func(mark func(clDate) bool) func(clDate) bool {
		return func(d clDate) bool {
			for _, o := range dates {
				if o.day == d.day && mark(o) && !o.deadline && !o.old && !o.notDay {
					return true
				}
			}
			return false
		}
	}
	for _, keep := range []func(clDate) bool{
		mentioned(func(d clDate) bool { return d.moved }),
		mentioned(func(d clDate) bool { return d.hers }),
		mentioned(func(d clDate) bool { return d.named }),
		// then the one the subject line names ("Your host on 8 Dec" above
		// a note that also mentions the residents' Zoom on Monday)
		mentioned(func(d clDate) bool { return d.subject }),
	} {
		if len(clDistinct(pick, nil)) > 1 {
			if ds := clDistinct(pick, keep); len(ds) == 1 {
				pick = ds
			}
		}
	}
	pick = clDistinct(pick, nil)
	switch len(pick) {
	case 0:
	case 1:
		cl.InterviewDate = clDayString(pick[0].day)
		cl.InterviewAt = pick[0].at
		note("interview date %s from %q", cl.InterviewDate, pick[0].text)
	default:
		var s []string
		for _, d := range pick {
			s = append(s, clDayString(d.day))
		}
		note("several dates offered (%s): none fixed", strings.Join(s, ", "))
	}
}

// reZoneWord is a US time zone named in a message's text.
var reZoneWord = regexp.MustCompile(`\b(?:E|C|M|P)(?:S|D)?T\b|\b(?:Eastern|Central|Mountain|Pacific)\b`)

// clZoneWord returns the first US time zone named in text, as reZoneWord
// would find it (ET, EST, EDT, CT … PDT; Eastern, Central, Mountain,
// Pacific, as whole words), scanning once instead of running the
// expression.
func clZoneWord(text string) string {
	word := func(c byte) bool { return c == '_' || isCLWordByte(c) }
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case 'E', 'C', 'M', 'P':
		default:
			continue
		}
		if i > 0 && word(text[i-1]) {
			continue
		}
		rest := text[i+1:]
		end := func(n int) bool { return n == len(rest) || !word(rest[n]) }
		switch {
		case len(rest) >= 1 && rest[0] == 'T' && end(1):
			return text[i : i+2]
		case len(rest) >= 2 && (rest[0] == 'S' || rest[0] == 'D') && rest[1] == 'T' && end(2):
			return text[i : i+3]
		}
		for _, full := range [...]string{"Eastern", "Central", "Mountain", "Pacific"} {
			if full[0] == text[i] && strings.HasPrefix(text[i:], full) && (i+len(full) == len(text) || !word(text[i+len(full)])) {
				return full
			}
		}
	}
	return ""
}

// clLocalDate is the message's Date as the program's clock read it: a Date
// stamped in UTC ("Thu, 05 Nov 2026 01:40:00 +0000", written at 5:40 PM in
// California) is moved into the US zone its text names ("9:00 AM PT"), or,
// with none named, into Eastern time when it is before 04:00 UTC, when
// every US zone is still on the day before. Other Dates are kept.
func clLocalDate(d time.Time, text string) time.Time {
	if d.IsZero() {
		return d
	}
	if _, off := d.Zone(); off != 0 {
		return d
	}
	day := clDay{d.Year(), d.Month(), d.Day()}
	if w := clZoneWord(clTruncate(text, 1<<14)); w != "" {
		abbr := strings.ToLower(w)
		if len(abbr) > 3 {
			abbr = abbr[:1] + "t"
		}
		if loc := clZoneAbbrev(abbr, day); loc != nil {
			return d.In(loc)
		}
	}
	if d.Hour() < 4 {
		if loc := clZoneAbbrev("et", day); loc != nil {
			return d.In(loc)
		}
	}
	return d
}

// reGroupGreeting opens a message to a group: "Dear Applicants,", "Hello
// all,", "Dear Interviewees".
var reGroupGreeting = regexp.MustCompile(`(?i)^\s*(?:dear|hello|hi|greetings|good (?:morning|afternoon|evening))\s+(?:(?:fellowship|residency|program|prospective|interview|clinical|informatics|ci|pediatrics|internal|medicine|im|\d{4})\s+){0,3}(?:all|applicants|candidates|interviewees|everyone|colleagues|future (?:fellows|residents))\b`)

// clRunningLate reports an interviewer running late ("running a few min
// late", "10 minutes late to our 10:40"): a note written on the day.
func clRunningLate(d *clDoc) bool {
	return clHasWord(d, "late") && (clHasWord(d, "running") || clHasWord(d, "minutes") || clHasWord(d, "min") || clHasWord(d, "mins"))
}

// clResultsOfAMatch reports text that speaks of a match's results.
func clResultsOfAMatch(m *Message) bool {
	low := strings.ToLower(clTruncate(m.Own, 4096) + " " + m.Subject)
	return strings.Contains(low, "results") && strings.Contains(low, "match") && !strings.Contains(low, "unsubscribe")
}

// clStartingSoon reports a reminder for something about to start
// ("Starting in 1 hour", "begins in 30 minutes").
func clStartingSoon(d *clDoc) bool {
	return (clHasWord(d, "starting") || clHasWord(d, "begins") || clHasWord(d, "starts")) && (clHasWord(d, "hour") || clHasWord(d, "minutes") || clHasWord(d, "mins"))
}

// clSideEvents name the gatherings around an interview day that are not
// the interview (lower case).
var clSideEvents = []string{"social", "dinner", "happy hour", "mixer", "meet and greet", "meet & greet", "reception", "tour", "open house", "webinar", "info session", "information session", "lunch"}

// clSideEvent reports whether a calendar event's summary names a social,
// a dinner or a tour and not the interview ("NRH IM residents' virtual
// social (optional)" attached beside "your Zoom link for the interview day").
func clSideEvent(summary string) bool {
	s := strings.ToLower(summary)
	return !strings.Contains(s, "interview") && containsAnyOf(s, clSideEvents)
}

// clEmailSubject are the words before "email" that make it a verb.
var clEmailSubject = map[string]bool{"will": true, "to": true, "ll": true, "we": true, "i": true, "she": true, "he": true, "they": true, "would": true, "can": true, "shall": true, "also": true, "then": true, "coordinator": true}

// markDates flags deadlines, dates of other events, and interview sentences.
func (c *Classifier) markDates(dates []clDate) {
	for i := range dates {
		dt := &dates[i]
		d := dt.doc
		if d == nil || dt.from >= len(d.toks) {
			continue
		}
		// Words just before the date in its clause.
		start, moved, prep := false, false, false
		cl := d.toks[dt.from].clause
		if f := dt.from; f >= 2 && clIsDayLabel(d.toks[f-1].w) {
			// A field label ("Previous date: Tuesday, December 1"): the
			// label is the date's own clause, whatever stands between.
			switch d.toks[f-2].w {
			case "previous", "original", "old", "former", "prior":
				// (not the day she is put back on: "Let's put you back on
				// your original date, Thursday, November 5")
				if !clBackBefore(d, f-2) {
					dt.old = true
				}
			case "new", "updated", "revised", "rescheduled":
				// "New session: Tuesday, December 1": the day it moved to.
				moved = true
			}
		}
		// "You are scheduled for Thursday, December 17, not the 10th",
		// "rather than the 10th": the day named only to be set aside ("if
		// not, Tuesday the 17th" offers it instead).
		if f := dt.from; f >= 1 {
			w1, w2 := d.toks[f-1].w, ""
			if f >= 2 {
				w2 = d.toks[f-2].w
			}
			if w1 == "not" && w2 != "if" && w2 != "or" || w1 == "of" && w2 == "instead" || (w1 == "the" || w1 == "on") && (w2 == "not" || w2 == "than" && f >= 3 && d.toks[f-3].w == "rather") ||
				w1 == "than" && w2 == "rather" {
				dt.old = true
			}
		}
		// "we have to move all interviews planned for Tuesday, December 1":
		// the day being moved away from.
		if f := dt.from; f >= 2 && d.toks[f-1].w == "for" {
			switch d.toks[f-2].w {
			case "planned", "scheduled", "booked", "set", "originally", "slated":
				if clSentenceHas(d, f, "move", "moving", "reschedule", "rescheduling", "postpone", "postponing", "shift", "shifting") {
					dt.old = true
				}
			}
		}
		// "we'll also remove you from the Interview Broker waitlist for the
		// 17th": the day of a waitlist she leaves, not hers.
		if f := dt.from; f >= 2 && (d.toks[f-1].w == "for" || d.toks[f-1].w == "on") {
			switch d.toks[f-2].w {
			case "waitlist", "waitlists", "alternate", "alternates", "standby":
				dt.old = true
			case "list":
				if f >= 3 && (d.toks[f-3].w == "wait" || d.toks[f-3].w == "alternate" || d.toks[f-3].w == "standby") {
					dt.old = true
				}
			}
		}
		// "This cancels the calendar hold for the 29th", "we're moving
		// everyone who was booked into that session": a day taken away.
		if clFallbackDay(d, dt.from) {
			dt.notDay = true // (this mention only: "… reply with any window tomorrow")
		}
		if clCancelledBefore(d, dt.from) || clMovedAwayFrom(d, dt.from) {
			dt.old = true
		}
		// "by 11:59 pm PT on October 23": a deadline, times between.
		for j := dt.from - 1; j >= 0 && j >= dt.from-8 && d.toks[j].sent == d.toks[dt.from].sent; j-- {
			w := d.toks[j].w
			if w == "by" || w == "before" || w == "until" {
				dt.deadline = true
				break
			}
			if _, isNum := clNum(strings.TrimRight(w, "apm"), true); isNum {
				continue
			}
			switch w {
			case "am", "pm", "a", "m", "p", "noon", "midnight", "on", "at", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "pt", "pst", "pdt", "gmt", "utc", "eastern", "central", "pacific", "mountain", "time":
				continue
			}
			break
		}
		// "Wednesday, October 21: please reply by this date to confirm": a
		// day a label after its colon makes a deadline.
		if clDeadlineLabelAfter(d, dt.to) {
			dt.deadline = true
		}
		// "before we finalize our interview list on October 16": the day a
		// step of theirs is due by, not a day to come to.
		for j := dt.from - 1; j >= 0 && j >= dt.from-8 && d.toks[j].clause == cl; j-- {
			if w := d.toks[j].w; w == "before" || w == "by" || w == "until" {
				for k := j + 1; k < dt.from; k++ {
					switch d.toks[k].w {
					case "finalize", "finalise", "finalizes", "finalises", "complete", "completes", "close", "closes", "review", "reviews", "decide", "decides", "send", "sends", "make", "makes", "submit", "submits", "certify", "certifies":
						dt.deadline = true
					}
				}
				break
			}
		}
		// "5:00-7:00 PM MT (= 00:00-02:00 UTC on Wednesday, January 13)":
		// the same slot told in UTC, not a second day.
		// (Only just after a local day a day apart or the same.)
		for j := dt.from - 1; j >= 0 && j >= dt.from-3 && d.toks[j].sent == d.toks[dt.from].sent; j-- {
			if w := d.toks[j].w; (w == "utc" || w == "gmt") && clLocalDayBefore(dates, i) {
				dt.notDay = true
				break
			}
		}
		// "your room is booked for Wednesday night": a night at the hotel,
		// not the interview's day.
		if dt.to+1 < len(d.toks) && d.toks[dt.to+1].w == "night" || clSentenceHas(d, dt.from, "hotel", "inn", "lodging", "flight", "airport") {
			dt.notDay = true
		}
		// "we moved you off the 8th", "we are not interviewing on the 15th
		// after all": a day taken away.
		for j := dt.from - 1; j >= 0 && j >= dt.from-5 && d.toks[j].clause == cl; j-- {
			if w := d.toks[j].w; w == "off" && clSentenceHas(d, dt.from, clMoveWords...) || w == "not" && clSentenceHas(d, dt.from, "interviewing", "holding", "running", "offering") {
				dt.old = true
				break
			}
		}
		// "goes live on Thursday, December 3, so we need to move your
		// interview": the day it leaves (across the comma).
		for j := dt.to + 1; j+1 < len(d.toks) && j <= dt.to+7 && d.toks[j].sent == d.toks[dt.from].sent; j++ {
			// ("if you need to leave early on the 1st, we can move your
			// faculty interviews to the morning" keeps the day)
			// ("downtime for this Thursday, and we've had to cancel that
			// interview day": the day it leaves)
			if j+2 < len(d.toks) && slices.Contains([]string{"cancel", "cancelled", "canceled", "cancelling", "canceling"}, d.toks[j].w) &&
				clIsDeterminer(d.toks[j+1].w) && slices.Contains([]string{"interview", "day", "date", "session"}, d.toks[j+2].w) {
				dt.old = true
				break
			}
			if w := d.toks[j].w; (w == "move" || w == "moving" || w == "reschedule" || w == "rescheduling") && (d.toks[j+1].w == "your" || d.toks[j+1].w == "you" || d.toks[j+1].w == "everyone") &&
				!slices.Contains([]string{"can", "could", "would", "may", "might", "if"}, d.toks[j-1].w) && !clSentenceHas(d, dt.from, "if") {
				dt.old = true
				break
			}
		}
		// "change - now Friday, November 13": the day it moves to; so is
		// "Your new date is Monday, November 9".
		nowBefore := dt.from > 0 && (d.toks[dt.from-1].w == "now" || d.toks[dt.from-1].w == "new") ||
			dt.from >= 3 && (d.toks[dt.from-1].w == "is" || d.toks[dt.from-1].w == "will") && clIsDayLabel(d.toks[dt.from-2].w) &&
				slices.Contains([]string{"new", "updated", "revised", "rescheduled", "changed"}, d.toks[dt.from-3].w)
		if nowBefore {
			moved = true
		}
		// "your November 12 interview must be rescheduled": the day it
		// leaves.
		for j := dt.to + 1; j < len(d.toks) && j <= dt.to+5 && d.toks[j].clause == cl; j++ {
			switch d.toks[j].w {
			case "rescheduled", "cancelled", "canceled", "postponed":
				dt.old = true
			case "to", "for", "on":
				j = len(d.toks) // "moved to …": another day's words
			}
		}
		for j := dt.from - 1; j >= 0 && j >= dt.from-5; j-- {
			t := d.toks[j]
			if t.clause != cl && j < dt.from-1 {
				break
			}
			switch t.w {
			case "for", "on", "to", "until", "till", "into":
				prep = true
			case "reschedule", "rescheduling", "move", "moving", "cancel", "cancelling", "canceling", "postpone", "postponing", "change", "changing",
				// "(replaces the December 1 hold)"
				"replaces", "replacing", "supersedes", "superseding":
				// "reschedule your November 12 interview": the day it
				// leaves ("rescheduled for December 4" is the new one).
				if !prep && j >= dt.from-3 && !nowBefore {
					dt.old = true
				}
			}
			switch t.w {
			case "by", "before", "until", "til", "till", "deadline", "due", "later", "rsvp", "expires", "closes", "close",
				// "for replying late on Tuesday": a day to answer by
				"replying", "responding", "reply", "respond",
				// in French, Spanish, Portuguese and German ("Merci de me
				// confirmer votre présence d'ici le 2 novembre")
				"dici", "avant", "jusquau", "antes", "hasta", "até", "bis":
				if j >= dt.from-3 {
					dt.deadline = true
				}
			case "after":
				// "updates received after 20 November": a cut-off.
				if j >= dt.from-2 {
					dt.deadline = true
				}
			case "emailed", "mailed", "sent", "released", "posted", "circulated", "distributed", "shared", "announced", "published",
				"sending", "emailing", "mailing", "releasing", "posting", "send", "sends", "email", "emails",
				// "links and your schedule will follow on Wednesday"; "Diego
				// will be in touch on Monday with the date"
				"follow", "arrive", "touch", "contact", "reach", "hear":
				// "email" and "emails" as a verb only ("will email the link
				// tomorrow"; "this email confirms your interview on …" is
				// the interview's day).
				if (t.w == "email" || t.w == "emails") && (j == 0 || !clEmailSubject[d.toks[j-1].w]) {
					break
				}
				// "the Zoom link will be emailed on 11/12": when something
				// reaches her, not a day to come to.
				if j >= dt.from-5 && t.clause == cl {
					dt.notDay = true
				}
			case "originally", "previously", "formerly", "old", "previous", "former":
				// (not the day she is put back on: "Let's put you back on
				// your original date, Thursday, November 5")
				if !clBackBefore(d, j) {
					dt.old = true
				}
			case "beginning", "starting", "commencing", "effective", "begins", "starts", "start", "begin", "commence", "commences":
				// "a position beginning July 1, 2027": the start of
				// training, not a day to interview. A field label
				// ("Start: 2026-11-05T13:00") is the event's own start.
				if j >= dt.from-2 && t.clause == cl {
					start = true
				}
			case "to", "into":
				// "moved you … to Thursday, November 12", "… to the
				// following Thursday, December 10": the new day.
				near := j >= dt.from-2 || j == dt.from-3 && (d.toks[j+1].w == "the" || d.toks[j+1].w == "following" || d.toks[j+1].w == "next") ||
					// "moved you to our next date, Thursday, December 10"
					j >= dt.from-5 && j+3 < dt.from && (d.toks[j+1].w == "our" || d.toks[j+1].w == "the") &&
						(d.toks[j+2].w == "next" || d.toks[j+2].w == "new" || d.toks[j+2].w == "following") && clIsDayLabel(d.toks[j+3].w) ||
					// "moved you to a make-up session on Monday, November 9"
					clSessionBetween(d, j+1, dt.from)
				if near && clSentenceHas(d, dt.from, clMoveWords...) {
					moved = true
				}
			case "from":
				// "move your interview from December 1 to December 8",
				// "moved you from the November 5 session to …"
				if (j == dt.from-1 || j == dt.from-2 && clIsDeterminer(d.toks[j+1].w)) && clSentenceHas(d, dt.from, clMoveWords...) {
					dt.old = true
				}
			}
		}
		// "your interview on Thursday, December 10", "You are interviewing on
		// Wednesday 18 November": the interview's own day.
		for j := dt.from - 1; j >= 0 && j >= dt.from-4 && d.toks[j].clause == cl; j-- {
			if d.toks[j].w == "interview" || d.toks[j].w == "interviewing" && j > 0 && (d.toks[j-1].w == "are" || d.toks[j-1].w == "youre") {
				dt.named = j == 0 || d.toks[j-1].w != "pre" && d.toks[j-1].w != "post" && !clOtherInterview[d.toks[j-1].w]
				break
			}
			if w := d.toks[j].w; w != "on" && w != "is" && w != "now" && w != "date" && w != "day" && w != "scheduled" && w != "set" && w != "for" {
				break
			}
		}
		// "This email confirms your interview for the Internal Medicine
		// Residency, Clinical Informatics Track on Tuesday, December 15":
		// the first day of a sentence that confirms her interview.
		if !dt.named && (i == 0 || dates[i-1].sentence != dt.sentence) && clConfirmsHerInterview(d, dt.from) {
			dt.named = true
		}
		// "For you in Dhaka that is 7:30 AM on Tuesday, January 12", "By my
		// arithmetic that is 7:00 AM on Friday the 6th for you": the same
		// hour on her clock, not another day.
		// (An hour must be told: "I've booked the slot for you in Thalamus
		// myself" is no clock.)
		if (slices.ContainsFunc(clHerClockSeqs, func(ws []string) bool { return clSentenceHasSeq(d, dt.from, ws...) }) ||
			clSentenceHasSeq(d, dt.from, "that", "is") && clFollowedBy(d, dt.to, "for", "you")) && clSentenceTellsHour(d, dt.from) {
			if clOtherDateInDoc(dates, i) {
				dt.notDay = true
			}
		}
		// A two-day interview: "Day 1 - Monday, November 2 … Day 2 - …";
		// the first day is the interview's date.
		if f := dt.from; f >= 2 && d.toks[f-2].w == "day" && (d.toks[f-1].w == "1" || d.toks[f-1].w == "one") {
			dt.named, dt.interview = true, true
		}
		// "the week of November 9": a week, not a day.
		if f := dt.from; f >= 2 && d.toks[f-1].w == "of" && (d.toks[f-2].w == "week" || d.toks[f-2].w == "weekend") {
			dt.notDay = true
		}
		// The whole sentence.
		sent := d.toks[dt.from].sent
		lo := clSentStart(d, dt.from)
		dt.hers = clGivenToHer(d, lo)
		other, calendar, eveBefore, otherKind := false, false, false, false
		for j := lo; j < len(d.toks) && d.toks[j].sent == sent; j++ {
			if j == dt.from-1 && d.toks[j].clause != cl {
				// A field label. "Interview: …" names the interview's own
				// day; "Start: …", "Date: …" are the event's own fields;
				// "Welcome dinner: …" is another event.
				switch d.toks[j].w {
				case "interview":
					if j == lo || d.toks[j-1].w != "pre" && d.toks[j-1].w != "post" {
						dt.interview = true
					}
					continue
				case "start", "starts", "begin", "begins", "date", "dates", "time", "times", "day", "days", "when", "scheduled", "confirmed",
					"session", "sessions", "slot", "slots", "options", "available", "choices":
					continue
				}
			}
			switch w := d.toks[j].w; w {
			case "interview", "interviews", "interviewing", "visit", "scheduled", "confirmed", "confirm", "confirms", "booked", "itinerary":
				if j > 0 && d.toks[j-1].w == "second" {
					other = true // "an optional second visit"
				} else if w == "interview" && j > 0 && d.toks[j-1].w == "we" && (j+1 >= len(d.toks) || d.toks[j+1].w != "you") {
					// "open to every applicant we interview this season": the
					// program's interviews in general, not hers
				} else if j > 0 && clOtherInterview[d.toks[j-1].w] {
					otherKind = true // "your visa interview on the 27th", hers but not the program's
				} else if j == 0 || (d.toks[j-1].w != "pre" && d.toks[j-1].w != "post") {
					dt.interview = true
				} else {
					other = true
				}
			case "filled", "full", "taken", "cancelled", "canceled", "unavailable", "instead":
				// "the 12th is full, so I've booked you for November 5":
				// with another date in the sentence, only the date in the
				// word's own clause is no longer offered.
				// Not when the sentence marks the date as hers ("Full <--
				// YOUR INTERVIEW") or books her after the word ("our
				// December days are full, so we have reserved January 7").
				// Nor when the word is said of the other days: "If the 10th is
				// impossible, let me know, although our remaining dates are
				// close to full".
				// Nor a "full day" (a whole one: "it is the only full day we
				// have left").
				wholeDay := w == "full" && j+1 < len(d.toks) && (d.toks[j+1].w == "day" || d.toks[j+1].w == "days")
				if w != "instead" && (d.toks[j].clause == cl || !clOtherDateInSentence(dates, i)) &&
					!clYourInterview(d, lo) && !(j < dt.from && clBookedBetween(d, j, dt.from)) && !clSaidOfOthers(d, j) && !wholeDay {
					dt.old = true
				}
				// "If that is too difficult, we can look at Thursday,
				// November 12 instead": an alternative, not the day set.
				if w == "instead" && clSentenceHas(d, dt.from, "if", "should") && clOtherDateInDoc(dates, i) && !clInCondition(d, dt.from) {
					dt.old = true
				}
			case "room", "space", "spots", "slots", "openings":
				// "the 19th has no room left"
				if j > 0 && d.toks[j-1].w == "no" && (d.toks[j].clause == cl || !clOtherDateInSentence(dates, i)) {
					dt.old = true
				}
			case "applied":
				// "you applied" is past news; "Applied Clinical Informatics"
				// is a program's name.
				if j > 0 {
					switch d.toks[j-1].w {
					case "you", "youve", "have", "had", "she", "we", "i", "ive", "already":
						other = true
					}
				}
			case "start", "starts", "begins":
				// "8:30 start", "starts at 8": the day's own hours, not
				// another event's start.
				if !clDayHours(d, j) {
					other = true
				}
			case "season":
				// "our interview season runs from December 10 through
				// January 21" (but "two days left this season" offers them)
				if clSentenceHas(d, dt.from, "runs", "run", "running", "lasts", "spans", "through", "until") {
					calendar = true
				}
			case "last", "final":
				// "Last interview day: Wednesday, December 2": the season's
				// (a field label: "I'd like to invite you to our final
				// interview day: Dec 2" is hers)
				if j+2 < len(d.toks) && d.toks[j+1].w == "interview" && (d.toks[j+2].w == "day" || d.toks[j+2].w == "date" || d.toks[j+2].w == "days") &&
					(j == 0 || d.toks[j-1].w != "your") && d.joinedBy(j+2, ':') && !clSentenceHas(d, dt.from, "invite", "you") {
					calendar = true
				}
			case "alternatively", "alternative", "otherwise":
				// "If that is too difficult, we can look at Thursday,
				// November 12 instead": an alternative, not the day set
				// ("until you hear otherwise, December 1 is your slot"
				// keeps it).
				// (not the day the condition is about: "If the 12th is truly
				// impossible, we will try to find an alternative")
				if clSentenceHas(d, dt.from, "if", "should") && clOtherDateInDoc(dates, i) && !(w == "otherwise" && j > 0 && clToldWords[d.toks[j-1].w]) && !clInCondition(d, dt.from) {
					dt.old = true
				}
			case "closed", "closure", "holiday", "holidays", "thanksgiving", "christmas":
				// "our interview season runs from December 10 through
				// January 21", "the office is closed on November 26":
				// whatever else the sentence says of interviews (but "the
				// day after Thanksgiving" is itself the date)
				if j < dt.from || j > dt.to {
					calendar = true
				}
			case "look":
				if j > 0 && d.toks[j-1].w == "second" {
					other = true // "a Second Look Day"
				}
			case "together":
				if j > 0 && d.toks[j-1].w == "get" {
					other = true // "an optional virtual get-together"
				}
			case "before":
				// "the evening before interviews, Wednesday, November 11":
				// not the interview's day, whatever else the sentence says
				// (just before the date: in "room for you on Tuesday, December
				// 1 … and an optional dinner the night before" the dinner is)
				// ("The residents' dinner is the night before your session,
				// so for you that is now Wednesday 12/9": the dinner's day,
				// however far after its words.)
				if j > 0 && (d.toks[j-1].w == "evening" || d.toks[j-1].w == "night") {
					other = true
					eveBefore = j < dt.from && (dt.from-j <= 6 || clSentenceHas(d, j, "dinner", "social", "reception", "drinks", "mixer", "gathering"))
				}
			case "deadline", "deadlines", "respond", "reply", "rsvp", "certify", "certification", "rank", "ranking", "dinner", "social", "webinar", "orientation", "results", "house", "session", "sessions", "submitted", "received", "wrote", "sent", "expires", "payment", "flight", "match", "graduation",
				"greet", "daylight", "waitlist", "casual",
				// a dinner, and the eve, in other languages ("Un souper
				// informel … aura lieu la veille au soir, le lundi 30 novembre")
				"souper", "dîner", "cena", "jantar", "abendessen", "veille", "víspera":
				other = true
			}
		}
		// (Not another event moved: "The residents have moved their
		// get-together to Sunday evening".)
		if moved && !dt.old && !(other && !clSentenceHas(d, dt.from, "interview", "interviews", "interviewing", "visit", "session")) {
			dt.interview = true
			dt.moved = true
		}
		// An itinerary's line under the date names its event:
		// "Thursday, November 5 - 7:45 AM to 2:30 PM / Interview day, …";
		// "Wednesday, November 4 - 6:30 PM / Informal dinner …".
		if k := clNextSentence(d, dt.from); k >= 0 && clDateLine(d, dt.from) && clSentenceLen(d, k) <= 16 {
			next := ""
			if k+1 < len(d.toks) && d.toks[k+1].sent == d.toks[k].sent {
				next = d.toks[k+1].w
			}
			switch w := d.toks[k].w; w {
			case "interview":
				if next == "day" || next == "session" || next == "with" || next == "at" {
					dt.named, dt.interview = true, true
				}
			case "dinner", "informal", "optional", "tour", "social", "reception", "breakfast", "lunch", "welcome", "resident", "residents", "meet", "happy", "second":
				if !(w == "resident" || w == "residents") || clSentenceHas(d, k, "dinner", "social", "hosted", "reception", "lunch") {
					dt.otherEvnt = true
				}
			}
		}
		dt.otherEvnt = other && !dt.interview && !dt.hers || otherKind && !dt.interview || eveBefore || start || calendar && !clYourInterview(d, lo) || clEventJustBefore(d, lo, dt.from)
	}
}

// clEventJustBefore reports whether a side event's name stands a few words
// before the date at from, with no interview between: "the optional
// resident dinner on Monday evening, November 30, and your interview day
// itself" dates the dinner, whatever else the sentence names.
func clEventJustBefore(d *clDoc, lo, from int) bool {
	for j := from - 1; j >= lo && j >= from-5; j-- {
		switch d.toks[j].w {
		case "interview", "interviews", "visit":
			return false
		case "dinner", "social", "reception", "lunch", "luncheon", "breakfast", "webinar", "orientation", "tour", "mixer", "gathering", "drinks",
			// "our current fellows are also hosting an informal Q&A on
			// Tuesday, November 3"
			"informal", "hosting", "coffee", "meetup", "qa":
			return true
		}
	}
	return false
}

// clSessionBetween reports whether toks[from:to] name a session of the
// interview and lead to its day: "a make-up session on", "the new
// afternoon slot a week from".
func clSessionBetween(d *clDoc, from, to int) bool {
	if to-from < 2 || to-from > 7 {
		return false
	}
	session := false
	for j := from; j < to; j++ {
		switch d.toks[j].w {
		case "session", "slot", "group", "day", "date", "block":
			session = true
		case "a", "an", "the", "our", "new", "make", "up", "makeup", "extra", "added", "additional", "afternoon", "morning", "evening",
			"pm", "am", "virtual", "interview", "on", "for", "week", "from", "this", "next", "coming", "following":
		default:
			return false
		}
	}
	return session
}

// clDistinct returns the dates passing keep (nil: all), one per day.
func clDistinct(ds []clDate, keep func(clDate) bool) []clDate {
	var out []clDate
outer:
	for _, d := range ds {
		if keep != nil && !keep(d) {
			continue
		}
		for _, o := range out {
			if o.day == d.day {
				continue outer
			}
		}
		out = append(out, d)
	}
	return out
}

func distinctEvents(es []clEvent) int {
	var seen []clDay
outer:
	for _, e := range es {
		for _, s := range seen {
			if s == e.day {
				continue outer
			}
		}
		seen = append(seen, e.day)
	}
	return len(seen)
}

// clMemberMail reports whether a text says it goes to a list of members
// or subscribers.
func clMemberMail(text string) bool {
	l := strings.ToLower(text)
	for _, p := range []string{"you are receiving this because", "you're receiving this because", "manage preferences", "manage your preferences", "unsubscribe", "email preferences"} {
		if strings.Contains(l, p) {
			return true
		}
	}
	return false
}

// clPast reports whether day is before ref's day (never, when ref is zero).
func clPast(day clDay, ref time.Time) bool {
	if ref.IsZero() {
		return false
	}
	y, mo, d := ref.Date()
	return time.Date(day.Y, day.M, day.D, 0, 0, 0, 0, time.UTC).Before(time.Date(y, mo, d, 0, 0, 0, 0, time.UTC))
}

func clDayString(d clDay) string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D)
}

// clSentenceHas reports whether token i's sentence holds one of ws.
func clSentenceHas(d *clDoc, i int, ws ...string) bool {
	sent := d.toks[i].sent
	lo := clSentStart(d, i)
	for k := lo; k < len(d.toks) && d.toks[k].sent == sent; k++ {
		for _, w := range ws {
			if d.toks[k].w == w {
				return true
			}
		}
	}
	return false
}

func clHasWord(d *clDoc, w string) bool {
	// With postings, a prefix of the vocabulary is one bit.
	if d.post != nil && d.v != nil {
		if id, ok := d.v.prefix[w]; ok {
			return d.hasID(id)
		}
	}
	for i := range d.toks {
		if strings.HasPrefix(d.toks[i].w, w) {
			return true
		}
	}
	return false
}

func clHeaderSays(m *Message, name, val string) bool {
	return strings.Contains(strings.ToLower(m.Headers[name]), val)
}

func clOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// clCleanSubject strips Re:/Fwd:/[EXTERNAL] prefixes and reports whether
// the subject was a reply's or a forward's.
func clCleanSubject(s string) (subj string, reply, fwd bool) {
	s = clTruncate(s, clMaxSubject)
	for {
		t := strings.TrimSpace(s)
		l := strings.ToLower(t)
		cut := 0
		// (replies: Re, AW, SV, RES, RIF; forwards: Fwd, FW, and in other
		// languages RV (Spanish), TR (French), WG (German), ENC
		// (Portuguese), I (Italian))
		for _, p := range []string{"re:", "aw:", "sv:", "res:", "rif:", "fwd:", "fw:", "rv:", "tr:", "wg:", "enc:", "i:", "[external]", "external:", "re :", "fwd :"} {
			if strings.HasPrefix(l, p) {
				cut = len(p)
				switch p {
				case "re:", "aw:", "sv:", "res:", "rif:", "re :":
					reply = true
				case "fwd:", "fw:", "rv:", "tr:", "wg:", "enc:", "i:", "fwd :":
					fwd = true
				}
				break
			}
		}
		if cut == 0 {
			return t, reply, fwd
		}
		s = t[cut:]
	}
}

// clTruncate cuts s to at most n bytes at a rune boundary.
func clTruncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

// clConfidence turns the margin of the winner over the runner-up into 0..1.
func clConfidence(sc *clScores, typ, why string) float64 {
	r := sc.ranked()
	if typ == TypeOther {
		best := 0.0
		if len(r) > 0 {
			best = sc.score[r[0]]
		}
		if why != "" && !strings.HasPrefix(why, "weak evidence") && !strings.HasPrefix(why, "no evidence") {
			return 0.9
		}
		return clRound(0.95 - 0.4*math.Min(best/clMinScore, 1))
	}
	b := sc.score[typ]
	second := 0.0
	for _, t := range r {
		if t != typ {
			second = sc.score[t]
			break
		}
	}
	margin := 0.0
	if b > 0 {
		margin = math.Max(0, (b-second)/b)
	}
	strength := 1 - math.Exp(-b/5)
	return clRound(math.Min(0.99, 0.3+0.35*margin+0.35*strength))
}

func clRound(f float64) float64 { return math.Round(f*100) / 100 }

// clPlaceBareDays gives "the 10th" its month when the thread says which:
// a written date with that day in the quoted mail ("I would like December
// 10"), or the program's configured interview day. Otherwise it stays the
// next such day after the message's Date.
func clPlaceBareDays(dates []clDate, m *Message, prog *config.Program, v *clVocab) {
	var quoted []clDate
	read := false
	for i := range dates {
		dt := &dates[i]
		if !dt.bareDay && !dt.relative {
			continue
		}
		// A full date of the same day, in the message itself ("Thursday,
		// December 3 … If the 3rd is impossible") or in her quoted mail.
		// (A weekday alone, "You're confirmed for Tuesday", is the written
		// date of that weekday within three weeks, when one is given:
		// "Interview day roster 12/1" in the subject.)
		placed := clPlaceOn(dt, dates, m.Date)
		if !placed && !read && strings.TrimSpace(m.Quoted) != "" {
			quoted = findDates(tokenizeCL(v, clTruncate(m.Quoted, 8192), nil), m.Date)
			read = true
		}
		if !placed {
			placed = clPlaceOn(dt, quoted, m.Date)
		}
		if !placed && dt.relative {
			continue
		}
		if !placed && prog != nil && !prog.Interview.IsZero() && prog.Interview.Day == dt.day.D {
			iv := clDay{prog.Interview.Year, prog.Interview.Month, prog.Interview.Day}
			if !clPast(iv, m.Date) && !m.Date.IsZero() && prog.Interview.In(time.UTC).Sub(m.Date) < 120*24*time.Hour {
				dt.day = iv
			}
		}
	}
}

// clPlaceOn gives bare day dt the month and year of the first full date
// in from with its day of the month that is not past at ref.
func clPlaceOn(dt *clDate, from []clDate, ref time.Time) bool {
	if dt.relative {
		// A weekday alone: a written date on that weekday, on the guessed
		// day or up to three weeks after it.
		guess := time.Date(dt.day.Y, dt.day.M, dt.day.D, 0, 0, 0, 0, time.UTC)
		for _, o := range from {
			if o.bareDay || o.relative {
				continue
			}
			od := time.Date(o.day.Y, o.day.M, o.day.D, 0, 0, 0, 0, time.UTC)
			if od.Equal(guess) {
				return true
			}
		}
		for _, o := range from {
			if o.bareDay || o.relative || clPast(o.day, ref) {
				continue
			}
			od := time.Date(o.day.Y, o.day.M, o.day.D, 0, 0, 0, 0, time.UTC)
			if gap := od.Sub(guess); od.Weekday() == guess.Weekday() && gap > 0 && gap <= 21*24*time.Hour {
				dt.day = o.day
				return true
			}
		}
		return false
	}
	for _, o := range from {
		if !o.bareDay && o.day.D == dt.day.D && !clPast(o.day, ref) {
			dt.day = o.day
			return true
		}
	}
	return false
}

// clFullCalendar reads "our interview calendar is full": a decline, unless
// the message also keeps her in consideration should a place open ("you
// remain under consideration; should a spot open we will reach out"),
// which makes it a waitlist. A firm decline elsewhere in the message
// stays a decline, unless the hope kept outweighs it. A message that also books or invites her speaks of one
// full day beside hers.
func clFullCalendar(sc *clScores) {
	full := sc.score["cue:full"]
	if full <= 0 {
		return
	}
	if sc.score[TypeInterviewConfirmation] >= 4 || sc.score[TypeInterviewInvite] >= 4 {
		// "the 19th is full, so I've booked you for the 1st": one day is
		// full, another is hers.
		return
	}
	if sc.score[TypeWaitlist] >= 3 && (sc.score[TypeInterviewDecline] < 6 || sc.score[TypeWaitlist] >= sc.score[TypeInterviewDecline]) {
		sc.add(TypeWaitlist, 3, "the interview calendar is full, but she is kept in consideration")
		return
	}
	for _, h := range sc.hits {
		if h.typ == "cue:full" {
			sc.add(TypeInterviewDecline, h.weight, h.excerpt)
		}
	}
}

// clOtherDateInSentence reports whether another day than dates[i]'s is
// written in dates[i]'s sentence.
func clOtherDateInSentence(dates []clDate, i int) bool {
	a := dates[i]
	for k, b := range dates {
		if k != i && b.doc == a.doc && b.day != a.day && b.from < len(b.doc.toks) && b.doc.toks[b.from].sent == a.doc.toks[a.from].sent {
			return true
		}
	}
	return false
}

// clWritesDayFirst reports whether the sender writes numeric dates day
// first: a British or European office (a .uk address, a +44 telephone, a
// "programme" signature). US programs write month/day.
func clWritesDayFirst(m *Message) bool {
	if len(m.From) > 0 {
		a := strings.ToLower(m.From[0].Addr)
		if at := strings.IndexByte(a, '@'); at >= 0 {
			h := a[at+1:]
			if strings.HasSuffix(h, ".uk") || strings.HasPrefix(h, "uk.") || strings.Contains(h, ".uk.") {
				return true
			}
		}
	}
	for _, t := range []string{m.Signature, m.Own} {
		t = clTruncate(t, 16<<10)
		if strings.Contains(t, "+44") || strings.Contains(t, "Programme ") || strings.Contains(t, "+353") {
			return true
		}
	}
	// The writer's own unambiguous dates: "confirm by 30/10/2026" is day
	// first, so "on 10/11/2026" is the 10th of November.
	dayFirst, monthFirst := clNumericOrders(clTruncate(m.Own, 16<<10))
	return dayFirst && !monthFirst
}

// clNumericOrders reports whether s holds a numeric date that can only be
// read day first ("30/10/2026": a day over 12, then a month, then the
// year) or only month first ("11/30", "11/30/2026").
func clNumericOrders(s string) (dayFirst, monthFirst bool) {
	num := func(i int) (int, int) { // value and end of 1-2 digits at i
		n, j := 0, i
		for j < len(s) && j-i < 3 && s[j] >= '0' && s[j] <= '9' {
			n = n*10 + int(s[j]-'0')
			j++
		}
		return n, j
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || i > 0 && (isCLWordByte(s[i-1]) || s[i-1] == '/' || s[i-1] == '.') {
			continue
		}
		a, j := num(i)
		if j-i > 2 || j >= len(s) || (s[j] != '/' && s[j] != '.') {
			i = j
			continue
		}
		sep := s[j]
		b, k := num(j + 1)
		if k-(j+1) < 1 || k-(j+1) > 2 {
			i = k
			continue
		}
		year := false
		end := k
		if k < len(s) && s[k] == sep {
			y, e := num(k + 1)
			for e < len(s) && s[e] >= '0' && s[e] <= '9' {
				y, e = y*10+int(s[e]-'0'), e+1
			}
			if n := e - (k + 1); n == 4 || n == 2 && sep == '/' {
				year, end = true, e
			}
		}
		if end < len(s) && isCLWordByte(s[end]) {
			i = end
			continue
		}
		switch {
		case year && a > 12 && a <= 31 && b >= 1 && b <= 12:
			dayFirst = true
		case sep == '/' && a >= 1 && a <= 12 && b > 12 && b <= 31:
			monthFirst = true
		}
		i = end
	}
	return dayFirst, monthFirst
}

// clSeasonOver reads "our interview season is now complete": a decline to
// one who was not interviewed; to those who were, news of the season.
// clOnboarding: paperwork for the fellows who matched ("onboarding steps
// for incoming fellows") is the program's news to its new trainees, not a
// request for her application file.
func clOnboarding(sc *clScores) {
	// (A match result or an eligibility answer that mentions onboarding
	// stays what it is.)
	if sc.score["cue:onboarding"] <= 0 || sc.score[TypeApplicationRequest] < sc.score[TypeEligibilityReply] || sc.score[TypeApplicationRequest] == 0 || sc.score[TypeMatchResult] >= sc.score[TypeApplicationRequest] || sc.score[TypePreMatchOffer] > 0 {
		return
	}
	w := sc.score[TypeApplicationRequest]
	delete(sc.score, TypeApplicationRequest)
	sc.add(TypeProgramUpdate, w, "onboarding paperwork for those who matched")
}

func clSeasonOver(sc *clScores) {
	if sc.score["cue:season-over"] <= 0 {
		return
	}
	if sc.score["cue:interviewed"] > 0 {
		sc.add(TypeProgramUpdate, 3, "interviews are over, told to those interviewed")
		return
	}
	for _, h := range sc.hits {
		if h.typ == "cue:season-over" {
			sc.add(TypeInterviewDecline, h.weight, h.excerpt)
		}
	}
}

// clBulkMail reports a mailing by its headers: a List-Id or a
// List-Unsubscribe, or "Precedence: bulk" or "list".
func clBulkMail(m *Message) bool {
	return m.ListID != "" || m.Headers["List-Unsubscribe"] != "" || clHeaderSays(m, "Precedence", "bulk") || clHeaderSays(m, "Precedence", "list")
}

// clListMail reports a discussion list by its marks where no List-Id
// header is: a "lists." host or a "[tag]" opening the subject.
func clListMail(m *Message) bool {
	if len(m.From) > 0 {
		a := strings.ToLower(m.From[0].Addr)
		if at := strings.IndexByte(a, '@'); at >= 0 && (strings.HasPrefix(a[at+1:], "lists.") || strings.Contains(a[at+1:], ".lists.")) {
			return true
		}
	}
	s := strings.TrimSpace(m.Subject)
	for {
		l := strings.ToLower(s)
		switch {
		case strings.HasPrefix(l, "re:"), strings.HasPrefix(l, "aw:"):
			s = strings.TrimSpace(s[3:])
			continue
		case strings.HasPrefix(l, "fwd:"):
			s = strings.TrimSpace(s[4:])
			continue
		}
		break
	}
	if strings.HasPrefix(s, "[") {
		if e := strings.IndexByte(s, ']'); e > 1 && e < 40 && !strings.ContainsAny(s[1:e], " ") {
			return true
		}
	}
	return false
}

// clFindName returns the position of the first place d writes the words of
// name in a row (a full name: two words at least), or -1.
func clFindName(d *clDoc, name []string) int {
	if len(name) < 2 {
		return -1
	}
	return clSeqAt(d, name)
}

// clSeqAt returns where the words ws first stand in a row in d, or -1.
func clSeqAt(d *clDoc, ws []string) int {
	if len(ws) == 0 {
		return 0
	}
	at := func(i int) bool {
		if i+len(ws) > len(d.toks) {
			return false
		}
		for k, w := range ws {
			if d.toks[i+k].w != w {
				return false
			}
		}
		return true
	}
	// With postings, only where the first word stands (a word texting
	// shorthand stands for is posted under the word it stands for, so
	// those are scanned).
	if _, shorthand := clTextSpeak[ws[0]]; d.post != nil && d.v != nil && !shorthand {
		if id, ok := d.v.exact[ws[0]]; ok {
			if !d.hasID(id) {
				return -1
			}
			for _, pos := range d.post[id] {
				if at(int(pos)) {
					return int(pos)
				}
			}
			return -1
		}
	}
	for i := range d.toks {
		if at(i) {
			return i
		}
	}
	return -1
}

// clDayHours reports whether the word at j ("start", "starts", "begins")
// gives a time of day: "8:30 start", "9 am start", "starts at 8".
func clDayHours(d *clDoc, j int) bool {
	if j > 0 {
		p := d.toks[j-1].w
		if p == "am" || p == "pm" || j > 1 && d.joined(j-2, ':') {
			return true
		}
		// "same 8am start"
		if len(p) > 2 && p[0] >= '0' && p[0] <= '9' && (strings.HasSuffix(p, "am") || strings.HasSuffix(p, "pm")) {
			return true
		}
	}
	if j+1 < len(d.toks) {
		if n := d.toks[j+1].w; n == "time" || n == "at" && j+2 < len(d.toks) && d.toks[j+2].w != "" && d.toks[j+2].w[0] >= '0' && d.toks[j+2].w[0] <= '9' {
			return true
		}
	}
	return false
}

// clYourInterview reports whether the sentence starting at token lo says
// "your interview" (a schedule row marked "<-- YOUR INTERVIEW").
func clYourInterview(d *clDoc, lo int) bool {
	sent := d.toks[lo].sent
	for j := lo; j+1 < len(d.toks) && d.toks[j].sent == sent; j++ {
		if d.toks[j].w == "your" && (d.toks[j+1].w == "interview" || d.toks[j+1].w == "slot" || d.toks[j+1].w == "spot") {
			return true
		}
	}
	return false
}

// quotedHasDay reports whether her quoted mail already names day as her
// interview's ("my interview on December 10"), not as a day she accepts.
func (c *Classifier) quotedHasDay(m *Message, day clDay) bool {
	if strings.TrimSpace(m.Quoted) == "" {
		return false
	}
	q := tokenizeCL(c.rules.vocab, clTruncate(m.Quoted, 8192), nil)
	for _, d := range findDatesOrder(q, m.Date, false) {
		if d.day == day && d.from < len(q.toks) && clSentenceHas(q, d.from, "my") && clSentenceHas(q, d.from, "interview", "visit") &&
			!clSentenceHas(q, d.from, "choose", "select", "prefer", "pick", "options", "available", "works", "suits") {
			return true
		}
	}
	return false
}

// clPicksADay reports whether a ranking-like question, asked beside two or
// more offered dates, is worded as a pick among them ("which is your first
// choice?", "which would you prefer?", "rank both if either works").
func clPicksADay(question string) bool {
	q := strings.ToLower(question)
	for _, w := range [...]string{"choice", "pick", "prefer", "which", "either", "both"} {
		if strings.Contains(q, w) {
			return true
		}
	}
	return false
}

// clPointsToHerChoice reports whether the text refers to a day she chose
// without naming it: "the date you selected", "your preferred day".
func clPointsToHerChoice(d *clDoc) bool {
	for j := 0; j+1 < len(d.toks); j++ {
		w, next := d.toks[j].w, d.toks[j+1].w
		switch w {
		case "you":
			switch next {
			case "selected", "chose", "picked", "requested", "preferred", "indicated", "asked", "signed", "booked", "wanted":
				if j > 0 {
					switch d.toks[j-1].w {
					case "date", "day", "slot", "session", "time", "one", "option", "that":
						return true
					}
				}
			}
		case "your":
			switch next {
			case "choice", "preference", "selection", "preferred", "chosen", "selected", "requested", "first":
				return true
			}
		}
	}
	return false
}

// herQuotedChoice finds the one day she chose in the quoted thread: a date
// in a sentence of hers ("I would like to select Tuesday, December 8").
func (c *Classifier) herQuotedChoice(m *Message, dayFirst bool) (clDate, bool) {
	if strings.TrimSpace(m.Quoted) == "" {
		return clDate{}, false
	}
	q := tokenizeCL(c.rules.vocab, clTruncate(m.Quoted, 8192), nil)
	var picks []clDate
	for _, d := range findDatesOrder(q, m.Date, dayFirst) {
		if d.from >= len(q.toks) || clPast(d.day, m.Date) {
			continue
		}
		if clSentenceHas(q, d.from, "i", "id", "ill", "im", "ive") &&
			clSentenceHas(q, d.from, "select", "choose", "pick", "prefer", "like", "take", "book", "works", "work", "suits", "want", "request") {
			picks = append(picks, d)
		}
	}
	if ds := clDistinct(picks, nil); len(ds) == 1 {
		return ds[0], true
	}
	// "I would be grateful for option 2": the day on line 2 of the
	// program's list quoted below.
	if len(picks) == 0 {
		if n := clOptionNumber(q); n > 0 {
			for _, line := range strings.Split(m.Quoted, "\n") {
				l := strings.TrimLeft(line, "> \t")
				if !strings.HasPrefix(l, fmt.Sprint(n)) || len(l) < 3 || !strings.ContainsAny(l[len(fmt.Sprint(n)):len(fmt.Sprint(n))+1], ").:") {
					continue
				}
				ld := tokenizeCL(c.rules.vocab, l, nil)
				if ds := findDatesOrder(ld, m.Date, dayFirst); len(ds) == 1 && !clPast(ds[0].day, m.Date) {
					return ds[0], true
				}
			}
		}
	}
	return clDate{}, false
}

// clOptionNumber finds "option 2", "choice #3", "number 1" in a sentence of
// hers (with "i"), or 0.
func clOptionNumber(q *clDoc) int {
	for i := 0; i+1 < len(q.toks); i++ {
		switch q.toks[i].w {
		case "option", "choice", "number", "slot":
			if n, isNum := clNum(q.toks[i+1].w, false); isNum && n >= 1 && n <= 9 && clSentenceHas(q, i, "i", "id", "ill", "im") {
				return n
			}
		}
	}
	return 0
}

// speaksFor reports whether a platform's mail is the program's own
// mailing: its replies go to the program, or it sends under the program's
// name ("LUMC Clinical Informatics Fellowship" <noreply@qemailserver.com>).
func (c *Classifier) speaksFor(m *Message, prog *config.Program) bool {
	for _, a := range m.ReplyTo {
		if p := c.cfg.ProgramFor(a.Addr); p != nil && p.Key == prog.Key {
			return true
		}
	}
	if len(m.From) > 0 && m.From[0].Name != "" {
		ms := map[int]*clMention{}
		c.mentions(tokenizeCL(c.rules.vocab, m.From[0].Name, nil), 2, ms)
		if p, _ := c.bestMention(ms, false, 1); p != nil && p.Key == prog.Key {
			return true
		}
	}
	// "You're receiving this because you signed up for updates from
	// Northgate IM Residency on Huddlecast": the list is the program's.
	if p := c.mailingOf(m); p != nil && p.Key == prog.Key {
		return true
	}
	return false
}

// mailingOf is the program whose mailing list a bulk message says it is
// ("you signed up for updates from …", "sent on behalf of …"), or nil.
func (c *Classifier) mailingOf(m *Message) *config.Program {
	text := clTruncate(m.Text, 64<<10)
	// (the expression runs only where its words stand: most mail has none)
	if !strings.Contains(text, "igned up") && !strings.Contains(text, "ubscribed") && !strings.Contains(text, "pted in") &&
		!strings.Contains(text, "egistered for") && !strings.Contains(text, "n behalf of") {
		return nil
	}
	for _, sm := range reMailingOf.FindAllStringSubmatch(text, 4) {
		ms := map[int]*clMention{}
		c.mentions(tokenizeCL(c.rules.vocab, sm[1]+sm[2], nil), 2, ms)
		if p, mn := c.bestMention(ms, false, 1); p != nil && !clNamedAlike(ms, mn) {
			return p
		}
	}
	return nil
}

// clResultsAfter is how long after a match's rank deadline its results are
// out: the AMIA's about two weeks on, the NRMP's Match Day sixteen days on.
const clResultsAfter = 16 * 24 * time.Hour

// matchHasRun reports whether, at t, prog's Match has run: its rank
// deadline (config) is more than clResultsAfter past. False when prog, t
// or the deadline is unknown.
func (c *Classifier) matchHasRun(prog *config.Program, t time.Time) bool {
	d, ok := c.rankDeadline(prog, t)
	return ok && t.After(d.Add(clResultsAfter))
}

// serviceDeadline is the rank deadline of the Match a Match service's
// message m is about: the earliest of the configured matches its sender or
// its text names (by key or name: "cimatch@amia.org", "on behalf of
// AMIA"), else the season's.
func (c *Classifier) serviceDeadline(m *Message) (config.Date, bool) {
	var from string
	if len(m.From) > 0 {
		from = m.From[0].Name + " " + m.From[0].Addr
	}
	text := strings.ToLower(from + "\n" + m.Subject + "\n" + clTruncate(m.Own, 1<<14))
	var best config.Date
	found := false
	for key, mt := range c.cfg.Matches {
		if mt.RankDeadline.IsZero() {
			continue
		}
		named := len(key) >= 3 && strings.Contains(text, strings.ToLower(key)) || mt.Name != "" && strings.Contains(text, strings.ToLower(mt.Name))
		if named && (!found || mt.RankDeadline.In(time.UTC).Before(best.In(time.UTC))) {
			best, found = mt.RankDeadline, true
		}
	}
	if found {
		return best, true
	}
	if d := c.cfg.Season.RankDeadline; !d.IsZero() {
		return d, true
	}
	return config.Date{}, false
}

// rankDeadline is prog's rank deadline (config) in t's zone; false when
// prog or t is unknown or the config gives none.
func (c *Classifier) rankDeadline(prog *config.Program, t time.Time) (time.Time, bool) {
	if prog == nil || t.IsZero() {
		return time.Time{}, false
	}
	d, _, ok := c.cfg.RankDeadline(prog.Key)
	return d.In(t.Location()), ok
}

// clMatchNewsToHer reports whether a phrase of match news speaks to her
// ("you matched", "you'll be joining us"): news of her own match, which
// the text asserts whatever the calendar in config says. context counts
// the phrases that only set the scene too: those of the subject line
// ("Your SOAP application") and those that name SOAP ("Thank you for
// applying to St. Brendan's through SOAP").
func clMatchNewsToHer(sc *clScores, text string, context bool) bool {
	lower := strings.ToLower(text)
	for _, h := range sc.hits {
		if h.typ != TypeMatchResult || !context && (strings.HasPrefix(h.excerpt, "subject:") || strings.Contains(strings.ToLower(h.excerpt), "soap")) {
			continue
		}
		// the phrase and the words just before it ("sorry to hear you did
		// not match")
		ex := strings.ToLower(strings.Trim(h.excerpt, `"`))
		if i := strings.Index(lower, ex); i >= 0 {
			ex = lower[max(0, i-12):i] + ex
		}
		for _, w := range strings.FieldsFunc(clDropApostrophes.Replace(ex), func(r rune) bool { return !unicode.IsLetter(r) }) {
			switch w {
			case "you", "your", "youll", "youve", "youre", "yours":
				return true
			}
		}
	}
	return false
}

// clDropApostrophes joins a word's parts as the phrase vocabulary does
// ("you'll" is "youll").
var clDropApostrophes = strings.NewReplacer("'", "", "’", "")

// matchNotRanked reports whether, at t, prog's Match still waits for its
// rank lists: t is before its rank deadline (config). False when prog or t
// is unknown.
func (c *Classifier) matchNotRanked(prog *config.Program, t time.Time) bool {
	d, ok := c.rankDeadline(prog, t)
	return ok && t.Before(d)
}

// clInCondition reports whether token i stands in an "if" or "should"
// clause ("If the 12th is truly impossible, …"): the day the condition is
// about, not the alternative it offers.
func clInCondition(d *clDoc, i int) bool {
	return clClauseHasBefore(d, i, len(d.toks), "if", "should", "unless")
}

// clClauseHasBefore reports whether one of words stands among the n
// tokens before token i in its clause.
func clClauseHasBefore(d *clDoc, i, n int, words ...string) bool {
	cl := d.toks[i].clause
	for k := i - 1; k >= 0 && k >= i-n && d.toks[k].clause == cl; k-- {
		if slices.Contains(words, d.toks[k].w) {
			return true
		}
	}
	return false
}

// clSaidOfOthers reports whether the word at j is said of the other days or
// of the whole calendar: "remaining", "other", "rest", "calendar" a few
// words before it in its clause ("our remaining dates are close to full",
// "although our calendar is nearly full").
func clSaidOfOthers(d *clDoc, j int) bool {
	return clClauseHasBefore(d, j, 5, "remaining", "other", "rest", "later", "earlier", "calendar", "schedule")
}

// clCancelledBefore reports whether a word of cancelling stands a few words
// before token i in its clause, with nothing between that gives a new day
// ("This cancels the calendar hold for the 29th", not "we cancelled the 3rd
// and moved you to Thursday, December 10").
func clCancelledBefore(d *clDoc, i int) bool {
	cl := d.toks[i].clause
	for j := i - 1; j >= 0 && j >= i-8 && d.toks[j].clause == cl; j-- {
		switch d.toks[j].w {
		case "to", "new", "now", "instead", "moved", "rescheduled":
			return false
		case "cancels", "cancelled", "canceled", "cancelling", "canceling", "cancel":
			return true
		case "delete", "disregard", "ignore", "discard":
			// "please delete the one for the 9th"
			return true
		}
	}
	return false
}

// clWhyMemberMail is the reason given for a platform's or society's
// mailing to its members: it is no program's, whatever programs it names.
const clWhyAutoReply = "automatic reply: other"

// clFromContact reports whether m comes from one of p's configured
// contacts.
func clFromContact(m *Message, p *config.Program) bool {
	return slices.ContainsFunc(m.From, func(a Address) bool { return p.HasContact(a.Addr) })
}

const clWhyMemberMail = "a platform's or society's mailing to its members: other"

// reMailingOf finds whose mailing list a bulk message says it is.
var reMailingOf = regexp.MustCompile(`(?i)(?:signed up for|subscribed to|opted in to|registered for) (?:updates|news|emails?|mail|announcements|notifications|alerts) (?:from|about|for) ([^\n.]{3,80})|sent on behalf of ([^\n.]{3,80})`)

// clWebmail reports whether addr is a personal mailbox at a public mail
// provider.
func clWebmail(addr string) bool {
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return false
	}
	switch h := strings.ToLower(addr[at+1:]); h {
	case "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
		"icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "mail.com", "gmx.com", "gmx.net", "zoho.com", "fastmail.com", "yandex.com":
		return true
	default:
		return strings.HasPrefix(h, "yahoo.") || strings.HasPrefix(h, "hotmail.") || strings.HasPrefix(h, "outlook.")
	}
}

// clPersonalSender reports whether a message comes from a person's own
// mailbox: a display name of two or three capitalized words, and a local
// part that names no role or service ("events@", "invitations@").
func clPersonalSender(m *Message) bool {
	if len(m.From) == 0 {
		return false
	}
	addr := strings.ToLower(m.From[0].Addr)
	at := strings.IndexByte(addr, '@')
	if at <= 0 {
		return false
	}
	local := addr[:at]
	for _, role := range []string{"event", "news", "info", "reply", "invit", "notif", "team", "hello", "support", "admin", "contact", "office", "market", "update", "mail", "alert", "career", "job", "member", "service", "help", "account", "billing", "system", "digest", "list"} {
		if strings.Contains(local, role) {
			return false
		}
	}
	words := strings.Fields(m.From[0].Name)
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		switch strings.ToLower(strings.Trim(w, ".,")) {
		case "team", "office", "network", "news", "program", "residency", "fellowship", "hospital", "university", "center", "association", "society", "events", "via":
			return false
		}
	}
	return true
}

// clTrainingName reports whether a display name says what kind of
// training it is ("NRH IM Residency", "LUMC CI Fellowship").
func clTrainingName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"residency", "fellowship", "gme", "graduate medical education"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// clSignOff returns what follows her correspondent's name in the last
// lines of the text: the role lines under a sign-off ("Maya / Maya
// Goldberg, MD / Chief Resident, Pediatrics / St. Brendan's"), or "" when
// the name closes the text with nothing under it.
func clSignOff(text, name string) string {
	first := ""
	if f := strings.Fields(name); len(f) > 0 {
		first = strings.ToLower(strings.Trim(f[0], `"'`))
	}
	if len(first) < 2 {
		return ""
	}
	tail := clLastLines(text, 6)
	lines := strings.Split(tail, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(strings.ToLower(lines[i]), first) {
			if i == len(lines)-1 {
				return ""
			}
			return strings.Join(lines[i:], "\n")
		}
	}
	return ""
}

// clLastLines returns the last n non-empty lines of s.
func clLastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n\r\t "), "\n")
	var out []string
	for i := len(lines) - 1; i >= 0 && len(out) < n; i-- {
		if l := strings.TrimSpace(lines[i]); l != "" {
			out = append(out, l)
		}
	}
	slices.Reverse(out)
	return strings.Join(out, "\n")
}

// clHasSeq reports whether the words ws stand in a row in d.
func clHasSeq(d *clDoc, ws ...string) bool { return clSeqAt(d, ws) >= 0 }

// clSentenceHasSeq reports whether token i's sentence holds ws in a row.
func clSentenceHasSeq(d *clDoc, i int, ws ...string) bool {
	sent := d.toks[i].sent
	lo := clSentStart(d, i)
	for j := lo; j+len(ws) <= len(d.toks) && d.toks[j].sent == sent; j++ {
		ok := true
		for k, w := range ws {
			if d.toks[j+k].w != w || d.toks[j+k].sent != sent {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// clSentStart returns the first token of token i's sentence.
func clSentStart(d *clDoc, i int) int {
	lo := i
	for lo > 0 && d.toks[lo-1].sent == d.toks[i].sent {
		lo--
	}
	return lo
}

// clMovedAwayFrom reports whether the date at token i is one "we're moving
// everyone who was booked" away from: any in the sentence before the "to"
// that follows those words ("moving everyone who was booked for the 10th to
// the following Thursday": the 10th is left, the Thursday is the new day).
func clMovedAwayFrom(d *clDoc, i int) bool {
	sent := d.toks[i].sent
	lo := clSentStart(d, i)
	for j := lo; j+2 < len(d.toks) && d.toks[j+2].sent == sent; j++ {
		if d.toks[j].w != "moving" || d.toks[j+1].w != "everyone" || d.toks[j+2].w != "who" {
			continue
		}
		for k := j + 3; k < len(d.toks) && d.toks[k].sent == sent; k++ {
			if w := d.toks[k].w; w == "to" || w == "into" || w == "onto" {
				if k > j+3 && (d.toks[k-1].w == "want" || d.toks[k-1].w == "wanted" || d.toks[k-1].w == "was" && k+1 < len(d.toks) && d.toks[k+1].w == "be") {
					continue // "who wanted to come", "who was to be"
				}
				return i < k
			}
		}
		return true
	}
	return false
}

// clFallbackDay reports whether the date at token i is the fallback of a
// sentence that opens "If the date doesn't work …" ("… no harm done: you
// would stay on the alternate list for our last interview day on 2
// December"): the day offered is the other one.
func clFallbackDay(d *clDoc, i int) bool {
	lo := clSentStart(d, i)
	if d.toks[lo].w != "if" {
		return false
	}
	for k := lo + 1; k+1 < i && k < lo+8; k++ {
		switch d.toks[k].w {
		case "doesnt", "dont", "cant", "cannot", "not", "wont":
			for j := k + 1; j <= k+2 && j < i; j++ {
				if w := d.toks[j].w; w == "work" || w == "suit" || w == "fit" {
					return true
				}
			}
		}
	}
	return false
}

// clQuestionSentence reports whether token i's sentence ends with "?".
func clQuestionSentence(d *clDoc, i int) bool {
	sent := d.toks[i].sent
	k := i
	for k+1 < len(d.toks) && d.toks[k+1].sent == sent {
		k++
	}
	rest := d.src[d.toks[k].e:]
	if j := strings.IndexAny(rest, "\n.!?"); j >= 0 {
		return rest[j] == '?'
	}
	return false
}

// clNextSentence returns the first token of the sentence after token i's,
// or -1.
func clNextSentence(d *clDoc, i int) int {
	sent := d.toks[i].sent
	for k := i + 1; k < len(d.toks); k++ {
		if d.toks[k].sent != sent {
			return k
		}
	}
	return -1
}

// clSentenceLen is the number of words in token k's sentence from k on.
func clSentenceLen(d *clDoc, k int) int {
	n := 0
	for j := k; j < len(d.toks) && d.toks[j].sent == d.toks[k].sent; j++ {
		n++
	}
	return n
}

// clDateLine reports whether token i's sentence holds only its date and
// times (an itinerary line), no words of its own.
func clDateLine(d *clDoc, i int) bool {
	sent := d.toks[i].sent
	lo := clSentStart(d, i)
	for k := lo; k < len(d.toks) && d.toks[k].sent == sent; k++ {
		w := d.toks[k].w
		if clMonth(w) != 0 || clWeekday(w) != 0 {
			continue
		}
		if _, isNum := clNum(strings.TrimRight(w, "apm"), true); isNum {
			continue
		}
		switch w {
		case "am", "pm", "a", "m", "p", "to", "noon", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "pt", "pst", "pdt", "gmt", "utc", "eastern", "central", "pacific", "mountain", "time", "at", "from", "until", "the":
			continue
		}
		return false
	}
	return true
}

// clGivenToHer reports whether the sentence starting at token lo gives a
// day to her: "your interview", "your session", "(your slot)", or a day
// held, booked or reserved for her ("we have held that date for you",
// "we have scheduled you for").
func clGivenToHer(d *clDoc, lo int) bool {
	sent := d.toks[lo].sent
	booked, forYou := false, false
	for j := lo; j < len(d.toks) && d.toks[j].sent == sent; j++ {
		w := d.toks[j].w
		next := ""
		if j+1 < len(d.toks) && d.toks[j+1].sent == sent {
			next = d.toks[j+1].w
		}
		switch w {
		case "your":
			switch next {
			case "interview", "session", "slot", "spot", "visit", "group", "cohort", "date", "time":
				return true
			}
			// "your November 5 interview"
			for k := j + 2; k < len(d.toks) && k <= j+5 && d.toks[k].sent == sent; k++ {
				if d.toks[k].w == "interview" {
					return true
				}
			}
		case "room":
			// "we have room for you on Tuesday, December 1"
			if next == "for" && j > 0 && (d.toks[j-1].w == "have" || d.toks[j-1].w == "has") {
				booked = true
			}
		case "held", "holding", "booked", "reserved", "scheduled", "registered", "placed", "assigned", "confirmed":
			booked = true
			if next == "you" || j > 0 && (d.toks[j-1].w == "are" || d.toks[j-1].w == "youre") {
				forYou = true
			}
		case "for":
			if next == "you" {
				forYou = true
			}
		case "took", "chose", "picked", "selected", "grabbed", "claimed":
			// "you took the Monday the 16th session"
			if j > 0 && d.toks[j-1].w == "you" {
				return true
			}
		case "locked", "set":
			// "you're locked in for Tuesday the 17th", "you're all set
			// for Thursday"
			k := j - 1
			if k >= 0 && d.toks[k].w == "all" {
				k--
			}
			if (w == "set" || next == "in") && k >= 0 && (d.toks[k].w == "youre" || d.toks[k].w == "are") {
				return true
			}
		}
	}
	return booked && forYou
}

// clLocalDayBefore reports whether a date just before dates[i] in the
// same text (at most 25 words) is its day, the day before or the day after:
// the local day that dates[i] restates in UTC.
func clLocalDayBefore(dates []clDate, i int) bool {
	di := dates[i]
	for k, o := range dates {
		if k == i || o.doc != di.doc || o.to >= di.from || di.from-o.to > 25 {
			continue
		}
		a := time.Date(o.day.Y, o.day.M, o.day.D, 0, 0, 0, 0, time.UTC)
		b := time.Date(di.day.Y, di.day.M, di.day.D, 0, 0, 0, 0, time.UTC)
		if diff := a.Sub(b); diff >= -24*time.Hour && diff <= 24*time.Hour {
			return true
		}
	}
	return false
}

// clBookedBetween reports whether a word of booking, or a "but", stands
// between tokens i and j ("full, so we have reserved a spot for you on …",
// "full, but we can interview you on …").
func clBookedBetween(d *clDoc, i, j int) bool {
	for k := i + 1; k < j; k++ {
		switch d.toks[k].w {
		case "reserved", "booked", "held", "scheduled", "placed", "put", "moved", "offer", "offering", "added",
			// "our other November days are nearly full, but Dr. Park would
			// be glad to interview you on Thursday, November 19"
			"but", "however", "though", "although":
			return true
		}
	}
	return false
}

// clOtherDateInDoc reports whether dates holds a day other than dates[i]'s.
func clOtherDateInDoc(dates []clDate, i int) bool {
	for k := range dates {
		if k != i && dates[k].day != dates[i].day {
			return true
		}
	}
	return false
}

// joinedBy reports whether token i is followed, after spaces, by sep.
func (d *clDoc) joinedBy(i int, sep byte) bool {
	for k := d.toks[i].e; k < len(d.src); k++ {
		switch d.src[k] {
		case ' ', '\t':
			continue
		case sep:
			return true
		}
		return false
	}
	return false
}

// clStaffRole reports whether a signature gives a role at a program: a
// chief resident, a program director, a coordinator, a fellow, faculty.
func clStaffRole(d *clDoc) bool {
	for i, t := range d.toks {
		switch t.w {
		case "coordinator", "faculty", "chief", "fellow", "professor", "resident":
			return true
		case "director":
			if i > 0 && (d.toks[i-1].w == "program" || d.toks[i-1].w == "fellowship" || d.toks[i-1].w == "residency" || d.toks[i-1].w == "associate" || d.toks[i-1].w == "assistant" || d.toks[i-1].w == "track" || d.toks[i-1].w == "pathway") {
				return true
			}
			// "Director, Clinical Informatics Track"
			for k := i + 1; k < len(d.toks) && k <= i+4 && d.toks[k].sent == t.sent; k++ {
				switch d.toks[k].w {
				case "track", "program", "fellowship", "residency", "pathway":
					return true
				}
			}
		}
	}
	return false
}

// saysTraining reports whether one of ds holds one of the training words
// (fellowship, applicants, interview…: senders.toml's training_words).
func (r *clRules) saysTraining(ds ...*clDoc) bool {
	for _, w := range r.trainingWords {
		for _, d := range ds {
			if clHasWord(d, w) {
				return true
			}
		}
	}
	return false
}

// clTraineeYear reports whether a signature gives a trainee's year: "PGY-3",
// "Intern".
func clTraineeYear(d *clDoc) bool {
	for _, t := range d.toks {
		switch t.w {
		case "pgy", "pgy1", "pgy2", "pgy3", "pgy4", "pgy5", "pgy6", "pgy7", "intern":
			return true
		}
	}
	return false
}

// clConfirmsHerInterview reports whether the words of i's sentence before
// it confirm her interview: "confirms … your interview|visit …".
func clConfirmsHerInterview(d *clDoc, i int) bool {
	sent := d.toks[i].sent
	iv := -1
	for j := i - 1; j > 0 && d.toks[j].sent == sent; j-- {
		if w := d.toks[j].w; (w == "interview" || w == "visit") && d.toks[j-1].w == "your" {
			iv = j - 1
			break
		}
	}
	for j := iv - 1; iv > 0 && j >= 0 && d.toks[j].sent == sent; j-- {
		switch d.toks[j].w {
		case "confirms", "confirm", "confirming", "confirmed":
			return true
		}
	}
	return false
}

// clToldWords are the words before "otherwise" that keep what was said:
// "until you hear otherwise", "unless told otherwise".
var clToldWords = map[string]bool{"hear": true, "told": true, "notified": true, "advised": true, "informed": true, "instructed": true, "noted": true, "stated": true, "specified": true, "indicated": true}

// reInlineAnswers is a cover note whose answers follow inside the quote
// (lower case).
var reInlineAnswers = regexp.MustCompile(`\b(?:answers?|responses?|replies|comments|notes)\b[^.\n]{0,40}\b(?:below|inline|in-line|in (?:blue|red|green|bold|caps)|marked)\b|\banswered (?:below|inline|in-line)\b`)

// mayAnswerInline reports whether lower-case text holds one of the words
// reInlineAnswers ends on: most cover notes do not, and the regular
// expression costs more than the test.
func mayAnswerInline(text string) bool {
	for _, w := range [...]string{"below", "inline", "in-line", "marked", "in blue", "in red", "in green", "in bold", "in caps"} {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// reAnswerMark starts a line answered inline: "[DA] …", "PN: …".
var reAnswerMark = regexp.MustCompile(`^\s*(?:>\s*)*(?:\[[A-Z]{1,3}\]|[A-Z]{2,3}:)\s+(\S.*)$`)

// clInlineAnswers returns the lines of quoted that carry an answer mark,
// without the mark, one a paragraph.
func clInlineAnswers(quoted string) string {
	var b strings.Builder
	for _, line := range strings.Split(clTruncate(quoted, clMaxBody), "\n") {
		if m := reAnswerMark.FindStringSubmatch(strings.TrimRight(line, "\r")); m != nil {
			b.WriteString(m[1])
			b.WriteString("\n\n")
		}
	}
	return strings.TrimSpace(b.String())
}

// clHerClockSeqs are the words that give a date as the same hour on her
// clock ("For you in Dhaka that is 7:30 AM on Tuesday", "by my arithmetic
// … 7:00 AM on Friday the 6th"), read-only.
var clHerClockSeqs = [][]string{
	{"for", "you", "in"}, {"your", "local", "time"}, {"in", "your", "time", "zone"}, {"your", "time"}, {"your", "night"},
	{"by", "my", "calculation"}, {"my", "arithmetic"}, {"my", "math"}, {"my", "maths"}, {"my", "reckoning"}, {"works", "out", "to"},
}

// clSentenceTellsHour reports whether token i's sentence tells an hour of
// the day ("7:30 AM", "noon", "19:00").
func clSentenceTellsHour(d *clDoc, i int) bool {
	sent := d.toks[i].sent
	for k := clSentStart(d, i); k < len(d.toks) && d.toks[k].sent == sent; k++ {
		switch d.toks[k].w {
		case "am", "pm", "noon", "midnight", "oclock", "hours", "hrs":
			return true
		case "a", "p":
			if k+1 < len(d.toks) && d.toks[k+1].w == "m" {
				return true
			}
		}
		// "19:00": digits joined by a colon.
		if t := d.toks[k]; k+1 < len(d.toks) && t.e < len(d.src) && d.src[t.e] == ':' && d.toks[k+1].s == t.e+1 && clIsDigit(d.src[t.s]) && clIsDigit(d.src[t.e+1]) {
			return true
		}
	}
	return false
}

// clFollowedBy reports whether the words ws come right after token i, in
// its sentence.
func clFollowedBy(d *clDoc, i int, ws ...string) bool {
	for k, w := range ws {
		j := i + 1 + k
		if j >= len(d.toks) || d.toks[j].sent != d.toks[i].sent || d.toks[j].w != w {
			return false
		}
	}
	return true
}
