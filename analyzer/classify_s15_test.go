package analyzer

import (
	"testing"
	"time"
)

// TestClassifyPlaceIsNoSender: a service's automatic mail that names a
// program only as where a ride, a stay or a parking spot is (the name with
// a street address after it), or as where a document goes (the name heading
// an address block), is not the program's mail; the same kind of
// service telling what the program did is.
func TestClassifyPlaceIsNoSender(t *testing.T) {
	c := testClassifier(t)
	checkFull(t, c, []fullCase{
		{"Parkly <no-reply@parkly.example>", "Your parking is booked for Tuesday",
			"Reservation confirmed: Tuesday, December 1, 6:30 AM to 5:00 PM.\nLocation: St. Brendan's Children's Hospital Visitor Garage, 2200 Linden Avenue\nHere for an interview or an appointment? Show the QR code at the gate.\nYou are receiving this because you booked with Parkly.",
			TypeOther, "", ""},
		{"StayFinder <noreply@stayfinder.example>", "Booking confirmed: 2 nights near Meridian",
			"Your stay is confirmed. Check-in Sunday, January 10. Hotel Orrin, 3 blocks from Meridian State University, 118 College Street. Travelling for a residency or fellowship interview? Ask the front desk about the shuttle.",
			TypeOther, "", ""},
		{"Transcripts Direct <no-reply@transcriptsdirect.example>", "Action needed: release form for your MSPE order",
			"Before we can send your Dean's Letter for your residency application to the office below, we need your signed release form. Please upload it in your account by Friday.\n\nRecipient:\nNorthgate Regional Hospital\nOffice of Graduate Medical Education\nDetroit, MI 48201\n\nThis is an automated message; replies are not read.",
			TypeOther, "", ""},
		{"Residency Portal <notifications@residencyportal.example>", "Status update from Harbor Valley Health",
			"Harbor Valley Health has added you to the interview waitlist for its Clinical Informatics Fellowship. You will be notified here if a date opens. Do not reply to this automated message.",
			TypeWaitlist, "harbor-valley", ""},
	})
}

