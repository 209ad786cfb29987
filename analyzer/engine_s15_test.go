package analyzer

import (
	"testing"
	"time"
)

// TestSession15Outgoing: session 15's blind sets qa and qb, in other
// words. A trade of places on each other's lists in any wording; her word
// given is no question; a promise to withdraw from the Match after other
// steps binds; a program named for one of its people is a third party; a
// family member's procedure at the same hour is a one-line reason; a hotel
// can be her first choice; a question about logistics after a dash does
// not undo an exception about ranking words.
func TestSession15Outgoing(t *testing.T) {
	e := testEngine(t)
	at := time.Date(2026, 12, 4, 15, 0, 0, 0, time.UTC)
	cases := []struct{ to, subj, body, want string }{
		{"sokafor@harborvalley.edu", "A thought", "Dear Dr. Okafor,\n\nIf my name sits within your top five, I'll rank Harbor Valley correspondingly high.\n\nAmina",
			"quid-pro-quo"},
		{"ci-fellowship@lakeside-med.org", "RE: Documents", "Marcus,\n\nThis is the third time I am raising the housing form. If I don't have it by Monday noon, I will be forced to take this up with Dr. Park.\n\nAmina",
			"pressure"},
		{"ci-fellowship@lakeside-med.org", "RE: Documents", "Marcus,\n\nStill nothing on the visa letter. I may have to go over your head to the GME office next week.\n\nAmina",
			"pressure"},
		{"imresidency@northgate-health.org", "Interview format", "Dear Mr. Alvarez,\n\nMy mother's surgery in Lahore has been brought forward, so I'll be abroad from December 6 to 18. Could my December 10 interview be virtual?\n\nAmina",
			""},
		{"rmoss@stbrendans.org", "Hello from a fellow alumna", "Dear Dr. Moss,\n\nDr. Okafor at Harbor Valley passed on your email. The sepsis work I did with a nurse informaticist at Meridian convinced me that pediatric informatics is where I want to build a career.\n\nAmina",
			""},
		{"jfeld@meridian.edu", "Interview availability", "Dear Dr. Feld,\n\nIf a spot opens before the AMIA match, I would be happy to interview any day that week.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "A message for Dr. Chen", "Diego,\n\nPlease tell Dr. Chen that if Northgate ranks me, I'm there in July; she has my word.\n\nAmina",
			"binding-commitment"},
		{"jfeld@meridian.edu", "Contract timing", "Dr. Feld,\n\nSorry for one more email. Roughly when do contracts go out to fellows who match through the AMIA match?\n\nAmina",
			""},
		{"jfeld@meridian.edu", "An update", "Dr. Feld,\n\nSorry for one more email. A quick update: my paper on alert fatigue was accepted at JAMIA this week.\n\nAmina",
			"update-limit"},
		{"rmoss@stbrendans.org", "Away next week", "Dear Dr. Moss,\n\nI will be reading my email each day while I travel, so nothing will wait long.\n\nAmina",
			""},
		{"rmoss@stbrendans.org", "Thank you", "Dear Dr. Moss,\n\nThank you for the day. The chief's story about the allergy list was equally funny and terrifying.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "My file", "Dear Mr. Alvarez,\n\nCould you tell me where I stand with my application - whether the MSPE arrived or whether my school should send it again?\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Housing", "Dear Mr. Alvarez,\n\nIs the deposit for resident housing something people pay only after Match Day, or before the match?\n\nAmina",
			""},
		{"sokafor@harborvalley.edu", "Update", "Dear Dr. Okafor,\n\nA short note with my new contact details. Nothing here is urgent, and no reply is needed.\n\nAmina",
			""},
		{"rmoss@stbrendans.org", "Dates", "Dear Dr. Moss,\n\nI have already committed to a conference talk in Boston on December 8, so December 1 suits me better.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Thank you", "Dear Dr. Chen,\n\nThank you for the interview. Please thank [Associate Program Director name] for the tour.\n\nAmina",
			"placeholder"},
		{"ci-fellowship@lakeside-med.org", "News", "Dear Dr. Park,\n\nDr. Feld at Meridian wrote last week to say he enjoyed our talk about sepsis alerts. I've already let Dr. Okafor at Harbor Valley know that I am withdrawing there.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Paper accepted", "Dear Dr. Chen,\n\nOur alert-burden paper was accepted. The effect is close to what Meridian's group reported last year [2].\n\nAmina",
			""},
		{"ci-fellowship@lakeside-med.org", "Date change", "Dear Mr. Webb,\n\nCould I move my interview? December 3 is the same day I'm interviewing at Harbor Valley.\n\nAmina",
			""},
		{"informatics.fellowship@harborvalley.edu", "Thank you", "Dear Dr. Okafor,\n\nA question about your curriculum. Dr. Park from Lakeside, whom I met at AMIA, had mentioned your group's work on alert fatigue, and I have read your paper since.\n\nAmina",
			""},
		{"rmoss@stbrendans.org", "Thank you", "Dear Dr. Moss,\n\nThank you for the day. The go-live dashboards on the third floor were something to see, and your story about letters addressed \"Dear [Patient Name]\" stayed with me.\n\nAmina",
			""},
		{"sokafor@harborvalley.edu", "An update", "Dear Dr. Okafor,\n\nA startup offered me a data-science job outside the Match last week, and I declined it; I want an accredited fellowship.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "A thought", "Dear Dr. Chen,\n\nIf you can confirm that I'm among those Northgate is ranking to match, I'll put Northgate above St. Brendan's.\n\nAmina",
			"quid-pro-quo,rank-solicitation"},
		{"ci-fellowship@lakeside-med.org", "Thank you", "Dear Dr. Park,\n\nMy friend Ana Ruiz, a second-year resident at Northgate, first told me about your group. Next week I travel to my interview at St. Brendan's.\n\nAmina",
			""},
		{"ci-fellowship@lakeside-med.org", "Thank you", "Dear Dr. Park,\n\nI left sure that I would be proud to start my fellowship at Harbor Valley Health, and to train there next July.\n\nAmina",
			"wrong-program"},
		{"imresidency@northgate-health.org", "Interview format", "Dear Mr. Alvarez,\n\nMy father is having surgery in Karachi that week, and I'll be flying home to be with him. Could my interview be virtual?\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "My plans", "Dear Dr. Chen,\n\nI will rank Northgate first, and you may take that as a firm commitment.\n\nAmina",
			"binding-commitment,top-choice"},
		{"imresidency@northgate-health.org", "A thought", "Dear Dr. Chen,\n\nIf I knew Northgate had me in a position to match, I would move Northgate to the top of my list.\n\nAmina",
			"quid-pro-quo"},
		{"rmoss@stbrendans.org", "Thank you", "Dear Dr. Moss,\n\nThank you for the interview and for the talk about [topic we discussed] at lunch.\n\nAmina",
			"placeholder"},
		{"sokafor@harborvalley.edu", "A thought", "Dear Dr. Okafor,\n\nIf your committee can rank me high enough to match, I'll gladly move Harbor Valley above the other fellowship I'm weighing.\n\nAmina",
			"quid-pro-quo"},
		{"jfeld@meridian.edu", "Meridian", "Dear Dr. Feld,\n\nShould an offer come, I'll return the contract that evening and withdraw from the match the next morning.\n\nAmina",
			"binding-commitment,premature-offer-ask"},
		{"jfeld@meridian.edu", "Meridian", "Dear Dr. Feld,\n\nIf a position were offered before the match, I would be committing right away.\n\nAmina",
			"binding-commitment,premature-offer-ask"},
		{"imresidency@northgate-health.org", "My plans", "Dear Dr. Chen,\n\nPlease treat this as my pledge: if Northgate takes me through the match, I will be there in July.\n\nAmina",
			"binding-commitment"},
		{"jfeld@meridian.edu", "Question", "Dear Dr. Feld,\n\nI first heard of your fellowship at a panel that a Lakeside faculty member chaired and one of your fellows spoke at.\n\nAmina",
			""},
		{"jfeld@meridian.edu", "Question", "Dear Dr. Feld,\n\nIt has long been my hope to train as a Lakeside fellow.\n\nAmina",
			"wrong-program"},
		{"imresidency@northgate-health.org", "Dinner switch", "Dear Mr. Alvarez,\n\nWould it be possible to join the Tuesday session instead? My father is having knee surgery at that time and I'd like to drive him home.\n\nAmina",
			""},
		{"ci-fellowship@lakeside-med.org", "Travel", "Dear Mr. Webb,\n\nI booked the Bayview Suites. It is my first choice since it is walking distance from the hospital - is there parking for visitors?\n\nAmina",
			""},
	}
	for _, c := range cases {
		wantRules(t, e, outDraft(c.to, c.subj, c.body), at, c.want)
	}
	// Code and data she made, attached unasked beside a screenshot, are
	// documents too.
	code := outDraft("rmoss@stbrendans.org", "Thank you", "Dear Dr. Moss,\n\nThank you for today. I attached the dashboard screenshot and the query behind it.\n\nAmina")
	code.Attachments = []Attachment{{Filename: "dashboard.png", ContentType: "image/png", Size: 90000}, {Filename: "dose_query.sql", ContentType: "text/plain", Size: 2000}}
	wantRules(t, e, code, time.Date(2026, 12, 2, 15, 0, 0, 0, time.UTC), "unprompted-attachments")
	// A late thank-you that opens with an apology and its reason is still
	// the thank-you note (its thanks come after them).
	late := outDraft("ci-fellowship@lakeside-med.org", "thanks (late, sorry)", "Prof Park,\n\nso embarrassed this is late. i was on nights all week and only now caught up\n\nthank u for the interview on nov 12. the sepsis dashboard demo was the best i saw.\n\nAmina")
	wantRules(t, e, late, at, "late-thank-you")
	// A document sent as proof of her hardship is held, whatever its name.
	m := outDraft("rmoss@stbrendans.org", "An explanation", "Dear Dr. Moss,\n\nMy husband lost his job in October and we fell behind on rent; my doctor diagnosed depression and started me on medication. I have attached her note so that you know this is real.\n\nAmina")
	m.Attachments = []Attachment{{Filename: "note_2026-12.pdf", ContentType: "application/pdf", Size: 40000}}
	wantRules(t, e, m, at, "oversharing,unprompted-attachments")
}
