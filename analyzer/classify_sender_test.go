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
	chief := msg("Kayla Brooks <kayla.brooks@webmail.example.net>", "hey from the chiefs", "So fun meeting you at the resident happy hour! Totally off the record: are we your #1?")
	chief.Signature = "Kayla Brooks, MD\nChief Resident, Pediatrics\nSt. Brendan's Children's Hospital"
	notice := msg("imresidency@northgate-health.org", "Application 2027-IM-04418: personal statement not assigned", "This is an automated message. Our records show that no personal statement has been assigned to this program in ERAS. Please assign a personal statement to our program in MyERAS.")
	notice.AutoSubmitted = true
	notice.Headers = map[string]string{"Auto-Submitted": "auto-generated"}
	quoted := msg("lchen@northgate-health.org", "Re: Interview follow-up", "Thank you for your note, Dr. Rahman. We appreciated your visit.")
	quoted.Quoted = "On Nov 20, 2026, Amina Rahman <amina.rahman@example.org> wrote:\n> Could you tell me where I stand on your rank list? I will rank you first."
	fwdSelf := msg("Amina Rahman <amina.r.md@mailbox.example>", "Fwd: Interview invitation", "saving this")
	fwdSelf.Quoted = "---------- Forwarded message ---------\nFrom: Rebecca Moss <rmoss@stbrendans.org>\nDate: Mon, Nov 23, 2026\nSubject: Interview invitation\n\nWe would like to invite you to interview for the Informatics Pathway. Please choose one of the dates in the link."
	calSender := msg("Northgate IM Interview Team <ngim.interviews@gmail.com>", "Updated invitation: Northgate Regional Hospital IM interview @ Thu Dec 10, 2026", "This event has been changed. Your interview has been rescheduled to Thursday, December 10, 2026 at 8:00 AM ET. Please accept the updated invite. - Diego")
	calSender.Sender = []Address{{Name: "Google Calendar", Addr: "calendar-notification@google.com"}}
	cases := []tc{
		// blind set wr, in other words: a network's message from one of the
		// program's people, a calendar that sends in the organizer's name,
		// a service's notices@, and what only looks like them
		{"a network's message from a person with a role at the program", msg("Medlink <msg-alerts@medlink.example>", "Helen sent you a message", "Helen Park, MD\nProgram Director, Clinical Informatics Fellowship, Lakeside University Medical Center\n\nHi Amina, enjoyed meeting you. Between us, where will Lakeside land on your rank list?\n\nReply on Medlink"), TypeRankSolicitation, "lakeside"},
		{"a lodging host's message names the hospital", msg("StayShare <robot@stayshare.example>", "Your host sent you a message", "Priya (host) sent you a message: Check-in for your stay near Northgate Regional Hospital is after 3 PM. Good luck with your interview on Thursday!\n\nReply on StayShare"), TypeOther, ""},
		{"a calendar sending in the organizer's name", calSender, TypeInterviewConfirmation, "northgate"},
		{"an application service's notices", msg("AppTrack Service <notices@apptrack.example>", "A program sent you an interview invitation", "A program has sent you an invitation to interview.\n\nProgram: St. Brendan's Children's Hospital - Pediatrics Residency with Informatics Pathway\n\nSign in to choose a date."), TypeInterviewInvite, "st-brendan"},
		{"a summit held on a program's campus", msg("TixHub <notifications@tixhub.example>", "Your ticket: Prairie Informatics Symposium", "You're registered for the Prairie Informatics Symposium, held at the Meridian State University campus. Fellowship programs from the region will host a networking hour."), TypeOther, ""},
		// blind set wt, in other words: the hospital's hiring system named
		// for its tenant, a domain one letter off, a chief who met her
		{"the hospital's hiring system, its tenant in the address", msg("Lakeside Careers <no-reply@lakeside.talentbridge.example>", "Update on your application", "Thank you for applying to the Clinical Informatics Fellowship. After careful review, the committee will not be extending you an invitation to interview this season."), TypeInterviewDecline, "lakeside"},
		{"a program's whole domain inside another", msg("GME <gme@stbrendans.org-careers.example>", "Interview invitation", "You are invited to interview. Verify your identity and pay the $40 fee within 24 hours to hold your slot."), TypeOther, ""},
		{"a domain one letter off, which names no program's stem", msg("Harbor Valley Health HR <offers@harborvaliey.edu>", "Your fellowship offer", "We are pleased to offer you the Clinical Informatics Fellow position. Please sign the attached letter by Friday."), TypeOther, ""},
		{"a program's whole domain inside a hiring system's", msg("Lakeside GME <status@lakeside-med.org.careers-portal.example>", "Application status", "Your application status has been updated: the committee will not be offering you an interview this season."), TypeOther, ""},
		{"a domain one letter off", msg("Northgate GME <gme@northgate-heaIth.org>", "Offer letter - sign today", "Please review and sign your fellowship offer letter before end of day: http://docs.example/login"), TypeOther, ""},
		{"a chief who met her writes from her own address", msg("Priya D <priya.d.md@mailbox.example>", "hi from Harbor Valley!", "Priya here, one of the chief fellows at Harbor Valley - we met at lunch on your interview day. Dr. Okafor asked the chief fellows to check in: which other programs are still on your list?"), TypeRankSolicitation, "harbor-valley"},
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
		{"a platform's notice carrying the program's message under a header block", msg("MyERAS PostOffice <myeras-noreply@aamc.org>", "New MyERAS PostOffice message", "You have received a new message in your MyERAS PostOffice.\n\nFrom: Northgate Regional Hospital - Internal Medicine Residency\nSent: 10/22/2026\nSubject: Interview Invitation\n\nThe selection committee would like to invite you to interview on Thursday, December 10, 2026."), TypeInterviewInvite, "northgate"},
		{"a help desk the program answers through", msg("Harbor Valley Health GME Help Center <support@harborvalleygme.zendesk.com>", "Re: Eligibility question", "Priya Natarajan (Harbor Valley Health GME): International medical graduates are welcome to apply. We sponsor J-1 visas through ECFMG; we are not able to sponsor H-1B visas."), TypeEligibilityReply, "harbor-valley"},
		{"a chief resident from a personal address, signed with her role there", chief, TypeRankSolicitation, "st-brendan"},
		{"another part of the hospital may still make an off-Match offer", msg("Rachel Tan <cmio-office@it.harborvalley.edu>", "Offer: Physician Informaticist", "I would like to make you an offer: a full-time Physician Informaticist position. Because this role would take the place of fellowship training, we need your decision by Tuesday, December 1, before AMIA rank lists are due."), TypePreMatchOffer, "harbor-valley"},
		{"the program's own address on the same domain", msg("ci-fellowship@lakeside-med.org", "Your application", "Your application is missing a personal statement. Please upload it in ERAS."), TypeApplicationRequest, "lakeside"},
	}
	for _, k := range cases {
		got := c.Classify(k.m)
		if got.Type != k.typ || got.Program != k.prg {
			t.Errorf("%s: got %s/%q, want %s/%q\n  %s", k.name, got.Type, got.Program, k.typ, k.prg, strings.Join(got.Evidence, "\n  "))
		}
	}
}

