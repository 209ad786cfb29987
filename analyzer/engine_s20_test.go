package analyzer

import (
	"strings"
	"testing"
	"time"
)

// TestSession20Outgoing: session 20's blind sets (ie–hp), in other words:
// one table judged on December 2, and one on December 23 for letters that
// come weeks after the interview or near the results. Each group of rows
// says what it holds. First (ie–ih): a promise to send the program what it
// needs is about paperwork, not about her list; a promise that does name
// her list still binds.
func TestSession20Outgoing(t *testing.T) {
	e := testEngine(t)
	at := time.Date(2026, 12, 2, 15, 0, 0, 0, time.UTC)
	cases := []struct{ to, subj, body, want string }{
		{"imresidency@northgate-health.org", "Thank you", "Dear Mr. Alvarez,\n\nI promise to forward the updated visa paperwork the program asked for by Friday.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Thank you", "Dear Mr. Alvarez,\n\nI have promised to email my corrected transcript to the program office this week.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Thank you", "Dear Mr. Alvarez,\n\nI promise to put the program at the very top of my rank list.\n\nAmina",
			"binding-commitment,top-choice"},
		// (blind sets in–iq) her place on the day's schedule, a paper
		// accepted, news she promised to share, and a mentor at another
		// program or a program outdone by this one are no violations.
		{"rmoss@stbrendans.org", "December 1", "Dear Dr. Moss,\n\nI wanted to ask if I could be placed in the afternoon session on the 1st instead. My flight lands at 9.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Step 3", "Dear Diego,\n\nThe manuscript is my main focus this month; I'll write again only once it's accepted by the journal.\n\nAmina",
			""},
		{"sokafor@harborvalley.edu", "News", "Dear Dr. Okafor,\n\nGood news I promised to pass along: the paper was accepted this week.\n\nAmina",
			""},
		{"jfeld@meridian.edu", "Thank you", "Dear Dr. Feld,\n\nDr. Samuel Okafor at Harbor Valley, who precepted my elective last spring, thought your program would suit my interest in medication safety.\n\nAmina",
			""},
		{"sokafor@harborvalley.edu", "Thank you", "Dear Dr. Okafor,\n\nMeridian was lovely too, but nothing I saw there came close to your telehealth hub.\n\nAmina",
			""},
		// her certified list, "it", with the program first; the top of
		// her list offered as long as they do likewise; a hospital stay
		// told in its toll.
		{"imresidency@northgate-health.org", "My list", "Dear Diego,\n\nMy list is certified now, and I wanted you to know that Northgate is first on it.\n\nAmina",
			"top-choice"},
		{"hpark@lakeside-med.org", "Thinking of March", "Dear Dr. Park,\n\nI'd be pleased to put Lakeside at the very top of my list, so long as I can rely on the committee doing the same.\n\nAmina",
			"quid-pro-quo,top-choice"},
		{"imresidency@northgate-health.org", "Virtual interview?", "Dear Diego,\n\nCould my interview be virtual? I spent nine days on IV antibiotics, and I've lost almost six kilograms.\n\nAmina",
			"oversharing"},
		// (blind sets hd–hf) Her word that a form will be in, the train she
		// has committed to, a joint conference with another program, a thesis
		// or a day as her first choice pass; a couples' list offered for
		// ranking them both is a trade.
		{"imresidency@northgate-health.org", "Re: questionnaire", "Dear Diego,\n\nYou have my word that the signed form will be emailed to you by Monday.\n\nAmina",
			""},
		{"ci-fellowship@lakeside-med.org", "Re: logistics", "Dear Marcus,\n\nI've committed to the 7:05 train out of Penn Station, and I promise to call you if it runs late.\n\nAmina",
			""},
		{"rmoss@stbrendans.org", "Thank you", "Dear Dr. Moss,\n\nI also liked hearing that your residents present at a joint journal club with Northgate Regional's medicine residents each spring.\n\nAmina",
			""},
		{"jfeld@meridian.edu", "Interest", "Dear Dr. Feld,\n\nIf I trained at Meridian, my first choice for a thesis would be the public health reporting pipeline.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Tech check", "Dear Diego,\n\nFor the tech check you offered, my first choice would be Thursday, December 3 at 10 am Eastern.\n\nAmina",
			""},
		{"lchen@northgate-health.org", "Thank you", "Dear Dr. Chen,\n\nSince we are couples matching: if Northgate can rank both of us high enough to match together, Northgate will be first on our couples list.\n\nAmina",
			"quid-pro-quo"},
		// (blind set hg, long letters) another program's director as a
		// co-panelist, a shift traded with a colleague, data kept on
		// another program's servers, her own confirmation to a summit,
		// and a "first-choice project" pass.
		{"sokafor@harborvalley.edu", "Thank you", "Dear Dr. Okafor,\n\nI was glad to learn that you and Dr. Helen Park of Lakeside will also share a panel at the spring meeting.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Thank you", "Dear Diego,\n\nI traded my Saturday call with a colleague in exchange for her covering my Thursday, which was well worth it.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "A new collaboration", "Dear Diego,\n\nThe data use agreement says all record-level data stay on Meridian's servers, with only aggregate counts shared.\n\nAmina",
			""},
		{"jfeld@meridian.edu", "Fwd: abstract", "Dear Dr. Feld,\n\nI'll confirm my attendance with the summit organizers this week and plan to present in March.\n\nAmina",
			""},
		{"hpark@lakeside-med.org", "A last note", "Dear Dr. Park,\n\nIf I trained at Lakeside, my first-choice project would be the multilingual triage model.\n\nAmina",
			""},
		// (blind sets hn–hp) Committed to the Match process or to building
		// a career, a promise that a file arrives in time, early offers
		// declined "before the match", a joint network with another
		// program, and a slot quoted as "the words" on a template pass;
		// "if you take me I'm coming" binds without a trade; the first
		// place for "whichever of your programs ranks me highly" is one.
		{"jfeld@meridian.edu", "Re: your offer", "Dear Dr. Feld,\n\nThank you, but I'm staying committed to the match process and will rank through it.\n\nAmina",
			""},
		{"rmoss@stbrendans.org", "Thank you", "Dear Dr. Moss,\n\nI'll say that pediatric informatics is where I'm committed to building a career, and I left St. Brendan's feeling it fits that goal.\n\nAmina",
			""},
		{"informatics.fellowship@harborvalley.edu", "Re: documents", "Dear Priya,\n\nI'll send it by Monday, November 2, and I promise it will be there before noon Pacific.\n\nAmina",
			""},
		{"sokafor@harborvalley.edu", "Re: an informal question", "Dear Dr. Okafor,\n\nAbout committing early: thank you for considering it, but I'd like to let the AMIA match run its course and make my decisions there, so I'll have to say no to anything before the match.\n\nAmina",
			""},
		{"rmoss@stbrendans.org", "Thank you", "Dear Dr. Moss,\n\nI hadn't known about the joint telehealth network with Northgate Regional that Dr. Iyer described.\n\nAmina",
			""},
		{"hpark@lakeside-med.org", "Thank you", "Dear Dr. Park,\n\nDr. Han's story stayed with me: patients went home with the words “[insert date]” printed on their instructions.\n\nAmina",
			""},
		{"lchen@northgate-health.org", "Thank you", "Dear Dr. Chen,\n\nTo be direct: Northgate is my first choice, and if you take me I'm coming, full stop.\n\nAmina",
			"binding-commitment,top-choice"},
		{"hpark@lakeside-med.org", "My AMIA list", "Dear Dr. Park,\n\nHere is my plan: I will put first on my AMIA list whichever of the two programs ranks me highly.\n\nAmina",
			"quid-pro-quo"},
		// (blind sets hm–hw) A rank correlation, her own fallback for a
		// document and an offer asked "in the same way" are no trade and
		// no ultimatum; a rank question or a trade in Spanish or French
		// still is one.
		{"rmoss@stbrendans.org", "Preprint", "Dear Dr. Moss,\n\nThe Spearman rank correlation between override rate and rated value was 0.2, so the two have little to do with each other.\n\nAmina",
			""},
		{"informatics.fellowship@harborvalley.edu", "Receipts", "Dear Priya,\n\nIf the portal is easier for you, say so. Otherwise I'll email the scans to the office by Tuesday.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Timing", "Dear Diego,\n\nIs there any possibility of Northgate offering me the track position in the same way, so that I can begin my visa paperwork now rather than after Match Day?\n\nAmina",
			"premature-offer-ask"},
		{"imresidency@northgate-health.org", "Seguimiento", "Estimado Diego:\n\nSi el comité me coloca entre sus primeros candidatos, pondré a Northgate en el primer lugar de mi lista.\n\nAmina",
			"quid-pro-quo"},
		{"ci-fellowship@lakeside-med.org", "Une question", "Bonjour Marcus,\n\nPourriez-vous me dire, en toute discrétion, où je me situe sur votre liste de classement ?\n\nAmina",
			"rank-solicitation"},
		// "number-one" written with a hyphen is "number one"
		{"sokafor@harborvalley.edu", "Before the deadline", "Dear Dr. Okafor,\n\nHarbor Valley is my number-one choice, and I wanted you to hear it from me.\n\nAmina",
			"top-choice"},
	}
	for _, c := range cases {
		wantRules(t, e, outDraft(c.to, c.subj, c.body), at, c.want)
	}

	// (blind sets iv–iy) Her word on a form she will return, another
	// commitment of hers, a thank-you for yesterday's call weeks after
	// the interview, the usual contract timing after the Match, slots she
	// quotes as read elsewhere and "committed to the full day" pass; the
	// top of her list if she is within their range is a trade; a place
	// confirmed tonight, ahead of the results, is asked too early.
	dec := time.Date(2026, 12, 23, 14, 0, 0, 0, time.UTC)
	for _, c := range []struct{ to, subj, body, want string }{
		{"imresidency@northgate-health.org", "Forms", "Dear Diego,\n\nI'll get the signed release form back to you before Friday - you have my word.\n\nAmina",
			""},
		{"informatics.fellowship@harborvalley.edu", "Re: dinner", "Dear Priya,\n\nI'm sorry to miss it, but I have a family commitment in Boston on Wednesday afternoon and my train doesn't get in until 9 pm.\n\nAmina",
			""},
		{"sokafor@harborvalley.edu", "Fwd: my mentor's note", "Dr. Okafor,\n\nThank you for yesterday's call. As you suggested, I'm forwarding the note from my research mentor, with his direct line; he is expecting to hear from you.\n\nAmina",
			""},
		{"hpark@lakeside-med.org", "Timeline", "Dear Dr. Park,\n\nAfter match day, how soon does the program usually send the offer letter? I'm planning my J-1 paperwork.\n\nAmina",
			""},
		{"sokafor@harborvalley.edu", "Audit results", "Dear Dr. Okafor,\n\nMany of the order sets had dose fields that literally read “XXX” or “[enter date]”, so we rebuilt them.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Virtual interview", "Dear Diego,\n\nI'm fully committed to the day itself and can be online by 7 Eastern.\n\nAmina",
			""},
		{"hpark@lakeside-med.org", "Before the deadline", "Dr. Park,\n\nIf I'm within your range, I will rank Lakeside first.\n\nAmina",
			"quid-pro-quo,top-choice"},
		{"informatics.fellowship@harborvalley.edu", "Tonight", "Dear Priya,\n\nI am writing to ask whether the program could confirm a fellowship place for me now, before the results are out.\n\nAmina",
			"premature-offer-ask"},
	} {
		wantRules(t, e, outDraft(c.to, c.subj, c.body), dec, c.want)
	}
}

// TestPlainHyphens: the hyphens editors put between words (U+2010, the
// non-breaking U+2011) reach the rules as "-".
func TestPlainHyphens(t *testing.T) {
	raw := "From: Amina Rahman <amina.rahman@example.org>\r\nTo: sokafor@harborvalley.edu\r\nSubject: A note\r\n" +
		"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
		"Dear Dr. Okafor,\r\n\r\nHarbor Valley is my number\u2011one choice, a well\u2010known fact.\r\n\r\nAmina\r\n"
	m := Parse([]byte(raw))
	if !strings.Contains(m.Own, "number-one choice, a well-known fact") {
		t.Errorf("Own = %q, want the hyphens written as \"-\"", m.Own)
	}
	if got := plainHyphens("no hyphens here"); got != "no hyphens here" {
		t.Errorf("plainHyphens changed %q", got)
	}
}
