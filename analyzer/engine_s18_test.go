package analyzer

import (
	"testing"
	"time"
)

// TestSession18Outgoing: session 18's blind sets mi, mj and mk, in other
// words. Another program named as where she is still interviewing, where
// her interviews have been, or whose offer she declines, is her news, not
// a pasted letter; an
// offer asked for by a date in a month is asked for before the Match, but
// a "position description" is no position; thanks with nothing after them,
// opening a reply, answer the program's note; a letter whose subject is a
// question is that question, whatever courtesy it opens with.
func TestSession18Outgoing(t *testing.T) {
	e := testEngine(t)
	at := time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC)
	cases := []struct{ to, subj, body, want string }{
		{"sokafor@harborvalley.edu", "Forms", "Dear Dr. Okafor,\n\nI'm still interviewing with Meridian State University's fellowship on Monday, so the signed forms will reach you on Tuesday.\n\nAmina",
			""},
		{"sokafor@harborvalley.edu", "Your question", "Dear Dr. Okafor,\n\nTo answer your question, my residency interviews so far have been at Northgate Regional Hospital, and nowhere else.\n\nAmina",
			""},
		{"ci-fellowship@lakeside-med.org", "News", "Dear Marcus,\n\nLakeside remains where I hope to train, so this week I wrote to decline Meridian State University's offer of a research post.\n\nAmina",
			""},
		{"ci-fellowship@lakeside-med.org", "Timing", "Dear Marcus,\n\nCould you let me know by February 1 whether Lakeside can offer me a position?\n\nAmina",
			"premature-offer-ask,pressure"},
		{"ci-fellowship@lakeside-med.org", "Forms", "Dear Marcus,\n\nI will mail the forms by December 9 if you can give me a position description for the research block.\n\nAmina",
			""},
		{"ci-fellowship@lakeside-med.org", "Second look parking?", "Hi Marcus,\n\nThanks for keeping our day on track despite the fire drill. Will I need a new parking pass for the second look, or does the old one still work?\n\nAmina",
			""},
	}
	for _, c := range cases {
		wantRules(t, e, outDraft(c.to, c.subj, c.body), at, c.want)
	}
	// (blind set mu) A first place offered on condition, in a phone's
	// shorthand; and after asking where she stands.
	wantRules(t, e, outDraft("rmoss@stbrendans.org", "hi", "dr moss\n\nhonestly ur program is my no. 1 as long as u guys rank me to match lol\n\namina"), at, "quid-pro-quo,top-choice")
	wantRules(t, e, outDraft("rmoss@stbrendans.org", "hi", "dr moss\n\nam i somewhere in ur top 8? if so ill def put sbch at the top of my list\n\namina"), at, "quid-pro-quo,rank-solicitation")
	// (blind sets mr, ms and mt) A merge field in camel case is a slot; one
	// quoted as what a letter said is not. Another program's event, named
	// with its possessive, is a venue; an interview there opening the
	// sentence is her news; beginning her residency there is the wrong
	// letter. Her coming, once they decide to take her, is a promise.
	wantRules(t, e, outDraft("jfeld@meridian.edu", "Introduction", "Dear Dr. {Surname},\n\nI recently applied to the fellowship and wanted to introduce myself.\n\nAmina"), at, "placeholder")
	wantRules(t, e, outDraft("jfeld@meridian.edu", "Update", "Dear Dr. Feld,\n\nOur audit found 212 referral letters that went out opening with a literal \"Hello [Provider Name]\" after a merge failed; a signing hard stop fixed it.\n\nAmina"), at, "")
	wantRules(t, e, outDraft("lchen@northgate-health.org", "Slides", "Dear Dr. Chen,\n\nI'll present the handoff study at Lakeside University Medical Center's Quality Improvement Day in March, and your team is welcome to the slides.\n\nAmina"), at, "")
	wantRules(t, e, outDraft("rmoss@stbrendans.org", "Thank you", "Dear Dr. Moss,\n\nThank you for Tuesday. Interviewing at Meridian State University the week before had shown me that pediatrics is where I belong, and your residents confirmed it.\n\nAmina"), time.Date(2026, 12, 2, 15, 0, 0, 0, time.UTC), "")
	wantRules(t, e, outDraft("rmoss@stbrendans.org", "Thank you", "Dear Dr. Moss,\n\nThank you for Tuesday. I would be so proud to start my residency at Northgate Regional Hospital next July.\n\nAmina"), time.Date(2026, 12, 2, 15, 0, 0, 0, time.UTC), "wrong-program")
	wantRules(t, e, outDraft("sokafor@harborvalley.edu", "One more thing", "Dear Dr. Okafor,\n\nPlainly: once Harbor Valley chooses to take me, I am coming, whatever the other programs do.\n\nAmina"), at, "binding-commitment")
	// (blind sets lb and lc) A note-to-self slot opening with "brief"; a
	// reader's note is none. A promised place asked for on condition; a
	// seat at a poster session is no place. Her own advisor or co-author at
	// another program is her news; a service's promptness is no deadline.
	wantRules(t, e, outDraft("jfeld@meridian.edu", "Question", "Dear Dr. Feld,\n\nMy research centres on [short, concrete example] and decision support.\n\nAmina"), at, "placeholder")
	wantRules(t, e, outDraft("jfeld@meridian.edu", "Question", "Dear Dr. Feld,\n\nThe poster is summarised in one page [brief abstract enclosed] for your team.\n\nAmina"), at, "")
	wantRules(t, e, outDraft("hpark@lakeside-med.org", "Timing", "Dear Dr. Park,\n\nIf you can promise me a spot in the fellowship, I will list Lakeside first.\n\nAmina"), at, "premature-offer-ask,quid-pro-quo,top-choice")
	wantRules(t, e, outDraft("hpark@lakeside-med.org", "Poster day", "Dear Dr. Park,\n\nIf you can hold me a space at the journal club on Friday, I would love to come.\n\nAmina"), at, "")
	wantRules(t, e, outDraft("hpark@lakeside-med.org", "Thank you", "Dear Dr. Park,\n\nMy thesis advisor, Dr. Laura Chen at Northgate Regional Hospital, asked me to pass on her regards to your team.\n\nAmina"), at, "")
	wantRules(t, e, outDraft("lchen@northgate-health.org", "Thank you", "Dear Dr. Chen,\n\nDr. Helen Park at Lakeside, with whom I co-wrote the alert-burden paper, told me your residents would be generous with their time, and they were.\n\nAmina"), at, "")
	wantRules(t, e, outDraft("lchen@northgate-health.org", "Thank you", "Dear Dr. Chen,\n\nThe e-consult service, where residents resolve pages from the wards within 30 minutes, impressed me most.\n\nAmina"), at, "")
	// (blind set mz) "You mentioned" said of a visa question asks for no
	// document: the CV and papers attached with it are unprompted.
	m0 := outDraft("informatics.fellowship@harborvalley.edu", "Following up", "Dear Ms. Natarajan,\n\nOn the visa question, you mentioned that the GME office has handled H-4 holders before, which was reassuring.\n\nSo the committee has everything in one place, I have attached my full CV, a preprint and a letter from my supervisor.\n\nAmina")
	m0.Attachments = []Attachment{{Filename: "Rahman_CV_full.pdf", ContentType: "application/pdf", Size: 900}, {Filename: "preprint.pdf", ContentType: "application/pdf", Size: 900}, {Filename: "supervisor_letter.pdf", ContentType: "application/pdf", Size: 900}}
	wantRules(t, e, m0, at, "unprompted-attachments")
	// (blind sets lh, li and lj) Her standing asked without a word of
	// ranking, and reciprocity offered the same way; her own stance told
	// is no question; another program's paper, a forum there, a colleague
	// she works with there are her news; an overdue thank-you owed is a
	// thank-you.
	wantRules(t, e, outDraft("jfeld@meridian.edu", "A candid question", "Dear Dr. Feld,\n\nCould you tell me, frankly, whether my chances of joining Meridian are realistic?\n\nAmina"), at, "rank-solicitation")
	wantRules(t, e, outDraft("jfeld@meridian.edu", "A candid question", "Dear Dr. Feld,\n\nWould you say whether I would be among the fellows the committee hopes to bring in next July?\n\nAmina"), at, "rank-solicitation")
	wantRules(t, e, outDraft("jfeld@meridian.edu", "Thoughts", "Dear Dr. Feld,\n\nIf the committee sees me in the same way, that trust will be returned in full when I submit.\n\nAmina"), at, "quid-pro-quo")
	wantRules(t, e, outDraft("jfeld@meridian.edu", "Thoughts", "Dear Dr. Feld,\n\nI wanted you to know where I stand from me directly: Meridian remains a place I admire.\n\nAmina"), at, "")
	wantRules(t, e, outDraft("jfeld@meridian.edu", "Thanks", "Dear Dr. Feld,\n\nThanks for pointing me to the Lakeside fellows' alert-retirement paper, which I read on the flight home.\n\nAmina"), at, "")
	wantRules(t, e, outDraft("jfeld@meridian.edu", "Poster", "Dear Dr. Feld,\n\nI will present the poster at the regional informatics symposium at Lakeside University Medical Center in March.\n\nAmina"), at, "")
	wantRules(t, e, outDraft("jfeld@meridian.edu", "Update", "Dear Dr. Feld,\n\nThe cohort study I'm writing up with Dr. Helen Park at Lakeside University Medical Center was accepted last week.\n\nAmina"), at, "")
	wantRules(t, e, outDraft("rmoss@stbrendans.org", "An overdue thank you", "Dear Dr. Moss,\n\nI owe you a thank-you from our day together, and I am sorry it comes so late.\n\nAmina"), time.Date(2026, 12, 20, 15, 0, 0, 0, time.UTC), "late-thank-you")
	// (blind sets lr and ls) "It would help me to know whether …" asks;
	// her first place told once lists are certified is no trade.
	wantRules(t, e, outDraft("rmoss@stbrendans.org", "Planning", "Dear Dr. Moss,\n\nIt would help me a great deal to know whether St. Brendan's is likely to rank me high enough to match.\n\nAmina"), at, "rank-solicitation")
	wantRules(t, e, outDraft("hpark@lakeside-med.org", "Lists are in", "Dear Dr. Park,\n\nNow that lists are certified, I can say what I held back so it would not read as pressure: I ranked Lakeside first.\n\nAmina"), time.Date(2026, 12, 5, 15, 0, 0, 0, time.UTC), "top-choice")
	// (blind set lz) "Mutual information ranking" is a method, not a trade.
	wantRules(t, e, outDraft("jfeld@meridian.edu", "Paper accepted", "Dear Dr. Feld,\n\nWe replaced the univariate screen with mutual information ranking, which cut the candidate variables from 212 to 38.\n\nAmina"), at, "")
	// A reply whose thanks stand alone, twelve days after the interview.
	own := "Dear Dr. Park,\n\nThanks so much!\n\nThat means a great deal to me. The day with your team was a highlight of my season, and I am still turning over the CDS governance discussion.\n\nAmina"
	quoted := "On Mon, Nov 23, 2026 at 4:10 PM Helen Park <hpark@lakeside-med.org> wrote:\n> Dear Amina, the committee enjoyed meeting you and wanted you to know.\n"
	m := outDraft("hpark@lakeside-med.org", "Re: After your visit", own)
	m.Text, m.Quoted = own+"\n\n"+quoted, quoted
	wantRules(t, e, m, at, "")
	// The same words as a letter of its own are a late thank-you.
	wantRules(t, e, outDraft("hpark@lakeside-med.org", "Thank you", "Dear Dr. Park,\n\nThank you so much for the interview day on November 12. The day with your team was a highlight of my season.\n\nAmina"), at, "late-thank-you")
}
