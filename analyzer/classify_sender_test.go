package analyzer

import (
	"strings"
	"testing"
)

func TestClassifySenders(t *testing.T) {
	c := testClassifier(t)
	type tc struct {
		name     string
		m        *Message
		typ, prg string
	}
	withReplyTo := msg("Interview Broker <noreply@interviewbroker.com>", "Select your interview date", "You have a new interview invitation. Please select a date for your interview day.")
	withReplyTo.ReplyTo = []Address{{Addr: "imresidency@northgate-health.org"}}
	html := msg("news@lakeside-med.org", "Lakeside Informatics Quarterly", "Fellowship news: our fellows launched a sepsis dashboard. Read more on our blog. Unsubscribe | View in browser")
	html.HTMLOnly = true
	html.Headers = map[string]string{"List-Unsubscribe": "<mailto:unsub@lakeside-med.org>"}
	auto := msg("sokafor@harborvalley.edu", "Out of Office: Re: Thank you", "I am away from the office until Monday, November 30, and will respond to your message when I return.")
	auto.AutoSubmitted = true
	notice := msg("imresidency@northgate-health.org", "Application 2027-IM-04418: personal statement not assigned", "This is an automated message. Our records show that no personal statement has been assigned to this program in ERAS. Please assign a personal statement to our program in MyERAS.")
	notice.AutoSubmitted = true
	notice.Headers = map[string]string{"Auto-Submitted": "auto-generated"}
	quoted := msg("lchen@northgate-health.org", "Re: Interview follow-up", "Thank you for your note, Dr. Rahman. We appreciated your visit.")
	quoted.Quoted = "On Nov 20, 2026, Amina Rahman <amina.rahman@example.org> wrote:\n> Could you tell me where I stand on your rank list? I will rank you first."
	fwdSelf := msg("Amina Rahman <amina.r.md@mailbox.example>", "Fwd: Interview invitation", "saving this")
	fwdSelf.Quoted = "---------- Forwarded message ---------\nFrom: Rebecca Moss <rmoss@stbrendans.org>\nDate: Mon, Nov 23, 2026\nSubject: Interview invitation\n\nWe would like to invite you to interview for the Informatics Pathway. Please choose one of the dates in the link."
	cases := []tc{
		{"platform names the program by institution", msg("Thalamus <no-reply@thalamusgme.com>", "Interview scheduled", "Your interview with Meridian State University Applied Clinical Informatics Fellowship has been scheduled for Friday, October 23, 2026."), TypeInterviewConfirmation, "meridian"},
		{"platform with the program's Reply-To", withReplyTo, TypeInterviewInvite, "northgate"},
		{"subdomain of a program domain", msg("gme@mail.harborvalley.edu", "Your application", "Your application is missing a personal statement. Please upload it in ERAS."), TypeApplicationRequest, "harbor-valley"},
		{"html newsletter from the program", html, TypeProgramUpdate, "lakeside"},
		{"out of office from a program director", auto, TypeOther, "harbor-valley"},
		{"a system's own notice is judged on its words", notice, TypeApplicationRequest, "northgate"},
		{"the applicant's quoted question is not the program's", quoted, TypePostInterviewInterest, "northgate"},
		{"forward to herself", fwdSelf, TypeInterviewInvite, "st-brendan"},
		{"lookalike domain", msg("admissions@harborvalley-edu.net", "Interview invitation", "Harbor Valley Health invites you to interview. Confirm your slot by paying the $50 scheduling fee."), TypeOther, ""},
		{"a stranger names the program in passing", msg("deals@hotels.example", "Stay near Northgate Regional Hospital", "Book a room near Northgate Regional Hospital for your interview trip and save 20%."), TypeOther, ""},
		{"personal address signed as the program", msg("Laura Chen <laura.chen.md@gmail.example>", "From my personal address", "Dr. Rahman, I'm writing from my personal account: we would like to invite you to interview with the Northgate Clinical Informatics Track."), TypeInterviewInvite, "northgate"},
		// other parts of a program's hospital, on its domain
		{"the hospital's patient portal", msg("MyChart <no-reply@mychart.lakeside-med.org>", "Appointment reminder", "This is a reminder of your upcoming appointment on Thursday, November 19, 2026 at 9:00 AM. Please arrive 15 minutes early."), TypeOther, ""},
		{"the hospital's job board", msg("Careers <careers@jobs.harborvalley.edu>", "New jobs for you", "3 new jobs match your alert: Clinical Informatics Analyst, Nurse Informaticist. Apply now."), TypeOther, ""},
		{"the hospital's foundation", msg("giving@foundation.stbrendans.org", "Thank you for your gift", "Thank you for your gift of $25 to the St. Brendan's Children's Foundation."), TypeOther, ""},
		{"the hospital's news for patients", msg("news@lakeside-med.org", "Lakeside Today", "News from Lakeside University Medical Center: free flu shots in the main lobby, and a new nurse residency scholarship."), TypeOther, ""},
		{"the hospital's HR system carries the program's offer", msg("HR Offers <hr-offers@harborvalley.edu>", "Offer of appointment", "We are pleased to offer you the position of Clinical Informatics Fellow. Please sign and return the attached contract by Friday; accepting means you will withdraw from the AMIA match."), TypePreMatchOffer, "harbor-valley"},
		{"a platform at a documentation domain", msg("Interview Broker <no-reply@interviewbroker.example.net>", "Invitation status: Closed", "St. Brendan's Children's Hospital has sent all of its interview invitations for the season. No interview invitation will be extended to you for this program."), TypeInterviewDecline, "st-brendan"},
		{"the program's own address on the same domain", msg("ci-fellowship@lakeside-med.org", "Your application", "Your application is missing a personal statement. Please upload it in ERAS."), TypeApplicationRequest, "lakeside"},
	}
	for _, k := range cases {
		got := c.Classify(k.m)
		if got.Type != k.typ || got.Program != k.prg {
			t.Errorf("%s: got %s/%q, want %s/%q\n  %s", k.name, got.Type, got.Program, k.typ, k.prg, strings.Join(got.Evidence, "\n  "))
		}
	}
}
