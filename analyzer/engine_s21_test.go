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
	}
	for _, c := range cases {
		wantRules(t, e, Parse([]byte("From: amina.rahman@example.org\r\nTo: "+c.to+"\r\nSubject: "+c.subj+"\r\n\r\n"+c.body)), c.at, c.want)
	}
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
