package analyzer

import (
	"strings"
	"testing"
	"time"
)

// TestClassifySession18 (blind sets mn, mo and mp, in other words): a date
// wrapped across a short line is one date; leader dots join a form's label
// to its value, so a dinner's line keeps its dinner; "Wednesday week" is
// the Wednesday after the coming one; an interviewer paired with her for
// a slot confirms it; a session she was moved into is her day; a day she
// is asked to say she can attend is offered; a rank question in Portuguese
// or French, and hopes to rank her highly in Spanish.
func TestClassifySession18(t *testing.T) {
	c := testClassifier(t)
	oct := time.Date(2026, 10, 14, 9, 0, 0, 0, time.FixedZone("PDT", -7*3600))
	nov := time.Date(2026, 11, 19, 9, 0, 0, 0, time.FixedZone("EST", -5*3600))
	dec := time.Date(2026, 12, 10, 9, 0, 0, 0, time.FixedZone("EST", -5*3600))
	cases := []datedCase{
		{"a date wrapped across a short line", "aci-fellowship@informatics.meridian.edu", "Fellowship interview",
			"Dear Dr. Rahman,\n\nOur faculty were impressed by your registry work, and we would like to invite you to interview on\nMonday, December\n7, 2026. Kindly confirm by October 30.",
			oct, TypeInterviewInvite, "meridian", "2026-12-07"},
		{"leader dots in an itinerary", "rmoss@stbrendans.org", "Your interview",
			"We would like to interview you. The details:\n\n  Interview ........ 2026-12-01 (Tue)\n  Residents' social ..... 2026-11-30, 19:00, The Lantern (optional)\n  Reply by ....... 2026-10-28\n",
			oct, TypeInterviewInvite, "st-brendan", "2026-12-01"},
		{"an interviewer writes, for Wednesday week", "lchen@northgate-health.org", "Your panel",
			"Hi Amina, I'm one of your three panel interviewers, and Diego has teamed us together for the 9:00 slot. Looking forward to talking registries on Wednesday week.",
			nov, TypeInterviewConfirmation, "northgate", "2026-12-02"},
		{"moved into the afternoon session", "informatics.fellowship@harborvalley.edu", "Schedule change",
			"Dr. Okafor is away on the 5th, so I've moved you to the afternoon session on Monday, November 9. Same Zoom link.",
			oct, TypeInterviewConfirmation, "harbor-valley", "2026-11-09"},
		{"asked to say she can attend", "imresidency@northgate-health.org", "Interview - Clinical Informatics Track",
			"The selection committee invites you to interview with us. Your interview is scheduled for Friday, January 8. Please write back by December 18 and let us know you can attend.",
			dec, TypeInterviewInvite, "northgate", "2027-01-08"},
		{"a rank question in Portuguese", "lchen@northgate-health.org", "Depois da entrevista",
			"Olá Amina, adorei a conversa. Você poderia me dizer como pretende classificar o Northgate na sua lista?",
			dec, TypeRankSolicitation, "northgate", ""},
		{"a rank question in French", "hpark@lakeside-med.org", "Suite à votre visite",
			"Bonjour Amina, merci encore. Pourriez-vous m'indiquer où vous allez placer Lakeside ?",
			dec, TypeRankSolicitation, "lakeside", ""},
		{"hopes to rank her highly, in Spanish", "jfeld@meridian.edu", "Gracias",
			"Hola Amina, fue un gusto conocerte. Pensamos ponerte muy arriba, y creo que encajarías muy bien con el equipo.",
			dec, TypePostInterviewInterest, "meridian", ""},
	}
	// False alerts: a question about off-Match places answered "none"; an
	// interview day's place someone gave up; a warning about whoever
	// might ask, however many words describe them.
	cases = []datedCase{
		{"off-Match places answered none", "sokafor@harborvalley.edu", "Re: your eligibility questions",
			"Happy to answer. Visa: we sponsor J-1 only. Early or outside-the-match appointments: we don't offer those; every position goes through the AMIA match, so please register there.",
			oct, TypeEligibilityReply, "harbor-valley", ""},
		{"an interview place someone gave up", "jfeld@meridian.edu", "Re: waitlist",
			"Dear Amina, an applicant for Tuesday the 17th has dropped out, and the place is yours if you want it. We would love to interview you that day; it runs from 9 to 2 on Zoom, so just reply yes.",
			oct, TypeInterviewInvite, "meridian", "2026-11-17"},
		{"a warning about whoever might ask", "ci-fellowship@lakeside-med.org", "Before the rank deadline",
			"Dear candidates, thank you for a wonderful season. If someone who says they are on our selection committee asks you for your rank order, please let me know directly.",
			dec, TypeProgramUpdate, "lakeside", ""},
	}
	checkDated(t, c, cases)
	// (blind sets mv, mw and mx) A waitlist that speaks of interviewing
	// her, while no place has opened; the season's end told to those who
	// came; a match result that apologizes for a past question about her
	// list; the policy on everyone's missing letters.
	cases = []datedCase{
		{"a waitlist in an invitation's words", "lchen@northgate-health.org", "Interview Invitation - Northgate",
			"Thank you for applying. We would be glad to interview you, but our interview calendar is full, so you are on our waitlist for now. Should a spot free up, Thalamus will let you choose from the remaining dates.",
			oct, TypeWaitlist, "northgate", ""},
		{"the season's end, to those who came", "ci-fellowship@lakeside-med.org", "Season wrap-up",
			"Dear all,\n\nWith Friday's session we finished interviewing for next year. Thank you for the curiosity you brought to our (long) interview days. Rank lists are due December 3.",
			time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC), TypeProgramUpdate, "lakeside", ""},
		{"a match result that apologizes for a past question", "jfeld@meridian.edu", "Match results",
			"Dear Amina,\n\nThe results are out, and we will not be training together this year. I am sorry again about the message you got from one of our attendings asking where we sat on your list.",
			time.Date(2026, 12, 16, 14, 0, 0, 0, time.UTC), TypeMatchResult, "meridian", ""},
	}
	cases = append(cases, datedCase{"a decline in Spanish, in the future tense", "imresidency@northgate-health.org", "Su solicitud",
		"Estimada Dra. Rahman: lamentamos decirle que el programa no podrán ofrecerle una entrevista este año.",
		oct, TypeInterviewDecline, "northgate", ""})
	checkDated(t, c, cases)
	// (blind sets ld–lg) A resident who signs with her year from a
	// personal address speaks for her program; "Your new date is …" is the
	// day it moved to; a label answered "no" says no; keeping her in mind
	// while the rank list is built is interest, not a waitlist; a second
	// look's waitlist for its own seats is no waitlist of hers.
	cases = []datedCase{
		{"a resident from her own mailbox", "Sam Lee <sam.lee.md@gmail.com>", "See you tomorrow!",
			"Hi Amina,\n\nI'm one of the residents on the track, and Dr. Chen asked me to send a few notes before tomorrow's interview day: check-in is at 7:30 in the Elm Street lobby.\n\nSam\n\nSam Lee, MD\nPGY-2, Internal Medicine\nNorthgate Regional Hospital",
			time.Date(2026, 12, 9, 19, 0, 0, 0, time.FixedZone("EST", -5*3600)), TypeInterviewConfirmation, "northgate", "2026-12-10"},
		{"the new date is", "aci-fellowship@informatics.meridian.edu", "Change to your interview",
			"Dr. Feld is called away, so we need to move your Thursday interview. Your revised date is Tuesday, November 24. Same Zoom link.",
			time.Date(2026, 11, 16, 9, 0, 0, 0, time.FixedZone("MST", -7*3600)), TypeInterviewConfirmation, "meridian", "2026-11-24"},
		{"a label answered no", "jfeld@meridian.edu", "Re: questions from an IMG applicant",
			"Thanks for writing. Visa: we sponsor J-1 through ECFMG only. Early offers: no. Every position goes through the AMIA match.",
			oct, TypeEligibilityReply, "meridian", ""},
		{"kept in mind while the list is built", "lchen@northgate-health.org", "Thank you",
			"Dear Amina, thank you for a wonderful conversation. You would be a superb fit for the track, and we will keep you firmly in mind as we put together our rank list in February.",
			dec, TypePostInterviewInterest, "northgate", ""},
		{"a second look's own waitlist", "rmoss@stbrendans.org", "Second Look Day",
			"Dear applicant, if you interviewed with us you are welcome at our Second Look on Friday, February 5. We can host 30 guests; after that we will maintain a waitlist in case of cancellations.",
			dec, TypeProgramUpdate, "st-brendan", ""},
	}
	checkDated(t, c, cases)
	// (blind sets lm and ln) A decline and a waitlist in French and
	// Spanish; telling her what the committee thinks is no question, nor
	// is a "committee" a commitment.
	cases = []datedCase{
		{"a decline in French", "alavoie@stbrendans.org", "RE: votre candidature",
			"Bonjour Docteure Rahman, nous ne sommes pas en mesure de vous inviter à une entrevue cette année. Bonne chance pour la suite.",
			oct, TypeInterviewDecline, "st-brendan", ""},
		{"a waitlist in Spanish", "imresidency@northgate-health.org", "Su solicitud",
			"Estimada Dra. Rahman: por ahora su solicitud queda en nuestra lista de espera; le escribiremos si se libera una fecha.",
			oct, TypeWaitlist, "northgate", ""},
		{"a label line answered no by the next sentence", "informatics.fellowship@harborvalley.edu", "Re: your questions",
			"Thanks for writing.\n\n1. Visa. We sponsor the J-1 through ECFMG only.\n\n2. Positions outside the match. We do not offer any; every position goes through the AMIA match.",
			oct, TypeEligibilityReply, "harbor-valley", ""},
		{"a phone fallback is no backup program", "informatics.fellowship@harborvalley.edu", "Your interview tomorrow",
			"Your interview is confirmed for Thursday, November 5 at 8:00 AM Pacific. If your connection is shaky that morning, tell me ahead of time and we will arrange a phone fallback.",
			time.Date(2026, 11, 4, 9, 0, 0, 0, time.FixedZone("PST", -8*3600)), TypeInterviewConfirmation, "harbor-valley", "2026-11-05"},
		{"the writer's 'let me say'", "jfeld@meridian.edu", "Re: thank you",
			"Dear Amina, thank you for your note. Let me put it simply: the faculty were impressed, and we hope to rank you highly.",
			dec, TypePostInterviewInterest, "meridian", ""},
		{"the committee's view told, not her plans asked", "rmoss@stbrendans.org", "Thank you for visiting",
			"Dear Dr. Rahman, I would like you to know that the committee thought highly of you and that you will be a strong candidate on our list. We will not ask about your plans.",
			dec, TypePostInterviewInterest, "st-brendan", ""},
	}
	checkDated(t, c, cases)
	if got := c.Classify(msg("treyes@northgate-health.org", "Re: our chat", "Amina, I enjoyed it too. The paper is Wright et al. 2024; I'll email you the PDF if your library doesn't have it.")); got.Type == TypeApplicationRequest {
		t.Errorf("a faculty member offering to send a paper: got %s, want no application request\n   %s", got.Type, strings.Join(got.Evidence, "\n   "))
	}
	if got := c.Classify(msg("aci-fellowship@informatics.meridian.edu", "Deadline reminder", "Dear applicant, the window closes October 1. Files still lacking letters that day are reviewed only once the letters arrive. Interviews are held on Tuesdays in November.")); got.Type == TypeApplicationRequest {
		t.Errorf("the policy on everyone's missing letters: got %s, want no application request\n   %s", got.Type, strings.Join(got.Evidence, "\n   "))
	}
}
