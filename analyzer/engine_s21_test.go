package analyzer

import (
	"testing"
	"time"
)

// TestSession21Outgoing: session 21's blind sets (gc–gf), in other words,
// judged on December 2 (and, for a letter after the results, on December
// 21). Each group of rows says what it holds.
func TestSession21Outgoing(t *testing.T) {
	e := testEngine(t)
	dec2 := time.Date(2026, 12, 2, 15, 0, 0, 0, time.UTC)
	dec21 := time.Date(2026, 12, 21, 15, 0, 0, 0, time.UTC)
	jan4 := time.Date(2027, 1, 4, 15, 0, 0, 0, time.UTC)
	quoted := "\n\nOn Tue, Nov 24, 2026 at 11:12 AM Marcus Webb <ci-fellowship@lakeside-med.org> wrote:\n> Dear applicants,\n> Attached is the post-interview packet.\n"
	cases := []struct {
		at                   time.Time
		to, subj, body, want string
	}{
		// "you" takes "are": a task done for the program is her
		// priority, not the program; the program still can be her first.
		{dec2, "hpark@lakeside-med.org", "Forms", "Dear Dr. Park,\n\nSending the signed release and the two reference contact sheets back to you is my top priority before Friday.\n\nAmina",
			""},
		{dec2, "hpark@lakeside-med.org", "After my visit", "Dear Dr. Park,\n\nAfter my visit, you are my top choice.\n\nAmina",
			"top-choice"},
		// Her standing against a requirement is no question about her rank.
		{dec2, "jfeld@meridian.edu", "Eligibility", "Dear Dr. Feld,\n\nCould you tell me where I stand with regard to the visa sponsorship criteria before I apply?\n\nAmina",
			""},
		{dec2, "jfeld@meridian.edu", "Eligibility", "Dear Dr. Feld,\n\nCould you tell me where I stand on your list?\n\nAmina",
			"rank-solicitation"},
		// First place offered for word that she is inside their matching
		// spots (which asks for her standing too); first on a list named
		// in several words.
		{dec2, "hpark@lakeside-med.org", "Before I certify", "Dear Dr. Park,\n\nIf you can confirm that I am within your matching spots, I will rank Lakeside first.\n\nAmina",
			"quid-pro-quo,rank-solicitation,top-choice"},
		{dec2, "sokafor@harborvalley.edu", "My decision", "Dear Dr. Okafor,\n\nHarbor Valley will be first on the fellowship rank list I submit next week.\n\nAmina",
			"top-choice"},
		// A train, a flight: travel choices, whatever follows the "but".
		{dec2, "imresidency@northgate-health.org", "Travel", "Dear Diego,\n\nThe 7:40 AM train is my first choice, but if it is cancelled could I join the first session by video?\n\nAmina",
			""},
		// A reply that thanks for the program's packet and asks about it.
		{dec2, "ci-fellowship@lakeside-med.org", "RE: Post-interview packet", "Hi Marcus,\n\nThank you for the post-interview information packet. Is there parking validation for a second-look visit?\n\nAmina" + quoted,
			""},
		// The program's own slot, reported back in quotation marks.
		{dec2, "rmoss@stbrendans.org", "Re: Reminder", "Dear Dr. Moss,\n\nThe salutation in yesterday's reminder came across as \"[First Name]\", in case other applicants saw the same.\n\nAmina",
			""},
		// After the results, a request for advice that thanks for the
		// interview is no late thank-you; a plain late thanks still is.
		{dec21, "hpark@lakeside-med.org", "Advice", "Dear Dr. Park,\n\nAs you may know, I went unmatched this year. I am grateful for the chance to have interviewed at Lakeside.\n\nWould you be willing to share any advice on what I could strengthen before I apply again?\n\nThank you for your time\n\nAmina",
			""},
		{dec21, "hpark@lakeside-med.org", "Thank you", "Dear Dr. Park,\n\nThank you for the interview in November and for the time your team gave me.\n\nAmina",
			"late-thank-you"},
		// (gl–gn) another program's person whose team did the work; the
		// reader's own years elsewhere; a cause or a road she is committed
		// to; the program's partner; her word that a paper arrives.
		{dec2, "hpark@lakeside-med.org", "Abstract", "Dear Dr. Park,\n\nDr. Okafor's team at Harbor Valley built the validation set, so the abstract lists both hospitals.\n\nAmina",
			""},
		{dec2, "rmoss@stbrendans.org", "Thank you", "Dear Dr. Moss,\n\nI enjoyed hearing how the pathway took shape during your years at Meridian State.\n\nAmina",
			""},
		{dec2, "jfeld@meridian.edu", "Re: Your application", "Dear Dr. Feld,\n\nThank you for letting me know. I remain committed to the fellowship path, whichever cycle it takes.\n\nAmina",
			""},
		{dec2, "hpark@lakeside-med.org", "Thank you", "Dear Dr. Park,\n\nI am committed to designing alerts that nurses can act on, and your alert review board is that kind of work.\n\nAmina",
			""},
		{dec2, "rmoss@stbrendans.org", "Thank you", "Dear Dr. Moss,\n\nThe shared Cerner instance with Northgate Regional Hospital came up twice in my conversations that day.\n\nAmina",
			""},
		{dec2, "imresidency@northgate-health.org", "Transcript", "Dear Diego,\n\nThe transcript request is in, and you have my word it will be in your inbox by Monday.\n\nAmina",
			""},
		// Her standing asked sideways, and a trade made on how the
		// program sees her.
		{dec2, "hpark@lakeside-med.org", "A question", "Dear Dr. Park,\n\nDid our conversation place me inside the group you usually reach on Match Day?\n\nAmina",
			"rank-solicitation"},
		{dec2, "hpark@lakeside-med.org", "A question", "Dear Dr. Park,\n\nAny hint, however small, about how my file was viewed by the committee would help me order my list.\n\nAmina",
			"rank-solicitation"},
		{dec2, "sokafor@harborvalley.edu", "A question", "Dear Dr. Okafor,\n\nAm I in a secure enough position with Harbor Valley, or should I add programs?\n\nAmina",
			"rank-solicitation"},
		{dec2, "jfeld@meridian.edu", "Honestly", "Dear Dr. Feld,\n\nIf Meridian thinks of me the way I think of Meridian, I would gladly make Meridian the only program on my list.\n\nAmina",
			"quid-pro-quo"},
		// The same rules in French, Portuguese and Spanish.
		{dec2, "rmoss@stbrendans.org", "Merci", "Chère Docteure Moss,\n\nJe suis convaincue que Lakeside est l'endroit où je souhaite faire ma formation.\n\nAmina",
			"wrong-program"},
		{dec2, "jfeld@meridian.edu", "Entrevista", "Dr. Feld,\n\nEsta é a quarta mensagem sem resposta; se não tiver retorno até segunda-feira, retirarei minha candidatura.\n\nAmina",
			"pressure"},
		{dec2, "hpark@lakeside-med.org", "Mi decisión", "Dra. Park:\n\nLe doy mi palabra: si Lakeside me elige, ahí estaré en julio.\n\nAmina",
			"binding-commitment"},
		{dec2, "rmoss@stbrendans.org", "Mon parcours", "Chère Docteure Moss,\n\nJ'ai traversé une dépression sévère avec trois semaines d'hospitalisation l'an dernier.\n\nAmina",
			"oversharing"},
		{dec2, "jfeld@meridian.edu", "Pergunta", "Dr. Feld,\n\nVocês pretendem me colocar na lista de classificação?\n\nAmina",
			"rank-solicitation"},
		{dec2, "hpark@lakeside-med.org", "Gracias", "Dra. Park:\n\nQuería agradecerle la entrevista del 12 de noviembre y el tiempo de todo el equipo.\n\nAmina",
			"late-thank-you"},
		{dec2, "jfeld@meridian.edu", "Obrigada", "Dr. Feld,\n\nO programa continua sendo a minha primeira escolha.\n\nAmina",
			"top-choice"},
		{dec2, "hpark@lakeside-med.org", "Propuesta", "Dra. Park:\n\nSi ustedes me colocan alto en su lista, haré lo mismo con Lakeside en la mía.\n\nAmina",
			"quid-pro-quo"},
		// (gt–gw) a letter after she took a place elsewhere: her
		// withdrawal told, the place named as news, a letter she will
		// send on.
		{jan4, "imresidency@northgate-health.org", "Withdrawal", "Dear Diego,\n\nI'm writing to let you know that I have withdrawn from the NRMP Main Match and would like to withdraw my application to the Internal Medicine Residency.\n\nAmina",
			""},
		{jan4, "imresidency@northgate-health.org", "Withdrawal", "Dear Diego,\n\nIn December I took up an open position in Meridian State University's Applied Clinical Informatics Fellowship, which begins in July.\n\nAmina",
			""},
		{jan4, "rmoss@stbrendans.org", "Withdrawal", "Dear Dr. Moss,\n\nI am withdrawing my application to the pediatrics residency, and I will withdraw from the NRMP Match this week as well.\n\nAmina",
			""},
		{jan4, "jfeld@meridian.edu", "Start date", "Dear Dr. Feld,\n\nI'll send the updated appointment letter to your office once the consulate issues it.\n\nAmina",
			""},
		// (fc–fg) a trade in Spanish over a long sentence, a breakdown
		// told in its pills and its loan, and her match elsewhere told.
		{dec2, "imresidency@northgate-health.org", "Propuesta", "Hola Diego:\n\nLe propongo un trato: si el programa me coloca en una posición alta de su lista, yo pondré a Northgate en una posición igual de alta en la mía.\n\nAmina",
			"quid-pro-quo"},
		{dec2, "imresidency@northgate-health.org", "Entrevista", "Hola Diego:\n\nEstoy tomando clonazepam para dormir y tuve que pedir un préstamo de 80,000 pesos.\n\nAmina",
			"oversharing"},
		{jan4, "imresidency@northgate-health.org", "Re: Withdrawal", "Dear Diego,\n\nI've matched to a fellowship and I'm committed to starting there on July 1, so please cancel my second-look visit.\n\nAmina",
			""},
	}
	for _, c := range cases {
		wantRules(t, e, Parse([]byte("From: amina.rahman@example.org\r\nTo: "+c.to+"\r\nSubject: "+c.subj+"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"+c.body)), c.at, c.want)
	}

	// Files sent although she owns that the program needs nothing more;
	// files sent with a reply to news whose list said none were needed;
	// the files a quoted list asked for "by January 22".
	wantRules(t, e, draftWithFiles("rmoss@stbrendans.org", "RE: Your file", "Dear Dr. Moss,\n\nI know you mentioned there is no need to send anything further, but I've attached two papers and a reference letter.\n\nAmina",
		"", "paper1.pdf", "paper2.pdf", "letter.pdf"), dec2, "unprompted-attachments")
	wantRules(t, e, draftWithFiles("informatics.fellowship@harborvalley.edu", "RE: November update", "Dear Priya,\n\nCongratulations on the go-live! I've attached my updated CV, a manuscript and my AMIA slides.\n\nAmina",
		"Dear applicants,\n\nReminders:\n- Rank order lists are due December 3.\n- Your application file is complete; there is no need to send additional documents.\n",
		"cv.pdf", "manuscript.pdf", "slides.pdf"), dec2, "unprompted-attachments")
	wantRules(t, e, draftWithFiles("hpark@lakeside-med.org", "RE: Documents needed", "Dear Dr. Park,\n\nAttached are the certificate, the passport page and the signed agreement.\n\nAmina",
		"To complete your GME file, please send the following by January 22:\n- ECFMG certificate (PDF)\n- Passport ID page (PDF)\n- Signed GME agreement\n",
		"ecfmg.pdf", "passport.pdf", "agreement.pdf"), jan4, "")
}

// draftWithFiles is outDraft with the program's quoted words (if any)
// and PDF attachments of the given names.
func draftWithFiles(to, subj, body, quoted string, files ...string) *Message {
	m := outDraft(to, subj, body)
	m.Quoted = quoted
	for _, f := range files {
		m.Attachments = append(m.Attachments, Attachment{Filename: f, ContentType: "application/pdf"})
	}
	return m
}

// TestSentencesDashAside: a wrapped line that goes on after " - " on the
// next line is one sentence; a list of "- " items is several.
func TestSentencesDashAside(t *testing.T) {
	cases := []struct {
		text string
		want int
	}{
		{"* No one at Northgate - attendings, chiefs, fellows or anyone in the GME office\n  - will ask how you intend to rank the program.", 1},
		{"Please bring the following items with you on the day of the interview visit\n- a photo ID\n- your badge", 3},
		{"- two years of SQL work on readmission data for the hospital quality team here\n- a first place on my list", 2},
		{"We will send the agenda on Monday.\n- lunch is provided", 2},
	}
	for _, c := range cases {
		if got := len(sentences(c.text)); got != c.want {
			t.Errorf("sentences(%q): got %d, want %d", c.text, got, c.want)
		}
	}
}
