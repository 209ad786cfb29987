package analyzer

import (
	"testing"
	"time"
)

// TestSession17Outgoing: session 17's blind sets ot, ov and ow, in other
// words. Her seat in a program's class declared settled is a promise; a
// wish to know where she stands, or whether her name has found a place on
// the list, asks it; so does asking whether to keep her other applications
// alive; telling the program where she stands, followed by a condition,
// asks nothing; another program's person who shared a session with her is
// a third party.
func TestSession17Outgoing(t *testing.T) {
	e := testEngine(t)
	at := time.Date(2026, 12, 18, 15, 0, 0, 0, time.UTC)
	cases := []struct{ to, subj, body, want string }{
		{"rmoss@stbrendans.org", "July", "Dear Dr. Moss,\n\nYou may regard my seat in the pathway's incoming class as secured on my side; March will only make it official.\n\nAmina",
			"binding-commitment"},
		{"rmoss@stbrendans.org", "July", "Dear Dr. Moss,\n\nYou may regard my paperwork for the pathway as complete on my side; the last reference arrived yesterday.\n\nAmina",
			""},
		{"lchen@northgate-health.org", "Winter", "Dear Dr. Chen,\n\nHearing, however briefly, where I stand with Northgate would give me real comfort through January.\n\nAmina",
			"rank-solicitation"},
		{"lchen@northgate-health.org", "Winter", "Dear Dr. Chen,\n\nI would like you to know where I stand on the readmissions project: the data pull is finished and the model is training.\n\nAmina",
			""},
		{"lchen@northgate-health.org", "Winter", "Dear Dr. Chen,\n\nMay I ask whether my name has earned a spot upon the committee's list?\n\nAmina",
			"rank-solicitation"},
		{"imresidency@northgate-health.org", "A question", "Hi Diego,\n\nIs there any sense whether I should leave my remaining applications open, or am I in a comfortable place on Dr. Chen's rank list?\n\nAmina",
			"rank-solicitation"},
		{"jfeld@meridian.edu", "Plans", "Dear Dr. Feld,\n\nI'd like you to know where I stand, plainly: if Meridian ranks me, I will come.\n\nAmina",
			"binding-commitment"},
		{"lchen@northgate-health.org", "Update", "Dear Dr. Chen,\n\nA brief update on our poster. Dr. Park of Lakeside co-presented with me at the regional meeting, and she spoke warmly of your readmissions group.\n\nAmina",
			""},
	}
	for _, c := range cases {
		wantRules(t, e, outDraft(c.to, c.subj, c.body), at, c.want)
	}
	// (blind sets nb and ne) An emergency visit told through its drugs, a
	// claim refused and the bill's figure overshare; a car borrowed from
	// her sister does not. Thanks with typos are thanks.
	wantRules(t, e, outDraft("ci-fellowship@lakeside-med.org", "Second look", "Hi Marcus,\n\nCould we move my second look? The ED kept me overnight; they gave me IV fentanyl and I threw up until morning. My insurer refused the claim for the MRI, so there is a bill of nearly $3,200 waiting for me.\n\nAmina"), at, "oversharing")
	wantRules(t, e, outDraft("ci-fellowship@lakeside-med.org", "Second look", "Hi Marcus,\n\nI'm borrowing my sister's car to drive up for the second look, so I may arrive a few minutes early.\n\nAmina"), at, "")
	wantRules(t, e, outDraft("lchen@northgate-health.org", "thx", "dr chen\n\nthx for the inteview on dec 10!! the sepsis score session was the best part, sorry this is late\n\namina"), time.Date(2026, 12, 22, 15, 0, 0, 0, time.UTC), "late-thank-you")
}

// TestSession17OutgoingB: blind sets nb, nc, nd and ne, in other words. A
// first place told plainly beside "if you take me, I'll be there" is a
// first choice and a promise, not a trade; landing inside the program's
// top few asks where she stands; the early slot of an interview day is no
// place asked for; a call demanded by an hour, with a threat, presses; an
// apology for a late note leads the thank-you in, even in a letter with
// news.
func TestSession17OutgoingB(t *testing.T) {
	e := testEngine(t)
	at := time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC)
	cases := []struct{ to, subj, body, want string }{
		{"jfeld@meridian.edu", "My decision", "Dear Dr. Feld,\n\nMeridian will be first on my list, and if Meridian picks me, I will be there.\n\nAmina",
			"binding-commitment,top-choice"},
		{"lchen@northgate-health.org", "A question", "Dear Dr. Chen,\n\nCould you say whether I'm likely to land inside your top six?\n\nAmina",
			"rank-solicitation"},
		{"imresidency@northgate-health.org", "Re: Interview times", "Hi Diego,\n\nIf you can keep that early slot for me, I'll book my train tonight.\n\nAmina",
			""},
		{"hpark@lakeside-med.org", "Next steps", "Dear Dr. Park,\n\nPlease ask Dr. Osei to ring me back before noon Thursday. If he can't do that, I'll take it as my answer and withdraw.\n\nAmina",
			"pressure"},
	}
	for _, c := range cases {
		wantRules(t, e, outDraft(c.to, c.subj, c.body), at, c.want)
	}
	wantRules(t, e, outDraft("hpark@lakeside-med.org", "Thank you for my interview on November 12", "Dear Dr. Park,\n\nMy apologies for how slow this note is. I meant to write the same evening, and then a conference deadline swallowed the past two weeks.\n\nThank you for my interview on November 12; the session on order-set retirement was the highlight.\n\nI also have an update: our paper on alert overrides was accepted this week.\n\nAmina"),
		time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC), "late-thank-you")
}

