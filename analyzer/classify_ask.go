package analyzer

import "strings"

// A program asking the applicant about her ranking or her other
// applications, in whatever words: a question to her ("…?") or a request
// ("let us know…", "tell me…") whose sentence speaks of ranking, of a
// first choice, of committing, or of the other places she applied. The
// phrase groups know the common shapes; this catches the rest ("Is there
// anything we can do to move up on your list?", "Where else did you
// interview?", "If you matched here, would you come?").

// clAskAddressee are words that address the applicant (read-only).
var clAskAddressee = map[string]bool{
	"you": true, "your": true, "youre": true, "youd": true, "youll": true, "youve": true, "yourself": true,
}

// clAskRankWords speak of ranking or committing by themselves (read-only).
var clAskRankWords = map[string]bool{
	"rank": true, "ranking": true, "ranked": true, "ranks": true, "rol": true,
	"commit": true, "commitment": true, "committed": true, "committing": true,
	"elsewhere": true,
}

// clAskOthers are what "other" must name to be her other applications
// (read-only).
var clAskOthers = map[string]bool{
	"program": true, "programs": true, "places": true, "interviews": true, "fellowships": true, "residencies": true,
	"offers": true, "options": true, "institutions": true, "sites": true, "hospitals": true, "schools": true, "applications": true,
}

// clAskEvents are the things "will you be joining us?" may be about that
// are no place in the Match: a dinner, a tour, a second look (read-only).
var clAskEvents = map[string]bool{
	"dinner": true, "lunch": true, "breakfast": true, "social": true, "reception": true, "tour": true, "visit": true,
	"zoom": true, "call": true, "event": true, "party": true, "webinar": true, "interview": true, "interviews": true,
	"open": true, "look": true, "meeting": true, "conference": true, "symposium": true, "talk": true, "rounds": true,
	"club": true, "orientation": true, "hour": true, "gathering": true, "workshop": true, "retreat": true, "game": true,
	"trip": true, "flight": true, "hotel": true, "parking": true,
}

// clAskIntentVerb are what she may be counted on to do that is her
// place in the Match (read-only).
var clAskIntentVerb = map[string]bool{
	"rank": true, "come": true, "join": true, "commit": true, "be": true, "choose": true, "accept": true, "sign": true, "put": true, "list": true,
}

// clAskTakeVerb: what she would do with a place ("would you sign?",
// "whether you'd take it") (read-only).
var clAskTakeVerb = map[string]bool{
	"sign": true, "accept": true, "take": true, "commit": true, "choose": true,
}

// clAskWh open what is wanted to know ("to know whether…"); "I want you
// to know that…" tells (read-only).
var clAskWh = map[string]bool{
	"whether": true, "if": true, "where": true, "which": true, "how": true, "what": true, "who": true,
}

// clAskNot are words that make the sentence about something else: the
// process, a deadline, a question she may have, a date to pick (read-only).
var clAskNot = map[string]bool{
	"questions": true, "deadline": true, "deadlines": true, "certify": true, "certified": true,
	"certification": true, "submit": true, "submitted": true, "help": true, "process": true, "rules": true,
	"policy": true, "policies": true, "webinar": true, "session": true, "tips": true, "date": true, "dates": true,
	"day": true, "days": true, "slot": true, "slots": true, "time": true, "times": true, "prohibit": true,
	"prohibits": true, "prohibited": true, "allowed": true, "permitted": true, "violation": true, "nrmp": true,
	"need": true, "obligation": true, "obliged": true, "required": true, "hear": true, "heard": true,
	"letting": true, "sharing": true, "telling": true, "second": true, "preferred": true, "preference": true,
	"preferences": true, "conflict": true, "conflicts": true, "release": true, "cancel": true, "reschedule": true,
	// a request taken back ("please disregard our message asking…")
	"disregard": true, "ignore": true, "retract": true, "retracting": true,
	// a place on a waiting list she may keep or leave ("let me know if
	// you would like to remain on the list")
	"remain": true, "stay": true, "waitlist": true, "alternate": true, "alternates": true, "waiting": true,
	// a scene told ("Tomasz came down the hall to tell me before I'd
	// finished reading the list")
	"came": true, "finished": true,
}

