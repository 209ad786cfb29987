package analyzer

import (
	"testing"
	"time"
)

// TestClassifySession19 (blind sets kg–kj, in other words): where the
// program is "landing" for her is a rank question, while a promise that
// no questions will come about her list is none; her name kept at the
// front of the line, or her file set aside for a later round, is a
// waitlist; no date left to open is a no; a platform's status field that
// says no interview is a no; one of her letters still missing is a
// request; "tell me which" offers the days; a visa interview's day, a
// committee's meeting day and a day named beside "for you in" with no
// hour are not her interview's; a day she is asked to say she can come
// to is offered; she moved on the scheduling platform is a confirmation;
// housekeeping for everyone on the schedule is news; her employer's HR
// passing a note along relays no program.
func TestClassifySession19(t *testing.T) {
	c := testClassifier(t)
	oct := time.Date(2026, 10, 2, 9, 0, 0, 0, time.FixedZone("CDT", -5*3600))
	nov := time.Date(2026, 11, 21, 9, 0, 0, 0, time.FixedZone("CST", -6*3600))
	cases := []datedCase{
		{"where the program is landing", "hpark@lakeside-med.org", "hello",
			"No pressure at all, but it would help our planning to get a rough idea of where Lakeside is sitting for you these days.",
			nov, TypeRankSolicitation, "lakeside", ""},
		{"no questions will come", "rmoss@stbrendans.org", "Thank you",
			"We loved having you on Tuesday and would be thrilled to see you here in July. You will never get questions from us about your list or the other programs you have visited.",
			nov, TypePostInterviewInterest, "st-brendan", ""},
		{"first in line if someone cancels", "ci-fellowship@lakeside-med.org", "Re: status",
			"Every December date is booked, but Dr. Park asked me to move your name to the head of the queue in case an applicant withdraws.",
			oct, TypeWaitlist, "lakeside", ""},
		{"set aside for a later round", "informatics.fellowship@harborvalley.edu", "Your application",
			"Your file was not part of this week's invitations; Dr. Okafor has put your application aside for our next round.",
			oct, TypeWaitlist, "harbor-valley", ""},
		{"no date will open", "jfeld@meridian.edu", "Re: interview schedule",
			"Our last applicant accepted today, so no slot is likely to open up this season. I'm sorry.",
			oct, TypeInterviewDecline, "meridian", ""},
		{"a platform status field", "notifications@interviewbroker.com", "Status update",
			"Northgate Regional Hospital has updated your application.\n\nStatus  Not invited\n\nThis message was sent on behalf of the program.",
			oct, TypeInterviewDecline, "northgate", ""},
		{"a letter still missing", "ci-fellowship@lakeside-med.org", "letters",
			"Quick note: we have two of your three letters so far. Could you check on the third?",
			oct, TypeApplicationRequest, "lakeside", ""},
		{"tell me which", "ci-fellowship@lakeside-med.org", "RE: status",
			"Good news, a seat opened up. Dr. Park can see you Thursday 11/12 or Thursday 11/19. Say which and I'll hold it.",
			oct, TypeInterviewInvite, "lakeside", ""},
		{"a visa interview's day", "ci-fellowship@lakeside-med.org", "RE: interview day",
			"You're confirmed for Thursday, November 12, 2026, in person.\n\nBest of luck at your embassy interview on the 27th.",
			oct, TypeInterviewConfirmation, "lakeside", "2026-11-12"},
		{"a committee's meeting day", "lchen@northgate-health.org", "one more item",
			"Your file is still very much alive (Diego says you are one of our interview alternates), and before the committee meets on November 6 I'd like one more thing from you. Please email me a brief reflection, 250 words at most, on an informatics problem you have faced. We ask every applicant on the track for this.",
			oct, TypeApplicationRequest, "northgate", ""},
		{"for you in, with no hour", "ci-fellowship@lakeside-med.org", "RE: Interview",
			"You're confirmed for Thursday the 12th – I've put the slot in for you in Thalamus myself, so the portal should now show it. (If it still says Invited tomorrow, let me know.)",
			oct, TypeInterviewConfirmation, "lakeside", "2026-11-12"},
		{"asked whether she can come", "rmoss@stbrendans.org", "Interview at St. Brendan's",
			"A place has opened on one of our interview days and we would like to offer it to you: Tuesday 1 December, in person. I've attached a calendar hold for the day. Please let Maura in our office (or me) know by Friday whether you are able to attend.",
			oct, TypeInterviewInvite, "st-brendan", "2026-12-01"},
		{"moved on the platform", "imresidency@northgate-health.org", "Weather",
			"I have already rebooked you in Thalamus, so nothing is needed from you; the Zoom link for the new day will come from me.\n\nDr. Chen's note: with the storm coming, interviews will be held virtually on Tue 12/15 instead. The residents will host a virtual social on Monday 12/14 at 6 PM instead.",
			nov, TypeInterviewConfirmation, "northgate", "2026-12-15"},
		{"housekeeping for everyone", "imresidency@northgate-health.org", "Closure and parking",
			"Three notes for all applicants on our December interview schedule: the office is closed November 26–27, parking moves to the Elm Street garage, and grand rounds on Wednesday, December 16 are open to you.",
			nov, TypeProgramUpdate, "northgate", ""},
		{"her employer's HR", "Greg Tillman <gtillman@eastbrookhealth.org>", "RE: PTO",
			"Both days are approved: Thursday 11/12 (Lakeside, virtual) and Thursday 12/10 (Northgate). HR asked me to pass on that the review window closes 11/30. I already put your name on the door of the quiet room.",
			oct, TypeOther, "", ""},
		// (blind sets kq–kt) An applicants' event called off, with a
		// replacement open to every applicant the program interviews; her
		// panel's word passed on after the interview; her questions for the
		// fellows passed along are no document asked of her.
		{"an event called off", "ci-fellowship@lakeside-med.org", "Thursday social cancelled",
			"Hello all,\n\nThe fellows' meet and greet planned for Thursday, November 12 is called off; the go-live moved up. They will host a makeup session on Monday, November 30 at noon, open to all applicants we interview this year. If you had questions for the fellows, send them to me.",
			oct, TypeProgramUpdate, "lakeside", ""},
		{"the panel's word passed on", "nashworth@informatics.harborvalley.edu", "Re: Thank you",
			"Thanks for the note. I'd want you on the registry project from day one, and the residents who met you at lunch thought much the same.",
			nov, TypePostInterviewInterest, "harbor-valley", ""},
		// (blind sets ky–jb) Apologies for missing her note take nothing back;
		// an offer made only in a wish is none; a choice between the days
		// offered is no ranking question; another event moved is not her day
		// moved; the day she is put back on is hers and the one to delete is
		// not; a date whose label after its colon makes it a deadline is none;
		// an interviewer's note the day before confirms; the match that did not
		// pair them is its result.
		{"an apology for a missed note", "hpark@lakeside-med.org", "Before the committee meets",
			"I'm sorry I overlooked your thank-you email while travelling. Our committee meets Monday to finalize the list, and it would help us to know whether Lakeside is your first choice.",
			nov, TypeRankSolicitation, "lakeside", ""},
		{"an offer in a wish", "adesai@lakeside-med.org", "Re: Thank you",
			"Thank you for your thoughtful note. Were it up to me alone I would offer you a position today, but the match decides, as it should. I will speak up for you.",
			nov, TypePostInterviewInterest, "lakeside", ""},
		{"which day she prefers", "rmoss@stbrendans.org", "A day with us?",
			"We would very much like to meet you. I have room on Tuesday, December 1 and Thursday, December 3. Could you tell me which you would prefer, or rank both if either works?",
			oct, TypeInterviewInvite, "st-brendan", ""},
		{"back on the original date", "sokafor@harborvalley.edu", "Change to your interview date",
			"I'm free on Thursday after all, so let's put you back on your original date, Thursday, November 5, same time. Please delete the invitation for the 9th.",
			oct, TypeInterviewConfirmation, "harbor-valley", "2026-11-05"},
		{"a deadline labelled after its colon", "informatics.fellowship@harborvalley.edu", "Interview invitation",
			"I am pleased to invite you to interview with us on Thursday, November 5, 2026.\n\nDates to keep in mind:\n- Wednesday, October 21: please reply by this date to confirm.\n",
			oct, TypeInterviewInvite, "harbor-valley", "2026-11-05"},
		{"an interviewer's note", "fgallagher@northgate-health.org", "Tomorrow",
			"I'm one of your interviewers tomorrow, Thursday, December 10. Your slot with me is at 9:40 Central. No preparation needed.",
			time.Date(2026, 12, 9, 9, 0, 0, 0, time.FixedZone("CST", -6*3600)), TypeInterviewConfirmation, "northgate", "2026-12-10"},
		{"the match did not pair them", "sokafor@harborvalley.edu", "Match day",
			"Now that results are out: the match didn't bring us together this year, and I'm sorry we won't get to work together. I hear things went well for you.",
			time.Date(2026, 12, 17, 9, 0, 0, 0, time.FixedZone("PST", -8*3600)), TypeMatchResult, "harbor-valley", ""},
		// (blind sets jg–jj) The faculty's longest talk about her is interest;
		// a call offered if she has questions is no interview; a place outside
		// SOAP for leaving it today is an offer; the program's own other
		// programs are no question about hers.
		{"talked about longest", "riyer@lakeside-med.org", "Re: Thank you",
			"Thanks for the kind note. You were one of the applicants the faculty discussed longest at our debrief, in the best way; most of our applicants simply don't have your view of documentation burden.",
			nov, TypePostInterviewInterest, "lakeside", ""},
		{"a call if she has questions", "hpark@lakeside-med.org", "Thank you",
			"The committee was very impressed, and we hope to rank you highly. If you have questions about funding before the deadline, I'm happy to arrange a call.",
			nov, TypePostInterviewInterest, "lakeside", ""},
		{"a place outside SOAP", "rmenon@northgate-health.org", "A position",
			"Separately from SOAP, we have a transitional informatics position starting in July. If you withdraw from SOAP now, we can send an offer letter to you by tomorrow.",
			time.Date(2027, 3, 16, 9, 0, 0, 0, time.FixedZone("CDT", -5*3600)), TypePreMatchOffer, "northgate", ""},
		{"the program's own other programs", "gme-recruit@northgate-health.org", "Your application",
			"We regret that we are unable to offer you an interview for the preliminary position. Notices from other Northgate programs you applied to come separately.",
			oct, TypeInterviewDecline, "northgate", ""},
		// (blind sets jo–jr) Applicants' own question reported, a form field
		// taken down, and nobody of the program asking are no rank question;
		// her letter of intent is no offer; the hospital's parking or IT
		// office writing about her interview carries the program's logistics.
		{"applicants' question reported", "informatics.fellowship@harborvalley.edu", "Notes for applicants",
			"Dear applicants,\n\nSome of you have asked whether to send a letter of intent or to tell us where Harbor Valley sits on your list. Nobody expects either; our list comes from the interview day and your file.",
			nov, TypeProgramUpdate, "harbor-valley", ""},
		{"a form field taken down", "imresidency@northgate-health.org", "Re: your questions",
			"You asked whether the 'Other programs you are applying to' box on our form is required. It is not; it was left over from an old version, and we took it down today. We sponsor J-1 visas for categorical residents.",
			oct, TypeEligibilityReply, "northgate", ""},
		{"nobody of the program will ask", "imresidency@northgate-health.org", "After your interview",
			"Dear applicants,\n\nNo one on our faculty, staff or house staff will ask how you plan to rank Northgate or which other programs you are considering. Key dates follow.",
			nov, TypeProgramUpdate, "northgate", ""},
		{"the parking office for the program", "visitorparking@facilities.stbrendans.org", "Your visitor pass",
			"The Pediatrics Residency office has registered you for visitor parking for your interview tomorrow. Show this pass at the garage gate; the coordinator meets applicants at 7:45 AM.",
			time.Date(2026, 11, 30, 15, 0, 0, 0, time.FixedZone("EST", -5*3600)), TypeInterviewConfirmation, "st-brendan", "2026-12-01"},
		// (blind set jv) Praise of the kind "we need", and others "just as
		// taken", after the interview is interest.
		{"the kind we need", "tferreira@stbrendans.org", "Re: Thank you",
			"What a kind note. Your registry work is exactly the kind of practical informatics we need on the pathway, and the residents who met you were just as taken.",
			nov, TypePostInterviewInterest, "st-brendan", ""},
		// (blind sets ia–id) What she may do with her own list, told by
		// the visa office, is no rank question ("still" inside the veto's
		// own words turns nothing); a faculty member who told the
		// committee she would be glad to work with her writes interest.
		{"her own list, told", "visas@hr.northgate-health.org", "Re: visa question",
			"Dr. Chen's office passed your question to us. We sponsor the J-1 for all residents, and H-1B after Step 3; either way you can still put the track on your rank list.",
			oct, TypeEligibilityReply, "northgate", ""},
		// (blind sets ia, id) An offer outside the Match that wishes it
		// could have waited for the Match is still that offer; "fortunate
		// to train you … ranked where you belong" is interest.
		{"an offer that wishes it had waited", "sokafor@harborvalley.edu", "Funding approved",
			"I had hoped to raise this after the Match, but the grant came with a deadline. We can offer you this position now; it sits outside the AMIA match, so you would need to cancel your match registration before we finalize it.",
			oct, TypePreMatchOffer, "harbor-valley", ""},
		{"fortunate to train her", "ombeki@stbrendans.org", "Tuesday",
			"Your idea stuck with all of us at the debrief. We would be lucky to have you, and you'll be ranked where we think you belong.",
			nov, TypePostInterviewInterest, "st-brendan", ""},
		{"glad to work with her", "gliu@cmio.harborvalley.edu", "Thursday",
			"It was a pleasure to interview you on Thursday. I have told the committee I would be delighted to work with you, and I hope we get the chance.",
			nov, TypePostInterviewInterest, "harbor-valley", ""},
	}
	checkDated(t, c, cases)
}