// TestSession17OutgoingC: blind sets nj, nk and nm, in other words. Flying
// home after a relative's admission, said in one line, overshares
// nothing; a fact about the process checked asks no standing; another
// program named as a place she interviewed, before her praise of this one,
// is no letter to it; a prior commitment is her engagement, not one she
// asks for; how her application compares and whether she will be placed
// within the range of positions ask where she stands; where she is headed,
// for planning, does not.
func TestSession17OutgoingC(t *testing.T) {
	e := testEngine(t)
	at := time.Date(2026, 11, 28, 15, 0, 0, 0, time.UTC)
	cases := []struct{ to, subj, body, want string }{
		{"imresidency@northgate-health.org", "Virtual interview?", "Hi Diego,\n\nMy mother was hospitalized in Lahore yesterday and I'm heading home tonight. Could I switch to the virtual format on the 10th?\n\nAmina",
			""},
		{"informatics.fellowship@harborvalley.edu", "Timeline", "Hi Priya,\n\nAm I correct that rank lists lock in the AMIA system on December 3, and do you know when results come out?\n\nAmina",
			""},
		{"lchen@northgate-health.org", "Thank you", "Dear Dr. Chen,\n\nI have interviewed at several places this season, Meridian only last week, and Northgate's day stood out for how much time we spent with residents.\n\nAmina",
			""},
		{"rmoss@stbrendans.org", "Arrival", "Dear Dr. Moss,\n\nBecause of a prior commitment I'll now arrive on the evening of the 30th. Could the hotel booking be shortened to one night?\n\nAmina",
			""},
		{"sokafor@harborvalley.edu", "A question", "Dear Dr. Okafor,\n\nI would be grateful to learn how my application compares with the others you interviewed, and whether the committee expects to place me within the range of positions it fills.\n\nAmina",
			"rank-solicitation"},
		{"jfeld@meridian.edu", "Planning", "Dear Dr. Feld,\n\nIt would help to know where I am headed before the match, since my husband needs to give notice at work.\n\nAmina",
			""},
	}
	for _, c := range cases {
		wantRules(t, e, outDraft(c.to, c.subj, c.body), at, c.want)
	}
}

// TestSession17OutgoingD: blind sets ns, nt, nu and nv, in other words.
// Her withdrawal done through the portal, the rule stated, a tool's
// hardship items, a promise about a form, a talk another program's person
// gave there, her husband's interview elsewhere and a speaker heard on a
// panel are no violations; a favour returned for candour claims only a
// first choice; a last reminder with an assumption presses; her word that
// she is coming if taken binds.
func TestSession17OutgoingD(t *testing.T) {
	e := testEngine(t)
	at := time.Date(2026, 12, 3, 15, 0, 0, 0, time.UTC)
	cases := []struct{ to, subj, body, want string }{
		{"informatics.fellowship@harborvalley.edu", "Withdrawing", "Hi Priya,\n\nI have accepted a position elsewhere. Please tell me if I must also withdraw officially via the AMIA website.\n\nAmina",
			""},
		{"informatics.fellowship@harborvalley.edu", "Question", "Hi Priya,\n\nI realize no positions are offered ahead of the match; I'm only comparing the cost of living in each city.\n\nAmina",
			""},
		{"rmoss@stbrendans.org", "Thank you", "Dear Dr. Moss,\n\nThank you for the day. Watching your clinic's housing instability questions route straight to the social worker's queue was the highlight.\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Visa form", "Hi Diego,\n\nI promise the forms will be legible this time; the first scan was crooked.\n\nAmina",
			""},
		{"rmoss@stbrendans.org", "Thank you", "Dear Dr. Moss,\n\nThank you for the day. Your residents' data would make a fine sequel to the talk Dr. Laura Chen delivered at Northgate last month.\n\nAmina",
			""},
		{"jfeld@meridian.edu", "A question", "Dear Dr. Feld,\n\nMy husband interviewed with Lakeside's surgery program last week, so we are hoping to train in the same region. Is there flexibility in the start date?\n\nAmina",
			""},
		{"jfeld@meridian.edu", "Leave policy", "Dear Dr. Feld,\n\nI heard Dr. Helen Park from Lakeside speak at the AMIA panel about parental leave, so I wanted to ask how Meridian handles it.\n\nAmina",
			""},
		{"lchen@northgate-health.org", "Re: Checking in", "Dear Dr. Chen,\n\nSince you have been so candid with me, I'll return the favor: Northgate is my first choice.\n\nAmina",
			"top-choice"},
		{"informatics.fellowship@harborvalley.edu", "LAST REMINDER - please respond by Friday or I will assume the program is no longer interested", "Hi Priya,\n\nIs the 2027 rotation schedule available yet?\n\nAmina",
			"pressure"},
		{"hpark@lakeside-med.org", "Our plans", "Dear Dr. Park,\n\nYou have my word that Lakeside will be first on my list - if you take me, I'm coming, and my husband will follow.\n\nAmina",
			"binding-commitment,top-choice"},
	}
	for _, c := range cases {
		wantRules(t, e, outDraft(c.to, c.subj, c.body), at, c.want)
	}
	// Papers the coordinator asked for, in the quoted mail, are no
	// unprompted attachments.
	m := outDraft("informatics.fellowship@harborvalley.edu", "RE: Visa pre-screen", "Hi Priya,\n\nBoth files are attached.\n\nAmina")
	m.Quoted = "Could you reply to this message with (1) a copy of your current I-20 and (2) the photo page of your passport? PDF is fine."
	m.Attachments = []Attachment{{Filename: "Rahman_I-20.pdf", ContentType: "application/pdf", Size: 90000}, {Filename: "Rahman_passport_photo_page.pdf", ContentType: "application/pdf", Size: 80000}}
	wantRules(t, e, m, at, "")
}