// TestClassifyPlatformRelayWithHeaderBlock: a platform's notice that
// carries the program's message under a From:/Sent:/Subject: block (MyERAS
// PostOffice) is read as the program's words, though the block looks like
// a quoted reply; a platform's reply quoting her is not.
func TestClassifyPlatformRelayWithHeaderBlock(t *testing.T) {
	c := testClassifier(t)
	raw := func(subject, body string) *Message {
		return Parse([]byte("From: MyERAS PostOffice <myeras-noreply@aamc.org>\r\nTo: Amina Rahman <amina.rahman@example.org>\r\n" +
			"Subject: " + subject + "\r\nDate: Thu, 22 Oct 2026 10:00:00 -0400\r\nMessage-ID: <p1@aamc.org>\r\n\r\n" +
			strings.ReplaceAll(body, "\n", "\r\n")))
	}
	post := "You have received a new message in your MyERAS PostOffice.\n\nFrom: Lakeside University Medical Center - Clinical Informatics Fellowship\nProgram ID: 8102200147\nSent: 11/24/2026\nSubject: Rank list question\n\nDear Dr. Rahman,\n\nCould you let us know whether you plan to rank us first?\n\nThis is an automated notification from MyERAS."
	if got := c.Classify(raw("New MyERAS PostOffice message", post)); got.Type != TypeRankSolicitation || got.Program != "lakeside" {
		t.Errorf("PostOffice relay: got %s/%q, want rank-solicitation/lakeside\n  %s", got.Type, got.Program, strings.Join(got.Evidence, "\n  "))
	}
	reply := "Thanks, noted.\n\nFrom: Amina Rahman <amina.rahman@example.org>\nSent: 11/24/2026\nSubject: Rank list\n\nWill you rank me first? I will rank Lakeside first."
	if got := c.Classify(raw("Re: Rank list", reply)); got.Type == TypeRankSolicitation {
		t.Errorf("a reply quoting her own words: got %s, want no alert", got.Type)
	}
}

