package analyzer

import (
	"strings"
	"testing"
)

// TestClassifyTakenBackAndMoved: an invitation the program takes back is a
// decline whatever inviting words it repeats; a notice laid out as
// "Previous date / New date" fixes the new day; eligibility told in her own
// terms (the visa she needs, years since graduation, which Step is needed);
// documents asked for in other words; news passed on to applicants; results
// spoken of as out; a request that names her one interview day keeps it.
func TestClassifyTakenBackAndMoved(t *testing.T) {
	c := testClassifier(t) // messages dated Thursday, November 26, 2026
	lk, hv, ng, md := "hpark@lakeside-med.org", "sokafor@harborvalley.edu", "lchen@northgate-health.org", "jfeld@meridian.edu"
	cases := []struct{ from, subj, body, typ, date string }{
		{ng, "Interview invitation rescinded", "We are sorry: the program has rescinded your interview invitation, as our interview calendar closed early.", TypeInterviewDecline, ""},
		{hv, "Your interview", "Your invitation to interview was withdrawn because all dates have been filled.", TypeInterviewDecline, ""},
		{hv, "Interview invitation", "Thank you for letting us know. As you requested, your interview invitation has been withdrawn.", TypeOther, ""},
		{"Thalamus <notifications@thalamusgme.com>", "Interview change - Harbor Valley Health", "Your interview with Harbor Valley Health Clinical Informatics Fellowship has been moved.\nOriginal date: Thursday, December 3, 2026\nNew date: Friday, December 11, 2026", TypeInterviewConfirmation, "2026-12-11"},
		{md, "Re: question", "We do take applicants who hold an H-1B, and you graduated within our five-year window.", TypeEligibilityReply, ""},
		{ng, "Re: Step 3", "Step 3 is not a requirement for our residents on J-1 visas.", TypeEligibilityReply, ""},
		{lk, "paperwork", "Could you email us a few items: a copy of your medical license and the photo page of your passport.", TypeApplicationRequest, ""},
		{md, "Re: application", "Please have your MSPE uploaded by your school; the committee meets next week.", TypeApplicationRequest, ""},
		{hv, "Fwd: Informatics award", "Passing this along to our applicants - our fellows won the hospital innovation prize this year.", TypeProgramUpdate, ""},
		{md, "results", "I checked the match results this morning, and we will be working together after all. Congratulations!", TypeMatchResult, ""},
		{ng, "Badge", "Ahead of your interview on Thursday, December 10, please send us a scan of your passport for a visitor badge.", TypeApplicationRequest, "2026-12-10"},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, InterviewDate: k.date}, "date")
	}
}

// TestClassifySeveralProgramsAlike: a service's notice naming several
// programs alike belongs to none of them.
func TestClassifySeveralProgramsAlike(t *testing.T) {
	c := testClassifier(t)
	got := c.Classify(msg("MyERAS <myeras@aamc.org>", "Documents delivered",
		"Your documents were delivered to Harbor Valley Health, Northgate Regional Hospital and Meridian State University."))
	if got.Program != "" || got.Type != TypeOther {
		t.Errorf("got %s/%q, want other with no program\n   %s", got.Type, got.Program, strings.Join(got.Evidence, "\n   "))
	}
}
