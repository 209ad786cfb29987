package analyzer

import (
	"testing"
	"time"
)

// TestSession19Outgoing: session 19's blind sets kc–kf, in other words.
// Whether she will be ranked at all, asked outright, is asking how she
// will be ranked; something of value (a grant, a dataset) promised for a
// place on their list is an exchange, and so is the top of her list
// promised for what she has just asked to know; "let me say it plainly"
// is her speaking, not asking, while "let me make a proposal" puts a
// deal to them.
func TestSession19Outgoing(t *testing.T) {
	e := testEngine(t)
	at := time.Date(2026, 12, 2, 15, 0, 0, 0, time.UTC)
	cases := []struct{ to, subj, body, want string }{
		{"imresidency@northgate-health.org", "February", "Dear Diego,\n\nWhen the committee sits down in February, would my file be among the applications that get listed?\n\nAmina",
			"rank-solicitation"},
		{"imresidency@northgate-health.org", "Quick one", "Dear Diego,\n\nShall I be ranked at all, or should I look elsewhere?\n\nAmina",
			"rank-solicitation"},
		{"imresidency@northgate-health.org", "Process", "Dear Diego,\n\nHow are applicants ranked once the interviews finish? I'm curious about the process only.\n\nAmina",
			""},
		{"sokafor@harborvalley.edu", "Funding", "Dear Dr. Okafor,\n\nShould the program place me high enough to match, I will transfer the remaining foundation funding to Harbor Valley's telehealth group.\n\nAmina",
			"quid-pro-quo"},
		{"sokafor@harborvalley.edu", "Funding", "Dear Dr. Okafor,\n\nIf I match at Harbor Valley, the remaining foundation funding can move with me; my mentor has agreed.\n\nAmina",
			""},
		{"lchen@northgate-health.org", "One question", "Dear Dr. Chen,\n\nIs my name within the group you plan to rank to match? If I knew this, Northgate would sit at the head of my list.\n\nAmina",
			"quid-pro-quo,rank-solicitation,top-choice"},
		{"ci-fellowship@lakeside-med.org", "After the interview", "Dear Marcus,\n\nLet me be clear about one thing: if Lakeside offers me a place through the Match, I will be there in July. You have my word.\n\nAmina",
			"binding-commitment"},
		// (blind sets km–kp) Inside their number, asked outright, and what
		// their "highly" means; her own interviews listed for the program
		// ("I interviewed for …", "(… 's track)"); a forwarded event's subject
		// naming its venue; the paperwork of a place she matched to; coming if
		// matched, beside a first place given outright, is a promise.
		{"sokafor@harborvalley.edu", "Your note", "Dear Dr. Okafor,\n\nThank you. Would I end up inside the number of places you plan to fill?\n\nAmina",
			"rank-solicitation"},
		{"sokafor@harborvalley.edu", "Your note", "Dear Dr. Okafor,\n\nThank you so much. What does 'very highly' mean in terms of your list?\n\nAmina",
			"rank-solicitation"},
		{"sokafor@harborvalley.edu", "Your note", "Dear Dr. Okafor,\n\nWill I be in the morning group on Thursday, or the afternoon one?\n\nAmina",
			""},
		{"hpark@lakeside-med.org", "An update", "Dear Dr. Park,\n\nBesides Lakeside, I interviewed for Harbor Valley's fellowship last month, and I have one residency interview in January (Northgate's informatics track).\n\nAmina",
			""},
		{"jfeld@meridian.edu", "Fwd: Regional informatics symposium, March 3 at Harbor Valley", "Dr. Feld,\n\nForwarding this in case your fellows have not seen it.\n\nAmina",
			""},
		{"hpark@lakeside-med.org", "Re: your match result", "Dear Dr. Park,\n\nI am so glad to be coming to Lakeside. I'm waiting for the formal contract from GME and will send the signed agreement back before the date you gave.\n\nAmina",
			""},
		{"rmoss@stbrendans.org", "My decision", "Dear Dr. Moss,\n\nI will put St. Brendan's first on my list, and if you match me I'll be there on July 1.\n\nAmina",
			"binding-commitment,top-choice"},
		// (blind sets ku–kx) One match compared with another is a process
		// question; a promise to be there, whoever "matches me"; commitments
		// to the day's logistics, the rule stated, and the program's own
		// commitment asked for are no promise of hers; a lower-case "[clinical
		// area]" is a slot; a meeting a program hosted is an event, not a
		// pasted letter.
		{"hpark@lakeside-med.org", "A process question", "Dear Dr. Park,\n\nIf I match through the AMIA match, is that result binding in the same way a residency match is?\n\nAmina",
			""},
		{"hpark@lakeside-med.org", "My list", "Dear Dr. Park,\n\nLakeside will be first on the list I certify, and if the fellowship matches me I'll be there in July.\n\nAmina",
			"binding-commitment,top-choice"},
		{"imresidency@northgate-health.org", "Re: Tuesday", "Dear Diego,\n\nI'm committed to arriving by 7:15 for check-in and will bring my ID.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Contracts", "Dear Diego,\n\nI know nothing can be guaranteed before Match Day; I only wanted to ask how contracts are sent after it.\n\nAmina",
			""},
		{"jfeld@meridian.edu", "Interest", "Dear Dr. Feld,\n\nI'm drawn to your group's work on [clinical area] and would love to contribute.\n\nAmina",
			"placeholder"},
		{"jfeld@meridian.edu", "Open house", "Dear Dr. Feld,\n\nI first met Dr. Okonjo at the Harbor Valley annual meeting last spring, so it was good to hear her talk again.\n\nAmina",
			""},
		// (blind sets jc–jf) The program asked to commit is no promise of
		// hers, nor is her commitment to a field; her own promptness is no
		// deadline for them; another program's person who "used" or "cited"
		// something is a third party; first place promised "if so" after a
		// standing question is a trade; her standing asked in Spanish.
		{"ci-fellowship@lakeside-med.org", "Timing", "Dear Marcus,\n\nWould Lakeside be able to commit to a position for me before the AMIA match?\n\nAmina",
			"premature-offer-ask"},
		{"hpark@lakeside-med.org", "Update", "Dear Dr. Park,\n\nMy commitment to clinical informatics has only deepened this autumn, and I have a new paper in press.\n\nAmina",
			""},
		{"ci-fellowship@lakeside-med.org", "Forms", "Dear Marcus,\n\nThe scan came out blurry; if GME needs a cleaner copy, tell me and I'll resend it today.\n\nAmina",
			""},
		{"sokafor@harborvalley.edu", "Your lab", "Dear Dr. Okafor,\n\nA short note on your lab: I first heard of it when Dr. Laura Chen from Northgate cited it in a talk on FHIR.\n\nAmina",
			""},
		{"rmoss@stbrendans.org", "A question", "Dear Dr. Moss,\n\nDo you think I will be ranked high enough to match with you? If so, St. Brendan's would be my first choice without hesitation.\n\nAmina",
			"quid-pro-quo,rank-solicitation,top-choice"},
		{"imresidency@northgate-health.org", "Una pregunta", "Hola Diego:\n\n¿Sabe si el comité me tiene en una buena posición en su lista?\n\nAmina",
			"rank-solicitation"},
		// (blind sets jk–jn) Their word that a place will be offered, asked for
		// now, and "make me an offer" are early offers asked; residency she
		// wishes to do at another program is a pasted letter; a partner site
		// named as theirs is no slip; committed to a field is no promise.
		{"hpark@lakeside-med.org", "Timing", "Dear Dr. Park,\n\nCould you assure me that Lakeside will offer me a fellowship position, so I can turn down the other job?\n\nAmina",
			"premature-offer-ask"},
		{"jfeld@meridian.edu", "Timing", "Dear Dr. Feld,\n\nWould Meridian be able to extend me an early offer before the match?\n\nAmina",
			"premature-offer-ask"},
		{"rmoss@stbrendans.org", "Thank you", "Dear Dr. Moss,\n\nI left your hospital sure that I hope to do my residency at Northgate.\n\nAmina",
			"wrong-program"},
		{"lchen@northgate-health.org", "Thank you", "Dear Dr. Chen,\n\nI liked hearing how residents rotate through the Lakeside simulation center as part of your regional affiliation.\n\nAmina",
			""},
		{"rmoss@stbrendans.org", "Re: your note", "Dear Dr. Moss,\n\nWhat I can say is that I am dedicated to pediatric informatics as a career.\n\nAmina",
			""},
		// (blind sets jw–jz) Their good word for the same place on her
		// list, or her list "returning the favour", is a trade; her own
		// fallback after "otherwise" is no ultimatum.
		{"lchen@northgate-health.org", "Thank you", "Dear Dr. Chen,\n\nP.S. If you are able to rank me well, Northgate will do just as well on my list.\n\nAmina",
			"quid-pro-quo"},
		{"hpark@lakeside-med.org", "Thank you", "Dear Dr. Park,\n\nP.S. If Lakeside ranks me high enough to match, I'll see that my own list returns the favour.\n\nAmina",
			"quid-pro-quo"},
		{"jfeld@meridian.edu", "Symposium", "Dear Dr. Feld,\n\nIf Meridian reimburses travel for incoming fellows, I'd be glad to hear; otherwise I'll pay for the trip myself.\n\nAmina",
			""},
		// (blind set jx) After the Match, how far down their list went
		// and whether she was near the cutoff are still rank questions.
		{"ci-fellowship@lakeside-med.org", "Re: results", "Hi Marcus,\n\nOne follow-up: how far down the list did the program reach, and was I close to the cut-off?\n\nAmina",
			"rank-solicitation"},
	}
	for _, c := range cases {
		wantRules(t, e, outDraft(c.to, c.subj, c.body), at, c.want)
	}
	// (blind sets js, jt) Her trip for an interview elsewhere, how the
	// program approaches early offers, a list for a lunch, and her match
	// result told after the Match are her news, not violations.
	at2 := time.Date(2026, 12, 18, 15, 0, 0, 0, time.UTC)
	for _, c := range []struct{ to, subj, body string }{
		{"jfeld@meridian.edu", "A visit", "Dear Dr. Feld,\n\nI'll be in town that week for an interview at Harbor Valley, and I wondered if I could stop by Meridian on the Friday.\n\nAmina"},
		{"jfeld@meridian.edu", "A question", "Dear Dr. Feld,\n\nA guide I read says some programs make pre-match offers. Could you tell me how Meridian approaches them?\n\nAmina"},
		{"ci-fellowship@lakeside-med.org", "Tuesday", "Dear Marcus,\n\nCould you confirm I'm on the list for the Tuesday lunch with the fellows?\n\nAmina"},
		{"hpark@lakeside-med.org", "Thank you", "Dear Dr. Park,\n\nI wanted to tell you myself that I matched at Harbor Valley, and to thank you for your kindness this season.\n\nAmina"},
		{"jfeld@meridian.edu", "Closing the loop", "Dear Dr. Feld,\n\nNow that the results are out, I'll be starting at Harbor Valley in July. Thank you for considering me.\n\nAmina"},
	} {
		wantRules(t, e, outDraft(c.to, c.subj, c.body), at2, "")
	}
}