// TestClassifySendersBlindSetLL: who is writing, as blind set ll taught.
func TestClassifySendersBlindSetLL(t *testing.T) {
	c := testClassifier(t)
	noSep := msg("Dana Whitfield <dana.whitfield.md@gmail.com>", "After Thursday", "Hi Amina,\n\nIt was a real pleasure meeting you on Thursday; the residents keep talking about your dashboard.\n\nDana\n\nDana Whitfield, MD\nChief Resident, Internal Medicine\nNorthgate Regional Hospital")
	friend := msg("Dana Whitfield <dana.whitfield.md@gmail.com>", "coffee?", "Hi Amina,\n\nI'm writing as a friend, not for the program: want to grab coffee when you're in town?\n\nDana\n\nDana Whitfield, MD\nPGY-2, Internal Medicine\nNorthgate Regional Hospital")
	alias := msg("\"NRH IM Residency\" <nrh.imresidency@gmail.com>", "Second-look evening", "Hello interviewees, we're hosting an optional second-look evening on Thursday, January 28. RSVP by January 22.")
	survey := msg("\"LUMC Clinical Informatics Fellowship\" <noreply@qemailserver.com>", "How was your interview day?", "Thank you for interviewing with us. Take the survey: it takes five minutes and is anonymous.")
	survey.Headers = map[string]string{"List-Unsubscribe": "<https://lakesidemed.qualtrics.com/optout>"}
	survey.ReplyTo = []Address{{Addr: "ci-fellowship@lakeside-med.org"}}
	online := msg("admissions@online.meridian.edu", "Earn your master's in health informatics", "Applications are open for our online MS in Health Informatics. Start in January.")
	online.Headers = map[string]string{"List-Unsubscribe": "<mailto:unsub@online.meridian.edu>"}
	cases := []struct {
		name     string
		m        *Message
		typ, prg string
	}{
		{"a chief resident signing without a -- line", noSep, TypePostInterviewInterest, "northgate"},
		{"a resident friend is not the program", friend, TypeOther, ""},
		{"the program's short name with its kind of training", alias, TypeProgramUpdate, "northgate"},
		{"a survey service sending the program's own mailing", survey, TypeProgramUpdate, "lakeside"},
		{"the university's online degrees are not the fellowship", online, TypeOther, ""},
	}
	for _, k := range cases {
		got := c.Classify(k.m)
		if got.Type != k.typ || got.Program != k.prg {
			t.Errorf("%s: got %s/%q, want %s/%q\n   %s", k.name, got.Type, got.Program, k.typ, k.prg, strings.Join(got.Evidence, "\n   "))
		}
	}
}
