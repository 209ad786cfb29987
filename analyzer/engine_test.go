package analyzer

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/matchguard/matchguard/config"
)

func corpusConfig(t testing.TB) *config.Config {
	t.Helper()
	c, err := config.Load("../testdata/mail/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func testEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := NewEngine(corpusConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// memHistory is an in-memory History for tests.
type memHistory struct{ sent []Sent }

func (h *memHistory) TopChoicePrograms(before time.Time) ([]string, error) {
	var out []string
	for _, s := range h.sent {
		if s.TopChoice && s.At.Before(before) {
			out = append(out, s.Program)
		}
	}
	return out, nil
}

func (h *memHistory) Updates(program string, before time.Time) ([]time.Time, error) {
	var out []time.Time
	for _, s := range h.sent {
		if s.Update && s.Program == program && s.At.Before(before) {
			out = append(out, s.At)
		}
	}
	return out, nil
}

func (h *memHistory) SimilarSends(sk Sketch, program string, min float64, before time.Time) ([]Similar, error) {
	var out []Similar
	for _, s := range h.sent {
		if s.Program == program || !s.At.Before(before) {
			continue
		}
		if sc := sk.Similarity(&s.Sketch); sc >= min {
			out = append(out, Similar{Program: s.Program, Subject: s.Subject, At: s.At, Score: sc})
		}
	}
	return out, nil
}

func (h *memHistory) InterviewDate(string) (time.Time, bool, error) { return time.Time{}, false, nil }

func (h *memHistory) record(r Result, m *Message, at time.Time) {
	h.sent = append(h.sent, Sent{At: at, Program: r.Program, Subject: m.Subject, Verdict: string(r.Verdict), Facts: r.Facts})
}

func outDraft(to, subject, body string) *Message {
	return &Message{
		From: []Address{{Addr: "amina.rahman@example.org"}}, To: []Address{{Addr: to}},
		Subject: subject, Text: body, Own: body,
	}
}

var when = time.Date(2026, 11, 14, 10, 0, 0, 0, time.UTC)

func rulesOf(r Result) string {
	ids := r.Rules()
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

func TestPhraseRules(t *testing.T) {
	e := testEngine(t)
	tests := []struct {
		body string
		want string // sorted rule ids, comma-separated
	}{
		// quid-pro-quo
		// An offer that names a first place is also a top-choice statement.
		{"If you rank me highly, I will rank you first.", "quid-pro-quo,top-choice"},
		{"Should your program see me as a strong fit for its list, I'd happily reciprocate by placing you at the very top of mine.", "quid-pro-quo,top-choice"},
		{"I would be glad to return the favor on my own list.", "quid-pro-quo"},
		{"I understand both sides must rank independently, and I am not asking for any commitment.", ""},
		// pressure: a date to plan travel by is no ultimatum; a threat to
		// move on without an answer is
		{"The agenda and the invitation give different start times. Could you let me know by Monday which time is correct?", ""},
		{"If I don't have an answer by Tuesday evening, I will assume the program is not interested and look elsewhere.", "pressure"},
		{"I would hate for the program to miss out on me because the committee waited too long.", "pressure"},
		// meanings first met in blind sets oo and pp
		{"Could you tell me which tier of applicants I fell into once the committee met?", "rank-solicitation"},
		{"I would love to hear where the committee sees me: am I someone you would realistically rank?", "rank-solicitation"},
		{"I'm prepared to withdraw my other applications so the program knows I'm serious.", "binding-commitment"},
		{"Whatever happens with the other interviews, I'll be coming to the program in July.", "binding-commitment"},
		{"Could things be settled between us now, rather than waiting for the match?", "premature-offer-ask"},
		{"Kindly send me the offer letter so that I can begin my visa paperwork.", "premature-offer-ask"},
		{"I have a feeling we would each put the other near the top, which makes my decision easy.", "quid-pro-quo"},
		{"The program has become the place I would most like to train.", "top-choice"},
		{"My partner and I split up in the spring.", "oversharing"},
		{"I keep landing in the same place: the program is my first choice.", "top-choice"},
		// blind sets ss and rr
		{"I am happy to rank the program near the top of my list.", ""},
		{"I'd be glad to tell you where the program falls on my list once I know where I fall on yours.", "quid-pro-quo,rank-solicitation"},
		// blind set xx (metaphor and idiom)
		{"One hand washes the other, as they say.", "quid-pro-quo"},
		{"Where I end up placing the program depends almost entirely on where the program ends up placing me.", "quid-pro-quo"},
		{"If you already know you'd like to have me, why wait for Match Day?", "premature-offer-ask"},
		{"The ball is in your court, and I'll need a yes or no by Friday.", "pressure"},
		{"I've already committed the day to the second look and promise to be there by one.", ""},
		// blind sets ww (traps) and vv (a season)
		{"Our order set shows vancomycin as the first choice for suspected sepsis.", ""},
		{"If a program ranks me and I rank that program, does the algorithm place me with the program highest on my own list?", ""},
		{"I especially liked how your team routes time-sensitive sepsis alerts to the rapid-response nurse.", ""},
		{"I commit code to the alert repository most weeks.", ""},
		{"The program will be first on my rank list, and that decision is final.", "binding-commitment,top-choice"},
		// blind set tt (the block rules)
		{"If both sides place each other near the top, everybody wins.", "quid-pro-quo"},
		{"I will gladly rank the program favorably, as long as I can count on the same from you.", "quid-pro-quo"},
		{"If you happen to hear anything from the committee about where I landed, please pass it along.", "rank-solicitation"},
		{"Happy belated Thanksgiving to the whole team.", ""},
		// blind set uu (the hold rules)
		{"Unless somebody writes back by Friday noon, I will assume the program has moved on and withdraw.", "pressure"},
		{"I expect a reply to my request within 48 hours.", "pressure"},
		{"I will sign with the program, whatever else comes my way.", "binding-commitment"},
		{"Could the program offer me a place now, so that I can stop applying elsewhere?", "premature-offer-ask"},
		// blind set qq (IMG voices)
		{"I shall give your esteemed institute first preference in my list if you will also consider me kindly in your rank list.", "quid-pro-quo,top-choice"},
		{"Respected Sir, kindly tell me if I am among the applicants your program plans to rank.", "rank-solicitation"},
		{"Will the committee rank me or not? A yes or no is enough.", "rank-solicitation"},
		{"I hope and pray that you and your family are in good health.", ""},
		{"Because my mother was hospitalized, I could not write to you sooner.", ""},
		{"I was committed to completing the certificate before the rank deadline, and I did.", ""},
		// rank-solicitation
		{"Any indication of where I stand on your list would mean a lot.", "rank-solicitation"},
		{"Could you let me know whether I will be ranked to match?", "rank-solicitation"},
		{"Do you plan to rank me highly?", "rank-solicitation"},
		{"What are my chances of matching at Lakeside?", "rank-solicitation"},
		{"I am not asking where I stand, only sharing my enthusiasm.", ""},
		{"When are rank lists due to be certified this year?", ""},
		// innocent words
		{"Our paper appeared in a top-ranked journal.", ""},
		{"I committed the code to our repository last week.", ""},
		{"The hospital offered me an observership in 2024.", ""},
		{"I rank-ordered the EHR alerts by severity first.", ""},
		// top choice
		{"After interviewing at several programs, Lakeside is my top choice.", "top-choice"},
		{"I will rank your program first.", "top-choice"},
		{"Lakeside is one of my top choices.", ""},
		{"Lakeside is one of the programs where I can most clearly envision myself training.", ""},
		// binding commitment
		{"I promise I will rank you first.", "binding-commitment,top-choice"},
		{"I will withdraw all my other applications if needed.", "binding-commitment"},
		{"I am deeply committed to clinical informatics.", ""},
		// premature offer
		{"Do you offer any pre-match positions for international graduates?", "premature-offer-ask"},
		{"Would you consider offering me a spot before the Match?", "premature-offer-ask"},
		// pressure
		{"I have another offer and need your answer by Friday.", "pressure"},
		{"I have written three times and still have no response.", "pressure"},
		{"Please reply at your earliest convenience.", ""},
		// oversharing
		{"My father passed away in March and I have been struggling with depression since.", "oversharing"},
		{"I built a depression screening dashboard for our clinic.", ""},
		{"I will require J-1 visa sponsorship.", ""},
		// veiled asks about her standing
		{"One question I did not get to ask in the session: where would a candidate with my background typically fall on your rank list?", "rank-solicitation"},
		{"Would you happen to know whether Dr. Park plans to rank me?", "rank-solicitation"},
		{"Is there anything I could do before December 10 to move up on the program's list?", "rank-solicitation"},
		{"Any small hint about whether I should keep my hopes up would mean a great deal.", "rank-solicitation"},
		{"I did not get to ask about the research month; I will bring it up with the fellows.", ""},
		// answering the program's question about a gap is no oversharing;
		// "thank you for asking" before a flood of hardship still is
		{"Thank you for asking about the gap in my training: I spent 2023 caring for my father after his surgery.", ""},
		{"Thank you for asking. To be honest, my mother was diagnosed with cancer last month and my savings are almost gone.", "oversharing"},
		// formal Englishes and odd places (blind sets zb and zc, in other words)
		{"With due respect, I beg to submit that I have completed my internship.", ""},
		{"I beg you to consider my case, my family has nothing left.", "oversharing"},
		{"I now work at the national e-health programme, where I am leading the growth chart rollout.", ""},
		{"Kindly let me know whether the committee has put me high enough to match.", "rank-solicitation"},
		{"I am ready to sign any undertaking your office may require before the lists close.", ""},
		{"My MRI results came back abnormal and another operation may be required.", "oversharing"},
		{"Since my divorce I have been in therapy, and we are in debt after my father's surgery.", "oversharing"},
		{"This note is later than planned because of my father's surgery.", ""},
		// another season's outbox (blind set zi, in other words)
		{"Do you think I am going to be matched at Lakeside?", "rank-solicitation"},
		{"I'll put Lakeside high on my list, and you can rely on that.", "binding-commitment"},
		{"I have to hear back from you about the call schedule before Friday.", "pressure"},
		// innocent words (blind set zg, in other words)
		{"I signed a commitment letter with my department to see the sepsis pilot through go-live.", ""},
		{"Is an earlier time possible for the hospital tour?", ""},
		{"Could you tell me where I stand in the line for the visitor badge?", ""},
		{"My employer offered me a contract extension last month, which I turned down.", ""},
		{"Sorry if you can't say - do you know if the committee has me ranked high enough to match?", "rank-solicitation"},
		// said without saying it (blind set ze, in other words)
		{"Honestly, my final list will mirror who wants me most.", "quid-pro-quo"},
		{"I'd like my rank list to reflect where I'm wanted.", "quid-pro-quo"},
		{"Even a small sign of how the committee sees me would settle the order for me.", "quid-pro-quo,rank-solicitation"},
		{"Do you think I should be preparing backup plans?", "rank-solicitation"},
		{"I have written to my other programs that I won't be coming.", "binding-commitment"},
		{"For me there is no second place on my list.", "top-choice"},
		{"If I had to choose only one program, it would be Lakeside.", "top-choice"},
		{"Is there a route into the fellowship that doesn't go through the match?", "premature-offer-ask"},
		{"Could your offer be put in writing now rather than after the results?", "premature-offer-ask"},
		{"I'm happy to put it in writing.", "binding-commitment"},
		{"My other offer expires Monday, and I'll be making my decision then.", "pressure"},
		{"I've been sleeping on a friend's couch since August.", "oversharing"},
		// fresh words, probed before a held-out set does
		{"Is there any chance I made the cut for your list?", "rank-solicitation"},
		{"Could you let me know if I should be hopeful?", "rank-solicitation"},
		{"I wonder if I should be more hopeful about the new EHR rollout.", ""},
		{"My list will reflect the interest your program shows in me.", "quid-pro-quo"},
		{"I have already decided: I'm coming to Lakeside, full stop.", "binding-commitment"},
		{"I'm coming to Lakeside on Thursday for the second look.", ""},
		{"I made the cut for the national informatics olympiad in 2019.", ""},
		// each rule, six new ways (blind set zh, in other words)
		{"Where the program sits on my own list will hinge on where I sit on the committee's.", "quid-pro-quo,rank-solicitation"},
		{"If you could confirm that I am comfortably within your matching range, I'd be glad to make the program my first choice.", "quid-pro-quo,rank-solicitation,top-choice"},
		{"Once the committee has met, could you say whether I fell in the top or bottom half of the group?", "rank-solicitation"},
		{"Might Dr. Park be able to tell me if I'm likely to wind up ranked high enough?", "rank-solicitation"},
		{"The program is locked in at the top of my list, and I will never be moving it down.", "binding-commitment,top-choice"},
		{"Lakeside will stay in my top two no matter what happens in January.", "binding-commitment"},
		{"I'm gladly putting that in writing for the committee.", "binding-commitment"},
		{"Our abstract went to AMIA last week; I will write again if it is accepted.", ""},
		{"A friend asked which place I would choose if I could choose only one, and I said the program.", "top-choice"},
		{"The program will be ranked first on my certified list.", "top-choice"},
		{"I'm relying on a reply from you within two days, since my visa appointment depends on it.", "pressure"},
		// what the forums told her to write (blind set zk, in other words)
		{"Since the Step 3 fees we have been buried in credit card debt, and my sister will have to drop out of college unless I keep paying her fees.", "oversharing"},
		{"I hope the committee will take my family situation into account when the list is made.", "oversharing"},
		{"We are getting by, but only just.", "oversharing"},
		{"Our team paid down a lot of technical debt in the order-entry code this year.", ""},
		{"The program will be first on my list, and nothing in the coming weeks is going to change that.", "binding-commitment,top-choice"},
		// a careful applicant's bad week (blind set zj, in other words)
		{"Should you be able to say, even briefly, that I am going to match at the program, I would have no hesitation in ranking the program first.", "quid-pro-quo,rank-solicitation,top-choice"},
		{"Any sign that I would be ranked to match would let me give the program the place on my list it has earned.", "quid-pro-quo,rank-solicitation"},
		{"If the committee kept a spot for me, the program would receive the top place on my list.", "quid-pro-quo,top-choice"},
		{"Whatever happens, I am keeping my first place for the program.", "top-choice"},
		{"I wonder if you could give me some idea of where my interview left me among this year's candidates.", "rank-solicitation"},
		{"Three programs have called to tell me that I'm likely to match with them, so I have a decision to make soon.", "pressure"},
		{"A clinic in Ohio offered me a staff job; it is a firm offer and they want my answer within a week.", "pressure"},
		{"My son's visa was refused in March, and we could no longer afford daycare, so I haven't seen my wife in two months.", "oversharing"},
		{"My mother nursed every sick neighbour in our village, and that is where my interest in care began.", ""},
		{"The program will remain in my top three, I have decided it, and I never break my word.", "binding-commitment"},
		{"I was inspired by Dr. Okafor's description of the telehealth network.", "wrong-program"},
		{"If you could tell me whether I am likely to be ranked high enough, I would know whether I should keep waiting or accept the other job.", "rank-solicitation"},
		{"However high the program puts me, I will put it just as high, and a note from you about where that might be would settle it.", "quid-pro-quo,rank-solicitation"},
		// polished by a writing assistant (blind set zl, in other words)
		{"Sure! Here's a more professional version of your email:", "placeholder"},
		{"Let me know if you'd like a shorter version or a warmer tone!", "placeholder"},
		{"Here is the updated version of my poster that I mentioned.", ""},
		{"Please keep my situation in mind when you set the call schedule; I am on nights that week.", ""},
		{"Dear Dr. [Interviewer's Last Name],", "placeholder"},
		// the casual insider (blind set zo, in other words)
		{"If you guys offered me a spot now I'd sign that very day and drop out of the match.", "binding-commitment,premature-offer-ask"},
		{"tbh y'all are my #1, not even close", "top-choice"},
		{"put me high enough to match and you're my #1, sound good?", "quid-pro-quo,top-choice"},
		{"Should the committee put me near the top, the program is at the top of mine.", "quid-pro-quo,top-choice"},
		{"New year, and the program gets the #1 spot on my list, for sure - locking it in so you can count on me.", "binding-commitment,top-choice"},
		{"I'm ranking the program first, end of story, and nothing that happens in my last few interviews this month is going to change that.", "binding-commitment,top-choice"},
		{"I had a really rough breakup in October and I've been a total mess, so matching with you would help me put my life back together.", "oversharing"},
		{"My poster got a podium slot and I'm thrilled and a little terrified!", ""},
		{"{{program_name}} is my first choice!", "placeholder,top-choice"},
		// answering the program (blind set zm, in other words)
		{"Could the program offer me the job ahead of the Match? I would drop out of the NRMP the same week.", "binding-commitment,premature-offer-ask"},
		{"You asked me whether the program is my top choice; I would rather keep my list to myself.", ""},
		{"The program will sit among my top three, you have my word.", "binding-commitment"},
		{"I'll be emailing your office every few days until I hear back.", "pressure,update-limit"},
		{"It would be unfair to keep me waiting after all I have done.", "pressure"},
		{"If the salary works, I would love to accept the post before the match.", "premature-offer-ask"},
		// the last two weeks before the deadline (blind set zp, in other words)
		{"Two other fellowships have written to say they plan to rank me highly, and I hope the committee will weigh that interest when it meets.", "pressure"},
		{"Could you give me even a little hint about where I stand before I certify?", "rank-solicitation"},
		{"Should you be able to tell me that I am in a position to match, I would put the program first.", "quid-pro-quo,rank-solicitation,top-choice"},
		{"I'll absolutely keep the program in my top three.", "binding-commitment"},
		{"I promise I will work harder than any resident you have ever trained.", ""},
		{"My chair has confirmed in writing that I can leave my post in June.", ""},
		{"Harbor Valley's coordinator emailed yesterday to say they hope I'll rank them first, so I hope you will take their interest into account.", "pressure"},
		// talking about the rank list (blind set zq, in other words)
		{"A colleague told me some programs offer to rank applicants highly in exchange for a promise; I would never do that.", ""},
		{"When you wrote that you hope to rank me highly, does that mean I'm likely to match with you if I put you near the top?", "rank-solicitation"},
		{"If I rank one program first and miss it, does that hurt my chances at my second choice?", ""},
		{"I want you to know that if I match with you, you'll get someone who chose the program on purpose.", ""},
		{"I have been given until Monday to accept a position outside the match at another hospital.", ""},
		{"You can rest assured that the program will be the first name on my list.", "binding-commitment,top-choice"},
		{"I promise the program will be ranked in my top two.", "binding-commitment"},
		{"My certified list will begin with the program.", "top-choice"},
		{"A good place on your list will be met with the top spot on mine.", "quid-pro-quo,top-choice"},
		{"Could you hint at whether I am somewhere in the top half?", "rank-solicitation"},
		// threads (blind set zs, in other words)
		{"I have decided: I will rank the program first. You have my word.", "binding-commitment,top-choice"},
		{"I am hoping to bring this work to the Harbor Valley fellowship.", "wrong-program"},
		// innocent words (blind set zr, in other words)
		{"Would I list the categorical and the preliminary track separately on my list?", ""},
		{"Thank you for calling me on Tuesday about the research block.", ""},
		{"My mother has surgery on January 12, and I will be flying home that week, so could we find another date?", ""},
		{"The patch, which we committed on Friday (commit 9f3c2ab1), fixes the matching.", ""},
		// each rule five ways (blind set zu, in other words)
		{"I can easily see myself working alongside the Harbor Valley fellows on your informatics council.", "wrong-program"},
		{"<add a sentence here about the remote patient monitoring program they run> It ties in with my own work.", "placeholder"},
		{"Should the committee decide to rank me within matching range, Lakeside would move straight to the top line of my list.", "quid-pro-quo,top-choice"},
		{"Whichever program picks me highest will find I have picked it highest as well.", "quid-pro-quo"},
		{"We are midway through a round of IVF, so my energy may vary in December.", "oversharing"},
		{"My uncles sold their farm to pay for my board exams.", "oversharing"},
		{"My parents borrowed from two cousins to send me here.", "oversharing"},
		{"Lakeside will be ranked no lower than third on my list, and that is settled.", "binding-commitment"},
		{"I would hate for my patience to have been in vain.", "pressure"},
		{"If your office needs anything while I travel, I will reply within hours.", ""},
		{"I have placed the program above all other fellowships I interviewed with.", "top-choice"},
		// a Latin American and Southern European voice (blind set zt, in other words)
		{"Thank you for the interview at [Nombre del hospital] last week.", "placeholder"},
		{"A hospital in Lisbon needs my answer by Friday, so I ask that the committee take this into account when finishing its list.", "pressure"},
		{"I cannot wait much longer for news.", "pressure"},
		{"Last month a clinic in Porto offered me a post outside the national match, which I declined.", ""},
		// the block-level rules said sideways (blind set zw, in other words)
		{"Has the committee said anything about me since Monday's meeting?", "rank-solicitation"},
		{"I'd love to hear how I came across to the interviewers.", "rank-solicitation"},
		{"Could the program hold a place for me on its rank list until my scores arrive?", "rank-solicitation"},
		{"Should I be nervous, or am I in good standing with the committee?", "rank-solicitation"},
		{"Could you save me a seat on the hospital tour?", ""},
		{"If the program's list looks anything like mine, we will both be celebrating in March.", "quid-pro-quo"},
		{"If you nudge the committee so I end up near the top of the program's list, Lakeside becomes number one on mine.", "quid-pro-quo"},
		{"I'd make Lakeside my first choice, provided the committee does the same for me.", "quid-pro-quo,top-choice"},
		{"Should Lakeside decide to rank me, Lakeside would be the only program on my list.", "quid-pro-quo,top-choice"},
		{"I promise the program a top spot on my list.", "binding-commitment,top-choice"},
		{"Does the program sponsor [H-1B/J-1] visas?", "placeholder"},
		{"Amina Rahman [she/her], PGY-3", ""},
		{"I can really picture myself training at Bayside Medical Center next July.", "wrong-program"},
		{"I did my observership at Bayside Medical Center last spring.", ""},
		{"I hope to keep working with Bayside Medical Center researchers on the registry.", ""},
		{"Hi Priya, thanks for the schedule.", "wrong-program"},
		{"Hi Marcus, thanks for the schedule.", ""},
		{"The old template printed a raw {{first_name}} token in every letter.", ""},
		// second-language English and phone-typed drafts (blind set zv, in other words)
		{"can u check if i am in ur top 10?", "rank-solicitation"},
		{"I wish to know if the committee has the intention to rank me.", "rank-solicitation"},
		{"The program will rank twenty candidates; am I within that group or not?", "rank-solicitation"},
		{"Kindly let me know whether my good self will be ranked.", "rank-solicitation"},
		{"It will be unfair if the committee does not consider me properly.", "pressure"},
		{"I am counting on you personally.", "pressure"},
		{"I am a practising Hindu and I pray every morning.", "oversharing"},
		{"We are hoping to start a family next year.", "oversharing"},
		{"So far I have interviewed at 11 programs.", "oversharing"},
		{"Is there any pre-match position I could apply for?", "premature-offer-ask"},
		{"I will rank only Lakeside in the Match.", "binding-commitment,top-choice"},
		// the hold-level rules in a season's rhythm (blind set zx, in other words)
		{"Is there any chance of an early acceptance from the program before the match results are out?", "premature-offer-ask"},
		{"Could we make my place official now, before the new year?", "premature-offer-ask"},
		{"After everything I have sacrificed, please don't leave me hanging.", "pressure"},
		{"You will not need to guess where the program lands on my list: it's the top spot, and I'm not one to change my mind.", "binding-commitment,top-choice"},
		{"If the program offers me a position, I'll sign with you the same day.", "binding-commitment"},
		{"Could the program mail me an offer letter by the end of the month?", "premature-offer-ask"},
		{"I need to know by Friday whether the program can offer me a place; otherwise I must accept elsewhere.", "premature-offer-ask,pressure"},
		{"Dr. Okafor at Harbor Valley told me I interviewed well.", ""},
		{"Otherwise I will have to accept Harbor Valley's offer.", "pressure"},
		// traps: innocent mail full of the rules' words (blind set zy, in other words)
		{"In my thesis, if an applicant ranks a program first and that program ranks the applicant first, the algorithm guarantees they match.", ""},
		{"Our recommender only pairs a mentee with a mentor when both would rank each other highly.", ""},
		{"Of the three dashboards we built, the sepsis dashboard is the one I would rank first.", ""},
		{"Could you tell me where my application stands with regard to missing letters?", ""},
		{"I may be slow to reply this week, but I will send the slides by Friday.", ""},
		{"Our NLP pipeline flags depression and financial hardship in clinic notes.", ""},
		{"[x] Step 3 passed", ""},
		{"The letter is rendered from a template:\n    Dear {{ parent.name }},\nEach field is filled from the record.", ""},
		{"The query reads:\nWHERE mrn = {mrn}\nThe {mrn} marker is a bound parameter.", ""},
		{"Working with Dr. Okafor showed me one thing: Harbor Valley's program is exactly where I want to train.", "wrong-program"},
		// copy, paste, send (blind set ya, in other words)
		{"Please thank Priya for organizing the day so smoothly.", "wrong-program"},
		{"Thank you, Diego, for coordinating every detail.", "wrong-program"},
		{"Thank you, Marcus, for coordinating every detail.", ""},
		{"I would be glad to come back to NRH for a second look in December.", "wrong-program"},
		{"I joined a multi-site study led by Dr. Laura Chen at Northgate Regional Hospital last spring.", ""},
		{"I will rank [Program Name] first on my list.", "placeholder,top-choice"},
		{"I remain very enthusiastic about the program, especially:\nthe sepsis alert governance committee\nthe MSU Informatics curriculum's focus on evaluation", "wrong-program"},
		{"Sincerely,\nAmina Rahman, MD\nApplicant, Applied Clinical Informatics Fellowship, Meridian State University", "wrong-program"},
		// one applicant's whole outbox (blind set yb, in other words)
		{"Our visit convinced me that Harbor Valley would be an excellent environment for my growth.", "wrong-program"},
		{"The program will stay near the top of my list. You have my word on that.", "binding-commitment"},
		{"I just opened my Match result and I am thrilled to be joining the program. I am fully committed to the program and cannot wait to start.", ""},
		// asking where she stands, in every register (blind set yc, in other words)
		{"Honestly, what odds would you give that I match with you in March?", "rank-solicitation"},
		{"I'd place Lakeside first if only I knew you were placing me high enough to match.", "quid-pro-quo,rank-solicitation,top-choice"},
		{"One word from your side and Harbor Valley goes to the top of my list.", "quid-pro-quo,rank-solicitation,top-choice"},
		{"I'd be grateful to learn whether the faculty regard me as competitive for a spot.", "rank-solicitation"},
		{"Could you perhaps tell my advisor, off the record, where I stand?", "rank-solicitation"},
		{"The undersigned undertakes to place the Program first on her rank order list.", "binding-commitment,top-choice"},
		{"Is my application a priority for the committee this cycle?", "rank-solicitation"},
		{"Can I bank on matching with you?", "rank-solicitation"},
		{"Is the committee counting on me for July?", "rank-solicitation"},
		{"Could you share what the panel concluded about my candidacy?", "rank-solicitation"},
		{"My list will be very generous to Lakeside; I hope yours is equally generous to me.", "quid-pro-quo"},
		{"Where would you put me, on a scale of one to ten?", "rank-solicitation"},
		{"Between a long shot and a sure thing, where do you think I stand?", "rank-solicitation"},
		{"From maybe to definitely, where would you guess I am?", "rank-solicitation"},
		{"Glad to list you first if you will list me first.", "quid-pro-quo,top-choice"},
		{"Deal: you get my first place, I get yours.", "quid-pro-quo,top-choice"},
		{"My number one slot in return for your number one slot?", "quid-pro-quo,top-choice"},
		{"Would I be someone you'd like to have in next year's class?", "rank-solicitation"},
		{"Please confirm the applicant's placement on the program's rank order list.", "rank-solicitation"},
		{"I'd love to know if the faculty think I'm a strong enough applicant to be ranked to match.", "rank-solicitation"},
		{"If you feel the same, I'd love to hear it, and my ranking will reflect that.", "quid-pro-quo,rank-solicitation"},
		{"Did my name make it onto your list?", "rank-solicitation"},
		{"Would you consider me competitive for a position at Meridian?", "rank-solicitation"},
		{"To be clear, nothing in this email depends on how the program ranks me.", ""},
		{"None of this is conditional on how you rank me.", ""},
		{"I hope the committee sees me as a strong candidate.", ""},
		{"Should I plan on arriving by 8 for the second look?", ""},
		{"Is the program planning on hybrid interviews next year?", ""},
		{"Where would you say I should park on the day?", ""},
		{"The committee decided to move the social online.", ""},
		{"Nothing would make me happier than training at Lakeside.", ""},
		// slots, other programs and mirrored trades, probed in fresh words
		{"Dear Dr. %LASTNAME%,\n\nThank you for the interview.", "placeholder"},
		{"Dear Dr. <<Director>>, thank you for your time.", "placeholder"},
		{"I was impressed by the ____ rotation and its mentorship.", "placeholder"},
		{"Dear Dr. Park,\nI loved learning about INSERT PROJECT NAME HERE.", "placeholder"},
		{"Dear Dr. Park,\nI am excited about the program at [[SCHOOL]].", "placeholder"},
		{"My reference list: [1] Park H. JAMIA 2024. [2] Chen L. ACI 2025.", ""},
		{"Please find my CV attached [PDF, 2 pages].", ""},
		{"I cannot wait to join the Meridian fellows next July.", "wrong-program"},
		{"Dr. Feld's description of the curriculum convinced me this is the right fit.", "wrong-program"},
		{"I am grateful to Dr. Okafor and the whole Harbor Valley team for hosting me.", "wrong-program"},
		{"Before applying, I did a research elective at Harbor Valley Health with Dr. Okafor.", ""},
		{"I presented our sepsis model at the Meridian State University symposium last spring.", ""},
		{"If you can see your way to ranking me, I can see my way to ranking you first.", "quid-pro-quo,top-choice"},
		{"Your program at the top of mine, mine at the top of yours: everyone wins.", "quid-pro-quo,top-choice"},
		{"I'd reciprocate any show of interest on your part with first place on my list.", "quid-pro-quo,top-choice"},
		{"Tell me I'm ranked to match and you're my number one.", "quid-pro-quo,rank-solicitation,top-choice"},
		// promises, pressure, early-offer asks and hardship (blind set yd, in other words)
		{"Let Dr. Park know that if Lakeside will have me, I'm coming. I'm signing with you, end of story.", "binding-commitment"},
		{"Let Dr. Chen know that if Northgate will have me, I'm coming.", "binding-commitment,wrong-program"},
		{"Please tell Dr. Chen he can count on me.", "wrong-program"},
		{"My visa ends in June, and if I don't have anything settled by then I will have to leave the country.", "oversharing"},
		{"I would like to request that the program issue me a formal offer of appointment in advance of and separate from the Match.", "premature-offer-ask"},
		{"The train is early, so I guarantee I'll be punctual for the 8 a.m. start.", ""},
		{"By the way, a competing offer with a deadline on Friday is sitting with me, so the sooner you can tell me anything, the better.", "pressure"},
		{"I'll be declining everything else that comes along so that I can train at Lakeside.", "binding-commitment"},
		{"Cancelling my remaining interviews this week and saying no to anything else.", "binding-commitment"},
		{"Failing a substantive reply by noon Thursday, I shall regard my candidacy as withdrawn.", "pressure"},
		{"Since my wife walked out in August I have been crashing on a friend's sofa and sometimes in the car.", "oversharing"},
		{"After all the interview travel my checking account is at $38.20 and both cards are maxed out.", "oversharing"},
		{"I burned through nearly all of my savings this season and I am selling my furniture to make rent.", "oversharing"},
		{"My father has not been able to work since his stroke, and I repay a loan from my cousin every month.", "oversharing"},
		{"I have had an offer from another hospital for a research post outside the match, and they asked me to decide by March 1.", "pressure"},
		{"My visa ends in June, and if nothing is settled by then I will have to leave the country.", "oversharing"},
		{"Lakeside is going straight to the top of my rank list, and that is a promise.", "binding-commitment,top-choice"},
		{"Once I match through the AMIA match in December, should I then withdraw from the NRMP, or does that happen on its own?", ""},
		{"Could I withdraw from the match if you offered me a position now?", "premature-offer-ask"},
		{"After a December match, what is the usual way to leave the NRMP: withdraw before its deadline, or is it done for me?", ""},
		// one letter, five programs; a different applicant's season (blind sets yf and yg, in other words)
		{"I keep rereading the projects on the [fellowship website] since my visit.", "placeholder"},
		{"I'd love to hear how [chief resident name]'s project turns out.", "placeholder"},
		{"I am writing to update my application to the (institution).", "placeholder"},
		{"Could you confirm that the letter from Dr. [referee] arrived?", "placeholder"},
		{"I was struck by [CLINIC NAME - check the website], which fits my work.", "placeholder"},
		{"Last spring I gave an invited talk at Harbor Valley Health's seminar on alert fatigue.", ""},
		{"I remain very interested in the Applied Clinical Informatics Fellowship.", "wrong-program"},
		{"I published our override study in Applied Clinical Informatics last year.", ""},
		{"Dr. Okafor's remark on interview day about alert governance has stayed with me.", "wrong-program"},
		{"An update, and the reading list", ""},
		{"Lakeside will be number one, and I will certify it tomorrow exactly like this. You have my word on it.", "binding-commitment,top-choice"},
		{"I will rank Lakeside very high on my list. It is decided and I won't change it, so the program can count on me.", "binding-commitment"},
		{"Lakeside will be number one.", "top-choice"},
		{"Last night I read the fellows' project page of Harbor Valley Health. The sepsis work there is exactly what I hope to do as a fellow.", "wrong-program"},
		{"I did my research elective at Harbor Valley Health. The sepsis work there showed me what I hope to do as a fellow.", ""},
		// the fine line between interest and commitment (blind set yi, in other words)
		{"If I match with Lakeside I will absolutely come, you can count on that.", "binding-commitment"},
		{"Lakeside sits at the top of my list now. You have my word.", "binding-commitment,top-choice"},
		{"Lakeside is #1", "top-choice"},
		{"Lakeside is first on my list and I promise it will stay there.", "binding-commitment,top-choice"},
		{"I'll rank Lakeside highly and hope the feeling is mutual.", ""},
		{"I drafted my list three times and it keeps coming out the same way.", ""},
		{"Could you tell me whether I'm in a matching position? If so, I'd gladly rank Lakeside first.", "quid-pro-quo,rank-solicitation,top-choice"},
		{"A research group offered me a post and needs an answer by Friday. Not asking you for anything, just keeping you posted.", ""},
		{"I'd rank Lakeside first if I knew the committee saw me the same way.", "quid-pro-quo,rank-solicitation,top-choice"},
		// her words inside threads (blind set yh, in other words)
		{"Since you asked where Lakeside falls on my list: it's first.", "top-choice"},
		{"Honestly, the mentorship model at Harbor Valley is what I keep coming back to.", "wrong-program"},
		{"My mentor at Harbor Valley Health, Dr. Okafor, taught me to measure alert burden.", ""},
		// thank-yous and attachments (blind set yj, in other words)
		{"Thank you for your helpful answer last week about the research block.", ""},
		{"Do most fellows arrive with an idea of their own, or is there a list of projects to pick from?", ""},
		// a confident insider's season (blind set yk, in other words)
		{"Any chance I'm on your roster come rank time?", "rank-solicitation"},
		{"Honest question: am I a first-round pick for you, or a long shot?", "rank-solicitation"},
		{"Where do I sit on the Lakeside ROL?", "rank-solicitation"},
		{"Lakeside is my first-round pick, by a mile.", "top-choice"},
		{"You're my top pick if I'm yours. Deal?", "quid-pro-quo,top-choice"},
		{"I'm all in on anything that gets clinicians and engineers in one room.", ""},
		{"My mentors, the fellows and the curriculum all point the same way, and I know we each build our rank lists independently.", ""},
		// a formal, indirect voice (blind set ym, in other words)
		{"After much reflection, I have put Lakeside at the head of mine.", "top-choice"},
		{"Could you let me know, quietly, that Lakeside plans to rank me somewhere I would match?", "rank-solicitation"},
		{"I was wondering whether my husband and I are being viewed positively by the committee for the rank list.", "rank-solicitation"},
		{"Could you tell me where my file is at the moment, and whether my dean's letter has been received yet?", ""},
		{"If you could tell me that the committee intends to place me high enough, I would then rank Lakeside first.", "quid-pro-quo,rank-solicitation,top-choice"},
		{"Permit me to assure you, with complete sincerity, that I shall rank Lakeside very high on my list.", "binding-commitment"},
		{"I am still deeply committed to training in clinical informatics, and I would value any advice you might give.", ""},
		{"Should Lakeside view my application kindly when its list is made, I would gladly do the same.", "quid-pro-quo"},
		{"I hope it is not improper to ask whether I am ranked to match at Lakeside.", "rank-solicitation"},
		// an anxious reapplicant (blind set yn, in other words)
		{"That would be my first choice of away site if it still runs.", ""},
		{"The new order set goes live on our surgical floors next week.", ""},
		{"My husband's mother has advanced kidney disease and started dialysis in May.", "oversharing"},
		{"I underwent a spinal fusion operation in April.", "oversharing"},
		{"We still owe roughly $95k in loans from my medical school years.", "oversharing"},
		{"We are three months behind on rent.", "oversharing"},
		{"If you can confirm by Friday, that lets me book my flight, but I understand if it is too soon.", ""},
		{"Ever since a webinar two years ago, I have been drawn to Pinecrest's Clinical Informatics Fellowship.", "wrong-program"},
		{"Pinecrest is exactly the kind of program where I could learn to build tools clinicians trust.", "wrong-program"},
		{"During my residency at Mercy Harlow, Mercy Harlow's informatics program taught me to love data.", ""},
		{"Dr. Hollis's program of research on alert fatigue is why I applied to informatics.", ""},
		{"I met two fellows from Pinecrest's informatics program at AMIA.", ""},
		// template accidents (blind set yo, in other words)
		{"Would you mind passing this note along to Dr. Okafor?", "wrong-program"},
		{"I look forward to the chance of joining the Pinecrest Health Informatics Fellowship next July.", "wrong-program"},
		{"I look forward to the chance of joining the Lakeside fellowship next July.", ""},
		// the ranking rules every way (blind set yp, in other words)
		{"Please issue me a written employment agreement, to take effect before and independently of the Match.", "premature-offer-ask"},
		{"Honestly I am terrified, and I have barely slept in days.", "oversharing"},
		{"I will submit a list with Lakeside in the first position. That undertaking is irrevocable.", "binding-commitment,top-choice"},
		{"Could you let her know whether the committee plans to rank her?", "rank-solicitation"},
		{"I'm ready to rank Lakeside first. In return I would only want to know that I am within your top ten.", "quid-pro-quo,rank-solicitation,top-choice"},
		{"Upon the program's written assurance that it will place my application high enough, I will list Lakeside first.", "quid-pro-quo,rank-solicitation,top-choice"},
		{"If Lakeside could rank Omar highly, I would rank Lakeside first.", "quid-pro-quo,top-choice"},
		{"My husband and I are planning our lists together this month.", ""},
		{"Lakeside remains the program I would most like to join.", "top-choice"},
		// an exception in the second sentence of a pair is seen there
		{"I plan to rank Lakeside first. I know we rank independently and I'm not asking for anything in return; I just wanted you to know.", "top-choice"},
		// short messages typed like texts (blind set yq, in other words)
		{"hi! am i even on ur list haha", "rank-solicitation"},
		{"ngl... am i in ur top 5?", "rank-solicitation"},
		{"can u lmk if i'm still in the running", "rank-solicitation"},
		{"lakeside ur my number one, locked in", "binding-commitment,top-choice"},
		{"i'll def rank lakeside high, i swear", "binding-commitment"},
		{"decided: lakeside is the one for me", "top-choice"},
		{"thx for the news! can't wait to hopefully be a northgate fellow", "wrong-program"},
		// a study group's many Englishes (blind set yr, in other words)
		{"If you will kindly consider me, I shall also consider Lakeside as my first.", "quid-pro-quo,top-choice"},
		{"I am committed to studying clinical informatics wherever I train.", ""},
		// the last weeks before lists lock (blind set yu, in other words)
		{"Any sense of my odds at this point?", "rank-solicitation"},
		{"Should I feel confident heading into match day?", "rank-solicitation"},
		{"I'd put Lakeside first if I knew I'd be ranked highly.", "quid-pro-quo,rank-solicitation,top-choice"},
		{"I understand that the Match itself is binding, and I will be glad to go wherever it places me.", ""},
		{"I submitted my list with Lakeside at the top, and I won't change it.", "binding-commitment,top-choice"},
		{"Lakeside would be first on mine.", "top-choice"},
		{"Is there any chance you could make me an offer before Friday?", "premature-offer-ask"},
		// threads (blind set yt, in other words)
		{"When you told me you'd love to see me in July, I felt the same way.", ""},
		{"If you can tell me I'm within your top five, I'll rank Lakeside first.", "quid-pro-quo,rank-solicitation,top-choice"},
		// visas, partners and family (blind set yv, in other words)
		{"If Lakeside can sponsor me on an H-1B, I would put Lakeside first on my list.", "quid-pro-quo,top-choice"},
		{"I'd gladly place Lakeside at the top of my list if you could hold one of the H-1B positions for me.", "quid-pro-quo,top-choice"},
		{"If you could let me know that I'm high enough on Lakeside's list to match, I would rank Lakeside first.", "quid-pro-quo,rank-solicitation,top-choice"},
		{"Is there any way you could tell me if I'm ranked high enough at Lakeside to actually match there?", "rank-solicitation"},
		{"There is one thing I need to know before I finalize it: your program's visa policy.", ""},
		{"J-1 or otherwise, I will make it work.", ""},
		{"My daughter was recently diagnosed with type 1 diabetes and is on insulin four times a day.", "oversharing"},
		// formatted letters (blind set yw, in other words)
		{"My note template has {{patient_name}}, {{weight_percentile}} and {{last_visit}} fields that fill from the chart.", ""},
		// answering the program's own questions (blind set yx, in other words)
		{"Honestly? Lakeside is at the very top.", "top-choice"},
		{"The research track is my first choice, with the operations track a close second.", ""},
		// long letters (blind set zz, in other words)
		{"Would it be realistic to expect to be matched at Lakeside, or should I look elsewhere?", "rank-solicitation"},
		{"My roommate's lease ends and my landlord has given me until Friday; honestly I'm falling apart.", "oversharing"},
		{"A clinic here has offered me a job and the director wants my decision before March 1.", "pressure"},
		{"The rotation I would most want to see is the operational informatics block.", ""},
		{"Consider this an honest account of where I stand.", ""},
		{"I passed Step 2 in June, the exam I had committed to taking before applying.", ""},
		// typed on a phone
		{"where do i land on ur list??", "rank-solicitation"},
		{"if u rank me high ill put u first", "quid-pro-quo,top-choice"},
		{"thx so much, ill be in touch if i have questions abt the curriculum", ""},
		// blind set yz, in other words: her first place for the favour
		// returned, for the first sign of wanting her, for a line from them
		{"I'm prepared to hand Lakeside my top spot; all I'd ask is that the favour is returned when the committee puts its list together.", "quid-pro-quo,top-choice"},
		{"The first program that shows me it really wants me goes to the top of my list.", "quid-pro-quo,rank-solicitation"},
		{"A quick line from you would decide it, and Lakeside would be first.", "quid-pro-quo,top-choice"},
		{"My mentor hopes the favour is returned when her committee reviews our joint grant.", ""},
		// her own reply after a trip; a week that is hers; her promise held
		{"My phone is off on the flight; otherwise I'll answer as soon as I land.", ""},
		{"Any answer would help me settle my travel this week.", ""},
		{"I will rank Lakeside first, and you can hold me to that.", "binding-commitment,top-choice"},
		// blind set xz, in other words: a sign of their choosing her, her
		// place in the pile, whether to keep hoping; her choice made simple
		// by their word
		{"Any hint that Lakeside would choose me would mean the world.", "rank-solicitation"},
		{"Is my file anywhere close to the top of the stack?", "rank-solicitation"},
		{"Please just tell me whether I should keep hoping.", "rank-solicitation"},
		{"Any word from you, however small, would make my choice much simpler.", "quid-pro-quo"},
		{"The sign that you put up at the garage helped me find the entrance.", ""},
		{"I read that the top of the stack is where the newest orders land.", ""},
		{"I was ill during the interview season, so the U. of Ur. project slipped.", ""},
		// blind sets vb and vc, in other words: a favour for her first
		// place, a nod about the top, which way they lean, a day set for
		// an answer after a long question, first place given as a pledge
		{"If you'd vouch for me with the selection committee, Lakeside would go right to the top of my list.", "quid-pro-quo,top-choice"},
		{"Speak up for me at the faculty meeting and I'll put Lakeside at number one.", "quid-pro-quo,top-choice"},
		{"Thank you for putting in a good word for me with the housing office.", ""},
		{"Would you give me a nod if I'm in the upper half?", "rank-solicitation"},
		{"I can't tell which way the admissions committee is leaning; any sense you could share would help.", "rank-solicitation"},
		{"I'm curious how the team is leaning on the new sepsis alert threshold.", ""},
		{"I'm not asking which way the committee is leaning.", ""},
		{"Do you think it would be right to rank the program first?", ""},
		{"I have to know whether the program will have room for one more interview in its January sessions by Friday.", "pressure"},
		{"Take this as my pledge: Lakeside is the first program on my rank list.", "binding-commitment,top-choice"},
		{"I say this as a firm commitment and not a passing feeling: Lakeside will be first on my list.", "binding-commitment,top-choice"},
		{"Lakeside is first on my list. I won't reconsider that.", "binding-commitment,top-choice"},
		{"I'll build my list on my own judgement, and I expect the program will do the same.", ""},
		{"It was great to meet [Chief resident name] on the tour.", "placeholder"},
		// blind sets vd and ve, in other words: another program as the
		// right one, her inspiration or the place she will see them; a
		// date past which it is too late; a place, a guarantee or a sure
		// match assured her for her first place; an attached file's mark
		{"In my opinion the track of Northgate Regional Hospital is right program for me.", "wrong-program"},
		{"I was deeply inspired by the dosing pathway at HVH.", "wrong-program"},
		{"See you all at Harbor Valley on the 12th!", "wrong-program"},
		{"After that date it will be too late for me to change my plans.", "pressure"},
		{"I need to know until Monday, please.", "pressure"},
		{"If you can guarantee me a spot, Lakeside goes first on my list.", "premature-offer-ask,quid-pro-quo,top-choice"}, // (a guaranteed place asked for is an offer asked for, session 18)
		{"A firm word from your side would earn Lakeside my first place.", "quid-pro-quo,top-choice"},
		{"If I were sure I'd match with Lakeside, I'd rank it first.", "quid-pro-quo,top-choice"},
		{"My list is Lakeside's to top if you rank me to match.", "quid-pro-quo,top-choice"},
		{"Here is my CV, <<Rahman_CV_2027.docx>>, as you asked.", ""},
		// blind sets vf and vg, in other words: nothing wanted in return;
		// an offer asked for before the deadline is no question of rank;
		// what follows a match asked about; the one she wants; a day set
		// for their answer about her rank; a condition that cannot happen;
		// a person's name left for later; IDs masked on purpose; another
		// program's page given as theirs
		{"I plan to rank the program highly on my own, and I expect nothing at all in return.", ""},
		{"Is there a way the program could extend me an offer before the rank deadline?", "premature-offer-ask"},
		{"Roughly how long after Match Day do new fellows receive their appointment letters?", ""},
		{"Honestly, Lakeside is the one I want.", "top-choice"},
		{"Nothing I have seen comes close.", "top-choice"},
		{"Please let me know by Friday whether the program plans to rank me.", "pressure,rank-solicitation"},
		{"Please sort it out by Monday; if that can't happen, I will assume you are not interested.", "pressure"},
		{"I enjoyed meeting Dr. TBD on the tour.", "placeholder"},
		{"The screenshots show record numbers masked as MRN-XXXX.", ""},
		{"I reread your program page (https://www.harborvalley.edu/fellowship) last night.", "wrong-program"},
		{"I reread your program page (https://www.lakeside-med.org/fellowship) last night.", ""},
		// blind sets vh and vi, in other words: the asks said softly, the
		// trades implied; a plain reason for a request and a reply to a kind
		// question are no oversharing
		{"I would love to know whether the door is still open for me.", "rank-solicitation"},
		{"Could you tell me whether I'm still in the picture for July?", "rank-solicitation"},
		{"Honestly, should I think of Lakeside as a realistic option for me?", "rank-solicitation"},
		{"Is my application still under consideration as the committee builds its list?", "rank-solicitation"},
		{"What could help me land near the top of your list?", "rank-solicitation"},
		{"I keep wondering whether I came across as a candidate the committee would want to rank.", "rank-solicitation"},
		{"Should I be expecting good news on Match Day?", "rank-solicitation"},
		{"I admit I hope to learn whether I'll be training with you next year.", "rank-solicitation"},
		{"It seems only fair that I should know where I stand on yours.", "quid-pro-quo,rank-solicitation"},
		{"Programs that show they want me will end up at the top of my list.", "quid-pro-quo"},
		{"Hearing how high I rank there would tip my decision your way.", "quid-pro-quo,rank-solicitation"},
		{"I have a question that has nothing to do with where I stand: is parking validated?", ""},
		{"By the end of the week, Lakeside came out first.", "top-choice"},
		{"My father is in hospital, so would it be possible to interview by video?", ""},
		{"My sister's wedding went beautifully, thanks so much for asking.", ""},
		// blind set vj, in other words: the one, the only; her coming
		// settled; a letter of intent asked for; money and medicine at
		// length
		{"You guys are going right to the top of my list.", "top-choice"},
		{"After that visit I knew: Lakeside is the one.", "top-choice"},
		{"Lakeside is the only program I could honestly see myself at.", "top-choice"},
		{"Please tell Dr. Park she can count me in.", "binding-commitment"},
		{"On my end, it's decided.", "binding-commitment"},
		{"Could you write me a letter of intent for the consulate?", "premature-offer-ask"},
		{"I have roughly $9,500 of travel sitting on two credit cards.", "oversharing"},
		{"The MRI came back with a small tear, so I am on painkillers for now.", "oversharing"},
		// blind set ua, in other words: asking without asking, and trades
		// implied
		{"Could you tell me how my application is faring with the faculty?", "rank-solicitation"},
		{"I am waiting to hear that the feeling is mutual.", "rank-solicitation"},
		{"Am I on the safe side of the cutoff?", "rank-solicitation"},
		{"I'd love to know whether I'm still in the committee's plans.", "rank-solicitation"},
		{"Any little hint that the committee rates me would help.", "rank-solicitation"},
		{"All I would ask in return is that I end up high on your list.", "quid-pro-quo"},
		{"I order programs the same way they order me.", "quid-pro-quo"},
		{"Make my decision easy and I'll make the program's decision an easy one if the program makes mine easy too.", "quid-pro-quo"},
		{"Lakeside and I could be each other's first choice.", "quid-pro-quo,top-choice"},
		// session 12: her standing asked for in any soft frame (the
		// standing and solicit concepts), and the trades that hang on it
		{"A short reply about whether I'm still in the frame would mean a lot.", "rank-solicitation"},
		{"Should I keep looking elsewhere?", "rank-solicitation"},
		{"Knowing whether the faculty returned my enthusiasm would be a great help.", "rank-solicitation"},
		{"I'd be grateful for any sense of my standing before the lists close.", "rank-solicitation"},
		{"Please tell me if the committee shares my excitement.", "rank-solicitation"},
		{"Is my name on your short list?", "rank-solicitation"},
		{"I hope I'll be near the top of your list.", "rank-solicitation"},
		{"I'd rank Lakeside first in a heartbeat if I knew I had a genuine chance there.", "quid-pro-quo,top-choice"},
		{"Please take this as my commitment - you will not have to wonder whether I'll go elsewhere.", "binding-commitment"},
		{"I shared my enthusiasm for the project with Dr. Park.", ""},
		{"I would be grateful for an update on my visa paperwork.", ""},
		{"My odds of passing Step 3 look good, my advisor says.", ""},
		{"Dr. Park's team was in the picture when the system went live, which I appreciated.", ""},
		{"I hope the feeling is mutual, but whatever happens in March, I am grateful for the welcome.", ""},
		// blind sets ug, uh, ul, in other words
		{"Please let me know which forms the GME office needs and by when.", ""},
		{"I can picture myself contributing to Harbor Valley's clinical decision support work.", "wrong-program"},
		{"At AMIA I spoke with Dr. Okafor from Harbor Valley, who told me that your team's sepsis work changed how they build alerts.", ""},
		{"I know both sides rank independently, so I'll only say this: if the committee ranks me to match, I'll put Lakeside first on mine.", "quid-pro-quo,top-choice"},
		{"do u know if dr park and the committee are ranking me high enough to match?", "rank-solicitation"},
		{"Running 10 min late, will be there asap!", ""},
		// blind sets uo and up, in other words: a couples match, a favour
		// for her partner, pledges and demands in other Englishes
		{"Before we finalize our pairs, we need to know whether both of us are likely to match with you.", "rank-solicitation"},
		{"If Lakeside ranks me high enough and you put in a good word with Dr. Lee for my husband, we will put Lakeside at the top of our couples list.", "quid-pro-quo,top-choice"},
		{"If there is anything you could do to help my husband's application get a look, I'd rank Lakeside first.", "quid-pro-quo,top-choice"},
		{"I give you my solemn word that if Lakeside takes me, I will come.", "binding-commitment"},
		{"Please consider this letter my written obligation to join.", "binding-commitment"},
		{"I must insist to receive your answer before Friday.", "pressure"},
		{"Either you propose me an interview date this week, or I will consider my application refused.", "pressure"},
		// blind sets us and ut, in other words
		{"I have talked with several fellowships, Harbor Valley and Meridian among them, and what stood out to me at Lakeside is how early fellows start building.", ""},
		{"I interviewed at several fellowships, including Harbor Valley, and what stood out to me at Lakeside was the governance rotation.", ""},
		// session 13, blind set ta: trades and asks in other words
		{"Hold me a place on your list and I'll hold one for you on mine.", "quid-pro-quo,rank-solicitation"},
		{"Should the committee come to think of me the way I think of Lakeside, I'd be delighted to make it mutual.", "quid-pro-quo"},
		{"If things line up on both sides, you'll never need to guess where Lakeside stands for me.", "quid-pro-quo"},
		{"If I could just get some sense that I'm within your matching range, I'd happily rank Lakeside accordingly.", "quid-pro-quo"},
		{"If I could only hear that I'm part of your plans, you would have my loyalty for good.", "quid-pro-quo,rank-solicitation"},
		{"Please save me a seat at the welcome dinner and I'll bring the slides you asked for.", ""},
		{"Do you think I should keep my hopes up for a spot?", "rank-solicitation"},
		{"My mentor asked whether your list usually stretches far enough to reach applicants like me.", "rank-solicitation"},
		{"I'm keeping my hopes up for the sepsis paper, which goes to review next week.", ""},
		{"Is there any way we could settle this between us sooner?", "premature-offer-ask"},
		{"Confirmed, please treat this as a firm commitment; I'll be at the front desk by 8 on the 10th.", ""},
		{"If the reviewers are kind and it's accepted, I'll be presenting the poster in April.", ""},
		// session 13, blind sets te and tf: a first place and a promise said sideways
		{"Lakeside is where my rank list starts; the rest are a long way behind.", "top-choice"},
		{"Of every program I saw, Lakeside is the one I'm rooting for.", "top-choice"},
		{"There's no other fellowship I'd sooner train at.", "top-choice"},
		{"You will never need to worry whether I'll show up in July.", "binding-commitment"},
		{"For me the match is only a formality now.", "binding-commitment"},
		{"I've quit looking at apartments elsewhere.", "binding-commitment"},
		{"Whatever the lists say, I'm not going anywhere.", "binding-commitment"},
		{"We're relocating to Lakeside next summer.", "binding-commitment"},
		{"I'm not going anywhere this weekend, so I can review the draft tonight.", ""},
		{"Better you hear it from me now than keep a spot on your list for someone who won't be ranking Lakeside.", ""},
		{"My lease is up in March, so I have to decide soon whether to renew it for another year.", ""},
		{"There's no other program I'd swap it for.", "top-choice"},
		{"Put me high enough to match and Lakeside will be the only program I list.", "quid-pro-quo,top-choice"},
		// blind set ti: where she'd land, asked; her own arrival time is no deadline
		{"Would you be willing to tell me roughly where I'd fall on your list?", "rank-solicitation"},
		{"Confirmed, I'll be at the front desk by 8:15 on Thursday.", ""},
		{"I need the new date confirmed by Monday, or I will have to cancel.", "pressure"},
		// blind set tj: money in figures, payments missed; her own clock set for the program
		{"I took out a loan of about $18,000 from my uncle to pay for the interviews.", "oversharing"},
		{"I'm behind on two rent payments since my contract ended.", "oversharing"},
		{"My notice period ends on the 20th, and before then I need to know what the committee has decided about me.", "pressure,rank-solicitation"},
		{"My student loan payments start in July, so I'm glad the fellowship includes a stipend.", ""},
		// blind set tm: texting shorthand for "yours"
		{"ur program is great. where would i fall on urs?", "rank-solicitation"},
		{"where do I stand for the group photo?", ""},
		// blind set tn: a couple's match
		{"My wife is interviewing for orthopedic surgery programs this winter.", ""},
		{"My father's surgery is next week and I have been at his bedside every night.", "oversharing"},
		{"If your department can make sure the surgery program ranks her high enough to match, we'll list Lakeside as the first pair on our couples list.", "quid-pro-quo,top-choice"},
		{"You have our word that we'll rank the program first.", "binding-commitment,top-choice"},
		{"Could you ask the surgery department to rank my husband highly?", "rank-solicitation"},
		// blind set tr: asks dressed as process questions
		{"How far down your list do you usually go, and would an applicant with my profile normally be within that range?", "rank-solicitation"},
		{"If you were in my shoes, where would you put Lakeside?", "rank-solicitation"},
		{"Roughly where did my application land relative to the group you rank highest?", "rank-solicitation"},
		{"Lakeside is my first choice. Would telling the committee that improve my chances?", "quid-pro-quo,top-choice"},
		{"I'd happily rank Lakeside first; I'd just like to know it would count for something on your side.", "quid-pro-quo,top-choice"},
		{"Where did I land on the shuttle list for Thursday?", ""},
		{"How many positions do you usually fill through the match, and when is your list certified?", ""},
		// blind set tq: formal English
		{"I shall join the call at 8:00 [Eastern Time] as requested.", ""},
		{"Kindly confirm my selection before the Match so that I may inform my parents.", "premature-offer-ask"},
		{"If you kindly place my name high in your list, I shall keep your esteemed institution at the first place of my preference list.", "mass-email,quid-pro-quo,top-choice"},
		{"Should the programme match with me, I shall accept the position and join without fail.", "binding-commitment"},
		// blind set tv: telling, not asking
		{"I want Lakeside to know that I'm certain: if I'm matched with you, I will sign the same day and never reconsider.", "binding-commitment"},
		{"I would like to know whether I'm ranked high enough to match at Lakeside.", "rank-solicitation"},
		// blind set sb: another program's event, named for it
		{"I heard your talk at the Harbor Valley Health Informatics Symposium last Saturday, and it changed how I frame my analysis.", ""},
		// blind set sa: the subtle half
		{"If I end up near the top of yours, you won't need to guess where you are on mine.", "quid-pro-quo"},
		{"If that is where I stand with the committee, I will gladly do the same when I build my list.", "quid-pro-quo"},
		{"Is there anything in my file that would stop me from being ranked high enough to match?", "rank-solicitation"},
		{"Would it be worth my while keeping my other interviews in January?", "rank-solicitation"},
		{"Could Lakeside give me a definite answer before the match results are out?", "premature-offer-ask"},
		{"Could the GME office start my visa paperwork now, on the understanding that I'll be joining you?", "premature-offer-ask"},
		{"Could you make sure she gets back to me by Wednesday at the latest?", "pressure"},
		{"Is it worth keeping the hotel booking if the weather turns?", ""},
		{"It was a real pleasure to meet Dr. Okafor and hear his vision for the fellowship.", "wrong-program"},
		{"I was struck by how early your track lets fellows take on their own projects.", ""},
		{"December 8 would be my first choice, with December 15 as my second.", ""},
		// blind sets va and vk, in other words: the ask in disguise
		{"I hope I left as good an impression on the committee as Lakeside left on me - I'd love to know.", "rank-solicitation"},
		{"I'd be so grateful for any word on how the meeting went for me.", "rank-solicitation"},
		{"If it's likely that I'll be joining you, any hint would help me plan my spring.", "rank-solicitation"},
		{"I'd only ask that you be as candid about where I am on your list.", "rank-solicitation"},
		{"I keep wondering whether the committee views me as a strong candidate.", "rank-solicitation"},
		{"If I withdrew them this week, would Lakeside be in a position to offer me the fellowship position?", "premature-offer-ask"},
		{"You asked where I stand on the alert-fatigue debate, so let me answer more plainly.", ""},
		{"Thank you for the quick reply, and yes, I did meet Dr. Okafor at the symposium.", ""},
		// blind set vt, in other words: the gravest two said every way
		{"Would someone with a profile like mine usually end up ranked high enough to match at Lakeside?", "rank-solicitation"},
		{"Will my name be on Lakeside's dance card come March?", "rank-solicitation"},
		{"Between us, did the committee seem to like me?", "rank-solicitation"},
		{"If Lakeside had a big board, where would I be on it?", "rank-solicitation"},
		{"Is there a realistic chance I'll match with Lakeside?", "rank-solicitation"},
		{"I hope my help with the chart reviews would count in my favour when the committee finalizes its list.", "quid-pro-quo"},
		{"I hope Lakeside will keep me in mind when it finalizes its list, just as I will keep Lakeside in mind when finalizing mine.", "quid-pro-quo"},
		// session 14, blind sets se and sf, in other words: asks and trades in courtesy
		{"I'd be most grateful to learn, even informally, whether the committee has already placed me somewhere on its list where a match is realistic.", "rank-solicitation"},
		{"If your committee is generous enough to rank me to match, Lakeside will find itself ranked just as generously on my side.", "quid-pro-quo"},
		{"Our residents were ranked just as highly as the faculty in the teaching survey.", ""},
		{"If Lakeside gives me a place in the match, I'm coming, full stop.", "binding-commitment"},
		{"If you give me a place on the shuttle list, I'll be there at 7.", ""},
		{"Dr. Chen's assistant, who replied to me within an hour, was wonderful.", ""},
		{"I know from your email that this is urgent for the GME office, so the form is attached.", ""},
		{"If anything else is needed I shall send it at once.", ""},
		{"I know you are busy, but this is urgent: I need an answer by Friday.", "pressure"},
		{"Leading the go-live was exciting and a little terrifying.", ""},
		{"I am terrified that my visa will be refused and I will lose everything.", "oversharing"},
		{"Our reminder texts once went out as \"Hi {{patient.first_name}}, your visit is tomorrow\", which the patients loved.", ""},
		// blind set si: a return promised in other words, a coming treated as settled, a first place told after the list
		{"If the committee ends up seeing me as a strong fit, please know that the regard would be repaid in full on my own list.", "quid-pro-quo"},
		{"Please consider my coming to Lakeside as settled.", "binding-commitment"},
		{"Lakeside is my first choice, and that is not going to change.", "binding-commitment,top-choice"},
		{"When I submit my list on Thursday, Lakeside will be at the top of it.", "top-choice"},
		{"I'd rather not share my other interviews; I'm trying to treat every program the same way on that.", ""},
		// blind sets sm and sn: a promise of one program alone, a softener after the ask, a status question
		{"From today I commit myself to Lakeside, and I will not list any other program.", "binding-commitment"},
		{"With the deadline close, I'm just wondering where I stand on your list - no pressure, and I understand if you can't say.", "rank-solicitation"},
		{"I know programs can't share where applicants stand, so I will simply say how much I enjoyed the day.", ""},
		{"Dr. Feld's team hosts the seminar every spring, and they asked me for a short talk.", ""},
		// blind sets sq and sr: being ranked is not ranking; a question asked back; a guarantee asked for; a funeral
		{"Would you be able to tell me if I'm currently ranked high enough on Lakeside's list to match?", "rank-solicitation"},
		{"I'd prefer not to share how I'm putting my own list together, but could I ask in return how the committee sees me?", "rank-solicitation"},
		{"I need to know this week whether you can guarantee me a fellowship spot.", "premature-offer-ask,pressure"},
		{"If you tell me I'm ranked to match, I will turn down all my other interviews.", "quid-pro-quo,rank-solicitation"},
		{"My grandfather passed away last week and I flew home for the funeral.", ""},
		{"I'm sorry to miss the welcome dinner; my brother is having surgery that day.", ""},
		// blind sets sv and sw: an idiom, a one-line emergency, a commitment asked for, a trade that asks nothing
		{"The results feel very far away from where I sit, so I keep busy with the registry project.", ""},
		{"I have to fly home tomorrow because of a family emergency, so I can't attend the open house.", ""},
		{"Could Lakeside commit to a position for me now, ahead of the match?", "premature-offer-ask"},
		{"If the committee can rank me in a position where I would match, I will put Lakeside at the top of my list.", "quid-pro-quo,top-choice"},
		{"Could you tell me where I would match, roughly?", "rank-solicitation"},
		// blind sets sz and ra: feedback after a decline, attendance confirmed, a small operation, a process question
		{"I would value brief feedback on where my application fell short, so I can reapply stronger.", ""},
		{"I confirm my commitment to attend in person on Thursday and will be in the lobby by 7:45.", ""},
		{"I had a minor wrist procedure last month, so I would appreciate a seat near the front for the tour.", ""},
		{"Does the board attestation need to be signed before the match, or only after?", ""},
		{"Can St. Brendan's promise me a spot now?", "premature-offer-ask"},
		// blind sets rd and re: a venue, a third party's recommendation, an offer to send, a place asked for
		{"I presented the results at a chapter meeting hosted at Meridian State University last week.", ""},
		{"Dr. Okafor at Harbor Valley mentioned your rotation with the state exchange when we met in September.", ""},
		{"I'd be glad to send the poster draft if useful. Otherwise I'll simply say the work has made me more certain of my path.", ""},
		{"Could Lakeside commit to offering me a position before the match, so that I can decline the other position?", "premature-offer-ask"},
		// blind sets rh and ri: a couple's season
		{"Would you be able to tell us where we each ended up on Lakeside's rank list?", "rank-solicitation"},
		{"If Lakeside takes me in the match, I am coming. You have my word.", "binding-commitment"},
		{"Lakeside is our first choice, for both of us.", "top-choice"},
		{"My husband and I have finished talking through our lists, and Lakeside is my first choice.", "top-choice"},
		{"I'll be arriving Monday evening from Meridian State University, where I'm giving a talk.", ""},
		{"I'll be slow on email until January 11; I'm abroad for my grandmother's funeral.", ""},
	}
	for _, tt := range tests {
		res, err := e.Check(Input{Msg: outDraft("hpark@lakeside-med.org", "Follow-up", tt.body), Now: when}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := rulesOf(res); got != tt.want {
			t.Errorf("%q\n  rules = %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestExpandTextSpeak(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ur my #1 if im yours?", "you're my #1 if i'm yours?"},
		{"thx for thurs. ur list is long", "thanks for thursday. your list is long"},
		{"ill be ranking u", "i'll be ranking you"},
		{"i was ill yesterday; id card attached", "i was ill yesterday; id card attached"},
		{"Dr. U. Rahman", "Dr. U. Rahman"},
		{"Ur, Iraq — pls reply", "Ur, Iraq — please reply"},
		{"nothing to change", "nothing to change"},
		{"", ""},
	}
	for _, tt := range tests {
		got, back := expandTextSpeak(tt.in)
		if got != tt.want {
			t.Errorf("expandTextSpeak(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got == tt.in {
			if back != nil {
				t.Errorf("expandTextSpeak(%q): a map for an unchanged text", tt.in)
			}
			continue
		}
		if len(back) != len(got)+1 || back[len(got)] != len(tt.in) {
			t.Fatalf("expandTextSpeak(%q): map of %d offsets for %d bytes", tt.in, len(back), len(got))
		}
		for k := 1; k < len(back); k++ {
			if back[k] < back[k-1] {
				t.Errorf("expandTextSpeak(%q): map goes back at %d", tt.in, k)
			}
		}
	}
}

// A finding in a text typed on a phone quotes what she typed, and its
// offsets point into her text, not into the written-out one.
func TestTextSpeakFindingQuotesHerWords(t *testing.T) {
	e := testEngine(t)
	body := "Hi Dr Park! Loved the visit.\n\nwhere do i land on ur list?? pls lmk"
	res, err := e.Check(Input{Msg: outDraft("hpark@lakeside-med.org", "thx!!", body), Now: when}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) == 0 {
		t.Fatal("no finding")
	}
	f := res.Findings[0]
	if want := "where do i land on ur list??"; !strings.Contains(f.Excerpt, want) || strings.Contains(f.Excerpt, "your") {
		t.Errorf("excerpt = %q, want her words %q", f.Excerpt, want)
	}
	if got := body[f.Start:f.End]; !strings.Contains(got, "ur list") {
		t.Errorf("offsets %d:%d point at %q, not at her sentence", f.Start, f.End, got)
	}
}

func TestLogicRules(t *testing.T) {
	e := testEngine(t)
	tests := []struct {
		to, subject, body string
		want              string
	}{
		{"hpark@lakeside-med.org", "Interest", "Dear Dr. [Last Name],\n\nI am writing about [Institution].", "placeholder"},
		{"hpark@lakeside-med.org", "Interest", "Dear Dr. ____,\n\nThank you.", "placeholder"},
		{"hpark@lakeside-med.org", "Interest", "Hi {{first_name}}, greetings.", "placeholder"},
		{"hpark@lakeside-med.org", "Interest", "See [1] Rahman A, et al. and the chart [screenshot below].", ""},
		{"hpark@lakeside-med.org", "Thanks", "I enjoyed our talk about [specific topic from the interview].", "placeholder"},
		{"hpark@lakeside-med.org", "Thanks", "Thank you for meeting with me on November XX.", "placeholder"},
		{"hpark@lakeside-med.org", "Thanks", "I enjoyed our talk [mention a project of theirs] yesterday.", "placeholder"},
		{"hpark@lakeside-med.org", "Thanks", "My CV [PDF attached as requested] is below.", ""},
		{"hpark@lakeside-med.org", "Thanks", "He said the order set was \"finished [sic]\" last week.", ""},
		// a system's unfilled field quoted as she saw it; her own blank
		// quoted as a title
		{"hpark@lakeside-med.org", "Interest", "The banner displayed, verbatim, \"Allergy check for <Patient> pending\" all week.", ""},
		{"hpark@lakeside-med.org", "Interest", "Our paper titled \"[Title]\" was accepted.", "placeholder"},
		// a template's field named as such, in her project's story
		{"hpark@lakeside-med.org", "Update", "In 3% of reports the template field {patient_name} was blank, so we moved the merge step.", ""},
		// template code she shows, set apart by indentation
		{"hpark@lakeside-med.org", "Template", "The reminder template is:\n\n    {% if lang == \"bn\" %}\n    Dear {{ patient.first_name }}, see you on {{ appt.date }}.\n    {% endif %}\n\nIt cut no-shows.", ""},
		{"hpark@lakeside-med.org", "Thanks", "Dear {{ pd_last_name }},\n\nThank you.\n\n    {% raw %}", "placeholder"},
		// another program's committee addressed, and its work as what she wants
		{"imresidency@northgate-health.org", "News", "Dear Mr. Alvarez,\n\nI am sharing this good news with the St. Brendan's selection committee.", "wrong-program"},
		{"jfeld@meridian.edu", "Summary", "Dear Dr. Feld,\n\nMentorship: paired research mentors\nWhy I applied: Harbor Valley's telehealth work is exactly what I want to learn", "wrong-program"},
		// asked of one program, a question only another can answer
		{"informatics.fellowship@harborvalley.edu", "Question", "Dear Ms. Natarajan,\n\nThe Harbor Valley curriculum looks strong. Could you let me know whether Lakeside still offers a research month?", "wrong-program"},
		{"informatics.fellowship@harborvalley.edu", "Question", "Dear Ms. Natarajan,\n\nI spent two months as an observer at Lakeside University Medical Center, which is where I met the informatics team.", ""},
		// A slot the mail client wrapped across two lines, and a note to
		// oneself left inside brackets.
		{"hpark@lakeside-med.org", "Thanks", "Speaking with Dr. [Interviewer 2\nlast name] was a highlight.", "placeholder"},
		{"hpark@lakeside-med.org", "Thanks", "I enjoyed hearing about the [NICU project - check name in\nnotes] and the device data work.", "placeholder"},
		{"hpark@lakeside-med.org", "Thanks", "The alert study [see the attached abstract,\npage 2] shows the effect.", ""},
		// a brace name used in a path is code wherever it appears
		{"hpark@lakeside-med.org", "Summary", "Each request is GET /Patient/{patient_id}/Observation, with {patient_id} filled in from the clinic list.", ""},
		{"hpark@lakeside-med.org", "Thanks", "Dear {first_name},\n\nThank you for the interview.", "placeholder"},
		{"hpark@lakeside-med.org", "Interest", "I believe (program name) would be an excellent environment for my training.", "placeholder"},
		{"hpark@lakeside-med.org", "Interest", "The dashboard (built in Tableau) cut review time by half.", ""},
		// the interview this note is about, at another program that the
		// note to this one never names
		{"informatics.fellowship@harborvalley.edu", "Question", "Dear Ms. Natarajan,\n\nI am still thinking about my interview day at Lakeside University Medical Center. Does the fellowship cover AMIA travel?", "wrong-program"},
		{"informatics.fellowship@harborvalley.edu", "Question", "Dear Ms. Natarajan,\n\nMy interview day at Lakeside University Medical Center is on the 12th; could my Harbor Valley interview move to the 13th?", ""},
		{"hpark@lakeside-med.org", "Interest", "Dear Dr. Okafor,\n\nThank you for the interview.", "wrong-program"},
		{"hpark@lakeside-med.org", "Interest", "Dear Dr. Park,\n\nI am excited about the fellowship at Harbor Valley Health.", "wrong-program"},
		{"hpark@lakeside-med.org", "Interest", "Dear Dr. Park,\n\nDuring my observership at Harbor Valley Health I built dashboards.", ""},
		// A history word, then the wish for the future: the future decides.
		{"hpark@lakeside-med.org", "Interest", "Dear Dr. Park,\n\nI read about the data rotation, and I'd be honoured to join the Harbor Valley team next July.", "wrong-program"},
		{"hpark@lakeside-med.org", "Interest", "Dear Dr. Park,\n\nI would be proud to continue my training at Harbor Valley Health.", "wrong-program"},
		{"hpark@lakeside-med.org", "Interest", "Dear Dr. Park,\n\nI would love to continue that work at Lakeside; it began during my rotation at Harbor Valley Health.", ""},
		// Another program's interview day asked of this program, which the
		// note never names: sent to the wrong coordinator. Naming both is a
		// scheduling question.
		{"sokafor@harborvalley.edu", "Schedule", "Dear Dr. Okafor,\n\nCould you confirm whether the LUMC interview day starts at 8:00?", "wrong-program"},
		{"sokafor@harborvalley.edu", "Schedule", "Dear Dr. Okafor,\n\nMy LUMC interview day is November 12; could my Harbor Valley interview move to the 13th?", ""},
		// A bare mail-merge field, and the same field inside another form
		// found once.
		{"hpark@lakeside-med.org", "Interest", "Dear Dr. Park,\n\nTraining at INSTITUTION_NAME would be a privilege.", "placeholder"},
		{"hpark@lakeside-med.org", "Interest", "Dear Dr. Park,\n\nThe HL7_FHIR interface and the ICU_LOS table were my project.", ""},
		// Another program named as where she wants to train, whatever
		// history words come before it.
		{"hpark@lakeside-med.org", "Interest", "Dear Dr. Park,\n\nHarbor Valley Health is where my quality-improvement background would be put to use.", "wrong-program"},
		{"hpark@lakeside-med.org", "Interest", "Dear Dr. Park,\n\nThe chance to extend my research at Harbor Valley Health is exactly why I'm applying.", "wrong-program"},
		{"hpark@lakeside-med.org", "Interest", "Dear Dr. Park,\n\nMy research at Harbor Valley Health taught me to build order sets.", ""},
		// A merge field in guillemets; a note to herself in brackets.
		{"hpark@lakeside-med.org", "Thanks", "Dear Dr. «LastName»,\n\nThank you for the day.", "placeholder"},
		{"hpark@lakeside-med.org", "Update", "Dear Dr. Park,\n\nOur pilot cut delays by [Amina - add the final numbers here before sending].", "placeholder"},
		// Another program's people thanked or greeted; an emptied greeting;
		// indexing in code.
		{"sokafor@harborvalley.edu", "Thanks", "Dear Dr. Okafor,\n\nPlease thank Dr. Rebecca Moss for such a thoughtful conversation.", "wrong-program"},
		{"sokafor@harborvalley.edu", "Thanks", "Dear Dr. ,\n\nI have a question about the interview schedule.", "placeholder"},
		{"sokafor@harborvalley.edu", "Code", "Dear Dr. Okafor,\n\nThe loop reads alerts[i] and row[\"id\"] from window[0].", ""},
		// An event named for a place; a doubled bracket; parking at another
		// program.
		{"rmoss@stbrendans.org", "A lighter note", "Dear Dr. Moss,\n\nI pledged to run the Lakeside University Medical Center 10K in April for children's hospitals.", ""},
		{"hpark@lakeside-med.org", "Thanks", "Dear Dr. Park,\n\nI enjoyed hearing about <<project he mentioned>> during my interview.", "placeholder"},
		{"ci-fellowship@lakeside-med.org", "Thursday", "Dear Mr. Webb,\n\nFor Thursday's interview, is there visitor parking at Northgate Regional Hospital?", "wrong-program"},
		// A wish after a generic history word still names the other program.
		{"jfeld@meridian.edu", "Update", "Dear Dr. Feld,\n\nThis grew out of questions I hope to pursue during fellowship, and I remain very enthusiastic about Harbor Valley Health.", "wrong-program"},
		// Another program's director who sent her here is no pasted name.
		{"hpark@lakeside-med.org", "Interest", "Dear Dr. Park,\n\nDr. Samuel Okafor at Harbor Valley Health suggested that I contact you about the fellowship.", ""},
		{"hpark@lakeside-med.org", "Update", "To whom it may concern,\n\nI am applying to your program.", "mass-email"},
		// her own words that the top choice went elsewhere too
		{"jfeld@meridian.edu", "Interest", "Dear Dr. Feld,\n\nAs I have told a couple of other programs, Meridian is my number one choice.", "top-choice,top-choice-duplicate"},
		{"jfeld@meridian.edu", "Interest", "Dear Dr. Feld,\n\nI have told the other programs about my new paper. Meridian is my number one choice.", "top-choice"},
		// First place given to another program, in other words than
		// "first choice", is still the other program's letter.
		{"informatics.fellowship@harborvalley.edu", "Re: your question", "Dear Ms. Natarajan,\n\nTo be candid, Northgate Regional Hospital remains my number one, and Harbor Valley comes a close second.", "top-choice,wrong-program"},
		{"informatics.fellowship@harborvalley.edu", "Re: your question", "Dear Ms. Natarajan,\n\nBetween us, NRH tops my list, with Harbor Valley right behind it.", "wrong-program"},
	}
	for _, tt := range tests {
		res, err := e.Check(Input{Msg: outDraft(tt.to, tt.subject, tt.body), Now: when}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := rulesOf(res); got != tt.want {
			t.Errorf("%q\n  rules = %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestHistoryRules(t *testing.T) {
	e := testEngine(t)
	h := &memHistory{}
	send := func(to, subject, body string, at time.Time) Result {
		t.Helper()
		m := outDraft(to, subject, body)
		res, err := e.Check(Input{Msg: m, Now: at}, h)
		if err != nil {
			t.Fatal(err)
		}
		if res.Verdict == Pass || res.Verdict == VerdWarn {
			h.record(res, m, at)
		}
		return res
	}
	d := func(day int) time.Time { return time.Date(2026, 11, day, 9, 0, 0, 0, time.UTC) }
	if got := rulesOf(send("hpark@lakeside-med.org", "Interest", "Lakeside is my top choice.", d(15))); got != "top-choice" {
		t.Errorf("first top choice: rules = %q, want top-choice", got)
	}
	if got := rulesOf(send("sokafor@harborvalley.edu", "Interest", "Harbor Valley is my top choice.", d(16))); got != "top-choice,top-choice-duplicate" {
		t.Errorf("second top choice: rules = %q, want top-choice,top-choice-duplicate", got)
	}
	if got := rulesOf(send("hpark@lakeside-med.org", "Again", "You remain my first choice.", d(17))); got != "top-choice" {
		t.Errorf("same program again: rules = %q, want top-choice", got)
	}
	letter := "I am writing to share that our manuscript on sepsis alert fatigue was accepted for publication in the Journal of Applied Clinical Informatics. " +
		"The study evaluated how tiered alerting changed response times across four intensive care units over eighteen months, and I led the data analysis and the usability interviews with nurses."
	if got := rulesOf(send("lchen@northgate-health.org", "Update", "Dear Dr. Chen,\n\n"+letter, d(18))); got != "" {
		t.Errorf("first letter: rules = %q, want none", got)
	}
	if got := rulesOf(send("rmoss@stbrendans.org", "Update", "Dear Dr. Moss,\n\n"+letter, d(19))); got != "mass-email" {
		t.Errorf("same letter to a second program: rules = %q, want mass-email", got)
	}
}

func TestLateThankYou(t *testing.T) {
	e := testEngine(t)
	body := "Dear Dr. Park,\n\nThank you for taking the time to interview me on November 12."
	for _, tt := range []struct {
		at   time.Time
		want string
	}{
		{time.Date(2026, 11, 13, 9, 0, 0, 0, time.UTC), ""},
		{time.Date(2026, 11, 15, 20, 0, 0, 0, time.UTC), ""},
		{time.Date(2026, 11, 19, 9, 0, 0, 0, time.UTC), "late-thank-you"},
	} {
		res, _ := e.Check(Input{Msg: outDraft("hpark@lakeside-med.org", "Thank you", body), Now: tt.at}, nil)
		if got := rulesOf(res); got != tt.want {
			t.Errorf("at %v: rules = %q, want %q", tt.at, got, tt.want)
		}
	}
	// A later letter of interest that closes with thanks is no thank-you
	// note; one that opens with its thanks still is.
	late := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ body, want string }{
		{"Dear Dr. Park,\n\nAs I finalize my plans for the AMIA match, I wanted to send a short note. Lakeside remains among my top choices. I am grateful for the time you and the team spent with me.", ""},
		{"Dear Dr. Park,\n\nI am grateful for the time you and the team spent with me at my interview. Lakeside remains among my top choices.", "late-thank-you"},
		// An update that opens with a pleasantry or an apology for the
		// delay, then thanks for the interview: a (late) thank-you note.
		{"Dear Dr. Park,\n\nI hope the holiday week treated you well. Thank you for my interview day on November 12; the discussion of alert fatigue stayed with me. I am also pleased to share that my abstract was accepted.", "late-thank-you"},
		{"Dear Dr. Park,\n\nMy apologies that this note reaches you so late; travel ran on. Thank you for the day. I am also pleased to share that my abstract was accepted.", "late-thank-you"},
	} {
		res, _ := e.Check(Input{Msg: outDraft("hpark@lakeside-med.org", "A short note", tt.body), Now: late}, nil)
		if got := rulesOf(res); got != tt.want {
			t.Errorf("%q\n  rules = %q, want %q", tt.body, got, tt.want)
		}
	}
}

// TestLateThankYouOtherLetter: a letter its subject names as something
// else (continued interest, an update) that thanks for the interview in
// passing is not the thank-you note; the same words under "A short note"
// are (session 13, blind set tb).
func TestLateThankYouOtherLetter(t *testing.T) {
	e := testEngine(t)
	late := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	body := "Dear Dr. Park,\n\nI wanted to write once more as the season closes. I'm grateful for the chance to interview with you and hope to stay in touch."
	for _, tt := range []struct{ subject, want string }{
		{"Continued interest - Amina Rahman", ""},
		{"Quick update from Amina Rahman", ""},
		{"A short note", "late-thank-you"},
		{"Continued interest, with thanks", "late-thank-you"},
	} {
		wantRules(t, e, outDraft("hpark@lakeside-med.org", tt.subject, body), late, tt.want)
	}
}

// TestEngineBuildsFast guards against a build an order of magnitude too
// slow (BenchmarkNewEngine measures it). One wall-clock build on a loaded
// machine can take four times its usual time, so the fastest of three
// counts.
func TestEngineBuildsFast(t *testing.T) {
	cfg := corpusConfig(t)
	best := time.Duration(1 << 62)
	for range 3 {
		start := time.Now()
		if _, err := NewEngine(cfg); err != nil {
			t.Fatal(err)
		}
		if best = min(best, time.Since(start)); best <= 200*time.Millisecond {
			break
		}
	}
	if best > 200*time.Millisecond {
		t.Errorf("NewEngine took %v at best of 3, want < 50ms (200ms allowed under -race)", best)
	}
}

// TestAnswersToTheQuote: some words break a rule only as an answer to what
// the quoted program message said. Accepting a position is an off-Match
// acceptance under an offer made outside the Match, and nothing under an
// ordinary letter; "Then I will rank you first!" answers the program's word
// about its own ranking.
func TestAnswersToTheQuote(t *testing.T) {
	e := testEngine(t)
	reply := func(own, quoted string) *Message {
		m := outDraft("jfeld@meridian.edu", "Re: A position for you", own)
		m.Quoted = quoted
		return m
	}
	offMatch := "We have a funded position that sits outside the AMIA match, and I would like to offer it to you now. If you accept this week, you can skip the match entirely."
	tests := []struct {
		m    *Message
		want string
	}{
		{reply("Thank you so much! I am delighted to accept the position you offered. Please send the contract whenever it is ready.", offMatch), "premature-offer-ask"},
		{reply("Thank you so much! I am delighted to accept the position you offered. Please send the contract whenever it is ready.", "Congratulations on matching with us! Your contract for the fellowship position is attached."), ""},
		{reply("Thank you for thinking of me. I would prefer to go through the AMIA match.", offMatch), ""},
		{reply("Then I will rank you first!", "Just between us: we will rank you highly."), "quid-pro-quo,top-choice"},
		// a yes that opens the reply answers the program's request for a
		// promise; a yes further down, in a reply written between the
		// quoted questions, may answer another one
		{reply("Dr. Feld,\n\nAbsolutely. You have it.\n\nAmina", "Can we count on you to rank Meridian first?"), "binding-commitment,top-choice"},
		{reply("Dear Dr. Feld,\n\nYes, I will.", "Will you be ranking us highly?"), "binding-commitment"},
		{reply("The informatics block, mostly.\n\nYes, a J-1.\n\nI would rather keep my list to myself.", "Which rotation interests you? Do you need a visa? Will you rank us first?"), ""},
		{reply("Dr. Feld,\n\nI will if you will.", "We hope you will rank us highly."), "quid-pro-quo"},
	}
	for _, tt := range tests {
		res, err := e.Check(Input{Msg: tt.m, Now: when}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := rulesOf(res); got != tt.want {
			t.Errorf("%q (quoting %.40q…)\n  rules = %q, want %q", tt.m.Own, tt.m.Quoted, got, tt.want)
		}
	}
}

// TestAttachmentsUnprompted: a CV, or more documents than one, nobody asked
// for; an archive counts as many; what was asked for may come with one more
// document, not with the rest of the file.
func TestAttachmentsUnprompted(t *testing.T) {
	e := testEngine(t)
	pdf := func(names ...string) []Attachment {
		var out []Attachment
		for _, n := range names {
			out = append(out, Attachment{Filename: n, ContentType: "application/pdf", Size: 1000})
		}
		return out
	}
	tests := []struct {
		body, quoted string
		att          []Attachment
		want         string
	}{
		{"Our abstract was accepted; the PDF is attached.", "", pdf("abstract.pdf"), ""},
		{"I attached my CV for your convenience.", "", pdf("Rahman_CV.pdf"), "unprompted-attachments"},
		{"All of my publications are in one place for your convenience.", "", []Attachment{{Filename: "publications.zip", ContentType: "application/zip", Size: 1000}}, "unprompted-attachments"},
		{"Of course, the ECFMG certificate is attached.", "Could you send us a copy of your ECFMG certificate?", pdf("ECFMG_certificate.pdf"), ""},
		// One file of application material is already too many unasked;
		// saying it was not asked for does not make it asked for.
		{"A further letter from my chief is attached.", "", pdf("Letter_of_recommendation_Khan.pdf"), "unprompted-attachments"},
		{"I know nobody requested it, but my transcript is attached.", "", pdf("Rahman_transcript.pdf"), "unprompted-attachments"},
		{"So you can recognise me on the day, here I am.", "", []Attachment{{Filename: "headshot.jpg", ContentType: "image/jpeg", Size: 40000}}, "unprompted-attachments"},
		{"The signed form is attached.", "Please sign and return the attached consent form.", pdf("consent_form_signed.pdf"), ""},
		{"Both are attached.", "Please reply with your parking receipt and the completed W-9 form.", pdf("receipt.pdf", "W9.pdf"), ""},
		// extras added to a requested CV; a photograph of herself
		{"My CV is attached. I've also added a writing sample and a letter from my chair.", "Could you send us your CV?", pdf("CV.pdf", "writing_sample.pdf", "chair_letter.pdf"), "unprompted-attachments"},
		{"I've attached a recent photograph, so the committee can put a face to the name.", "", []Attachment{{Filename: "amina.jpg", ContentType: "image/jpeg", Size: 40000}}, "unprompted-attachments"},
		// a request wrapped across quoted lines
		{"My CV and a headshot are attached.", "For the booklet, could you reply\n> with an updated CV and a recent headshot?", []Attachment{{Filename: "Rahman_CV.pdf", ContentType: "application/pdf", Size: 1000}, {Filename: "headshot.jpg", ContentType: "image/jpeg", Size: 4000}}, ""},
		{"All three are attached.", "Please send your hotel folio, the airfare receipt and the signed W-8BEN.", pdf("folio.pdf", "airfare.pdf", "W8BEN.pdf"), ""},
		// "the" names a file she chose, not one they asked for
		{"Please find attached the slides from my talk at the regional meeting, along with my latest résumé.", "", pdf("talk_slides.pdf", "resume_2027.pdf"), "unprompted-attachments"},
		{"Please find attached the signed agreement you sent on Monday.", "Please sign the attached agreement and return it by Friday.", pdf("agreement_signed.pdf"), ""},
		{"Of course, the ECFMG certificate is attached. While I was at it I also added my scores and three papers.", "Could you send us a copy of your ECFMG certificate?",
			pdf("ECFMG_certificate.pdf", "USMLE_scores.pdf", "paper1.pdf", "paper2.pdf", "paper3.pdf"), "unprompted-attachments"},
	}
	for _, tt := range tests {
		m := outDraft("hpark@lakeside-med.org", "Documents", tt.body)
		m.Quoted, m.Attachments = tt.quoted, tt.att
		res, err := e.Check(Input{Msg: m, Now: when}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := rulesOf(res); got != tt.want {
			t.Errorf("%q with %d attachments\n  rules = %q, want %q", tt.body, len(tt.att), got, tt.want)
		}
	}
}

// thanksAgain is the expression below, split so that each part runs only
// where its words are; over every sentence of the corpus it must judge as
// the expression does.
func TestThanksAgainAsTheExpression(t *testing.T) {
	re := regexp.MustCompile(`\b(?:again|once more|once again|as always|still)\b|for all (?:of )?your help|\b(?:your|the) (?:\w+ )?(?:message|note|email|e-mail|letter|reply|response|words|article|paper|link|links|resources?|book|handbook|materials?|slides|introduction|recommendation)\b|interview (?:process|season)|this (?:season|cycle)|whatever the outcome|deadline|continued interest|as i finali[sz]e|for (?:forwarding|sending|sharing|passing along|putting together)|grateful (?:for any|if)|appreciate (?:any|it if)|\b(?:meeting|to meet|talking|speaking|chatting) (?:with )?(?:you|u) (?:too|as well)\b|\blikewise\b|for (?:the|your) (?:kind )?invitation|for the invite|for inviting me`)
	files, _ := filepath.Glob("../testdata/mail/out/*.eml")
	if len(files) < 100 {
		t.Fatalf("%d outgoing drafts; is the corpus there?", len(files))
	}
	sents := []string{"thank you again for the interview", "thank you for the interview.", "thanks for your note", "still grateful", "stillness"}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lower := asciiLower(Parse(raw).Own)
		for _, s := range sentences(lower) {
			sents = append(sents, lower[s.start:s.end])
		}
	}
	yes := 0
	for _, s := range sents {
		got, want := thanksAgain(s), re.MatchString(s)
		if got != want {
			t.Errorf("thanksAgain(%q) = %v, want %v", s, got, want)
		}
		if want {
			yes++
		}
	}
	if yes < 50 {
		t.Errorf("only %d of %d sentences thank again; the comparison proves little", yes, len(sents))
	}
}

// TestLateThankYouReadings: a thank-you that says it never came ("I never
// properly thanked you", blind set yk) is the thank-you, whatever else the
// sentence says of the season; a letter that thanks for a second look, in
// its subject or its first thanks (blind set yz), is not a late interview
// thank-you because a later line passes thanks along; one that names the
// interview still is. (Lakeside's interview: November 12.)
// TestLateThankYouOtherTalks (blind set uc, in other words): thanks for a
// later phone conversation or a chat are no thank-you note for the
// interview, however long after it they come.
func TestLateThankYouOtherTalks(t *testing.T) {
	e := testEngine(t)
	late := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ subject, body string }{
		{"With warm thanks after our talk", "Dear Dr. Park,\n\nMy deepest thanks for the kind phone\nconversation on Tuesday evening. Your advice on the research year was very helpful."},
		{"A small question", "Hi Marcus,\n\nThank you for the chat this morning, and for sorting out my parking receipt. You have been so kind all season."},
	} {
		res, _ := e.Check(Input{Msg: outDraft("hpark@lakeside-med.org", tt.subject, tt.body), Now: late}, nil)
		if got := rulesOf(res); got != "" {
			t.Errorf("%q\n  rules = %q, want none", tt.body, got)
		}
	}
}

func TestLateThankYouReadings(t *testing.T) {
	e := testEngine(t)
	nov20 := time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)
	dec2 := time.Date(2026, 12, 2, 15, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		at                  time.Time
		subject, body, want string
	}{
		{nov20, "The 12th", "Hi Marcus,\n\nI never properly thanked you for organizing the 12th; it was a first this season to have my name spelled right.\n\nAmina", "late-thank-you"},
		{dec2, "Thanks for Tuesday's revisit", "Hi Marcus,\n\nPlease share my thanks with the fellows who walked us through the command center.", ""},
		{dec2, "Tuesday", "Hi Marcus,\n\nThank you for hosting the revisit on Tuesday. Please share my thanks with the fellows who walked us through the command center.", ""},
		{dec2, "Tuesday", "Hi Marcus,\n\nThank you for hosting the revisit on Tuesday. I also never thanked you for my interview day, which I still think about.", "late-thank-you"},
		// blind set vc, in other words: the note she meant to send after
		// the interview, and thanks for the dinner before it
		{dec2, "Finally", "Hi Marcus,\n\nI had planned to send this right after the interview, and apologies that it took me this long. The whole team was kind.\n\nAmina", "late-thank-you"},
		{dec2, "Dinner", "Hi Marcus,\n\nThanks so much for the dinner with the fellows the night before, which made the interview day itself far less nerve-racking.\n\nAmina", "late-thank-you"},
		{dec2, "Dinner", "Hi Marcus,\n\nThanks so much for the dinner recommendation; the ramen place was perfect.\n\nAmina", ""},
	} {
		res, err := e.Check(Input{Msg: outDraft("ci-fellowship@lakeside-med.org", tt.subject, tt.body), Now: tt.at}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := rulesOf(res); got != tt.want {
			t.Errorf("%q / %q: rules = %q, want %q", tt.subject, tt.body, got, tt.want)
		}
	}
}

// TestRepliesAndTheirThread: in a reply, the "Re:" subject and the quoted
// mail are the thread's: her earlier letter's words or a slot the program
// left are not hers, and her answer to the program's own question about
// her choice of a track is no first place. The same words in a subject or
// a letter of her own are judged.
func TestRepliesAndTheirThread(t *testing.T) {
	e := testEngine(t)
	dec22 := time.Date(2026, 12, 22, 16, 0, 0, 0, time.UTC)
	tests := []struct {
		name, to, subj, body, quoted string
		at                           time.Time
		want                         string
	}{
		{"her earlier letter in the subject", "lchen@northgate-health.org", "Re: Northgate is my first choice", "Dear Dr. Chen,\n\nThank you for your reply. I will send my Step 3 date soon.",
			"Thank you for your note. Please keep us posted.\n\n> Northgate is my first choice for residency.", dec22, ""},
		{"the same subject her own", "lchen@northgate-health.org", "Northgate is my first choice", "Dear Dr. Chen,\n\nI wanted to write once, clearly.", "", dec22, "top-choice"},
		{"the program's slot in the thread's subject", "hpark@lakeside-med.org", "Re: Thank you for visiting, [First Name]!", "The merge field did not fill in, no harm done. Is the symposium open to applicants?",
			"Dear [First Name], thank you for visiting us.", when, ""},
		{"a slot in her own subject", "hpark@lakeside-med.org", "Thank you, [Program Director]", "Thank you for the interview.", "", when, "placeholder"},
		{"the program asked her choice of track", "hpark@lakeside-med.org", "Re: Tracks", "Data science, easily! That is my top choice by far.",
			"As we plan rotations, which of our tracks (CDS, data science, telehealth) is your top choice?", when, ""},
		{"her choice unasked", "hpark@lakeside-med.org", "Re: Tracks", "Data science, easily! That is my top choice by far.", "", when, "top-choice"},
	}
	for _, tt := range tests {
		m := outDraft(tt.to, tt.subj, tt.body)
		m.Quoted = tt.quoted
		res, err := e.Check(Input{Msg: m, Now: tt.at}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := rulesOf(res); got != tt.want {
			t.Errorf("%s: rules = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestQuotedYesToAnExchange: a one-word yes that opens her reply takes its
// meaning from the program's message she answers (session 13, blind set
// ti): "Deal." to a proposed exchange of places is a quid-pro-quo; "Count
// me in." to a place offered if she withdraws from the Match is a
// binding promise; the same words answering a dinner invitation are
// nothing, and so is a reply that turns the exchange down.
func TestQuotedYesToAnExchange(t *testing.T) {
	e := testEngine(t)
	trade := "Dr. Park asked me to pass this along: if you rank Lakeside first, she is prepared to rank you high enough to match here. Let me know and I'll tell her."
	offer := "Our digital health office has funded a position outside the AMIA match. If you withdraw from the match, the spot is yours and we will send the contract this week."
	dinner := "The residents are hosting a dinner the evening before your interview. Would you like to come?"
	for _, tt := range []struct{ own, quoted, want string }{
		{"Deal.", trade, "quid-pro-quo"},
		{"Agreed, and thank you.", trade, "quid-pro-quo"},
		{"Count me in.", offer, "binding-commitment"},
		{"Count me in.", dinner, ""},
		{"Deal.", dinner, ""},
		{"Thank you for passing this on. I'd rather not make any arrangement about rankings; I'll make my list on my own, and I expect Lakeside to do the same.", trade, ""},
	} {
		m := outDraft("ci-fellowship@lakeside-med.org", "Re: A note", tt.own)
		m.Quoted = tt.quoted
		wantRules(t, e, m, when, tt.want)
	}
}

// TestLateThankYouAnswersTheirNote: "it was great meeting u too", in reply
// to the program's own note, answers that note; it is no thank-you for the
// interview, however late (session 13, blind set tm).
func TestLateThankYouAnswersTheirNote(t *testing.T) {
	e := testEngine(t)
	late := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ body, want string }{
		{"Thank you, Dr. Park, it was great meeting you too! I loved the governance rotation.", ""},
		{"Thank you, Dr. Park, it was great meeting you on the 12th. I loved the governance rotation.", "late-thank-you"},
	} {
		m := outDraft("hpark@lakeside-med.org", "Re: Great meeting you", tt.body)
		m.Quoted = "It was lovely meeting you on Thursday. We hope you enjoyed the day."
		wantRules(t, e, m, late, tt.want)
	}
}

// TestLateThankYouRespectedSir: "Respected Dr. Okafor," greets like "Dear";
// the thanks three sentences on are still read as the letter's opening
// (session 13, blind set tq).
func TestLateThankYouRespectedSir(t *testing.T) {
	e := testEngine(t)
	late := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	body := "Respected Dr. Park,\n\nFirst of all, please accept my apology for this late mail. It stayed in my drafts folder for a week. I am very much thankful to you for interviewing me on 12th November."
	wantRules(t, e, outDraft("hpark@lakeside-med.org", "Thanks and a sincere word", body), late, "late-thank-you")
}

// wantRules checks the rules the engine finds in m, judged at now with no
// history: want is their sorted ids, comma-separated.
func wantRules(t *testing.T, e *Engine, m *Message, now time.Time, want string) {
	t.Helper()
	res, err := e.Check(Input{Msg: m, Now: now}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := rulesOf(res); got != want {
		t.Errorf("%q (subject %q, answering %.40q): rules = %q, want %q", m.Own, m.Subject, m.Quoted, got, want)
	}
}

// TestSentenceAfterPossessive: "St. Brendan's." ends its sentence (the s
// of a possessive is no initial), so a later "I still think of it" is
// not read into the thanks (session 14, blind set sm).
func TestSentenceAfterPossessive(t *testing.T) {
	e := testEngine(t)
	late := time.Date(2026, 12, 14, 12, 0, 0, 0, time.UTC)
	body := "Dear Dr. Moss,\n\nI am writing late, and I apologize.\n\nThank you for the interview and for the whole day at St. Brendan's. I still think about the teen portal discussion."
	wantRules(t, e, outDraft("rmoss@stbrendans.org", "Thank you", body), late, "late-thank-you")
}

// TestApplicationStatusIsNoRankQuestion: "where my application stands",
// explained at once by a letter the portal still shows as pending, asks
// about paperwork; the same words after the interviews with nothing of the
// kind ask for her place (session 14, blind set sn).
func TestApplicationStatusIsNoRankQuestion(t *testing.T) {
	e := testEngine(t)
	paper := "Could you tell me where my application stands? The portal still shows my third letter as missing, though my mentor says she uploaded it."
	wantRules(t, e, outDraft("jfeld@meridian.edu", "Application status", paper), when, "")
	place := "Could you tell me where my application stands? The rank deadline is close and I am finalizing my list."
	wantRules(t, e, outDraft("jfeld@meridian.edu", "After the interview", place), when, "rank-solicitation")
}

// TestAttachmentsAskedForInAList: a request that ends in a colon goes on in
// the numbered list under it, so the CV and certificate it lists were asked
// for; a file named from a template keeps its slot (session 14, blind set sv).
func TestAttachmentsAskedForInAList(t *testing.T) {
	e := testEngine(t)
	m := outDraft("ci-fellowship@lakeside-med.org", "Re: Documents", "Both are attached. Thank you for coordinating!")
	m.Quoted = "On Oct 30, Marcus Webb wrote:\n> Could you reply with:\n>\n> 1. an updated CV (PDF), and\n> 2. a scan of your ECFMG certificate.\n>\n> Thanks, Marcus"
	m.Attachments = []Attachment{{Filename: "Rahman_CV.pdf", ContentType: "application/pdf", Size: 90000}, {Filename: "ECFMG_certificate.pdf", ContentType: "application/pdf", Size: 80000}}
	wantRules(t, e, m, when, "")
	m2 := outDraft("ci-fellowship@lakeside-med.org", "Research statement", "As you asked, my research statement is attached.")
	m2.Attachments = []Attachment{{Filename: "Research_Statement_[Program Name].pdf", ContentType: "application/pdf", Size: 50000}}
	wantRules(t, e, m2, when, "placeholder")
}

// TestLateThankYouNotForAnInvitation: thanks for an invitation (to a second
// look) answer it; they are no thank-you for the interview, however late
// (session 14, blind set ra).
func TestLateThankYouNotForAnInvitation(t *testing.T) {
	e := testEngine(t)
	late := time.Date(2027, 1, 8, 9, 0, 0, 0, time.UTC)
	body := "Dear Mr. Alvarez,\n\nThank you for the invitation to the optional second look for interviewed applicants. My first choice of dates would be Friday, January 22."
	wantRules(t, e, outDraft("imresidency@northgate-health.org", "Second look visit", body), late, "")
}
