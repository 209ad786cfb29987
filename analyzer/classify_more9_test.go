package analyzer

import (
	"testing"
)

// TestClassifyAsksInAnyWords: a program's question or request about the
// applicant's ranking or her other applications is a solicitation however
// it is worded; a program answering what she volunteered, promising not to
// ask, or arranging a day around her other interviews is not.
func TestClassifyAsksInAnyWords(t *testing.T) {
	c := testClassifier(t)
	lk, hv, ng, sb, md := "hpark@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "rmoss@stbrendans.org", "jfeld@meridian.edu"
	warm := "It was lovely having you with us, and the fellows enjoyed your demo. "
	cases := []struct{ from, subj, body, typ, prog string }{
		{hv, "Checking in", warm + "What could we do to climb higher on your list?", TypeRankSolicitation, "harbor-valley"},
		{ng, "hello", warm + "Which other residencies are you still weighing?", TypeRankSolicitation, "northgate"},
		{sb, "hello", warm + "Did you also interview anywhere else nearby?", TypeRankSolicitation, "st-brendan"},
		{md, "hello", warm + "Do we have a chance of being your #1?", TypeRankSolicitation, "meridian"},
		{lk, "hello", warm + "Should you match with us, would you actually come?", TypeRankSolicitation, "lakeside"},
		{hv, "hello", warm + "Could you promise to put Harbor Valley first?", TypeRankSolicitation, "harbor-valley"},
		{ng, "hello", warm + "We were wondering whether you'd pick Northgate over the other places you saw.", TypeRankSolicitation, "northgate"},
		{sb, "hello", "Can we rely on you listing St. Brendan's first when you certify?", TypeRankSolicitation, "st-brendan"},
		{md, "hello", "Realistically, how much weight should we give your interest in Meridian?", TypeRankSolicitation, "meridian"},
		{lk, "hello", "Do you expect to place us in your upper tier?", TypeRankSolicitation, "lakeside"},
		// not asking
		{ng, "Re: my first choice", "We were thrilled to hear that Northgate is your first choice. We can make no promises, but you impressed everyone.", TypePostInterviewInterest, "northgate"},
		{sb, "Thanks", "Thanks for letting us know that we're your top choice; you were a favorite of our faculty too.", TypePostInterviewInterest, "st-brendan"},
		{lk, "Thank you", "We plan to rank you highly. There is no need to tell us anything about your own rank list.", TypePostInterviewInterest, "lakeside"},
		{hv, "Waitlist", "You are on our interview waitlist. If you accept interviews elsewhere on those days, let us know so we can offer the spot to someone else.", TypeWaitlist, "harbor-valley"},
		{md, "Thanks for visiting", "We hope you'll consider us favorably as you finalize your rank list.", TypePostInterviewInterest, "meridian"},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, Program: k.prog}, "program")
	}
}

// TestClassifyOffersInAnyWords: an offer of a place or a job that wants an
// answer before the Match, from a program or from an employer that is no
// program.
func TestClassifyOffersInAnyWords(t *testing.T) {
	c := testClassifier(t)
	cases := []struct{ from, subj, body, typ, prog string }{
		{"jfeld@meridian.edu", "Research post", "We have an informatics research fellow position available from February; it is a non-Match appointment. Interested?", TypePreMatchOffer, "meridian"},
		{"lchen@northgate-health.org", "Early signing", "Would you think about signing with us now? I could send a contract tomorrow.", TypePreMatchOffer, "northgate"},
		{"Admissions <admissions@westlake-informatics.example>", "Admission", "You have been admitted to our clinical informatics fellowship (non-ACGME). Please confirm your acceptance by December 1.", TypePreMatchOffer, ""},
		{"Recruiting <jobs@coastal-health.example>", "Physician informaticist", "Coastal Health is offering you the physician informaticist role starting in July. We'd need the signed agreement before Match Day.", TypePreMatchOffer, ""},
		{"HR <hr@riverside-hospital.example>", "Contract", "Your contract has been approved by our CMO and is attached. There is a signing bonus if you sign before March 1.", TypePreMatchOffer, ""},
		// a friend's news is no offer to her
		{"Sam <sam.k@mailbox.example>", "guess what", "A hospital offered me an informatics job outside the Match and wants an answer by Friday!", TypeOther, ""},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, Program: k.prog}, "program")
	}
}

// TestClassifyWeekdayTimesAndISO: a weekday with a clock time is a coming
// day whatever word stands before it; moving "from Tuesday to Friday"
// fixes Friday; an ISO date-time's day is read.
func TestClassifyWeekdayTimesAndISO(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	cases := []struct{ from, subj, body, typ, date string }{
		{"sokafor@harborvalley.edu", "Re: interview", "Great, you're booked for Tuesday 2 pm Eastern. The Zoom link follows.", TypeInterviewConfirmation, "2026-12-01"},
		{"lchen@northgate-health.org", "Interview", "We would love to interview you. Could you meet Monday at 9:30?", TypeInterviewInvite, "2026-11-30"},
		{"jfeld@meridian.edu", "Change", "The faculty meeting is on Tuesday, so we've moved your interview from Tuesday to Friday, same time.", TypeInterviewConfirmation, "2026-11-27"},
		{"no-reply@harborvalley.edu", "Interview scheduled", "You have been invited to interview.\n\nStart: 2026-12-08T09:00-05:00\nLocation: Zoom", TypeInterviewInvite, "2026-12-08"},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, InterviewDate: k.date}, "date")
	}
}
