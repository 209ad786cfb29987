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
	// A reply whose thanks stand alone, twelve days after the interview.
	own := "Dear Dr. Park,\n\nThanks so much!\n\nThat means a great deal to me. The day with your team was a highlight of my season, and I am still turning over the CDS governance discussion.\n\nAmina"
	quoted := "On Mon, Nov 23, 2026 at 4:10 PM Helen Park <hpark@lakeside-med.org> wrote:\n> Dear Amina, the committee enjoyed meeting you and wanted you to know.\n"
	m := outDraft("hpark@lakeside-med.org", "Re: After your visit", own)
	m.Text, m.Quoted = own+"\n\n"+quoted, quoted
	wantRules(t, e, m, at, "")
	// The same words as a letter of its own are a late thank-you.
	wantRules(t, e, outDraft("hpark@lakeside-med.org", "Thank you", "Dear Dr. Park,\n\nThank you so much for the interview day on November 12. The day with your team was a highlight of my season.\n\nAmina"), at, "late-thank-you")
}