// TestZoneWord: the scanner finds what reZoneWord finds, first match
// first, whole words only.
func TestZoneWord(t *testing.T) {
	for _, s := range []string{
		"", "9:00 AM ET", "at 10 PST, or 1 EST", "EST", "ETA 5pm", "PETS", "Central Park at noon", "Centralized", "Mountain time",
		"A_CT B", "_ET", "ÉT and CT", "Pacific-time", "the EDT.", "MT", "MDT's", "CDT1", "northeastern", "East ern Pacific",
	} {
		if got, want := clZoneWord(s), reZoneWord.FindString(s); got != want {
			t.Errorf("clZoneWord(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestTypeVetoPhrases: a type's shared vetoes are compiled once and carried
// by every group of that type, after the group's own.
func TestTypeVetoPhrases(t *testing.T) {
	c := testClassifier(t)
	for _, typ := range []string{TypeRankSolicitation, TypePreMatchOffer} {
		var shared []*clPhrase
		n := 0
		for _, g := range c.rules.groups {
			if g.typ != typ {
				continue
			}
			n++
			if len(g.vetoP) < 2 {
				t.Fatalf("%s group carries %d veto phrases, want the type's 2 at least", typ, len(g.vetoP))
			}
			tail := g.vetoP[len(g.vetoP)-2:]
			if shared == nil {
				shared = tail
			}
			if tail[0] != shared[0] || tail[1] != shared[1] {
				t.Errorf("%s: a group's type vetoes are not the shared ones (%q)", typ, tail[0].src)
			}
		}
		if n < 2 {
			t.Errorf("%s: %d groups, want several", typ, n)
		}
	}
}