// clAskThirdParty are the someone else a program warns her about
// (read-only).
// clAskFlags gathers, by word, the sets clSentenceAsks tests every word
// against (clAskNot, clAskAddressee, clAskThirdParty, clAskEvents,
// clAskRankWords), so a word costs one lookup instead of five.
var clAskFlags = func() map[string]uint8 {
	m := map[string]uint8{}
	for f, set := range map[uint8]map[string]bool{clAskFNot: clAskNot, clAskFAddressee: clAskAddressee, clAskFThirdParty: clAskThirdParty, clAskFEvents: clAskEvents, clAskFRank: clAskRankWords} {
		for w, on := range set {
			if on {
				m[w] |= f
			}
		}
	}
	return m
}()

const (
	clAskFNot uint8 = 1 << iota
	clAskFAddressee
	clAskFThirdParty
	clAskFEvents
	clAskFRank
)

var clAskThirdParty = map[string]bool{"anyone": true, "someone": true, "anybody": true, "somebody": true, "whoever": true}

// clAskThirdPartyVerbs are what that someone may do (read-only).
var clAskThirdPartyVerbs = map[string]bool{
	"asks": true, "ask": true, "asked": true, "contacts": true, "contact": true, "pressures": true, "pressure": true,
	"suggests": true, "suggest": true, "offers": true, "offer": true, "requests": true, "request": true, "inquires": true,
	"inquire": true, "approaches": true, "approach": true, "pushes": true, "push": true, "mentions": true, "mention": true,
}

// clAskThirdPartyAsks reports whether one of the ten words after j says
// that someone asks or offers ("anyone associated with Lakeside asks").
func clAskThirdPartyAsks(toks []clToken, j, hi int) bool {
	for k := j + 1; k <= hi && k <= j+10; k++ {
		if clAskThirdPartyVerbs[toks[k].w] {
			return true
		}
	}
	return false
}

// clTechWord are the words beside "backup" or "fallback" that make it the
// day's logistics.
var clTechWord = map[string]bool{"phone": true, "internet": true, "zoom": true, "video": true, "technical": true, "tech": true, "connection": true,
	"power": true, "call": true, "number": true, "line": true, "link": true, "laptop": true, "device": true, "dial": true, "dialin": true,
	"webex": true, "teams": true, "audio": true, "wifi": true, "hotspot": true, "battery": true, "room": true, "location": true, "date": true, "day": true, "slot": true, "time": true}

// clWriterSays are verbs after "let me" or "let us" with which the writer
// speaks: "let me say it plainly", "let us be clear".
var clWriterSays = map[string]bool{"say": true, "add": true, "be": true, "explain": true, "share": true, "note": true, "start": true, "begin": true,
	"reiterate": true, "repeat": true, "emphasize": true, "emphasise": true, "stress": true, "thank": true, "assure": true, "put": true, "reassure": true,
	"congratulate": true, "offer": true, "introduce": true, "clarify": true, "confirm": true}

// clAsksRanking returns the first sentence of d that asks the applicant
// about her ranking or other applications, or "".
func clAsksRanking(d *clDoc) string {
	toks := d.toks
	for lo := 0; lo < len(toks); {
		hi := lo
		for hi+1 < len(toks) && toks[hi+1].sent == toks[lo].sent {
			hi++
		}
		if clSentenceAsks(d, lo, hi) {
			return d.excerpt(clSpan{lo, hi})
		}
		lo = hi + 1
	}
	return ""
}

