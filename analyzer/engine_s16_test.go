package analyzer

import (
	"testing"
	"time"
)

// TestSession16Outgoing: session 16's blind sets pe, pf, pi and pj, in
// other words. Work she wishes to go on with at another program is a wish
// for that program; a program asked to commit to her early is asked for an
// offer; a first choice among tours or sessions claims nothing; a trade of
// places told in formal or passive words is still a trade; a program that
// hosts an event is a third party; hardship as the subject of her research
// is no hardship of hers; a question whether the coordinator knows where
// she stands asks it; her word about paperwork binds nothing; thanks in
// another language are thanks; a deal with an expiry presses.
func TestSession16Outgoing(t *testing.T) {
	e := testEngine(t)
	at := time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC)
	cases := []struct{ to, subj, body, want string }{
		{"ci-fellowship@lakeside-med.org", "An update", "Dear Dr. Park,\n\nOur readmission model went live last week. I would be glad of the opportunity to keep building this sort of tooling at Meridian, among people who care about evaluation.\n\nAmina",
			"wrong-program"},
		{"ci-fellowship@lakeside-med.org", "An update", "Dear Dr. Park,\n\nOur readmission model went live last week. I kept building this sort of tooling at Meridian during my elective, and it taught me how much evaluation matters.\n\nAmina",
			""},
		{"informatics.fellowship@harborvalley.edu", "Timing", "Dear Dr. Okafor,\n\nAnother program has made me an offer that expires on the 20th. Is there a chance your team could commit to me before the match?\n\nAmina",
			"premature-offer-ask,pressure"},
		{"informatics.fellowship@harborvalley.edu", "Timing", "Dear Dr. Okafor,\n\nI know your team cannot commit to me before the Match, and I am not asking it to. I only wanted you to know my plans for the spring.\n\nAmina",
			""},
		{"ci-fellowship@lakeside-med.org", "Interview day", "Dear Mr. Webb,\n\nFor the afternoon, my first choice of breakout session is the CDS governance lab, with the simulation suite as a second.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Reflections", "Dear Dr. Chen,\n\nWere the committee minded to place me favourably, I would reciprocate in kind when I certify my own list.\n\nAmina",
			"quid-pro-quo"},
		{"imresidency@northgate-health.org", "Reflections", "Dear Dr. Chen,\n\nShould Northgate rank me where I can match, Northgate will receive the same from me on my list.\n\nAmina",
			"quid-pro-quo"},
		{"jfeld@meridian.edu", "Thank you", "Dear Dr. Feld,\n\nThank you for the symposium Meridian co-hosted with Harbor Valley Health last week; your talk on silent-mode alerts was the best of the day.\n\nAmina",
			""},
		{"rmoss@stbrendans.org", "Thank you", "Dear Dr. Moss,\n\nThank you for the interview. Your residents said they will present at the spring meeting that Lakeside University Medical Center is hosting, and I hope to hear them there.\n\nAmina",
			""},
		{"sokafor@harborvalley.edu", "Update", "Dear Dr. Okafor,\n\nOur abstract on how housing instability and food insecurity are captured in EHR screening fields was accepted at AMIA.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Quick question", "Hi Diego,\n\nDo you happen to know where I stand on the rank list at the moment?\n\nAmina",
			"rank-solicitation"},
		{"informatics.fellowship@harborvalley.edu", "Documents", "Hi Priya,\n\nYou have my word the forms will all be there by Friday; the first copy of my visa page was blurry.\n\nAmina",
			""},
		{"sokafor@harborvalley.edu", "A proposal", "Dr. Okafor,\n\nI am ready to put Harbor Valley first. This proposal is open until Friday at noon; after that I'll assume the answer is no.\n\nAmina",
			"pressure,top-choice"},
		{"imresidency@northgate-health.org", "Interview format", "Dear Mr. Alvarez,\n\nMy father has his knee operation in Lagos that week and I'll be with him, so could my interview be virtual?\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Thank you", "Dear Dr. Chen,\n\nForgive the slow note; I went home to Accra for my uncle's funeral straight after the interview and only got back on Sunday. Thank you for the day.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Thank you", "Dear Dr. Chen,\n\nThank you for the interview, and sorry this took so long; my daughter was in hospital for two nights and my email fell behind.\n\nAmina",
			""},
		{"ci-fellowship@lakeside-med.org", "Thank you", "Dear Dr. Park,\n\nA short update. My interest in pediatrics is real, which is why I also interviewed at St. Brendan's last month.\n\nAmina",
			""},
		{"rmoss@stbrendans.org", "Documents", "Dear Dr. Moss,\n\nFinishing the ECFMG paperwork is my number one priority this week.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "My plans", "Dear Dr. Chen,\n\nNorthgate, after my December visit, is my first choice.\n\nAmina",
			"top-choice"},
		{"rmoss@stbrendans.org", "Planning", "Dear Dr. Moss,\n\nIt would help me a great deal to know roughly where the committee has ranked me.\n\nAmina",
			"rank-solicitation"},
		{"jfeld@meridian.edu", "Eligibility", "Dear Dr. Feld,\n\nBefore I ask my referees to write, I would like to know where I stand on visa sponsorship for the fellowship.\n\nAmina",
			""},
		{"rmoss@stbrendans.org", "Update", "Dear Dr. Moss,\n\nMy paper was accepted, and I remain committed to pediatric informatics wherever I end up training.\n\nAmina",
			""},
		{"jfeld@meridian.edu", "Answer needed by Friday", "Dear Dr. Feld,\n\nCould you tell me whether Meridian interviews in person this year?\n\nAmina",
			"pressure"},
		{"ci-fellowship@lakeside-med.org", "An update", "Dear Dr. Park,\n\nA week after my interview I was admitted with a Crohn's flare; I needed two units of blood, I am now on infusions every six weeks, and my insurance only partly covers them.\n\nAmina",
			"oversharing"},
	}
	for _, c := range cases {
		wantRules(t, e, outDraft(c.to, c.subj, c.body), at, c.want)
	}
	// A letter written for her, attached unasked, is application material
	// whatever the file is called.
	letter := outDraft("rmoss@stbrendans.org", "Continued interest", "Dear Dr. Moss,\n\nI have also attached a further letter of support from my chair.\n\nAmina")
	letter.Attachments = []Attachment{{Filename: "Khan_2027.pdf", ContentType: "application/pdf", Size: 50000}}
	wantRules(t, e, letter, at, "unprompted-attachments")
	// A colleague called Asante is no thank-you note ("asante" is thanks
	// in Swahili; the word is not read as thanks).
	wantRules(t, e, outDraft("rmoss@stbrendans.org", "Question about J-1 timing", "Dear Dr. Moss,\n\nI spoke with Dr. Kwame Asante last week. When do contracts go out after Match Day?\n\nAmina"),
		time.Date(2027, 2, 5, 15, 0, 0, 0, time.UTC), "")
	// Thanks written in French or Spanish are a thank-you note, late like
	// any other.
	for _, body := range []string{
		"dr moss,\n\ngracias for the interview day on dec 1st, sorry this is so late. the portal demo was my favourite part.\n\namina",
		"Dr. Moss,\n\nMerci beaucoup for my interview day on December 1. Your residents' asthma tool has stayed with me.\n\nAmina",
	} {
		wantRules(t, e, outDraft("rmoss@stbrendans.org", "note", body), time.Date(2026, 12, 14, 15, 0, 0, 0, time.UTC), "late-thank-you")
	}
	// One message to several programs: a change of address, or a note to
	// the two people who ran a workshop together, is written to them all;
	// a thank-you for the interview is not.
	multi := func(body string) *Message {
		m := outDraft("ci-fellowship@lakeside-med.org", "Note", body)
		m.Cc = []Address{{Addr: "informatics.fellowship@harborvalley.edu"}}
		return m
	}
	wantRules(t, e, multi("Dear Marcus and Priya,\n\nA quick note for my file: my mailing address has changed to 12 Elm Street, Cleveland, and my new mobile is 216-555-0100.\n\nAmina"), at, "")
	wantRules(t, e, multi("Dear Dr. Park and Dr. Okafor,\n\nThank you both for the comments on my poster at the session you co-chaired; the revised figure is on my site.\n\nAmina"), at, "")
	wantRules(t, e, multi("Dear Dr. Park and Dr. Okafor,\n\nI am writing to say how interested I remain in your program and its informatics curriculum.\n\nAmina"), at, "mass-email")
	// Thanks for a conference conversation, after the interview, are no
	// thank-you note for it.
	wantRules(t, e, outDraft("hpark@lakeside-med.org", "After AMIA", "Dear Dr. Park,\n\nThank you for the conversation after your panel at AMIA this week; your advice on the discussion section was exactly what I needed.\n\nAmina"),
		time.Date(2026, 11, 21, 15, 0, 0, 0, time.UTC), "")
	// Her interview at another program, named in a letter to this one;
	// training there wished for, in a letter to this one.
	wantRules(t, e, outDraft("jfeld@meridian.edu", "Interview timeline", "Dear Dr. Feld,\n\nIs Meridian still inviting applicants? My Lakeside interview is on November 12, and I would like to keep the week after it free for you.\n\nAmina"), at, "")
	wantRules(t, e, outDraft("informatics.fellowship@harborvalley.edu", "Thank you", "Dear Ms. Natarajan,\n\nEvery conversation showed me how much I would value training in the Clinical Informatics Fellowship at Lakeside University Medical Center.\n\nAmina"),
		time.Date(2026, 11, 6, 15, 0, 0, 0, time.UTC), "wrong-program")
	// A tool as her top choice claims no program.
	wantRules(t, e, outDraft("ci-fellowship@lakeside-med.org", "FHIR question", "Hi Marcus,\n\nFor the dashboard, my top choice of client library is HAPI, with fhir.js as a backup.\n\nAmina"), at, "")
	// A letter its subject names as something else is no thank-you note,
	// though it opens with thanks for the day.
	wantRules(t, e, outDraft("lchen@northgate-health.org", "Contract outside the Match?", "Dear Dr. Chen,\n\nThank you for the welcome talk at last Thursday's interview day.\n\nCould the program offer me a contract outside the Match?\n\nAmina"),
		time.Date(2026, 12, 14, 15, 0, 0, 0, time.UTC), "premature-offer-ask")
	// Another program's person moderating a session is a third party.
	wantRules(t, e, outDraft("lchen@northgate-health.org", "Update", "Dear Dr. Chen,\n\nDr. Park from Lakeside chaired our session at the regional meeting and asked the question that reshaped our analysis.\n\nAmina"), at, "")
	// Her act offered if it gets her ranked is a trade.
	wantRules(t, e, outDraft("rmoss@stbrendans.org", "A thought", "Dear Dr. Moss,\n\nI would be prepared to say exactly that in writing if it meant being ranked high enough to match at St. Brendan's.\n\nAmina"), at, "quid-pro-quo")
	// A reply in another thread that answers the program's kind note is no
	// thank-you note, however long after the interview.
	reply := outDraft("hpark@lakeside-med.org", "Re: Dashboard draft", "Dear Dr. Park,\n\nThank you, that is kind. I enjoyed every part of the day with your team.\n\nAmina")
	reply.Quoted = "> Amina, your dashboard draft is excellent."
	wantRules(t, e, reply, at, "")
	// A relative's operation as the one-line reason she stays home, and
	// her own travel as the alternative, are no hardship and no pressure.
	wantRules(t, e, outDraft("imresidency@northgate-health.org", "Interview format", "Dear Mr. Alvarez,\n\nMy mother has an operation in Lahore on December 9, so I would prefer to stay with her that week. Could I interview by video?\n\nAmina"), at, "")
	wantRules(t, e, outDraft("imresidency@northgate-health.org", "Travel", "Dear Mr. Alvarez,\n\nIf the 8:30 slot stays, I'll book the 5 pm train; otherwise I'll just take the later one.\n\nAmina"), at, "")
	// Her first place offered for word that she is in their matching range.
	wantRules(t, e, outDraft("hpark@lakeside-med.org", "My list", "Dear Dr. Park,\n\nIf you could tell me that I'm within the matching range, I'll rank Lakeside first.\n\nAmina"), at, "quid-pro-quo,rank-solicitation,top-choice")
	// Thanks for a reply that came, and her own promptness, press nothing;
	// an answer wanted by tomorrow night does.
	wantRules(t, e, outDraft("jfeld@meridian.edu", "Visa question", "Dear Dr. Feld,\n\nThank you for your quick reply earlier this week. If the letter must come from ECFMG instead, let me know and I'll request it today.\n\nAmina"), at, "")
	wantRules(t, e, outDraft("sokafor@harborvalley.edu", "My list", "Dr. Okafor,\n\nCould you find out whether I'm ranked to match and tell me by tomorrow night?\n\nAmina"), at, "pressure,rank-solicitation")
	// Whether the program is prepared to make her an offer, before the Match.
	wantRules(t, e, outDraft("sokafor@harborvalley.edu", "Timing", "Dr. Okafor,\n\nCould you tell me whether you're prepared to make me an offer before the AMIA match?\n\nAmina"), at, "premature-offer-ask")
	// Among the programs near the top of her list claims no first place.
	wantRules(t, e, outDraft("sokafor@harborvalley.edu", "Update", "Dear Dr. Okafor,\n\nHarbor Valley remains among the programs near the top of my list, and my Step 3 score arrived this week.\n\nAmina"), at, "")
	// Her own list with the program first, promised, is no trade.
	wantRules(t, e, outDraft("lchen@northgate-health.org", "My decision", "Dear Dr. Chen,\n\nNorthgate is my first choice, and I will certify my list with Northgate ranked first this week.\n\nAmina"), at, "top-choice")
	// Her own date for their answer, in other Englishes.
	wantRules(t, e, outDraft("jfeld@meridian.edu", "Request", "Dear Sir,\n\nKindly send me your decision before 5th December, it is very important for me.\n\nAmina"), at, "pressure")
}

// TestPlaceholderOnlyInHTML: a draft whose plain part was filled in but
// whose HTML alternative (what most clients show) still holds a slot is
// caught; brackets in the HTML that are no slot ("[1]") are not.
func TestPlaceholderOnlyInHTML(t *testing.T) {
	e := testEngine(t)
	draft := func(html string) *Message {
		return Parse([]byte("From: amina.rahman@example.org\r\nTo: imresidency@northgate-health.org\r\nSubject: Thank you\r\n" +
			"Date: Fri, 11 Dec 2026 10:00:00 -0500\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b\"\r\n\r\n" +
			"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nDear Dr. Chen,\r\n\r\nThank you for yesterday. The track's CDS committee seat is what I keep thinking about.\r\n\r\nAmina\r\n" +
			"--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Dear Dr. Chen,</p><p>Thank you for yesterday. " + html + "</p><p>Amina</p>\r\n--b--\r\n"))
	}
	at := time.Date(2026, 12, 11, 15, 0, 0, 0, time.UTC)
	wantRules(t, e, draft("The [specific program feature] is what I keep thinking about."), at, "placeholder")
	wantRules(t, e, draft("The track's CDS committee seat [1] is what I keep thinking about."), at, "")
}
