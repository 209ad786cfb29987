package analyzer

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/matchguard/matchguard/config"
)

func testClassifier(t testing.TB) *Classifier {
	t.Helper()
	cfg, err := config.Load("../testdata/mail/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewClassifier(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// clRef is the Date of the test messages: Thursday, November 26, 2026.
var clRef = time.Date(2026, 11, 26, 10, 0, 0, 0, time.FixedZone("EST", -5*3600))

func msg(from, subject, own string) *Message {
	name, addr := "", from
	if i := strings.IndexByte(from, '<'); i >= 0 {
		name, addr = strings.TrimSpace(from[:i]), strings.Trim(from[i:], "<>")
	}
	return &Message{
		From:    []Address{{Name: name, Addr: addr}},
		To:      []Address{{Addr: "amina.rahman@example.org"}},
		Subject: subject,
		Date:    clRef,
		Text:    own,
		Own:     own,
	}
}

// expectClass reports a case whose classification differs from want in its
// type, or in a field named in also ("date", "program"), with the evidence.
func expectClass(t *testing.T, body string, got, want Classification, also ...string) {
	t.Helper()
	miss := got.Type != want.Type
	var gotX, wantX []string
	for _, f := range also {
		switch f {
		case "date":
			miss = miss || got.InterviewDate != want.InterviewDate
			gotX, wantX = append(gotX, strconv.Quote(got.InterviewDate)), append(wantX, strconv.Quote(want.InterviewDate))
		case "program":
			miss = miss || got.Program != want.Program
			gotX, wantX = append(gotX, strconv.Quote(got.Program)), append(wantX, strconv.Quote(want.Program))
		default:
			t.Fatalf("expectClass: unknown field %q", f)
		}
	}
	if miss {
		t.Errorf("%.70q\n   got %s %s want %s %s\n   %s", body, got.Type, strings.Join(gotX, " "),
			want.Type, strings.Join(wantX, " "), strings.Join(got.Evidence, "\n   "))
	}
}

func TestClassifyTypes(t *testing.T) {
	c := testClassifier(t)
	cases := []struct {
		name    string
		m       *Message
		typ     string
		program string
		date    string
	}{
		{"invite, virtual visit, choose a date",
			msg("ci-fellowship@lakeside-med.org", "Your application to our fellowship",
				"Dear Dr. Rahman,\n\nThank you for applying. Our committee enjoyed reading your application and we would like you to select a date for your virtual visit with our faculty. Available days are December 8, December 10 and December 15. Please pick one through Thalamus by December 1."),
			TypeInterviewInvite, "lakeside", ""},
		{"invite, one date offered",
			msg("sokafor@harborvalley.edu", "Harbor Valley informatics",
				"Dr. Rahman, we were delighted by your application and would like to invite you to interview with us on Thursday, December 10th at 9:00 AM ET. Please let me know if this works."),
			TypeInterviewInvite, "harbor-valley", "2026-12-10"},
		{"invite through Thalamus names the program",
			msg("Thalamus <notifications@thalamusgme.com>", "New interview invitation",
				"Northgate Regional Hospital - Internal Medicine Residency has invited you to interview. Log in to schedule your interview. Dates available: 12/14, 12/16, 1/6."),
			TypeInterviewInvite, "northgate", ""},
		{"confirmation with one date",
			msg("ci-fellowship@lakeside-med.org", "Re: Interview",
				"Hi Amina,\n\nThis confirms your interview on Tuesday, 12/08/2026. The day starts at 8:30 AM Eastern; the Zoom link will follow."),
			TypeInterviewConfirmation, "lakeside", "2026-12-08"},
		{"confirmation through platform, day-month form",
			msg("no-reply@interviewbroker.com", "You're scheduled",
				"You are scheduled for an interview with St. Brendan's Children's Hospital Pediatrics Residency on 3 Dec 2026. Add it to your calendar."),
			TypeInterviewConfirmation, "st-brendan", "2026-12-03"},
		{"confirmation: reminder tomorrow",
			msg("imresidency@northgate-health.org", "Reminder: your interview tomorrow",
				"Just a reminder that your interview day is tomorrow. Please join the Zoom meeting ten minutes early."),
			TypeInterviewConfirmation, "northgate", "2026-11-27"},
		{"decline without the word reject",
			msg("informatics.fellowship@harborvalley.edu", "Your application",
				"Dear Applicant,\n\nThank you for your interest in our program. We received a record number of applications this year. After careful consideration, we regret that we are unable to offer you an interview. We wish you the very best in your career."),
			TypeInterviewDecline, "harbor-valley", ""},
		{"decline: slots filled",
			msg("rmoss@stbrendans.org", "Interview season update",
				"Hello, all of our interview slots have now been filled and we will not be moving forward with additional interviews. Best of luck in the Match."),
			TypeInterviewDecline, "st-brendan", ""},
		{"waitlist",
			msg("imresidency@northgate-health.org", "Interview status",
				"Thank you for your patience. At this time we have placed you on our interview wait list. Should a spot open up, we will reach out right away."),
			TypeWaitlist, "northgate", ""},
		{"eligibility reply",
			msg("jfeld@meridian.edu", "Re: Eligibility question – IMG applicant",
				"Dr. Rahman,\n\nThanks for reaching out. We do sponsor J-1 visas through ECFMG but not H-1B. Applicants must be board eligible in a primary specialty after an ACGME-accredited residency."),
			TypeEligibilityReply, "meridian", ""},
		{"application request",
			msg("informatics.fellowship@harborvalley.edu", "Action needed",
				"Hi Amina, before we can review your file we still need your second letter of recommendation. Please ask your letter writer to upload it through ERAS."),
			TypeApplicationRequest, "harbor-valley", ""},
		{"post-interview interest",
			msg("hpark@lakeside-med.org", "Thank you",
				"Amina, it was a real pleasure meeting you last week. The faculty were impressed with your EHR work and we think you would be a wonderful fit here. Don't hesitate to reach out with questions."),
			TypePostInterviewInterest, "lakeside", ""},
		{"rank solicitation beats interest",
			msg("hpark@lakeside-med.org", "Following up",
				"We loved meeting you and the whole team was impressed. Before lists are due, could you tell us where we are on your rank list?"),
			TypeRankSolicitation, "lakeside", ""},
		{"rank solicitation: other programs",
			msg("sokafor@harborvalley.edu", "Quick question",
				"Great talking with you. Which other programs are you still considering, and would you rank us first if we ranked you highly?"),
			TypeRankSolicitation, "harbor-valley", ""},
		{"rank solicitation: commitment",
			msg("lchen@northgate-health.org", "Checking in",
				"We are finalizing our list. Can you commit to ranking Northgate at the top? It would help us a lot to know your intentions."),
			TypeRankSolicitation, "northgate", ""},
		{"program may hope to rank you: not solicitation",
			msg("lchen@northgate-health.org", "Thank you for visiting",
				"Thank you for interviewing with us. You were a standout and we hope to rank you highly. Per NRMP policy we will not ask about your rank list."),
			TypePostInterviewInterest, "northgate", ""},
		{"pre-match offer",
			msg("jfeld@meridian.edu", "An opportunity",
				"We have an off-cycle position in our applied informatics fellowship and would like to offer it to you now, outside the Match. You would need to withdraw from the AMIA match and sign the contract by Friday."),
			TypePreMatchOffer, "meridian", ""},
		{"pre-match offer: early commitment",
			msg("rmoss@stbrendans.org", "Early commitment",
				"We can guarantee you a spot in our pathway if you agree to an early commitment before Match Day."),
			TypePreMatchOffer, "st-brendan", ""},
		{"program update: open house",
			msg("ci-fellowship@lakeside-med.org", "Virtual open house Dec 4",
				"Dear applicants,\n\nJoin our fellows and faculty for a virtual open house on December 4 at 6 PM ET. We will share updates on our new clinical decision support rotation."),
			TypeProgramUpdate, "lakeside", ""},
		{"match result",
			msg("hpark@lakeside-med.org", "Welcome!",
				"Congratulations! We are thrilled that you matched with the Lakeside Clinical Informatics Fellowship. Our GME office will contact you about onboarding."),
			TypeMatchResult, "lakeside", ""},
		{"match result from the match",
			msg("noreply@amia.org", "AMIA Clinical Informatics Match results",
				"Congratulations, you have matched to the Clinical Informatics Fellowship at Meridian State University."),
			TypeMatchResult, "meridian", ""},
		{"auto-reply from a program",
			func() *Message {
				m := msg("hpark@lakeside-med.org", "Automatic reply: Thank you", "I am out of the office until December 1 with limited access to email. For urgent matters contact the coordinator.")
				m.AutoSubmitted = true
				return m
			}(),
			TypeOther, "lakeside", ""},
		{"spouse's bank job interview",
			msg("recruiting@firstharborbank.com", "Interview invitation – Financial Analyst",
				"Dear Omar, we would like to invite you to interview for the Financial Analyst role on December 3 at 10 AM."),
			TypeOther, "", ""},
		{"flight to a program's city",
			msg("reservations@skyways.example", "Your flight is confirmed",
				"Your booking to Lakeside is confirmed for Dec 9. Confirmation code XK4F2."),
			TypeOther, "", ""},
		{"phishing dressed as the program",
			msg("Lakeside University Medical Center <gme@lakeside-med-support.com>", "Interview confirmation – action required",
				"Your interview with Lakeside University Medical Center is confirmed. To secure your position please pay the processing fee via gift card within 24 hours."),
			TypeOther, "", ""},
		{"listserv digest about rank lists",
			func() *Message {
				m := msg("informatics-l@lists.example.edu", "Informatics-L Digest, Vol 12",
					"Topic: how do you build your rank list? Several members ask where programs like Lakeside fall on their list.")
				m.ListID = "<informatics-l.lists.example.edu>"
				return m
			}(),
			TypeOther, "", ""},
		{"exam score report",
			msg("noreply@nbme.org", "Your USMLE Step 3 score report is available",
				"Your score report is now available. Log in to view your results."),
			TypeOther, "", ""},
		{"quoted applicant text is not read",
			func() *Message {
				m := msg("sokafor@harborvalley.edu", "Re: Thank you",
					"Thank you for your kind note. It was a pleasure meeting you and we enjoyed the conversation.")
				m.Quoted = "> Where will you rank me? I will rank Harbor Valley first if you rank me first."
				m.Text = m.Own + "\n" + m.Quoted
				return m
			}(),
			TypePostInterviewInterest, "harbor-valley", ""},
		{"calendar invitation",
			func() *Message {
				m := msg("Helen Park <hpark@lakeside-med.org>", "Invitation: Fellowship interview – Amina Rahman",
					"You have been invited to the following event.")
				m.Calendars = []string{"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nDTSTART;TZID=America/New_York:20261209T090000\r\nSUMMARY:Clinical Informatics Fellowship interview\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"}
				return m
			}(),
			TypeInterviewConfirmation, "lakeside", "2026-12-09"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := c.Classify(tc.m)
			if got.Type != tc.typ || got.Program != tc.program || got.InterviewDate != tc.date {
				t.Errorf("got %s/%q/%q, want %s/%q/%q\nevidence:\n  %s", got.Type, got.Program, got.InterviewDate,
					tc.typ, tc.program, tc.date, strings.Join(got.Evidence, "\n  "))
			}
		})
	}
}

func TestClassifyOddInput(t *testing.T) {
	c := testClassifier(t)
	odd := []*Message{
		nil,
		{},
		{Subject: strings.Repeat("Interview invitation ", 400)},
		{From: []Address{{Addr: "not an address"}}, Own: strings.Repeat("où? ¿qué? 日本語 ", 5000)},
		{From: []Address{{Addr: "hpark@lakeside-med.org"}}, Calendars: []string{"BEGIN:VEVENT\nDTSTART:2026\nEND:VEVENT", "garbage"}},
		{From: []Address{{Addr: "hpark@lakeside-med.org"}}, Quoted: "From:\n\n", Subject: "Fwd:"},
	}
	for i, m := range odd {
		got := c.Classify(m)
		if got.Type == "" {
			t.Errorf("%d: empty type", i)
		}
	}
	// Deterministic: the same message gives the same answer.
	m := msg("sokafor@harborvalley.edu", "Interview", "We would like to invite you to interview on Dec 10 or Dec 17.")
	a, b := c.Classify(m), c.Classify(m)
	if strings.Join(a.Evidence, "|") != strings.Join(b.Evidence, "|") || a.Type != b.Type || a.Program != b.Program || a.InterviewDate != b.InterviewDate || a.Confidence != b.Confidence {
		t.Errorf("not deterministic: %+v vs %+v", a, b)
	}
}

func TestClassifyConcurrent(t *testing.T) {
	c := testClassifier(t)
	msgs := []*Message{
		msg("sokafor@harborvalley.edu", "Interview", "We would like to invite you to interview on Dec 10 or Dec 17."),
		msg("hpark@lakeside-med.org", "Following up", "Where are we on your rank list?"),
		msg("jfeld@meridian.edu", "Re: interview", "Great, you're set for Friday, December 11."),
	}
	want := make([]Classification, len(msgs))
	for i, m := range msgs {
		want[i] = c.Classify(m)
	}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- true }()
			for k := 0; k < 200; k++ {
				i := k % len(msgs)
				got := c.Classify(msgs[i])
				if got.Type != want[i].Type || got.InterviewDate != want[i].InterviewDate {
					t.Errorf("concurrent: %d got %s %s", i, got.Type, got.InterviewDate)
					return
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}