// TestClassifySession15 (blind sets qc, qd, qh, in other words).
func TestClassifySession15(t *testing.T) {
	c := testClassifier(t)
	feb := time.Date(2027, 2, 11, 9, 30, 0, 0, time.FixedZone("MST", -7*3600))
	jan := time.Date(2027, 1, 8, 16, 0, 0, 0, time.FixedZone("EST", -5*3600))
	apr := time.Date(2027, 3, 24, 10, 0, 0, 0, time.FixedZone("EDT", -4*3600))
	cases := []datedCase{
		{"a place held only if she leaves the NRMP Match, after the program's own Match", "jfeld@meridian.edu", "A fellowship spot",
			"A spot in our applied fellowship opened after the AMIA Match and it is yours if you want it. To accept, you would need to pull out of the NRMP Match before March 3.",
			feb, TypePreMatchOffer, "meridian", ""},
		{"a rank-list calendar in the subject asks nothing", "imresidency@northgate-health.org", "Season wrap-up and your rank list calendar",
			"Dear applicants, thank you for interviewing with us this season. Our program certifies its list in late February, and we will not ask about yours.",
			clRef, TypeProgramUpdate, "northgate", ""},
		{"a Match service's reminder before its deadline tells no result", "NRMP <noreply@nrmp.org>", "Reminder: certify your rank order list",
			"If your list is not certified by the deadline on March 3, you will not be matched. Log in to R3 to certify it today.",
			feb, TypeOther, "", ""},
		{"a December day named in January is past", "rmoss@stbrendans.org", "Pathway interview",
			"Your interview on December 1 went well, and we would like you to meet the pathway lead on Thursday, January 21 at 2 pm. Let us know if that works.",
			jan, TypeInterviewInvite, "st-brendan", "2027-01-21"},
		{"moved with everyone", "imresidency@northgate-health.org", "Change to your interview date",
			"Because of the system upgrade we are moving all interviews scheduled for Friday, December 11. Your interview is now on Monday, December 14 at 9 AM.",
			clRef, TypeInterviewConfirmation, "northgate", "2026-12-14"},
		{"a file kept open either way is no waitlist", "informatics.fellowship@harborvalley.edu", "Last interview day",
			"A candidate withdrew, and we would like to invite you to interview on Thursday, December 3. Please tell me by Monday whether you can come; we will keep your application open either way.",
			clRef, TypeInterviewInvite, "harbor-valley", "2026-12-03"},
		{"a mock interview is her mentor's", "Zoom <no-reply@zoom.us>", "Reminder: Practice interview for Meridian (Dr. Lee)",
			"This is a reminder that the following meeting starts tomorrow.\nTopic: Practice interview for Meridian (Dr. Lee)\nTime: Dec 2, 2026 06:00 PM Eastern Time\nJoin Zoom Meeting",
			clRef, TypeOther, "", ""},
		{"a Match's word to every applicant, matched or not, tells no result", "NRMP <noreply@nrmp.org>", "After Match Week: what comes next",
			"Match Week is over, and the results were released on March 19. We are writing to all applicants, matched or unmatched, about positions that were not filled in the Match and how programs will fill them.",
			apr, TypeOther, "", ""},
		{"her own result does", "NRMP <noreply@nrmp.org>", "Your Match result",
			"Congratulations! You matched. Your result is in R3, and your program will contact you about next steps.",
			apr, TypeMatchResult, "", ""},
		{"the other days full is no word about hers", "imresidency@northgate-health.org", "Interview invitation",
			"We are pleased to invite you to interview. We have set aside Thursday, December 17th for you. If the 17th is impossible, tell me, though our other dates are nearly full.",
			clRef, TypeInterviewInvite, "northgate", "2026-12-17"},
		{"a weekday alone is the written date of that weekday", "rmoss@stbrendans.org", "Fwd: Roster for 12/8 - Rahman",
			"Forwarding the roster so you have it. You're set for Tuesday, and I'll see you first thing.",
			clRef, TypeInterviewConfirmation, "st-brendan", "2026-12-08"},
		{"a registration waitlist for an open house", "pedsresidency@stbrendans.org", "Pathway open house, December 3",
			"Join our residents for a virtual open house on Thursday, December 3 at 7 pm. If registration fills, the form will place you on a waitlist and the recording goes online a week later. It is not part of selection.",
			clRef, TypeProgramUpdate, "st-brendan", ""},
		{"the day's note to its interviewees", "ci-fellowship@lakeside-med.org", "Schedule for tomorrow",
			"Hello all, a short note ahead of tomorrow's interview day. 8:00 welcome, 8:30 fellows' projects, 9:30 interviews, 12:00 lunch with the fellows and the new Epic training team. The Zoom link is below. See you in the morning!",
			clRef, TypeInterviewConfirmation, "lakeside", "2026-11-27"},
		{"a friend at the program seeing to her day", "Kofi <kofi.mensah@northgate-health.org>", "tomorrow",
			"Hey! The chiefs asked me to make sure you have everything for tomorrow. Badge at the front desk at 7:30, your interviews are with Dr. Chen and two faculty, then lunch with us. Text me when you land!",
			clRef, TypeInterviewConfirmation, "northgate", "2026-11-27"},
		{"a calendar nearly full is no word about her day", "rmoss@stbrendans.org", "Interview invitation",
			"I am delighted to invite you to interview with us on Tuesday, December 8th. Please confirm by replying. If the 8th is truly impossible, let me know, although our calendar is nearly full.",
			clRef, TypeInterviewInvite, "st-brendan", "2026-12-08"},
		{"another program's interview day in a note is not hers", "informatics.fellowship@harborvalley.edu", "Interview invitation",
			"We are pleased to invite you to interview. Please choose Thursday, December 3 or Friday, December 4. A note: Meridian holds its own interview day on Thursday, December 10, and we kept that day free.",
			clRef, TypeInterviewInvite, "harbor-valley", ""},
		{"a whole day left is no full calendar", "imresidency@northgate-health.org", "Change of interview date",
			"We need to move your interview. Your new interview date is Tuesday, December 15. If the 15th is impossible, reply, but it is the only full day we have left before the holidays.",
			clRef, TypeInterviewConfirmation, "northgate", "2026-12-15"},
		{"an open house for all applicants, invited or not", "rmoss@stbrendans.org", "Joint open house",
			"All applicants are welcome at our joint open house on Wednesday, December 2, whether or not you have been invited to interview. No registration needed.",
			clRef, TypeProgramUpdate, "st-brendan", ""},
		{"with us tomorrow", "ci-fellowship@lakeside-med.org", "Re: parking",
			"Yes, parking is validated. A reminder that you're with us tomorrow; Dr. Park starts at 8:30.",
			clRef, TypeInterviewConfirmation, "lakeside", "2026-11-27"},
		{"another program's invitation names ours only for a forum", "Janelle Ortiz <jortiz@pinebrookhealth.example>", "Interview invitation - Pinebrook Clinical Informatics Fellowship",
			"On behalf of Dr. Kerr and our selection committee, I am pleased to invite you to interview for the Clinical Informatics Fellowship at Pinebrook Health. Your interview is scheduled for Monday, December 7. Dr. Kerr was in the audience when you presented at the Northgate–Meridian regional informatics forum last spring and asked that we move your file forward.",
			clRef, TypeOther, "", ""},
		{"a coordinator who has left says goodbye", "Marcus Webb <marcus.webb@riverdalehealth.example>", "Moving on",
			"Hi Amina, Friday was my last day at Lakeside; I've joined Riverdale Health as a GME manager. Your Lakeside application is in good hands: please send anything about it to the fellowship inbox, since I no longer have access to the files. Good luck with interview season!",
			clRef, TypeOther, "", ""},
		{"a favorable impression passed on", "nkohli@lakeside-med.org", "Re: Thank you",
			"Thanks for your note, and sorry to be slow. I left your interview with a really positive impression and told the selection committee so on Friday. Safe travels.",
			clRef, TypePostInterviewInterest, "lakeside", ""},
		{"not invited this round, but put on the waitlist", "imresidency@northgate-health.org", "Your application",
			"We were unable to offer you an interview in our first round. Dr. Chen has asked me to put you on our interview waitlist, and if a date opens I will write to you. You need not do anything to stay on the list.",
			clRef, TypeWaitlist, "northgate", ""},
		{"a decline that offers the list", "imresidency@northgate-health.org", "Your application",
			"We are unable to offer you an interview this season. If you would like, we can add your name to our alternate list; just reply and let us know.",
			clRef, TypeInterviewDecline, "northgate", ""},
		{"switched to another day, with a fallback", "pedsresidency@stbrendans.org", "Your interview day",
			"The in-person day on December 1 is cancelled. We have switched you to our virtual interview day on Tuesday, December 15. Please reply to confirm it works; if not, January 6 is open.",
			clRef, TypeInterviewConfirmation, "st-brendan", "2026-12-15"},
	}
	checkDated(t, c, cases)
}