func clSentenceAsks(d *clDoc, lo, hi int) bool {
	toks := d.toks
	if hi-lo > 40 {
		// A long lead-in before a colon ("…one more thing, which I will
		// ask plainly because…: is Lakeside going to end up at the top?")
		// leaves the question after it.
		if c := strings.LastIndexByte(d.src[toks[lo].s:toks[hi].e], ':'); c >= 0 {
			for at := toks[lo].s + c; lo < hi && toks[lo].s < at; lo++ {
			}
		}
		if hi-lo > 40 {
			return false // a paragraph run together, not one question
		}
	} else if c := strings.LastIndexByte(d.src[toks[lo].s:toks[hi].e], ':'); c >= 0 {
		// "…asked me to check in before tomorrow's rank deadline: are
		// you still interested, or have you decided on another
		// program?": the question after the colon stands alone too.
		at, lo2 := toks[lo].s+c, lo
		for lo2 < hi && toks[lo2].s < at {
			lo2++
		}
		if lo2 > lo && hi-lo2 >= 3 && clSentenceAsks(d, lo2, hi) {
			return true
		}
	}
	// "Is Thursday your first choice, or does Wednesday work better?": a
	// choice of interview days, not of programs.
	for i := lo + 1; i+1 <= hi; i++ {
		if toks[i].w != "your" || toks[i+1].w != "first" && toks[i+1].w != "top" {
			continue
		}
		switch toks[i-1].w {
		case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon", "slot", "session", "date", "day":
			return false
		}
	}
	// "Several of you have asked whether you should send a letter of
	// intent or tell us where HVH falls on your list": the applicants'
	// question, reported and answered, not the program's.
	for j := lo + 1; j <= hi && j <= lo+6; j++ {
		if toks[j].w == "asked" && (toks[j-1].w == "have" || toks[j-1].w == "you") {
			switch toks[lo].w {
			case "several", "some", "many", "a", "you", "applicants", "candidates", "people", "few", "most":
				return false
			}
		}
	}
	question := false
	for i := toks[hi].e; i < len(d.src); i++ {
		c := d.src[i]
		if c == ' ' || c == '"' || c == '\'' || c == ')' || c == '*' || c == '.' && i+1 < len(d.src) && d.src[i+1] == '?' {
			continue
		}
		question = c == '?'
		break
	}
	// A form's row with boxes to tick ("Your plans for the AMIA Match: ☐
	// Meridian at #1 ☐ …") asks as a question does.
	if src := d.src[toks[lo].s:toks[hi].e]; strings.ContainsAny(src, "☐□❏") || strings.Contains(src, "[ ]") {
		question = true
	}
	request := false
	addressed, rank, strong, cond := false, false, false, false
	// Her intent to come, asked in other words ("Can we count on you?",
	// "When you picture next July, is it here?", "who else is courting
	// you?", "if we choose you, do we get you?"): the same question as
	// where she will rank the program, unless the sentence is about an
	// event she may join.
	intent, event := false, false
	for j := lo; j <= hi; j++ {
		w := toks[j].w
		f := clAskFlags[w]
		if f&clAskFNot != 0 {
			switch {
			case (w == "heard" || w == "hear") && j > lo && (toks[j-1].w == "youve" || toks[j-1].w == "you"):
				// "whether you've heard anything from anywhere else" asks
			case (w == "slot" || w == "slots") && !clSentenceHas(d, j, "interview", "time", "times", "date", "dates", "day", "days", "session", "zoom", "calendar", "visit"):
				// "our one open slot" is a place, not an interview slot
			case (w == "certify" || w == "submit") && j-2 >= lo && (toks[j-1].w == "you" || toks[j-1].w == "youll") &&
				(toks[j-2].w == "list" || j-3 >= lo && toks[j-3].w == "list"):
				// "whether we'll be near the top of the list you certify on
				// Thursday": the list named, not a question about certifying
			case (w == "deadline" || w == "deadlines") && j-2 >= lo && (toks[j-1].w == "the" || toks[j-1].w == "our" || toks[j-1].w == "rank") && (toks[j-2].w == "before" || toks[j-2].w == "by" || j-3 >= lo && toks[j-3].w == "before"):
				// "…that you're leaning our way before the deadline": when,
				// not a question about the deadline
			case (w == "obligation" || w == "obliged" || w == "need") && question && j+2 <= hi && toks[j+1].w == "to" &&
				(toks[j+2].w == "answer" || toks[j+2].w == "reply" || toks[j+2].w == "respond" || toks[j+2].w == "share"):
				// "with absolutely no obligation to answer, could you let me
				// know which other programs …?": a softener, asked all the same
			case w == "day" && j > lo && toks[j-1].w == "match":
				// "Match Day" is no day to pick
			case w == "help" && j < hi && (toks[j+1].w == "us" || toks[j+1].w == "our" || toks[j+1].w == "me" || toks[j+1].w == "the"):
				// "it would help our committee to hear…" asks
			case w == "hear" && j > lo && toks[j-1].w == "to" && j < hi && (toks[j+1].w == "your" || toks[j+1].w == "that" || clAskWh[toks[j+1].w]):
				// "to hear your intentions", "to hear whether…"
			default:
				return false
			}
		}
		// "if you have a question about…" is hers to ask; "a question
		// while I had you: she'd like to know whether…" is theirs.
		if w == "question" && j > lo && (toks[j-1].w == "a" || toks[j-1].w == "any" || toks[j-1].w == "your" || toks[j-1].w == "no") &&
			!strings.Contains(d.src[toks[j].e:toks[hi].e], ":") {
			return false
		}
		if f&clAskFAddressee != 0 {
			addressed = true
		}
		// "If anyone associated with Lakeside asks you about your
		// ranking, let me know": what to do when someone else asks.
		if f&clAskFThirdParty != 0 && clAskThirdPartyAsks(toks, j, hi) {
			return false
		}
		next := ""
		if j+1 <= hi {
			next = toks[j+1].w
		}
		prev := ""
		if j > lo {
			prev = toks[j-1].w
		}
		next2 := ""
		if j+2 <= hi {
			next2 = toks[j+2].w
		}
		if f&clAskFEvents != 0 {
			event = true
		}
		switch {
		case (w == "joining" || w == "join" || w == "coming" || w == "come" || w == "enroll" || w == "enrolling" || w == "choose" || w == "choosing" || w == "pick" || w == "picking") &&
			(next == "us" || next == "here" || next == "to" && next2 == "us" || next == "with" && next2 == "us") &&
			clSentenceHas(d, j, "july", "next", "year", "fellow", "fellows", "resident", "residents", "class", "cohort", "team", "program", "match", "start", "training", "things", "work", "out") &&
			!clSentenceHas(d, j, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow", "zoom", "campus"):
			// (joining them as a fellow, not joining a day of interviews)
			intent = true
		case (w == "count" || w == "rely" || w == "bank" || w == "depend") && next == "on" && (next2 == "you" || next2 == "your") &&
			(j+3 > hi || toks[j+3].w != "to" || j+4 <= hi && clAskIntentVerb[toks[j+4].w]):
			intent = true // "Can we count on you?", not "…count on you to bring a laptop"
		case w == "courting" || w == "suitors" || (w == "backup" || w == "fallback") && !clTechWord[prev] && !clTechWord[next]:
			// ("a phone fallback", "a backup Zoom link": the day's
			// logistics, not her backup program)
			intent = true
		case w == "get" && next == "you" && (prev == "we" || prev == "do"):
			intent = true // "do we get you?"
		case w == "all" && next == "in" && (prev == "youre" || prev == "are" || prev == "you"):
			intent = true
		case w == "locked" && next == "you":
			intent = true
		case w == "place" && prev == "the" && (j+1 > hi || next == "for" || next == "you"):
			intent = true // "are we the place?", "the place for you"
		case w == "it" && (next == "here" || next == "us") && j+1 == hi:
			intent = true // "…, is it here?", "…, and is it us?"
		case (w == "going" || w == "headed" || w == "heading" || w == "landing" || w == "end") && clSentenceHas(d, j, "where") && !clSentenceHas(d, j, "interview", "hotel", "parking", "dinner"):
			intent = true // "where you intend to go", "where you're headed"
		case w == "intend" && next == "to" && (next2 == "go" || next2 == "come" || next2 == "join" || next2 == "train" || next2 == "be" || next2 == "end" || next2 == "enroll" || next2 == "sign"):
			intent = true
		case (w == "land" || w == "lands" || w == "fall" || w == "falls" || w == "sit" || w == "sits") && clSentenceHas(d, j, "where") && (next == "for" && next2 == "you" || next == "on" && next2 == "your"):
			intent = true // "Between us, where does SBCH land for you?"
		case w == "leaning" && (next == "our" || next == "toward" || next == "towards" || next == "us"):
			intent = true // "that you're leaning our way"
		case w == "one" && prev == "number" && j-2 >= lo && toks[j-2].w == "your" && (next == "would" || next == "could" || next == "will" || next == "might"):
			intent = true // "a line from you saying Northgate is your number one would let me argue for you"
		case w == "happiest" && clSentenceHas(d, j, "where", "which"):
			intent = true
		case w == "yourself" && (next == "here" || next == "with" && next2 == "us" || next == "at" || prev == "see" && clSentenceHas(d, j, "where")):
			intent = true // "do you see yourself with us?"
		case (w == "plans" && prev == "your" || w == "intentions" && (prev == "your" || prev == "her")) &&
			!strings.HasPrefix(next, "chang") && clSentenceHas(d, j, "match", "july", "training", "rank", "ranking", "list", "next", "ours", "year", "decide", "decision"):
			intent = true // "knowing your plans would let us plan ours"
		case (w == "would" || w == "will") && next == "you" && clAskTakeVerb[next2],
			(w == "youd" || w == "youll") && clAskTakeVerb[next]:
			intent = true // "if a position were yours, would you sign?", "whether you'd take it"
		case w == "youd" && next == "come" && clSentenceHas(d, j, "matched", "match", "offered", "ranked"):
			intent = true // "whether you'd come to Lakeside if matched"
		case w == "seat" && (next == "warm" || next == "open" || clSentenceHas(d, j, "july", "class", "fellowship", "residency", "program")) &&
			clSentenceHas(d, j, "keep", "save", "hold", "saving", "keeping", "holding"):
			intent = true // "Should we keep a seat warm for you?"
		}
		switch {
		case w == "knowing" && next == "your":
			request = true
		case (w == "line" || w == "word" || w == "note") && prev == "a" && next == "from" && next2 == "you":
			request = true // "a line from you saying … would let me argue for you"
		case w == "hear" && prev == "to" && next == "that" && j-2 >= lo && (toks[j-2].w == "love" || toks[j-2].w == "like" || toks[j-2].w == "glad"):
			request = true // "We'd love to hear that you're leaning our way"
		case (w == "assure" || w == "promise" || w == "guarantee") && (next == "me" || next == "us"):
			request = true // "only if you can assure me today that you'll be committing to us"
		case (w == "confirming" || w == "confirm") && (prev == "reply" || prev == "note" || prev == "email" || prev == "line" || clAskedOfHer(toks, lo, j)):
			request = true
		case (w == "tell" || w == "let") && (next == "her" || next == "him" || next == "them" || next != "you" && (next2 == "we" || next2 == "that" && j+3 <= hi && toks[j+3].w == "we")) &&
			clSentenceHas(d, j, "love", "like", "want", "hope", "hoping", "able", "glad"):
			request = true // a messenger's wish: "I'd love to tell her we can count on you"
		}
		switch {
		case strings.HasPrefix(w, "commit") && next == "to" && strings.HasSuffix(next2, "ing") && next2 != "ranking" && next2 != "coming" && next2 != "joining" && next2 != "matching":
			// "can you commit to getting the 3rd letter uploaded": a task
		case f&clAskFRank != 0:
			rank, strong = true, w != "elsewhere"
		case w == "list" && prev == "the" && j-2 >= lo && clKeepsList[toks[j-2].w]:
			// "If you accept a position elsewhere, please tell us so we
			// can update the list": the program's own list kept current
		case w == "list" && clOnOffWaitlist(toks, lo, j):
			// "let me know if you would like to be taken off the list",
			// "…to stay on the list": her place on a waitlist
		case w == "list" && (prev == "your" || prev == "rank" || prev == "the" && next == "" || next == "yet" ||
			prev == "the" && (next == "you" || next == "youll") && j+2 <= hi && (toks[j+2].w == "certify" || toks[j+2].w == "submit" || toks[j+2].w == "send" || toks[j+2].w == "make" || toks[j+2].w == "will")):
			// "…near the top of the list you certify on Thursday"
			rank, strong = true, true
		case (w == "first" || w == "top" || w == "1" || w == "one") && (next == "choice" || next == "pick" || next == "spot" || next == "program" || next == "place"):
			rank, strong = true, true
		case (w == "first" || w == "1" || w == "1st" || w == "top" || w == "one") && next == "" && (prev == "your" || prev == "number" && j-2 >= lo && toks[j-2].w == "your"):
			rank, strong = true, true // "being your #1", "your number one"
		case (w == "first" || w == "1st" || w == "highest") && clSentenceHas(d, j, "put", "putting", "place", "placing", "list", "listing", "choose", "choosing", "pick", "picking"):
			rank, strong = true, true // "put us first"
		case w == "other" && (clAskOthers[next] || clAskOthers[next2] || j+3 <= hi && clAskOthers[toks[j+3].w]):
			rank = true // "the other academic IM programs"
		case w == "another" && (clAskOthers[next] || clAskOthers[next2]) && clSentenceHas(d, j, "decided", "chosen", "picked", "choose", "committed", "going", "leaning", "prefer"):
			rank = true // "or have you decided on another program?"
		case w == "else" && (prev == "where" || prev == "anywhere" || prev == "somewhere"):
			rank = true
		case (w == "match" || w == "matched") && (next == "here" || next == "with" && j+2 <= hi && toks[j+2].w == "us"):
			rank = true
		case w == "running" && prev == "the":
			rank = true
		case (w == "let" || w == "tell") && (next == "us" || next == "me") && !(w == "let" && clWriterSays[next2]):
			// ("let me say it plainly: …" is the writer speaking, not a
			// request to her)
			request, addressed = true, true
		case w == "if" || w == "once" || w == "should":
			cond = true
		case w == "know" && prev == "to" && clAskWh[next] || w == "wondering" || w == "curious":
			request = true // "it would help to know whether…", "curious which…"
		case w == "share" || w == "indicate" || w == "disclose":
			// "could you share…", "please indicate…"; not "I am happy to
			// share that we will rank you…"
			if clAskedOfHer(toks, lo, j) {
				request = true
			}
		}
	}
	if intent && !event {
		rank, strong = true, true
	}
	if !addressed || !rank {
		return false
	}
	if question {
		return true
	}
	// "If you have accepted interviews elsewhere, let us know": a
	// scheduling courtesy, not a question about her applications.
	if cond && !strong {
		return false
	}
	// A request with a negation is a promise not to ask ("we will not
	// ask you to tell us…", "nothing you tell us…").
	for j := lo; j <= hi && request; j++ {
		switch toks[j].w {
		case "not", "no", "nothing", "never", "nobody", "wont", "dont", "doesnt", "cannot", "cant", "neither", "nor", "expect", "expected",
			"arent", "isnt", "werent", "unable", "couldnt", "wouldnt":
			return false
		}
	}
	return request
}

// clKeepsList are the verbs of a program keeping its own list current.
var clKeepsList = map[string]bool{"update": true, "updating": true, "adjust": true, "adjusting": true, "maintain": true, "maintaining": true, "manage": true, "managing": true, "refresh": true, "tidy": true}

// clOnOffWaitlist reports whether "the list" ending at j is a waitlist
// she may leave or stay on: "taken off the list", "removed from the
// list", "remain on the list".
func clOnOffWaitlist(toks []clToken, lo, j int) bool {
	if j-2 < lo || toks[j-1].w != "the" {
		return false
	}
	switch toks[j-2].w {
	case "off", "from":
		return true
	case "on":
		if j-3 >= lo {
			switch toks[j-3].w {
			case "stay", "staying", "remain", "remaining", "kept", "keep", "keeping", "left", "leave":
				return true
			}
		}
	}
	return false
}

// clAskedOfHer reports whether the verb at j is asked of the applicant:
// "please", "kindly", "you", "could"… stand in the three words before it,
// and no "I"/"we" of the program's own telling ("I am happy to share").
func clAskedOfHer(toks []clToken, lo, j int) bool {
	asked := false
	for k := max(lo, j-3); k < j; k++ {
		switch toks[k].w {
		case "i", "we", "im", "were", "happy", "glad", "pleased", "delighted", "proud", "excited":
			return false
		case "please", "kindly", "you", "could", "would", "can", "will", "willing", "free", "able":
			asked = true
		}
	}
	return asked
}

// clHerRankingOptions finds answers written out for her to pick ("A –
// St. Brendan's will be my #1 / B – I'm ranking you highly / C – still
// deciding … reply with just one letter"): her ranking asked for as a
// form. It returns the first such answer, or "".
func clHerRankingOptions(d *clDoc) string {
	asks := false
	for _, w := range []string{"reply", "respond", "answer", "pick", "choose", "circle", "select", "tick", "check"} {
		if clHasWord(d, w) {
			asks = true
			break
		}
	}
	if !asks {
		return ""
	}
	toks := d.toks
	same := func(i, j int) bool { return j >= 0 && j < len(toks) && toks[i].sent == toks[j].sent }
	for i, t := range toks {
		hit := false
		switch t.w {
		case "my":
			// "… will be my #1", "you are my first choice"
			if same(i, i+1) && same(i, i-1) {
				switch toks[i+1].w {
				case "1", "first", "top", "number", "no", "1st":
					switch toks[i-1].w {
					case "be", "is", "are", "youre", "its", "remain", "remains", "stay", "stays":
						hit = true
					}
				}
			}
		case "ranking", "rank", "placing", "putting", "listing":
			// "I'm ranking you highly", "I'll rank you first"
			if same(i, i+2) && (toks[i+1].w == "you" || toks[i+1].w == "us") && i > 0 && same(i, i-1) {
				switch toks[i-1].w {
				case "im", "ill", "am", "i":
					switch toks[i+2].w {
					case "highly", "high", "first", "top", "1", "number", "near", "at":
						hit = true
					}
				}
			}
		}
		if !hit {
			continue
		}
		lo, hi := i, i
		for same(i, lo-1) {
			lo--
		}
		for same(i, hi+1) {
			hi++
		}
		// An answer to pick is a short line, or one led by its letter or
		// number ("B – I'm ranking you highly"); the program's own "we
		// will rank you highly" in a paragraph is its interest.
		if lead := toks[lo].w; hi-lo < 8 || len(lead) == 1 && strings.Contains("abcde12345", lead) {
			return d.excerpt(clSpan{lo, hi})
		}
	}
	return ""
}
