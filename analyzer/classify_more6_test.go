package analyzer

import (
	"testing"
)

func TestClassifyParaphrasesTerse(t *testing.T) {
	c := testClassifier(t)
	lk, hv, ng, sb, md := "hpark@lakeside-med.org", "informatics.fellowship@harborvalley.edu", "imresidency@northgate-health.org", "rmoss@stbrendans.org", "jfeld@meridian.edu"
	cases := []struct{ from, subj, body, typ string }{
		{md, "hello", "Loved your personal statement. Any chance you could hop on Zoom with me and two of our fellows sometime next week?", TypeInterviewInvite},
		{lk, "Re: Friday", "Friday at 10 is perfect. Talk then!", TypeInterviewConfirmation},
		{hv, "Re: Interview request", "Thanks for your patience. Sadly, every spot is taken this year.", TypeInterviewDecline},
		{ng, "Your status", "You're high on our backup list for interviews. I'll email you the moment something frees up.", TypeWaitlist},
		{sb, "Re: quick question", "Yes - we take J-1 physicians every year and about half our residents are IMGs.", TypeEligibilityReply},
		{md, "one more thing", "Could you have your PD send me a short note confirming you'll finish residency in June?", TypeApplicationRequest},
		{lk, "so glad you came", "Our fellows haven't stopped talking about your demo. Hope the rest of your trail goes well!", TypePostInterviewInterest},
		{hv, "candid question", "Candidly, we want applicants who really want us. Where would we fall on your list?", TypeRankSolicitation},
		{ng, "an idea", "Rather than wait for Match Day, we could lock in your spot now with a signed letter of intent.", TypePreMatchOffer},
		{sb, "Welcome, Class of 2027!", "We're so happy you'll be part of our residency family. Orientation details to come.", TypeMatchResult},
		{md, "Fellowship updates", "A few quick updates: our new director starts in January and we moved to a new office building.", TypeProgramUpdate},
		{lk, "Re: parking", "You can park in Garage B; the validation desk is on the first floor.", TypeOther},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ})
	}
}
