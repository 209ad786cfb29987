package analyzer

import (
	"strings"
	"testing"
)

// TestClassifyMeaningOverKeywords: a full calendar with a promise to come
// back to her is a waitlist, not a decline; an incomplete review is a
// request; an eligibility answer relayed by a colleague is still one; a
// thank-you to every interviewee is not personal interest; a note from a
// director that only says a hold is coming confirms the day.
func TestClassifyMeaningOverKeywords(t *testing.T) {
	c := testClassifier(t)
	lk, hv, ng, md := "hpark@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "jfeld@meridian.edu"
	cases := []struct{ from, subj, body, typ string }{
		{hv, "Your application", "Every interview day we have is booked at the moment. Your file stays under active consideration, and if a date frees up we will write to you.", TypeWaitlist},
		{hv, "Your application", "Every interview day we have is booked. We wish you the very best in the Match.", TypeInterviewDecline},
		{md, "Interviews", "Our last interview day is past and we won't be able to fit you in this season.", TypeInterviewDecline},
		{ng, "Your file", "We can't finish the evaluation of your file without the dean's letter, which hasn't reached us.", TypeApplicationRequest},
		{lk, "Re: hello", "Before committee, please email us a short summary of your quality project.", TypeApplicationRequest},
		{lk, "Fwd: question", "Her training done overseas would not count; once she completes a US residency she is eligible.", TypeEligibilityReply},
		{ng, "Policy", "Thank you all for interviewing with us. Our list will rest only on your files and interview days.", TypeProgramUpdate},
		{hv, "Re: thanks", "Faculty loved your dashboard demo. Hoping to work with you.", TypePostInterviewInterest},
		{hv, "FYI", "FYI everyone: the hospital approved funding for an extra fellow next year.", TypeProgramUpdate},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ})
	}
}

// TestClassifyFullDayBesideBookedDay: a day called full in one clause does
// not cancel the day booked in the next; a program named "Applied …" is no
// past application.
func TestClassifyFullDayBesideBookedDay(t *testing.T) {
	c := testClassifier(t)
	m := msg("sokafor@harborvalley.edu", "Re: dates", "The 19th has no room left, so I've booked you for Tuesday, December 1 at 10 AM instead. You're all set.")
	got := c.Classify(m)
	if got.Type != TypeInterviewConfirmation || got.InterviewDate != "2026-12-01" {
		t.Errorf("got %s %q, want confirmation 2026-12-01\n   %s", got.Type, got.InterviewDate, strings.Join(got.Evidence, "\n   "))
	}
	m = msg("Thalamus <no-reply@thalamusgme.com>", "Interview Scheduled", "Your interview has been scheduled.\n\nProgram: Meridian State University - Applied Clinical Informatics Fellowship\nDate: Tuesday, December 8, 2026\nTime: 9:00 AM\n")
	got = c.Classify(m)
	if got.Type != TypeInterviewConfirmation || got.InterviewDate != "2026-12-08" {
		t.Errorf("got %s %q, want confirmation 2026-12-08\n   %s", got.Type, got.InterviewDate, strings.Join(got.Evidence, "\n   "))
	}
}