// TestSession17OutgoingE: blind sets ma, mb and mc, in other words. Where
// her file stands, explained by a letter that has not arrived; a letter
// for an externship; another program's people who run a club with this
// one's; drafts written and deleted; a reply thanking for the program's
// note; a faculty member's training elsewhere; how places are filled, the
// Match explained and a schedule traded; a minor operation with the
// surgeon's advice: none is a violation. Training at another program that
// "would let me" continue her work is written to the wrong one.
func TestSession17OutgoingE(t *testing.T) {
	e := testEngine(t)
	at := time.Date(2026, 12, 9, 15, 0, 0, 0, time.UTC)
	cases := []struct{ to, subj, body, want string }{
		{"jfeld@meridian.edu", "Application status", "Dear Dr. Feld,\n\nCould you let me know where my application stands? In particular I'd like to confirm that my second letter, from Dr. Rao in Karachi, has arrived.\n\nAmina",
			""},
		{"rmoss@stbrendans.org", "Externship", "Dear Dr. Moss,\n\nCould your office issue an externship invitation letter for my visa appointment?\n\nAmina",
			""},
		{"lchen@northgate-health.org", "Interest", "Dear Dr. Chen,\n\nTraining in Lakeside's clinical informatics fellowship would let me carry my sepsis work straight onto the wards.\n\nAmina",
			"wrong-program"},
		{"hpark@lakeside-med.org", "Thank you", "Dear Dr. Park,\n\nI liked hearing that your fellows and Meridian's run the regional journal club together.\n\nAmina",
			""},
		{"rmoss@stbrendans.org", "My list", "Dear Dr. Moss,\n\nI've typed and deleted this four times, so simply: St. Brendan's is my first choice.\n\nAmina",
			"top-choice"},
		{"lchen@northgate-health.org", "Update", "Dear Dr. Chen,\n\nI loved your story about building your first registry as a fellow back at Harbor Valley; Dr. Okoye's version of it was just as good.\n\nAmina",
			""},
		{"jfeld@meridian.edu", "Positions", "Dear Dr. Feld,\n\nAre all of Meridian's fellowship positions filled through the AMIA match, or does the program ever fill one off-cycle?\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Contracts", "Hi Diego,\n\nI understand the Match is binding: if I rank a program and the program ranks me and we match, both sides are obligated. When are contracts sent?\n\nAmina",
			""},
		{"imresidency@northgate-health.org", "Schedule", "Hi Diego,\n\nIs the research block given in exchange for fewer elective weeks?\n\nAmina",
			""},
		{"ci-fellowship@lakeside-med.org", "Virtual interview", "Hi Marcus,\n\nI had minor wrist surgery last week and my surgeon asked me not to fly until January, so could I interview by video?\n\nAmina",
			""},
	}
	for _, c := range cases {
		wantRules(t, e, outDraft(c.to, c.subj, c.body), at, c.want)
	}
	reply := outDraft("rmoss@stbrendans.org", "Re: Thank you for visiting St. Brendan's", "Dear Dr. Moss,\n\nThank you for such a kind note. I enjoyed every part of the interview day and remain very interested.\n\nAmina")
	reply.Quoted = "> Dear Dr. Rahman, it was a joy to host you."
	wantRules(t, e, reply, at, "")
}
