package analyzer

import (
	"net/mail"
	"strings"
	"testing"
)

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
		// blind set wq, in other words: a place promised for her word that
		// she will come; and a policy that promises no such thing
		{"lchen@northgate-health.org", "A thought", "If you tell me in writing this week that you'll join us, I can promise you one of our categorical spots.", TypePreMatchOffer, "northgate"},
		{"sokafor@harborvalley.edu", "Between us", "Sign a short statement that you're coming and the match side of it becomes just a formality.", TypePreMatchOffer, "harbor-valley"},
		{"gme-office@harborvalley.edu", "Our communication policy", "Harbor Valley does not make early appointments, and we never ask applicants to commit before rank lists are due.", TypeProgramUpdate, "harbor-valley"},
		// a friend's news is no offer to her
		{"Sam <sam.k@mailbox.example>", "guess what", "A hospital offered me an informatics job outside the Match and wants an answer by Friday!", TypeOther, ""},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, Program: k.prog}, "program")
	}
}

// TestClassifySocialIsNotTheInterview: an invitation to a social that says
// it is not part of the interview is the program's news, and its day is no
// interview date (blind set wr, in other words).
func TestClassifySocialIsNotTheInterview(t *testing.T) {
	c := testClassifier(t)
	body := "Topic: Meet the Chiefs trivia night (not part of your interview)\nTime: Dec 8, 2026 07:00 PM Eastern Time\n\nThe chiefs will run a casual trivia hour over Zoom. Nothing said there is passed to the selection committee."
	m := msg("Zoom <no-reply@zoom.us>", "Invitation: Meet the Chiefs trivia night", body)
	m.ReplyTo = []Address{{Addr: "imresidency@northgate-health.org"}}
	expectClass(t, body, c.Classify(m), Classification{Type: TypeProgramUpdate, Program: "northgate"}, "program", "date")
}

// TestClassifyNoMatchResultBeforeTheDeadline: before a program's rank
// deadline no match has run for it, so "we're glad you'll be joining us"
// is her interview day (blind set ws, in other words).
func TestClassifyNoMatchResultBeforeTheDeadline(t *testing.T) {
	c := testClassifier(t)
	body := "We are so glad you will be joining us! Your visit details: check-in 7:45 AM at the Building C atrium."
	for _, tt := range []struct {
		date string
		want string
	}{
		{"Tue, 20 Oct 2026 13:30:00 -0400", TypeInterviewConfirmation},
		{"Fri, 11 Dec 2026 13:30:00 -0500", TypeMatchResult},
	} {
		if got := c.Classify(msgSent("ci-fellowship@lakeside-med.org", "Welcome", body, tt.date)); got.Type != tt.want {
			t.Errorf("sent %s: got %s, want %s\n  %s", tt.date, got.Type, tt.want, strings.Join(got.Evidence, "\n  "))
		}
	}
}

// TestClassifyFewWordsAndOtherLanguages: the alerts typed on a phone, and
// asked in Spanish or Portuguese (blind sets wu and wv, in other words).
func TestClassifyFewWordsAndOtherLanguages(t *testing.T) {
	c := testClassifier(t)
	cases := []struct{ from, subj, body, typ, prog string }{
		{"lchen@northgate-health.org", "q", "NRH still top 3 for u?", TypeRankSolicitation, "northgate"},
		{"lchen@northgate-health.org", "q", "Are we still ur #1?", TypeRankSolicitation, "northgate"},
		{"lchen@northgate-health.org", "spot", "Commit b4 Friday and the spot is urs.", TypePreMatchOffer, "northgate"},
		{"rmoss@stbrendans.org", "Pregunta", "¿En qué lugar piensa poner a St. Brendan's en su lista?", TypeRankSolicitation, "st-brendan"},
		{"rmoss@stbrendans.org", "Pergunta", "Em que posição o St. Brendan's vai ficar na sua lista?", TypeRankSolicitation, "st-brendan"},
		{"rmoss@stbrendans.org", "Pergunta", "Quais outros programas fizeram entrevista com você?", TypeRankSolicitation, "st-brendan"},
		// a place outside the Match offered after it ran is still off the Match
		{"jfeld@meridian.edu", "another option", "Separate from the fellowship: a funded research post (non-ACGME, outside the Match) starts in July. It's yours if you want it; I need a yes or no by 1/15.", TypePreMatchOffer, "meridian"},
	}
	for _, k := range cases {
		m := msg(k.from, k.subj, k.body)
		if k.prog == "meridian" { // after Meridian's Match ran
			m = msgSent(k.from, k.subj, k.body, "Mon, 11 Jan 2027 09:40:00 -0700")
		}
		expectClass(t, k.body, c.Classify(m), Classification{Type: k.typ, Program: k.prog}, "program")
	}
}

// TestClassifyNewsInOtherLanguages: an invitation, a confirmation with its
// date, a no and interest after the day, in Spanish, French, Portuguese
// and German (blind set wv, in other words).
func TestClassifyNewsInOtherLanguages(t *testing.T) {
	c := testClassifier(t)
	ng := "imresidency@northgate-health.org"
	cases := []struct{ body, typ, date string }{
		{"Estimada Dra. Rahman: el comité desea invitarla a una entrevista; elija una de estas fechas.", TypeInterviewInvite, ""},
		{"Nous aimerions vous inviter à un entretien avec le comité de sélection.", TypeInterviewInvite, ""},
		{"Hola: su entrevista queda confirmada para el jueves 10 de diciembre de 2026, a las 8:00.", TypeInterviewConfirmation, "2026-12-10"},
		{"Votre entretien aura lieu le jeudi 10 décembre à 8 h.", TypeInterviewConfirmation, "2026-12-10"},
		{"Wir bestätigen Ihr Vorstellungsgespräch am 10. Dezember.", TypeInterviewConfirmation, "2026-12-10"},
		{"Leider können wir Ihnen in dieser Saison kein Vorstellungsgespräch anbieten.", TypeInterviewDecline, ""},
		{"Infelizmente não podemos oferecer uma entrevista nesta temporada.", TypeInterviewDecline, ""},
		{"Wir waren alle sehr beeindruckt von Ihrem Vortrag.", TypePostInterviewInterest, ""},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(ng, "Northgate", k.body)), Classification{Type: k.typ, InterviewDate: k.date}, "date")
	}
}

// TestClassifyAlertsSaidSoftly: her choice asked without the words of a
// ranking, and the applicant's own question quoted in a program's FAQ
// (blind set wy, in other words).
func TestClassifyAlertsSaidSoftly(t *testing.T) {
	c := testClassifier(t)
	hv := "lhoffmann@harborvalley.edu"
	checkTypes(t, c, []typeCase{
		{hv, "A note", "Just between us: if you had to pick today, which program would you go with?", TypeRankSolicitation},
		{hv, "A note", "Would you be comfortable telling me whether Harbor Valley made it onto your list?", TypeRankSolicitation},
		{hv, "A note", "We would love to know whether the feeling is mutual.", TypeRankSolicitation},
		{hv, "A note", "Would you be happy spending two years here with us?", TypeRankSolicitation},
		{hv, "A note", "Are you also interviewing at any internal medicine programs this year?", TypeRankSolicitation},
		{hv, "A note", "Has any other program given you an offer yet?", TypeRankSolicitation},
		{hv, "A note", "To all applicants: a few questions we hear often. Can the program offer me a position before the match? No. Every position goes through the AMIA match.", TypeProgramUpdate},
	})
}

// TestClassifyQuietTypesToldApart: a no to a day with the file kept for
// cancellations is a waitlist; an alternate list brought up to date offers
// no place; July told as a welcome is her match (blind set wz, in other
// words).
func TestClassifyQuietTypesToldApart(t *testing.T) {
	c := testClassifier(t)
	ng := "imresidency@northgate-health.org"
	checkTypes(t, c, []typeCase{
		{ng, "Northgate", "Every one of our interview days is now full. We have kept your file active with the committee, though.", TypeWaitlist},
		{ng, "Northgate", "We could not invite you in the first round, but we have added you to our interview alternates list.", TypeWaitlist},
		{ng, "Northgate", "You are on our alternate list. If you withdraw your application, tell us so we can update our list.", TypeWaitlist},
	})
	// (on Match Day)
	body := "Big day here. We cannot wait to have you with us in July!"
	expectClass(t, body, c.Classify(msgSent(ng, "Northgate", body, "Fri, 19 Mar 2027 12:30:00 -0400")), Classification{Type: TypeMatchResult})
}

// msgSent is msg with the Date header given.
func msgSent(from, subj, body, date string) *Message {
	m := msg(from, subj, body)
	d, err := mail.ParseDate(date)
	if err != nil {
		panic(err)
	}
	m.Date = d
	return m
}
